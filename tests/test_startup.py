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
from pathlib import Path

import pytest

from hkcase.__main__ import bare_start
from hkcase.services.backups import list_backups
from hkcase.services.context import open_app
from hkcase.store.migrate import MIGRATIONS_DIR, file_revision, head_revision, revisions

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


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
        _wait(lambda: "loading" in _marks(marks))
        time.sleep(1.0)
        assert _marks(marks) == ["loading"]  # a window, and no store yet
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _wait(lambda: "main" in _marks(marks))  # the main window once the store opened
    assert _marks(marks) == ["loading", "main"]
    _stop(gui)


def test_the_first_start_of_the_day_checks_and_backs_up_after_the_paint(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_app(data).close()  # a new database: no automatic backup yet
    assert not list_backups(data / "backups")
    marks = tmp_path / "marks.txt"
    gui = _gui(data, marks)
    _wait(lambda: "main" in _marks(marks))
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
    from tests.test_backups import _clients, _damage_live

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
