"""The checklist tab: template, states, attaching by drop and by dialog; the case's outputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme, Sex
from hkcase.gui.main_window import MainWindow
from hkcase.services.cases.opening import open_case
from hkcase.services.checklists import list_checklist
from hkcase.services.records import ClientInput, StayInput, create_client
from hkcase.services.stays.listing import record_printed_stay
from tests.gui_support import ScriptedPrompts, app_context, choose_menu

ctx = app_context()


@pytest.fixture
def case_id(ctx: AppContext) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="KWONG", given_names="Wing Yan", chinese_name="鄺詠欣", sex=Sex.FEMALE,
        date_of_birth=date(1990, 2, 3), nationality="CA", residence=Residence.OVERSEAS),
        actor="amy")
    ref = open_case(ctx.store, client, Scheme.GEP, ApplicationType.NEW, actor="amy")
    record_printed_stay(ctx.store, StayInput(ref.id, date(2026, 1, 5), date(2029, 1, 5)),
                        actor="amy", lead_days=[84, 42, 7])
    return ref.id


def _scan(tmp_path: Path, name: str = "passport.png") -> Path:
    path = tmp_path / name
    Image.new("RGB", (400, 300), "white").save(path)
    return path


def _window(qtbot: QtBot, ctx: AppContext, case_id: int) -> tuple[MainWindow, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_case(case_id)
    window.case_view.caseTabs.setCurrentIndex(3)
    return window, prompts


def test_new_case_comes_with_its_checklist(ctx: AppContext, case_id: int) -> None:
    entries = list_checklist(ctx.store, case_id)
    assert entries and all(e.state is ChecklistState.MISSING for e in entries)
    assert any(e.code == "photo" and e.mandatory for e in entries)  # the scheme's own list


def test_drop_a_file_on_an_item(qtbot: QtBot, ctx: AppContext, case_id: int,
                                tmp_path: Path) -> None:
    window, _ = _window(qtbot, ctx, case_id)
    panel = window.case_view.checklist
    view = panel.itemsView
    target = view.visualRect(panel.items.index(0, 0)).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_scan(tmp_path)))])
    enter = QDragEnterEvent(target, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(target), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    first = list_checklist(ctx.store, case_id)[0]
    assert first.version_count == 1 and first.latest is not None
    assert first.latest.original_name == "passport.png"
    assert first.state is ChecklistState.RECEIVED
    assert "passport.png (v1)" in panel.items.index(0, 5).data()


def test_attach_by_dialog_refuses_other_types(qtbot: QtBot, ctx: AppContext, case_id: int,
                                              tmp_path: Path) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    panel = window.case_view.checklist
    panel.itemsView.selectRow(1)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"PK\x03\x04 not a scan")
    prompts.files = [str(bad), str(_scan(tmp_path, "degree.png"))]
    qtbot.mouseClick(panel.attachButton, Qt.MouseButton.LeftButton)
    entry = list_checklist(ctx.store, case_id)[1]
    assert entry.version_count == 1
    assert any("notes.docx" in text for _, text in prompts.asked)


def test_states_and_pack_export(qtbot: QtBot, ctx: AppContext, case_id: int,
                                tmp_path: Path) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    panel = window.case_view.checklist
    panel.itemsView.selectRow(0)
    panel.attach(panel.selected(), [_scan(tmp_path)])  # type: ignore[arg-type]
    panel.itemsView.selectRow(0)
    panel.stateCombo.setCurrentIndex(panel.stateCombo.findData(ChecklistState.ACCEPTED))
    qtbot.mouseClick(panel.setStateButton, Qt.MouseButton.LeftButton)
    assert list_checklist(ctx.store, case_id)[0].state is ChecklistState.ACCEPTED
    prompts.save_as = str(tmp_path / "pack.pdf")
    choose_menu(qtbot, window, window.actionExportPack)
    reader = PdfReader(tmp_path / "pack.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "鄺詠欣" in text
    assert len(reader.pages) >= 5


def test_letter_and_checklist_saved_from_the_case_menu(qtbot: QtBot, ctx: AppContext,
                                                       case_id: int, tmp_path: Path) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    prompts.save_as = str(tmp_path / "letter.pdf")
    choose_menu(qtbot, window, window.actionLetter)
    assert "2029" in "".join(p.extract_text() for p in PdfReader(tmp_path / "letter.pdf").pages)
    prompts.choices = [1]
    prompts.save_as = str(tmp_path / "checklist.pdf")
    choose_menu(qtbot, window, window.actionSaveChecklist)
    assert "文件" in "".join(p.extract_text() for p in
                           PdfReader(tmp_path / "checklist.pdf").pages)


def test_bulk_export_for_selected_cases(qtbot: QtBot, ctx: AppContext, case_id: int,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window, prompts = _window(qtbot, ctx, case_id)
    window.caseTable.selectAll()
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    choose_menu(qtbot, window, window.actionBulkExport)
    # Written on a pool thread: the window answers meanwhile, the progress dialog shows.
    qtbot.waitUntil(lambda: "written" in (prompts.asked[-1][1] if prompts.asked else ""),
                    timeout=60_000)
    assert window.bulk_pool is not None and window.isEnabled()
    choose_menu(qtbot, window, window.actionBulkChecklists)
    qtbot.waitUntil(lambda: len(prompts.asked) >= 2 and "checklists" in prompts.asked[-1][1],
                    timeout=60_000)
    names = sorted(p.name for p in out.iterdir())
    assert any(n.endswith("-pack.pdf") for n in names)
    assert any("-checklist-" in n for n in names)
    assert "written" in prompts.asked[-1][1]
