"""How records become search text, and typed text becomes a search query.

- Chinese names are indexed one character per token, so that 大文 finds 陳大文
  (full-text tokenizers keep a run of Chinese characters as one token, and most
  Chinese given names are one or two characters).
- Traditional and Simplified forms are folded to one (OpenCC's Hong Kong →
  Simplified conversion, character by character), in the index and in the
  query alike, so 陳 finds 陈 and 陈 finds 陳.
- Identity numbers and references are also indexed as *fragments* (letters and
  digits only, ``A1234563``), matched anywhere inside, not only from the start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

# CJK ideographs (unified, extensions A-G, compatibility) and the HKSCS ranges they hold.
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = re.compile(f"([{_CJK_CLASS}])")
_SPLIT = re.compile(r"[^\w]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
#: A fragment shorter than this is too common to look up anywhere inside a number.
MIN_FRAGMENT = 3


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _converter() -> _Converter:
    import opencc  # C++ OpenCC with its dictionaries; loads in ~20 ms

    converter: _Converter = opencc.OpenCC("hk2s.json")
    return converter


@lru_cache(maxsize=65_536)
def _fold_character(character: str) -> str:
    folded = _converter().convert(character)
    # One character in, one out: a phrase rule never applies to a lone character,
    # and a multi-character answer would break the one-token-per-character index.
    return folded if len(folded) == 1 else character


def fold_chinese(text: str) -> str:
    """``text`` with every Traditional (incl. Hong Kong) character in its Simplified form.

    Character by character, not by phrase, so that a name and any part of it fold
    the same way (a phrase-aware conversion could fold 乾 differently in 乾隆).
    """
    return _CJK.sub(lambda m: _fold_character(m.group(1)), text)


def _fold(text: str) -> str:
    if text.isascii():  # most names and every number: nothing to decompose or convert
        return text.lower()
    folded = unicodedata.normalize("NFKD", text)
    return fold_chinese("".join(c for c in folded if not unicodedata.combining(c)).casefold())


def tokens(text: str) -> list[str]:
    """The search tokens of ``text``: words, numbers, and single (folded) Chinese characters."""
    spaced = _CJK.sub(r" \1 ", _fold(text))
    return [t for t in _SPLIT.split(spaced) if t]


def search_document(parts: Iterable[str | None]) -> str:
    """The word text indexed for one entry: its parts' tokens joined by spaces."""
    return " ".join(t for part in parts if part for t in tokens(part))


def fragment(text: str) -> str:
    """An identity number or reference as matched anywhere: letters and digits only."""
    return _NOT_ALNUM.sub("", _fold(text))


def fragment_document(numbers: Iterable[str | None]) -> str:
    """The fragment text indexed for one entry: its numbers, each normalised, apart."""
    return " ".join(f for number in numbers if number and (f := fragment(number)))


def query_phrases(text: str) -> list[list[str]]:
    """What a user typed, as phrases of tokens; every phrase must match.

    Each whitespace-separated chunk is one phrase (its tokens consecutive, the
    last one a prefix), so "chan tai" finds CHAN Tai Man and "2026-0001"
    finds case 2026-000123.
    """
    return [found for chunk in text.split() if (found := tokens(chunk))]


@dataclass(frozen=True, slots=True)
class QueryPart:
    """One chunk of typed text: its word phrase, and its fragment if it looks like a number.

    A chunk matches an entry when its phrase matches the entry's words, or its
    fragment occurs anywhere in one of the entry's numbers.
    """

    phrase: tuple[str, ...]
    fragment: str | None = None


def query_parts(text: str) -> list[QueryPart]:
    """What a user typed, chunk by chunk; every part must match the same entry.

    A chunk with a digit and at least ``MIN_FRAGMENT`` letters and digits
    ("2345", "00012", "a123456(3)") is also looked for inside numbers.
    """
    parts = []
    for chunk in text.split():
        phrase = tokens(chunk)
        if not phrase:
            continue
        folded = fragment(chunk)
        is_number = len(folded) >= MIN_FRAGMENT and any(c.isdigit() for c in folded)
        parts.append(QueryPart(tuple(phrase), folded if is_number else None))
    return parts
