"""``python -m hkcase`` does what the ``hkcase`` command does.

A bare start (no command, at most ``--data-dir DIR``) goes straight to the window:
the CLI's parser would import every command (and SQLAlchemy) before the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def bare_start(argv: Sequence[str]) -> tuple[bool, str | None]:
    """``(True, data_dir)`` when ``argv`` only opens the window, else ``(False, None)``."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > 11:
        return True, args[0].split("=", 1)[1]
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``hkcase`` with ``argv`` (default: the process arguments)."""
    args = sys.argv[1:] if argv is None else list(argv)
    bare, data_dir = bare_start(args)
    if bare:
        from hkcase.gui.launch import run_gui

        return run_gui(data_dir)
    from hkcase.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
