"""Argument parsing and dispatch for ``hkcase``.

Every command opens the application the same way the GUI does
(``services.context.open_app``) and reports failures as one line on stderr with
a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from hkcase import __version__
from hkcase.cli import (
    calendar_cmd,
    check_cmd,
    checklist_cmd,
    demo_cmd,
    export_pack_cmd,
    info_cmd,
    letter_cmd,
    remind_cmd,
    stay_cmd,
)
from hkcase.cli.errors import UsageError
from hkcase.config.locations import LocationError
from hkcase.services.errors import ValidationError
from hkcase.store import StoreError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

COMMANDS = (info_cmd, demo_cmd, check_cmd, stay_cmd, remind_cmd, calendar_cmd, export_pack_cmd,
            checklist_cmd, letter_cmd)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _common_options() -> argparse.ArgumentParser:
    # Shared by the top level and every subcommand, so --data-dir may come
    # before or after the command name.
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep everything (database, attachments, settings, logs) in DIR "
        "(also HKCASE_DATA_DIR)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full ``hkcase`` argument parser."""
    common = _common_options()
    parser = _Parser(
        prog="hkcase",
        description="Case tracker for Hong Kong talent-visa consultants. "
        "Run without a command to open the application window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"hkcase {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hkcase`` with ``argv`` (default: the process arguments); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        print(f"hkcase: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    data_dir = getattr(args, "data_dir", None)
    if args.command is None:
        from hkcase.gui.launch import run_gui  # Qt is imported only for the GUI

        return run_gui(data_dir)
    try:
        return int(args.run(args, data_dir))
    except UsageError as exc:
        print(f"hkcase: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (LocationError, StoreError, ValidationError) as exc:
        print(f"hkcase: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("hkcase: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the last line of defence: log it, say it in one line
        log.exception("unexpected error in 'hkcase %s'", args.command)
        print(f"hkcase: internal error: {exc.__class__.__name__}: {exc} (details in the log)",
              file=sys.stderr)
        return EXIT_FAILURE
