"""Cyclic garbage collection only on the GUI thread.

Python runs the cyclic collector in whichever thread happens to allocate. When that is a
pool thread (a dashboard or reminder job), a widget that was only held in a reference
cycle is destroyed there, off the GUI thread, and Qt later crashes in event processing.
The collector is therefore switched off and run from a timer on the GUI thread instead,
as Qt applications written in Python commonly do.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Disables automatic collection and collects, generation by generation, on a timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()
        if third > self._threshold[2]:
            return gc.collect(2)
        if second > self._threshold[1]:
            return gc.collect(1)
        if first > self._threshold[0]:
            return gc.collect(0)
        return 0

    def stop(self) -> None:
        """Back to Python's automatic collection (at quit, or when a test ends)."""
        self.timer.stop()
        gc.enable()
