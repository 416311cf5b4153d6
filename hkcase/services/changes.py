"""Whether anything changed since the window last looked: a cheap check before a reload.

The main window asks when it regains focus and on a timer; only when the answer is
yes does it reload the case list and the dashboard (each a set of real queries).
Colleagues' changes on a shared database show up this way, and an idle desktop costs
the database one small query a minute.

The token is read in one statement from primary-key indexes only (no table scan):

- the newest audit entry: every edit of a client, case, stay, note or reminder state
  writes one in its own transaction, by whoever made it;
- the newest Trash entry (a deletion, also of records without an audit entry);
- the newest reminder: the reminders' regeneration (another desktop's tray, new lead
  times) adds rows unaudited (what it removes goes with an audited change of a stay or
  case, or with the day's refresh);
- today's date, since the dashboard's sections move at midnight.

No count and no ``updated_at``: each is a ``max`` of a primary key, one index lookup
whatever the size of the office (``tests/services/test_consultants.py`` checks that
each kind of change moves the token).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute

from hkcase.store import Store
from hkcase.store.models import AuditEntry, Reminder, TrashEntry


@dataclass(frozen=True, slots=True)
class ChangeToken:
    """What the database looked like, in a few numbers; equal tokens: nothing to reload."""

    audit: int
    trash: int
    reminder: int
    day: date


def change_token(store: Store, *, today: date | None = None) -> ChangeToken:
    """The current token, in one short read."""
    def newest(column: InstrumentedAttribute[int]) -> sa.ScalarSelect[int]:
        return sa.select(sa.func.coalesce(sa.func.max(column), 0)).scalar_subquery()

    statement = sa.select(newest(AuditEntry.id), newest(TrashEntry.id), newest(Reminder.id))
    with store.reading() as session:
        audit, trash, reminder = session.execute(statement).one()
    return ChangeToken(int(audit), int(trash), int(reminder), today or date.today())


def changes_since(store: Store, token: ChangeToken | None, *, today: date | None = None
                  ) -> ChangeToken | None:
    """The new token if anything changed since ``token`` (None: never looked), else None."""
    now = change_token(store, today=today)
    return None if now == token else now
