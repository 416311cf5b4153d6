"""Fonts: shipped, redistributable, embedded; every character checked; extraction right."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from pypdf import PdfReader

from hkcase.printing import fonts as pdf_fonts
from tests.pdf_support import CN_NAME, HK_NAME, pdffonts, pdftotext

RARE = "𨋢"  # an HKSCS character beyond U+FFFF, used in Hong Kong names


def _draw(path: Path, line: str) -> pdf_fonts.GlyphLog:
    from reportlab.pdfgen.canvas import Canvas

    pdf_fonts.fonts()
    log = pdf_fonts.GlyphLog()
    canvas = Canvas(str(path), initialFontName=pdf_fonts.LATIN)
    pdf_fonts.draw_string(canvas, 50, 700, line, 12, log, "test line")
    canvas.showPage()
    canvas.save()
    return log


def test_the_cjk_font_and_its_licence_ship_in_the_package() -> None:
    folder = files("hkcase.resources").joinpath("fonts")
    assert folder.joinpath("uming.ttc").read_bytes()[:4] == b"ttcf"
    licence = folder.joinpath("ARPHICPL.TXT").read_text("utf-8")
    assert "ARPHIC PUBLIC LICENSE" in licence and "copy and distribute" in licence
    readme = folder.joinpath("README.md").read_text("utf-8")
    assert "AR PL UMing HK" in readme and "subfont 1" in readme


def test_the_font_covers_hong_kong_and_simplified_names() -> None:
    have = pdf_fonts.fonts()
    for ch in HK_NAME + CN_NAME + RARE + "䶮𠝹陳大文":
        assert ord(ch) in have.cjk, ch


def test_mixed_text_is_split_into_font_runs() -> None:
    runs = list(pdf_fonts.runs(f"Mr Kwong {HK_NAME} (ID 990A)"))
    assert runs == [(pdf_fonts.LATIN, "Mr Kwong "), (pdf_fonts.CJK, HK_NAME),
                    (pdf_fonts.LATIN, " (ID 990A)")]
    assert [font for font, _ in pdf_fonts.runs("A", bold=True)] == [pdf_fonts.LATIN_BOLD]


def test_missing_characters_are_boxed_and_reported(tmp_path: Path) -> None:
    log = _draw(tmp_path / "x.pdf", "Chan 😀 and 𪚥")
    assert log.missing == ["😀", "𪚥"]
    (first, second) = log.warnings()
    assert "U+1F600" in first and "test line" in first and "□" in first
    assert "U+2A6A5" in second
    assert "Chan □ and □" in pdftotext(tmp_path / "x.pdf")


def test_markup_escapes_and_keeps_line_breaks() -> None:
    log = pdf_fonts.GlyphLog()
    text = pdf_fonts.markup("A & B <c>\n陳", log, "x")
    assert "&amp;" in text and "&lt;c&gt;" in text and "<br/>" in text
    assert log.missing == []


def test_text_comes_back_out_exactly_even_beyond_the_bmp(tmp_path: Path) -> None:
    line = f"{HK_NAME} {CN_NAME} {RARE}"
    _draw(tmp_path / "names.pdf", line)
    assert line in pdftotext(tmp_path / "names.pdf")
    assert line in PdfReader(tmp_path / "names.pdf").pages[0].extract_text()
    fonts = pdffonts(tmp_path / "names.pdf")
    assert {f["emb"] for f in fonts} == {"yes"}
    assert any("UMingHK" in f["name"] for f in fonts)


def test_rendering_libraries_are_not_loaded_by_the_cli_or_services() -> None:
    code = ("import json, sys\n"
            "import hkcase.cli.main, hkcase.services.outputs.render, hkcase.services.documents\n"
            "import hkcase.services.checklists, hkcase.domain.checklists\n"
            "print(json.dumps([m for m in sys.modules if m.split('.')[0] in "
            "('reportlab', 'pypdf', 'PIL')]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)
    assert json.loads(result.stdout) == []


def test_pdf_output_has_no_unembedded_base_font(tmp_path: Path) -> None:
    # reportlab starts every page with Helvetica unless told otherwise; ours never do.
    _draw(tmp_path / "y.pdf", "plain text")
    reader = PdfReader(io.BytesIO((tmp_path / "y.pdf").read_bytes()))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert not any("Helvetica" in name for name in names)
