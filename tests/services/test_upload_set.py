"""The upload set: every file an allowed type under ImmD's limit, no page lost, the corrupt
document named (real SQLite store, real files, read back with pypdf and Pillow)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.errors import ValidationError
from hkcase.services.filing.checklist import ensure_checklist
from hkcase.services.filing.upload_set import prepare_upload_set
from hkcase.store import Store, open_store, sqlite_url
from tests.filing_support import ACTOR, filing_case
from tests.pdf_support import make_pdf

LIMIT = 5_000_000
ALLOWED = {".pdf", ".jpg", ".jpeg", ".gif", ".png", ".tif", ".tiff"}


def big_scan(path: Path, pages: int = 5) -> Path:
    """A multi-page 300 dpi greyscale A4 scan of about 12 MB (a noisy band on white paper)."""
    frames = []
    for _ in range(pages):
        page = Image.new("L", (2480, 3508), 250)
        page.paste(Image.effect_noise((2480, 1100), 60).convert("L"), (0, 600))
        frames.append(page)
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=300.0,
                   quality=93)
    return path


def photo_30mp(path: Path) -> Path:
    channels = [Image.effect_noise((6000, 5000), 45).convert("L") for _ in range(3)]
    Image.merge("RGB", channels).save(path, "JPEG", quality=92)
    return path


def tiff_pages(path: Path, pages: int = 3) -> Path:
    frames = [Image.new("L", (1240, 1754), 255 - 40 * i) for i in range(pages)]
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:],
                   compression="tiff_lzw")
    return path


def _accept(store: Store, attachments: Path, item_id: int, source: Path) -> Path:
    version = documents.attach_file(store, attachments, item_id, source, actor=ACTOR)
    C.set_item_state(store, item_id, ChecklistState.ACCEPTED, actor=ACTOR)
    return version.path(attachments)


@pytest.fixture
def prepared(sqlite_store: Store, tmp_path: Path) -> tuple[Store, Path, int, str]:
    attachments = tmp_path / "attachments"
    case_id, reference = filing_case(sqlite_store)
    items = [e.id for e in ensure_checklist(sqlite_store, case_id, actor=ACTOR,
                                            on=date(2026, 12, 1))]
    scan = big_scan(tmp_path / "passport-scan.pdf")
    assert scan.stat().st_size > 11_000_000
    photo = photo_30mp(tmp_path / "hkid-photo.jpg")
    assert photo.stat().st_size > LIMIT
    _accept(sqlite_store, attachments, items[0], scan)
    _accept(sqlite_store, attachments, items[1], photo)
    _accept(sqlite_store, attachments, items[2], tiff_pages(tmp_path / "letter.tif"))
    stored = _accept(sqlite_store, attachments, items[3], make_pdf(tmp_path / "broken.pdf", 2))
    stored.write_bytes(b"%PDF-1.4\n garbage that is no longer the scan")  # damaged on disk
    return sqlite_store, attachments, case_id, reference


def test_every_file_fits_no_page_is_lost_and_the_corrupt_one_is_named(
        prepared: tuple[Store, Path, int, str], tmp_path: Path) -> None:
    store, attachments, case_id, reference = prepared
    out = tmp_path / "upload"
    result = prepare_upload_set(store, attachments, case_id, out, actor=ACTOR)
    files = [p for p in out.rglob("*") if p.is_file()]
    uploads = [p for p in files if p.name not in ("manifest.json", "index.pdf")]
    assert uploads
    for path in uploads:
        assert path.stat().st_size <= LIMIT, path
        assert path.suffix in ALLOWED, path
    first, second, third, fourth, *rest = result.items
    assert [i.folder for i in result.items][:2] == ["01-travel-document",
                                                    "02-hong-kong-identity-card"]
    # The 12 MB scan: re-compressed and/or split, every page kept, in order.
    assert first.source_pages == 5
    assert sum(PdfReader(out / f.name).get_num_pages() for f in first.files) == 5
    assert sum(f.pages for f in first.files) == 5
    for k, f in enumerate(first.files, start=1):
        assert f.name == f"01-travel-document/01-travel-document-part{k}.pdf"
    # The 30-megapixel photo: one JPEG under the limit, still a photo.
    (photo,) = second.files
    assert photo.name.endswith("-part1.jpg")
    with Image.open(out / photo.name) as image:
        assert image.format == "JPEG" and image.width * image.height < 30_000_000
    # The 3-page TIFF: a PDF with its three pages.
    assert sum(PdfReader(out / f.name).get_num_pages() for f in third.files) == 3
    # The damaged file: reported by name, nothing written for it.
    assert fourth.files == []
    (problem,) = result.problems
    assert problem.original_name == "broken.pdf" and "damaged" in problem.reason
    assert all(not i.files for i in rest)
    assert sorted(p.name for p in (out / fourth.folder).iterdir()) == []
    # The manifest and the index say the same.
    data = json.loads((out / "manifest.json").read_text())
    assert data["case"] == reference and data["max_bytes"] == LIMIT
    assert [i["number"] for i in data["items"]] == [i.number for i in result.items]
    listed = {f["name"]: f for i in data["items"] for f in i["files"]}
    assert set(listed) == {str(p.relative_to(out)) for p in uploads}
    import hashlib
    for name, entry in listed.items():
        content = (out / name).read_bytes()
        assert entry["size_bytes"] == len(content)
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
    assert data["problems"][0]["original_name"] == "broken.pdf"
    index = PdfReader(out / "index.pdf")
    text = " ".join(page.extract_text() for page in index.pages)
    assert reference in text and "broken.pdf" in text and "Travel document" in text
    assert first.files[0].sha256[:32] in text.replace("\n", "")


def test_a_folder_with_files_is_refused_before_anything_is_written(
        sqlite_store: Store, tmp_path: Path) -> None:
    case_id, _ = filing_case(sqlite_store)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    with pytest.raises(ValidationError, match="not an empty folder"):
        prepare_upload_set(sqlite_store, tmp_path / "att", case_id, busy, actor=ACTOR)
    assert C.list_checklist(sqlite_store, case_id) == []  # nothing written, not even that


def test_upload_set_command(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        case_id, reference = filing_case(store)
        (entry, *_) = ensure_checklist(store, case_id, actor=ACTOR)
        _accept(store, folder / "attachments", entry.id, make_pdf(tmp_path / "p.pdf", 3))
    finally:
        store.close()
    out = tmp_path / "set"
    run = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(folder),
                          "upload-set", reference, "-o", str(out), "--json"],
                         capture_output=True, text=True, timeout=180, env={**os.environ})
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["items"][0]["files"][0]["name"] == \
        "01-travel-document/01-travel-document-part1.pdf"
    assert data["items"][0]["files"][0]["pages"] == 3
    assert io.BytesIO((out / "index.pdf").read_bytes()).read(5) == b"%PDF-"
    again = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(folder),
                            "upload-set", reference, "-o", str(out)],
                           capture_output=True, text=True, timeout=180, env={**os.environ})
    assert again.returncode == 2 and "not an empty folder" in again.stderr


def test_a_pdf_too_big_even_down_sampled_is_split_by_pages_none_lost(tmp_path: Path) -> None:
    from hkcase.services.filing.fit import CannotFit, fit_pdf

    scan = big_scan(tmp_path / "scan.pdf", pages=4)
    limit = 400_000  # smaller than the down-sampled document, larger than one page
    fitted = fit_pdf(scan, limit, (200, 150), (85, 40))
    assert len(fitted.parts) >= 2 and any("split" in s for s in fitted.steps)
    assert all(len(p.data) <= limit for p in fitted.parts)
    assert sum(PdfReader(io.BytesIO(p.data)).get_num_pages() for p in fitted.parts) == 4
    assert [p.pages for p in fitted.parts] == \
        [PdfReader(io.BytesIO(p.data)).get_num_pages() for p in fitted.parts]
    with pytest.raises(CannotFit, match="page 1 alone is over"):
        fit_pdf(scan, 50_000, (200, 150), (85, 40))
