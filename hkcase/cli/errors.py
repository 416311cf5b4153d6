"""Errors a CLI command raises for bad command-line input."""

from hkcase.config.shutdown import Terminated, raise_terminated

__all__ = ["Terminated", "UsageError", "raise_terminated"]


class UsageError(Exception):
    """Bad command-line input; reported as one line with exit status 2."""

