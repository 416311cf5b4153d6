"""File ▸ Import clients…: pick a CSV or XLSX file, preview what it would do, import it.

The preview lists every row as the spreadsheet numbers it (the header is row
1): new clients, updates of existing ones, and rejected rows with the column
and the reason. Importing writes every accepted row in one transaction (a
backup first), through the same services as ``hkcase import``. Both run on
the dialog's own thread pool, so the window stays live on a 10,000-row file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hkcase.gui.prompts import Prompts
from hkcase.gui.worker import Job, Relay
from hkcase.services.context import AppContext
from hkcase.services.imports import ImportPlan, ImportResult, plan_import, summary
from hkcase.services.imports.progress import (
    BACKING_UP,
    CHECKING,
    INDEXING,
    READING,
    WRITING,
    Cancelled,
)
from hkcase.services.imports.run import EXPECTED, refusal, run_import

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


class _ImportRelay(Relay):
    """A job's result, its failure, and how far it got (stage, done, total)."""

    progress = Signal(str, int, int)


@dataclass(frozen=True)
class _Refused:
    """Expected trouble (unreadable file, conflict, locked database), in the user's words."""

    message: str


class _Stopped:
    """The user cancelled; nothing was written."""


_STAGES = {READING: "Reading the file…", CHECKING: "Checking the rows…",
           BACKING_UP: "Backing up the database…", WRITING: "Writing the clients…",
           INDEXING: "Updating the search index…"}
_FAILED = ("Something went wrong{what}; nothing was imported. The details are in the log "
           "(Help ▸ About shows where).")


