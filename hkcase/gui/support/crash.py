"""Unexpected errors: logged, written to a crash file, shown with copyable details.

A crash report is what a consultant is invited to e-mail: the versions and the
traceback (file, line, code) only, no local variables, identity numbers masked and
every exception's message withheld (``mask_traceback``): a message may hold a name.
The dialog shows the user their own message, masked by ``scrub``.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from hkcase import __version__
from hkcase.config.logs import mask_traceback, scrub

log = logging.getLogger(__name__)


def versions() -> str:
    """hkcase's, Python's, Qt's and the database libraries' versions, on one line."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"hkcase {__version__}", f"Python {sys.version.split()[0]}",
             f"{platform.system()} {platform.release()}"]
    for package in ("PySide6-Essentials", "SQLAlchemy", "alembic"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return ", ".join(parts)


def crash_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """The text of a crash report: versions and the masked traceback, nothing else."""
    return versions() + "\n" + mask_traceback(
        "".join(traceback.format_exception(exc_type, exc, tb)))


def write_crash_file(log_dir: Path, report: str) -> Path:
    """Write ``report`` to a new owner-only crash file in ``log_dir``; returns its path."""
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    crash_file = log_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
    fd = os.open(crash_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(report)
    return crash_file


def install_crash_handler(log_dir: Path) -> None:
    """Route uncaught exceptions to the log, a crash file and a dialog; keep running."""

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.error("unexpected error:\n%s", report)
        try:
            crash_file = write_crash_file(log_dir, report)
        except OSError:
            crash_file = log_dir
        if QApplication.instance() is None:
            return
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Icon.Critical,
                          translate("crash", "hkcase hit an unexpected error"),
                          f"{exc_type.__name__}: {scrub(str(exc))}\n\n" + translate(
                              "crash", "Your data is safe: nothing half-written was kept. "
                              "The details are in\n{file}").format(file=crash_file))
        box.setDetailedText(report)  # selectable, so it can be copied into an e-mail
        box.exec()

    sys.excepthook = handle
