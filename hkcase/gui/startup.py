"""What a user sees while hkcase starts: a window at once, the work after its first paint.

``LoadingWindow`` needs nothing but Qt: it paints before SQLAlchemy, the store or
any migration check is even imported. ``FirstPaint`` tells when a window has
painted (and, with ``HKCASE_FIRST_PAINT_FILE`` set, appends ``<name> <unix time>``
to that file: how ``benchmarks/startup_bench.py`` times a real start).
``DailyCare`` runs the first start of the day's check and backup on a worker
thread once the main window is up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from hkcase.services.context import AppContext

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
    """Emits ``painted`` once ``window`` has painted for the first time (frame complete)."""

    painted = Signal()

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.name = name
        self.done = False  # the paint event came
        self.shown = False  # … and the frame it began is complete
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._window and not self.done:
            self.done = True
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._after)  # after the whole frame is painted and shown
        return False

    def _after(self) -> None:
        self.shown = True
        mark(self.name)
        self.painted.emit()


class LoadingWindow(QMainWindow):
    """The window of a start under way: the application's title, size and a busy bar."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loadingWindow")
        self.setWindowTitle("hkcase")
        self.setMinimumSize(1024, 640)
        self.resize(1280, 800)  # the main window's size: it takes this one's place
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addStretch(2)
        title = QLabel("hkcase", central)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        title.setFont(font)
        self.step = QLabel("Opening the database…", central)
        self.bar = QProgressBar(central)
        self.bar.setRange(0, 0)  # busy: no known length
        self.bar.setFixedWidth(320)
        self.bar.setTextVisible(False)
        for widget in (title, self.step, self.bar):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Starting hkcase…")
        self.first_paint = FirstPaint(self, "loading")

    def show_step(self, text: str) -> None:
        """Say what the start is doing now (painted at once: the next step may block)."""
        self.step.setText(text)
        self.step.repaint()

    def wait_painted(self, timeout_ms: int = PAINT_WAIT_MS) -> bool:
        """Run the event loop until this window has painted; False on timeout."""
        if not self.first_paint.shown:
            loop = QEventLoop()
            self.first_paint.painted.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
        return self.first_paint.shown


def take_place_of(window: QMainWindow, loading: LoadingWindow) -> None:
    """Show ``window`` where ``loading`` is, as it is (maximised or not), then close that."""
    if loading.isMaximized():
        window.showMaximized()
    else:
        window.resize(loading.size())
        window.move(loading.pos())
        window.show()
    loading.close()


class DailyCare(QObject):
    """The first start of the day's check and backup, on a worker thread after the paint.

    ``finished(list)`` carries notices for the user; ``damaged(str)`` says the check
    failed (no backup was taken). Owned by the main window: ``stop`` waits for it.
    """

    finished = Signal(object)
    damaged = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject, *, check: bool) -> None:
        super().__init__(parent)
        from hkcase.gui.worker import Relay

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
        from hkcase.gui.worker import Job
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
