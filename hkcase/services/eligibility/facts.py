"""Eligibility facts of a client or a case, read from the records, case facts and overrides.

The rules that turn rows into facts are pure (``domain/eligibility/record_facts.py``);
the rows are read by ``store/queries/eligibility.py``; this module puts the layers
together in the caller's session.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hkcase.domain.eligibility.record_facts import (
    CASE_FACTS,
    CLIENT_RECORD,
    OVERRIDE,
    Fact,
    case_facts_layer,
    facts_from_records,
    merge,
)
from hkcase.store.models import Case
from hkcase.store.queries.eligibility import (
    client_records,
    stored_case_facts,
    stored_overrides,
)

__all__ = ["CASE_FACTS", "CLIENT_RECORD", "OVERRIDE", "Fact", "case_fact_set",
           "case_facts_layer", "client_records", "derive_facts", "merge",
           "stored_case_facts", "stored_overrides"]


def derive_facts(session: Session, client_id: int, on: date) -> dict[str, Fact]:
    """Profile facts that follow from a client's records on ``on``."""
    return facts_from_records(client_records(session, client_id), on)


def case_fact_set(session: Session, case: Case, on: date,
                  extra: Mapping[str, Any] | None = None) -> dict[str, Fact]:
    """Every fact of a case: client record, then case facts, then overrides (kept, then
    ``extra`` not yet kept)."""
    facts = derive_facts(session, case.client_id, on)
    facts.update(case_facts_layer(stored_case_facts(session, case)))
    return merge(facts, stored_overrides(session, case.id), extra or {})
