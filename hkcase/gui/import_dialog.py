"""File ▸ Import clients…: pick a CSV or XLSX file, preview what it would do, import it.

The preview lists every row as the spreadsheet numbers it (the header is row
1): new clients, updates of existing ones, and rejected rows with the column
and the reason. Importing writes every accepted row in one transaction (a
backup first), through the same services as ``hkcase import``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hkcase.gui.prompts import Prompts
from hkcase.services.context import AppContext
from hkcase.services.errors import ValidationError
from hkcase.services.imports import ImportPlan, apply_plan, plan_import, summary
from hkcase.store import StoreError

log = logging.getLogger(__name__)
ModelIndex = QModelIndex | QPersistentModelIndex

FILTERS = "Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)"
#: (label, encoding passed to the import) for the encoding choice.
ENCODING_CHOICES = (("Detect automatically", None), ("UTF-8", "utf-8"),
                    ("Big5 / Big5-HKSCS (繁體)", "big5hkscs"), ("GB18030 (简体)", "gb18030"))
_ACTION_LABELS = {"new": "New client", "update": "Update"}
_REJECTED = "Rejected"
_COLOURS = {"new": "#e7f5e9", "update": "#e8f0fb", _REJECTED: "#fdecea"}


class PreviewModel(QAbstractTableModel):
    """The plan's rows: row number, what happens, name, details; rejected rows last."""

    HEADERS = ("Row", "Result", "Name", "Details")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[int, str, str, str]] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.lines = []
        if plan is not None:
            for row in plan.rows:
                details = "; ".join([summary(row.values), *row.notes]).strip("; ")
                self.lines.append((row.row, row.action, row.name, details))
            for rejection in plan.rejected:
                self.lines.append((rejection.row, _REJECTED, rejection.name,
                                   f"{rejection.column}: {rejection.reason}"))
            self.lines.sort(key=lambda line: line[0])
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: ModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, action, name, details = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(number), _ACTION_LABELS.get(action, action), name,
                    details)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS[action]))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return details
        return None


class ImportDialog(QDialog):
    """The preview of one file, with Import and Cancel."""

    def __init__(self, ctx: AppContext, prompts: Prompts, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.prompts, self.path = ctx, prompts, path
        self.plan: ImportPlan | None = None
        self.imported = False
        self.setWindowTitle(f"Import clients from {path.name}")
        self.resize(900, 520)
        self.summaryLabel = QLabel(self)
        self.summaryLabel.setWordWrap(True)
        self.ignoredLabel = QLabel(self)
        self.ignoredLabel.setWordWrap(True)
        self.encodingCombo = QComboBox(self)
        for label, encoding in ENCODING_CHOICES:
            self.encodingCombo.addItem(label, encoding)
        self.encodingCombo.setEnabled(path.suffix.lower() != ".xlsx")
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.importButton = QPushButton("Import", self)
        self.importButton.setDefault(True)
        self.cancelButton = QPushButton("Cancel", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Encoding:", self))
        top.addWidget(self.encodingCombo)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancelButton)
        buttons.addWidget(self.importButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summaryLabel)
        layout.addWidget(self.ignoredLabel)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.encodingCombo.currentIndexChanged.connect(lambda _i: self.preview())
        self.importButton.clicked.connect(self.do_import)
        self.cancelButton.clicked.connect(self.reject)
        self.preview()

    def preview(self) -> None:
        """Read the file again (with the chosen encoding) and show what it would do."""
        try:
            self.plan = plan_import(self.ctx.store, self.path,
                                    encoding=self.encodingCombo.currentData())
        except (ValidationError, StoreError, OSError) as exc:
            self.plan = None
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.summaryLabel.setText(f"This file cannot be imported: {message}")
            self.ignoredLabel.setText("")
        else:
            rejected = len({r.row for r in self.plan.rejected})
            self.summaryLabel.setText(
                f"{self.plan.new} new client{'s' if self.plan.new != 1 else ''} · "
                f"{self.plan.updated} update{'s' if self.plan.updated != 1 else ''} of existing "
                f"clients · {rejected} row{'s' if rejected != 1 else ''} rejected (not "
                "imported; correct them in the file and import it again)")
            self.ignoredLabel.setText(
                "Columns not imported (not recognised): " + ", ".join(self.plan.ignored)
                if self.plan.ignored else "")
        self.model.set_plan(self.plan)
        self.table.resizeColumnsToContents()
        count = len(self.plan.rows) if self.plan else 0
        self.importButton.setText(f"Import {count} row{'s' if count != 1 else ''}")
        self.importButton.setEnabled(count > 0)

    def do_import(self) -> None:
        """Back up, write every accepted row in one transaction, refresh the reminders."""
        if self.plan is None or not self.plan.rows:
            return
        from hkcase.services.backups import backup_before
        from hkcase.services.reminders import refresh_reminders

        try:
            backup_before(self.ctx.store, self.ctx.locations.backup_dir,
                          self.ctx.locations.attachments_dir, "import")
            result = apply_plan(self.ctx.store, self.plan, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.prompts.error(self, "Import failed", f"Nothing was imported: {message}")
            self.preview()
            return
        try:
            refresh_reminders(self.ctx.store, lead_days=self.ctx.settings.reminder_lead_days,
                              clients=list(result.client_ids))
        except (ValidationError, StoreError):  # derived data: the next refresh catches up
            log.warning("reminders not refreshed after the import", exc_info=True)
        self.imported = True
        self.prompts.info(self, "Import finished", (
            f"{result.new} new clients and {result.updated} updated; {result.cases} cases "
            f"opened and {result.stays} stays recorded."))
        self.accept()


def start_import(window: QMainWindow, ctx: AppContext, prompts: Prompts) -> ImportDialog | None:
    """Ask for a file and open its preview (window-modal, not blocking)."""
    files = prompts.open_files(window, "Import clients from a spreadsheet", FILTERS)
    if not files:
        return None
    dialog = ImportDialog(ctx, prompts, Path(files[0]), window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def install(window: QMainWindow, menu: QMenu, ctx: AppContext, prompts: Prompts,
            after_import: Any) -> QAction:
    """Add File ▸ Import clients… to ``menu``; ``after_import()`` runs after a real import."""
    action = QAction("&Import clients…", window)
    action.setObjectName("actionImport")
    action.setStatusTip("Add or update clients from a CSV or Excel file, with a preview")
    actions = menu.actions()
    if len(actions) > 2:  # after New case and New client
        menu.insertAction(actions[2], action)
    else:
        menu.addAction(action)

    def run() -> None:
        dialog = start_import(window, ctx, prompts)
        if dialog is not None:
            dialog.accepted.connect(after_import)

    action.triggered.connect(run)
    return action
