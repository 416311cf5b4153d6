"""No identity number, name, date of birth, e-mail or phone in logs, stderr or crash files.

Error paths run in real processes (a full disk by RLIMIT_FSIZE, a read-only data
folder, a locked database, a bad profile, an unexpected crash) on data with
known values; then every log, stderr and crash file is scanned for them.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from hkcase.config.logs import redact, scrub

ROOT = Path(__file__).resolve().parents[2]
PASSPORT, HKID, MAINLAND = "E12345678", "A123456(3)", "11010519491231002X"
NAME, CHINESE, EMAIL, PHONE, DOB = ("Chan Tai Man", "陳大文", "tai.man.chan@example.com",
                                    "+852 9123 4567", "1979-03-14")
KNOWN = (PASSPORT, HKID, MAINLAND, NAME, CHINESE, EMAIL, PHONE, DOB)


def _run(code: str, *, cwd: Path = ROOT, limit: int | None = None,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    prelude = ""
    if limit is not None:
        prelude = ("import resource\n"
                   f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n")
    return subprocess.run([sys.executable, "-c", prelude + code], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def _hkcase(*args: str, limit: int | None = None, busy_ms: int | None = None
            ) -> subprocess.CompletedProcess[str]:
    patch = (f"import hkcase.store.engine as e; e.SQLITE_BUSY_TIMEOUT_MS = {busy_ms}\n"
             if busy_ms is not None else "")
    return _run(patch + "import sys\nfrom hkcase.cli.main import main\n"
                f"sys.exit(main({list(args)!r}))", limit=limit)


def _add_known_client(data: Path, number: int = 0) -> None:
    """A client with the known values, as the services store them."""
    code = f"""
from datetime import date
import sqlalchemy as sa
from hkcase.app import open_app
ctx = open_app({str(data)!r})
with ctx.store.transaction() as s:
    cid = s.execute(sa.text(
        "INSERT INTO client (family_name, given_names, chinese_name, sex, date_of_birth, "
        "nationality, residence, hkid, mainland_id, email, phone, is_demo, version, "
        "created_at, updated_at) VALUES ('Chan', 'Tai Man', :cn, 'M', :dob, 'CN', 'hong_kong', "
        ":hkid, :ml, :email, :phone, 0, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id"),
        dict(cn={CHINESE!r}, dob={DOB!r}, hkid={HKID!r}, ml={MAINLAND!r}, email={EMAIL!r},
             phone={PHONE!r})).scalar_one()
    s.execute(sa.text("INSERT INTO travel_document (client_id, doc_type, number, "
                      "issuing_country) VALUES (:c, 'passport', :n, 'CN')"),
              dict(c=cid, n={PASSPORT!r}))
ctx.close()
"""
    result = _run(code)
    assert result.returncode == 0, result.stderr


def _leaks(text: str) -> list[str]:
    return [value for value in KNOWN if value in text]


def _scan_folder(data: Path) -> dict[str, list[str]]:
    found = {}
    for path in data.rglob("*"):
        if path.is_file() and (path.suffix in (".log", ".txt") or ".log." in path.name):
            leaked = _leaks(path.read_text(encoding="utf-8", errors="replace"))
            if leaked:
                found[str(path)] = leaked
    return found


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    _add_known_client(folder)
    return folder


def test_masking_catches_every_form() -> None:
    forms = ["E12345678", "e12345678", "E 1234 5678", "EA1234567", "K1234567", "A123456(3)",
             "a123456(3)", "A123456 (3)", "AB987654(A)", "A1234563", "11010519491231002X",
             "110105 19491231 002x", "tai.man@example.com", "+852 9123 4567", "9123 4567",
             "13812345678", "123456789"]
    for form in forms:
        masked = redact(f"client with {form}, saved")
        assert masked == "client with [redacted], saved", (form, masked)
    kept = ("case 2026-000123 opened for GEP, 3 stays, schema 0008, 1.5 s, 2026-12-01, "
            "patterns start on 2022-12-28, no reminder number 99999999")
    assert redact(kept) == kept
    assert scrub("KeyError: '陳大文' born 1979-03-14") == "KeyError: '…' born [date]"


def test_a_traceback_keeps_the_code_path_and_withholds_every_message() -> None:
    from hkcase.config.logs import WITHHELD, mask_traceback

    def save(name: str) -> None:
        try:
            {}[name]
        except KeyError as missing:
            error = RuntimeError(f"cannot save {name}\n[parameters: ({name!r}, 1)]")
            error.add_note(f"typed by {name}")
            raise error from missing

    try:
        save(NAME)
    except RuntimeError as exc:
        text = mask_traceback("".join(traceback.format_exception(exc)))
    assert NAME not in text and "parameters" not in text, text
    assert text.count("Traceback (most recent call last):") == 2
    assert "The above exception was the direct cause of the following exception:" in text
    assert f"KeyError: {WITHHELD}" in text and f"RuntimeError: {WITHHELD}" in text
    assert "in save" in text and "raise error from missing" in text  # the code path
    assert mask_traceback("StopIteration\n") == "StopIteration\n"  # no message: nothing


def test_a_full_disk_leaks_nothing(data: Path) -> None:
    size = (data / "hkcase.sqlite3").stat().st_size
    # Room for the logs, none for a thousand more clients in the database's -wal file.
    result = _hkcase("--data-dir", str(data), "demo", "--clients", "2000", limit=size // 2)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    # (today's automatic backup may have failed first, for the same reason: a warning)
    assert all(line.startswith("hkcase: warning: ") for line in lines[:-1]), lines
    assert lines[-1].startswith("hkcase: error: ") and "full" in lines[-1], lines
    # Once more with the known client in the failing transaction's parameters.
    code = f"""
