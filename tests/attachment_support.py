"""Hostile and broken files built byte by byte, and files stored as an older hkcase stored them."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

from hkcase.services.attachments import files as attachment_files
from hkcase.store import Store
from hkcase.store.models import Document


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_declaring(path: Path, width: int, height: int) -> Path:
    """A few-hundred-byte PNG whose header declares ``width`` × ``height`` grey pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1024, 9)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data)
                     + _chunk(b"IEND", b""))
    return path


def tiff_with_frames(path: Path, sizes: list[tuple[int, int]]) -> Path:
    """An uncompressed greyscale TIFF, one page per size; pages over 10,000 px get no pixels.

    Small pages carry real (white) pixels, so they decode; a huge page only
    declares its size, as a decompression bomb does.
    """
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    offsets = []
    for width, height in sizes:
        pixels = b"\xff" * (width * height) if width * height <= 10_000 else b"\x00" * 64
        offsets.append((len(out), len(pixels)))
        out += pixels
    previous_link = 4
    for (width, height), (data_at, data_len) in zip(sizes, offsets, strict=True):
        if len(out) % 2:
            out += b"\x00"
        ifd_at = len(out)
        struct.pack_into("<I", out, previous_link, ifd_at)
        entries = [(256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                   (273, 4, data_at), (277, 3, 1), (278, 4, height), (279, 4, data_len)]
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            if kind == 3:
                out += struct.pack("<HHIHH", tag, kind, 1, value, 0)
            else:
                out += struct.pack("<HHII", tag, kind, 1, value)
        previous_link = len(out)
        out += b"\x00\x00\x00\x00"
    path.write_bytes(bytes(out))
    return path


def pdf_bomb(path: Path, inflated_bytes: int = 120_000_000) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated_bytes`` (about 120 KB)."""
    compressor = zlib.compressobj(9)
    block = b" " * (1 << 20)
    stream = b"".join(compressor.compress(block) for _ in range(inflated_bytes >> 20))
    stream += compressor.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
               + b"\nendstream"]
    out = bytearray(b"%PDF-1.7\n")
    positions = []
    for number, body in enumerate(objects, start=1):
        positions.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for position in positions:
        out += b"%010d 00000 n \n" % position
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def store_unchecked(store: Store, attachments: Path, item_id: int, source: Path,
                    media_type: str, *, actor: str = "tester") -> int:
    """Store a file as hkcase did before attach-time checks (damaged files got in then).

    Copies the file under its hash and records the next document version; no
    content check. Returns the document id.
    """
    sha256 = attachment_files.file_sha256(source)
    relative = attachment_files.relative_path_for(sha256, media_type)
    target = attachment_files.absolute_path(attachments, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    with store.transaction() as session:
        versions = session.query(Document).filter_by(checklist_item_id=item_id).count()
        doc = Document(checklist_item_id=item_id, version_no=versions + 1, sha256=sha256,
                       size_bytes=source.stat().st_size, original_name=source.name,
                       stored_path=relative, media_type=media_type, uploaded_by=actor)
        session.add(doc)
        session.flush()
        return doc.id
