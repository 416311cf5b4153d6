"""Making one stored document fit ImmD's upload: an allowed type, each file under the limit.

The steps, cheapest first, stop as soon as every file fits:

1. a file that already fits and is of an allowed type is used as it is;
2. images are turned upright and re-compressed as JPEG, then down-sampled to the scan
   range (200, then 150 dpi on an A4 page); a multi-page TIFF becomes one PDF;
3. a PDF's images are down-sampled to the scan range and re-compressed;
4. a PDF still too large is split by pages into parts that each fit.

No page is ever dropped: a document with a page that cannot be made to fit on its own
raises ``CannotFit`` naming the page, and nothing of it is used. Pillow and pypdf are
imported only here, inside the functions (decoded under ``attachment_content``'s guards).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkcase.domain.messages import tr
from hkcase.services.attachments.content import UnusableContent, image_frames, open_pdf

A4_INCHES = (8.27, 11.69)


class CannotFit(Exception):
    """A document that cannot be made into allowed files under the limit; says why."""


@dataclass(frozen=True)
class Part:
    """One output file."""

    data: bytes
    extension: str  # "pdf", "jpg", "png", "tif"
    pages: int


@dataclass(frozen=True)
class Fitted:
    """A document as upload files, and what was done to it."""

    parts: tuple[Part, ...]
    pages: int
    steps: tuple[str, ...]


def _jpeg(image: Any, quality: int) -> bytes:
    out = io.BytesIO()
    frame = image if image.mode in ("L", "RGB") else image.convert("RGB")
    frame.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _scaled(image: Any, dpi: int) -> Any:
    """``image`` no larger than an A4 page at ``dpi`` (either orientation)."""
    longest = int(max(A4_INCHES) * dpi)
    shortest = int(min(A4_INCHES) * dpi)
    width, height = image.size
    box = (longest, shortest) if width >= height else (shortest, longest)
    scale = min(box[0] / width, box[1] / height, 1.0)
    if scale >= 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, resample=_lanczos())


def _lanczos() -> Any:
    from PIL import Image

    return Image.Resampling.LANCZOS


def _fit_frame(frame: Any, limit: int, dpis: Sequence[int], qualities: Sequence[int]
               ) -> tuple[bytes, str]:
    """One image as a JPEG under ``limit``: first at full size, then down-sampled."""
    for dpi in (None, *dpis):
        scaled = frame if dpi is None else _scaled(frame, dpi)
        for quality in qualities:
            data = _jpeg(scaled, quality)
            if len(data) <= limit:
                where = "full size" if dpi is None else f"{dpi} dpi on A4"
                return data, f"JPEG quality {quality}, {where}"
    raise CannotFit(tr("an image page stays over {size:.1f} MB even at {dpi} dpi",
                       size=limit / 1_000_000, dpi=min(dpis)))


def _qualities(high: int, low: int) -> list[int]:
    return list(range(high, low - 1, -15)) + ([low] if (high - low) % 15 else [])


def fit_image(path: Path, media_type: str, limit: int, dpis: Sequence[int],
              quality: tuple[int, int]) -> Fitted:
    """An image (JPEG, PNG, TIFF of any number of pages) as upload files."""
    extension = {"image/jpeg": "jpg", "image/png": "png", "image/tiff": "tif"}[media_type]
    try:
        frames = list(image_frames(path))
    except UnusableContent as exc:
        raise CannotFit(exc.args[0]) from None
    size = path.stat().st_size
    if len(frames) == 1 and size <= limit:
        return Fitted((Part(path.read_bytes(), extension, 1),), 1, ("used as it is",))
    qualities = _qualities(*quality)
    if len(frames) == 1:
        data, how = _fit_frame(frames[0], limit, dpis, qualities)
        return Fitted((Part(data, "jpg", 1),), 1, (f"re-compressed: {how}",))
    # A multi-page TIFF: one PDF of its pages (split later if needed).
    pages = [_fit_frame(f, limit, dpis, qualities)[0] for f in frames]
    pdf = _images_pdf(pages)
    parts = _split_pdf(pdf, limit) if len(pdf) > limit else (Part(pdf, "pdf", len(pages)),)
    steps = [f"{len(frames)}-page TIFF made into a PDF"]
    if len(parts) > 1:
        steps.append(f"split into {len(parts)} parts by pages")
    return Fitted(parts, len(frames), tuple(steps))


def _images_pdf(jpegs: list[bytes]) -> bytes:
    """A PDF with one JPEG per page, each page the image's size at 200 dpi."""
    from PIL import Image

    frames = [Image.open(io.BytesIO(j)) for j in jpegs]
    out = io.BytesIO()
    frames[0].save(out, "PDF", save_all=True, append_images=frames[1:], resolution=200.0)
    return out.getvalue()


