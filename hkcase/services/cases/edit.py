"""Correcting and deleting a case: old values kept for undo, deletion through the Trash."""

from __future__ import annotations

from typing import Any

from hkcase.domain.messages import tr
from hkcase.services.edits import Edited
from hkcase.services.errors import ValidationError
from hkcase.services.records import update_case
from hkcase.services.trash.bin import Deletion, delete_record, preview
from hkcase.store import Store
from hkcase.store.models import Case


def edit_case(store: Store, case_id: int, expected_version: int, *, actor: str,
              **changes: Any) -> Edited:
    """``update_case`` that also returns the old values (for undo) and the new version."""
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        # Exact: the save below fails if the case changed after this read.
        before = {name: getattr(case, name) for name in changes if hasattr(case, name)}
    ref = update_case(store, case_id, expected_version, actor=actor, **changes)
    return Edited("case", case_id, before, dict(changes), ref.version)


def case_deletion(store: Store, case_id: int) -> Deletion:
    """What deleting the case takes with it (stays, reminders, checklist, files…)."""
    return preview(store, "case", case_id)


def delete_case(store: Store, case_id: int, *, actor: str,
                expected_version: int | None = None) -> Deletion:
    """Move the case and everything that belongs to it to the Trash."""
    return delete_record(store, "case", case_id, actor=actor, expected_version=expected_version)
