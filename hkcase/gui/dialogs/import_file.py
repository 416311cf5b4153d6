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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
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

from hkcase.gui.support.worker import Job, Relay

# The import services are imported where they are used: the main window installs the
# menu entry, and this module must not slow its start (``services.imports`` ≈ 0.3 s).
if TYPE_CHECKING:
    from hkcase.app import AppContext
    from hkcase.gui.support.prompts import Prompts
    from hkcase.services.imports import ImportPlan

log = logging.getLogger(__name__)
ModelIndex = QModelIndex | QPersistentModelIndex

FILTERS = QT_TRANSLATE_NOOP("ImportDialog", "Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;"
                            "Excel workbooks (*.xlsx)")
#: (label, encoding passed to the import) for the encoding choice.
ENCODING_CHOICES = ((QT_TRANSLATE_NOOP("ImportDialog", "Detect automatically"), None),
                    ("UTF-8", "utf-8"),
                    ("Big5 / Big5-HKSCS (繁體)", "big5hkscs"), ("GB18030 (简体)", "gb18030"))
_ACTION_LABELS = {"new": QT_TRANSLATE_NOOP("PreviewModel", "New client"),
                  "update": QT_TRANSLATE_NOOP("PreviewModel", "Update")}
_REJECTED = "Rejected"
translate = QCoreApplication.translate
_COLOURS = {"new": "#e7f5e9", "update": "#e8f0fb", _REJECTED: "#fdecea"}


