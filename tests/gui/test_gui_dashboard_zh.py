"""A Chinese desktop (language setting zh_HK) shows the dashboard, the case's limit banner
and its reminders in Chinese: a case whose limit of stay has passed, opened from the
dashboard with a double-click."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.gui.main_window import MainWindow
from hkcase.gui.models.dashboard import WHAT_COLUMN
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.services.reminders.refresh import refresh_reminders
from tests.gui_support import ScriptedPrompts, app_context, started_in_chinese

ctx = app_context(None)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The desktop starts as a Hong Kong consultant's does: the setting says zh_HK."""
    with started_in_chinese(ctx, monkeypatch) as app:
        yield app


def _passed_case(ctx: AppContext, limit: date) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="amy")
    case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2024, 1, 10)), actor="amy")
    record_stay(ctx.store, StayInput(case.id, date(2024, 2, 1), limit), actor="amy",
                confirm=True)
    refresh_reminders(ctx.store, lead_days=[84, 42, 7])
    return case.id


def _double_click(qtbot: QtBot, window: MainWindow, index: QModelIndex) -> None:
    view = window.dashboardView
    view.expand(index.parent())
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_a_passed_limit_reads_in_chinese_on_the_dashboard_and_in_the_case(
        qtbot: QtBot, ctx: AppContext, chinese: None) -> None:
    today = date.today()
    limit = today - timedelta(days=3)
    case_id = _passed_case(ctx, limit)
    window = MainWindow(ctx, ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.dashboard_model.loading
                    and not window.dashboard.running, timeout=10_000)
    model = window.dashboard_model

    # Every section title is Chinese; the passed limit's section counts the case.
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert titles and all(CJK.search(t) for t in titles), titles
    overdue = model.section_index("overdue")
    assert overdue.data() == "逗留期限已過 (1)"
    summary = window.dashboardSummary.text()
    assert "逗留期限已過" in summary and "請立即聯絡入境處" in summary  # the advice, once
    assert "Limit of stay" not in summary and "Contact ImmD" not in summary

    # The row says when it passed; the advice every such row repeats is above the tree.
    what = model.index(0, WHAT_COLUMN, overdue)
    assert what.data() == f"逗留期限已於{limit}屆滿（3天前）"
    assert "入境處" in what.data(Qt.ItemDataRole.ToolTipRole)

    _double_click(qtbot, window, what)
    view = window.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == case_id)
    banner = view.limitBanner
    assert banner.isVisibleTo(window)
    assert banner.text().startswith(f"逗留期限已於{limit}屆滿（3天前）：")
    assert "入境處" in banner.text() and "LIMIT" not in banner.text()

    # The case's reminders, as its Stay & deadlines tab lists them.
    reminders = view.stays_tab.reminders
    rows = [(reminders.index(r, 1).data(), reminders.index(r, 2).data())
            for r in range(reminders.rowCount())]
    assert rows
    for state, title in rows:
        assert state == "待處理"
        words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\S+@\S+", "", title))
        assert set(words) <= {"hkcase", "ROP"}, title  # the app, ImmD's form
    assert any(title.startswith(f"逗留期限已於{limit}屆滿") for _, title in rows)
