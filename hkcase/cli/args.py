"""Argument types shared by every command (dates, counts, schemes, output files).

They run while argparse parses, before a command opens anything, so bad input
is a one-line usage error (exit status 2) and nothing is written.
"""

from __future__ import annotations

import argparse
import os
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path

from hkcase.domain.labels import label
from hkcase.domain.vocab import Scheme

#: Dates hkcase accepts anywhere: a birth in 1900 to a limit of stay in 2100.
FIRST_YEAR, LAST_YEAR = 1900, 2100
#: The longest look-ahead a ``DAYS`` option takes (about 100 years).
MAX_DAYS = 36_600


def iso_date(text: str) -> date:
    """A date written YYYY-MM-DD, in the years 1900–2100."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{value.isoformat()} is out of range (years {FIRST_YEAR}–{LAST_YEAR})")
    return value


def whole_number(text: str, *, minimum: int, maximum: int | None = None) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise argparse.ArgumentTypeError(f"must be at most {maximum:,}, not {value:,}")
    return value


def days(text: str) -> int:
    """A number of days from 0 to about a century (``--within``)."""
    return whole_number(text, minimum=0, maximum=MAX_DAYS)


def months(text: str) -> int:
    """A number of months from 1 to 240."""
    return whole_number(text, minimum=1, maximum=240)


def output_file(text: str) -> Path:
    """A file to write: not a folder, in an existing folder that may be written."""
    path = Path(text).expanduser()
    if not text.strip():
        raise argparse.ArgumentTypeError("the output file name is empty")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a folder; give a file name")
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists()
                                                      and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(f"{path} cannot be written (no permission)")
    return path


def output_folder(text: str) -> Path:
    """A folder to write into: new (in an existing, writable folder) or empty."""
    path = Path(text).expanduser()
    if not text.strip():
        raise argparse.ArgumentTypeError("the output folder name is empty")
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise argparse.ArgumentTypeError(f"{path} exists and is not an empty folder; give a "
                                         "new folder")
    parent = path.parent
    if not parent.is_dir():
        raise argparse.ArgumentTypeError(f"folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"{path} cannot be written (no permission)")
    return path


def input_file(text: str) -> Path:
    """A file to read: it exists, is a file and may be read."""
    path = Path(text).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{path} does not exist or is not a file")
    if not os.access(path, os.R_OK):
        raise argparse.ArgumentTypeError(f"{path} cannot be read (no permission)")
    return path


def positive(text: str) -> int:
    """A whole number of at least 1."""
    return whole_number(text, minimum=1)


def not_negative(text: str) -> int:
    """A whole number of at least 0."""
    return whole_number(text, minimum=0)


#: ``QMAS`` on any command's ``--scheme``: the scheme's two tests.
QMAS_TESTS = (Scheme.QMAS_GPT, Scheme.QMAS_ABPT)
_QMAS_WORDS = ("qmas", "quality migrant admission scheme", "quality migrant admission scheme "
               "(qmas)", "優秀人才入境計劃", "优秀人才入境计划", "優才", "优才")
_LANGS = ("en", "zh-hk", "zh-cn")


def _normal(text: str) -> str:
    """Typed words compared loosely: any case, full-width forms, ``-``/``_``/spaces alike."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(folded.split())


@lru_cache(maxsize=1)
def scheme_words() -> dict[str, tuple[Scheme, ...]]:
    """Every way a command takes a scheme: its id, and its names as screens and printed
    outputs show them (short and long, English and Chinese), normalised by ``_normal``."""
    words: dict[str, tuple[Scheme, ...]] = {_normal(w): QMAS_TESTS for w in _QMAS_WORDS}
    for item in Scheme:
        names = [item.value]
        for lang in _LANGS:
            for long in (False, True):
                name = label(item, lang, long=long)
                names.append(name)
                if name.endswith(")") and " (" in name:  # "General Employment Policy (GEP)"
                    names.append(name[:name.rindex(" (")])
        for name in names:
            words.setdefault(_normal(name), (item,))
    return words


def scheme(text: str) -> Scheme:
    """A scheme as typed (see ``schemes``); ``QMAS`` is its general points test."""
    return schemes(text)[0]


def schemes(text: str) -> list[Scheme]:
    """A scheme as typed, as the schemes it names: its id in any case (``gep``, ``TTPS``,
    ``qmas-gpt``), or its name as shown to users (``TechTAS``, ``New CIES``,
    ``General Employment Policy``, ``一般就業政策``); ``QMAS`` is both of its tests.

    Every command's scheme options take this one vocabulary.
    """
    found = scheme_words().get(_normal(text))
    if found is None:
        from hkcase.services.imports.values import CellError, parse_scheme

        try:  # the spreadsheet import's further spellings ("CIES", "dependent")
            found = (parse_scheme(text),)
        except CellError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a scheme (one of QMAS, {', '.join(s.value for s in Scheme)}, "
                "in any case, or its name as hkcase shows it, e.g. 'TechTAS')") from None
    return list(found)
