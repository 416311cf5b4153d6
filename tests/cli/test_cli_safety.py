"""Failed commands write nothing: every command's error paths, the data folder compared
byte for byte before and after. One row per error path: add yours to ``ERROR_PATHS``."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path
from typing import NamedTuple

import pytest

from hkcase.cli.main import main

FRESH, POPULATED, CORRUPT = "fresh", "populated", "corrupt"


class ErrorPath(NamedTuple):
    args: tuple[str, ...]  # {tmp} is a scratch folder outside the data folder
    status: int  # 2 usage, 1 everything else
    says: str  # a fragment of the one-line message
    folders: tuple[str, ...] = (FRESH, POPULATED)


ERROR_PATHS = {
    "export-pack unknown case": ErrorPath(
        ("export-pack", "2026-999999", "-o", "{tmp}/pack.pdf"), 1, "2026-999999"),
    "export-pack output folder missing": ErrorPath(
        ("export-pack", "2026-000001", "-o", "{tmp}/nowhere/pack.pdf"), 2, "does not exist"),
    "export-pack filing date out of range": ErrorPath(
        ("export-pack", "2026-000001", "-o", "{tmp}/p.pdf", "--filing-date", "9999-01-01"),
        2, "out of range"),
    "calendar to an unwritable path": ErrorPath(
        ("calendar", "-o", "{tmp}/nowhere/deadlines.ics"), 2, "does not exist"),
    "calendar to a folder": ErrorPath(("calendar", "-o", "{tmp}"), 2, "is a folder"),
    "calendar within overflow": ErrorPath(
        ("calendar", "-o", "{tmp}/d.ics", "--within", "100000000"), 2, "at most"),
    "remind within overflow": ErrorPath(("remind", "--within", "100000000"), 2, "at most"),
    "remind today out of range": ErrorPath(
        ("remind", "--today", "9999-12-31"), 2, "out of range (years 1900–2100)"),
    "remind snooze without until": ErrorPath(("remind", "--snooze", "1"), 2, "--until"),
    "remind unknown reminder": ErrorPath(("remind", "--done", "987654"), 1, "987654"),
    "remind done and reopen at once": ErrorPath(("remind", "--done", "1", "--reopen", "1"), 2,
                                                "both --done and --reopen"),
    "remind unknown consultant": ErrorPath(("remind", "--consultant", "Nobody Here"), 1,
                                           "Nobody Here"),
    "calendar unknown consultant": ErrorPath(
        ("calendar", "-o", "{tmp}/d.ics", "--consultant", "Nobody Here"), 1, "Nobody Here"),
    "upload-set into a folder not empty": ErrorPath(
        ("upload-set", "2026-000001", "-o", "{tmp}"), 2, "not an empty folder"),
    "filing-sheet output folder missing": ErrorPath(
        ("filing-sheet", "2026-000001", "-o", "{tmp}/nowhere/f.pdf"), 2, "does not exist"),
    "attach a missing file": ErrorPath(("attach", "2026-000001", "1", "{tmp}/none.pdf"), 2,
                                       "does not exist"),
    "stay entry date out of range": ErrorPath(
        ("stay", "--scheme", "GEP", "--entry-date", "9999-12-01"), 2, "out of range"),
    "stay months overflow": ErrorPath(
        ("stay", "--scheme", "GEP", "--entry-date", "2026-01-01", "--months", "99999999"),
        2, "at most"),
    "check on out of range": ErrorPath(
        ("check", "--profile", "{tmp}/profile.json", "--on", "0001-01-01"), 2, "out of range"),
    "check missing profile": ErrorPath(
        ("check", "--profile", "{tmp}/missing.json"), 2, "missing.json"),
    "checklist unknown case": ErrorPath(
        ("checklist", "--case", "2026-999999", "-o", "{tmp}/c.pdf"), 1, "2026-999999"),
    "letter unknown case": ErrorPath(("letter", "2026-999999", "-o", "{tmp}/l.pdf"), 1,
                                     "2026-999999"),
    "demo zero clients": ErrorPath(("demo", "--clients", "0"), 2, "at least 1"),
    "backup to a missing folder": ErrorPath(
        ("backup", "-o", "{tmp}/nowhere/b.sqlite3"), 2, "does not exist"),
    "restore a missing file": ErrorPath(("restore", "{tmp}/none.sqlite3", "--yes"), 2,
                                        "does not exist"),
    "restore a garbage file": ErrorPath(("restore", "{tmp}/garbage.sqlite3", "--yes"), 1,
                                        "not an hkcase backup"),
    "restore without --yes": ErrorPath(("restore", "{tmp}/good.sqlite3"), 2, "--yes"),
    "info on a corrupt database": ErrorPath(("info",), 1, "cannot be read", (CORRUPT,)),
    "remind on a corrupt database": ErrorPath(("remind",), 1, "cannot be read", (CORRUPT,)),
    "backup of a corrupt database": ErrorPath(("backup",), 1, "cannot be read", (CORRUPT,)),
    "migrate-files on a SQLite folder": ErrorPath(("migrate-files",), 1,
                                                  "for a shared PostgreSQL database"),
}


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every path under ``folder``: mode, size and sha256 (logs compared apart)."""
    if not folder.exists():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        data = path.read_bytes() if path.is_file() else b""
        found[rel] = (path.stat().st_mode, len(data), hashlib.sha256(data).hexdigest())
    return found


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with demo data whose daily backup is already taken."""
    folder = tmp_path_factory.mktemp("populated") / "data"
    assert main(["--data-dir", str(folder), "demo", "--clients", "30"]) == 0
    assert main(["--data-dir", str(folder), "info"]) == 0
    return folder


def _scratch(tmp: Path, populated: Path) -> None:
    tmp.mkdir(exist_ok=True)
    (tmp / "profile.json").write_text('{"date_of_birth": "1990-01-01"}', encoding="utf-8")
    (tmp / "garbage.sqlite3").write_bytes(b"not a backup" * 100)
    with sqlite3.connect(populated / "hkcase.sqlite3") as src, \
            sqlite3.connect(tmp / "good.sqlite3") as dst:
        src.backup(dst)


@pytest.mark.parametrize("name", sorted(ERROR_PATHS))
def test_a_failed_command_leaves_the_data_folder_as_it_found_it(
        name: str, tmp_path: Path, populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = ERROR_PATHS[name]
    scratch = tmp_path / "scratch"
    _scratch(scratch, populated)
    for kind in case.folders:
        data = tmp_path / kind
        if kind == POPULATED:
            shutil.copytree(populated, data)
        elif kind == CORRUPT:
            data.mkdir()
            (data / "hkcase.sqlite3").write_bytes(b"\x00garbage" * 1000)
        log = data / "logs" / "hkcase.log"
        before = snapshot(data)
        log_before = log.read_bytes() if log.exists() else b""
        capsys.readouterr()
        args = [a.replace("{tmp}", str(scratch)) for a in case.args]
        status = main(["--data-dir", str(data), *args])
        out, err = capsys.readouterr()
        assert status == case.status, (kind, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("hkcase: error: "), (kind, err)
        assert case.says in lines[0], (kind, lines[0])
        assert "Traceback" not in err and "internal error" not in err and out == ""
        after = snapshot(data)
        # The log may say what failed (appended lines); nothing else may change.
        if log.exists() and log_before:
            assert log.read_bytes().startswith(log_before)
            before.pop("logs/hkcase.log")
            after.pop("logs/hkcase.log")
        assert after == before, (kind, set(after) ^ set(before))
        if kind == FRESH:
            assert not data.exists(), sorted(os.listdir(data))
