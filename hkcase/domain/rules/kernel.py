"""The dated-rules kernel: every rule file (eligibility, stay, checklists) holds versions
that are in force from one date to another and must never overlap.

One home for what those files share: ``in_force`` (and the ``Dated`` mixin's
``covers``), ``first_overlap``, ``RuleDataError`` and ``RuleSetRef`` — which dated
rules produced a result, with their sources.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar


class RuleDataError(ValueError):
    """Shipped rule data that is malformed: missing keys, overlapping or missing dates."""


def in_force(effective_from: date | None, effective_to: date | None, on: date) -> bool:
    """Whether a version in force from ``effective_from`` to ``effective_to`` (inclusive;
    None: open) applies on ``on``."""
    return ((effective_from is None or effective_from <= on)
            and (effective_to is None or on <= effective_to))


class DatedVersion(Protocol):
    """Anything in force from one date to another (None: open at that end)."""

    @property
    def effective_from(self) -> date | None: ...

    @property
    def effective_to(self) -> date | None: ...


class Dated:
    """Mixin for a dated version: its class declares ``effective_from`` and ``effective_to``."""

    __slots__ = ()
    effective_from: date | None
    effective_to: date | None

    def covers(self, on: date) -> bool:
        """Whether this version is in force on ``on``."""
        return in_force(self.effective_from, self.effective_to, on)


T = TypeVar("T")
V = TypeVar("V", bound=DatedVersion)


def _span(version: DatedVersion) -> tuple[date | None, date | None]:
    return version.effective_from, version.effective_to


def first_overlap(versions: Iterable[T], span: Callable[[T], tuple[date | None, date | None]]
                  ) -> tuple[T, T] | None:
    """The first two consecutive versions (sorted by start) whose dates overlap, or None.

    A version that is open-ended (no end) and followed by another overlaps it, and so does
    a later version without a start date.
    """
    ordered = sorted(versions, key=lambda v: span(v)[0] or date.min)
    for earlier, later in itertools.pairwise(ordered):
        end, start = span(earlier)[1], span(later)[0]
        if end is None or start is None or end >= start:
            return earlier, later
    return None


def first_overlap_of(versions: Iterable[V]) -> tuple[V, V] | None:
    """``first_overlap`` of versions by their own ``effective_from`` / ``effective_to``."""
    return first_overlap(versions, _span)


@dataclass(frozen=True, slots=True)
class RuleSetRef(Dated):
    """The dated rule set a result was produced under, with its sources."""

    id: str
    effective_from: date | None
    effective_to: date | None
    sources: tuple[str, ...]
    second_hand: tuple[str, ...] = ()  # those of ``sources`` that are not official pages

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "effective_from": _iso(self.effective_from),
            "effective_to": _iso(self.effective_to),
            "sources": list(self.sources),
            "second_hand_sources": list(self.second_hand),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