import resource, sys
import sqlalchemy as sa
from hkcase.app import open_app
from hkcase.store import StoreError
ctx = open_app({str(data)!r})
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    with ctx.store.transaction() as s:
        for i in range(200):
            s.execute(sa.text("INSERT INTO note (client_id, kind, body, created_at) "
                              "VALUES (1, 'note', :b, CURRENT_TIMESTAMP)"),
                      dict(b={PASSPORT!r} + " " + {HKID!r} + " " + {NAME!r} + " x" * 2000))
except StoreError as exc:
    import logging
    logging.getLogger("hkcase.test").exception("write failed")
    print(exc, file=sys.stderr)
except Exception as exc:
    import logging
    logging.getLogger("hkcase.test").exception("write failed")
    print(exc, file=sys.stderr)
"""
    second = _run(code)
    for stream in (result.stderr, second.stderr):
        assert not _leaks(stream), stream
    assert not _scan_folder(data)


def _make_read_only(data: Path) -> list[Path]:
    targets = [data / "hkcase.sqlite3", data]
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file read-only")
        for path in targets:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                pytest.skip("this file system does not support chattr +i")
    else:
        for path in targets:
            path.chmod(0o500 if path.is_dir() else 0o400)
    return targets


def _undo_read_only(targets: list[Path]) -> None:
    for path in targets:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        else:
            path.chmod(0o700 if path.is_dir() else 0o600)


def test_a_read_only_database_leaks_nothing(data: Path) -> None:
    targets = _make_read_only(data)
    try:
        result = _hkcase("--data-dir", str(data), "demo", "--clients", "20")
    finally:
        _undo_read_only(targets)
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not _leaks(result.stderr)
    assert not _scan_folder(data)


def test_a_locked_database_leaks_nothing(data: Path) -> None:
    holder = sqlite3.connect(data / "hkcase.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = _hkcase("--data-dir", str(data), "demo", "--clients", "20", busy_ms=300)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "is busy" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not _leaks(result.stderr)
    assert not _scan_folder(data)


def test_a_bad_profile_leaks_nothing(data: Path, tmp_path: Path) -> None:
    profiles = [
        {"date_of_birth": PASSPORT, "nationality": HKID},
        {"date_of_birth": DOB, "age": {"nested": [EMAIL, PHONE]}, "name": CHINESE},
        {"date_of_birth": "2200-01-01", "passport_number": PASSPORT, "hkid": HKID},
        [NAME, MAINLAND],
    ]
    for number, profile in enumerate(profiles):
        path = tmp_path / f"profile{number}.json"
        path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
        result = _hkcase("--data-dir", str(data), "check", "--profile", str(path))
        assert result.returncode in (1, 2), result.stderr
        assert "Traceback" not in result.stderr
        assert not [v for v in (PASSPORT, HKID, MAINLAND, EMAIL, PHONE) if v in result.stderr], \
            result.stderr
    assert not _scan_folder(data)


def test_a_crash_report_carries_versions_and_traceback_only(data: Path) -> None:
    code = f"""
import sys
from pathlib import Path
from hkcase.gui.support.crash import crash_report, write_crash_file
def save_client(name, dob, email, phone, passport):
    secret = {HKID!r}
    raise ValueError(f"cannot save {{name}} ({{dob}}), {{email}}, {{phone}}, {{passport}}, "
                     f"{{secret}}: '{CHINESE}'")
try:
    save_client({NAME!r}, {DOB!r}, {EMAIL!r}, {PHONE!r}, {PASSPORT!r})
except ValueError as exc:
    path = write_crash_file(Path({str(data / "logs")!r}), crash_report(type(exc), exc,
                            exc.__traceback__))
    print(path)
"""
    result = _run(code, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    crash = Path(result.stdout.strip())
    text = crash.read_text(encoding="utf-8")
    assert "hkcase " in text and "Python " in text and "save_client" in text
    assert "ValueError" in text
    assert oct(crash.stat().st_mode & 0o777) == "0o600"
    leaked = [v for v in (PASSPORT, HKID, EMAIL, PHONE, DOB, CHINESE, NAME) if v in text]
    assert not leaked, text
    assert not _scan_folder(data)


def test_an_unexpected_cli_error_is_one_masked_line_and_logged(data: Path) -> None:
    code = f"""
import sys
import hkcase.cli.commands.info as info
def boom(args, data_dir):
    raise RuntimeError("lost {PASSPORT} and {HKID} of {EMAIL}")
info.run = boom
from hkcase.cli.main import build_parser, main
sys.exit(main(["--data-dir", {str(data)!r}, "info"]))
"""
    result = _run(code)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "unexpected RuntimeError" in lines[0], result.stderr
    assert "hkcase.log" in lines[0]
    assert not _leaks(result.stderr)
    assert "RuntimeError" in (data / "logs" / "hkcase.log").read_text(encoding="utf-8")
    assert not _scan_folder(data)
