"""File ▸ Import clients… driven as a consultant would: pick a file, read the preview, click.

Reading and writing run on the dialog's thread pool: the tests wait for what
the dialog shows (``qtbot.waitUntil``), never call its slots.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from benchmarks.data_bench import write_csv
from hkcase.app import AppContext
from hkcase.domain.vocab import Residence, Sex
from hkcase.gui.dialogs.import_file import ImportDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.clients import get_client, update_client
from hkcase.services.records import ClientInput, create_client
from hkcase.store.models import AuditEntry, Case, Client
from tests.gui_support import ScriptedPrompts, app_context, choose_menu

WAIT_MS = 60_000  # a shared, loaded machine

CSV = "\r\n".join([
    "姓,名,中文姓名,性別,出生日期,國籍,護照號碼,逗留期限,計劃,Referred by",
    "Chan,Tai Man,陳大文,男,04/03/1990,英國,123456789,2027-08-31,TTPS,Amy",
    "Wong,Mei,王美,女,31/02/1990,GB,,,,",
    "Lee,Ka Yan,,女,1991-06-01,GB,K1,,,",
]) + "\r\n"


ctx = app_context()


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
    choose_menu(qtbot, window, action)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    return window, prompts, dialog


def _idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Wait until the dialog's background job is over and its result shown."""
    qtbot.waitUntil(lambda: not dialog.progressBar.isVisible() and dialog.cancelButton.isEnabled(),
                    timeout=WAIT_MS)


def _count(ctx: AppContext, model: type) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_preview_then_import(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    source.write_bytes(CSV.encode("big5hkscs"))
    window, prompts, dialog = _open(qtbot, ctx, source)
    # The file is read in the background: the dialog says so and offers no import yet.
    assert dialog.summaryLabel.text() == "Reading the file…"
    assert dialog.progressBar.isVisible() and not dialog.importButton.isEnabled()
    qtbot.waitExposed(dialog)
    _idle(qtbot, dialog)
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
    assert dialog.progressBar.isVisible() and not dialog.importButton.isEnabled()
    assert dialog.summaryLabel.text() == "Backing up the database…"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
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
    _idle(qtbot, dialog)
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.imported and _count(ctx, Client) == 0


def test_a_file_that_cannot_be_read_says_why(qtbot: QtBot, ctx: AppContext,
                                             tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    source.write_text("just,some\r\nwords,here\r\n", encoding="utf-8")
    _, _, dialog = _open(qtbot, ctx, source)
    _idle(qtbot, dialog)
    assert "cannot be imported: the file has no family_name column" in \
        dialog.summaryLabel.text()
    assert not dialog.importButton.isEnabled()
    assert dialog.cancelButton.text() == "Close"


def test_a_large_file_keeps_the_window_live_and_cancel_writes_nothing(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "firm.csv", 4000, date.today())
    _, prompts, dialog = _open(qtbot, ctx, source)
    # The dialog is up and says it is working while the file is checked on a pool thread
    # (how long that takes depends on the machine, so no count of timer ticks here).
    assert dialog.progressBar.isVisible() and not dialog.importButton.isEnabled()
    _idle(qtbot, dialog)
    assert "4000 new clients" in dialog.summaryLabel.text()
    assert dialog.importButton.text() == "Import 4000 rows"

    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    assert dialog.summaryLabel.text() == "Cancelling…"
    _idle(qtbot, dialog)
    assert dialog.summaryLabel.text().startswith("Import cancelled: nothing was imported.")
    assert dialog.isVisible() and dialog.importButton.isEnabled() and not dialog.imported
    assert _count(ctx, Client) == 0 and _count(ctx, AuditEntry) == 0

    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)  # now all of it
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert prompts.asked[-1] == ("Import finished", "4000 new clients and 0 updated; 1334 "
                                 "cases opened and 1334 stays recorded.")
    assert _count(ctx, Client) == 4000


def test_cancel_while_reading_closes_and_stops_the_job(qtbot: QtBot, ctx: AppContext,
                                                       tmp_path: Path) -> None:
    source = write_csv(tmp_path / "firm.csv", 4000, date.today())
    _, _, dialog = _open(qtbot, ctx, source)
    assert dialog.progressBar.isVisible()
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.pool.activeThreadCount() == 0  # stopped, not left running
    QApplication.processEvents()  # a result queued before the close changes nothing
    assert dialog.model.rowCount() == 0 and _count(ctx, Client) == 0


def test_a_colleagues_change_meanwhile_is_explained_and_nothing_is_written(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    lee = create_client(ctx.store, ClientInput(
        family_name="Lee", given_names="Ka Yan", sex=Sex.FEMALE, date_of_birth=date(1991, 6, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="tester")
    source = tmp_path / "clients.csv"
    source.write_text("family_name,given_names,sex,date_of_birth,nationality,phone\r\n"
                      "Lee,Ka Yan,F,1991-06-01,GB,+852 9123 4567\r\n"
                      "Chan,Tai Man,M,1990-03-04,GB,\r\n", encoding="utf-8")
    _, prompts, dialog = _open(qtbot, ctx, source)
    _idle(qtbot, dialog)
    assert "1 new client · 1 update of existing clients" in dialog.summaryLabel.text()
    record = get_client(ctx.store, lee)
    record.data.email = "lee@example.com"
    update_client(ctx.store, lee, record.version, record.data, actor="colleague")
    clients, audits = _count(ctx, Client), _count(ctx, AuditEntry)

    qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(t == "Import failed" for t, _ in prompts.asked),
                    timeout=WAIT_MS)
    title, text = prompts.asked[-1]
    assert title == "Import failed"
    assert text.startswith("Nothing was imported: client") and "preview it again" in text
    assert "Error" not in text and "Traceback" not in text
    assert (_count(ctx, Client), _count(ctx, AuditEntry)) == (clients, audits)
    _idle(qtbot, dialog)  # previewed again against what the database holds now
    assert dialog.isVisible() and dialog.importButton.isEnabled()
