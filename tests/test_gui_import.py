"""File ▸ Import clients… driven as a consultant would: pick a file, read the preview, click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from hkcase.gui.import_dialog import ImportDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.context import AppContext, open_app
from hkcase.store.models import Case, Client
from tests.gui_support import ScriptedPrompts

CSV = "\r\n".join([
    "姓,名,中文姓名,性別,出生日期,國籍,護照號碼,逗留期限,計劃,Referred by",
    "Chan,Tai Man,陳大文,男,04/03/1990,英國,123456789,2027-08-31,TTPS,Amy",
    "Wong,Mei,王美,女,31/02/1990,GB,,,,",
    "Lee,Ka Yan,,女,1991-06-01,GB,K1,,,",
]) + "\r\n"


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path / "data")
    yield context
    context.close()


def _open(qtbot: QtBot, ctx: AppContext, source: Path) -> tuple[MainWindow, ScriptedPrompts,
                                                                  ImportDialog]:
    prompts = ScriptedPrompts()
    prompts.files = [str(source)]
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu = window.findChild(QMenu, "menuFile")
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == "&Import clients…")
    action.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return window, prompts, dialog


def _count(ctx: AppContext, model: type) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_preview_then_import(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_bytes(CSV.encode("big5hkscs"))
    window, prompts, dialog = _open(qtbot, ctx, source)
    assert "2 new clients · 0 updates" in dialog.summaryLabel.text()
    assert "1 row rejected" in dialog.summaryLabel.text()
    assert "Referred by" in dialog.ignoredLabel.text()
    lines = [[dialog.model.index(r, c).data() for c in range(4)]
             for r in range(dialog.model.rowCount())]
    assert [line[:3] for line in lines] == [["2", "New client", "CHAN Tai Man 陳大文"],
                                            ["3", "Rejected", "Wong Mei 王美"],
                                            ["4", "New client", "LEE Ka Yan"]]
    assert lines[1][3].startswith("date_of_birth: '31/02/1990' is not a real date")
    assert dialog.importButton.text() == "Import 2 rows"
    assert _count(ctx, Client) == 0  # the preview writes nothing

    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.imported
    assert prompts.asked[-1][0] == "Import finished"
    assert _count(ctx, Client) == 2 and _count(ctx, Case) == 1
    with ctx.store.reading() as session:
        assert session.scalars(sa.select(Client.chinese_name).where(
            Client.family_name == "CHAN")).one() == "陳大文"
    assert list((ctx.locations.backup_dir).glob("*before-import*"))
    QApplication.processEvents()
    assert window.cases.rowCount() == 1  # the window shows the new case


def test_cancel_imports_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_text(CSV, encoding="utf-8-sig")
    _, _, dialog = _open(qtbot, ctx, source)
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.imported and _count(ctx, Client) == 0


def test_a_file_that_cannot_be_read_says_why(qtbot: QtBot, ctx: AppContext,
                                             tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_text("just,some\r\nwords,here\r\n", encoding="utf-8")
    _, _, dialog = _open(qtbot, ctx, source)
    assert "cannot be imported: the file has no family_name column" in \
        dialog.summaryLabel.text()
    assert not dialog.importButton.isEnabled()
