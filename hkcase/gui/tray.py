"""The tray notification: what became due, when hkcase starts and then periodically.

The check (refreshing reminders and reading the digest) runs on a worker thread,
so a firm with 100,000 clients does not freeze the window for seconds; the
result comes back to the GUI thread as a signal. Where the desktop has no
system tray the check still runs and ``summaryReady`` still fires (for the
dashboard), only the bubble is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from hkcase.app import AppContext
from hkcase.gui.support.forms import app_icon
from hkcase.gui.support.worker import Job, Relay
from hkcase.services.reminders.notify import NotificationSummary, check_reminders

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 30 * 60 * 1000
MESSAGE_MS = 15_000


class ReminderTray(QObject):
    """Periodic reminder checks with a tray bubble for what became due."""

    summaryReady = Signal(object)  # NotificationSummary
    checkFailed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._seen: frozenset[str] = frozenset()
        self._running = False
        self.last_summary: NotificationSummary | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)
        self._relay = Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), self)
            self.icon.setToolTip(self.tr("hkcase: deadlines"))
            self.icon.show()

    def start(self) -> None:
        """Check once now (after the window has painted), then every interval."""
        QTimer.singleShot(0, self.check_now)
        self.timer.start()

    def stop(self) -> None:
        """Stop checking and wait for a check under way."""
        self.timer.stop()
        self._pool.clear()
        self._pool.waitForDone()

    def check_now(self) -> bool:
        """Start a check on the worker thread; False if one is still running."""
        if self._running:
            return False
        self._running = True
        seen, today = self._seen, self._today()
        lead_days = list(self.ctx.settings.reminder_lead_days)
        store = self.ctx.store

        def work() -> NotificationSummary:
            return check_reminders(store, lead_days=lead_days, seen=seen, today=today)

        self._pool.start(Job(work, self._relay, "reminder check"))
        return True

    def _deliver(self, summary: NotificationSummary) -> None:
        self._running = False
        self._seen = summary.seen
        self.last_summary = summary
        if summary.message and self.icon is not None:
            self.icon.showMessage(summary.title, summary.message,
                                  QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        self.summaryReady.emit(summary)

    def _fail(self, message: str) -> None:
        self._running = False
        self.checkFailed.emit(message)
