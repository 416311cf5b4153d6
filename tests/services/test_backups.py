"""Backups (online API, rotated, attachments by hash) and restore (checked, all or nothing)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.config.locations import Locations
from hkcase.services.backups import (
    backup_now,
    daily_backup,
    inspect_backup,
    list_backups,
    newest_good_backup,
    restore,
)
from hkcase.services.backups.files import BackupFile
from hkcase.services.backups.rotation import to_keep
from hkcase.store.errors import BackupError, DamagedDatabaseError
from tests.store.test_store_safety import damage

ROOT = Path(__file__).resolve().parents[2]


def _clients(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT count(*) FROM client").fetchone()[0])


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo", "--clients", "30"]) == 0
    return folder


def _attachment(attachments: Path, content: bytes) -> Path:
    digest = hashlib.sha256(content).hexdigest()
    path = attachments / digest[:2] / f"{digest}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_a_backup_is_whole_private_and_copies_attachments_once(data: Path) -> None:
    ctx = open_app(data, daily_backup=False)
    try:
        first = _attachment(ctx.locations.attachments_dir, b"%PDF-1.4 one")
        report = backup_now(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir)
        assert report.attachments is not None and report.attachments.copied == 1
        _attachment(ctx.locations.attachments_dir, b"%PDF-1.4 two")
        again = backup_now(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir)
    finally:
        ctx.close()
    assert again.attachments is not None
    assert (again.attachments.copied, again.attachments.already) == (1, 1)
    assert _clients(report.path) == 30
    assert inspect_backup(report.path).clients == 30
    assert report.path.stat().st_mode & 0o777 == 0o600
    copied = data / "backups" / "attachments" / first.parent.name / first.name
    assert copied.read_bytes() == first.read_bytes()
    assert not [p for p in (data / "backups").rglob("*.partial")]


def test_the_daily_backup_is_taken_once_a_day(data: Path) -> None:
    ctx = open_app(data)  # the second start (demo created the database): due
    try:
        assert [b.label for b in list_backups(ctx.locations.backup_dir)] == ["daily"]
        assert daily_backup(ctx.store, ctx.locations.backup_dir, None) is None
        tomorrow = datetime.now() + timedelta(days=1)
        assert daily_backup(ctx.store, ctx.locations.backup_dir, None, now=tomorrow)
    finally:
        ctx.close()


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2026, 12, 1, 9, 0)
    backups = [BackupFile(Path(f"d{i}"), start - timedelta(days=i), "daily") for i in range(400)]
    backups += [BackupFile(Path("m"), start - timedelta(days=300), "manual")]
    backups += [BackupFile(Path(f"s{i}"), start - timedelta(days=i), "schema-0004")
                for i in range(15)]
    keep = to_keep(backups)
    daily = sorted((b for b in keep if b.label == "daily"), key=lambda b: b.taken,
                   reverse=True)
    assert [b.taken.date() for b in daily[:7]] == [(start - timedelta(days=i)).date()
                                                  for i in range(7)]
    months = {(b.taken.year, b.taken.month) for b in daily}
    assert len(months) == 12
    assert len(daily) <= 7 + 4 + 12
    assert any(b.label == "manual" for b in keep)
    assert len([b for b in keep if b.label.startswith("schema")]) == 10


def test_a_backup_on_a_full_disk_leaves_no_partial_file_and_says_why(data: Path) -> None:
    size = (data / "hkcase.sqlite3").stat().st_size
    code = f"""
