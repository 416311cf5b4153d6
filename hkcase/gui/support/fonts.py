"""The window's font: the system's own Latin UI font, then a shipped sans-serif Chinese font.

hkcase ships **Noto Sans CJK HK** (Regular; a subset, ``resources/fonts``, SIL OFL 1.1) for
the screen: the Latin text keeps the platform's UI font (Segoe UI, San Francisco, the
desktop's sans), and every character it lacks — Chinese names, full-width punctuation — is
drawn in Noto Sans CJK HK instead of whatever serif Ming font the machine may fall back to,
or boxes on a machine without Chinese fonts. ``QFont.setFamilies`` makes that order hold for
every widget that takes the application font (style sheets and bold or italic variants keep
it). The PDFs keep their own embeddable TrueType font (``hkcase.printing.fonts``).

Registering the font reads its tables, not its glyphs (Qt maps the file; outlines load when
first drawn): 12–40 ms on a busy 2-core machine (``gui/launch.py`` calls
``install_ui_font`` before building the main window, so no widget is laid out twice).
``tests/gui/test_gui_fonts.py`` keeps it under 0.5 s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from hkcase.domain.resources import resource

#: The shipped screen font (``packaging/subset_ui_font.py`` makes it) and its family name.
UI_CJK_FILE = "fonts/NotoSansCJKhk-Regular-subset.otf"
UI_CJK_FAMILY = "Noto Sans CJK HK"

_registered: list[str] = []


def register_ui_cjk_font() -> str | None:
    """Register the shipped Chinese screen font once; its family name, or None if absent."""
    if _registered:
        return _registered[0]
    entry = resource(UI_CJK_FILE)
    if not entry.is_file():
        return None
    # From the file where there is one (Qt maps it); only a zipped install reads it whole.
    font_id = (QFontDatabase.addApplicationFont(str(entry)) if isinstance(entry, Path)
               else QFontDatabase.addApplicationFontFromData(entry.read_bytes()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    _registered.append(families[0])
    return families[0]


def ui_families(latin: str) -> list[str]:
    """The families of the application font: ``latin`` first, the Chinese font second."""
    chinese = register_ui_cjk_font()
    return [latin] + ([chinese] if chinese and chinese != latin else [])


def _latin_of(font: QFont) -> str:
    """The Latin family of a font already set up by ``install_ui_font`` (a second start)."""
    families = [f for f in font.families() if f != UI_CJK_FAMILY]
    return families[0] if families else QFontInfo(font).family()


def install_ui_font(app: QGuiApplication) -> list[str]:
    """Make the application font the platform's UI font with Noto Sans CJK HK behind it.

    Returns the families set (the Latin one first). Safe to call again (e.g. a second
    start after a restore): the font is registered once.
    """
    font = QFont(app.font())
    # The family the platform's font actually resolves to ("Sans Serif" is only an alias,
    # which Qt would skip for the next family in the list), before the Chinese font is
    # known to Qt (fontconfig may list it among its sans-serif fonts).
    latin = QFontInfo(font).family() if not _registered else _latin_of(font)
    families = ui_families(latin)
    font.setFamilies(families)
    app.setFont(font)
    return families
