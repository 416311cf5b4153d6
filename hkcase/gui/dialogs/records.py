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

from hkcase.app import AppContext
from hkcase.gui.dialogs.conflict import ConflictDialog, ask_about_conflict
from hkcase.gui.support.date_entry import install_date_entries
from hkcase.gui.support.forms import date_from_field, load_form
from hkcase.gui.support.i18n import label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import push_undo, save_asking, undo_session
from hkcase.services import undo
from hkcase.services.cases import notes
from hkcase.services.cases.detail import StayRow
from hkcase.services.conflicts import review_stay
from hkcase.services.errors import ConflictError, ValidationError
from hkcase.services.stays import listing as stays


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
        self.setWindowTitle(self.tr("Stay {number}").format(number=stay.extension_number))
        self.conflict_dialog: ConflictDialog | None = None  # open after a colleague's save
        self._fill(stay)
        install_date_entries(self.grantedEdit, self.entryEdit, self.limitEdit)
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)

    def _fill(self, stay: StayRow) -> None:
        self.numberSpin.setValue(stay.extension_number)
        self.grantedEdit.setText(_iso(stay.granted_on))
        self.entryEdit.setText(_iso(stay.entry_date))
        self.limitEdit.setText(_iso(stay.limit_of_stay))
        self.conditionEdit.setText(stay.condition_of_stay or "")

    def typed(self) -> dict[str, Any]:
        """Every field as typed (dates checked)."""
        granted = date_from_field(self.grantedEdit, "granted on")
        limit = date_from_field(self.limitEdit, "limit of stay")
        if granted is None or limit is None:
            raise ValidationError("limit_of_stay", "give the grant date and the limit of stay")
        return {
            "extension_number": self.numberSpin.value(), "granted_on": granted,
            "entry_date": date_from_field(self.entryEdit, "entry date"),
            "limit_of_stay": limit,
            "condition_of_stay": self.conditionEdit.text().strip() or None}

    def changes(self) -> dict[str, Any]:
        values = self.typed()
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
            edited = save_asking(self.prompts, self, self.tr("Check the limit of stay"),
                                 lambda ok:
                                 stays.update_stay(self.ctx.store, self.stay.id, changes,
                                                   actor=self.ctx.actor,
                                                   lead_days=self.ctx.settings
                                                   .reminder_lead_days,
                                                   expected_version=self.case_version,
                                                   confirm=ok))
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Not saved — {field}: {reason}").format(
                field=label(exc.field), reason=exc.message))
            return
        except ConflictError as exc:
            self._conflict(str(exc))
            return
        if edited is None:
            self.messageLabel.setText(self.tr("Not saved: correct the date, or Save again."))
            return
        push_undo(self.parent() or self, undo.after_edit(
            undo_session(self.ctx), edited, f"edit of stay {self.stay.extension_number}"))
        self.accept()


    # A colleague saved the case first ---------------------------------------------
    def _conflict(self, message: str) -> None:
        """Who saved first; Reload shows the stay as saved, Review offers Keep mine."""
        self.messageLabel.setText(self.tr("Not saved — {reason}").format(reason=message))
        try:
            mine = self.typed()
        except ValidationError:
            mine = {}
        stay_id = self.stay.id
        self.conflict_dialog = ask_about_conflict(
            self, message, lambda: review_stay(self.ctx.store, stay_id, mine),
            reload=self._reload_theirs, keep_mine=self._keep_mine)

    def _saved(self) -> StayRow | None:
        """The stay as saved now, with the case's version; None (said why) if it is gone."""
        try:
            _case_id, stay = stays.get_stay(self.ctx.store, self.stay.id)
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Cannot reload — {reason}").format(
                reason=exc.message))
            return None
        return stay

    def _reload_theirs(self) -> None:
        stay = self._saved()
        if stay is None:
            return
        try:
            self.case_version = review_stay(self.ctx.store, stay.id, {}).version
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Cannot reload — {reason}").format(
                reason=exc.message))
            return
        self.stay = stay
        self._fill(stay)
        self.messageLabel.setText(self.tr("Reloaded: these are the saved values. Make your "
                                          "change again if it is still needed."))

    def _keep_mine(self, version: int) -> None:
        """Save the typed values over the colleague's, at the case version reviewed."""
        stay = self._saved()
        if stay is None:
            return
        self.stay, self.case_version = stay, version  # the changes are against theirs now
        self.save()


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
            self.messageLabel.setText(self.tr("Not saved — {reason}").format(
                reason=exc.message))
            return
        push_undo(self.parent() or self, undo.after_edit(undo_session(self.ctx), edited,
                                                         "edit of a note"))
        self.accept()
