"""A start in Traditional Chinese (issue 15): a case opened by clicks shows no internal
identifier — no scheme, stage or outcome value, no nationality code on its own, no
``None``/``True``/``False`` — in the case list or in the case view's widgets; the client
editor shows countries by name and still saves their codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.domain.vocab import (
    ApplicationType,
    Outcome,
    Residence,
    Scheme,
    Sex,
    Stage,
    TravelDocumentType,
)
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.support.i18n import install_translators
from hkcase.services.cases.detail import get_case
from hkcase.services.cases.edit import edit_case
from hkcase.services.checklists import create_checklist
from hkcase.services.clients import get_client
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
)
from tests.gui_support import ScriptedPrompts, started_in_chinese, type_text

#: The case view's own tabs (the eligibility and stay tabs, and the activity tab's lines,
#: said by services.activity, are checked by their owners).
TABS = ("overview", "checklistTab", "notesTab", "filing_tab")
CODE = re.compile(r"(?<![A-Za-z（(])PH(?![A-Za-z）)])")  # shown alone, not "菲律賓（PH）"
RAW = re.compile(r"\b(None|True|False)\b|\b[A-Z]+_[A-Z_]+\b")
VALUES = {v.value for enum in (Stage, Outcome) for v in enum} | {s.value for s in Scheme}


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path)
    yield context
    context.close()


@pytest.fixture
def case_id(ctx: AppContext) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="SANTOS", given_names="Maria", sex=Sex.FEMALE,
        date_of_birth=date(1990, 3, 4), nationality="PH", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "P1234567A", "PH",
                                              date(2022, 1, 5), date(2032, 1, 4))]),
        actor="amy")
    case = create_case(ctx.store, CaseInput(client, Scheme.QMAS_ABPT, ApplicationType.NEW,
                                            date(2026, 6, 1)), actor="amy")
    edit_case(ctx.store, case.id, case.version, actor="amy", stage=Stage.SUBMITTED,
              outcome=Outcome.PENDING, submitted_on=date(2026, 7, 1))
    create_checklist(ctx.store, case.id, actor="amy")
    return case.id


def _texts(root: QWidget) -> list[str]:
    """Every text a visible widget under ``root`` shows (combo boxes: every choice)."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTableWidget):
            found += [widget.item(r, c).text() for r in range(widget.rowCount())
                      for c in range(widget.columnCount()) if widget.item(r, c) is not None]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found += [str(model.index(r, c).data()) for r in range(model.rowCount())
                      for c in range(model.columnCount())
                      if model.index(r, c).data() is not None]
    return [text for text in found if text]


def _identifiers(texts: list[str]) -> list[str]:
    shown = []
    for text in texts:
        parts = {p.strip() for p in re.split(r"[·:：,，;；\n]", text)}
        if parts & VALUES or CODE.search(text) or RAW.search(text):
            shown.append(text)
    return shown


def test_a_case_opened_in_chinese_shows_no_internal_identifier(
        qtbot: QtBot, ctx: AppContext, case_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.gui.main_window import MainWindow

    with started_in_chinese(ctx, monkeypatch):
        window = MainWindow(ctx, ScriptedPrompts())
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        # The Cases tab, then the case's row, by clicks.
        bar = window.leftTabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        qtbot.waitUntil(lambda: window.cases.rowCount() == 1)
        table = window.caseTable
        rect = table.visualRect(table.model().index(0, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: window.case_view.case is not None)
        view = window.case_view
        assert view.case is not None and view.case.id == case_id
        row = [str(window.cases.index(0, c).data()) for c in range(window.cases.columnCount())
               if window.cases.index(0, c).data() is not None]
        assert "優秀人才入境計劃（成就計分制）" in row or any("優秀人才" in t for t in row), row
        assert not _identifiers(row), row
        header = [view.caseTitle.text(), view.caseSubtitle.text()]
        assert "菲律賓" in view.caseSubtitle.text(), header
        assert not _identifiers(header), header
        tabs = view.caseTabs
        pages = {"overview": tabs.widget(0), "checklistTab": view.checklistTab,
                 "notesTab": view.notesTab, "filing_tab": view.filing_tab}
        for name in TABS:
            index = tabs.indexOf(pages[name])
            qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                             pos=tabs.tabBar().tabRect(index).center())
            assert tabs.currentIndex() == index, name
            texts = _texts(tabs.currentWidget())
            assert texts, name
            assert not _identifiers(texts), (name, _identifiers(texts))
        # The overview's choices in words; the filing sheet in the screen's language.
        assert view.stageCombo.currentText() == "已遞交"
        assert view.outcomeCombo.currentText() != "pending"
        sheet = {view.filing_tab.sheetTable.item(r, 0).text():
                 view.filing_tab.sheetTable.item(r, 1).text()
                 for r in range(view.filing_tab.sheetTable.rowCount())
                 if view.filing_tab.sheetTable.item(r, 1) is not None}
        assert sheet["國籍"] == "菲律賓（PH）" and sheet["簽發地"] == "菲律賓（PH）"


def test_the_client_editor_shows_countries_in_words_and_keeps_the_codes(
        qtbot: QtBot, ctx: AppContext, case_id: int) -> None:
    app = QApplication.instance()
    assert app is not None
    client_id = get_case(ctx.store, case_id).client_id
    try:
        install_translators(app, "zh_HK")
        dialog = ClientDialog(ctx, ScriptedPrompts(), client_id=client_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.windowTitle() == "編輯客戶"
        assert dialog.nationalityEdit.text() == "菲律賓"
        assert dialog.docCountryEdit.text() == "菲律賓"
        assert "菲律賓" in dialog.travelList.item(0).text()
        assert not _identifiers([dialog.travelList.item(0).text()])
        # A place of issue typed as a name in Chinese is kept as its code.
        dialog.docCountryEdit.selectAll()
        qtbot.keyClick(dialog.docCountryEdit, Qt.Key.Key_Delete)
        type_text(dialog.docCountryEdit, "英國")
        save = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        assert save.isEnabled(), dialog.messageLabel.text()
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        data = get_client(ctx.store, client_id).data
        assert data.nationality == "PH"
        assert [d.issuing_country for d in data.travel_documents] == ["GB"]
    finally:
        install_translators(app, "en")
