"""How a long import reports how far it got, and how it is stopped before it commits."""

from __future__ import annotations

from collections.abc import Callable

#: ``progress(stage, done, total)``; it may raise ``Cancelled`` to stop the work.
Progress = Callable[[str, int, int], None]

READING = "reading"
CHECKING = "checking"
BACKING_UP = "backing up"
WRITING = "writing"
INDEXING = "indexing"


class Cancelled(Exception):
    """Raised by a ``Progress`` callback: the work stops, and nothing is written."""


def silent(stage: str, done: int, total: int) -> None:
    """The progress callback of callers that do not show progress."""
