"""SIGTERM as an exception, so ``finally`` blocks close the store (CLI and GUI alike)."""

from __future__ import annotations


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl+C so open transactions roll back and the store
    closes (checkpointed)."""


def raise_terminated(_signum: int, _frame: object) -> None:
    """A SIGTERM handler that unwinds the main thread."""
    raise Terminated
