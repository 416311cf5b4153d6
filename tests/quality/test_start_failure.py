"""When the window cannot open, the user reads one line, never a traceback (real processes):
Qt's libraries missing, or an unexpected error before the crash handler is in place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: Starts hkcase bare (the window) after ``{prepare}`` ran in the same process.
START = """
import sys
{prepare}
sys.argv = ["hkcase", "--data-dir", {data_dir!r}]
from hkcase.__main__ import main
raise SystemExit(main())
"""

NO_QT = """
sys.modules["PySide6.QtWidgets"] = None  # ``import PySide6.QtWidgets`` now raises ImportError
"""

#: The main window fails to build, with a client's HKID and name in the exception.
BROKEN_WINDOW = """
from hkcase.gui import main_window
def broken(self, *args, **kwargs):
    raise RuntimeError("cannot show A123456(3) for CHAN Tai Man")
main_window.MainWindow.__init__ = broken
"""


def _start(tmp_path: Path, prepare: str) -> subprocess.CompletedProcess[str]:
    code = START.format(prepare=prepare, data_dir=str(tmp_path / "data"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120)


def test_without_qt_the_user_is_told_which_packages_to_install(tmp_path: Path) -> None:
    started = _start(tmp_path, NO_QT)
    assert started.returncode == 1
    lines = started.stderr.strip().splitlines()
    assert len(lines) == 1, started.stderr
    assert lines[0].startswith("hkcase: error: the window cannot open: Qt's libraries did "
                               "not load")
    assert "sudo apt-get install libegl1" in lines[0] and "hkcase --help" in lines[0]
    assert not (tmp_path / "data").exists()  # nothing made


def test_an_unexpected_error_at_start_is_one_line_and_a_masked_crash_file(
        tmp_path: Path) -> None:
    started = _start(tmp_path, BROKEN_WINDOW)
    assert started.returncode == 1
    assert "Traceback" not in started.stderr
    said = [line for line in started.stderr.splitlines() if line.startswith("hkcase:")]
    assert len(said) == 1, started.stderr
    assert said[0].startswith("hkcase: error: hkcase could not start because of an "
                              "unexpected error; nothing half-written was kept. The details, "
                              "with no client data, are in ")
    crash_file = Path(said[0].rsplit(" are in ", 1)[1])
    assert crash_file.parent == tmp_path / "data" / "logs"
    report = crash_file.read_text(encoding="utf-8")
    assert "RuntimeError" in report and "main_window" not in said[0]
    for secret in ("A123456", "CHAN Tai Man"):
        assert secret not in report and secret not in started.stderr
    assert crash_file.stat().st_mode & 0o077 == 0  # the owner's only


def test_the_packages_named_are_those_the_setup_installs() -> None:
    from hkcase.gui.start_failure import QT_PACKAGES

    setup = (Path(__file__).parents[2] / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    assert [p for p in QT_PACKAGES if f" {p}" not in setup and f"({p}" not in setup] == []
