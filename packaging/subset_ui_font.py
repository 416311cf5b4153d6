"""Make resources/fonts/NotoSansCJKhk-Regular-subset.otf, the screen's sans-serif Chinese font.

The source is the Regular face "Noto Sans CJK HK" (face 4) of Noto Sans CJK 2.004's
``NotoSansCJK-Regular.ttc`` (Debian 12's ``fonts-noto-cjk`` 1:20220127+repack1-1, SIL OFL 1.1).
The subset keeps every character of Big5-HKSCS (Hong Kong names) and GBK (Mainland names),
every character the PDFs' font (``uming.ttc``, AR PL UMing HK) has, Latin, punctuation, kana,
full-width forms and the symbols a window shows; it drops the other
regions' glyph variants (``locl``) and vertical forms, which the window never uses. The OFL
allows a subset (a Modified Version) under the same licence; its only Reserved Font Name is
"Source", so the family name stays "Noto Sans CJK HK".

Run with fontTools (a build tool only, not a dependency of hkcase):

    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    /tmp/ft/bin/python packaging/subset_ui_font.py \
        /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-not-found]
from fontTools.ttLib import TTCollection  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
TARGET = "NotoSansCJKhk-Regular-subset.otf"
FACE = "Noto Sans CJK HK"
RANGES = (
    (0x0020, 0x024F),  # Latin, Latin-1, Latin Extended-A/B (romanised names)
    (0x02B0, 0x02FF), (0x0300, 0x036F),  # modifier letters, combining accents
    (0x0370, 0x03FF), (0x0400, 0x04FF),  # Greek, Cyrillic
    (0x2000, 0x206F), (0x20A0, 0x20CF),  # punctuation, currency
    (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),  # letterlike, numbers, arrows
    (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x25FF),  # maths, enclosed, boxes, shapes
    (0x2600, 0x26FF), (0x2700, 0x27BF),  # symbols, dingbats (where the font has them)
    (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F),  # CJK punctuation, kana, bopomofo
    (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),  # enclosed CJK, compat, full-width
)


def characters() -> set[int]:
    """Every code point of Big5-HKSCS and GBK, and the ranges above."""
    points = {cp for low, high in RANGES for cp in range(low, high + 1)}
    for codec, lead, trail in (("big5hkscs", range(0x81, 0xFF), range(0x40, 0xFF)),
                               ("gbk", range(0x81, 0xFF), range(0x40, 0xFF))):
        for first in lead:
            for second in trail:
                try:
                    text = bytes((first, second)).decode(codec)
                except UnicodeDecodeError:
                    continue
                points.update(ord(ch) for ch in text)
    # Big5-HKSCS's four two-character sequences (Ê̄ …) decode to pairs; all are kept above.
    # And whatever the PDFs' Chinese font prints (HKSCS-2008 additions such as 䶮 U+4DAE,
    # which Python's HKSCS-2004 codec lacks): the screen shows what the pack can print.
    printing = TTCollection(str(OUT / "uming.ttc")).fonts[1].getBestCmap()
    return points | set(printing)


def main(source: str) -> int:
    collection = TTCollection(source)
    face = next(f for f in collection.fonts if f["name"].getDebugName(1) == FACE)
    options = subset.Options()
    options.layout_features = ["*"]
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    options.layout_features_drop = ["locl", "vert", "vrt2", "vkna", "vpal", "valt", "vhal", "vkrn"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(face)
    OUT.mkdir(parents=True, exist_ok=True)
    face.save(str(OUT / TARGET))
    cmap = face.getBestCmap()
    print(f"{OUT / TARGET}: {len(cmap)} characters, "
          f"{(OUT / TARGET).stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
