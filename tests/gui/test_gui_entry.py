"""Entry by keys and clicks: the calendar picker, Help ▸ Keyboard shortcuts, New case, Quit."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QTableView,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.gui.dialogs.new_case import NewCaseDialog
from hkcase.gui.dialogs.records import StayDialog
from hkcase.gui.main_window import MainWindow
from hkcase.store.models import Case
from tests.gui.test_gui_dashboard import ChoicePrompts, _case
from tests.gui.test_gui_records import _in_dialog, _right_click_row
from tests.gui_support import app_context, choose_menu

ctx = app_context(None)


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, ChoicePrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_calendar_picker_sets_the_date(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = _case(ctx, "PICK", date(2027, 3, 1))
    window = _window(qtbot, ctx)
    window.open_case(case_id)
    view = window.case_view
    view.caseTabs.setCurrentWidget(view.stayTab)
    tab = view.stays_tab
    edit = tab.grantedEdit
    qtbot.keyClicks(edit, "15/01/2027")  # DD/MM/YYYY is understood …
    button = next(b for b in edit.findChildren(QToolButton) if b.defaultAction()
                  and b.defaultAction().objectName() == "pickDate")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # … and the calendar opens on it
    calendar = edit.findChild(QCalendarWidget, "dateCalendar")
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toPython() == date(2027, 1, 15)
    grid = calendar.findChild(QTableView)
    assert grid is not None
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # the next day …
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # … chosen with Enter
    assert edit.text() == "2027-01-16"
    assert not calendar.isVisible()


def test_stay_dialog_dates_take_dd_mm_yyyy_and_a_calendar(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = _case(ctx, "DIALOG", date(2027, 3, 1))
    window = _window(qtbot, ctx)
    window.open_case(case_id)
    view = window.case_view
    view.caseTabs.setCurrentWidget(view.stayTab)
    seen: list[str] = []

    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, StayDialog)
        dialog.limitEdit.clear()
        qtbot.keyClicks(dialog.limitEdit, "28/02/2027")
        assert dialog.limitEdit.property("invalid") is False
        assert dialog.limitEdit.findChildren(QToolButton)  # the calendar button is there
        seen.append(dialog.limitEdit.text())
        dialog.reject()

    ran = _in_dialog(qtbot, StayDialog, check)
    _right_click_row(qtbot, view.stays_tab.staysView, 0, "Edit stay…")
    assert ran and seen == ["28/02/2027"]


def test_f1_opens_the_keyboard_shortcuts(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    keys = {key for key, _what in dialog.rows}
    assert {"F1", "Ctrl+Z"} <= keys
    assert "Keyboard shortcuts" in dict((k, w) for k, w in dialog.rows)["F1"]
    # Closed as a user closes it: a dialog left open when its window is deleted has crashed
    # the next test's setup.
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_pane_stays_on_the_new_case(qtbot: QtBot, ctx: AppContext) -> None:
    listed = _case(ctx, "LISTED", date.today() + timedelta(days=200))
    _case(ctx, "NEWCOMER", date.today() + timedelta(days=300))
    window = _window(qtbot, ctx)
    window.leftTabs.setCurrentIndex(1)
    row = window.cases.row_of(listed)
    assert row is not None
    window.caseTable.selectRow(row)
    assert window.case_view.case is not None and window.case_view.case.id == listed

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, NewCaseDialog)
        qtbot.keyClicks(dialog.clientSearch, "NEWCOMER")
        qtbot.waitUntil(lambda: dialog.clientList.count() == 1)
        dialog.clientList.setCurrentRow(0)
        qtbot.mouseClick(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    ran = _in_dialog(qtbot, NewCaseDialog, create)
    choose_menu(qtbot, window, window.actionNewCase)  # the menu entry with New case…
    assert ran
    with ctx.store.reading() as session:
        newest = session.scalars(sa.select(Case.id).order_by(Case.id.desc())).first()
    assert newest is not None and newest != listed
    assert window.case_view.case is not None and window.case_view.case.id == newest
    assert window.selected_case_id() == listed  # the list kept its selection
    assert QApplication.activeModalWidget() is None


def test_closing_the_window_ends_its_background_work(qtbot: QtBot, ctx: AppContext) -> None:
    _case(ctx, "CLOSING", date.today() + timedelta(days=20))
    window = _window(qtbot, ctx)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    window.activateWindow()  # back to the main window, the dialog still open
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # File ▸ Quit
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not dialog.isVisible()  # its dialogs close with it
    panel = window.dashboard
    assert panel._pool.activeThreadCount() == 0  # no job runs on after the window
    window.refresh_dashboard()  # a late request (a reminder tick) starts nothing
    assert not panel.running and panel._pool.activeThreadCount() == 0


def test_collection_runs_on_the_gui_thread_only(qtbot: QtBot) -> None:
    import gc

    from hkcase.gui.support.gc_guard import MainThreadCollector

    gc.enable()
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()  # pool threads can no longer start a collection
        freed: list[int] = []

        class Cycle:
            def __init__(self) -> None:
                self.me = self

            def __del__(self) -> None:
                freed.append(1)

        for _ in range(gc.get_threshold()[0] + 10):
            Cycle()
        qtbot.waitUntil(lambda: len(freed) > 0)  # the timer collected them, on this thread
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()  # as the GUI-test fixture left it
