"""Read queries that return plain values and dataclasses, never live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import Scheme, Stage
from hkcase.store.migrate import current_revision
from hkcase.store.models import (
    AuditEntry,
    Case,
    ChecklistItem,
    Client,
    Document,
    Education,
    EligibilityRun,
    Employment,
    Note,
    Relationship,
    Reminder,
    Stay,
    TravelDocument,
)

# The order in which `hkcase info` lists the counts.
COUNTED = {
    "clients": Client,
    "travel_documents": TravelDocument,
    "education": Education,
    "employment": Employment,
    "relationships": Relationship,
    "cases": Case,
    "stays": Stay,
    "checklist_items": ChecklistItem,
    "documents": Document,
    "eligibility_runs": EligibilityRun,
    "reminders": Reminder,
    "notes": Note,
    "audit_entries": AuditEntry,
}


@dataclass(frozen=True)
class StoreSummary:
    """The schema revision and how many rows each kind of record has."""

    revision: str | None
    counts: dict[str, int]


def summarise(session: Session) -> StoreSummary:
    """Schema revision and row counts, one query per table."""
    counts = {
        name: session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
        for name, model in COUNTED.items()
    }
    return StoreSummary(revision=current_revision(session.connection()), counts=counts)


@dataclass(frozen=True)
class SchemeCount:
    """How many cases a scheme has, and how many of them are still open."""

    scheme: Scheme
    open_cases: int
    all_cases: int


def cases_by_scheme(session: Session) -> list[SchemeCount]:
    """Case counts per scheme, in the order of the ``Scheme`` vocabulary."""
    open_case = sa.case((Case.stage != Stage.CLOSED, 1), else_=0)
    rows = session.execute(
        sa.select(Case.scheme, sa.func.sum(open_case), sa.func.count()).group_by(Case.scheme)
    ).all()
    found = {scheme: (int(open_n or 0), int(all_n)) for scheme, open_n, all_n in rows}
    return [
        SchemeCount(scheme, *found.get(scheme, (0, 0)))
        for scheme in Scheme
    ]
