"""Correcting a consultant's note (deleting goes through the Trash)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from hkcase.domain.messages import tr
from hkcase.domain.vocab import AuditAction
from hkcase.services.edits import Edited
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import Note


def get_note(store: Store, note_id: int) -> str:
    """The note's text."""
    with store.reading() as session:
        note = session.get(Note, note_id)
        if note is None:
            raise ValidationError("note", tr("that note no longer exists (deleted meanwhile?)"))
        return note.body


def update_note(store: Store, note_id: int, body: str, *, actor: str) -> Edited:
    """Replace a note's text (audited old → new)."""
    if not body.strip():
        raise ValidationError("body", tr("the note is empty: delete it instead"))
    with store.transaction() as session:
        note = session.get(Note, note_id)
        if note is None:
            raise ValidationError("note", tr("that note no longer exists (deleted meanwhile?)"))
        before = note.body
        note.body = body.strip()
        diff = audit.pending_changes(note)
        if diff:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=note,
                         changes=diff)
        return Edited("note", note_id, {"body": before}, {"body": note.body})


@dataclass(frozen=True)
class NotesRow:
    """A line of the notes tab: a consultant's note, with its id to edit or delete it."""

    at: datetime
    who: str | None
    what: str
    note_id: int


def case_notes(store: Store, case_id: int, limit: int = 200) -> list[NotesRow]:
    """The case's notes, newest first (its audited changes are the Activity tab's)."""
    with store.reading() as session:
        return [NotesRow(n.created_at, n.author, n.body, n.id) for n in session.scalars(
            sa.select(Note).where(Note.case_id == case_id)
            .order_by(Note.created_at.desc(), Note.id.desc()).limit(limit))]
