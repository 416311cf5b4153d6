"""The main window: dashboard and case list on the left, the selected case on the right."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from hkcase.gui import import_dialog
from hkcase.gui.case import filing_tab
from hkcase.gui.case_list_model import CaseListModel
from hkcase.gui.dashboard_model import CASE_ID_ROLE
from hkcase.gui.dashboard_panel import DashboardPanel
from hkcase.gui.forms import combo_enum, load_form
from hkcase.gui.icons import apply_window_icons
from hkcase.gui.prompts import Prompts
from hkcase.gui.window_records import WindowRecords
from hkcase.services.case_list import DEADLINE_LABELS, CaseFilter, DeadlineFilter, searchable
from hkcase.services.consultants import active_consultants
from hkcase.services.context import AppContext

if TYPE_CHECKING:
    from hkcase.gui.case_view import CaseView

SEARCH_DELAY_MS = 120
COLUMN_SAMPLES = ("2026-000000", "CHEUNG Tsz Ching", "陳大文文", "QMAS_ABPT", "submitted",
                  "Daniel Wong", "2026-00-00", "2026-00-00")
log = logging.getLogger(__name__)


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
        self.bulk_pool: QThreadPool | None = None
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
        self.dashboard = DashboardPanel(ctx, self.prompts, self.dashboardSummary,
                                        self.dashboardView, self)
        self.dashboard_model = self.dashboard.model
        self.dashboard.loaded.connect(self.dashboard_loaded)
        self.dashboard.caseActedOn.connect(self.acted_on_case)
        self._reselecting = False
        self._fill_filters()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.schemeFilter, self.stageFilter, self.consultantFilter,
                      self.deadlineFilter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.caseTable.selectionModel().currentRowChanged.connect(self._case_selected)
        self.caseTable.activated.connect(self._row_activated)  # Enter, double-click
        self.dashboardView.activated.connect(self._dashboard_activated)
        self.dashboardView.doubleClicked.connect(self._dashboard_activated)
        self.addActions([self.actionNewCase, self.actionNewClient, self.actionEditClient,
                         self.actionRefresh, self.actionSettings, self.actionQuit,
                         self.actionAbout, self.actionExportPack, self.actionPrintPack])
        self.actionRefresh.triggered.connect(self.refresh)
        self.records = WindowRecords(self)  # Edit ▸ Undo, File ▸ Trash, deleting from the list
        self.actionQuit.triggered.connect(self.close)
        self.actionAbout.triggered.connect(self.show_about)
        self.addAction(self.actionShortcuts)
        self.actionShortcuts.triggered.connect(self.show_shortcuts)
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
        # Case ▸ Prepare upload set… (online filing; gui/case/filing_tab.py).
        self.actionPrepareUploadSet = filing_tab.install(self)
        # File ▸ Import clients… (spreadsheet import with a preview; gui/import_dialog.py).
        self.actionImport = import_dialog.install(self, self.menuFile, ctx, self.prompts,
                                                  self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 720])  # the case pane shows all seven tabs at 1280 px
        # After the first paint: the window is usable while the dashboard loads.
        QTimer.singleShot(0, self.refresh_dashboard)
        self._show_count()
        self.statusBar().showMessage(
            f"Database: {ctx.store.location} · schema {ctx.store.migration.revision}")
        apply_window_icons(self)  # toolbar and menu icons (gui/icons.py)

    @property
    def case_view(self) -> CaseView:
        """The case pane, built on first use (keeps the first paint fast)."""
        if self._case_view is None:
            from hkcase.gui.case_view import CaseView  # imported on first use, too

            self._case_view = CaseView(self.ctx, self.prompts, self)
            self.detailStack.addWidget(self._case_view)
            # The pane has just shown its own change: reload the rest, keep the pane.
            self._case_view.changed.connect(lambda _id: self.refresh(pane=False))
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
        for row in active_consultants(self.ctx.store):
            self.consultantFilter.addItem(row.name, row.id)
        # The dashboard's section titles: the same filters, the same counts.
        for value, label in DEADLINE_LABELS.items():
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
        clients = self.cases.client_count
        without = f" · {clients:,} client{'s' * (clients != 1)} without a case" if clients \
            else ""
        case_word = "case" if self.cases.total_text == "1" else "cases"
        self.caseCount.setText(f"{self.cases.total_text} {case_word}{without}{hint}")

    def selected_case_id(self) -> int | None:
        index = self.caseTable.currentIndex()
        return self.cases.case_id_at(index.row()) if index.isValid() else None

    def _reselect(self, case_id: int | None) -> None:
        """Select a case in the list again without changing what the case pane shows."""
        if case_id is None:
            return
        row = self.cases.row_of(case_id)
        if row is not None:
            self._reselecting = True
            try:
                self.caseTable.selectionModel().setCurrentIndex(
                    self.cases.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._reselecting = False

    def _case_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # A reload re-selecting the list's row must not move the pane off the case
        # the consultant is acting on (it may have been opened from the dashboard).
        if current.isValid() and not self._reselecting:
            client = self.cases.client_at(current.row())
            if client is not None:
                self.statusBar().showMessage(f"{client.name} has no case yet: press Enter "
                                             "or double-click to open the client.", 8000)
                return
            self.open_case(self.cases.item(current.row()).row.case_id)

    def _row_activated(self, index: QModelIndex) -> None:
        client = self.cases.client_at(index.row()) if index.isValid() else None
        if client is not None:
            self.open_client(client.client_id)

    def open_client(self, client_id: int) -> None:
        """The client editor for a client (a search hit without a case)."""
        from hkcase.gui.client_dialog import ClientDialog

        if ClientDialog(self.ctx, self.prompts, client_id=client_id, parent=self).exec():
            self.refresh()

    def shown_case_id(self) -> int | None:
        """The case in the case pane (not necessarily the list's selection)."""
        if self._case_view is None or self._case_view.case is None:
            return None
        return self._case_view.case.id

    def acted_on_case(self, case_id: int) -> None:
        """After an action on a case (stay, snooze, new case): reload and show that case."""
        self.refresh()
        self.open_case(case_id)

    def open_case(self, case_id: int) -> None:
        """Show a case on the right."""
        self.case_view.show_case(case_id)
        self.detailStack.setCurrentWidget(self.case_view)

    def focus_search(self) -> None:
        self.leftTabs.setCurrentIndex(1)
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()

    def refresh(self, *, pane: bool = True) -> None:
        """Reload the list (keeping the selection and how far it was loaded), the dashboard
        and (with ``pane``) the case pane, which keeps its case whatever the list's
        selection."""
        selected = self.selected_case_id()
        shown = self.shown_case_id()
        self._reselecting = True
        try:
            self.cases.reload(keep=self.cases.rowCount())
        finally:
            self._reselecting = False
        self._reselect(selected)
        self._show_count()
        if pane and shown is not None:
            self.case_view.show_case(shown)
        self.refresh_dashboard()

    # Dashboard ------------------------------------------------------------------
    def refresh_dashboard(self) -> None:
        """Reload the dashboard in the background (``gui/dashboard_panel.py``)."""
        self.dashboard.refresh()

    @property
    def _dashboard_running(self) -> bool:
        return self.dashboard.running

    def _dashboard_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.open_case(int(case_id))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing of this window may run on after it: background jobs end here and the
        # dialogs it owns close with it.
        self.dashboard.shutdown()
        if self.bulk_pool is not None:
            self.bulk_pool.waitForDone()  # a bulk export under way finishes its files
        self._search_timer.stop()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        super().closeEvent(event)

    # Dialogs ---------------------------------------------------------------------
    def new_case(self) -> None:
        from hkcase.gui.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self.ctx, self.prompts, self)
        if dialog.exec() and dialog.created_case_id is not None:
            self.acted_on_case(dialog.created_case_id)

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
            if dialog.deleted:
                self.records.after_change("Deleted the client. Edit ▸ Undo (Ctrl+Z) brings "
                                          "them back.")
                return
            self.case_view.show_case(self.case_view.case.id)
            self.refresh()
        else:
            self.records.update_undo()

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
        from hkcase.gui import printing  # imported on first use (start-up)

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
        from hkcase.gui import printing

        self.bulk_pool = printing.bulk_export(
            self.ctx, self.prompts, self,
            [case_id for row in rows if (case_id := self.cases.case_id_at(row)) is not None],
            checklists=checklists)

    def show_settings(self) -> None:
        from hkcase.gui.settings_dialog import SettingsDialog

        if SettingsDialog(self.ctx, self).exec():
            # New lead times regenerate the reminders: show them everywhere at once.
            self.refresh()

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts (F1): every shortcut in one list."""
        from hkcase.gui.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About hkcase",
            f"<b>hkcase {__version__}</b><br>Case tracker for Hong Kong talent-visa "
            f"consultants.<br>Data: {self.ctx.locations.data_dir}<br>"
            f"Log: {self.ctx.locations.log_file}<br>ImmD decides every application.")
