"""Names of the upload set's folders and files: ``NN-item-slug/NN-item-slug-partK.pdf``."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 40


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text`` (accents dropped, other characters as hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    cut = words[:SLUG_MAX].rstrip("-")
    return cut or "item"


def item_folder(number: int, name: str) -> str:
    """The folder of checklist item ``number``: ``03-degree-verification``."""
    return f"{number:02d}-{slug(name)}"


def part_name(number: int, name: str, part: int, extension: str) -> str:
    """One upload file: ``03-degree-verification-part1.pdf``."""
    return f"{item_folder(number, name)}-part{part}.{extension.lstrip('.')}"
