"""Read queries that return plain values and dataclasses, never live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

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

