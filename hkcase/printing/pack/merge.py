"""Merging a pack: the generated pages, then each enclosure's pages stamped and bookmarked.

The enclosures arrive opened (``services.outputs.enclosures`` reads, decrypts and
checks the attachments); this module only sees ``PdfReader``s.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    RectangleObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from hkcase.printing import fonts as pdf_fonts
from hkcase.printing.fonts import GlyphLog

log = logging.getLogger(__name__)


@dataclass
class Enclosure:
    """An attachment ready to merge: its pages and the label stamped on each."""

    number: int
    label: str  # "Encl. 3 · Passport · passport.pdf (v2)"
    bookmark: str
    reader: PdfReader

    @property
    def pages(self) -> int:
        return len(self.reader.pages)


def _stamp_overlay(enclosures: list[Enclosure], boxes: list[RectangleObject], first: int,
                   total: int, glyphs: GlyphLog) -> PdfReader:
    """One page of stamps per enclosure page: the enclosure label on top, "page X of Y" below."""
    out = io.BytesIO()
    # types-reportlab declares initialFontName a float; reportlab takes the font name.
    canvas = Canvas(out, pagesize=A4, initialFontName=pdf_fonts.LATIN)  # type: ignore[arg-type]
    labels = [e.label for e in enclosures for _ in range(e.pages)]
    for index, (label, box) in enumerate(zip(labels, boxes, strict=True)):
        width, height = float(box.width), float(box.height)
        canvas.setPageSize((width, height))
        size = 7.5 if width > 300 else 6
        for text, y, align in ((label, height - size - 6, "left"),
                               (_numbers(first + index, total), 6, "right")):
            text_width = pdf_fonts.string_width(glyphs.clean(text, "enclosure stamp"), size)
            x = 8 if align == "left" else width - 8 - text_width
            canvas.setFillColorRGB(1, 1, 1)
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.setLineWidth(0.4)
            canvas.rect(x - 3, y - 2.5, text_width + 6, size + 4.5, stroke=1, fill=1)
            canvas.setFillColorRGB(0.1, 0.1, 0.1)
            pdf_fonts.draw_string(canvas, x, y, text, size, glyphs, "enclosure stamp")
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(out.getvalue()))


def _numbers(page: int, total: int) -> str:
    from hkcase.domain.checklists import Lang
    from hkcase.printing.layout import page_numbers

    return page_numbers(page, total, (Lang.EN, Lang.ZH_HK))


@dataclass(frozen=True)
class Section:
    """A bookmark for a generated section: title and 0-based page."""

    title: str
    page: int


_STAMP = NameObject("/HkcaseStamp")


def _content_stream(writer: PdfWriter, data: bytes) -> Any:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _stamp(writer: PdfWriter, page: PageObject, stamp: PageObject, box: RectangleObject,
           save_state: Any) -> None:
    """Draw ``stamp`` over ``page`` as a form XObject, without parsing the page's content.

    (pypdf's ``merge_page`` parses both content streams: three times slower on scans.)
    """
    drawing = stamp.get_contents()
    assert drawing is not None  # every overlay page has its stamp drawn on it
    form = DecodedStreamObject()
    form.set_data(drawing.get_data())
    form.update({NameObject("/Type"): NameObject("/XObject"),
                 NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): RectangleObject(stamp.mediabox),
                 NameObject("/Resources"): stamp["/Resources"].clone(writer)})
    form_ref = writer._add_object(form.flate_encode())
    resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[_STAMP] = form_ref
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    original = page.get("/Contents")
    parts: list[Any] = []
    if original is not None:
        resolved = original.get_object()
        parts = list(resolved) if isinstance(resolved, ArrayObject) else [original]
    # The page's own content between q … Q, so whatever state it leaves cannot move the stamp.
    draw = f"Q q 1 0 0 1 {float(box.left):.3f} {float(box.bottom):.3f} cm /HkcaseStamp Do Q"
    page[NameObject("/Contents")] = ArrayObject(
        [save_state, *parts, _content_stream(writer, draw.encode("ascii"))])


def assemble(generated: bytes, sections: list[Section], enclosures: list[Enclosure],
             glyphs: GlyphLog, *, parent: Section, metadata: dict[str, str]) -> bytes:
    """The generated pages, then every enclosure stamped and bookmarked; the whole pack.

    ``parent`` is the bookmark the enclosures' own bookmarks hang under.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(generated)))
    first = len(writer.pages)
    added = []
    for enclosure in enclosures:
        for page in enclosure.reader.pages:
            added.append(writer.add_page(page))
    boxes = []
    for page in added:
        if page.rotation % 360:
            page.transfer_rotation_to_content()
        boxes.append(page.cropbox)
    total = first + len(added)
    overlay = _stamp_overlay(enclosures, boxes, first + 1, total, glyphs)
    save_state = _content_stream(writer, b"q")
    for page, stamp, box in zip(added, overlay.pages, boxes, strict=True):
        _stamp(writer, page, stamp, box, save_state)
    for section in sections:
        writer.add_outline_item(title=section.title, page_number=section.page)
    top = writer.add_outline_item(title=parent.title, page_number=parent.page)
    start = first
    for enclosure in enclosures:
        writer.add_outline_item(title=enclosure.bookmark, page_number=start, parent=top)
        start += enclosure.pages
    writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
