"""Is an attachment what it says it is, and can it be opened safely?

Checked when a file is attached (so a damaged or hostile file is refused then,
not first when a pack is made) and again when a pack opens a stored file (one
stored before these checks, or changed since, is left out by name).

Images are decoded under limits that are checked *before* any pixel is
decoded: Pillow's own decompression-bomb guard stays at its default (never
raised) and turned from a warning into a refusal, and hkcase's tighter limits
on pixels per frame, frames per file and memory per frame apply on top.
PDFs are read with pypdf's decompression limits (pypdf >= 6.10.2, pinned in
pyproject.toml), so a stream that inflates to gigabytes stops at 75 MB.

Pillow and pypdf are imported inside the functions: attaching is rare, and the
GUI should not pay for them at start-up.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from hkcase.domain.messages import tr

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)

PDF = "application/pdf"
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/tiff"})

#: Pixels in one image or TIFF page: a 30-megapixel photo and an A4 page scanned at
#: 600 dpi (35 MP) pass; a file declaring 100,000 × 100,000 pixels does not.
MAX_FRAME_PIXELS = 60_000_000
#: Memory one decoded frame may take (Pillow keeps RGB as 4 bytes a pixel).
MAX_FRAME_BYTES = 256 * 1024 * 1024
#: Pages in one TIFF, and pixels over all of them (bounds the time a pack takes).
MAX_FRAMES = 300
MAX_TOTAL_PIXELS = 600_000_000

# Bytes Pillow uses per pixel in each mode; anything unlisted is counted as 4.
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 4, "PA": 4, "I;16": 2, "I;16B": 2,
                    "I;16L": 2, "I;16N": 2}


class UnusableContent(Exception):
    """A file that cannot be used; the message (``args[0]``, a ``Message``) says why in plain
    words ("it is …")."""


@contextmanager
def pillow_guard() -> Iterator[None]:
    """Pillow's decompression-bomb warning (between its limit and twice it) as an error."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def check_size(size: tuple[int, int], mode: str = "RGB", index: int = 0) -> int:
    """Raise ``UnusableContent`` if an image this size is too large to decode; its pixels."""
    width, height = size
    pixels = width * height
    page = tr("page {n} ", n=index + 1) if index else ""
    if width <= 0 or height <= 0:
        raise UnusableContent(tr("it is a damaged image ({page}has no pixels)", page=page))
    if pixels > MAX_FRAME_PIXELS:
        raise UnusableContent(tr(
            "it is an image {page}of {width:,} × {height:,} pixels; hkcase opens images of at "
            "most {most} megapixels (scan it at 300 dpi)", page=page, width=width,
            height=height, most=MAX_FRAME_PIXELS // 1_000_000))
    if pixels * _BYTES_PER_PIXEL.get(mode, 4) > MAX_FRAME_BYTES:
        raise UnusableContent(tr("it is an image {page}too large to open safely ({width:,} × "
                                 "{height:,} pixels, {mode})", page=page, width=width,
                                 height=height, mode=mode))
    return int(pixels)


def image_frames(path: Path) -> Iterator[Any]:
    """Each frame of an image, decoded and upright, in a mode reportlab draws.

    Frames are yielded one at a time, so only one is in memory. Raises
    ``UnusableContent`` before decoding a frame that breaks a limit, and for a
    damaged file.
    """
    from PIL import Image, ImageOps

    total = 0
    try:
        with pillow_guard(), Image.open(path) as image:
            frames = int(getattr(image, "n_frames", 1))
            if frames > MAX_FRAMES:
                raise UnusableContent(tr("it is an image with {frames} pages; hkcase opens "
                                         "at most {most}", frames=frames, most=MAX_FRAMES))
            for index in range(frames):
                image.seek(index)
                # Before load(): nothing is decoded yet.
                total += check_size(image.size, image.mode, index)
                if total > MAX_TOTAL_PIXELS:
                    raise UnusableContent(tr("it is an image too large to open safely "
                                             "({total:,} pixels over {pages} pages)",
                                             total=total, pages=index + 1))
                image.load()
                frame = ImageOps.exif_transpose(image.copy())
                if frame.mode not in ("1", "L", "RGB", "CMYK"):
                    frame = frame.convert("RGB")
                yield frame
    except UnusableContent:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnusableContent(tr("it is an image declaring more pixels than can be opened "
                                 "safely (a decompression bomb)")) from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        log.info("image %s unreadable: %r", path.name, exc)
        raise UnusableContent(tr("it is a damaged image ({error})",
                                 error=exc.__class__.__name__)) from None


def check_image(path: Path) -> None:
    """Decode every frame under the limits; ``UnusableContent`` says what is wrong."""
    for _frame in image_frames(path):
        pass


def open_pdf(path: Path, stream: BinaryIO | None = None) -> PdfReader:
    """Open a PDF and read every object its pages use, so a damaged one fails here.

    Raises ``UnusableContent`` for a damaged PDF, one that needs a password, one
    without pages and one whose streams inflate past pypdf's limits. Given a path,
    pypdf reads the whole file into memory first (the reader outlives the file);
    given an open ``stream`` of it, only what the check reads is loaded (the reader
    is then usable only while the stream is open).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(stream if stream is not None else path, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # pypdf needs 'cryptography' for AES
                raise UnusableContent(tr("it is encrypted and cannot be opened here ({error})",
                                         error=exc)) from None
            if not opened:
                raise UnusableContent(tr("it is protected with a password (ask for a copy "
                                         "without one)")) from None
        if len(reader.pages) == 0:
            raise UnusableContent(tr("it is a PDF with no pages"))
        PdfWriter(clone_from=reader)  # resolves every object the pages refer to
        for page in reader.pages:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()  # decompresses: a damaged stream raises
        return reader
    except UnusableContent:
        raise
    except LimitReachedError:
        raise UnusableContent(tr("it is a PDF whose content would inflate past the safe "
                                 "limit (a decompression bomb)")) from None
    except Exception as exc:  # pypdf raises many kinds of error for a damaged file
        log.info("attachment %s unreadable: %r", path.name, exc)
        raise UnusableContent(tr("it is damaged or not a valid PDF ({error})",
                                 error=exc.__class__.__name__)) from None


def check_content(path: Path, media_type: str) -> None:
    """Open ``path`` as ``media_type`` under the limits; ``UnusableContent`` if it fails."""
    if media_type == PDF:
        with path.open("rb") as stream:  # not read into memory whole first
            open_pdf(path, stream)
    elif media_type in IMAGE_TYPES:
        check_image(path)
    else:
        raise UnusableContent(tr("hkcase cannot open {media_type} files", media_type=media_type))
