"""Attaching files: type by content, stored once by sha256, versions, expiry (SQLite and PG)."""

from __future__ import annotations

import hashlib
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader, PdfWriter

from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.attachments import files as attachment_files
from hkcase.services.errors import ValidationError
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Document
from tests.pdf_support import ACTOR, make_case, make_image, make_pdf
from tests.shared_files_support import lose, stored_bytes, stored_hashes

TODAY = date(2026, 11, 22)


@pytest.fixture
def items(any_store: Store) -> dict[str, int]:
    case_id, _ = make_case(any_store)
    return {e.code: e.id for e in C.create_checklist(any_store, case_id, actor=ACTOR, on=TODAY)}


def _stored_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_each_accepted_type_is_stored_under_its_hash(any_store: Store, items: dict[str, int],
                                                     tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    sources = [make_pdf(tmp_path / "passport.pdf", 2),
               make_image(tmp_path / "photo.jpg", "JPEG"),
               make_image(tmp_path / "id.png", "PNG"),
               make_image(tmp_path / "tax.tiff", "TIFF", frames=2)]
    expected = ["application/pdf", "image/jpeg", "image/png", "image/tiff"]
    for source, media_type in zip(sources, expected, strict=True):
        version = documents.attach_file(any_store, attachments, items["travel_document"],
                                        source, actor=ACTOR)
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        assert version.media_type == media_type and version.sha256 == digest
        assert version.original_name == source.name
        extension = attachment_files.EXTENSIONS[media_type]
        assert version.stored_path == f"{digest[:2]}/{digest}{extension}"
        assert stored_bytes(any_store, attachments, version) == source.read_bytes()
    assert [v.version_no for v in documents.list_versions(any_store, items["travel_document"])] \
        == [4, 3, 2, 1]
    assert not list(attachments.glob(".incoming-*"))


def test_type_is_judged_by_content_not_name(any_store: Store, items: dict[str, int],
                                            tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    renamed = make_pdf(tmp_path / "scan.txt")  # a PDF with the wrong extension is fine
    assert documents.attach_file(any_store, attachments, items["hkid"], renamed,
                                 actor=ACTOR).media_type == "application/pdf"
    word = tmp_path / "letter.pdf"  # a Word file named .pdf is not
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ValidationError, match=r"letter\.pdf is a ZIP or Office file .* only PDF, "
                                              r"JPEG, PNG or TIFF"):
        documents.attach_file(any_store, attachments, items["hkid"], word, actor=ACTOR)
    gif = tmp_path / "anim.gif"
    gif.write_bytes(b"GIF89a" + b"\x00" * 40)
    with pytest.raises(ValidationError, match=r"anim\.gif is a GIF image"):
        documents.attach_file(any_store, attachments, items["hkid"], gif, actor=ACTOR)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match=r"empty\.pdf is empty"):
        documents.attach_file(any_store, attachments, items["hkid"], empty, actor=ACTOR)
    with pytest.raises(ValidationError, match="is not a file"):
        documents.attach_file(any_store, attachments, items["hkid"], tmp_path, actor=ACTOR)
    assert len(documents.list_versions(any_store, items["hkid"])) == 1


