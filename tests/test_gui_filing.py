"""The Filing tab and Case ▸ Prepare upload set…, driven by clicks on the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hkcase.domain.vocab import (
    ApplicationType,
    ChecklistState,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.gui.main_window import MainWindow
from hkcase.services import checklists as C
from hkcase.services.context import AppContext, open_app
from hkcase.services.filing.checklist import attach
from hkcase.services.new_case import open_case
from hkcase.services.records import ClientInput, StayInput, TravelDocumentInput, create_client
from hkcase.services.stays import record_printed_stay
from tests.gui_support import ScriptedPrompts
from tests.pdf_support import make_pdf


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path / "data")
    yield context
    context.close()


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


def test_filing_tab_shows_checks_fees_and_copies_values(qtbot: QtBot, ctx: AppContext,
                                                         case: tuple[int, str]) -> None:
    case_id, _ = case
    window, _ = _window(qtbot, ctx, case_id)
    tab = window.case_view.filing_tab
    checks = [tab.checksList.item(i).text() for i in range(tab.checksList.count())]
    assert any("confirm with the client" in c for c in checks)
    assert any("required items not accepted" in c for c in checks)
    assert "HK$600" in tab.summaryLabel.text() and "expected decision around" in \
        tab.summaryLabel.text()
    # Tick "in Hong Kong": the check passes.
    qtbot.mouseClick(tab.inHongKongCheck, Qt.MouseButton.LeftButton)
    checks = [tab.checksList.item(i).text() for i in range(tab.checksList.count())]
    assert any("confirmed being in Hong Kong" in c for c in checks)
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
    action.trigger()
    assert (target / "manifest.json").is_file() and (target / "index.pdf").is_file()
    assert (target / "01-travel-document" / "01-travel-document-part1.pdf").is_file()
    title, text = prompts.asked[-1]
    assert title == "Upload set ready" and reference in text
    assert C.list_checklist(ctx.store, case_id)[0].state is ChecklistState.ACCEPTED
