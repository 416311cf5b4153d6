"""The ``hkcase`` command: the GUI when run bare, subcommands for the CLI."""

from hkcase.cli.main import main

__all__ = ["main"]
