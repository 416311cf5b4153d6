"""When the window cannot open: one line in the user's terms, never a traceback.

The crash handler (``gui/support/crash.py``) is installed once the store is open; what
fails before it (Qt's libraries missing, an unexpected error while the window is built)
is said here: a line on the terminal, a message box where a screen is, and for an
unexpected error a masked crash report in the log folder.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

from hkcase.config.locations import Locations
from hkcase.config.logs import logging_configured

log = logging.getLogger(__name__)

# What Debian calls the libraries Qt's widgets load (scripts/bootstrap.sh installs them).
QT_PACKAGES = ("libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3",
               "libxcb-cursor0", "libxkbcommon-x11-0")


def qt_problem() -> str | None:
    """Why Qt's widgets cannot be loaded (a missing package or library), else ``None``."""
    try:
        import PySide6.QtWidgets  # noqa: F401  (Qt's shared libraries load here)
    except ImportError as missing:
        detail = " ".join(str(missing).split()) or type(missing).__name__
        return ("the window cannot open: Qt's libraries did not load "
                f"({detail}). On Debian or Ubuntu: sudo apt-get install "
                f"{' '.join(QT_PACKAGES)} (scripts/run installs them), or reinstall "
                "hkcase. The commands work without a window: hkcase --help")
    return None


def say(message: str) -> int:
    """hkcase's one error line and, where there is a screen (hkcase started from a menu,
    no terminal), a message box; the exit status."""
    print(f"hkcase: error: {' '.join(message.split())}", file=sys.stderr)
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError:
        return 1
    QApplication.instance() or QApplication(sys.argv[:1])
    if QApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, QCoreApplication.translate("launch", "hkcase cannot start"),
                             message)
    return 1


def start_failed(data_dir: str | Path | None, exc: BaseException) -> int:
    """An unexpected error before the crash handler: a crash file, one line, a box."""
    from hkcase.gui.support.crash import crash_report, write_crash_file

    where: str | None = None
    with contextlib.suppress(Exception):  # no folder for it: the line still says what happened
        report = crash_report(type(exc), exc, exc.__traceback__)
        where = str(write_crash_file(Locations.resolve(data_dir).log_dir, report))
        if logging_configured():  # never Python's last-resort handler: that is the terminal
            log.error("unexpected error while starting:\n%s", report)
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    message = translate("launch", "hkcase could not start because of an unexpected error; "
                        "nothing half-written was kept.")
    if where is not None:
        message += " " + translate("launch", "The details, with no client data, are in "
                                   "{file}").format(file=where)
    return say(message)
