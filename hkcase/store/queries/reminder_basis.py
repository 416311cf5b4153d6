"""Fingerprints of the facts reminders are planned from, per client, computed in SQL.

A client's fingerprint is the sum, over every row the planner reads for them
(their stays with the case's scheme, travel documents, the newest version of
each checklist document with an expiry on an open case, sponsor links), of a
hash of that row's values. Any insert, edit or delete of such a row, by any
writer (a service, an import, a restore, plain SQL), changes it — except with
a chance of about one in two billion per changed client. Comparing it with
the fingerprint stored at the last refresh finds the clients to re-plan without
planning anyone else.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import Scheme, Stage
from hkcase.store.models import (
    Case,
    ChecklistItem,
    Document,
    Relationship,
    ReminderBasis,
    ReminderRefresh,
    Stay,
    TravelDocument,
)

#: A prime below 2**31: every step stays below 2**62, in SQLite's and PostgreSQL's bigint.
_MODULUS = 2_147_483_647
_MULTIPLIER = 1_000_003
_ROW = 1  # the one ReminderRefresh row
_BASIS: sa.Table = ReminderBasis.__table__  # type: ignore[assignment]
_REFRESH: sa.Table = ReminderRefresh.__table__  # type: ignore[assignment]
#: Client ids per IN (...) list, well under SQLite's and PostgreSQL's parameter limits.
ID_BATCH = 900


def _mix(*terms: Any) -> Any:
    """A hash of non-negative integer terms, each step reduced modulo a prime."""
    value: Any = sa.cast(terms[0], sa.BigInteger) % _MODULUS
    for term in terms[1:]:
        value = (value * _MULTIPLIER + term) % _MODULUS
    return value


def _days(column: Any, dialect: str) -> Any:
    """A date as a whole number of days (0 for NULL)."""
    number: Any
    if dialect == "postgresql":
        number = sa.type_coerce(column - sa.literal_column("DATE '1970-01-01'"), sa.Integer)
    else:  # SQLite keeps dates as ISO text
        number = sa.cast(sa.func.julianday(column), sa.Integer)
    return sa.func.coalesce(number, 0)


def _first_code(column: Any, dialect: str) -> Any:
    name = "ascii" if dialect == "postgresql" else "unicode"
    return sa.func.coalesce(getattr(sa.func, name)(column), 0)


def _scheme_number(column: Any) -> Any:
    return sa.case(*((column == s, n) for n, s in enumerate(Scheme, start=1)), else_=0)


def _parts(dialect: str) -> list[sa.Select[Any]]:
    """``(client_id, row hash)`` for each kind of fact the planner reads."""
    stays = (sa.select(Case.client_id.label("client_id"), _mix(
        1, Stay.id, Stay.case_id, _scheme_number(Case.scheme), _days(Stay.granted_on, dialect),
        _days(Stay.limit_of_stay, dialect), _days(Stay.entry_date, dialect),
        Stay.extension_number).label("h")).select_from(Stay)
        .join(Case, Case.id == Stay.case_id))
    travel = (sa.select(TravelDocument.client_id.label("client_id"), _mix(
        2, TravelDocument.id, sa.func.length(TravelDocument.doc_type),
        _first_code(TravelDocument.doc_type, dialect),
        _days(TravelDocument.expiry_date, dialect)).label("h"))
        .where(TravelDocument.expiry_date.is_not(None)))
    newest = (sa.select(Document.checklist_item_id, sa.func.max(Document.version_no).label("v"))
              .group_by(Document.checklist_item_id).subquery())
    documents = (sa.select(Case.client_id.label("client_id"), _mix(
        3, Document.id, ChecklistItem.case_id, _days(Document.expiry_date, dialect),
        sa.func.length(ChecklistItem.title_en), _first_code(ChecklistItem.title_en, dialect),
        ).label("h"))
        .select_from(Document)
        .join(newest, sa.and_(newest.c.checklist_item_id == Document.checklist_item_id,
                              newest.c.v == Document.version_no))
        .join(ChecklistItem, ChecklistItem.id == Document.checklist_item_id)
        .join(Case, Case.id == ChecklistItem.case_id)
        .where(Document.expiry_date.is_not(None), Case.stage != Stage.CLOSED))
    links = sa.select(Relationship.dependant_id.label("client_id"),
                      _mix(4, Relationship.sponsor_id).label("h"))
    return [stays, travel, documents, links]


def _batches(ids: Collection[int] | None) -> list[list[int] | None]:
    if ids is None:
        return [None]
    ordered = sorted(ids)
    return [ordered[i:i + ID_BATCH] for i in range(0, len(ordered), ID_BATCH)]


def fingerprints(session: Session, clients: Collection[int] | None = None) -> dict[int, int]:
    """``client id → fingerprint`` of every client with facts (of ``clients`` when given)."""
    dialect = session.get_bind().dialect.name
    found: dict[int, int] = {}
    connection = session.connection()
    for batch in _batches(clients):
        parts = []
        for part in _parts(dialect):
            column = part.selected_columns.client_id
            parts.append(part if batch is None else part.where(column.in_(batch)))
        rows = sa.union_all(*parts).subquery("fact")
        statement = (sa.select(rows.c.client_id, sa.func.sum(rows.c.h))
                     .group_by(rows.c.client_id))
        found.update((int(c), int(h)) for c, h in connection.execute(statement))
    return found


def stored_fingerprints(session: Session, clients: Collection[int] | None = None
                        ) -> dict[int, int]:
    """The fingerprints kept at the last refresh."""
    table = _BASIS
    found: dict[int, int] = {}
    connection = session.connection()
    for batch in _batches(clients):
        statement = sa.select(table.c.client_id, table.c.fingerprint)
        if batch is not None:
            statement = statement.where(table.c.client_id.in_(batch))
        found.update((int(c), int(h)) for c, h in connection.execute(statement))
    return found


def changed_clients(now: Mapping[int, int], kept: Mapping[int, int]) -> set[int]:
    """Clients whose fingerprint differs, appeared or disappeared."""
    return {c for c in now.keys() | kept.keys() if now.get(c) != kept.get(c)}


def save_fingerprints(session: Session, clients: Iterable[int], values: Mapping[int, int]
                      ) -> None:
    """Replace the kept fingerprints of ``clients`` by ``values`` (none where absent)."""
    table = _BASIS
    wanted = set(clients)
    for batch in _batches(wanted):
        assert batch is not None
        session.execute(sa.delete(table).where(table.c.client_id.in_(batch)))
    rows = [{"client_id": c, "fingerprint": values[c]} for c in sorted(wanted) if c in values]
    for start in range(0, len(rows), 5000):
        session.execute(sa.insert(table), rows[start:start + 5000])


def clear_fingerprints(session: Session) -> None:
    """Forget every kept fingerprint (before a full refresh writes them again)."""
    session.execute(sa.delete(_BASIS))


def kept_plan(session: Session) -> str | None:
    """The plan the kept fingerprints belong to; None before the first full refresh."""
    return session.execute(sa.select(ReminderRefresh.plan).where(
        ReminderRefresh.id == _ROW)).scalar_one_or_none()


def set_plan(session: Session, plan: str) -> None:
    table = _REFRESH
    session.execute(sa.delete(table))
    session.execute(sa.insert(table).values(id=_ROW, plan=plan))


def forget_plan(session: Session) -> None:
    """Make the next refresh a full one (after reminders were planned another way)."""
    session.execute(sa.delete(_REFRESH))
