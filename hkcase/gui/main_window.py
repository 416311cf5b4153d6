"""The main window: dashboard and case list on the left, the selected case on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
)

from hkcase import __version__
from hkcase.domain.vocab import Scheme, Stage
from hkcase.gui import printing
from hkcase.gui.case_list_model import CaseListModel
from hkcase.gui.case_view import CaseView
from hkcase.gui.dashboard_model import CASE_ID_ROLE, DashboardModel
from hkcase.gui.forms import combo_enum, load_form
from hkcase.gui.prompts import Prompts
from hkcase.services.case_list import CaseFilter, DeadlineFilter, searchable
from hkcase.services.context import AppContext
from hkcase.services.dashboard import Section, dashboard
from hkcase.store.case_list import consultants

SEARCH_DELAY_MS = 120
COLUMN_SAMPLES = ("2026-000000", "CHEUNG Tsz Ching", "陳大文文", "QMAS_ABPT", "submitted",
                  "Daniel Wong", "2026-00-00", "2026-00-00")
log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    """Work for a pool thread; its result comes back to the GUI thread as a signal."""

    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported in the window, and logged
            log.exception("background work failed")
            self._relay.failed.emit(f"{exc.__class__.__name__}: {exc}")
            return
        self._relay.done.emit(result)


class MainWindow(QMainWindow):
    """The consultant's desk: no clicking in and out between cases."""

    dashboard_loaded = Signal()

    splitter: QSplitter
    leftTabs: QTabWidget
    dashboardSummary: QLabel
    dashboardView: QTreeView
    searchEdit: QLineEdit
    schemeFilter: QComboBox
    stageFilter: QComboBox
    consultantFilter: QComboBox
    deadlineFilter: QComboBox
    caseTable: QTableView
    caseCount: QLabel
    detailStack: QStackedWidget

    def __init__(self, ctx: AppContext, prompts: Prompts | None = None) -> None:
        super().__init__()
        load_form("main_window", self)
        self.ctx = ctx
        self.prompts = prompts or Prompts()
        self.cases = CaseListModel(ctx.store, self)
        self.caseTable.setModel(self.cases)
        header = self.caseTable.horizontalHeader()
        # The model already sorts newest first: show that without querying again.
        header.blockSignals(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.caseTable.verticalHeader().setVisible(False)
        self.caseTable.verticalHeader().setDefaultSectionSize(24)
        # Widths from typical contents (measuring every loaded row would slow the first paint).
        metrics = self.caseTable.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self._case_view: CaseView | None = None  # built when the first case is opened
        self.dashboard_model = DashboardModel(self)
        self.dashboardView.setModel(self.dashboard_model)
        self._dashboard_pool = QThreadPool(self)
        self._dashboard_pool.setMaxThreadCount(1)
        self._dashboard_relay = _Relay(self)
        self._dashboard_relay.done.connect(self._dashboard_ready)
        self._dashboard_relay.failed.connect(self._dashboard_failed)
        self._dashboard_running = self._dashboard_again = False
        self._fill_filters()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.schemeFilter, self.stageFilter, self.consultantFilter,
                      self.deadlineFilter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.caseTable.selectionModel().currentRowChanged.connect(self._case_selected)
        self.dashboardView.activated.connect(self._dashboard_activated)
        self.dashboardView.doubleClicked.connect(self._dashboard_activated)
        self.addActions([self.actionNewCase, self.actionNewClient, self.actionEditClient,
                         self.actionRefresh, self.actionSettings, self.actionQuit,
                         self.actionAbout, self.actionExportPack, self.actionPrintPack])
        self.actionRefresh.triggered.connect(self.refresh)
        self.actionQuit.triggered.connect(self.close)
        self.actionAbout.triggered.connect(self.show_about)
        self.actionNewCase.triggered.connect(self.new_case)
        self.actionNewClient.triggered.connect(self.new_client)
        self.actionEditClient.triggered.connect(self.edit_client)
        self.actionSettings.triggered.connect(self.show_settings)
        self.actionExportPack.triggered.connect(lambda: self.case_output("pack", save=True))
        self.actionPrintPack.triggered.connect(lambda: self.case_output("pack", save=False))
        self.actionSaveChecklist.triggered.connect(self.save_checklist)
        self.actionPrintChecklist.triggered.connect(
            lambda: self.case_output("checklist_en", save=False))
        self.actionLetter.triggered.connect(lambda: self.case_output("letter", save=True))
        self.actionBulkExport.triggered.connect(lambda: self.bulk_export(checklists=False))
        self.actionBulkChecklists.triggered.connect(lambda: self.bulk_export(checklists=True))
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 660])
        # After the first paint: the window is usable while the dashboard loads.
        QTimer.singleShot(0, self.refresh_dashboard)
        self._show_count()
        self.statusBar().showMessage(
            f"Database: {ctx.store.location} · schema {ctx.store.migration.revision}")

    @property
    def case_view(self) -> CaseView:
        """The case pane, built on first use (keeps the first paint fast)."""
        if self._case_view is None:
            self._case_view = CaseView(self.ctx, self.prompts, self)
            self.detailStack.addWidget(self._case_view)
            self._case_view.changed.connect(lambda _id: self.refresh())
        return self._case_view

    # Filters and list ---------------------------------------------------------
    def _fill_filters(self) -> None:
        self.schemeFilter.addItem("All schemes", None)
        for scheme in Scheme:
            self.schemeFilter.addItem(scheme.value, scheme)
        self.stageFilter.addItem("All stages", None)
        for stage in Stage:
            self.stageFilter.addItem(stage.value, stage)
        self.consultantFilter.addItem("All consultants", None)
        with self.ctx.store.reading() as session:
            for row in consultants(session):
                self.consultantFilter.addItem(row.name, row.id)
        labels = {DeadlineFilter.ANY: "Any deadline", DeadlineFilter.OVERDUE: "Overdue",
                  DeadlineFilter.WINDOW_OPEN: "Window open now",
                  DeadlineFilter.OPENING_30: "Window opens ≤ 30 days",
                  DeadlineFilter.OPENING_90: "Window opens ≤ 90 days"}
        for value, label in labels.items():
            self.deadlineFilter.addItem(label, value)

    def current_filter(self) -> CaseFilter:
        return CaseFilter(text=self.searchEdit.text(),
                          scheme=combo_enum(self.schemeFilter, Scheme),
                          stage=combo_enum(self.stageFilter, Stage),
                          consultant_id=self.consultantFilter.currentData(),
                          deadline=combo_enum(self.deadlineFilter, DeadlineFilter)
                          or DeadlineFilter.ANY)

    def apply_filter(self) -> None:
        """Query the list again for the search text and filters (selection kept if shown)."""
        selected = self.selected_case_id()
        self.cases.set_filter(self.current_filter())
        self._reselect(selected)
        self._show_count()

    def _show_count(self) -> None:
        text = self.searchEdit.text().strip()
        hint = " — type one more character to search" if text and not searchable(text) else ""
        self.caseCount.setText(f"{self.cases.total_text} cases{hint}")

    def selected_case_id(self) -> int | None:
        index = self.caseTable.currentIndex()
        return self.cases.item(index.row()).row.case_id if index.isValid() else None

    def _reselect(self, case_id: int | None) -> None:
        if case_id is None:
            return
        row = self.cases.row_of(case_id)
        if row is not None:
            self.caseTable.selectionModel().setCurrentIndex(
                self.cases.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _case_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_case(self.cases.item(current.row()).row.case_id)

    def open_case(self, case_id: int) -> None:
        """Show a case on the right."""
        self.case_view.show_case(case_id)
        self.detailStack.setCurrentWidget(self.case_view)

    def focus_search(self) -> None:
        self.leftTabs.setCurrentIndex(1)
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()

    def refresh(self) -> None:
        """Reload the list (keeping the selection and how far it was loaded) and dashboard."""
        selected = self.selected_case_id()
        self.cases.reload(keep=self.cases.rowCount())
        self._reselect(selected)
        self._show_count()
        self.refresh_dashboard()

    # Dashboard ------------------------------------------------------------------
    def refresh_dashboard(self) -> None:
        """Reload the dashboard (the same reminders as ``hkcase remind``) in the background."""
        if self._dashboard_running:
            self._dashboard_again = True
            return
        self._dashboard_running = True
        store, day = self.ctx.store, date.today()
        self._dashboard_pool.start(_Job(lambda: dashboard(store, day), self._dashboard_relay))

    def _dashboard_ready(self, sections: list[Section]) -> None:
        self._dashboard_running = False
        self.dashboard_model.set_sections(sections)
        for row, section in enumerate(sections):
            if section.key in ("overdue", "window_open"):
                self.dashboardView.expand(self.dashboard_model.index(row, 0))
        self.dashboardSummary.setText("; ".join(
            f"{s.title.lower()}: {len(s.items):,}" for s in sections).capitalize())
        self.dashboardView.resizeColumnToContents(0)
        self.dashboard_loaded.emit()
        if self._dashboard_again:
            self._dashboard_again = False
            self.refresh_dashboard()

    def _dashboard_failed(self, message: str) -> None:
        self._dashboard_running = False
        self.dashboardSummary.setText(f"The dashboard could not be loaded: {message}")

    def _dashboard_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.open_case(int(case_id))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._dashboard_pool.waitForDone()
        super().closeEvent(event)

    # Dialogs ---------------------------------------------------------------------
    def new_case(self) -> None:
        from hkcase.gui.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self.ctx, self.prompts, self)
        if dialog.exec() and dialog.created_case_id is not None:
            self.refresh()
            self.open_case(dialog.created_case_id)

    def new_client(self) -> None:
        from hkcase.gui.client_dialog import ClientDialog

        ClientDialog(self.ctx, self.prompts, parent=self).exec()

    def edit_client(self) -> None:
        from hkcase.gui.client_dialog import ClientDialog

        if self.case_view.case is None:
            self.prompts.info(self, "Edit client", "Select a case first.")
            return
        dialog = ClientDialog(self.ctx, self.prompts, client_id=self.case_view.case.client_id,
                              parent=self)
        if dialog.exec():
            self.case_view.show_case(self.case_view.case.id)
            self.refresh()

    def _current_case(self) -> tuple[int, str] | None:
        case = self.case_view.case
        if case is None:
            self.prompts.info(self, "No case", "Select a case first.")
            return None
        return case.id, case.reference

    def case_output(self, kind: str, *, save: bool) -> None:
        """Save or print one of the selected case's outputs (pack, checklist, letter)."""
        current = self._current_case()
        if current is None:
            return
        case_id, reference = current
        render = printing.renderers(self.ctx, case_id)[kind]
        titles = {"pack": "Document pack", "checklist_en": "Checklist",
                  "checklist_zh": "Checklist 文件清單", "letter": "Extension letter"}
        if save:
            printing.save_pdf(self.prompts, self, titles[kind], f"{reference}-{kind}.pdf", render)
        else:
            printing.print_pdf(self.prompts, self, titles[kind], render)

    def save_checklist(self) -> None:
        choice = self.prompts.choose(self, "Checklist for the client", "Which language?",
                                     ["English", "中文（繁體）"])
        if choice is not None:
            self.case_output("checklist_en" if choice == 0 else "checklist_zh", save=True)

    def bulk_export(self, *, checklists: bool) -> None:
        """A document pack, or the client's checklist, for every selected case."""
        rows = sorted({i.row() for i in self.caseTable.selectionModel().selectedRows()})
        if not rows:
            self.prompts.info(self, "Export packs", "Select cases in the list first.")
            return
        printing.bulk_export(self.ctx, self.prompts, self,
                             [self.cases.item(row).row.case_id for row in rows],
                             checklists=checklists)

    def show_settings(self) -> None:
        from hkcase.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About hkcase",
            f"<b>hkcase {__version__}</b><br>Case tracker for Hong Kong talent-visa "
            f"consultants.<br>Data: {self.ctx.locations.data_dir}<br>"
            f"Log: {self.ctx.locations.log_file}<br>ImmD decides every application.")
