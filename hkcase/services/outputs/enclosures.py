"""Attachments opened for a pack: read safely, decrypted, images turned into pages.

A damaged, password-protected, missing or hostile (decompression bomb)
attachment is never fatal: it comes back as a reason, and the pack lists it as
left out by name. Images are decoded one frame at a time under the limits of
``attachments.content``. Each PDF is copied through its own writer first, so
anything unreadable in it shows up here, before the pack is assembled.

The content comes through ``attachments.shared``: the data folder's file, or, on a
shared PostgreSQL store, the database's copy (streamed to a private file, its
checksum checked as it is written), so a pack made on any desktop has every file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.messages import tr
from hkcase.domain.vocab import ChecklistState
from hkcase.printing import fonts as pdf_fonts
from hkcase.services.attachments import content as attachment_content
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.store import Store
from hkcase.store.crypto import TamperedFileError

#: Room left for the stamps above and below an image turned into a page.
IMAGE_MARGIN = 14 * mm


class Unusable(Exception):
    """An attachment that cannot go into the pack; the message says why, in plain words
    (``reason``: a ``Message``, so the pack says it again in its own language)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _reason(exc: attachment_content.UnusableContent) -> str:
    """Why a file cannot be opened: the ``Message`` the check raised, kept as it is."""
    said = exc.args[0] if exc.args else str(exc)
    return said if isinstance(said, str) else str(said)


def _checked_pdf(path: Path) -> PdfReader:
    """Open a PDF and read every object its pages use, so a damaged one fails here."""
    try:
        return attachment_content.open_pdf(path)
    except attachment_content.UnusableContent as exc:
        raise Unusable(_reason(exc)) from None


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
        raise Unusable(tr("it is an image declaring more pixels than can be opened "
                          "safely (a decompression bomb)")) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise Unusable(tr("it is a damaged image ({error})",
                          error=exc.__class__.__name__)) from None
    return None


def _image_pdf(path: Path, media_type: str) -> PdfReader:
    """Each image (or TIFF frame) on its own page, fitted inside the stamp margins."""
    out = io.BytesIO()
    pdf_fonts.fonts()  # registered before the canvas names its initial font
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
        raise Unusable(tr("its file is missing from the attachments folder"))
    if sha256 is not None and attachment_files.file_sha256(path) != sha256:
        raise Unusable(tr("its stored file has changed since it was attached (checksum "
                          "differs)"))
    try:  # an encrypted attachment is read from a private decrypted copy, removed after
        with attachment_files.plain_copy(path) as plain:
            return _open_plain(plain, media_type)
    except TamperedFileError:
        raise Unusable(tr("its stored file has changed since it was attached (it fails its "
                          "encryption check)")) from None


def _open_plain(path: Path, media_type: str) -> PdfReader:
    if media_type == attachment_files.PDF:
        return _checked_pdf(path)
    if media_type in (attachment_files.JPEG, attachment_files.PNG, attachment_files.TIFF):
        try:
            return _image_pdf(path, media_type)
        except attachment_content.UnusableContent as exc:
            raise Unusable(_reason(exc)) from None
        except MemoryError:  # a limit not tight enough for this machine: skip, never fail
            raise Unusable(tr("it is an image too large to open on this computer")) from None
    raise Unusable(tr("hkcase cannot put {media_type} files in a pack", media_type=media_type))


def open_stored(content: shared.Attachments, relative_path: str, media_type: str,
                sha256: str) -> PdfReader:
    """The pages of one attachment wherever the store keeps it; ``Unusable`` if not usable."""
    if not content.shared:
        return open_enclosure(content.local_path(relative_path), media_type, sha256)
    try:
        with content.opened(sha256, relative_path) as plain:
            return _open_plain(plain, media_type)
    except shared.StoredFileProblem as problem:
        raise Unusable(shared.describe(problem, where="shared store")) from None


def open_enclosures(items: Iterable[ChecklistEntry], attachments_dir: Path,
                    store: Store | None = None) -> dict[int, PdfReader | str]:
    """The newest file of every accepted item, opened; a reason in words for each that is not
    (a ``Message``: the pack says it in its own language).

    ``store``: the store the items come from (its database holds the files on PostgreSQL);
    without it the files are read from ``attachments_dir``.
    """
    content = shared.Attachments(store, attachments_dir)
    opened: dict[int, PdfReader | str] = {}
    for entry in items:
        doc = entry.latest
        if entry.state is not ChecklistState.ACCEPTED or doc is None:
            continue
        try:
            opened[entry.id] = open_stored(content, doc.stored_path, doc.media_type,
                                           doc.sha256)
        except Unusable as exc:
            opened[entry.id] = exc.reason
    return opened
