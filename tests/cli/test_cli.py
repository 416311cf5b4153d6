"""The ``hkcase`` command line, run as a user would, in a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hkcase import __version__


def hkcase(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hkcase", *args],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = hkcase("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"hkcase {__version__}"


def test_demo_then_info(tmp_path: Path) -> None:
    result = hkcase("--data-dir", str(tmp_path), "demo", "--clients", "300")
    assert result.returncode == 0, result.stderr
    assert "added 300 clients" in result.stdout
    info = hkcase("--data-dir", str(tmp_path), "info", "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["counts"]["clients"] == 300
    assert data["counts"]["cases"] > 300
    assert data["schema_revision"] == data["schema_head"]
    assert data["paths"]["data"] == str(tmp_path)
    text = hkcase("info", "--data-dir", str(tmp_path))  # the option after the command too
    assert "clients" in text.stdout and "300" in text.stdout
    assert "up to date" in text.stdout


def test_environment_selects_the_data_dir(tmp_path: Path) -> None:
    result = hkcase("info", "--json", env={"HKCASE_DATA_DIR": str(tmp_path / "env")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["paths"]["data"] == str(tmp_path / "env")
    assert (tmp_path / "env" / "hkcase.sqlite3").is_file()


def _one_line_error(result: subprocess.CompletedProcess[str], status: int) -> str:
    assert result.returncode == status
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("hkcase: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["info", "--frobnicate"], "unrecognized arguments"),
        (["explode"], "invalid choice: 'explode'"),
        (["demo", "--clients", "0"], "must be at least 1"),
        (["demo", "--clients", "many"], "'many' is not a whole number"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(args: list[str], expected: str) -> None:
    assert expected in _one_line_error(hkcase(*args), 2)


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = _one_line_error(hkcase("--data-dir", str(blocker), "info"), 1)
    assert "a-file is a file, not a folder" in line


def test_corrupt_database_file(tmp_path: Path) -> None:
    (tmp_path / "hkcase.sqlite3").write_bytes(b"\x00garbage" * 1000)
    line = _one_line_error(hkcase("--data-dir", str(tmp_path), "info"), 1)
    assert "hkcase.sqlite3 cannot be read as an hkcase database" in line


def test_unreachable_database_url(tmp_path: Path) -> None:
    env = {"HKCASE_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    line = _one_line_error(hkcase("--data-dir", str(tmp_path), "info", env=env), 1)
    assert "cannot open database postgresql+psycopg://nobody@127.0.0.1:1/none" in line


def test_bare_command_with_a_bad_store_fails_before_any_window(tmp_path: Path) -> None:
    (tmp_path / "hkcase.sqlite3").write_bytes(b"garbage" * 1000)
    line = _one_line_error(hkcase("--data-dir", str(tmp_path),
                                  env={"QT_QPA_PLATFORM": "offscreen"}), 1)
    assert "cannot be read" in line
