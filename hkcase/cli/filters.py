"""Filters several commands share, each with one option name, one meaning, one message."""

from __future__ import annotations

import argparse

from hkcase.services.consultants import all_consultants
from hkcase.services.errors import ValidationError
from hkcase.services.storage import Store

CONSULTANT_HELP = "only the cases of the consultant of this name (any case)"


def add_consultant_option(parser: argparse.ArgumentParser) -> None:
    """``--consultant NAME``, as ``remind`` and ``calendar`` take it."""
    parser.add_argument("--consultant", metavar="NAME", help=CONSULTANT_HELP)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def consultant_name(store: Store, typed: str | None) -> str | None:
    """The consultants' list's spelling of ``typed`` (any case, spaces alike); None for no
    filter. A name not on the list is refused (exit status 1), naming the list."""
    if typed is None:
        return None
    names = [c.name for c in all_consultants(store)]
    found = next((name for name in names if _key(name) == _key(typed)), None)
    if found is None:
        known = ", ".join(names) if names else "none yet: add them under File › Consultants…"
        raise ValidationError("consultant",
                              f"no consultant is named {typed.strip()!r} (consultants: {known})")
    return found
