"""The dashboard and the case pane driven by clicks and keys."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, ReminderState, Residence, Scheme, Sex
from hkcase.gui.main_window import MainWindow
from hkcase.gui.models.dashboard import LOADING_TEXT
from hkcase.services.demo.generate import generate_demo
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.services.stays.listing import case_reminders
from tests.gui_support import ScriptedPrompts, app_context, choose_menu

LEADS = [84, 42, 7]


class ChoicePrompts(ScriptedPrompts):
    """Also records the buttons offered by ``choose``."""

    def __init__(self) -> None:
        super().__init__()
        self.offered: list[list[str]] = []

    def choose(self, parent: QWidget | None, title: str, text: str,
               buttons: list[str]) -> int | None:
        self.offered.append(list(buttons))
        return super().choose(parent, title, text, buttons)


ctx = app_context(None)


def _case(ctx: AppContext, name: str, limit: date) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name=name, given_names="Test", sex=Sex.MALE, date_of_birth=date(1985, 5, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="amy")
    case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 10)), actor="amy")
    record_stay(ctx.store, StayInput(case.id, date(2025, 2, 1), limit), actor="amy",
                confirm=True)
    return case.id


def _window(qtbot: QtBot, ctx: AppContext, prompts: ScriptedPrompts | None = None
            ) -> MainWindow:
    window = MainWindow(ctx, prompts or ChoicePrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.dashboard_model.loading and not window.dashboard.running,
                    timeout=10_000)


def _section(window: MainWindow, key: str) -> QModelIndex:
    index = window.dashboard_model.section_index(key)
    assert index.isValid()
    return index


def _click(qtbot: QtBot, window: MainWindow, index: QModelIndex, double: bool = False) -> None:
    view = window.dashboardView
    view.expand(index.parent())
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_loading_is_shown_and_never_a_zero(qtbot: QtBot, ctx: AppContext) -> None:
    _case(ctx, "LATE", date.today() - timedelta(days=2))
    refresh_reminders(ctx.store, lead_days=LEADS)
    window = MainWindow(ctx, ChoicePrompts())
    qtbot.addWidget(window)
    # Before the event loop runs the background load: a visible loading state, no count.
    assert window.dashboardSummary.text() == LOADING_TEXT
    assert window.dashboard_model.rowCount() == 1
    assert window.dashboard_model.index(0, 0).data() == LOADING_TEXT
    assert window.dashboard.busy.isVisibleTo(window)
    assert "0" not in window.dashboardSummary.text()
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        window.show()
    assert "Limit of stay passed: 1" in window.dashboardSummary.text()
    assert not window.dashboard.busy.isVisibleTo(window)
    assert _section(window, "overdue").data().endswith("(1)")


def test_dashboard_counts_equal_the_cases_filter_counts(qtbot: QtBot, ctx: AppContext) -> None:
    generate_demo(ctx.store, 300, seed=11)
    refresh_reminders(ctx.store, lead_days=LEADS)
    window = _window(qtbot, ctx)
    _loaded(qtbot, window)
    counts = {s.key: s.count for s in window.dashboard_model.sections()}
    assert sum(counts[k] for k in ("overdue", "window_open", "opening_90")) > 0
    window.leftTabs.setCurrentIndex(1)
    combo = window.deadlineFilter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    compared = 0
    for _ in range(combo.count() - 1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        key = combo.currentData()
        title = combo.currentText()
        section = window.dashboard_model.section_index(str(key))
        assert section.data() == f"{title} ({window.cases.total:,})"
        assert window.cases.total == counts[str(key)]
        compared += 1
    assert compared == 5


def test_pane_stays_on_the_case_after_recording_a_stay(qtbot: QtBot, ctx: AppContext) -> None:
    listed = _case(ctx, "LISTED", date.today() + timedelta(days=200))
    acted = _case(ctx, "ACTED", date.today() + timedelta(days=20))
    refresh_reminders(ctx.store, lead_days=LEADS)
    window = _window(qtbot, ctx)
    _loaded(qtbot, window)
    window.leftTabs.setCurrentIndex(1)
    row = window.cases.row_of(listed)
    assert row is not None
    window.caseTable.selectRow(row)
    assert window.case_view.case is not None and window.case_view.case.id == listed
    window.leftTabs.setCurrentIndex(0)
    section = _section(window, "window_open")
    _click(qtbot, window, window.dashboard_model.index(0, 1, section), double=True)
    view = window.case_view
    assert view.case is not None and view.case.id == acted
    previous = view.case.stays[-1].limit_of_stay
    extended = date(previous.year + 3, previous.month, previous.day)
    for edit, value in ((view.grantedEdit, date.today()), (view.limitEdit, extended)):
        edit.clear()
        qtbot.keyClicks(edit, value.isoformat())
    qtbot.mouseClick(view.addStayButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.case is not None and len(view.case.stays) == 2)
    assert window.selected_case_id() == listed  # the list kept its selection …
    assert view.case.id == acted  # … and the pane its case
    _loaded(qtbot, window)
    assert view.case.id == acted


def test_snooze_from_the_dashboard_is_capped_and_keeps_the_pane(qtbot: QtBot,
                                                                ctx: AppContext) -> None:
    listed = _case(ctx, "LISTED", date.today() + timedelta(days=200))
    near = _case(ctx, "NEAR", date.today() + timedelta(days=4))
    refresh_reminders(ctx.store, lead_days=LEADS)
    prompts = ChoicePrompts()
    window = _window(qtbot, ctx, prompts)
    _loaded(qtbot, window)
    window.leftTabs.setCurrentIndex(1)
    window.caseTable.selectRow(window.cases.row_of(listed) or 0)
    window.leftTabs.setCurrentIndex(0)
    index = window.dashboard_model.index(0, 2, _section(window, "limit_7_days"))
    _click(qtbot, window, index)
    prompts.choices = [0]
    qtbot.mouseClick(window.dashboard.snoozeButton, Qt.MouseButton.LeftButton)
    offered = prompts.offered[-1]
    assert offered and "1 week" not in offered and "2 weeks" not in offered
    limit = date.today() + timedelta(days=4)
    snoozed = [r for r in case_reminders(ctx.store, near) if r.state is ReminderState.SNOOZED]
    assert snoozed and all(r.snoozed_until and r.snoozed_until <= limit for r in snoozed)
    assert window.case_view.case is not None and window.case_view.case.id == near
    assert window.selected_case_id() == listed


def test_settings_change_refreshes_the_dashboard_and_pane(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = _case(ctx, "SOON", date.today() + timedelta(days=50))
    refresh_reminders(ctx.store, lead_days=LEADS)
    window = _window(qtbot, ctx)
    _loaded(qtbot, window)
    window.open_case(case_id)

    def fill_and_ok() -> None:
        from hkcase.gui.dialogs.settings import SettingsDialog

        dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
        if not dialogs:  # not shown yet: look again shortly
            QTimer.singleShot(50, fill_and_ok)
            return
        dialog = dialogs[0]
        try:
            dialog.leadEdit.clear()
            qtbot.keyClicks(dialog.leadEdit, "30, 7")
            ok = next(b for b in dialog.buttonBox.buttons()
                      if dialog.buttonBox.buttonRole(b)
                      is QDialogButtonBox.ButtonRole.AcceptRole)
            assert isinstance(ok, QPushButton)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()  # never leave the test hanging in exec()

    QTimer.singleShot(100, fill_and_ok)
    with qtbot.waitSignal(window.dashboard_loaded, timeout=10_000):
        choose_menu(qtbot, window, window.actionSettings)  # File ▸ Settings…
    assert ctx.settings.reminder_lead_days == [30, 7]
    shown = [window.case_view.reminders.row_object(r).due_date
             for r in range(window.case_view.reminders.rowCount())]
    assert date.today() + timedelta(days=50 - 30) in shown
    assert window.case_view.case is not None and window.case_view.case.id == case_id
