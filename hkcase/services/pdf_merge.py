"""Enclosures of a pack: attachments opened safely, images turned into pages, pages stamped.

A damaged, password-protected, missing or hostile (decompression bomb)
attachment is never fatal: it comes back as a reason, and the pack lists it as
left out by name. Images are decoded one frame at a time under the limits of
``attachment_content``. Each PDF is copied through
its own writer first, so anything unreadable in it shows up here, before the
pack is assembled.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    RectangleObject,
)
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from hkcase.services import attachment_content, attachment_files, pdf_fonts
from hkcase.services.pdf_fonts import GlyphLog
from hkcase.store.crypto import TamperedFileError

log = logging.getLogger(__name__)

#: Room left for the stamps above and below an image turned into a page.
IMAGE_MARGIN = 14 * mm


class Unusable(Exception):
    """An attachment that cannot go into the pack; the message says why, in plain words."""


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


def _checked_pdf(path: Path) -> PdfReader:
    """Open a PDF and read every object its pages use, so a damaged one fails here."""
    try:
        return attachment_content.open_pdf(path)
    except attachment_content.UnusableContent as exc:
        raise Unusable(str(exc)) from None


def _dpi(image: Any) -> float | None:
    """The scan resolution an image records, if it looks like a real scanner's."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    return value if 100 <= value <= 1200 else None


def _jpeg_upright(path: Path) -> tuple[tuple[int, int], float | None] | None:
    """Size and resolution of a JPEG that can be copied as it is (no EXIF rotation)."""
    try:
        with attachment_content.pillow_guard(), Image.open(path) as image:
            image.verify()
        with attachment_content.pillow_guard(), Image.open(path) as image:
            if image.getexif().get(0x0112, 1) in (1, None) and image.mode in ("L", "RGB",
                                                                              "CMYK"):
                return image.size, _dpi(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Unusable("it is an image declaring more pixels than can be opened safely "
                       "(a decompression bomb)") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise Unusable(f"it is a damaged image ({exc.__class__.__name__})") from None
    return None


def _image_pdf(path: Path, media_type: str) -> PdfReader:
    """Each image (or TIFF frame) on its own page, fitted inside the stamp margins."""
    out = io.BytesIO()
    # types-reportlab declares initialFontName a float; reportlab takes the font name.
    canvas = Canvas(out, pagesize=A4, initialFontName=pdf_fonts.LATIN)  # type: ignore[arg-type]
    jpeg = _jpeg_upright(path) if media_type == attachment_files.JPEG else None
    sources: Iterator[tuple[Any, tuple[int, int], float | None]]
    if jpeg is not None:
        # Copied into the PDF without decoding; the size was checked like any image's.
        attachment_content.check_size(jpeg[0])
        sources = iter([(str(path), *jpeg)])
    else:  # one decoded frame in memory at a time
        sources = ((ImageReader(frame), frame.size, _dpi(frame))
                   for frame in attachment_content.image_frames(path))
    for source, (width, height), dpi in sources:
        page = landscape(A4) if width > height else A4
        canvas.setPageSize(page)
        room_w, room_h = page[0] - 2 * IMAGE_MARGIN, page[1] - 2 * IMAGE_MARGIN
        scale = min(room_w / width, room_h / height)
        if dpi is not None:  # a scanned card prints at its real size, not blown up
            scale = min(scale, 72 / dpi)
        w, h = width * scale, height * scale
        canvas.drawImage(source, (page[0] - w) / 2, (page[1] - h) / 2, w, h)
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(out.getvalue()))


def open_enclosure(path: Path, media_type: str, sha256: str | None = None) -> PdfReader:
    """The pages of one stored attachment, or ``Unusable`` saying why it cannot be used."""
    if not path.is_file():
        raise Unusable("its file is missing from the attachments folder")
    if sha256 is not None and attachment_files.file_sha256(path) != sha256:
        raise Unusable("its stored file has changed since it was attached (checksum differs)")
    try:  # an encrypted attachment is read from a private decrypted copy, removed after
        with attachment_files.plain_copy(path) as plain:
            return _open_plain(plain, media_type)
    except TamperedFileError:
        raise Unusable("its stored file has changed since it was attached (it fails "
                       "its encryption check)") from None


def _open_plain(path: Path, media_type: str) -> PdfReader:
    if media_type == attachment_files.PDF:
        return _checked_pdf(path)
    if media_type in (attachment_files.JPEG, attachment_files.PNG, attachment_files.TIFF):
        try:
            return _image_pdf(path, media_type)
        except attachment_content.UnusableContent as exc:
            raise Unusable(str(exc)) from None
        except MemoryError:  # a limit not tight enough for this machine: skip, never fail
            raise Unusable("it is an image too large to open on this computer") from None
    raise Unusable(f"hkcase cannot put {media_type} files in a pack")


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
    from hkcase.services.pdf_layout import page_numbers

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
