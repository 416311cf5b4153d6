"""Small details dialogs: a stay and a note. Each saves through its service on Save."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from hkcase.domain.labels import label
from hkcase.gui.date_entry import install_date_entries
from hkcase.gui.forms import date_from_field, load_form
from hkcase.gui.prompts import Prompts
from hkcase.gui.record_actions import push_undo, save_asking, undo_session
from hkcase.services import notes, stays, undo
from hkcase.services.case_detail import StayRow
from hkcase.services.context import AppContext
from hkcase.services.errors import ConflictError, ValidationError


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class StayDialog(QDialog):
    """Correct a recorded stay; a typo-like limit is asked about before it is saved."""

    numberSpin: QSpinBox
    grantedEdit: QLineEdit
    entryEdit: QLineEdit
    limitEdit: QLineEdit
    conditionEdit: QLineEdit
    messageLabel: QLabel
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, prompts: Prompts, stay: StayRow, case_version: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("stay_dialog", self)
        self.ctx, self.prompts, self.stay, self.case_version = ctx, prompts, stay, case_version
        self.setWindowTitle(f"Stay {stay.extension_number}")
        self.numberSpin.setValue(stay.extension_number)
        self.grantedEdit.setText(_iso(stay.granted_on))
        self.entryEdit.setText(_iso(stay.entry_date))
        self.limitEdit.setText(_iso(stay.limit_of_stay))
        self.conditionEdit.setText(stay.condition_of_stay or "")
        install_date_entries(self.grantedEdit, self.entryEdit, self.limitEdit)
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)

    def changes(self) -> dict[str, Any]:
        granted = date_from_field(self.grantedEdit, "granted on")
        limit = date_from_field(self.limitEdit, "limit of stay")
        if granted is None or limit is None:
            raise ValidationError("limit_of_stay", "give the grant date and the limit of stay")
        values: dict[str, Any] = {
            "extension_number": self.numberSpin.value(), "granted_on": granted,
            "entry_date": date_from_field(self.entryEdit, "entry date"),
            "limit_of_stay": limit,
            "condition_of_stay": self.conditionEdit.text().strip() or None}
        old = {"extension_number": self.stay.extension_number,
               "granted_on": self.stay.granted_on, "entry_date": self.stay.entry_date,
               "limit_of_stay": self.stay.limit_of_stay,
               "condition_of_stay": self.stay.condition_of_stay}
        return {k: v for k, v in values.items() if old[k] != v}

    def save(self) -> None:
        try:
            changes = self.changes()
            if not changes:
                self.accept()
                return
            edited = save_asking(self.prompts, self, "Check the limit of stay", lambda ok:
                                 stays.update_stay(self.ctx.store, self.stay.id, changes,
                                                   actor=self.ctx.actor,
                                                   lead_days=self.ctx.settings
                                                   .reminder_lead_days,
                                                   expected_version=self.case_version,
                                                   confirm=ok))
        except ValidationError as exc:
            self.messageLabel.setText(f"Not saved — {label(exc.field)}: "
                                      f"{exc.message}")
            return
        except ConflictError as exc:
            self.prompts.error(self, "Case changed elsewhere", str(exc))
            return
        if edited is None:
            self.messageLabel.setText("Not saved: correct the date, or Save again.")
            return
        push_undo(self.parent() or self, undo.after_edit(
            undo_session(self.ctx), edited, f"edit of stay {self.stay.extension_number}"))
        self.accept()


class NoteDialog(QDialog):
    """Correct a note's text."""

    bodyEdit: QPlainTextEdit
    messageLabel: QLabel
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, prompts: Prompts, note_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("note_dialog", self)
        self.ctx, self.prompts, self.note_id = ctx, prompts, note_id
        self.bodyEdit.setPlainText(notes.get_note(ctx.store, note_id))
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            edited = notes.update_note(self.ctx.store, self.note_id,
                                       self.bodyEdit.toPlainText(), actor=self.ctx.actor)
        except ValidationError as exc:
            self.messageLabel.setText(f"Not saved — {exc.message}")
            return
        push_undo(self.parent() or self, undo.after_edit(undo_session(self.ctx), edited,
                                                         "edit of a note"))
        self.accept()