class ImportDialog(QDialog):
    """The preview of one file, with Import and Cancel; reading and writing run off the GUI thread.

    While a job runs the dialog shows what it is doing and a progress bar, the
    Import button is disabled and Cancel stops the job (a cancelled import
    writes nothing). Closing the dialog cancels and waits for the job.
    """

    def __init__(self, ctx: AppContext, prompts: Prompts, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.prompts, self.path = ctx, prompts, path
        self.plan: ImportPlan | None = None
        self.imported = False
        self.busy: str | None = None  # "preview" or "import" while a job runs
        self._cancel = threading.Event()
        self._closed = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _ImportRelay(self)
        self._relay.done.connect(self._finished)
        self._relay.failed.connect(self._crashed)
        self._relay.progress.connect(self._progressed)
        self.setWindowTitle(f"Import clients from {path.name}")
        self.resize(900, 520)
        self.summaryLabel = QLabel(self)
        self.summaryLabel.setWordWrap(True)
        self.ignoredLabel = QLabel(self)
        self.ignoredLabel.setWordWrap(True)
        self.progressBar = QProgressBar(self)
        self.progressBar.setTextVisible(True)
        self.progressBar.hide()
        self.encodingCombo = QComboBox(self)
        for label, encoding in ENCODING_CHOICES:
            self.encodingCombo.addItem(label, encoding)
        self._can_choose_encoding = path.suffix.lower() != ".xlsx"
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
        layout.addWidget(self.progressBar)
        layout.addWidget(self.ignoredLabel)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.encodingCombo.currentIndexChanged.connect(lambda _i: self.preview())
        self.importButton.clicked.connect(self.do_import)
        self.cancelButton.clicked.connect(self.cancel)
        self.preview()

    # Jobs --------------------------------------------------------------------------------
    def _report(self, stage: str, done: int, total: int) -> None:
        """The jobs' progress callback (on the pool thread): report, or stop if cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        self._relay.progress.emit(stage, done, total)

    def _start(self, kind: str, work: Callable[[], object]) -> None:
        def guarded() -> object:
            try:
                return work()
            except Cancelled:
                return _Stopped()
            except EXPECTED as exc:
                return _Refused(refusal(exc))

        self._cancel.clear()
        self.busy = kind
        self.encodingCombo.setEnabled(False)
        self.importButton.setEnabled(False)
        self.cancelButton.setText("Cancel")
        self.progressBar.setRange(0, 0)  # busy until the first count arrives
        self.progressBar.show()
        self.summaryLabel.setText(_STAGES[READING if kind == "preview" else BACKING_UP])
        self.pool.start(Job(guarded, self._relay, f"import {kind}"))

    def _progressed(self, stage: str, done: int, total: int) -> None:
        if self.busy is None or self._cancel.is_set():
            return
        self.summaryLabel.setText(_STAGES.get(stage, self.summaryLabel.text()))
        self.progressBar.setRange(0, max(total, 0))
        self.progressBar.setValue(min(done, total))

    def _idle(self) -> str | None:
        kind, self.busy = self.busy, None
        self.progressBar.hide()
        self.encodingCombo.setEnabled(self._can_choose_encoding)
        return kind

    def _finished(self, outcome: object) -> None:
        if self._closed:
            return
        kind = self._idle()
        if kind == "preview":
            self._show_plan(outcome)
        else:
            self._imported(outcome)

    def _crashed(self, _message: str) -> None:  # logged (masked) by the job
        if self._closed:
            return
        kind = self._idle()
        text = _FAILED.format(what=" while reading the file" if kind == "preview" else "")
        if kind == "preview":
            self._show_plan(_Refused(text))
        else:
            self.prompts.error(self, "Import failed", text)
            self._show_plan(self.plan)

    def cancel(self) -> None:
        """Cancel: stop the running job (nothing is written), or close the dialog."""
        if self.busy == "import":
            self._cancel.set()
            self.summaryLabel.setText("Cancelling…")
            self.cancelButton.setEnabled(False)
            return
        self.reject()

    def reject(self) -> None:
        """Escape or Cancel: during an import, stop it and stay (to say what happened)."""
        if self.busy == "import":
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """The dialog is closing: stop the job, drop queued ones, wait, start no more."""
        self._closed = True
        self._cancel.set()
        self.pool.clear()
        self.pool.waitForDone()

    # Preview -----------------------------------------------------------------------------
    def preview(self) -> None:
        """Read the file again (with the chosen encoding) in the background and show the plan."""
        store, path, encoding = self.ctx.store, self.path, self.encodingCombo.currentData()
        self._start("preview", lambda: plan_import(store, path, encoding=encoding,
                                                   progress=self._report))

    def _show_plan(self, outcome: object) -> None:
        self.cancelButton.setEnabled(True)
        self.cancelButton.setText("Close" if isinstance(outcome, _Refused) else "Cancel")
        if isinstance(outcome, ImportPlan):
            self.plan = outcome
            rejected = len({r.row for r in outcome.rejected})
            self.summaryLabel.setText(
                f"{outcome.new} new client{'s' if outcome.new != 1 else ''} · "
                f"{outcome.updated} update{'s' if outcome.updated != 1 else ''} of existing "
                f"clients · {rejected} row{'s' if rejected != 1 else ''} rejected (not "
                "imported; correct them in the file and import it again)")
            self.ignoredLabel.setText(
                "Columns not imported (not recognised): " + ", ".join(outcome.ignored)
                if outcome.ignored else "")
        elif isinstance(outcome, _Refused):
            self.plan = None
            self.summaryLabel.setText(f"This file cannot be imported: {outcome.message}")
            self.ignoredLabel.setText("")
        self.model.set_plan(self.plan)
        self.table.resizeColumnsToContents()
        count = len(self.plan.rows) if self.plan else 0
        self.importButton.setText(f"Import {count} row{'s' if count != 1 else ''}")
        self.importButton.setEnabled(count > 0)

    # Import ------------------------------------------------------------------------------
    def do_import(self) -> None:
        """Back up and write every accepted row in one transaction, in the background."""
        if self.plan is None or not self.plan.rows or self.busy is not None:
            return
        ctx, plan = self.ctx, self.plan
        self._start("import", lambda: run_import(ctx, plan, progress=self._report))

    def _imported(self, outcome: object) -> None:
        if isinstance(outcome, ImportResult):
            self.imported = True
            self.prompts.info(self, "Import finished", (
                f"{outcome.new} new clients and {outcome.updated} updated; {outcome.cases} "
                f"cases opened and {outcome.stays} stays recorded."))
            self.accept()
            return
        if isinstance(outcome, _Refused):
            self.prompts.error(self, "Import failed", f"Nothing was imported: {outcome.message}")
            self.preview()  # what the database holds now (e.g. a colleague's change)
            return
        self._show_plan(self.plan)
        self.summaryLabel.setText("Import cancelled: nothing was imported. "
                                  + self.summaryLabel.text())


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
