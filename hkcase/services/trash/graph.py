"""The rows that go with a deleted record, as JSON, and putting them back.

Everything is found from the schema's foreign keys, so a table added later
(case facts, say) goes to the Trash with its case without any change here:
rows whose key ``CASCADE``s from a collected row are collected, a client takes
its cases (``RESTRICT``) with it, and references that would be ``SET NULL`` are
kept as links and set again on restore when both ends exist. Derived tables
(the search index) are rebuilt instead of kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.labels import label
from hkcase.domain.messages import current_language, tr
from hkcase.store.base import Base, UTCDateTime

#: Tables rebuilt by the services, never kept in a snapshot.
DERIVED_PREFIXES = ("search",)
#: Parent → child tables taken along although the key says RESTRICT.
TAKEN_ALONG = {("client", "case")}


def _table(name: str) -> sa.Table:
    return Base.metadata.tables[name]


def _pk(table: sa.Table) -> sa.Column[Any]:
    return next(iter(table.primary_key.columns))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _revive(column: sa.Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime | sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class(value)
    return value


@dataclass
class Graph:
    """Rows by table (in dependency order) and the nullable references to restore."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: ``[table, row id, column, value]``: set again on restore if both ends exist.
    links: list[list[Any]] = field(default_factory=list)

    def ids(self, table: str) -> list[Any]:
        pk = _pk(_table(table)).name
        return [row[pk] for row in self.rows.get(table, [])]

    def as_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "links": self.links}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Graph:
        return cls(rows=dict(data.get("rows", {})), links=list(data.get("links", [])))


def _children(table: sa.Table) -> list[tuple[sa.Table, sa.Column[Any], str]]:
    found = []
    for child in Base.metadata.sorted_tables:
        if child.name.startswith(DERIVED_PREFIXES):
            continue
        for fk in child.foreign_keys:
            if fk.column.table is table and fk.parent.table is child:
                found.append((child, fk.parent, (fk.ondelete or "NO ACTION").upper()))
    return found


def collect(session: Session, root: str, root_id: int) -> Graph:
    """The root row and every row that goes with it."""
    collected: dict[str, dict[Any, dict[str, Any]]] = {}
    links: dict[tuple[str, Any, str], Any] = {}
    queue: list[tuple[sa.Table, sa.ColumnElement[bool]]] = [
        (_table(root), _pk(_table(root)) == root_id)]
    while queue:
        table, where = queue.pop(0)
        pk = _pk(table)
        have = collected.setdefault(table.name, {})
        fresh = [dict(r._mapping) for r in session.execute(sa.select(table).where(where))]
        fresh = [r for r in fresh if r[pk.name] not in have]
        if not fresh:
            continue
        for row in fresh:
            have[row[pk.name]] = {k: _plain(v) for k, v in row.items()}
        ids = [r[pk.name] for r in fresh]
        for child, column, ondelete in _children(table):
            if ondelete == "CASCADE" or (table.name, child.name) in TAKEN_ALONG:
                queue.append((child, column.in_(ids)))
            elif ondelete == "SET NULL":
                child_pk = _pk(child)
                for child_id, value in session.execute(
                        sa.select(child_pk, column).where(column.in_(ids))):
                    links[(child.name, child_id, column.name)] = value
    graph = Graph()
    for table in Base.metadata.sorted_tables:
        if collected.get(table.name):
            graph.rows[table.name] = list(collected[table.name].values())
            for column in _nullable_keys(table):
                for row in graph.rows[table.name]:
                    if row.get(column.name) is not None:
                        links[(table.name, row[_pk(table).name], column.name)] = row[column.name]
    graph.links = [[t, i, c, v] for (t, i, c), v in links.items()]
    return graph


def _nullable_keys(table: sa.Table) -> list[sa.Column[Any]]:
    return [fk.parent for fk in table.foreign_keys
            if (fk.ondelete or "").upper() == "SET NULL" and fk.parent.table is table]


def delete(session: Session, graph: Graph) -> None:
    """Delete the graph's rows, children first."""
    for name in reversed(list(graph.rows)):
        table = _table(name)
        ids = graph.ids(name)
        for start in range(0, len(ids), 500):
            session.execute(sa.delete(table).where(_pk(table).in_(ids[start:start + 500])))


class RestoreError(ValueError):
    """The graph cannot go back: its parent is gone. The message says which."""


def _exists(session: Session, table: sa.Table, row_id: Any) -> bool:
    pk = _pk(table)
    return session.scalar(sa.select(sa.func.count()).select_from(table)
                          .where(pk == row_id)) != 0


def check_parents(session: Session, graph: Graph, root: str) -> None:
    """``RestoreError`` when a row the root needs (its client, case, item) no longer exists."""
    table = _table(root)
    (row,) = [r for r in graph.rows[root] if r[_pk(table).name] is not None][:1]
    for fk in table.foreign_keys:
        if fk.parent.table is not table or (fk.ondelete or "").upper() == "SET NULL":
            continue
        value = row.get(fk.parent.name)
        if value is not None and not _exists(session, fk.column.table, value):
            raise RestoreError(tr("its {record} (number {number}) is no longer there: "
                                  "restore that first",
                                  record=label(fk.column.table.name, current_language()),
                                  number=value))


def insert(session: Session, graph: Graph) -> dict[tuple[str, Any], Any]:
    """Put the rows back, keeping their ids where free; returns ids that had to change."""
    moved: dict[tuple[str, Any], Any] = {}
    for name, rows in graph.rows.items():
        table = _table(name)
        pk = _pk(table)
        keys = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys
                if fk.parent.table is table}
        nullable = {c.name for c in _nullable_keys(table)}
        for stored in rows:
            values = {c.name: _revive(c, stored.get(c.name)) for c in table.columns
                      if c.name in stored}
            for column, target in keys.items():
                if column in nullable:
                    values[column] = None  # set again from the links, if its target exists
                elif values.get(column) is not None:
                    values[column] = moved.get((target, values[column]), values[column])
            old_id = stored[pk.name]
            if not pk.foreign_keys and _exists(session, table, values[pk.name]):
                del values[pk.name]  # the id was reused meanwhile (SQLite reuses the highest)
                new_id = session.execute(sa.insert(table).values(values)
                                         .returning(pk)).scalar_one()
                moved[(name, old_id)] = new_id
            else:
                session.execute(sa.insert(table).values(values))
    for name, row_id, column, value in graph.links:
        table = _table(name)
        target_table = next(fk.column.table for fk in table.foreign_keys
                            if fk.parent.name == column and fk.parent.table is table)
        row_id = moved.get((name, row_id), row_id)
        value = moved.get((target_table.name, value), value)
        if _exists(session, table, row_id) and _exists(session, target_table, value):
            session.execute(sa.update(table).where(_pk(table) == row_id)
                            .values({column: value}))
    return moved
