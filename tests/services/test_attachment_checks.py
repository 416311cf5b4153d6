"""Attach-time checks on real files, and hostile files already stored left out of a pack by name."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pypdf import PdfReader

from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.attachments import content as attachment_content
from hkcase.services.errors import ValidationError
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.attachment_support import pdf_bomb, png_declaring, store_unchecked, tiff_with_frames
from tests.pdf_support import (
    ACTOR,
    make_case,
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_image,
    make_owner_locked_pdf,
    make_pdf,
)


@pytest.fixture
def item(sqlite_store: Store) -> int:
    case_id, _ = make_case(sqlite_store)
    return C.create_checklist(sqlite_store, case_id, actor=ACTOR)[0].id


def _attach(store: Store, tmp_path: Path, item_id: int, source: Path) -> documents.DocumentVersion:
    return documents.attach_file(store, tmp_path / "attachments", item_id, source, actor=ACTOR)


def _refused(store: Store, tmp_path: Path, item_id: int, source: Path, pattern: str) -> None:
    with pytest.raises(ValidationError, match=pattern):
        _attach(store, tmp_path, item_id, source)
    assert documents.list_versions(store, item_id) == []
    stored = tmp_path / "attachments"
    assert not stored.exists() or not [p for p in stored.rglob("*") if p.is_file()]


def test_pillow_guard_is_never_raised() -> None:
    import hkcase.printing.pack.merge
    import hkcase.services.outputs.enclosures  # noqa: F401

    assert Image.MAX_IMAGE_PIXELS == 178956970 // 2
    assert attachment_content.MAX_FRAME_PIXELS < Image.MAX_IMAGE_PIXELS


def test_pypdf_has_decompression_limits() -> None:
    major, minor, patch = (int(part) for part in pypdf.__version__.split(".")[:3])
    assert (major, minor, patch) >= (6, 10, 2)
    from pypdf import filters

    assert 0 < filters.ZLIB_MAX_OUTPUT_LENGTH <= 100_000_000


def test_empty_unreadable_and_text_named_pdf_are_refused(sqlite_store: Store, item: int,
                                                          tmp_path: Path) -> None:
    empty = tmp_path / "passport.pdf"
    empty.write_bytes(b"")
    _refused(sqlite_store, tmp_path, item, empty, r"passport\.pdf is empty")
    text = tmp_path / "degree.pdf"
    text.write_text("Certificate of award\nBachelor of Science\n", encoding="utf-8")
    _refused(sqlite_store, tmp_path, item, text,
             r"degree\.pdf is plain text, not a PDF as its name says")
    page = tmp_path / "offer.pdf"
    page.write_text("<!DOCTYPE html><html><body>Session expired</body></html>")
    _refused(sqlite_store, tmp_path, item, page, r"offer\.pdf is a web page or XML file, not a PDF")
    if os.geteuid() != 0:  # root reads any file
        locked = make_pdf(tmp_path / "locked.pdf")
        locked.chmod(0)
        _refused(sqlite_store, tmp_path, item, locked, r"cannot read locked\.pdf")
    _refused(sqlite_store, tmp_path, item, tmp_path / "gone.pdf", r"gone\.pdf is not a file")


def test_damaged_and_password_protected_pdfs_are_refused(sqlite_store: Store, item: int,
                                                          tmp_path: Path) -> None:
    _refused(sqlite_store, tmp_path, item, make_corrupt_pdf(tmp_path / "bank.pdf"),
             r"bank\.pdf cannot be attached: it is damaged or not a valid PDF")
    _refused(sqlite_store, tmp_path, item, make_encrypted_pdf(tmp_path / "contract.pdf"),
             r"contract\.pdf cannot be attached: it is protected with a password")
    # An owner password only (opens without one) is an ordinary PDF.
    assert _attach(sqlite_store, tmp_path, item,
                   make_owner_locked_pdf(tmp_path / "statement.pdf")).version_no == 1


def test_pdf_decompression_bomb_is_refused(sqlite_store: Store, item: int,
                                           tmp_path: Path) -> None:
    bomb = pdf_bomb(tmp_path / "scan.pdf")
    assert bomb.stat().st_size < 1_000_000
    _refused(sqlite_store, tmp_path, item, bomb, r"scan\.pdf cannot be attached: .*"
                                                 r"decompression bomb")


def test_image_bombs_are_refused_before_decoding(sqlite_store: Store, item: int,
                                                 tmp_path: Path) -> None:
    huge = png_declaring(tmp_path / "photo.png", 100_000, 100_000)
    assert huge.stat().st_size < 2_000
    _refused(sqlite_store, tmp_path, item, huge, r"photo\.png cannot be attached: .*"
                                                 r"decompression bomb")
    # Under Pillow's own limit (89 MP), over hkcase's: refused by the size check.
    big = png_declaring(tmp_path / "poster.png", 9_000, 9_000)
    _refused(sqlite_store, tmp_path, item, big, r"poster\.png cannot be attached: it is an "
                                                r"image of 9,000 × 9,000 pixels")
    tiff = tiff_with_frames(tmp_path / "scan.tif", [(100_000, 100_000)])
    _refused(sqlite_store, tmp_path, item, tiff, r"scan\.tif cannot be attached: .*"
                                                 r"decompression bomb")
    # Pillow checks only a TIFF's first page when opening; hkcase checks every page.
    sneaky = tiff_with_frames(tmp_path / "pages.tif", [(50, 50), (60_000, 60_000)])
    with Image.open(sneaky) as image:
        assert image.size == (50, 50) and image.n_frames == 2
    _refused(sqlite_store, tmp_path, item, sneaky,
             r"pages\.tif cannot be attached: it is an image page 2 of 60,000 × 60,000")


def test_truncated_image_is_refused_and_good_ones_attach(sqlite_store: Store, item: int,
                                                         tmp_path: Path) -> None:
    photo = make_image(tmp_path / "photo.jpg", "JPEG", (1200, 900))
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(photo.read_bytes()[:2000])
    _refused(sqlite_store, tmp_path, item, cut, r"cut\.jpg cannot be attached: it is a damaged "
                                                r"image")
    for name, fmt in (("photo.jpg", "JPEG"), ("card.png", "PNG"), ("pages.tif", "TIFF")):
        made = make_image(tmp_path / name, fmt, frames=3 if fmt == "TIFF" else 1)
        assert _attach(sqlite_store, tmp_path, item, made).original_name == name
    good_tiff = tiff_with_frames(tmp_path / "small.tif", [(40, 40), (30, 20)])
    assert _attach(sqlite_store, tmp_path, item, good_tiff).media_type == "image/tiff"


def test_a_stored_bomb_is_left_out_of_the_pack_by_name(sqlite_store: Store,
                                                       tmp_path: Path) -> None:
    case_id, _ = make_case(sqlite_store, limit=date(2027, 2, 15))
    items = C.create_checklist(sqlite_store, case_id, actor=ACTOR)
    attachments = tmp_path / "attachments"
    hostile = [
        (png_declaring(tmp_path / "bomb.png", 100_000, 100_000), "image/png"),
        (tiff_with_frames(tmp_path / "bomb.tif", [(50, 50), (60_000, 60_000)]), "image/tiff"),
        (pdf_bomb(tmp_path / "bomb.pdf"), "application/pdf"),
    ]
    for entry, (source, media_type) in zip(items, hostile, strict=False):
        store_unchecked(sqlite_store, attachments, entry.id, source, media_type)
        C.set_item_state(sqlite_store, entry.id, ChecklistState.ACCEPTED, actor=ACTOR)
    good = items[len(hostile)]
    documents.attach_file(sqlite_store, attachments, good.id,
                          make_pdf(tmp_path / "passport.pdf", 2, "passport"), actor=ACTOR)
    C.set_item_state(sqlite_store, good.id, ChecklistState.ACCEPTED, actor=ACTOR)

    result = outputs.render_pack(sqlite_store, attachments, case_id, on=date(2026, 11, 22),
                                 target=tmp_path / "pack.pdf")
    skipped = {s.original_name: s.reason for s in result.skipped}
    assert set(skipped) == {"bomb.png", "bomb.tif", "bomb.pdf"}
    assert "decompression bomb" in skipped["bomb.png"]
    assert "page 2 of 60,000 × 60,000" in skipped["bomb.tif"]
    assert "decompression bomb" in skipped["bomb.pdf"]
    reader = PdfReader(tmp_path / "pack.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "passport page 2" in text
    assert "bomb.png" in text and "bomb.tif" in text