def _writer_bytes(writer: Any) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _recompress_pdf(reader: Any, dpi: int, quality: int) -> bytes:
    """The PDF with every image down-sampled to ``dpi`` over its page and re-compressed."""
    from pypdf import PdfWriter

    from hkcase.services.attachments.content import check_size, pillow_guard

    writer = PdfWriter(clone_from=reader)
    with pillow_guard():
        for page in writer.pages:
            width_in = float(page.mediabox.width) / 72 or A4_INCHES[0]
            for image in page.images:
                picture = image.image
                if picture is None:
                    continue
                check_size((int(picture.width), int(picture.height)))
                wanted = int(width_in * dpi)
                if picture.width > wanted:
                    height = max(1, round(picture.height * wanted / picture.width))
                    picture = picture.resize((wanted, height), resample=_lanczos())
                if picture.mode not in ("L", "RGB"):
                    picture = picture.convert("RGB")
                image.replace(picture, quality=quality)
    writer.compress_identical_objects()
    return _writer_bytes(writer)


def _split_pdf(data: bytes, limit: int) -> tuple[Part, ...]:
    """Consecutive pages packed into parts that each fit; ``CannotFit`` names a page too big."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    parts: list[Part] = []
    start = 0
    total = len(reader.pages)
    while start < total:
        best: bytes | None = None
        end = start
        while end < total:
            writer = PdfWriter()
            for index in range(start, end + 1):
                writer.add_page(reader.pages[index])
            candidate = _writer_bytes(writer)
            if len(candidate) > limit:
                break
            best, end = candidate, end + 1
        if best is None:
            raise CannotFit(tr("page {page} alone is over {size:.1f} MB even after "
                               "down-sampling", page=start + 1, size=limit / 1_000_000))
        parts.append(Part(best, "pdf", end - start))
        start = end
    return tuple(parts)


def fit_pdf(path: Path, limit: int, dpis: Sequence[int], quality: tuple[int, int]) -> Fitted:
    """A PDF as upload files: as it is, re-compressed, or split by pages."""
    try:
        reader = open_pdf(path)
    except UnusableContent as exc:
        raise CannotFit(exc.args[0]) from None
    pages = len(reader.pages)
    if path.stat().st_size <= limit:
        return Fitted((Part(path.read_bytes(), "pdf", pages),), pages, ("used as it is",))
    smallest = path.read_bytes()
    steps: list[str] = []
    high, low = quality
    mid = (high + low) // 2
    top, bottom = max(dpis), min(dpis)
    # Few tries, each re-encodes every image: best quality first, then smaller.
    for dpi, q in dict.fromkeys([(top, high), (top, mid), (bottom, mid), (bottom, low)]):
        try:
            data = _recompress_pdf(reader, dpi, q)
        except UnusableContent as exc:
            raise CannotFit(exc.args[0]) from None
        except Exception as exc:  # an image pypdf cannot rewrite: keep what we have
            steps.append(f"images not re-compressed ({exc.__class__.__name__})")
            break
        if len(data) < len(smallest):
            smallest = data
            steps = [f"images down-sampled to {dpi} dpi, JPEG quality {q}"]
        if len(data) <= limit:
            return Fitted((Part(data, "pdf", pages),), pages, tuple(steps))
    parts = _split_pdf(smallest, limit)
    steps.append(f"split into {len(parts)} parts by pages")
    return Fitted(parts, pages, tuple(steps))


def fit_document(path: Path, media_type: str, limit: int, dpis: Sequence[int],
                 quality: tuple[int, int]) -> Fitted:
    """Any stored attachment as upload files under ``limit`` bytes each."""
    if media_type == "application/pdf":
        return fit_pdf(path, limit, dpis, quality)
    if media_type in ("image/jpeg", "image/png", "image/tiff"):
        return fit_image(path, media_type, limit, dpis, quality)
    raise CannotFit(tr("hkcase cannot convert {media_type} files", media_type=media_type))
