"""``hkcase export-client``: one person's data, for a data access request under the PDPO.

Which rows belong to the person is read from the models' foreign keys, so a
table added later is included without a change here: starting from the
client row, every row that *belongs* to a chosen row (a foreign key that
cascades or restricts a delete) is chosen too — travel documents, cases and
their stays, checklists, documents, notes, reminders, eligibility runs and
whatever else hangs off them. Loose references (``SET NULL``: a sponsor's
case, the consultant) and references to a row's own table are not followed,
so another person's file never comes along. Tables that keep a client or case
number without a foreign key (the audit trail, the trash) contribute the rows
that name the person's client or cases, and audit entries about any chosen row.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import tr
from hkcase.services.archives import format as F
from hkcase.services.archives.export import ArchiveResult, write_archive
from hkcase.services.errors import ValidationError
from hkcase.store import Store

_CASE_REFERENCE = re.compile(r"^\d{4}-\d{6}$")
_IN_CHUNK = 500


def _tables() -> dict[str, sa.Table]:
    return {t.name: t for t in F.tables()}


def check_reference(text: str) -> str:
    """``text`` as a CLIENT_REF (a client number or a case reference), or ``ValidationError``."""
    cleaned = text.strip()
    if not (cleaned.isdigit() or _CASE_REFERENCE.match(cleaned)):
        raise ValidationError("client", tr("{text} is neither a client number (e.g. 42) nor a "
                                           "case reference (e.g. 2026-000123)",
                                           text=repr(text)))
    return cleaned


def client_for_reference(store: Store, text: str) -> int:
    """The client a CLIENT_REF names: a client number, or a case reference (its client)."""
    cleaned = check_reference(text)
    tables = _tables()
    client, case = tables["client"], tables["case"]
    with store.reading() as session:
        if cleaned.isdigit():
            found = session.execute(sa.select(client.c.id).where(
                client.c.id == int(cleaned))).scalar()
        else:
            found = session.execute(sa.select(case.c.client_id).where(
                case.c.reference == cleaned)).scalar()
    if found is None:
        raise ValidationError("client", tr("there is no client or case {reference}",
                                           reference=cleaned))
    return int(found)


def _owning_keys(table: sa.Table) -> list[sa.ForeignKey]:
    return [fk for fk in table.foreign_keys
            if fk.column.table is not table and (fk.ondelete or "").upper() != "SET NULL"]


def _rows(session: Session, table: sa.Table, condition: sa.ColumnElement[bool]
          ) -> list[dict[str, Any]]:
    query = sa.select(table).where(condition).order_by(*table.primary_key.columns)
    return [dict(r) for r in session.execute(query).mappings()]


def _in(column: sa.ColumnElement[Any], values: set[Any]) -> sa.ColumnElement[bool]:
    ordered = sorted(values)
    parts = [column.in_(ordered[i:i + _IN_CHUNK]) for i in range(0, len(ordered), _IN_CHUNK)]
    return sa.or_(*parts) if parts else sa.false()


def select_client(session: Session, client_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row that is about one client, per table."""
    tables = _tables()
    chosen: dict[str, list[dict[str, Any]]] = {
        "client": _rows(session, tables["client"], tables["client"].c.id == client_id)}
    for table in tables.values():  # parents first, so one pass reaches every descendant
        conditions = []
        for fk in _owning_keys(table):
            parents = chosen.get(fk.column.table.name)
            if parents:
                conditions.append(_in(table.c[fk.parent.name],
                                      {r[fk.column.name] for r in parents}))
        if conditions and table.name != "client":
            chosen[table.name] = _rows(session, table, sa.or_(*conditions))
    ids = {name: {r["id"] for r in rows if "id" in r} for name, rows in chosen.items()}
    for table in tables.values():  # tables that name a client or case without a foreign key
        if table.name in chosen or table.foreign_keys:
            continue
        conditions = [_in(table.c[f"{owner}_id"], ids.get(owner, set()))
                      for owner in ("client", "case") if f"{owner}_id" in table.c]
        if {"entity", "entity_id"} <= set(table.c.keys()):
            conditions += [sa.and_(table.c.entity == name, _in(table.c.entity_id, values))
                           for name, values in ids.items() if values]
        if conditions:
            chosen[table.name] = _rows(session, table, sa.or_(*conditions))
    return chosen


def export_client(store: Store, attachments_dir: Path, client_id: int, target: Path, *,
                  plain: bool = False) -> ArchiveResult:
    """One client's records, cases, stays, documents (with files) and audit entries."""
    with store.reading() as session:
        if session.execute(sa.select(_tables()["client"].c.id).where(
                _tables()["client"].c.id == client_id)).first() is None:
            raise ValidationError("client", tr("there is no client number {client_id}",
                                               client_id=client_id))
    return write_archive(store, attachments_dir, target, scope=F.CLIENT,
                         select=lambda session: select_client(session, client_id),
                         subject=f"client {client_id}", plain=plain)