import resource
from hkcase.services.backups import backup_now
from hkcase.app import open_app
from hkcase.store.errors import BackupError
ctx = open_app({str(data)!r}, daily_backup=False)
resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 3}, {size // 3}))
try:
    backup_now(ctx.store, ctx.locations.backup_dir, None)
except BackupError as exc:
    print(exc)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert "failed" in result.stdout and ("full" in result.stdout
                                          or "too large" in result.stdout), result
    assert list((data / "backups").iterdir()) == []


def test_a_backup_to_an_unusable_folder_says_why(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    ctx = open_app(data, daily_backup=False)
    try:
        with pytest.raises(BackupError, match="cannot create the backups folder"):
            backup_now(ctx.store, blocker / "backups", None)
    finally:
        ctx.close()


def test_backup_and_restore_commands(data: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data), "backup", "-o", str(copy)]) == 0
    assert main(["--data-dir", str(data), "demo", "--clients", "10", "--seed", "5"]) == 0
    assert _clients(data / "hkcase.sqlite3") == 40
    capsys.readouterr()
    assert main(["--data-dir", str(data), "restore", str(copy), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "restored copy.sqlite3 (30 clients" in out
    assert _clients(data / "hkcase.sqlite3") == 30
    kept = [b for b in list_backups(data / "backups") if b.label == "before-restore"]
    assert len(kept) == 1 and _clients(kept[0].path) == 40
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert any(b.label == "manual" for b in list_backups(data / "backups"))


@pytest.mark.parametrize("problem", ["newer", "damaged", "foreign"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
        problem: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite3"
    with sqlite3.connect(data / "hkcase.sqlite3") as src, sqlite3.connect(bad) as dst:
        src.backup(dst)
    with sqlite3.connect(bad) as conn:
        if problem == "newer":
            conn.execute("UPDATE alembic_version SET version_num = '7777'")
        elif problem == "foreign":
            conn.execute("DROP TABLE alembic_version")
        else:
            conn.executemany("INSERT INTO counter (name, value) VALUES (?, 1)",
                             [(f"n{i}",) for i in range(3000)])
    if problem == "damaged":
        damage(bad)
    before = (data / "hkcase.sqlite3").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "restore", str(bad), "--yes"]) == 1
    message = capsys.readouterr().err
    assert {"newer": "newer version", "damaged": "damaged",
            "foreign": "not an hkcase database"}[problem] in message
    assert (data / "hkcase.sqlite3").read_bytes() == before
    assert not any(b.label == "before-restore" for b in list_backups(data / "backups"))


def _damage_live(data: Path) -> None:
    conn = sqlite3.connect(data / "hkcase.sqlite3")
    with conn:
        conn.executemany("INSERT INTO counter (name, value) VALUES (?, 1)",
                         [(f"n{i}",) for i in range(3000)])
    conn.close()
    damage(data / "hkcase.sqlite3")


def test_a_damaged_database_names_the_restore_command(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data), "backup"]) == 0
    _damage_live(data)
    listing = sorted(p.name for p in data.rglob("*"))
    capsys.readouterr()
    assert main(["--data-dir", str(data), "remind"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is damaged" in err
    good = newest_good_backup(data / "backups")
    assert good is not None and f"'hkcase restore {good.path}'" in err
    assert sorted(p.name for p in data.rglob("*")) == listing  # nothing created beside it
    assert main(["--data-dir", str(data), "restore", str(good.path), "--yes"]) == 0
    assert _clients(data / "hkcase.sqlite3") == 30
    assert any(b.label == "damaged" for b in list_backups(data / "backups"))


def test_the_gui_offers_to_restore_a_damaged_database(data: Path) -> None:
    from hkcase.gui.launch import open_for_gui
    from tests.gui_support import ScriptedPrompts

    assert main(["--data-dir", str(data), "backup"]) == 0
    _damage_live(data)
    prompts = ScriptedPrompts()
    prompts.confirmations = [False]
    with pytest.raises(DamagedDatabaseError):
        open_for_gui(data, prompts)
    prompts.confirmations = [True]
    ctx = open_for_gui(data, prompts)
    try:
        assert "damaged" in prompts.asked[-1][1] and "Restore" in prompts.asked[-1][1]
        assert any("restored" in n for n in ctx.notices)
    finally:
        ctx.close()
    assert _clients(data / "hkcase.sqlite3") == 30


def test_restore_into_a_missing_database(data: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data), "backup", "-o", str(copy)]) == 0
    target = tmp_path / "other"
    report = restore(Locations.resolve(target), copy)
    assert report.kept_aside is None and _clients(target / "hkcase.sqlite3") == 30


def test_sigterm_closes_the_gui_cleanly_on_a_new_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "new"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    gui = subprocess.Popen([sys.executable, "-m", "hkcase", "--data-dir", str(data)], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = data / "logs" / "hkcase.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
            log.exists() and "opened store" in log.read_text(encoding="utf-8")):
        time.sleep(0.1)
    time.sleep(2.5)  # the window is up and the event loop running
    assert gui.poll() is None, gui.communicate()
    gui.send_signal(signal.SIGTERM)
    _out, err = gui.communicate(timeout=30)
    assert "Traceback" not in err, err
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(data / "hkcase.sqlite3", alone)  # without its -wal
    with sqlite3.connect(alone) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {"client", "case", "alembic_version"} <= tables
