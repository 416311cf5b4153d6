"""Errors a CLI command raises for bad command-line input."""

from hkcase.config.shutdown import Terminated, raise_terminated

__all__ = ["CommandFailed", "Terminated", "UsageError", "raise_terminated"]


class UsageError(Exception):
    """Bad command-line input; reported as one line with exit status 2."""



class CommandFailed(Exception):
    """A command that cannot go on (a declined confirmation, no passphrase); reported as
    one line with exit status 1, as every failure that is not bad usage."""