class PreviewModel(QAbstractTableModel):
    """The plan's rows: row number, what happens, name, details; rejected rows last."""

    HEADERS = (QT_TRANSLATE_NOOP("PreviewModel", "Row"),
               QT_TRANSLATE_NOOP("PreviewModel", "Result"),
               QT_TRANSLATE_NOOP("PreviewModel", "Name"),
               QT_TRANSLATE_NOOP("PreviewModel", "Details"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[int, str, str, str]] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        from hkcase.services.imports import summary

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
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: ModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, action, name, details = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = (self.tr(_ACTION_LABELS[action]) if action in _ACTION_LABELS
                     else self.tr("Rejected") if action == _REJECTED else action)
            return (str(number), shown, name, details)[index.column()]
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


#: Keyed by the stages of ``services.imports.progress`` (READING … INDEXING).
_STAGES = {"reading": QT_TRANSLATE_NOOP("ImportDialog", "Reading the file…"),
           "checking": QT_TRANSLATE_NOOP("ImportDialog", "Checking the rows…"),
           "backing up": QT_TRANSLATE_NOOP("ImportDialog", "Backing up the database…"),
           "writing": QT_TRANSLATE_NOOP("ImportDialog", "Writing the clients…"),
           "indexing": QT_TRANSLATE_NOOP("ImportDialog", "Updating the search index…")}


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
        self.setWindowTitle(self.tr("Import clients from {file}").format(file=path.name))
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
            self.encodingCombo.addItem(self.tr(label), encoding)
        self._can_choose_encoding = path.suffix.lower() != ".xlsx"
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.importButton = QPushButton(self.tr("Import"), self)
        self.importButton.setDefault(True)
        self.cancelButton = QPushButton(self.tr("Cancel"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Encoding:"), self))
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
        from hkcase.services.imports.progress import Cancelled

        if self._cancel.is_set():
            raise Cancelled
        self._relay.progress.emit(stage, done, total)

    def _start(self, kind: str, work: Callable[[], object]) -> None:
        from hkcase.services.imports.progress import BACKING_UP, READING, Cancelled
        from hkcase.services.imports.run import EXPECTED, refusal

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
        self.cancelButton.setText(self.tr("Cancel"))
        self.progressBar.setRange(0, 0)  # busy until the first count arrives
        self.progressBar.show()
        self.summaryLabel.setText(self.tr(_STAGES[READING if kind == "preview"
                                                  else BACKING_UP]))
        self.pool.start(Job(guarded, self._relay, f"import {kind}"))

    def _progressed(self, stage: str, done: int, total: int) -> None:
        if self.busy is None or self._cancel.is_set():
            return
        if stage in _STAGES:
            self.summaryLabel.setText(self.tr(_STAGES[stage]))
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
        text = (self.tr("Something went wrong while reading the file; nothing was imported. "
                        "The details are in the log (Help ▸ About shows where).")
                if kind == "preview" else
                self.tr("Something went wrong; nothing was imported. The details are in the "
                        "log (Help ▸ About shows where)."))
        if kind == "preview":
            self._show_plan(_Refused(text))
        else:
            self.prompts.error(self, self.tr("Import failed"), text)
            self._show_plan(self.plan)

    def cancel(self) -> None:
        """Cancel: stop the running job (nothing is written), or close the dialog."""
        if self.busy == "import":
            self._cancel.set()
            self.summaryLabel.setText(self.tr("Cancelling…"))
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
        from hkcase.services.imports import plan_import

        store, path, encoding = self.ctx.store, self.path, self.encodingCombo.currentData()
        self._start("preview", lambda: plan_import(store, path, encoding=encoding,
                                                   progress=self._report))

    def _show_plan(self, outcome: object) -> None:
        from hkcase.services.imports import ImportPlan

        self.cancelButton.setEnabled(True)
        self.cancelButton.setText(self.tr("Close") if isinstance(outcome, _Refused)
                                  else self.tr("Cancel"))
        if isinstance(outcome, ImportPlan):
            self.plan = outcome
            rejected = len({r.row for r in outcome.rejected})
            new = (self.tr("{count} new client") if outcome.new == 1
                   else self.tr("{count} new clients")).format(count=outcome.new)
            updates = (self.tr("{count} update of existing clients") if outcome.updated == 1
                       else self.tr("{count} updates of existing clients")).format(
                count=outcome.updated)
            refused = (self.tr("{count} row rejected") if rejected == 1
                       else self.tr("{count} rows rejected")).format(count=rejected)
            self.summaryLabel.setText(
                f"{new} · {updates} · {refused} "
                + self.tr("(not imported; correct them in the file and import it again)"))
            self.ignoredLabel.setText(
                self.tr("Columns not imported (not recognised): {columns}").format(
                    columns=", ".join(outcome.ignored)) if outcome.ignored else "")
        elif isinstance(outcome, _Refused):
            self.plan = None
            self.summaryLabel.setText(self.tr("This file cannot be imported: {reason}").format(
                reason=outcome.message))
            self.ignoredLabel.setText("")
        self.model.set_plan(self.plan)
        self.table.resizeColumnsToContents()
        count = len(self.plan.rows) if self.plan else 0
        self.importButton.setText((self.tr("Import {count} row") if count == 1
                                   else self.tr("Import {count} rows")).format(count=count))
        self.importButton.setEnabled(count > 0)

    # Import ------------------------------------------------------------------------------
    def do_import(self) -> None:
        """Back up and write every accepted row in one transaction, in the background."""
        from hkcase.services.imports.run import run_import

        if self.plan is None or not self.plan.rows or self.busy is not None:
            return
        ctx, plan = self.ctx, self.plan
        self._start("import", lambda: run_import(ctx, plan, progress=self._report))

    def _imported(self, outcome: object) -> None:
        from hkcase.services.imports import ImportResult

        if isinstance(outcome, ImportResult):
            self.imported = True
            self.prompts.info(self, self.tr("Import finished"), self.tr(
                "{new} new clients and {updated} updated; {cases} cases opened and {stays} "
                "stays recorded.").format(new=outcome.new, updated=outcome.updated,
                                          cases=outcome.cases, stays=outcome.stays))
            self.accept()
            return
        if isinstance(outcome, _Refused):
            self.prompts.error(self, self.tr("Import failed"), self.tr(
                "Nothing was imported: {reason}").format(reason=outcome.message))
            self.preview()  # what the database holds now (e.g. a colleague's change)
            return
        self._show_plan(self.plan)
        self.summaryLabel.setText(self.tr("Import cancelled: nothing was imported.") + " "
                                  + self.summaryLabel.text())


def start_import(window: QMainWindow, ctx: AppContext, prompts: Prompts) -> ImportDialog | None:
    """Ask for a file and open its preview (window-modal, not blocking)."""
    files = prompts.open_files(window, translate("ImportDialog",
                                                 "Import clients from a spreadsheet"),
                               translate("ImportDialog", FILTERS))
    if not files:
        return None
    dialog = ImportDialog(ctx, prompts, Path(files[0]), window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def install(window: QMainWindow, menu: QMenu, ctx: AppContext, prompts: Prompts,
            after_import: Any) -> QAction:
    """Add File ▸ Import clients… to ``menu``; ``after_import()`` runs after a real import."""
    action = QAction(translate("ImportDialog", "&Import clients…"), window)
    action.setObjectName("actionImport")
    action.setStatusTip(translate("ImportDialog",
                                  "Add or update clients from a CSV or Excel file, with a "
                                  "preview"))
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
