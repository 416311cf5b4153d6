"""File ▸ Trash: deleted records, restored with what went with them or deleted for good."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.messages import current_language, said_again
from hkcase.gui.models.records import Column, RecordTableModel
from hkcase.gui.support.forms import load_form
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import undo_session
from hkcase.services import undo
from hkcase.services.errors import ValidationError
from hkcase.services.trash import bin as trash


class TrashDialog(QDialog):
    """Lists the Trash; ``restored`` holds what was put back while it was open."""

    trashInfo: QLabel
    trashView: QTableView
    restoreButton: QPushButton
    purgeButton: QPushButton
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("trash_dialog", self)
        self.ctx = ctx
        self.prompts = prompts
        self.restored: list[trash.TrashItem] = []
        self.items = RecordTableModel[trash.TrashItem]([
            Column(self.tr("Deleted"), lambda t: t.deleted_at),
            Column(self.tr("By"), lambda t: t.deleted_by),
            Column(self.tr("What"), self._what, tooltip=self._what),
            Column(self.tr("With it"), lambda t: ", ".join(
                said_again(c, current_language()) for c in t.contents)),
        ], parent=self)
        self.trashView.setModel(self.items)
        header = self.trashView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.trashView.verticalHeader().setVisible(False)
        self.restoreButton.clicked.connect(self.restore)
        self.purgeButton.clicked.connect(self.purge)
        self.buttonBox.rejected.connect(self.reject)
        self.buttonBox.accepted.connect(self.accept)
        self.reload()

    @staticmethod
    def _what(item: trash.TrashItem) -> str:
        """What was deleted (kept in English) in the screen's language."""
        return said_again(item.label, current_language())

    def reload(self) -> None:
        self.items.set_rows(trash.list_trash(self.ctx.store))
        self.trashView.resizeColumnsToContents()
        if self.items.rowCount():
            self.trashView.selectRow(0)
        empty = self.items.rowCount() == 0
        self.restoreButton.setEnabled(not empty)
        self.purgeButton.setEnabled(not empty)

    def selected(self) -> trash.TrashItem | None:
        rows = self.trashView.selectionModel().selectedRows()
        return self.items.row_object(rows[0].row()) if rows else None

    def restore(self) -> None:
        item = self.selected()
        if item is None:
            return
        try:
            self.restored.append(undo.restore(undo_session(self.ctx), item.id))
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Not restored"), exc.message)
        self.reload()

    def purge(self) -> None:
        item = self.selected()
        if item is None:
            return
        if not self.prompts.confirm(self, self.tr("Delete for good"),
                                    self.tr("Delete {item} for good? This cannot be undone.")
                                    .format(item=self._what(item))):
            return
        try:
            trash.purge(self.ctx.store, item.id, self.ctx.locations.attachments_dir,
                        actor=self.ctx.actor)
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Not deleted"), exc.message)
        self.reload()
