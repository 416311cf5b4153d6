"""Fonts for printed outputs: embedded and subsetted, with a check that every character exists.

Latin text uses Bitstream Vera Sans (shipped inside reportlab); Chinese and
anything Vera lacks uses AR PL UMing HK (``resources/fonts/uming.ttc``,
subfont 1: Traditional, Simplified and all but three symbols of Big5-HKSCS).
Both are TrueType-outline fonts, so reportlab embeds a subset of each and the
PDF needs no font on the reader's machine.

A character neither font has would print as nothing. Every string goes through
``GlyphLog.clean``, which prints it as ``□`` instead and records a warning that
the render functions return.

reportlab is imported lazily: only when something is rendered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from hkcase.domain.resources import resource_path

LATIN = "HkcaseSans"
LATIN_BOLD = "HkcaseSans-Bold"
CJK = "HkcaseMing"
CJK_FILE = "fonts/uming.ttc"
CJK_SUBFONT = 1  # AR PL UMing HK
MISSING_MARK = "\u25a1"  # □, which UMing has


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and the characters each one has."""

    latin: frozenset[int]
    latin_bold: frozenset[int]
    cjk: frozenset[int]


def _fix_non_bmp_tounicode(ttfonts: Any) -> None:
    """Make reportlab's ToUnicode maps right for characters beyond U+FFFF.

    reportlab 5.1 writes such a character as five hex digits (``<282E2>``)
    instead of a UTF-16 surrogate pair, so text extraction and search garble
    HKSCS name characters like 𨋢. Patched only where the bug is present.
    """
    original = ttfonts.makeToUnicodeCMap
    if "<282E2>" not in original("probe", [0x282E2]):
        return

    def utf16(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, [0] * len(subset))
        lines = [f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)]
        head, _, rest = text.partition("beginbfchar\n")
        _, _, tail = rest.partition("endbfchar")
        return head + "beginbfchar\n" + "\n".join(lines) + "\nendbfchar" + tail

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@cache
def fonts() -> FontSet:
    """Register the fonts with reportlab (once) and return their character maps."""
    import reportlab
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics, ttfonts

    # Binary streams: no ASCII85 expansion of images (JPEG pages copy straight through).
    rl_config.useA85 = 0
    _fix_non_bmp_tounicode(ttfonts)
    vera = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    latin = ttfonts.TTFont(LATIN, os.path.join(vera, "Vera.ttf"))
    bold = ttfonts.TTFont(LATIN_BOLD, os.path.join(vera, "VeraBd.ttf"))
    cjk = ttfonts.TTFont(CJK, str(resource_path(CJK_FILE)), subfontIndex=CJK_SUBFONT)
    for font in (latin, bold, cjk):
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN,
                                  boldItalic=LATIN_BOLD)
    return FontSet(frozenset(latin.face.charToGlyph), frozenset(bold.face.charToGlyph),
                   frozenset(cjk.face.charToGlyph))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def runs(text: str, *, bold: bool = False) -> Iterator[tuple[str, str]]:
    """Split ``text`` into ``(font name, chunk)`` runs: Latin font where it has the glyph."""
    have = fonts()
    latin_cmap = have.latin_bold if bold else have.latin
    latin = LATIN_BOLD if bold else LATIN
    current: str | None = None
    chunk: list[str] = []
    for ch in text:
        font = latin if ord(ch) in latin_cmap else CJK
        if font != current and chunk:
            yield current or latin, "".join(chunk)
            chunk = []
        current = font
        chunk.append(ch)
    if chunk:
        yield current or latin, "".join(chunk)


class GlyphLog:
    """Characters the fonts lack, with where each was met, reported as warnings."""

    def __init__(self) -> None:
        self._missing: dict[str, set[str]] = {}

    def clean(self, text: str, where: str) -> str:
        """``text`` fit to print: control characters dropped, missing characters as □."""
        have = fonts()
        text = _CONTROL.sub("", text)
        out = []
        for ch in text:
            code = ord(ch)
            if ch == "\n" or code in have.latin or code in have.cjk:
                out.append(ch)
            else:
                self._missing.setdefault(ch, set()).add(where)
                out.append(MISSING_MARK)
        return "".join(out)

    @property
    def missing(self) -> list[str]:
        """The characters no font had, in the order met."""
        return list(self._missing)

    def warnings(self) -> list[str]:
        """One line per missing character: what it is and where it was printed as □."""
        lines = []
        for ch, places in self._missing.items():
            where = ", ".join(sorted(places))
            lines.append(f"the font has no '{ch}' (U+{ord(ch):04X}); printed as "
                         f"{MISSING_MARK} in: {where}")
        return lines


def markup(text: str, log: GlyphLog, where: str, *, bold: bool = False) -> str:
    """Paragraph markup for ``text``: escaped, each run in the font that has its glyphs."""
    clean = log.clean(text, where)
    parts = []
    for font, chunk in runs(clean, bold=bold):
        body = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font face="{font}">{body}</font>')
    return "".join(parts)


def string_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` drawn with the mixed fonts at ``size``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(chunk, font, size) for font, chunk in runs(text, bold=bold)))


def draw_string(canvas: Any, x: float, y: float, text: str, size: float, log: GlyphLog,
                where: str, *, bold: bool = False, align: str = "left") -> float:
    """Draw one line of mixed text on a reportlab canvas; returns its width."""
    clean = log.clean(text, where).replace("\n", " ")
    width = string_width(clean, size, bold=bold)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    text_object = canvas.beginText(x, y)
    for font, chunk in runs(clean, bold=bold):
        text_object.setFont(font, size)
        text_object.textOut(chunk)
    canvas.drawText(text_object)
    return width
