"""Page layout shared by every printed output: A4, styles, header, footer, "page X of Y".

Everything here imports reportlab, so only the render functions import this
module, and only when they run.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from hkcase.domain.checklists import Lang
from hkcase.printing import fonts as pdf_fonts
from hkcase.printing.fonts import GlyphLog
from hkcase.printing.text import page_of

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_PADDING = 6  # reportlab's default frame padding
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X - 2 * FRAME_PADDING
GREY = colors.Color(0.38, 0.38, 0.38)
RULE = colors.Color(0.75, 0.75, 0.75)
SHADE = colors.Color(0.94, 0.94, 0.94)
ACCENT = colors.Color(0.11, 0.27, 0.45)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_head: ParagraphStyle
    centre: ParagraphStyle
    bullet: ParagraphStyle
    small_bullet: ParagraphStyle


def styles() -> Styles:
    """The paragraph styles (fonts registered first)."""
    pdf_fonts.fonts()
    # CJK wrapping breaks between Chinese characters and still keeps Latin words whole.
    base = ParagraphStyle("base", fontName=pdf_fonts.LATIN, fontSize=10, leading=14,
                          wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("title", base, fontSize=20, leading=26, spaceAfter=4,
                             textColor=ACCENT),
        subtitle=ParagraphStyle("subtitle", base, fontSize=12.5, leading=17, spaceAfter=8),
        h1=ParagraphStyle("h1", base, fontSize=14, leading=19, spaceBefore=4, spaceAfter=6,
                          textColor=ACCENT),
        h2=ParagraphStyle("h2", base, fontSize=11.5, leading=16, spaceBefore=8, spaceAfter=4),
        body=ParagraphStyle("body", base, spaceAfter=6),
        small=ParagraphStyle("small", base, fontSize=8.5, leading=12, textColor=GREY),
        cell=ParagraphStyle("cell", base, fontSize=9.5, leading=13),
        cell_small=ParagraphStyle("cell_small", base, fontSize=8, leading=11, textColor=GREY),
        cell_head=ParagraphStyle("cell_head", base, fontSize=9, leading=12,
                                 textColor=colors.white),
        centre=ParagraphStyle("centre", base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        bullet=ParagraphStyle("bullet", base, spaceAfter=4, leftIndent=12, bulletIndent=2,
                              bulletFontName=pdf_fonts.LATIN),
        small_bullet=ParagraphStyle("small_bullet", base, fontSize=8.5, leading=12,
                                    textColor=GREY, leftIndent=10, bulletIndent=1,
                                    bulletFontName=pdf_fonts.LATIN, bulletFontSize=8.5),
    )


def _needs_cjk_wrap(text: str) -> bool:
    """CJK wrapping (slower) only for text with characters the Latin font lacks."""
    latin = pdf_fonts.fonts().latin
    return any(ord(ch) not in latin for ch in text)


class Text:
    """Builds paragraphs from plain text, checking every character against the fonts."""

    def __init__(self, log: GlyphLog) -> None:
        self.log = log
        self.styles = styles()
        self._latin_styles: dict[str, ParagraphStyle] = {}

    def style_for(self, text: str, style: ParagraphStyle) -> ParagraphStyle:
        """``style``, with plain word wrapping when ``text`` is all Latin."""
        if _needs_cjk_wrap(text):
            return style
        plain = self._latin_styles.get(style.name)
        if plain is None:
            plain = self._latin_styles[style.name] = ParagraphStyle(
                f"{style.name}-latin", style, wordWrap=None)
        return plain

    def __call__(self, text: str, style: ParagraphStyle | None = None, *, where: str,
                 bold: bool = False) -> Paragraph:
        style = style or self.styles.body
        return Paragraph(pdf_fonts.markup(text, self.log, where, bold=bold),
                         self.style_for(text, style))

    def bullet(self, text: str, *, where: str, small: bool = False) -> Paragraph:
        """A list item with a hanging indent."""
        style = self.styles.small_bullet if small else self.styles.bullet
        return Paragraph(pdf_fonts.markup(text, self.log, where), self.style_for(text, style),
                         bulletText="•")

    def stack(self, parts: Sequence[tuple[str, ParagraphStyle, bool]], *, where: str
              ) -> list[Paragraph]:
        """Paragraphs to stack in a table cell; each wraps the cheapest way its text allows."""
        return [self(text, style, where=where, bold=bold) for text, style, bold in parts if text]

    def lines(self, parts: Sequence[tuple[str, ParagraphStyle, bool]], *, where: str
              ) -> Paragraph:
        """One paragraph of several differently styled lines (size and colour per line)."""
        chunks = []
        for text, style, bold in parts:
            if not text:
                continue
            inner = pdf_fonts.markup(text, self.log, where, bold=bold)
            colour = style.textColor.hexval()[2:] if style.textColor else "000000"
            chunks.append(f'<font size="{style.fontSize}" color="#{colour}">{inner}</font>')
        first = parts[0][1]
        return Paragraph("<br/>".join(chunks),
                         self.style_for("".join(p[0] for p in parts), first))


class TickBox(Flowable):
    """An empty square to tick by hand, or a ticked one."""

    def __init__(self, size: float = 9.0, ticked: bool = False) -> None:
        super().__init__()
        self.size = size
        self.ticked = ticked
        self.width = self.height = size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.size, self.size)
        if self.ticked:
            canvas.setLineWidth(1.4)
            s = self.size
            path = canvas.beginPath()
            path.moveTo(0.18 * s, 0.5 * s)
            path.lineTo(0.42 * s, 0.22 * s)
            path.lineTo(0.86 * s, 0.86 * s)
            canvas.drawPath(path, stroke=1, fill=0)


class Mark(Flowable):
    """Records the (0-based) page it lands on under ``key``, for bookmarks."""

    def __init__(self, marks: dict[str, int], key: str) -> None:
        super().__init__()
        self.marks = marks
        self.key = key
        self.width = self.height = 0

    def draw(self) -> None:
        self.marks[self.key] = self.canv.getPageNumber() - 1


@dataclass
class Decor:
    """What every page shows besides the content: header, footer, page numbers."""

    header_left: str
    header_right: str
    footer_left: str
    langs: tuple[Lang, ...] = (Lang.EN,)
    page_offset: int = 0  # pages before this part in the final PDF
    pages_after: int = 0  # pages after this part (merged attachments)
    pages_seen: list[int] = field(default_factory=list)  # filled in: pages of this part


def page_numbers(page: int, total: int, langs: Sequence[Lang]) -> str:
    """``Page 3 of 40 · 第 3 頁，共 40 頁`` in each language given."""
    return " · ".join(page_of(page, total, lang) for lang in langs)


def draw_decor(canvas: Canvas, decor: Decor, log: GlyphLog, page: int, total: int,
               width: float = PAGE_WIDTH) -> None:
    """Header and footer of one generated page."""
    canvas.saveState()
    canvas.setFillColor(GREY)
    canvas.setStrokeColor(RULE)
    top = PAGE_HEIGHT - 13 * mm
    left, right = MARGIN_X + FRAME_PADDING, width - MARGIN_X - FRAME_PADDING
    pdf_fonts.draw_string(canvas, left, top, decor.header_left, 8, log, "page header")
    pdf_fonts.draw_string(canvas, right, top, decor.header_right, 8, log, "page header",
                          align="right")
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 3, right, top - 3)
    bottom = 11 * mm
    canvas.line(left, bottom + 9, right, bottom + 9)
    pdf_fonts.draw_string(canvas, left, bottom, decor.footer_left, 7.5, log, "page footer")
    pdf_fonts.draw_string(canvas, right, bottom,
                          page_numbers(page, total, decor.langs), 8, log, "page footer",
                          align="right")
    canvas.restoreState()


def _numbered_canvas(decor: Decor, log: GlyphLog) -> type[Canvas]:
    """A canvas that holds its pages until the end, then numbers them "X of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

        def save(self) -> None:
            count = len(self._held)
            total = decor.page_offset + count + decor.pages_after
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                draw_decor(self, decor, log, decor.page_offset + number, total)
                Canvas.showPage(self)
            decor.pages_seen.append(count)
            Canvas.save(self)

    return NumberedCanvas


