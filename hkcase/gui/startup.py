"""What a user sees while hkcase starts: the window at once, the work after its first paint.

``show_painted`` shows the main window, built from its form before SQLAlchemy, the
store or any migration check is even imported, and waits for its first paint.
``FirstPaint`` tells when a window (or a widget) has painted (and, with
``HKCASE_FIRST_PAINT_FILE`` set, appends ``<name> <unix time>`` to that file: how
``benchmarks/startup_bench.py`` times a real start: ``main`` when the main window
has painted with its menus, toolbar and tabs, ``cases`` when the case list's first
page has). ``DailyCare`` runs the first start of the day's check and backup on a
worker thread once the case list is up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from hkcase.gui.support.geometry import fit_to_screen

if TYPE_CHECKING:
    from hkcase.app import AppContext

FIRST_PAINT_ENV = "HKCASE_FIRST_PAINT_FILE"
#: How long to wait for a first paint that never comes (a platform without one).
PAINT_WAIT_MS = 3000


def mark(name: str) -> None:
    """Append ``name`` and the time to the ``HKCASE_FIRST_PAINT_FILE`` file, if set."""
    path = os.environ.get(FIRST_PAINT_ENV)
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"{name} {time.time():.6f}\n")


class FirstPaint(QObject):
    """Emits ``painted`` once ``window`` has next painted (frame complete).

    Watches the window and its direct children (menu bar, toolbars, central widget,
    status bar): a window covered by its children need not receive a paint event itself.
    """

    painted = Signal()

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.name = name
        self.done = False  # the paint event came
        self.shown = False  # … and the frame it began is complete
        self._watched = [window, *window.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)]
        for widget in self._watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            for widget in self._watched:
                widget.removeEventFilter(self)
            QTimer.singleShot(0, self._after)  # after the whole frame is painted and shown
        return False

    def _after(self) -> None:
        self.shown = True
        mark(self.name)
        self.painted.emit()


def show_painted(window: QMainWindow, name: str, timeout_ms: int = PAINT_WAIT_MS) -> bool:
    """Size ``window`` for the screen, show it and run the event loop until it has painted
    (marking ``name``); False on timeout (a platform without a first paint)."""
    fit_to_screen(window)
    watch = FirstPaint(window, name)
    if window.windowState() & Qt.WindowState.WindowMaximized:
        window.showMaximized()
    else:
        window.show()
    if not watch.shown:
        loop = QEventLoop()
        watch.painted.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
    return watch.shown


class DailyCare(QObject):
    """The first start of the day's check and backup, on a worker thread after the paint.

    ``finished(list)`` carries notices for the user; ``damaged(str)`` says the check
    failed (no backup was taken). Owned by the main window: ``stop`` waits for it.
    """

    finished = Signal(object)
    damaged = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject, *, check: bool) -> None:
        super().__init__(parent)
        from hkcase.gui.support.worker import Relay

        self.ctx = ctx
        self.check = check
        self.running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)

    def start(self) -> None:
        """Check (if due) and back up on the worker thread."""
        from hkcase.gui.support.worker import Job
        from hkcase.services.daily import daily_care
        from hkcase.services.errors import DamagedDatabaseError

        ctx, check = self.ctx, self.check

        def work() -> object:
            try:
                return daily_care(ctx, check=check)
            except DamagedDatabaseError as exc:
                return exc  # a finding, not a failure of the job

        self.running = True
        self._pool.start(Job(work, self._relay, "today's check and backup"))

    def stop(self) -> None:
        """Wait for the work under way (a backup is never cut off)."""
        self._pool.waitForDone()

    def _done(self, result: object) -> None:
        self.running = False
        if isinstance(result, Exception):
            self.damaged.emit(str(result))
            return
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.running = False
        self.finished.emit([f"today's automatic check and backup failed: {message}"])


def after_first_paint(window: QWidget, name: str, then: Callable[[], None]) -> FirstPaint:
    """Call ``then`` once ``window`` has painted (marking ``name``)."""
    watch = FirstPaint(window, name)
    watch.painted.connect(then)
    return watch
