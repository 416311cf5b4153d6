"""The Filing tab and Case ▸ Prepare upload set…, driven by clicks on the real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QTableWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.filing.checks import CheckStatus
from hkcase.domain.vocab import (
    ApplicationType,
    ChecklistState,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.gui.case.filing_tab import FilingTab
from hkcase.gui.main_window import MainWindow
from hkcase.gui.support.forms import form_names
from hkcase.services import checklists as C
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.cases.opening import open_case
from hkcase.services.filing.checklist import attach
from hkcase.services.filing.checks import readiness
from hkcase.services.records import ClientInput, StayInput, TravelDocumentInput, create_client
from hkcase.services.stays.listing import record_printed_stay
from tests.gui_support import ScriptedPrompts, app_context, choose_menu
from tests.pdf_support import make_pdf

ctx = app_context()


@pytest.fixture
def case(ctx: AppContext) -> tuple[int, str]:
    client = create_client(ctx.store, ClientInput(
        family_name="CHEUNG", given_names="Ka Man", chinese_name="張嘉敏", sex=Sex.FEMALE,
        date_of_birth=date(1991, 8, 9), nationality="CA", residence=Residence.OVERSEAS,
        email="ka.man@example.com", travel_documents=[TravelDocumentInput(
            TravelDocumentType.PASSPORT, "AB1234567", "CA", date(2020, 1, 1),
            date(2032, 1, 1))]), actor="amy")
    ref = open_case(ctx.store, client, Scheme.TTPS, ApplicationType.EXTENSION, actor="amy")
    limit = date.today().replace(year=date.today().year + 1)
    record_printed_stay(ctx.store, StayInput(ref.id, date(2025, 1, 5), limit),
                        actor="amy", lead_days=[84, 42, 7])
    return ref.id, ref.reference


def _window(qtbot: QtBot, ctx: AppContext, case_id: int) -> tuple[MainWindow, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_case(case_id)
    tabs = window.case_view.caseTabs
    index = tabs.indexOf(window.case_view.filing_tab)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    return window, prompts


def _checks(tab: FilingTab) -> list[str]:
    return [tab.checksList.item(i).text() for i in range(tab.checksList.count())]


def test_the_tab_is_the_designer_form(qtbot: QtBot, ctx: AppContext,
                                      case: tuple[int, str]) -> None:
    window, _ = _window(qtbot, ctx, case[0])
    tab = window.case_view.filing_tab
    assert "filing_tab" in form_names()
    assert tab.findChild(QCheckBox, "inHongKongCheck") is tab.inHongKongCheck
    assert tab.findChild(QTableWidget, "sheetTable") is tab.sheetTable
    assert tab.sheetTable.horizontalHeaderItem(1).text() == "Value"


def test_in_hong_kong_is_kept_as_the_case_fact_and_survives_reopening(
        qtbot: QtBot, ctx: AppContext, case: tuple[int, str]) -> None:
    case_id, _ = case
    window, _ = _window(qtbot, ctx, case_id)
    tab = window.case_view.filing_tab
    assert not tab.inHongKongCheck.isChecked()
    assert load_case_facts(ctx.store, case_id).values.get("applying_from") is None
    qtbot.mouseClick(tab.inHongKongCheck, Qt.MouseButton.LeftButton)
    saved = load_case_facts(ctx.store, case_id)
    assert saved.values["applying_from"] == "hong_kong"
    check = next(c for c in readiness(ctx.store, case_id).checks if c.code == "in_hong_kong")
    assert check.status is CheckStatus.PASS  # the pre-filing check reads the saved fact
    window.close()
    # Reopen the case in a new window: the tick is back, read from the records.
    again, _ = _window(qtbot, ctx, case_id)
    tab = again.case_view.filing_tab
    assert tab.inHongKongCheck.isChecked()
    assert any("confirmed being in Hong Kong" in c for c in _checks(tab))
    # Untick: the confirmation is withdrawn and the check asks again.
    qtbot.mouseClick(tab.inHongKongCheck, Qt.MouseButton.LeftButton)
    assert not tab.inHongKongCheck.isChecked()
    assert load_case_facts(ctx.store, case_id).values.get("applying_from") is None
    assert load_case_facts(ctx.store, case_id).version > saved.version
    assert any("confirm with the client" in c for c in _checks(tab))


def test_a_place_outside_hong_kong_is_not_overwritten_by_unticking(
        qtbot: QtBot, ctx: AppContext, case: tuple[int, str]) -> None:
    case_id, _ = case
    facts = load_case_facts(ctx.store, case_id)
    save_case_facts(ctx.store, case_id, facts.version, {"applying_from": "overseas"},
                    actor="amy")
    window, _ = _window(qtbot, ctx, case_id)
    tab = window.case_view.filing_tab
    assert not tab.inHongKongCheck.isChecked()
    assert any("from outside Hong Kong" in c for c in _checks(tab))
    qtbot.mouseClick(tab.inHongKongCheck, Qt.MouseButton.LeftButton)  # now in Hong Kong
    assert load_case_facts(ctx.store, case_id).values["applying_from"] == "hong_kong"


def test_checks_and_summary_follow_the_sheets_language(qtbot: QtBot, ctx: AppContext,
                                                       case: tuple[int, str]) -> None:
    window, _ = _window(qtbot, ctx, case[0])
    tab = window.case_view.filing_tab
    assert any("confirm with the client" in c for c in _checks(tab))
    tab.langCombo.setFocus()
    qtbot.keyClick(tab.langCombo, Qt.Key.Key_Down)  # 中文（繁體）
    assert tab.langCombo.currentData() == "zh-hk"
    checks = _checks(tab)
    assert any("請與客戶確認" in c for c in checks)
    assert any("必需文件尚未接納" in c and "旅行證件" in c for c in checks)
    assert "未可遞交" in tab.summaryLabel.text() and "HK$600" in tab.summaryLabel.text()
    assert not any("confirm with the client" in c for c in checks)
    qtbot.keyClick(tab.langCombo, Qt.Key.Key_Down)  # 中文（简体）
    checks = _checks(tab)
    assert any("请与客户确认" in c for c in checks)
    assert any("必需文件尚未接纳" in c and "旅行证件" in c for c in checks)
    assert "未可递交" in tab.summaryLabel.text()
    labels = [tab.sheetTable.item(r, 0).text() for r in range(tab.sheetTable.rowCount())
              if tab.sheetTable.item(r, 0) is not None]
    assert "证件号码" in labels


def test_filing_tab_shows_checks_fees_and_copies_values(qtbot: QtBot, ctx: AppContext,
                                                         case: tuple[int, str]) -> None:
    case_id, _ = case
    window, _ = _window(qtbot, ctx, case_id)
    tab = window.case_view.filing_tab
    checks = _checks(tab)
    assert any("confirm with the client" in c for c in checks)
    assert any("required items not accepted" in c for c in checks)
    assert "HK$600" in tab.summaryLabel.text() and "expected decision around" in \
        tab.summaryLabel.text()
    # Tick "in Hong Kong": the check passes (what is saved: test_in_hong_kong_is_kept…).
    qtbot.mouseClick(tab.inHongKongCheck, Qt.MouseButton.LeftButton)
    assert any("confirmed being in Hong Kong" in c for c in _checks(tab))
    # Copy one value with its own button.
    table = tab.sheetTable
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0) is not None and table.item(r, 0).text() == "Document no.")
    assert table.item(row, 1).text() == "AB1234567"
    qtbot.mouseClick(table.cellWidget(row, 2), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "AB1234567"
    missing = next(r for r in range(table.rowCount())
                   if table.item(r, 1) is not None and table.item(r, 1).text() == "[missing]")
    assert not table.cellWidget(missing, 2).isEnabled()
    qtbot.mouseClick(tab.copyAllButton, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Surname\tCHEUNG" and "Document no.\tAB1234567" in lines
    assert lines.index("Surname\tCHEUNG") < lines.index("Document no.\tAB1234567")


def test_save_the_sheet_for_the_client(qtbot: QtBot, ctx: AppContext, case: tuple[int, str],
                                       tmp_path: Path) -> None:
    case_id, reference = case
    window, prompts = _window(qtbot, ctx, case_id)
    tab = window.case_view.filing_tab
    tab.langCombo.setCurrentIndex(1)  # 中文（繁體）
    target = tmp_path / "sheet.pdf"
    prompts.save_as = str(target)
    qtbot.mouseClick(tab.saveSheetButton, Qt.MouseButton.LeftButton)
    assert prompts.asked[-1][0] == "Filing sheet saved"
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "AB1234567" in text and "張嘉敏" in text and "申請人簽署" in text and reference in text
    assert "請與客戶確認" in text and "未可遞交" in text  # the checks in the sheet's language
    assert "confirmwiththeclient" not in text


def test_prepare_upload_set_from_the_case_menu(qtbot: QtBot, ctx: AppContext,
                                               case: tuple[int, str], tmp_path: Path) -> None:
    case_id, reference = case
    window, prompts = _window(qtbot, ctx, case_id)
    done = attach(ctx.store, ctx.locations.attachments_dir, reference, 1,
                  make_pdf(tmp_path / "passport.pdf", 2), actor="amy",
                  state=ChecklistState.ACCEPTED)
    assert done.item.code == "travel_document"
    target = tmp_path / "upload"
    prompts.save_as = str(target)
    action = next(a for a in window.menuCase.actions()
                  if a.objectName() == "actionPrepareUploadSet")
    assert action.text() == "Prepare &upload set…"
    choose_menu(qtbot, window, action)
    assert (target / "manifest.json").is_file() and (target / "index.pdf").is_file()
    assert (target / "01-travel-document" / "01-travel-document-part1.pdf").is_file()
    title, text = prompts.asked[-1]
    assert title == "Upload set ready" and reference in text
    assert C.list_checklist(ctx.store, case_id)[0].state is ChecklistState.ACCEPTED
