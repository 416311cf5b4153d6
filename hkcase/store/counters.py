"""Monotonic counters kept in the database, safe for several desktops at once."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.store.models import Counter

CASE_REFERENCE = "case_reference"


def allocate(session: Session, name: str, count: int = 1) -> range:
    """Reserve ``count`` consecutive numbers from counter ``name`` in this transaction.

    The UPDATE takes the row lock, so concurrent writers on a shared database
    receive disjoint ranges.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    last = session.execute(
        sa.update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if last is None:
        session.execute(sa.insert(Counter).values(name=name, value=count))
        last = count
    return range(last - count + 1, last + 1)


def case_reference(year: int, number: int) -> str:
    """The reference a consultant quotes for a case, e.g. ``2026-000123``."""
    return f"{year}-{number:06d}"
