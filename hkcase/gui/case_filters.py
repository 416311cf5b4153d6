"""The main window's case-list search box and filters, and the count under the list.

Made with the window (``MainWindow.__init__``): the schemes and stages are there at the
first paint; the deadlines and consultants come with the store (``attach``). The services
are imported when used, not with this module (start-up: the first paint).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from hkcase.domain.vocab import Scheme, Stage
from hkcase.gui.support.forms import combo_enum

if TYPE_CHECKING:
    from hkcase.gui.main_window import MainWindow
    from hkcase.services.cases.listing import CaseFilter

SEARCH_DELAY_MS = 120
MY_CASES_ROLE = Qt.ItemDataRole.UserRole + 1  # marks the consultant filter's "My cases"
# The window's own strings: their translations stay under its context in the .ts files.
translate = QCoreApplication.translate


class CaseFilters(QObject):
    """Fills the window's filter combos and reloads its list when the search or a filter
    changes (typing waits ``SEARCH_DELAY_MS`` for the next key)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.schemeFilter.addItem(translate("MainWindow", "All schemes"), None)
        for scheme in Scheme:
            window.schemeFilter.addItem(scheme.value, scheme)
        window.stageFilter.addItem(translate("MainWindow", "All stages"), None)
        for stage in Stage:
            window.stageFilter.addItem(stage.value, stage)
        # The consultants and the dashboard's section titles (the same filters, the same
        # counts) come with the store: ``attach``.
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply)
        window.searchEdit.textChanged.connect(lambda _t: self.search_timer.start())
        for combo in (window.schemeFilter, window.stageFilter, window.consultantFilter,
                      window.deadlineFilter):
            combo.currentIndexChanged.connect(lambda _i: self.apply())

    def attach(self) -> None:
        """The filters that need the store; their signals are held: the list loads once."""
        from hkcase.services.cases.listing import DeadlineFilter, deadline_label

        deadline = self.window.deadlineFilter
        deadline.blockSignals(True)
        for value in DeadlineFilter:  # said in the language chosen by now
            deadline.addItem(deadline_label(value), value)
        deadline.blockSignals(False)
        self.fill_consultants(reload=False)

    def fill_consultants(self, *, reload: bool = True) -> None:
        """The consultant filter: all, "My cases" (this desktop's consultant), each one.

        Refilled after the consultants list or the settings change; the choice is kept
        when it is still there (else the list shows all consultants' cases, reloaded
        unless ``reload`` is false).
        """
        from hkcase.services.consultants import active_consultants, my_consultant

        ctx = self.window.ctx
        combo = self.window.consultantFilter
        kept_index, kept = combo.currentIndex(), combo.currentData()
        mine_kept = kept_index == 1 and combo.itemData(1, MY_CASES_ROLE) is True
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(translate("MainWindow", "All consultants"), None)
            me = my_consultant(ctx.store, ctx.settings.consultant_name)
            if me is not None:
                combo.addItem(translate("MainWindow", "My cases ({name})").format(name=me.name),
                              me.id)
                combo.setItemData(1, True, MY_CASES_ROLE)
            for row in active_consultants(ctx.store):
                combo.addItem(row.name, row.id)
            if mine_kept and me is not None:
                combo.setCurrentIndex(1)
            else:
                found = combo.findData(kept) if kept is not None else 0
                combo.setCurrentIndex(max(0, found))
        finally:
            combo.blockSignals(False)
        if reload and combo.currentData() != kept:
            self.apply()

    def current(self) -> CaseFilter:
        """The search text and filters as chosen now."""
        from hkcase.services.cases.listing import CaseFilter, DeadlineFilter

        window = self.window
        return CaseFilter(text=window.searchEdit.text(),
                          scheme=combo_enum(window.schemeFilter, Scheme),
                          stage=combo_enum(window.stageFilter, Stage),
                          consultant_id=window.consultantFilter.currentData(),
                          deadline=combo_enum(window.deadlineFilter, DeadlineFilter)
                          or DeadlineFilter.ANY)

    def apply(self) -> None:
        """Query the list again for the search text and filters (selection kept if shown)."""
        window = self.window
        if not window.attached:
            return  # ``attach`` loads the list with the filters chosen meanwhile
        selected = window.selected_case_id()
        window.cases.set_filter(self.current())
        window.reselect(selected)
        self.show_count()

    def show_count(self) -> None:
        """The count under the list (cases, clients without one, a too-short search)."""
        from hkcase.services.cases.listing import searchable

        window = self.window
        text = window.searchEdit.text().strip()
        hint = (translate("MainWindow", " — type one more character to search")
                if text and not searchable(text) else "")
        clients = window.cases.client_count
        without = ((translate("MainWindow", " · {count} client without a case") if clients == 1
                    else translate("MainWindow", " · {count} clients without a case")).format(
            count=f"{clients:,}") if clients else "")
        count = (translate("MainWindow", "{count} case") if window.cases.total_text == "1"
                 else translate("MainWindow", "{count} cases")).format(
            count=window.cases.total_text)
        window.caseCount.setText(f"{count}{without}{hint}")
