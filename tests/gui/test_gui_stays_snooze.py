"""The case's Stay & deadlines tab: snooze offers only what the deadline allows."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ReminderState
from hkcase.gui.main_window import MainWindow
from hkcase.services.reminders.refresh import refresh_reminders
from hkcase.services.stays.listing import case_reminders
from tests.gui.test_gui_dashboard import LEADS, ChoicePrompts, _case
from tests.gui_support import app_context

ctx = app_context(None)


def test_snooze_in_the_stays_tab_is_capped_and_titles_are_worded_today(
        qtbot: QtBot, ctx: AppContext) -> None:
    limit = date.today() + timedelta(days=4)
    case_id = _case(ctx, "NEAR", limit)
    refresh_reminders(ctx.store, lead_days=LEADS)
    prompts = ChoicePrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_case(case_id)
    view = window.case_view
    view.caseTabs.setCurrentWidget(view.stayTab)
    tab = view.stays_tab
    titles = [tab.reminders.index(r, 2).data() for r in range(tab.reminders.rowCount())]
    assert titles and any(t.endswith("— limit in 4 days") for t in titles)
    tab.remindersView.selectRow(0)
    prompts.choices = [0]
    qtbot.mouseClick(tab.snoozeButton, Qt.MouseButton.LeftButton)
    offered = prompts.offered[-1]
    assert offered and "1 week" not in offered and "2 weeks" not in offered
    snoozed = [r for r in case_reminders(ctx.store, case_id) if r.state is ReminderState.SNOOZED]
    assert snoozed and all(r.snoozed_until is not None and r.snoozed_until <= limit
                           for r in snoozed)
