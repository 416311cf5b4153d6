"""The main window's Edit ▸ Undo, File ▸ Trash and deleting cases and clients from the list.

Made when the window is given its store (``MainWindow.attach``); the services and
dialogs are imported then, not with this module (start-up: the first paint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from hkcase.domain.messages import StoredText, current_language, said_again, say
from hkcase.gui.support.i18n import error_text

if TYPE_CHECKING:
    from hkcase.gui.main_window import MainWindow


class WindowRecords(QObject):
    """Owns the session's undo stack; the window's ``undo_stack`` is it."""

    def __init__(self, window: MainWindow) -> None:
        from hkcase.gui.support.record_actions import record_menu
        from hkcase.services.undo import UndoStack

        super().__init__(window)
        self.window = window
        self.stack = UndoStack()
        window.undo_stack = self.stack  # type: ignore[attr-defined]
        window.undo_changed = self.update_undo  # type: ignore[attr-defined]
        window.actionUndo.triggered.connect(self.undo)
        window.actionTrash.triggered.connect(self.show_trash)
        window.actionDeleteCase.triggered.connect(self.delete_case)
        window.actionDeleteClient.triggered.connect(self.delete_client)
        window.addActions([window.actionUndo, window.actionTrash, window.actionDeleteCase,
                           window.actionDeleteClient])
        record_menu(window.caseTable, [(self.tr("Open"), self._open_selected),
                                       (self.tr("Edit client…"), window.edit_client),
                                       (self.tr("Delete case…"), self.delete_case),
                                       (self.tr("Delete client…"), self.delete_client)],
                    on_delete=self.delete_case)
        self.update_undo()

    def update_undo(self) -> None:
        label = self.stack.next_label
        self.window.actionUndo.setEnabled(label is not None)
        self.window.actionUndo.setText(self.tr("&Undo {action}").format(
            action=label) if label else self.tr("&Undo"))

    def _open_selected(self) -> None:
        case_id = self.window.selected_case_id()
        if case_id is not None:
            self.window.open_case(case_id)

    def _case_id(self) -> int | None:
        case_id = self.window.shown_case_id() or self.window.selected_case_id()
        if case_id is None:
            self.window.prompts.info(self.window, self.tr("Delete"),
                                     self.tr("Select a case first."))
        return case_id

    def after_change(self, message: str) -> None:
        """Reload everything; a pane whose case is gone goes back to the empty page."""
        from hkcase.services.cases.detail import get_case
        from hkcase.services.errors import ValidationError

        shown = self.window.shown_case_id()
        if shown is not None:
            try:
                get_case(self.window.ctx.store, shown)
            except ValidationError:
                self.window.case_view.case = None
                self.window.detailStack.setCurrentIndex(0)
        self.window.refresh()
        self.update_undo()
        self.window.statusBar().showMessage(message, 8000)

    def delete_case(self) -> None:
        case_id = self._case_id()
        if case_id is None:
            return
        self._delete("case", case_id)

    def delete_client(self) -> None:
        from hkcase.services.cases.detail import get_case

        case_id = self._case_id()
        if case_id is None:
            return
        self._delete("client", get_case(self.window.ctx.store, case_id).client_id)

    def _delete(self, kind: str, row_id: int) -> None:
        from hkcase.gui.support.record_actions import delete_asking
        from hkcase.services.errors import ConflictError, ValidationError

        try:
            done = delete_asking(self.window.ctx, self.window.prompts, self.window, kind, row_id)
        except (ValidationError, ConflictError) as exc:
            self.window.prompts.error(self.window, self.tr("Not deleted"),
                                      error_text(exc))
            return
        if done is not None:
            self.after_change(self.tr("Deleted {record}. Edit ▸ Undo "
                                        "(Ctrl+Z) brings it back.").format(
                record=said_again(done.label, current_language())))

    def undo(self) -> None:
        from hkcase.services.errors import ConflictError, ValidationError

        try:
            label = self.stack.undo()
        except (ValidationError, ConflictError) as exc:
            self.window.prompts.error(self.window, self.tr("Cannot undo"),
                                      error_text(exc))
            self.after_change(self.tr("Not undone."))
            return
        if label is not None:
            self.after_change(self.tr("Undone: {action}.").format(
                action=label))

    def show_trash(self) -> None:
        from hkcase.gui.dialogs.trash import TrashDialog

        dialog = TrashDialog(self.window.ctx, self.window.prompts, self.window)
        dialog.exec()
        if dialog.restored:
            # Trash labels are stored in English: said again in the interface's language.
            self.after_change(self.tr("Restored {records}.").format(
                records=say([StoredText(t.label) for t in dialog.restored])))
