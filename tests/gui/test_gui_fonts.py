"""The window's font: the platform's Latin UI font, Chinese in the shipped Noto Sans CJK HK."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from hkcase.domain.resources import resource
from hkcase.gui.support.fonts import (
    UI_CJK_FAMILY,
    UI_CJK_FILE,
    install_ui_font,
    register_ui_cjk_font,
)

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
NAMES = "陳大文 鄺志峯 张伟 𨋢"


def _families_drawing(text: str, font: QFont) -> list[str]:
    """The families Qt actually draws ``text`` with in ``font`` (fallbacks included)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


@pytest.fixture
def app_font(qapp: QApplication) -> QFont:
    before = QFont(qapp.font())
    yield before
    qapp.setFont(before)


def test_the_font_and_its_licence_are_shipped() -> None:
    assert resource(UI_CJK_FILE).is_file()
    font = FONTS / Path(UI_CJK_FILE).name
    assert font.read_bytes()[:4] == b"OTTO"  # OpenType (CFF): fine on screen, not in PDFs
    assert font.stat().st_size < 15_000_000, "the subset grew: check packaging/subset_ui_font"
    licence = (FONTS / "OFL-NotoSansCJK.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    assert "NotoSansCJKhk-Regular-subset.otf" in (FONTS / "README.md").read_text(
        encoding="utf-8")


def test_chinese_is_drawn_in_noto_sans_and_latin_in_the_ui_font(app_font: QFont,
                                                                  qapp: QApplication) -> None:
    # Another Chinese font (the PDFs' serif Ming) is known to Qt too: it must not be used.
    assert QFontDatabase.addApplicationFont(str(FONTS / "uming.ttc")) >= 0
    families = install_ui_font(qapp)
    assert len(families) == 2 and families[1] == UI_CJK_FAMILY
    assert families[0] not in (UI_CJK_FAMILY, "Sans Serif")  # a real family, not an alias
    assert qapp.font().families() == families
    assert set(_families_drawing("陳大文", qapp.font())) == {UI_CJK_FAMILY}
    assert UI_CJK_FAMILY not in _families_drawing("Limit of stay", qapp.font())
    # Bold (headers, section titles) keeps the order.
    bold = QFont(qapp.font())
    bold.setBold(True)
    assert set(_families_drawing("張偉", bold)) == {UI_CJK_FAMILY}


def test_hong_kong_and_mainland_name_characters_have_glyphs() -> None:
    family = register_ui_cjk_font()
    assert family == UI_CJK_FAMILY
    from PySide6.QtGui import QRawFont

    raw = QRawFont(str(FONTS / Path(UI_CJK_FILE).name), 12)
    assert raw.isValid() and raw.familyName() == UI_CJK_FAMILY
    for ch in NAMES.replace(" ", "") + "䶮𠝹（）「」、。":
        assert raw.supportsCharacter(ord(ch)), f"{ch} (U+{ord(ch):04X}) is missing"
    assert QFontDatabase.WritingSystem.TraditionalChinese in \
        QFontDatabase.writingSystems(UI_CJK_FAMILY)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in \
        QFontDatabase.writingSystems(UI_CJK_FAMILY)


def test_a_label_shows_a_name_in_the_installed_font(app_font: QFont, qapp: QApplication,
                                                    qtbot: QtBot) -> None:
    install_ui_font(qapp)
    label = QLabel("2026-000001 · CHAN Tai Man　陳大文")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    assert label.font().families()[-1] == UI_CJK_FAMILY
    assert UI_CJK_FAMILY in _families_drawing(label.text(), label.font())


def test_registering_the_font_costs_little_at_start(app_font: QFont,
                                                    qapp: QApplication) -> None:
    # In a fresh process the first registration is what a start pays; here the font may
    # already be registered by an earlier test, so time Qt's own call on the file.
    path = str(FONTS / Path(UI_CJK_FILE).name)
    started = time.perf_counter()
    font_id = QFontDatabase.addApplicationFont(path)
    elapsed = time.perf_counter() - started
    assert font_id >= 0
    QFontDatabase.removeApplicationFont(font_id)
    assert elapsed < 0.5, f"registering the screen font took {elapsed * 1000:.0f} ms"


def test_every_character_the_window_shows_has_a_glyph(qapp: QApplication) -> None:
    """No box (and no emoji, which neither font has): every non-ASCII character in the GUI's
    code, forms, style sheet and translations is in Noto Sans CJK HK or the Latin UI font."""
    from PySide6.QtGui import QFontInfo, QFontMetrics, QRawFont

    raw = QRawFont(str(FONTS / Path(UI_CJK_FILE).name), 12)
    families = [f for f in qapp.font().families() if f != UI_CJK_FAMILY]
    latin = QFontMetrics(QFont(families[0] if families else QFontInfo(qapp.font()).family()))
    sources = [*(ROOT / "hkcase" / "gui").rglob("*.py"), *(ROOT / "ui").glob("*.ui"),
               *(ROOT / "ui").glob("*.qss"), *(ROOT / "resources" / "translations").glob("*.ts")]
    missing = {}
    for source in sources:
        for ch in set(source.read_text(encoding="utf-8")):
            if ord(ch) > 0x7F and not raw.supportsCharacter(ord(ch)) and \
                    not latin.inFontUcs4(ord(ch)):
                missing.setdefault(f"{ch} U+{ord(ch):04X}", source.relative_to(ROOT).as_posix())
    assert not missing, f"drawn as a box: {missing} (use an icon, gui/support/icons.py)"
