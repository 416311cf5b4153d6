"""Undo for this session's actions: a stack of inverse operations on the same services.

An edit is undone by editing back to the old values (with the version the edit
produced, so a colleague's change in between is a ``ConflictError``, never
overwritten); a deletion by restoring from the Trash; a creation by deleting
to the Trash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hkcase.domain.messages import StoredText, tr
from hkcase.services import checklists, client_history, documents
from hkcase.services.cases import edit as cases
from hkcase.services.cases import notes
from hkcase.services.edits import Edited
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.services.stays import listing as stays
from hkcase.services.trash import bin as trash
from hkcase.store import Store

UNDO_LIMIT = 100


@dataclass(frozen=True)
class UndoStep:
    """One undoable action: what it was called, and how to take it back."""

    label: str
    run: Callable[[], object]


class UndoStack:
    """The actions of this session, newest last."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._steps: list[UndoStep] = []
        self._limit = limit

    def push(self, step: UndoStep) -> None:
        self._steps.append(step)
        del self._steps[:-self._limit]

    def can_undo(self) -> bool:
        return bool(self._steps)

    @property
    def next_label(self) -> str | None:
        """What Ctrl+Z would undo now."""
        return self._steps[-1].label if self._steps else None

    def undo(self) -> str | None:
        """Take back the newest action; returns its label (None when there is none).

        A step that fails (a colleague changed the record meanwhile) is dropped and
        its error raised: it cannot succeed later either.
        """
        if not self._steps:
            return None
        step = self._steps.pop()
        step.run()
        return step.label

    def clear(self) -> None:
        self._steps.clear()


@dataclass(frozen=True)
class Session:
    """Where undo steps run: the store, who acts, and the reminder lead times."""

    store: Store
    actor: str
    lead_days: Sequence[int]


def restore(ctx: Session, trash_id: int) -> trash.TrashItem:
    """Restore from the Trash and bring the client's reminders up to date."""
    item = trash.restore(ctx.store, trash_id, actor=ctx.actor)
    if item.client_id is not None:
        refresh_reminders(ctx.store, lead_days=ctx.lead_days, clients=[item.client_id])
    return item


def after_edit(ctx: Session, edited: Edited, label: str) -> UndoStep:
    """The step that edits ``edited`` back to its old values."""
    old: dict[str, Any] = dict(edited.old)
    run: Callable[[], object]
    if edited.kind in client_history.MODELS:
        def run() -> object:
            return client_history.update_row(ctx.store, edited.kind, edited.id, old,
                                             actor=ctx.actor,
                                             expected_version=edited.owner_version,
                                             client_id=edited.owner_id)
    elif edited.kind == "stay":
        def run() -> object:
            return stays.update_stay(ctx.store, edited.id, old, actor=ctx.actor,
                                     lead_days=ctx.lead_days,
                                     expected_version=edited.owner_version)
    elif edited.kind == "case":
        assert edited.owner_version is not None

        def run() -> object:
            return cases.edit_case(ctx.store, edited.id, edited.owner_version or 0,
                                   actor=ctx.actor, **old)
    elif edited.kind == "note":
        def run() -> object:
            return notes.update_note(ctx.store, edited.id, str(old["body"]), actor=ctx.actor)
    elif edited.kind == "checklist_item":
        def run() -> object:
            return checklists.edit_item(ctx.store, edited.id, actor=ctx.actor, **old)
    elif edited.kind == "document":
        def run() -> object:
            return documents.update_version(ctx.store, edited.id, actor=ctx.actor, **old)
    else:
        raise ValueError(f"no undo for edits of {edited.kind}")
    return UndoStep(label, run)


def after_delete(ctx: Session, deletion: trash.Deletion) -> UndoStep:
    """The step that restores a deletion from the Trash."""
    trash_id = deletion.trash_id
    assert trash_id is not None
    # The Trash keeps its label in English (stored): said again in the reader's language.
    return UndoStep(tr("delete {label}", label=StoredText(deletion.label)),
                    lambda: restore(ctx, trash_id))


def after_create(ctx: Session, kind: str, row_id: int, label: str) -> UndoStep:
    """The step that deletes a record just created (to the Trash, so nothing is lost)."""
    def run() -> object:
        if kind == "stay":
            return stays.delete_stay(ctx.store, row_id, actor=ctx.actor,
                                     lead_days=ctx.lead_days)
        return trash.delete_record(ctx.store, kind, row_id, actor=ctx.actor)
    return UndoStep(label, run)
