"""Reading and writing the ``reminder`` table: the store side of the reminder services.

- ``open_reminders``: the open reminders due by a date, with their case, client and
  limit of stay, as ``OpenReminder`` rows; the digest and the calendar both read it.
- ``stored_reminders``: what the refresh compares the plan with
  (``hkcase.domain.reminders.diff.StoredReminder`` by key).
- ``insert_reminders`` / ``update_reminders`` / ``remove_reminders``: bulk Core
  statements, with the dialect's ``INSERT … ON CONFLICT DO NOTHING``;
  ``bulk_cache``: SQLite's page cache enlarged for a large write.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.reminders.diff import StoredReminder, stored
from hkcase.domain.vocab import ReminderKind, ReminderState, Scheme
from hkcase.store.models import Case, Client, Consultant, Reminder, Stay
from hkcase.store.queries.reminder_facts import ID_BATCH

_REMINDER: sa.Table = Reminder.__table__  # type: ignore[assignment]
#: Rows per executemany.
CHUNK = 5000
#: SQLite page cache for a large write (KiB, negative as SQLite wants); the default
#: 2 MB cache makes inserting 500,000 indexed rows several times slower.
SQLITE_BULK_CACHE_KIB = 65536
#: Rows from which a write counts as large.
BULK_ROWS = 10_000
_OPEN = (ReminderState.PENDING.value, ReminderState.SNOOZED.value)


class OpenReminder(NamedTuple):
    """One open reminder with what the digest and the calendar show of it."""

    key: str
    id: int
    kind: ReminderKind
    due_date: date
    state: ReminderState
    snoozed_until: date | None
    title: str
    updated_at: datetime
    stay_id: int | None
    case_id: int
    case_ref: str
    scheme: Scheme
    client_id: int
    family_name: str
    given_names: str
    chinese_name: str | None
    limit_of_stay: date | None

    @property
    def effective_date(self) -> date:
        """The day it is due: the snooze's end for a snoozed reminder."""
        if self.state is ReminderState.SNOOZED and self.snoozed_until is not None:
            return self.snoozed_until
        return self.due_date

    @property
    def client_name(self) -> str:
        return f"{self.family_name} {self.given_names}".strip()


def open_reminders_statement(*, until: date | None = None, consultant: str | None = None,
                             ordered: bool = True) -> sa.Select[Any]:
    """Open reminders (pending, or snoozed) due by ``until`` (all when None), the day of a
    snoozed one being its snooze's end; ``consultant``: only the cases of the consultant
    of that name. The columns are ``OpenReminder``'s."""
    r = _REMINDER
    statement = (
        sa.select(r.c.key, r.c.id, r.c.kind, r.c.due_date, r.c.state, r.c.snoozed_until,
                  r.c.title, r.c.updated_at, r.c.stay_id, Case.id, Case.reference,
                  Case.scheme, Client.id, Client.family_name, Client.given_names,
                  Client.chinese_name, Stay.limit_of_stay)
        .select_from(r)
        .join(Case, Case.id == r.c.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Stay, Stay.id == r.c.stay_id)
    )
    if until is None:
        statement = statement.where(r.c.state.in_(_OPEN))
    else:  # two conditions the (state, due_date) index serves
        statement = statement.where(sa.or_(
            sa.and_(r.c.state == ReminderState.PENDING.value, r.c.due_date <= until),
            sa.and_(r.c.state == ReminderState.SNOOZED.value,
                    sa.func.coalesce(r.c.snoozed_until, r.c.due_date) <= until)))
    if consultant is not None:
        statement = statement.join(Consultant, Consultant.id == Case.consultant_id).where(
            Consultant.name == consultant)
    if ordered:
        statement = statement.order_by(r.c.due_date, r.c.key)
    return statement


def open_reminders(session: Session, *, until: date | None = None,
                   consultant: str | None = None, ordered: bool = True
                   ) -> Iterator[OpenReminder]:
    """The rows of ``open_reminders_statement``, streamed (never all held by this function)."""
    result = session.connection().execute(
        open_reminders_statement(until=until, consultant=consultant, ordered=ordered))
    make = OpenReminder._make
    for row in result:
        yield make(row)


def _raw(column: Any) -> Any:
    return sa.type_coerce(column, sa.String()).label(column.key)


def _batches(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), ID_BATCH):
        yield ordered[start:start + ID_BATCH]


def stored_reminders(session: Session, clients: Collection[int] | None = None,
                     ) -> dict[str, StoredReminder]:
    """Every stored reminder by key (of ``clients``' cases when given).

    For every client, a bare DB-API cursor streams the table (a third of the time of
    a Core select on 500,000 rows); for some clients, their cases' reminders.
    """
    if clients is None:
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute('SELECT "key", id, case_id, stay_id, kind, due_date, title, state '
                           "FROM reminder")
            # DB-API cursors iterate (sqlite3 and psycopg do) though the protocol type omits it.
            return {key: stored(*rest) for key, *rest in cast(Iterable[Any], cursor)}
        finally:
            cursor.close()
    r = _REMINDER
    statement = sa.select(
        r.c.key, r.c.id, r.c.case_id, r.c.stay_id, _raw(r.c.kind), _raw(r.c.due_date),
        r.c.title, _raw(r.c.state)).join(Case, Case.id == r.c.case_id)
    found: dict[str, StoredReminder] = {}
    connection = session.connection()
    for batch in _batches(clients):
        for key, *rest in connection.execute(statement.where(Case.client_id.in_(batch))):
            found[key] = stored(*rest)
    return found


def insert_reminders(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert reminder rows; a key another writer inserted meanwhile is left as it is."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:  # pragma: no cover - hkcase supports SQLite and PostgreSQL
        raise NotImplementedError(dialect)
    statement = insert(_REMINDER).on_conflict_do_nothing(index_elements=["key"])
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, list(rows[start:start + CHUNK]))


def update_reminders(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows of ``rid`` (the reminder's id), ``case_id``, ``stay_id``, ``kind``, ``due_date``,
    ``title`` and ``now``; the state is left as it is."""
    statement = (
        sa.update(_REMINDER)
        .where(_REMINDER.c.id == sa.bindparam("rid"))
        .values(case_id=sa.bindparam("case_id"), stay_id=sa.bindparam("stay_id"),
                kind=sa.bindparam("kind"), due_date=sa.bindparam("due_date"),
                title=sa.bindparam("title"), updated_at=sa.bindparam("now"))
    )
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, list(rows[start:start + CHUNK]))


def remove_reminders(session: Session, ids: Sequence[int]) -> None:
    """Delete the reminders ``ids`` that are still open (pending or snoozed)."""
    for start in range(0, len(ids), CHUNK):
        session.execute(sa.delete(_REMINDER).where(
            _REMINDER.c.id.in_(ids[start:start + CHUNK]), _REMINDER.c.state.in_(_OPEN)))


@contextmanager
def bulk_cache(session: Session, rows: int) -> Iterator[None]:
    """Enlarge SQLite's page cache while ``rows`` (if that many) are written, then restore it."""
    if rows < BULK_ROWS or session.get_bind().dialect.name != "sqlite":
        yield
        return
    connection = session.connection()
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        session.connection().exec_driver_sql(f"PRAGMA cache_size = {previous}")
