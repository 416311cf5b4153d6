"""Argument parsing and dispatch for ``hkcase``.

Every command opens the application the same way the GUI does
(``services.context.open_app``) and reports failures as one line on stderr,
identity numbers masked, never a traceback: exit status 2 for bad usage, 1 for
everything else.

Nothing is written by a command that fails on its input: a command checks its
arguments while they are parsed (``cli/arg_types.py``: dates 1900–2100, output
files whose folder exists and is writable) and in an optional ``validate``
function it registers with ``parser.set_defaults(run=run, validate=validate)``,
which runs before ``run`` opens (or creates) anything.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from hkcase import __version__
from hkcase.app import notice_listeners
from hkcase.cli.commands import attach as attach_cmd
from hkcase.cli.commands import backup as backup_cmd
from hkcase.cli.commands import calendar as calendar_cmd
from hkcase.cli.commands import check as check_cmd
from hkcase.cli.commands import checklist as checklist_cmd
from hkcase.cli.commands import demo as demo_cmd
from hkcase.cli.commands import encrypt as encrypt_cmd
from hkcase.cli.commands import export as export_cmd
from hkcase.cli.commands import export_client as export_client_cmd
from hkcase.cli.commands import export_pack as export_pack_cmd
from hkcase.cli.commands import filing_sheet as filing_sheet_cmd
from hkcase.cli.commands import import_archive as import_archive_cmd
from hkcase.cli.commands import import_rows as import_cmd
from hkcase.cli.commands import info as info_cmd
from hkcase.cli.commands import letter as letter_cmd
from hkcase.cli.commands import migrate as migrate_cmd
from hkcase.cli.commands import migrate_files as migrate_files_cmd
from hkcase.cli.commands import recheck as recheck_cmd
from hkcase.cli.commands import remind as remind_cmd
from hkcase.cli.commands import restore as restore_cmd
from hkcase.cli.commands import retention as retention_cmd
from hkcase.cli.commands import search as search_cmd
from hkcase.cli.commands import show as show_cmd
from hkcase.cli.commands import stay as stay_cmd
from hkcase.cli.commands import upload_set as upload_set_cmd
from hkcase.cli.errors import CommandFailed, Terminated, UsageError, raise_terminated
from hkcase.cli.footprint import Footprint
from hkcase.config.locations import LocationError, Locations
from hkcase.config.logs import configure_logging, logging_configured, redact
from hkcase.services.errors import (
    DatabaseError,
    StoreError,
    ValidationError,
    is_translatable,
    translate,
)

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

COMMANDS: tuple[ModuleType, ...] = (
    info_cmd, demo_cmd, check_cmd, stay_cmd, remind_cmd, calendar_cmd, export_pack_cmd,
    checklist_cmd, letter_cmd, backup_cmd, restore_cmd)
# Data in and out (issue 11).
COMMANDS += (export_cmd, import_archive_cmd, export_client_cmd, import_cmd, retention_cmd)
# Verdicts that changed (issue 9).
COMMANDS += (recheck_cmd,)
# Online filing (issue 13).
COMMANDS += (attach_cmd, upload_set_cmd, filing_sheet_cmd)
# Search across clients and cases (issue 10).
COMMANDS += (search_cmd, show_cmd)
COMMANDS += (encrypt_cmd,)
# A shared office on PostgreSQL (issue 14).
COMMANDS += (migrate_cmd, migrate_files_cmd)


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
    # Opens the window, waits for the dashboard, quits (packaging's smoke test; gui/smoke.py).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(subparsers, common)
    return parser


def _error(message: object) -> None:
    """The one line a failed command prints (masked: it may quote the user's input)."""
    text = " ".join(str(message).split())
    print(f"hkcase: error: {redact(text)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"hkcase: warning: {redact(' '.join(message.split()))}", file=sys.stderr)


def _log_file_for(data_dir: str | None) -> str:
    """Where an unexpected error was logged (starting the log if the command had not)."""
    try:
        locations = Locations.resolve(data_dir)
        if not logging_configured():
            configure_logging(locations.log_file)
        return str(locations.log_file)
    except (LocationError, OSError):
        return "the log"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hkcase`` with ``argv`` (default: the process arguments); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        _error(exc)
        return EXIT_USAGE
    data_dir = getattr(args, "data_dir", None)
    if args.command is None:
        from hkcase.gui.launch import run_gui  # Qt is imported only for the GUI

        return run_gui(data_dir, smoke_test=args.smoke_test)
    previous = None
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    footprint = Footprint.before(data_dir)
    notice_listeners.append(_warn)
    try:
        validate = getattr(args, "validate", None)
        if validate is not None:
            validate(args)
        return int(args.run(args, data_dir))
    except UsageError as exc:
        footprint.undo()
        _error(exc)
        return EXIT_USAGE
    except (CommandFailed, LocationError, StoreError, ValidationError) as exc:
        footprint.undo()
        _error(exc)
        return EXIT_FAILURE
    except (KeyboardInterrupt, Terminated):
        _error("interrupted; nothing half-written was kept")
        return EXIT_FAILURE
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except DatabaseError as exc:
        if not is_translatable(exc):
            return _unexpected(exc, args, data_dir)
        log.warning("database error in 'hkcase %s'", args.command, exc_info=True)
        _error(translate(exc, "hkcase's database"))
        return EXIT_FAILURE
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        _error(f"cannot use{name}: {exc.strerror or exc.__class__.__name__}")
        return EXIT_FAILURE
    except Exception as exc:  # the last line of defence: log it, say it in one line
        return _unexpected(exc, args, data_dir)
    finally:
        notice_listeners.remove(_warn)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _unexpected(exc: Exception, args: argparse.Namespace, data_dir: str | None) -> int:
    where = _log_file_for(data_dir)
    log.error("unexpected error in 'hkcase %s'", args.command, exc_info=exc)
    _error(f"unexpected {exc.__class__.__name__}; nothing half-written was kept "
           f"(details in {where})")
    return EXIT_FAILURE
