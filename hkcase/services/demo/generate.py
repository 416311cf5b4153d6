"""``hkcase demo``: fill a store with realistic synthetic clients and cases, dated from today.

Used to try the application and by the benchmarks. Rows go in with Core bulk inserts, in one
transaction, so 100,000 clients load in seconds and a failure leaves nothing behind.
The rows are made by ``generator.py`` (from the pools in ``names.py``) and written by
``bulk.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from hkcase.services.demo.bulk import ensure_consultants, write_chunk
from hkcase.services.demo.checklists import ChecklistRows
from hkcase.services.demo.generator import Chunk, Generator
from hkcase.store import Store

CHUNK = 5000  # clients generated and inserted at a time


@dataclass(frozen=True)
class DemoReport:
    """What ``generate_demo`` added, and how long it took."""

    clients: int
    cases: int
    stays: int
    seconds: float


def generate_demo(
    store: Store,
    clients: int,
    *,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoReport:
    """Add ``clients`` synthetic clients (principals and their dependants) with cases and stays.

    Everything is written in one transaction.
    """
    if clients < 1:
        raise ValueError("the number of clients must be at least 1")
    started = datetime.now(UTC)
    rng = random.Random(seed)
    total_cases = total_stays = 0
    with store.transaction() as session:
        day = today or date.today()
        generator = Generator(rng, day, started, ensure_consultants(session))
        checklists = ChecklistRows(day)
        done = 0
        while done < clients:
            chunk = Chunk()
            generator.fill(chunk, min(CHUNK, clients - done))
            cases, stays = write_chunk(session, chunk, checklists)
            done += len(chunk.principals) + len(chunk.dependants)
            total_cases += cases
            total_stays += stays
            if progress is not None:
                progress(done)
    seconds = (datetime.now(UTC) - started).total_seconds()
    return DemoReport(clients=clients, cases=total_cases, stays=total_stays, seconds=seconds)
