"""How records become search text, and typed text becomes a search query.

Chinese names are indexed one character per token, so that 大文 finds 陳大文
(full-text tokenizers keep a run of Chinese characters as one token, and most
Chinese given names are one or two characters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# CJK ideographs (unified, extensions A-G, compatibility) and the HKSCS ranges they hold.
_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])")
_SPLIT = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    """The search tokens of ``text``: words, numbers, and single Chinese characters."""
    spaced = _CJK.sub(r" \1 ", _fold(text))
    return [t for t in _SPLIT.split(spaced) if t]


def search_document(parts: Iterable[str | None]) -> str:
    """The text indexed for one case: its parts' tokens joined by spaces."""
    return " ".join(t for part in parts if part for t in tokens(part))


def query_phrases(text: str) -> list[list[str]]:
    """What a user typed, as phrases of tokens; every phrase must match.

    Each whitespace-separated chunk is one phrase (its tokens consecutive, the
    last one a prefix), so "chan tai" finds CHAN Tai Man and "2026-0001"
    finds case 2026-000123.
    """
    return [found for chunk in text.split() if (found := tokens(chunk))]
