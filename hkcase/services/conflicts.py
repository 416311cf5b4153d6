"""A save that lost the race, told in a colleague's name: who changed the record, and when.

Versions detect the conflict (``Case.version``, ``Client.version``); the audit trail,
written in the same transaction as every change, says who made it. The save sites
raise :func:`conflict` instead of a bare ``ConflictError``::

    Changed by Ben Lau at 14:32: reload, or keep yours and review the differences
    (case 2026-000123)
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, object_session

from hkcase.store import ConflictError
from hkcase.store.models import AuditEntry, Case, Client

ADVICE = "reload, or keep yours and review the differences"


class ColleagueConflict(ConflictError):
    """A conflict with the colleague and time of the change that won, when the audit knows."""

    def __init__(self, message: str, *, subject: str, changed_by: str | None,
                 changed_at: datetime | None) -> None:
        super().__init__(message)
        self.subject = subject
        self.changed_by = changed_by
        #: Local time of the change (aware), or None.
        self.changed_at = changed_at


def subject_label(owner: Case | Client) -> str:
    """How the message names the record: "case 2026-000123" or "CHAN Tai Man"."""
    if isinstance(owner, Case):
        return f"case {owner.reference}"
    return f"{owner.family_name} {owner.given_names}".strip()


def latest_change(session: Session, owner: Case | Client) -> AuditEntry | None:
    """The newest audit entry of the record or anything filed under it (a passport, a stay).

    Child edits raise the owner's version too, so they are what a conflict can be about.
    """
    if isinstance(owner, Case):
        where = AuditEntry.case_id == owner.id
    else:
        where = sa.and_(AuditEntry.client_id == owner.id, AuditEntry.case_id.is_(None))
    # Read without autoflush: the caller's unsaved edits must not be written to look.
    with session.no_autoflush:
        return session.scalars(sa.select(AuditEntry).where(where)
                               .order_by(AuditEntry.id.desc()).limit(1)).first()


def local_time(moment: datetime, *, now: datetime | None = None) -> str:
    """``14:32`` today, ``30 Nov 14:32`` another day this year, else with the year."""
    if moment.tzinfo is None:  # stored as UTC without a zone (SQLite, timestamp columns)
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone()
    if moment.date() == today.date():
        return moment.strftime("%H:%M")
    if moment.year == today.year:
        return f"{moment.day} {moment:%b %H:%M}"
    return f"{moment.day} {moment:%b %Y %H:%M}"


def conflict(owner: Case | Client, session: Session | None = None) -> ColleagueConflict:
    """The error to raise when ``owner`` was saved by someone else since it was opened."""
    session = session or object_session(owner)
    entry = latest_change(session, owner) if session is not None else None
    subject = subject_label(owner)
    if entry is None:
        return ColleagueConflict(f"Changed by someone else since you opened it: {ADVICE} "
                                 f"({subject})", subject=subject, changed_by=None,
                                 changed_at=None)
    at = entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=UTC)
    return ColleagueConflict(f"Changed by {entry.actor} at {local_time(at)}: {ADVICE} "
                             f"({subject})", subject=subject, changed_by=entry.actor,
                             changed_at=at.astimezone())
