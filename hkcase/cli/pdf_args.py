"""Argument types and output shared by the export-pack, checklist and letter commands."""

from __future__ import annotations

import argparse
import sys

from hkcase.cli.args import output_file
from hkcase.domain.checklists import Lang
from hkcase.domain.vocab import ApplicationType
from hkcase.services.outputs.render import RenderedPdf

#: Application types a checklist can be printed for (the issue's command line).
CHECKLIST_TYPES = (ApplicationType.NEW, ApplicationType.EXTENSION,
                   ApplicationType.CHANGE_OF_EMPLOYMENT, ApplicationType.DEPENDANT)


def application_type(text: str) -> ApplicationType:
    try:
        kind = ApplicationType(text.strip().lower())
    except ValueError:
        kind = None
    if kind not in CHECKLIST_TYPES:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an application type (one of "
            f"{', '.join(k.value for k in CHECKLIST_TYPES)})")
    assert kind is not None
    return kind


def lang(text: str) -> Lang:
    try:
        return Lang(text.strip().lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language (one of {', '.join(v.value for v in Lang)})") from None


def add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, type=output_file, metavar="FILE.pdf",
                        help="where to write the PDF (replaced if it exists)")


def report(result: RenderedPdf) -> int:
    """Say what was written on stdout and every warning on stderr; exit status 0."""
    for line in result.all_warnings:
        print(f"hkcase: warning: {line}", file=sys.stderr)
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    print(f"wrote {result.path} ({pages})")
    return 0