@dataclass
class Built:
    """A generated PDF part."""

    data: bytes
    pages: int
    marks: dict[str, int]


def build(story: list[Flowable], decor: Decor, log: GlyphLog, *, title: str,
          subject: str = "", on_first_page: Callable[[Canvas, Any], None] | None = None
          ) -> Built:
    """Lay out ``story`` on A4 pages with the header, footer and page numbers."""
    pdf_fonts.fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author="hkcase", subject=subject,
        creator="hkcase", initialFontName=pdf_fonts.LATIN)
    decor.pages_seen.clear()
    noop: Callable[[Canvas, Any], None] = lambda canvas, doc: None  # noqa: E731
    doc.build(story, onFirstPage=on_first_page or noop, onLaterPages=noop,
              canvasmaker=_numbered_canvas(decor, log))
    marks: dict[str, int] = {}
    for flowable in story:
        if isinstance(flowable, Mark):
            marks.update(flowable.marks)
    return Built(out.getvalue(), decor.pages_seen[-1], marks)


def grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
         zebra: bool = True, extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table with a dark header row, light rules and optional zebra shading."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        # Plain-string cells (even empty ones) would otherwise pull in unembedded Helvetica.
        ("FONTNAME", (0, 0), (-1, -1), pdf_fonts.LATIN),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if zebra:
        start = 1 if header else 0
        for row in range(start + 1, len(rows), 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


def key_values(text: Text, pairs: Sequence[tuple[str, str]], *, where: str,
               label_width: float = 42 * mm) -> Table:
    """A two-column table of labels and values, blank values left out."""
    s = text.styles
    rows = [[text(k, s.cell, where=where, bold=True), text(v, s.cell, where=f"{where}: {k}")]
            for k, v in pairs if v]
    table = Table(rows, colWidths=[label_width, FRAME_WIDTH - label_width])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), pdf_fonts.LATIN),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
    return table
