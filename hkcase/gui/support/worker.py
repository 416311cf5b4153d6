"""The one way the GUI runs work off its thread: a pool job whose result comes back as a signal."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)


class Relay(QObject):
    """Carries a job's result to the GUI thread (signals are queued across threads)."""

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)  # done, total: for work that reports its steps


class Job(QRunnable):
    """Runs ``work`` on a pool thread and reports through ``relay``; never loses a failure."""

    def __init__(self, work: Callable[[], object], relay: Relay, what: str = "background work"
                 ) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._what = what

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported in the window, and logged (masked)
            log.exception("%s failed", self._what)
            self._relay.failed.emit(f"{exc.__class__.__name__}: {exc}")
            return
        self._relay.done.emit(result)
