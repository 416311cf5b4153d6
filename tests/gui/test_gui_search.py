"""The search box as a consultant uses it: 陈 = 陳, clients without a case, fragments."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.cli.main import main as cli_main
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, TravelDocumentType
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
)
from tests.gui_support import ScriptedPrompts, app_context, type_text

ctx = app_context(None)


@pytest.fixture
def people(ctx: AppContext) -> dict[str, int]:
    chan = create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "K12345678", "GB")]),
        actor="amy")
    case = create_case(ctx.store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 10)), actor="amy")
    chen = create_client(ctx.store, ClientInput(
        family_name="CHEN", given_names="Xiaoling", chinese_name="陈晓玲", sex=Sex.FEMALE,
        date_of_birth=date(1990, 3, 1), nationality="CN", residence=Residence.MAINLAND_CHINA,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "EA7654321", "CN")]),
        actor="amy")
    return {"case": case.id, "chan": chan, "chen": chen}


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _rows(window: MainWindow) -> list[tuple[str, str, str]]:
    model = window.cases
    return [tuple(str(model.index(r, c).data()) for c in range(3))  # type: ignore[misc]
            for r in range(model.rowCount())]


def _search(qtbot: QtBot, window: MainWindow, text: str) -> list[tuple[str, str, str]]:
    window.focus_search()
    window.searchEdit.clear()
    type_text(window.searchEdit, text)
    assert window.searchEdit.text() == text
    qtbot.waitUntil(lambda: window.current_filter().text == text
                    and not window._search_timer.isActive(), timeout=2000)
    return _rows(window)


def _cli_hits(ctx: AppContext, capsys: pytest.CaptureFixture[str], text: str
              ) -> list[tuple[str, str, str]]:
    assert cli_main(["--data-dir", str(ctx.locations.data_dir), "search", text, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    return [("Client" if h["kind"] == "client" else h["reference"], h["name"],
             h["chinese_name"] or "") for h in hits]


def test_simplified_finds_traditional_and_back(qtbot: QtBot, ctx: AppContext,
                                               people: dict[str, int],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    window = _window(qtbot, ctx)
    case_row = ("2025-000001", "CHAN Tai Man", "陳大文")
    client_row = ("Client", "CHEN Xiaoling", "陈晓玲")
    assert _search(qtbot, window, "陈大") == [case_row]
    assert _search(qtbot, window, "陳") == [client_row, case_row]
    assert _search(qtbot, window, "曉玲") == [client_row]
    assert "1 client without a case" in window.caseCount.text()
    # The command line prints the very same hits.
    for text in ("陈大", "陳", "曉玲", "chen", "7654"):
        assert _cli_hits(ctx, capsys, text) == _search(qtbot, window, text), text


def test_passport_fragment_in_the_middle(qtbot: QtBot, ctx: AppContext,
                                         people: dict[str, int]) -> None:
    window = _window(qtbot, ctx)
    assert _search(qtbot, window, "2345678") == [("2025-000001", "CHAN Tai Man", "陳大文")]
    assert _search(qtbot, window, "765432") == [("Client", "CHEN Xiaoling", "陈晓玲")]


def test_a_client_row_opens_the_client(qtbot: QtBot, ctx: AppContext,
                                       people: dict[str, int]) -> None:
    window = _window(qtbot, ctx)
    assert _search(qtbot, window, "chen")[0][0] == "Client"
    view = window.caseTable
    rect = view.visualRect(window.cases.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.shown_case_id() is None  # a client row does not show some case
    assert "no case yet" in window.statusBar().currentMessage()
    for activate in ("double-click", "enter"):
        seen: dict[str, str] = {}

        def look_and_cancel(seen: dict[str, str] = seen) -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, ClientDialog)
            seen["family"] = dialog.familyEdit.text()
            seen["chinese"] = dialog.chineseEdit.text()
            qtbot.mouseClick(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Cancel),
                             Qt.MouseButton.LeftButton)

        QTimer.singleShot(200, look_and_cancel)
        if activate == "enter":
            qtbot.keyClick(view, Qt.Key.Key_Return)
        else:
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert seen == {"family": "CHEN", "chinese": "陈晓玲"}, activate
