"""Versioned lists the rules refer to: the TTPS eligible universities and the Talent List."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
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
    return list(csv.DictReader(io.StringIO(text)))


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
def _ttps_index() -> dict[str, tuple[ListEntry, ...]]:
    index: dict[str, list[ListEntry]] = {}
    for entry in ttps_universities():
        for key in {normalise_name(entry.name_en), entry.name_zh}:
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
    """Look a university up by English or Chinese name in the list in force on ``on``."""
    candidates = _ttps_index().get(normalise_name(name)) or _ttps_index().get(name.strip())
    if not candidates:
        return ListMatch(None, False)
    for entry in candidates:
        if entry.covers(on):
            return ListMatch(entry, True)
    return ListMatch(candidates[0], False)


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
