"""The main window driven as a consultant would: search, filter, open, edit, save."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, Stage
from hkcase.gui.main_window import MainWindow
from hkcase.gui.models.case_list import CaseListModel
from hkcase.gui.support.forms import app_icon, form_names, load_form, style_sheet
from hkcase.services.cases.detail import get_case
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
from tests.gui_support import ScriptedPrompts, app_context, type_text

ctx = app_context(None)


@pytest.fixture
def chan(ctx: AppContext) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="amy")
    case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 10)), actor="amy")
    record_stay(ctx.store, StayInput(case.id, date(2025, 2, 1),
                                     date.today() + timedelta(days=20)),
                actor="amy", confirm=True)
    refresh_reminders(ctx.store, lead_days=[84, 42, 7])
    return case.id


def _window(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, prompts


def test_search_in_chinese_finds_and_opens_the_case(qtbot: QtBot, ctx: AppContext,
                                                    chan: int) -> None:
    generate_demo(ctx.store, 150, seed=3)
    window, _ = _window(qtbot, ctx)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.searchEdit.hasFocus()
    type_text(window.searchEdit, "大文")
    qtbot.waitUntil(lambda: window.cases.total == 1, timeout=2000)
    window.caseTable.setFocus()
    qtbot.keyClick(window.caseTable, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    assert window.case_view.case is not None and window.case_view.case.id == chan
    assert "陳大文" in window.case_view.caseTitle.text()


def test_deadline_filter_and_dashboard_show_the_open_window(qtbot: QtBot, ctx: AppContext,
                                                            chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.leftTabs.setCurrentIndex(1)
    window.deadlineFilter.setCurrentIndex(window.deadlineFilter.findText("Extension window open"))
    assert window.cases.total == 1
    assert window.cases.item(0).row.case_id == chan
    window.leftTabs.setCurrentIndex(0)
    model = window.dashboard_model
    qtbot.waitUntil(lambda: not model.loading)
    groups = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert "Extension window open (1)" in groups
    section = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data().startswith("Extension window"))
    first = model.index(0, 1, model.index(section, 0))
    assert first.data().startswith("2025-")  # the case reference
    view = window.dashboardView
    view.scrollTo(first)
    where = view.visualRect(first).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.case_view.case is not None and window.case_view.case.id == chan


def test_edit_and_save_the_overview_with_the_keyboard(qtbot: QtBot, ctx: AppContext,
                                                      chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.open_case(chan)
    view = window.case_view
    view.stageCombo.setCurrentIndex(view.stageCombo.findData(Stage.SUBMITTED))
    view.submittedEdit.clear()
    qtbot.keyClicks(view.submittedEdit, "2025-01-20")
    view.immdEdit.setFocus()
    qtbot.keyClicks(view.immdEdit, "GE/77/2025")
    qtbot.keyClick(view.immdEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = get_case(ctx.store, chan)
    assert (saved.stage, saved.submitted_on, saved.immd_file_ref) == (
        Stage.SUBMITTED, date(2025, 1, 20), "GE/77/2025")
    assert view.overviewMessage.text() == "Saved."


def test_bad_date_is_marked_and_not_saved(qtbot: QtBot, ctx: AppContext, chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.open_case(chan)
    view = window.case_view
    qtbot.keyClicks(view.decidedEdit, "2025-02-30")
    assert view.decidedEdit.property("invalid") is True
    qtbot.mouseClick(view.saveButton, Qt.MouseButton.LeftButton)
    assert "not a date" in view.overviewMessage.text()
    assert get_case(ctx.store, chan).decided_on is None


def test_escape_reverts_unsaved_edits(qtbot: QtBot, ctx: AppContext, chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.open_case(chan)
    view = window.case_view
    qtbot.keyClicks(view.employerEdit, "Acme")
    qtbot.keyClick(view.employerEdit, Qt.Key.Key_Escape)
    assert view.employerEdit.text() == ""


def test_a_concurrent_edit_is_reported_not_overwritten(qtbot: QtBot, ctx: AppContext,
                                                       chan: int) -> None:
    from hkcase.services.records import update_case

    window, _prompts = _window(qtbot, ctx)
    window.open_case(chan)
    case = get_case(ctx.store, chan)
    update_case(ctx.store, chan, case.version, actor="ben", employer="Ben's edit")
    qtbot.keyClicks(window.case_view.employerEdit, "Amy's edit")
    qtbot.mouseClick(window.case_view.saveButton, Qt.MouseButton.LeftButton)
    conflict = window.case_view.conflict_dialog  # gui/dialogs/conflict.py
    qtbot.waitUntil(conflict.isVisible)
    assert conflict.messageLabel.text().startswith("Changed by ben at ")
    assert get_case(ctx.store, chan).employer == "Ben's edit"
    qtbot.mouseClick(conflict.reloadButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.case_view.employerEdit.text() == "Ben's edit")


def test_selection_survives_refresh(qtbot: QtBot, ctx: AppContext, chan: int) -> None:
    generate_demo(ctx.store, 60, seed=1)
    window, _ = _window(qtbot, ctx)
    row = window.cases.row_of(chan)
    assert row is not None
    window.caseTable.selectRow(row)
    generate_demo(ctx.store, 30, seed=2)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.selected_case_id() == chan


def test_notes_and_stays_tabs(qtbot: QtBot, ctx: AppContext, chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.open_case(chan)
    view = window.case_view
    type_text(view.noteEdit, "客戶已提交文件 documents received")
    qtbot.mouseClick(view.addNoteButton, Qt.MouseButton.LeftButton)
    assert "客戶已提交文件" in view.activityList.item(0).text()
    assert view.stays.rowCount() == 1
    assert view.reminders.rowCount() >= 1
    view.remindersView.selectRow(0)
    qtbot.mouseClick(view.doneButton, Qt.MouseButton.LeftButton)
    assert view.reminders.row_object(0).state.value == "done"


def test_eligibility_tab_runs_and_keeps_a_check(qtbot: QtBot, ctx: AppContext,
                                                chan: int) -> None:
    window, _ = _window(qtbot, ctx)
    window.open_case(chan)
    view = window.case_view
    assert view.criteriaTree.topLevelItemCount() >= 1
    assert "GEP" in view.eligibilityOutcome.text()
    row = next(r for r in range(view.facts.rowCount())
               if view.facts.row_object(r).name == "job_offer")
    assert view.facts.setData(view.facts.index(row, 3), "yes")
    qtbot.waitUntil(lambda: window.case_view.facts.row_object(row).override is True)
    qtbot.mouseClick(window.case_view.runCheckButton, Qt.MouseButton.LeftButton)
    assert window.case_view.runsList.count() == 1


def test_models_pass_qt_model_checks(qtmodeltester, qtbot: QtBot,  # type: ignore[no-untyped-def]
                                     ctx: AppContext, chan: int) -> None:
    generate_demo(ctx.store, 50, seed=4)
    qtmodeltester.check(CaseListModel(ctx.store))
    window = MainWindow(ctx, ScriptedPrompts())
    with qtbot.waitSignal(window.dashboard_loaded):
        pass
    window.open_case(chan)
    for model in (window.case_view.facts, window.case_view.stays,
                  window.case_view.reminders, window.dashboard_model):
        qtmodeltester.check(model)
    window.close()


@pytest.mark.parametrize("name", form_names())
def test_every_designer_form_loads(qtbot: QtBot, name: str) -> None:
    base: QWidget = QMainWindow() if name == "main_window" else QWidget()
    qtbot.addWidget(base)
    load_form(name, base)
    assert base.findChildren(QWidget)


def test_style_sheet_and_icon_are_shipped(qtbot: QtBot) -> None:
    assert "QTableView" in style_sheet()
    assert not app_icon().isNull()


def test_capped_count_keeps_fetching_to_the_end(qtbot: QtBot, ctx: AppContext,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.gui.models import case_list as case_list_model

    generate_demo(ctx.store, 400, seed=8)
    monkeypatch.setattr(case_list_model, "COUNT_CAP", 250)
    monkeypatch.setattr(case_list_model, "PAGE", 100)
    model = CaseListModel(ctx.store)
    assert model.total_text == "250+"
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() > 250
    assert model.total == model.rowCount()
    assert model.total_text == f"{model.rowCount():,}"
