"""The main window: dashboard and case list on the left, the selected case on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
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
from hkcase.gui.case import filing_tab
from hkcase.gui.case_filters import SEARCH_DELAY_MS as SEARCH_DELAY_MS  # tests wait on it
from hkcase.gui.case_filters import CaseFilters
from hkcase.gui.change_watch import ChangeWatch
from hkcase.gui.models.case_list import CaseListModel
from hkcase.gui.support.forms import load_form
from hkcase.gui.support.icons import ACTION_ICONS, apply_window_icons, icon
from hkcase.gui.support.prompts import Prompts

# The services, the dashboard and the window's record actions are imported by
# ``attach`` (with the store): the window paints before SQLAlchemy is imported.
if TYPE_CHECKING:
    from hkcase.app import AppContext
    from hkcase.gui.case.view import CaseView
    from hkcase.gui.dashboard_panel import DashboardPanel
    from hkcase.gui.window_records import WindowRecords
    from hkcase.services.cases.listing import CaseFilter

COLUMN_SAMPLES = ("2026-000000", "CHEUNG Tsz Ching", "陳大文文", "QMAS_ABPT", "submitted",
                  "Daniel Wong", "2026-00-00", "2026-00-00")


class MainWindow(QMainWindow):
    """The consultant's desk: no clicking in and out between cases."""

    dashboard_loaded = Signal()

    ctx: AppContext  # set by ``attach``
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

    def __init__(self, ctx: AppContext | None = None, prompts: Prompts | None = None) -> None:
        """The window from its form; with ``ctx``, attached to that store at once.

        Without ``ctx`` (a start: ``gui/launch.py``) it paints before the store is
        open: the case list and the dashboard say they are loading, and what needs
        the store is disabled (typed search text and chosen filters are kept) until
        ``attach``.
        """
        super().__init__()
        # Colleagues' changes: checked on focus and every minute, reloaded only if any.
        # Made first: ``changeEvent`` hands it every change, the form's included.
        self.change_watch = ChangeWatch(self)
        self.change_timer = self.change_watch.timer
        load_form("main_window", self)
        self.prompts = prompts or Prompts()
        self.bulk_pool: QThreadPool | None = None
        self.cases = CaseListModel(None, self)
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
            header.resizeSection(column, max(metrics.horizontalAdvance(sample) + 16,
                                             header.sectionSizeHint(column)))  # header text
        self._case_view: CaseView | None = None  # built when the first case is opened
        self._reselecting = False
        self.filters = CaseFilters(self)  # search box, filters, the count under the list
        self._search_timer = self.filters.search_timer
        self.caseTable.selectionModel().currentRowChanged.connect(self._case_selected)
        self.caseTable.activated.connect(self._row_activated)  # Enter, double-click
        self.dashboardView.activated.connect(self._dashboard_activated)
        self.dashboardView.doubleClicked.connect(self._dashboard_activated)
        self.addActions([self.actionNewCase, self.actionNewClient, self.actionEditClient,
                         self.actionRefresh, self.actionSettings, self.actionQuit,
                         self.actionAbout, self.actionExportPack, self.actionPrintPack])
        self.actionRefresh.triggered.connect(self.refresh)
        self.actionQuit.triggered.connect(self.close)
        self.actionAbout.triggered.connect(self.show_about)
        self.addAction(self.actionShortcuts)
        self.actionShortcuts.triggered.connect(self.show_shortcuts)
        self.actionNewCase.triggered.connect(self.new_case)
        self.actionNewClient.triggered.connect(self.new_client)
        self.actionEditClient.triggered.connect(self.edit_client)
        self.actionSettings.triggered.connect(self.show_settings)
        # File ▸ Consultants… (the firm's list; gui/dialogs/consultants.py).
        self.actionConsultants = QAction(self.tr("&Consultants…"), self)
        self.actionConsultants.setObjectName("actionConsultants")
        self.actionConsultants.setStatusTip(self.tr("Add, rename or deactivate the firm's "
                                                    "consultants"))
        self.menuFile.insertAction(self.actionTrash, self.actionConsultants)
        self.actionConsultants.triggered.connect(self.show_consultants)
        self.consultants_dialog: QDialog | None = None
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
        # Case ▸ …: enabled only with a case in the pane (the bulk entries: rows selected).
        self.detailStack.currentChanged.connect(lambda _i: self._update_case_actions())
        self.caseTable.selectionModel().selectionChanged.connect(
            lambda *_: self._update_case_actions())
        self._update_case_actions()
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 720])  # the case pane shows all seven tabs at 1280 px
        apply_window_icons(self)  # toolbar and menu icons (gui/icons.py)
        # Until ``attach``: what needs the store is disabled, the lists say they load.
        for action in self._store_actions():
            action.setEnabled(False)
        self.dashboardSummary.setText(self.tr("Loading the dashboard…"))
        self.caseCount.setText(self.tr("Loading the case list…"))
        self.statusBar().showMessage(self.tr("Opening the database…"))
        if ctx is not None:
            self.attach(ctx)

    def _store_actions(self) -> list[QAction]:
        """The menu and toolbar entries that need the store (disabled until ``attach``)."""
        return [self.actionNewCase, self.actionNewClient, self.actionRefresh,
                self.actionSettings, self.actionConsultants, self.actionUndo,
                self.actionTrash]

    @property
    def attached(self) -> bool:
        """True once the window has its store (``attach``)."""
        return hasattr(self, "ctx")

    def show_step(self, text: str) -> None:
        """Say what the start is doing before ``attach`` (painted at once: it may block)."""
        self.caseCount.setText(text)
        self.caseCount.repaint()
        self.statusBar().showMessage(text)
        self.statusBar().repaint()

    def attach(self, ctx: AppContext) -> None:
        """Give the window its store: fill the case list's first page, then the dashboard.

        The services, the dashboard panel and the record actions are imported here.
        """
        from hkcase.gui.dashboard_panel import DashboardPanel
        from hkcase.gui.dialogs import import_file as import_dialog
        from hkcase.gui.window_records import WindowRecords

        if self.attached:
            raise RuntimeError("the main window already has its store")
        self.ctx = ctx
        self.dashboard: DashboardPanel = DashboardPanel(
            ctx, self.prompts, self.dashboardSummary, self.dashboardView, self)
        self.dashboard_model = self.dashboard.model
        self.dashboard.loaded.connect(self.dashboard_loaded)
        self.dashboard.caseActedOn.connect(self.acted_on_case)
        for action in self._store_actions():
            action.setEnabled(True)
        self.records: WindowRecords = WindowRecords(self)  # Edit ▸ Undo, File ▸ Trash, …
        # File ▸ Import clients… (spreadsheet import with a preview; gui/dialogs/import_file.py).
        self.actionImport = import_dialog.install(self, self.menuFile, ctx, self.prompts,
                                                  self.refresh)
        meaning = ACTION_ICONS.get(self.actionImport.objectName())
        if meaning is not None:  # made after ``apply_window_icons``: its icon here
            self.actionImport.setIcon(icon(meaning))
        self.filters.attach()  # deadlines and consultants
        self.change_watch.loaded()
        self.cases.attach(ctx.store, self.current_filter())
        self.filters.show_count()
        self.change_timer.start()
        # After the list's paint: the window is usable while the dashboard loads.
        QTimer.singleShot(0, self.refresh_dashboard)
        self.statusBar().showMessage(self.tr("Database: {location} · schema {revision}").format(
            location=ctx.store.location, revision=ctx.store.migration.revision))
    @property
    def case_view(self) -> CaseView:
        """The case pane, built on first use (keeps the first paint fast)."""
        if self._case_view is None:
            from hkcase.gui.case.view import CaseView  # imported on first use, too

            self._case_view = CaseView(self.ctx, self.prompts, self)
            self.detailStack.addWidget(self._case_view)
            # The pane has just shown its own change: reload the rest, keep the pane.
            self._case_view.changed.connect(lambda _id: self.refresh(pane=False))
        return self._case_view

    def _update_case_actions(self) -> None:
        shown = self._case_view is not None and self.detailStack.currentWidget() is \
            self._case_view
        for action in (self.actionEditClient, self.actionDeleteCase, self.actionDeleteClient,
                       self.actionExportPack, self.actionPrintPack, self.actionSaveChecklist,
                       self.actionPrintChecklist, self.actionLetter,
                       self.actionPrepareUploadSet):
            action.setEnabled(shown)
        selected = self.caseTable.selectionModel().hasSelection()
        for action in (self.actionBulkExport, self.actionBulkChecklists):
            action.setEnabled(selected)

    # Filters and list (``gui/case_filters.py``) --------------------------------------
    def fill_consultants(self, *, reload: bool = True) -> None:
        """Refill the consultant filter (``CaseFilters.fill_consultants``)."""
        self.filters.fill_consultants(reload=reload)

    def current_filter(self) -> CaseFilter:
        return self.filters.current()

    def apply_filter(self) -> None:
        """Query the list again for the search text and filters (selection kept if shown)."""
        self.filters.apply()

    def selected_case_id(self) -> int | None:
        index = self.caseTable.currentIndex()
        return self.cases.case_id_at(index.row()) if index.isValid() else None

    def reselect(self, case_id: int | None) -> None:
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
                self.statusBar().showMessage(self.tr(
                    "{client} has no case yet: press Enter or double-click to open the "
                    "client.").format(client=client.name), 8000)
                return
            self.open_case(self.cases.item(current.row()).row.case_id)

    def _row_activated(self, index: QModelIndex) -> None:
        client = self.cases.client_at(index.row()) if index.isValid() else None
        if client is not None:
            self.open_client(client.client_id)

    def open_client(self, client_id: int) -> None:
        """The client editor for a client (a search hit without a case)."""
        from hkcase.gui.dialogs.client import ClientDialog

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
        if not self.attached:
            return
        self.change_watch.loaded()  # what this reload shows
        selected = self.selected_case_id()
        shown = self.shown_case_id()
        self._reselecting = True
        try:
            self.cases.reload(keep=self.cases.rowCount())
        finally:
            self._reselecting = False
        self.reselect(selected)
        self.filters.show_count()
        if pane and shown is not None:
            self.case_view.show_case(shown)
        self.refresh_dashboard()

    # Colleagues' changes (``gui/change_watch.py``) -----------------------------------
    def refresh_if_changed(self) -> bool:
        """Reload the list and dashboard if the store changed (``ChangeWatch``)."""
        return self.change_watch.refresh_if_changed()

    def changeEvent(self, event: QEvent) -> None:
        # Not an event() override: that one runs while Qt deletes the window.
        self.change_watch.window_changed(event)
        super().changeEvent(event)

    # Dashboard ------------------------------------------------------------------
    def refresh_dashboard(self) -> None:
        """Reload the dashboard in the background (``gui/dashboard_panel.py``)."""
        if self.attached:
            self.dashboard.refresh()

    @property
    def _dashboard_running(self) -> bool:
        return self.attached and self.dashboard.running

    def _dashboard_activated(self, index: QModelIndex) -> None:
        from hkcase.gui.models.dashboard import CASE_ID_ROLE

        case_id = index.data(CASE_ID_ROLE)
        if case_id is not None:
            self.open_case(int(case_id))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing of this window may run on after it: background jobs end here and the
        # dialogs it owns close with it.
        if self.attached:
            self.dashboard.shutdown()
        if self.bulk_pool is not None:
            self.bulk_pool.waitForDone()  # a bulk export under way finishes its files
        self._search_timer.stop()
        self.change_timer.stop()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        super().closeEvent(event)

    # Dialogs ---------------------------------------------------------------------
    def new_case(self) -> None:
        from hkcase.gui.dialogs.new_case import NewCaseDialog

        dialog = NewCaseDialog(self.ctx, self.prompts, self)
        if dialog.exec() and dialog.created_case_id is not None:
            self.acted_on_case(dialog.created_case_id)

    def new_client(self) -> None:
        from hkcase.gui.dialogs.client import ClientDialog

        ClientDialog(self.ctx, self.prompts, parent=self).exec()

    def edit_client(self) -> None:
        from hkcase.gui.dialogs.client import ClientDialog

        if self.case_view.case is None:
            self.prompts.info(self, self.tr("Edit client"), self.tr("Select a case first."))
            return
        dialog = ClientDialog(self.ctx, self.prompts, client_id=self.case_view.case.client_id,
                              parent=self)
        if dialog.exec():
            if dialog.deleted:
                self.records.after_change(self.tr("Deleted the client. Edit ▸ Undo (Ctrl+Z) "
                                                  "brings them back."))
                return
            self.case_view.show_case(self.case_view.case.id)
            self.refresh()
        else:
            self.records.update_undo()

    def _current_case(self) -> tuple[int, str] | None:
        case = self.case_view.case
        if case is None:
            self.prompts.info(self, self.tr("No case"), self.tr("Select a case first."))
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
        titles = {"pack": self.tr("Document pack"), "checklist_en": self.tr("Checklist"),
                  "checklist_zh": self.tr("Checklist 文件清單"),
                  "letter": self.tr("Extension letter")}
        if save:
            printing.save_pdf(self.prompts, self, titles[kind], f"{reference}-{kind}.pdf", render)
        else:
            printing.print_pdf(self.prompts, self, titles[kind], render)

    def save_checklist(self) -> None:
        choice = self.prompts.choose(self, self.tr("Checklist for the client"),
                                     self.tr("Which language?"),
                                     ["English", "中文（繁體）"])
        if choice is not None:
            self.case_output("checklist_en" if choice == 0 else "checklist_zh", save=True)

    def bulk_export(self, *, checklists: bool) -> None:
        """A document pack, or the client's checklist, for every selected case."""
        rows = sorted({i.row() for i in self.caseTable.selectionModel().selectedRows()})
        if not rows:
            self.prompts.info(self, self.tr("Export packs"),
                              self.tr("Select cases in the list first."))
            return
        from hkcase.gui import printing

        self.bulk_pool = printing.bulk_export(
            self.ctx, self.prompts, self,
            [case_id for row in rows if (case_id := self.cases.case_id_at(row)) is not None],
            checklists=checklists)

    def show_settings(self) -> None:
        from hkcase.gui.dialogs.settings import SettingsDialog

        if SettingsDialog(self.ctx, self).exec():
            # New lead times regenerate the reminders: show them everywhere at once.
            self.fill_consultants()  # a new consultant name: a new "My cases"
            self.refresh()

    def show_consultants(self) -> None:
        """File ▸ Consultants…: the list; the filters follow its changes when it closes."""
        from hkcase.gui.dialogs.consultants import ConsultantsDialog

        dialog = ConsultantsDialog(self.ctx, self)
        self.consultants_dialog = dialog

        def closed() -> None:
            if dialog.changed:
                self.fill_consultants()
                self.refresh()

        dialog.finished.connect(lambda _result: closed())
        dialog.open()

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts (F1): every shortcut in one list."""
        from hkcase.gui.dialogs.shortcuts import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        where = (self.tr("Data: {data}<br>Log: {log}<br>").format(
            data=self.ctx.locations.data_dir, log=self.ctx.locations.log_file)
            if self.attached else "")
        QMessageBox.about(
            self, self.tr("About hkcase"),
            f"<b>hkcase {__version__}</b><br>"
            + self.tr("Case tracker for Hong Kong talent-visa consultants.") + "<br>"
            + where + self.tr("ImmD decides every application."))
