"""Writing a demo chunk: Core bulk inserts that keep every row linked to its own client."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.services.demo import names
from hkcase.services.demo.checklists import ChecklistRows
from hkcase.services.demo.facts import write_facts
from hkcase.services.demo.generator import Chunk
from hkcase.store.counters import CASE_REFERENCE, allocate, case_reference
from hkcase.store.models import (
    Case,
    Client,
    Consultant,
    Education,
    Employment,
    Relationship,
    Stay,
    TravelDocument,
)
from hkcase.store.queries import search


def _insert_returning_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in bulk and return their ids, in the order of ``rows``.

    PostgreSQL batches ``INSERT … RETURNING`` (SQLAlchemy's insertmanyvalues, which
    orders the ids by a sentinel). SQLite cannot order a batch's RETURNING, so
    SQLAlchemy would send one statement per row: there the ids are reserved after the
    table's largest id and inserted explicitly with one ``executemany``. That is safe
    because every write transaction holds SQLite's write lock from its start (``BEGIN
    IMMEDIATE``), and it is the id SQLite itself would give (no AUTOINCREMENT table).
    """
    if not rows:
        return []
    table = model.__table__
    keys = {key for row in rows for key in row if not key.startswith("_")}
    plain = [{**dict.fromkeys(keys), **{k: v for k, v in row.items() if not k.startswith("_")}}
             for row in rows]
    if session.get_bind().dialect.name == "sqlite":
        largest = session.execute(sa.select(sa.func.max(table.c.id))).scalar_one()
        first = int(largest or 0) + 1
        ids = list(range(first, first + len(plain)))
        session.execute(sa.insert(table), [{**row, "id": i}
                                           for row, i in zip(plain, ids, strict=True)])
        return ids
    statement = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, plain).scalars())


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        keys = {key for row in rows for key in row}  # one shape for executemany
        session.execute(sa.insert(model.__table__), [dict.fromkeys(keys) | row for row in rows])


def ensure_consultants(session: Session) -> list[int]:
    """The demo consultants' ids, adding those the store lacks."""
    existing = dict(session.execute(sa.select(Consultant.name, Consultant.id)).all())
    for name in names.CONSULTANTS:
        if name not in existing:
            consultant = Consultant(name=name)
            session.add(consultant)
            session.flush()
            existing[name] = consultant.id
    return [existing[name] for name in names.CONSULTANTS]


def write_chunk(session: Session, chunk: Chunk, checklists: ChecklistRows) -> tuple[int, int]:
    """Insert a chunk's clients, cases, stays, checklists, facts and histories.

    Returns how many cases and stays it wrote.
    """
    principal_ids = _insert_returning_ids(session, Client, chunk.principals)
    dependant_ids = _insert_returning_ids(session, Client, chunk.dependants)
    cases = [c for cases in chunk.principal_cases for c in cases]
    cases += [(case, stays) for _, _, case, stays in chunk.dependant_links]
    numbers = allocate(session, CASE_REFERENCE, len(cases)) if cases else range(0)
    owners = [pid for pid, own in zip(principal_ids, chunk.principal_cases, strict=True)
              for _ in own]
    owners += dependant_ids
    for (case, _), number, owner in zip(cases, numbers, owners, strict=True):
        case["reference"] = case_reference(case["opened_on"].year, number)
        case["client_id"] = owner
        case.setdefault("sponsor_case_id", None)
    principal_count = len(cases) - len(chunk.dependant_links)
    principal_case_ids = _insert_returning_ids(
        session, Case, [c for c, _ in cases[:principal_count]]
    )
    # A dependant's case follows its sponsor's current (last) case.
    current_case_of: list[int] = []
    position = 0
    for own in chunk.principal_cases:
        position += len(own)
        current_case_of.append(principal_case_ids[position - 1])
    for sponsor, _, case, _ in chunk.dependant_links:
        case["sponsor_case_id"] = current_case_of[sponsor]
    dependant_case_ids = _insert_returning_ids(
        session, Case, [c for c, _ in cases[principal_count:]]
    )
    stays = []
    for case_id, (_, case_stays) in zip(
        principal_case_ids + dependant_case_ids, cases, strict=True
    ):
        for stay in case_stays:
            stays.append({**stay, "case_id": case_id})
    _insert(session, Stay, stays)
    checklists.write(session, [(case_id, case) for case_id, (case, _) in zip(
        principal_case_ids + dependant_case_ids, cases, strict=True)])
    write_facts(session, [(case_id, case["_facts"]) for case_id, (case, _) in zip(
        principal_case_ids + dependant_case_ids, cases, strict=True) if "_facts" in case],
        datetime.now(UTC))
    _insert(session, TravelDocument, [
        {**doc, "client_id": (principal_ids if principal else dependant_ids)[i]}
        for principal, i, doc in chunk.documents
    ])
    _insert(session, Education, [{**row, "client_id": principal_ids[i]}
                                 for i, row in chunk.education])
    _insert(session, Employment, [{**row, "client_id": principal_ids[i]}
                                  for i, row in chunk.employment])
    search.refresh_clients(session, principal_ids + dependant_ids)
    _insert(session, Relationship, [
        {"sponsor_id": principal_ids[sponsor], "dependant_id": dependant_ids[n],
         "kind": kind.value, "since": None}
        for n, (sponsor, kind, _, _) in enumerate(chunk.dependant_links)
    ])
    return len(cases), len(stays)
