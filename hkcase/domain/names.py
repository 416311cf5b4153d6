"""Sorting Chinese names: the stated rule, and its key as one string (for Python and for SQL).

**The rule (pinyin).** Chinese names sort by the Mandarin pinyin of each character in turn
(syllable, then tone 1-5 with 5 for the neutral tone); names that read the same are then
ordered by their characters' code points, so that 陳大文 and 陈大文 stay side by side. A
character takes its most common reading from ``pypinyin``'s dictionary (read one character at
a time: names are not phrases);
the family name (the first character, or a two-character compound surname) takes its reading
*as a surname* where that differs (曾 zēng, 單 shàn, 區 ōu, 解 xiè …: ``resources/labels/
surnames.toml``, marked for review). Characters with no pinyin (non-Chinese letters, rare
HKSCS characters the dictionary lacks) sort after every Chinese character, by code point.
Traditional and Simplified forms of a name sort together.

Why pinyin: it is the common default, it is one rule for Traditional and Simplified names,
and ``pypinyin`` (pure Python, offline, MIT) is the library made for it. Jyutping
(``pycantonese``) would suit Cantonese-reading offices but brings a corpus toolkit for one
lookup; stroke order has no well-kept small library (Qt's ``QCollator`` zh_HK does it, but
only in the GUI, and a list sorted in SQL needs a stored key). See docs/documents-and-pdfs.md.

``chinese_sort_key`` returns a plain ASCII string of ``[0-9a-z]`` only, so SQLite's binary
collation and PostgreSQL's (any locale: digits before letters, no case or punctuation to
weigh) order it the same way; it can be stored in a column and indexed.
"""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache
from typing import Any

from hkcase.domain.resources import resource

#: The rule ``chinese_sort_key`` applies, as the documentation names it.
SORT_RULE = "pinyin"
#: The key: each character's reading (syllable padded to 6 with "0", tone digit), "0", then
#: each character's code point in 6 hex digits (the tie-break between names read alike).
_WIDTH = 6
_NO_READING = "z" * _WIDTH + "9"
#: Characters of a name the key covers, and the longest key (a stored column's width).
KEY_CHARS = 12
KEY_MAX = KEY_CHARS * (_WIDTH + 1 + 6) + 1


@cache
def _pypinyin() -> Any:
    """pypinyin, imported on first use (its dictionaries take ~0.5 s to load)."""
    import pypinyin

    return pypinyin


@cache
def surname_readings() -> dict[str, tuple[str, ...]]:
    """Family names read differently as surnames → their syllables (TONE3)."""
    data = tomllib.loads(resource("labels/surnames.toml").read_text("utf-8"))
    return {name: tuple(syllables) for name, syllables in data["readings"].items()}


def _is_han(char: str) -> bool:
    code = ord(char)
    return (0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF)


@lru_cache(maxsize=65536)
def reading(char: str) -> str | None:
    """The most common pinyin of one character (``chen2``), or None when it has none."""
    if not _is_han(char):
        return None
    p = _pypinyin()
    found = p.lazy_pinyin(char, style=p.Style.TONE3, neutral_tone_with_five=True,
                          errors=lambda _text: [""])
    syllable = found[0] if found else ""
    return syllable if syllable and syllable[-1].isdigit() and syllable[:-1].isalpha() else None


def _part(syllable: str | None) -> str:
    if syllable is None:
        return _NO_READING
    return syllable[:-1].ljust(_WIDTH, "0")[:_WIDTH] + syllable[-1]


@lru_cache(maxsize=65536)
def _char_part(char: str) -> str:
    return _part(reading(char))


def readings(name: str) -> list[str | None]:
    """Each character's reading under the rule (the family name read as a surname)."""
    out: list[str | None] = [reading(c) for c in name]
    surname = _surname(name)
    if surname:
        out[:len(surname)] = list(surname_readings()[surname])
    return out


def _surname(name: str) -> str | None:
    """The family name at the start of ``name`` if the surname table reads it differently."""
    table = surname_readings()
    for length in (2, 1):
        if len(name) >= length and name[:length] in table:
            return name[:length]
    return None


def chinese_sort_key(name: str | None) -> str | None:
    """The key a list sorted by Chinese name orders by (None for no Chinese name).

    Spaces and the middle dot some names carry are not part of the order.
    """
    if name is None:
        return None
    cleaned = "".join(c for c in name.strip() if not c.isspace() and c not in "·・‧")
    if not cleaned:
        return None
    cleaned = cleaned[:KEY_CHARS]
    parts = [_char_part(c) for c in cleaned]
    surname = _surname(cleaned)
    if surname:
        parts[:len(surname)] = [_part(s) for s in surname_readings()[surname]]
    return "".join(parts) + "0" + "".join(f"{ord(c):06x}" for c in cleaned)


def sorted_by_chinese_name(names: list[str]) -> list[str]:
    """``names`` in the rule's order (names without Chinese characters last)."""
    return sorted(names, key=lambda n: chinese_sort_key(n) or "~")


#: Between an English and a Chinese name: an ideographic space on screen (it reads as one
#: character's width beside Chinese), a plain space in print and plain text.
SCREEN_GAP = "\u3000"
TEXT_GAP = " "


def full_name(english: str, chinese: str | None, gap: str = TEXT_GAP) -> str:
    """A client's name as hkcase shows it everywhere: English, then Chinese if any."""
    return f"{english}{gap}{chinese}" if chinese else english
