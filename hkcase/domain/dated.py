"""The dated-rules kernel: every rule file (eligibility, stay, checklists) holds versions
that are in force from one date to another and must never overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

T = TypeVar("T")


class RuleDataError(ValueError):
    """Shipped rule data that is malformed: missing keys, overlapping or missing dates."""


def in_force(effective_from: date | None, effective_to: date | None, on: date) -> bool:
    """Whether a version in force from ``effective_from`` to ``effective_to`` (inclusive;
    None: open) applies on ``on``."""
    return ((effective_from is None or effective_from <= on)
            and (effective_to is None or on <= effective_to))


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
