"""Versioned lists the rules refer to: the TTPS eligible universities and the Talent List."""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class ListEntry:
    name_en: str
    name_zh: str
    country: str
    effective_from: date | None  # None: the date it joined the list is not known
    effective_to: date | None
    notes: str

    def covers(self, on: date) -> bool | None:
        """Whether the entry was on the list on ``on``; None when that cannot be told."""
        if self.effective_to is not None and on > self.effective_to:
            return False
        if self.effective_from is None:
            return None
        return self.effective_from <= on


@lru_cache(maxsize=4096)
def normalise_name(text: str) -> str:
    """Fold case, accents, punctuation and a leading 'the' so names compare loosely."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"\([^)]*\)", " ", folded)  # "(UBA)", "(KIT)"
    folded = re.sub(r"[^\w]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


def _read_csv(name: str) -> list[dict[str, str]]:
    text = files("hkcase.resources").joinpath(f"eligibility/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@cache
def ttps_universities() -> tuple[ListEntry, ...]:
    """Every row of the TTPS aggregate list, with the dates each was on it."""
    return tuple(
        ListEntry(
            name_en=row["name_en"].strip(),
            name_zh=row["name_zh"].strip(),
            country=row["country"].strip(),
            effective_from=date.fromisoformat(row["effective_from"]),
            effective_to=date.fromisoformat(row["effective_to"]) if row["effective_to"] else None,
            notes=row["notes"],
        )
        for row in _read_csv("ttps_universities.csv")
    )


@cache
def ttps_aliases() -> dict[str, tuple[str, ...]]:
    """Recorded aliases by list name (``ttps_university_aliases.csv`` says where each is from)."""
    aliases: dict[str, list[str]] = {}
    for row in _read_csv("ttps_university_aliases.csv"):
        aliases.setdefault(row["name_en"].strip(), []).append(row["alias"].strip())
    return {name: tuple(found) for name, found in aliases.items()}


@cache
def _ttps_index() -> dict[str, tuple[ListEntry, ...]]:
    index: dict[str, list[ListEntry]] = {}
    aliases = ttps_aliases()
    for entry in ttps_universities():
        keys = {normalise_name(entry.name_en), normalise_name(entry.name_zh)}
        keys.update(normalise_name(a) for a in aliases.get(entry.name_en, ()))
        for key in keys:
            if key:
                index.setdefault(key, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


@dataclass(frozen=True, slots=True)
class ListMatch:
    """What a lookup found: the entry (if the name is known) and whether it covers the date."""

    entry: ListEntry | None
    on_list: bool | None


@lru_cache(maxsize=4096)
def find_ttps_university(name: str, on: date) -> ListMatch:
    """Look a university up by exact English or Chinese name (or recorded alias) on ``on``."""
    candidates = _ttps_index().get(normalise_name(name))
    if not candidates:
        return ListMatch(None, False)
    for entry in candidates:
        if entry.covers(on):
            return ListMatch(entry, True)
    return ListMatch(candidates[0], False)


#: Where the aggregate list is published (compiled by the Labour and Welfare Bureau,
#: linked from ImmD's TTPS page). hkcase's copy is a transcription of it.
TTPS_LIST_SOURCE = "https://www.immd.gov.hk/pdf/aggregate_list.pdf"
TTPS_LIST_COPY = ("hkcase's copy is a third-party transcription not yet checked against the "
                  "published PDF")


@dataclass(frozen=True, slots=True)
class UniversityMatch:
    """What looking a typed university name up in the TTPS aggregate list found.

    ``kind`` is ``exact`` (the name or a recorded alias, after folding case,
    punctuation and a leading "The"), ``candidate`` (a partial or close name: ask
    the consultant, then record ``bachelor_institution_on_ttps_list``) or ``none``.
    ``on_list`` says whether the entry was on the list in force on the date (None
    when its joining date is not known, or for a candidate).
    """

    kind: str
    name: str | None
    list_version: str
    source: str
    on_list: bool | None
    entry: ListEntry | None = None
    candidates: tuple[str, ...] = ()


@cache
def _list_versions() -> tuple[date, ...]:
    days = {e.effective_from for e in ttps_universities() if e.effective_from is not None}
    days |= {e.effective_to + timedelta(days=1) for e in ttps_universities()
             if e.effective_to is not None}
    return tuple(sorted(days))


def ttps_list_version(on: date) -> str:
    """The version of the aggregate list in force on ``on``, named by its first day."""
    versions = [d for d in _list_versions() if d <= on]
    return f"aggregate list of {versions[-1].isoformat()}" if versions else "no list yet"


@cache
def _fold_names() -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, entries[0].name_en) for key, entries in _ttps_index().items()))


def _close_names(key: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    words = set(key.split())
    for folded, name in _fold_names():
        partial = len(key) >= 4 and (key in folded or (len(folded) >= 4 and folded in key))
        if partial or (len(words) >= 2 and words <= set(folded.split())):
            found[name] = None
    if not found:
        names = [folded for folded, _ in _fold_names()]
        index = dict(_fold_names())
        for close in difflib.get_close_matches(key, names, n=3, cutoff=0.85):
            found[index[close]] = None
    return tuple(found)[:5]


@lru_cache(maxsize=4096)
def lookup_university(name: str, on: date) -> UniversityMatch:
    """Match a typed university name against the TTPS aggregate list in force on ``on``."""
    version = ttps_list_version(on)
    key = normalise_name(name)
    if not key:
        return UniversityMatch("none", None, version, TTPS_LIST_SOURCE, None)
    exact = find_ttps_university(name, on)
    if exact.entry is not None:
        entry = exact.entry
        on_list = True if exact.on_list else entry.covers(on)
        return UniversityMatch("exact", entry.name_en, version, TTPS_LIST_SOURCE, on_list,
                               entry)
    close = _close_names(key)
    if close:
        return UniversityMatch("candidate", close[0], version, TTPS_LIST_SOURCE, None,
                               candidates=close)
    return UniversityMatch("none", None, version, TTPS_LIST_SOURCE, None)


@cache
def talent_list() -> tuple[ListEntry, ...]:
    """The Talent List professions known to hkcase (a partial list; see its notes)."""
    return tuple(
        ListEntry(
            name_en=row["profession_en"].strip(),
            name_zh=row["profession_zh"].strip(),
            country="HK",
            effective_from=(date.fromisoformat(row["effective_from"])
                            if row["effective_from"] else None),
            effective_to=None,
            notes=row["notes"],
        )
        for row in _read_csv("talent_list.csv")
    )


def find_talent_list_profession(name: str, on: date) -> ListMatch:
    """Look a profession up by English or Chinese title in the Talent List on ``on``."""
    key = normalise_name(name)
    for entry in talent_list():
        if key in (normalise_name(entry.name_en), normalise_name(entry.name_zh)):
            return ListMatch(entry, entry.covers(on))
    return ListMatch(None, False)