def test_same_content_is_stored_once_and_versions_keep_history(
        any_store: Store, items: dict[str, int], tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    scan = make_pdf(tmp_path / "scan.pdf", 1, "same")
    copy = tmp_path / "copy of scan.pdf"
    copy.write_bytes(scan.read_bytes())
    C.set_item_state(any_store, items["hkid"], ChecklistState.ACCEPTED, actor=ACTOR)
    first = documents.attach_file(any_store, attachments, items["hkid"], scan, actor=ACTOR)
    second = documents.attach_file(any_store, attachments, items["hkid"], copy, actor=ACTOR)
    other = documents.attach_file(any_store, attachments, items["travel_document"], scan,
                                  actor=ACTOR)
    assert first.sha256 == second.sha256 == other.sha256
    assert len(stored_hashes(any_store, attachments)) == 1
    assert (first.version_no, second.version_no, other.version_no) == (1, 2, 1)
    assert second.original_name == "copy of scan.pdf"
    assert any("same file as version 1" in w for w in second.warnings)
    (row,) = [e for e in C.list_checklist(any_store, _case_of(any_store, items["hkid"]))
              if e.id == items["hkid"]]
    # A new file goes back to "received": it needs a fresh review.
    assert row.state is ChecklistState.RECEIVED and row.version_count == 2
    assert row.latest is not None and row.latest.version_no == 2
    with any_store.reading() as session:
        audited = session.scalars(sa.select(AuditEntry).where(AuditEntry.entity == "document")
                                  ).all()
        assert len(audited) == 3


def _case_of(store: Store, item_id: int) -> int:
    from hkcase.store.models import ChecklistItem

    with store.reading() as session:
        item = session.get(ChecklistItem, item_id)
        assert item is not None
        return item.case_id


def test_a_damaged_stored_copy_is_replaced(any_store: Store, items: dict[str, int],
                                           tmp_path: Path) -> None:
    if any_store.engine.dialect.name == "postgresql":
        pytest.skip("the shared store has no copy outside the database to damage: its "
                    "content is checked as it is written and read (test_shared_files.py)")
    attachments = tmp_path / "attachments"
    scan = make_pdf(tmp_path / "scan.pdf")
    version = documents.attach_file(any_store, attachments, items["hkid"], scan, actor=ACTOR)
    stored = version.path(attachments)
    stored.write_bytes(b"%PDF-1.4 truncated")
    documents.attach_file(any_store, attachments, items["hkid"], scan, actor=ACTOR)
    assert stored.read_bytes() == scan.read_bytes()


def test_a_failed_database_write_leaves_no_new_file(any_store: Store, items: dict[str, int],
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    attachments = tmp_path / "attachments"
    kept = make_pdf(tmp_path / "kept.pdf", 1, "kept")
    documents.attach_file(any_store, attachments, items["hkid"], kept, actor=ACTOR)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(documents.audit, "record", broken)
    new = make_pdf(tmp_path / "new.pdf", 1, "new")
    with pytest.raises(RuntimeError, match="disk full"):
        documents.attach_file(any_store, attachments, items["hkid"], new, actor=ACTOR)
    with pytest.raises(RuntimeError):  # same content as a stored, referenced file: kept
        documents.attach_file(any_store, attachments, items["hkid"], kept, actor=ACTOR)
    monkeypatch.undo()
    assert stored_hashes(any_store, attachments) == [
        hashlib.sha256(kept.read_bytes()).hexdigest()]
    assert len(documents.list_versions(any_store, items["hkid"])) == 1


def test_unknown_item_is_refused_before_copying(any_store: Store, tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    with pytest.raises(ValidationError, match="no checklist item number 424242"):
        documents.attach_file(any_store, attachments, 424242, make_pdf(tmp_path / "a.pdf"),
                              actor=ACTOR)
    assert not attachments.exists() or _stored_files(attachments) == []


def test_stored_file_for_the_system_viewer(any_store: Store, items: dict[str, int],
                                           tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    version = documents.attach_file(any_store, attachments, items["hkid"],
                                    make_image(tmp_path / "card.png", "PNG"), actor=ACTOR)
    path = documents.stored_file(any_store, attachments, version.id)
    assert path.is_file() and path.suffix == ".png"
    lose(any_store, attachments, version)
    with pytest.raises(ValidationError, match=r"card.png \(version 1\) is missing"):
        documents.stored_file(any_store, attachments, version.id)
    with pytest.raises(ValidationError, match="no document number"):
        documents.stored_file(any_store, attachments, 999999)


def test_upload_size_and_expiry_warnings(any_store: Store, items: dict[str, int],
                                         tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    big = tmp_path / "big.pdf"  # a real PDF (attach checks it) of over 6 MB
    writer = PdfWriter(clone_from=PdfReader(make_pdf(tmp_path / "small.pdf")))
    writer.add_attachment("scan-data.bin", os.urandom(6 * 1024 * 1024))
    with big.open("wb") as stream:
        writer.write(stream)
    version = documents.attach_file(any_store, attachments, items["hkid"], big, actor=ACTOR,
                                    expiry_date=date(2020, 1, 1))
    assert any("5 MB or less" in w for w in version.warnings)
    assert any("expired on 2020-01-01" in w for w in version.warnings)


def test_expiry_against_the_filing_date(any_store: Store, items: dict[str, int],
                                        tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    case_id = _case_of(any_store, items["hkid"])
    passport = documents.attach_file(any_store, attachments, items["travel_document"],
                                     make_pdf(tmp_path / "old.pdf", 1, "old"), actor=ACTOR,
                                     expiry_date=date(2027, 1, 10))
    documents.attach_file(any_store, attachments, items["hkid"],
                          make_pdf(tmp_path / "hkid.pdf", 1, "id"), actor=ACTOR,
                          expiry_date=date(2027, 3, 1))
    warnings = documents.expiry_warnings(any_store, case_id, date(2027, 2, 1))
    assert [(w.original_name, w.expired) for w in warnings] == [("old.pdf", True)]
    assert "before the filing date 2027-02-01" in warnings[0].message
    soon = documents.expiry_warnings(any_store, case_id, date(2027, 2, 1), within_days=60)
    assert [(w.original_name, w.expired) for w in soon] == [("old.pdf", True),
                                                           ("hkid.pdf", False)]
    assert "28 days after the filing date" in soon[1].message
    # The day of expiry itself is still valid; a newer version replaces the old one.
    assert documents.expiry_warnings(any_store, case_id, date(2027, 1, 10)) == []
    documents.attach_file(any_store, attachments, items["travel_document"],
                          make_pdf(tmp_path / "new.pdf", 1, "new"), actor=ACTOR,
                          expiry_date=date(2035, 1, 1))
    assert documents.expiry_warnings(any_store, case_id, date(2027, 2, 1)) == []
    # Clearing a date, and not-applicable items, silence the warning too.
    documents.set_expiry(any_store, passport.id, None, actor=ACTOR)
    C.mark_not_applicable(any_store, items["hkid"], actor=ACTOR)
    assert documents.expiry_warnings(any_store, case_id, date(2030, 1, 1),
                                     within_days=400) == []
    with any_store.reading() as session:
        assert session.scalar(sa.select(Document.expiry_date).where(
            Document.id == passport.id)) is None
