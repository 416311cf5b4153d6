"""Timing helpers and the result record every benchmark prints."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measurement: ``value`` for hkcase, ``baseline`` for the bare way, same unit."""

    name: str
    value: float
    unit: str
    baseline: float

    def as_json(self) -> str:
        ratio = self.value / self.baseline if self.baseline else None
        return json.dumps({
            "name": self.name,
            "value": round(self.value, 6),
            "unit": self.unit,
            "baseline": round(self.baseline, 6),
            "ratio": None if ratio is None else round(ratio, 3),
        })


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs of ``work``."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
