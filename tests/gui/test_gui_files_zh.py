"""A desktop started in Traditional Chinese (issue 15): the checklist tab's warnings, a refused
attachment, the Filing tab's pre-filing problems and an upload set's left-out file read in
Chinese, driven by clicks on the real tabs, buttons and menus."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
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
from hkcase.services import documents
from hkcase.services.cases.opening import open_case
from hkcase.services.records import ClientInput, StayInput, TravelDocumentInput, create_client
from hkcase.services.stays.listing import record_printed_stay
from hkcase.store.models import Document
from tests.attachment_support import store_unchecked
from tests.gui_support import ScriptedPrompts, app_context, choose_menu, started_in_chinese
from tests.pdf_support import make_corrupt_pdf, make_pdf

ctx = app_context()


@pytest.fixture
def chinese(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The desktop starts as a Hong Kong consultant's does: the setting says zh_HK."""
    with started_in_chinese(ctx, monkeypatch) as app:
        yield app


@pytest.fixture
def case_id(ctx: AppContext) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="CHEUNG", given_names="Ka Man", chinese_name="張嘉敏", sex=Sex.FEMALE,
        date_of_birth=date(1991, 8, 9), nationality="CA", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(
            TravelDocumentType.PASSPORT, "AB1234567", "CA", date(2020, 1, 1),
            date(2032, 1, 1))]), actor="amy")
    ref = open_case(ctx.store, client, Scheme.TTPS, ApplicationType.EXTENSION, actor="amy")
    limit = date.today().replace(year=date.today().year + 1)
    record_printed_stay(ctx.store, StayInput(ref.id, date(2025, 1, 5), limit),
                        actor="amy", lead_days=[84, 42, 7])
    return ref.id


def _open_tab(qtbot: QtBot, ctx: AppContext, case_id: int, tab: str
              ) -> tuple[MainWindow, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    tabs = window.case_view.caseTabs
    widget: QWidget = getattr(window.case_view, tab)
    index = tabs.indexOf(widget)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    return window, prompts


def _count(ctx: AppContext) -> int:
    import sqlalchemy as sa

    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(Document)) or 0)


def test_checklist_warning_and_a_refused_file_in_chinese(
        qtbot: QtBot, ctx: AppContext, chinese: None, case_id: int, tmp_path: Path) -> None:
    first = C.list_checklist(ctx.store, case_id)[0]
    documents.attach_file(ctx.store, ctx.locations.attachments_dir, first.id,
                          make_pdf(tmp_path / "old.pdf"), actor="amy",
                          expiry_date=date(2021, 3, 4))
    window, prompts = _open_tab(qtbot, ctx, case_id, "checklistTab")
    panel = window.case_view.checklist
    assert first.title_zh
    warning = panel.warningsLabel.text()
    assert f"⚠ {first.title_zh}：old.pdf於2021年3月4日屆滿，早於遞交日期" in warning, warning
    assert "expires" not in warning
    # Attach a Word file named .pdf to the second item: refused, in Chinese, nothing stored.
    panel.itemsView.selectRow(1)
    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"PK\x03\x04 a Word file renamed")
    prompts.files = [str(wrong)]
    before = _count(ctx)
    qtbot.mouseClick(panel.attachButton, Qt.MouseButton.LeftButton)
    said = "\n".join(text for _, text in prompts.asked)
    assert ("notes.pdf是ZIP或Office檔案（DOCX、XLSX），並非其名稱所示的PDF檔案：只可附加PDF、"
            "JPEG、PNG或TIFF檔案") in said, said
    assert _count(ctx) == before


def test_pre_filing_problems_and_an_upload_set_in_chinese(
        qtbot: QtBot, ctx: AppContext, chinese: None, case_id: int, tmp_path: Path) -> None:
    entries = C.list_checklist(ctx.store, case_id)
    broken = entries[0]
    store_unchecked(ctx.store, ctx.locations.attachments_dir, broken.id,
                    make_corrupt_pdf(tmp_path / "broken.pdf"), "application/pdf", actor="amy")
    C.set_item_state(ctx.store, broken.id, ChecklistState.ACCEPTED, actor="amy")
    window, prompts = _open_tab(qtbot, ctx, case_id, "filing_tab")
    tab = window.case_view.filing_tab
    checks = [tab.checksList.item(i).text() for i in range(tab.checksList.count())]
    assert any("必需文件尚未接納" in c for c in checks), checks
    assert not any("required items" in c for c in checks)
    target = tmp_path / "upload"
    prompts.save_as = str(target)
    action = next(a for a in window.menuCase.actions()
                  if a.objectName() == "actionPrepareUploadSet")
    choose_menu(qtbot, window, action)
    _, text = prompts.asked[-1]
    assert "broken.pdf（第1項，" in text, text
    assert "無法調整至符合上載要求：檔案已損壞或不是有效的PDF" in text, text
    # The set's own files stay English.
    assert "it cannot be made to fit" in (target / "manifest.json").read_text("utf-8")
