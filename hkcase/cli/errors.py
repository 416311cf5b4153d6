"""Errors a CLI command raises for bad command-line input."""


class UsageError(Exception):
    """Bad command-line input; reported as one line with exit status 2."""
