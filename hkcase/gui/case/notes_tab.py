"""The case pane's Notes tab: the consultant's notes, added, corrected and deleted.

The case's audited changes are listed once, in the Activity tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QWidget

from hkcase.app import AppContext
from hkcase.gui.dialogs.records import NoteDialog
from hkcase.gui.support.forms import load_form
from hkcase.gui.support.i18n import error_text
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import delete_asking, push_undo, record_menu, undo_session
from hkcase.services import undo
from hkcase.services.cases.detail import add_note
from hkcase.services.cases.notes import case_notes
from hkcase.services.errors import ValidationError

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole


class NotesTab(QWidget):
    """Emits ``changed`` (the case id) after a note is added, corrected or deleted."""

    changed = Signal(int)

    activityList: QListWidget
    noteEdit: QPlainTextEdit
    addNoteButton: QPushButton

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("notes_tab", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case_id: int | None = None
        self.addNoteButton.clicked.connect(self.add_note)
        self.activityList.itemActivated.connect(lambda _i: self.edit_note())  # double-click, Enter
        record_menu(self.activityList, [(self.tr("Edit note…"), self.edit_note),
                                        (self.tr("Delete note…"), self.delete_note)],
                    on_delete=self.delete_note)

    def show_case(self, case_id: int) -> None:
        self.case_id = case_id
        self.activityList.clear()
        for row in case_notes(self.ctx.store, case_id):
            stamp = row.at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{stamp} · {row.who or '?'} · {row.what}")
            item.setData(NOTE_ID_ROLE, row.note_id)
            self.activityList.addItem(item)

    def selected_note(self) -> int | None:
        item = self.activityList.currentItem()
        value = item.data(NOTE_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def add_note(self) -> None:
        if self.case_id is None:
            return
        try:
            note = add_note(self.ctx.store, self.case_id, self.noteEdit.toPlainText(),
                            actor=self.ctx.actor)
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Note not added"), error_text(exc))
            return
        push_undo(self, undo.after_create(undo_session(self.ctx), "note", note.id,
                                          "add note"))
        self.noteEdit.clear()
        self.changed.emit(self.case_id)

    def edit_note(self) -> None:
        note_id = self.selected_note()
        if note_id is None or self.case_id is None:
            return
        if NoteDialog(self.ctx, self.prompts, note_id, self).exec():
            self.changed.emit(self.case_id)

    def delete_note(self) -> None:
        note_id = self.selected_note()
        if note_id is None or self.case_id is None:
            return
        try:
            done = delete_asking(self.ctx, self.prompts, self, "note", note_id)
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Note not deleted"), error_text(exc))
            return
        if done is not None:
            self.changed.emit(self.case_id)
