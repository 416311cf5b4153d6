"""Start-up: a window before the store, the revision check without Alembic, the day's
check and backup after the first paint (damage still offers the restore)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hkcase.__main__ import bare_start
from hkcase.app import open_app
from hkcase.services.backups import list_backups
from hkcase.store.migrate import MIGRATIONS_DIR, file_revision, head_revision, revisions

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parents[1] / "data"


def _alembic_revisions(location: str) -> tuple[str | None, set[str]]:
    from alembic.script import ScriptDirectory

    from hkcase.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config(location))
    return script.get_current_head(), {s.revision for s in script.walk_revisions()}


def test_the_revisions_read_from_the_scripts_are_alembics(tmp_path: Path) -> None:
    head, known = _alembic_revisions(str(MIGRATIONS_DIR))
    assert revisions().head == head == head_revision()
    assert revisions().known == known
    # A script it cannot read plainly (a merge of two heads): Alembic reads the folder.
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "9001_merge.py").write_text(
        f'revision = "9001"\ndown_revision = ("{head}",)\nbranch_labels = None\n'
        "depends_on = None\n\n\ndef upgrade() -> None:\n    pass\n", encoding="utf-8")
    assert revisions(str(location)).head == "9001" == _alembic_revisions(str(location))[0]
    assert head in revisions(str(location)).known


def test_opening_a_current_database_imports_no_alembic(tmp_path: Path) -> None:
    current = tmp_path / "current.sqlite3"
    old = tmp_path / "old.sqlite3"
    open_app(tmp_path / "made").close()
    shutil.copy(tmp_path / "made" / "hkcase.sqlite3", current)
    shutil.copy(DATA / "schema_0001.sqlite3", old)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from hkcase.store import open_store\n"
        f"store = open_store('sqlite:///{current}', backup_dir=Path({str(tmp_path)!r}))\n"
        "print(store.migration.revision, 'alembic' in sys.modules)\n"
        "store.close()\n"
        f"store = open_store('sqlite:///{old}', backup_dir=Path({str(tmp_path)!r}))\n"
        "print(store.migration.previous, store.migration.revision, 'alembic' in sys.modules)\n"
        "store.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    head = head_revision()
    assert result.stdout.split("\n")[:2] == [f"{head} False", f"0001 {head} True"]


def test_the_stamp_of_a_file_is_read_without_creating_anything(tmp_path: Path) -> None:
    open_app(tmp_path / "made").close()
    assert file_revision(tmp_path / "made" / "hkcase.sqlite3") == head_revision()
    assert file_revision(tmp_path / "missing.sqlite3") is None
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database" * 100)
    assert file_revision(tmp_path / "junk.sqlite3") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.sqlite3", "made"]


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (True, None)),
    (["--data-dir", "/d"], (True, "/d")),
    (["--data-dir=/d"], (True, "/d")),
    (["--data-dir", "/d", "info"], (False, None)),
    (["info"], (False, None)),
    (["--version"], (False, None)),
    (["--smoke-test"], (False, None)),
    (["--data-dir"], (False, None)),
])
def test_only_a_bare_start_skips_the_cli(argv: list[str],
                                         expected: tuple[bool, str | None]) -> None:
    assert bare_start(argv) == expected


def _gui(data: Path, marks: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HKCASE_FIRST_PAINT_FILE": str(marks)}
    return subprocess.Popen([sys.executable, "-m", "hkcase", "--data-dir", str(data)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _marks(path: Path) -> list[str]:
    return [line.split()[0] for line in path.read_text().splitlines()] if path.exists() else []


def _wait(what: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if what():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _stop(gui: subprocess.Popen[str]) -> str:
    assert gui.poll() is None, gui.communicate()
    gui.send_signal(signal.SIGTERM)
    _out, err = gui.communicate(timeout=60)
    assert gui.returncode == 0, err
    assert "Traceback" not in err, err
    return err


def test_the_window_paints_while_the_database_cannot_be_opened_yet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_app(data).close()
    open_app(data).close()  # today's automatic backup exists: no check before the open
    marks = tmp_path / "marks.txt"
    holder = sqlite3.connect(data / "hkcase.sqlite3", isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        gui = _gui(data, marks)
        _wait(lambda: "main" in _marks(marks))
        time.sleep(1.0)
        assert _marks(marks) == ["main"]  # the main window, and no store yet
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _wait(lambda: "dashboard" in _marks(marks))  # the lists once the store opened
    assert _marks(marks) == ["main", "cases", "dashboard"]
    _stop(gui)


def test_the_first_start_of_the_day_checks_and_backs_up_after_the_paint(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_app(data).close()  # a new database: no automatic backup yet
    assert not list_backups(data / "backups")
    marks = tmp_path / "marks.txt"
    gui = _gui(data, marks)
    _wait(lambda: "cases" in _marks(marks))
    _wait(lambda: any(b.label == "daily" for b in list_backups(data / "backups")))
    _wait(lambda: "reminders refreshed" in (data / "logs" / "hkcase.log").read_text())
    _stop(gui)
    log = (data / "logs" / "hkcase.log").read_text().splitlines()
    last_open = max(i for i, line in enumerate(log) if "opened store" in line)
    backed_up = next(i for i, line in enumerate(log) if "backed up the database" in line)
    refreshed = next(i for i, line in enumerate(log) if "reminders refreshed" in line)
    assert last_open < backed_up < refreshed  # checked and backed up, then reminders


def test_damage_found_after_the_paint_offers_the_restore(qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    from hkcase.gui.launch import _START_AGAIN, _after_damage, open_for_gui
    from hkcase.gui.startup import DailyCare
    from tests.gui_support import ScriptedPrompts
    from tests.services.test_backups import _clients, _damage_live

    data = tmp_path / "data"
    assert subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), "demo",
                           "--clients", "30"], cwd=ROOT, capture_output=True).returncode == 0
    assert subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), "backup"],
                          cwd=ROOT, capture_output=True).returncode == 0
    _damage_live(data)
    prompts = ScriptedPrompts()
    ctx = open_for_gui(data, prompts, integrity=False, daily_backup=False)  # as the GUI does
    window = QWidget()
    care = DailyCare(ctx, window, check=True)
    found: list[str] = []
    care.damaged.connect(found.append)
    care.start()
    qtbot.waitUntil(lambda: bool(found), timeout=30_000)  # type: ignore[attr-defined]
    care.stop()
    assert "is damaged" in found[0]
    assert not any(b.label == "daily" for b in list_backups(data / "backups"))  # none of it
    released: list[bool] = []

    def release() -> None:
        released.append(True)
        ctx.close()

    notices: list[str] = []
    prompts.confirmations = [True]
    status = _after_damage(ctx.locations, prompts, found[0], window, release, notices)
    assert status == _START_AGAIN and released == [True]
    assert "damaged" in prompts.asked[-1][1] and "Restore" in prompts.asked[-1][1]
    assert notices and notices[0].startswith("restored ")
    assert _clients(data / "hkcase.sqlite3") == 30
    assert any(b.label == "damaged" for b in list_backups(data / "backups"))


def test_the_window_modules_import_no_store_or_services() -> None:
    """What the main window needs before its first paint is Qt and its own forms."""
    code = ("import sys\n"
            "import hkcase.gui.launch, hkcase.gui.main_window, hkcase.gui.window_records\n"
            "import hkcase.gui.case.filing_tab, hkcase.gui.dialogs.import_file\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')"
            " or m.startswith(('hkcase.store', 'hkcase.services', 'hkcase.app'))))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT, env=env)
    assert result.stdout.strip() == "[]"


def test_the_import_dialogs_stages_are_the_services_stages() -> None:
    from hkcase.gui.dialogs.import_file import _STAGES
    from hkcase.services.imports import progress

    assert set(_STAGES) == {progress.READING, progress.CHECKING, progress.BACKING_UP,
                            progress.WRITING, progress.INDEXING}


def test_the_window_paints_before_its_store_and_keeps_what_was_typed(
        qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QToolBar

    from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
    from hkcase.gui.main_window import SEARCH_DELAY_MS, MainWindow
    from hkcase.services.demo.generate import generate_demo
    from hkcase.services.records import CaseInput, ClientInput, create_case, create_client
    from tests.gui_support import ScriptedPrompts, type_text

    ctx = open_app(tmp_path / "data")
    try:
        generate_demo(ctx.store, 40, seed=5)
        client = create_client(ctx.store, ClientInput(
            family_name="ZZYZX", given_names="Tai Man", sex=Sex.MALE,
            date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.OVERSEAS),
            actor="amy")
        create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                         date(2025, 1, 10)), actor="amy")
        prompts = ScriptedPrompts()
        window = MainWindow(None, prompts)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        # Painted with its form: menus, toolbar, tabs; the lists say they are loading.
        assert not window.attached and window.cases.loading
        assert window.cases.rowCount() == 0
        assert "Loading" in window.caseCount.text()
        assert "Loading" in window.dashboardSummary.text()
        assert not window.grab().isNull()
        toolbar_actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()
                           if not a.isSeparator()]
        assert toolbar_actions
        # What needs the store is disabled: Ctrl+N opens nothing, the toolbar's New case
        # button is greyed out, File ▸ Import is not there yet.
        assert not window.actionNewCase.isEnabled() and not window.actionTrash.isEnabled()
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(50)
        assert not [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QDialog) and w.isVisible()]
        button = next(bar.widgetForAction(window.actionNewCase)
                      for bar in window.findChildren(QToolBar)
                      if bar.widgetForAction(window.actionNewCase) is not None)
        assert not button.isEnabled()
        assert "actionImport" not in [a.objectName() for a in window.menuFile.actions()]
        # Typed before the store opened: kept, and applied once it is attached.
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.searchEdit.hasFocus()
        type_text(window.searchEdit, "ZZYZX")
        qtbot.wait(SEARCH_DELAY_MS * 3)
        assert window.cases.rowCount() == 0 and window.cases.loading
        with qtbot.waitSignal(window.dashboard_loaded, timeout=20_000):
            window.attach(ctx)
        assert window.attached and not window.cases.loading
        assert window.cases.total == 1
        assert window.cases.item(window.cases.rowCount() - 1).client_name.startswith("ZZYZX")
        assert "Loading" not in window.caseCount.text()
        assert "Loading" not in window.dashboardSummary.text()
        assert window.actionNewCase.isEnabled() and button.isEnabled()
        assert window.actionTrash.isEnabled()
        assert "actionImport" in [a.objectName() for a in window.menuFile.actions()]
        # Clearing the search shows every case again.
        window.searchEdit.clear()
        qtbot.waitUntil(lambda: window.cases.total > 1, timeout=3000)
        window.close()
    finally:
        ctx.close()


def test_the_filing_tabs_marks_and_languages_cover_the_domains() -> None:
    from hkcase.domain.checklists import Lang
    from hkcase.domain.filing.checks import CheckStatus
    from hkcase.gui.case.filing_tab import LANGS, MARKS

    assert set(MARKS) == set(CheckStatus)
    assert {Lang(value) for value, _name in LANGS} == set(Lang)


def test_a_database_that_cannot_be_opened_closes_the_painted_window_with_plain_words(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_app(data).close()
    (data / "hkcase.sqlite3").write_bytes(b"")  # emptied by a failed copy
    for name in ("hkcase.sqlite3-wal", "hkcase.sqlite3-shm"):
        (data / name).unlink(missing_ok=True)
    marks = tmp_path / "marks.txt"
    gui = _gui(data, marks)
    _out, err = gui.communicate(timeout=60)
    assert gui.returncode == 1
    assert _marks(marks) == ["main"]  # the window painted, then the store refused
    assert "hkcase: error:" in err and "Traceback" not in err
    assert (data / "hkcase.sqlite3").stat().st_size == 0  # nothing written over it


def test_a_start_that_migrates_upgrades_behind_the_painted_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "schema_0001.sqlite3", data / "hkcase.sqlite3")
    marks = tmp_path / "marks.txt"
    gui = _gui(data, marks)
    _wait(lambda: "dashboard" in _marks(marks))
    assert _marks(marks) == ["main", "cases", "dashboard"]
    _stop(gui)
    assert file_revision(data / "hkcase.sqlite3") == head_revision()
    assert any("schema-0001" in p.name for p in (data / "backups").iterdir())
