"""Unexpected errors: logged, written to a crash file, shown with copyable details."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from hkcase import __version__
from hkcase.config.logs import redact

log = logging.getLogger(__name__)


def crash_report(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """The text of a crash report, identity numbers masked."""
    lines = traceback.format_exception(exc_type, exc, tb)
    return redact(f"hkcase {__version__}, Python {sys.version.split()[0]}\n" + "".join(lines))


def install_crash_handler(log_dir: Path) -> None:
    """Route uncaught exceptions to the log, a crash file and a dialog; keep running."""

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.error("unexpected error:\n%s", report)
        crash_file = log_dir / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        try:
            crash_file.write_text(report, encoding="utf-8")
        except OSError:
            crash_file = log_dir
        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "hkcase hit an unexpected error",
                          f"{exc_type.__name__}: {redact(str(exc))}\n\nYour data is safe: "
                          "nothing half-written was kept. The details are in\n"
                          f"{crash_file}")
        box.setDetailedText(report)  # selectable, so it can be copied into an e-mail
        box.exec()

    sys.excepthook = handle
