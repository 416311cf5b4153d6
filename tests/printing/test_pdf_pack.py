"""The document pack, read back: pages, bookmarks, text, fonts, skipped attachments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.eligibility import run as eligibility
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.attachment_support import store_unchecked
from tests.pdf_support import (
    ACTOR,
    CN_NAME,
    HK_NAME,
    make_case,
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_image,
    make_owner_locked_pdf,
    make_pdf,
    pdffonts,
    pdftoppm,
    pdftotext,
)

TODAY = date(2026, 11, 22)


@dataclass
class PackCase:
    store: Store
    attachments: Path
    case_id: int
    reference: str
    folder: Path


def _accept(store: Store, attachments: Path, item_id: int, source: Path,
            expiry: date | None = None) -> None:
    documents.attach_file(store, attachments, item_id, source, actor=ACTOR, expiry_date=expiry)
    C.set_item_state(store, item_id, ChecklistState.ACCEPTED, actor=ACTOR)


def _accept_stored(store: Store, attachments: Path, item_id: int, source: Path) -> None:
    store_unchecked(store, attachments, item_id, source, "application/pdf")
    C.set_item_state(store, item_id, ChecklistState.ACCEPTED, actor=ACTOR)


@pytest.fixture
def pack_case(sqlite_store: Store, tmp_path: Path) -> PackCase:
    store, attachments, files = sqlite_store, tmp_path / "attachments", tmp_path / "in"
    files.mkdir()
    case_id, reference = make_case(store, limit=date(2027, 2, 15))
    items = {e.code: e.id for e in C.create_checklist(store, case_id, actor=ACTOR, on=TODAY)}
    for title in ("Bank statement", "Locked contract"):
        items[title] = C.add_item(store, case_id, C.NewItem(title), actor=ACTOR).id
    _accept(store, attachments, items["hkid"], make_image(files / "hkid.jpg", "JPEG",
                                                           (900, 600)))
    _accept(store, attachments, items["travel_document"],
            make_pdf(files / "passport.pdf", 3, "passport"), expiry=date(2027, 1, 1))
    # Damaged and password-protected files are refused at attach time; these were stored
    # before that check, as in an older data folder.
    _accept_stored(store, attachments, items["other_supporting"],
                   make_corrupt_pdf(files / "broken.pdf"))
    _accept(store, attachments, items["employment_or_business"],
            make_image(files / "tax.tif", "TIFF", frames=3))
    _accept(store, attachments, items["Bank statement"],
            make_owner_locked_pdf(files / "statement.pdf"))
    _accept_stored(store, attachments, items["Locked contract"],
                   make_encrypted_pdf(files / "contract.pdf"))
    # Received but not yet accepted: listed, not enclosed.
    documents.attach_file(store, attachments, items["income_and_tax"],
                          make_pdf(files / "draft.pdf", 2, "draft"), actor=ACTOR)
    return PackCase(store, attachments, case_id, reference, tmp_path)


def _outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    result = []
    items = list(reader.outline)
    for index, item in enumerate(items):
        if isinstance(item, list):
            continue
        children = items[index + 1] if index + 1 < len(items) and isinstance(
            items[index + 1], list) else []
        result.append((item.title, reader.get_destination_page_number(item),
                       [(c.title, reader.get_destination_page_number(c)) for c in children]))
    return result


def test_pack_has_every_part_bookmarked_and_numbered(pack_case: PackCase) -> None:
    target = pack_case.folder / "pack.pdf"
    result = outputs.render_pack(pack_case.store, pack_case.attachments, pack_case.case_id,
                                 on=TODAY, filing_date=date(2027, 1, 20), target=target)
    assert result.path == target
    reader = PdfReader(target)
    assert len(reader.pages) == result.pages
    enclosed = 1 + 3 + 3 + 1  # hkid.jpg, passport.pdf, tax.tif (3 frames), statement.pdf
    generated = result.pages - enclosed
    outline = _outline(reader)
    assert [title for title, _, _ in outline] == ["Cover", "Case summary", "Checklist",
                                                  "Eligibility", "Enclosures"]
    assert outline[0][1] == 0
    pages = [page for _, page, _ in outline]
    assert pages == sorted(pages) and pages[-1] < generated
    children = outline[-1][2]
    assert [title.split(" — ")[1] for title, _ in children] == [
        "hkid.jpg", "passport.pdf", "tax.tif", "statement.pdf"]
    assert [page for _, page in children] == [generated, generated + 1, generated + 4,
                                              generated + 7]
    for number, (_, page) in enumerate(children, start=1):
        assert f"Encl. {number} ·" in reader.pages[page].extract_text()
    first = reader.pages[0].extract_text()
    last = reader.pages[-1].extract_text()
    total = result.pages
    assert f"Page 1 of {total}" in first and f"第 1 頁，共 {total} 頁" in first
    assert f"Page {total} of {total}" in last
    assert "statement page 1" in last


def test_pack_text_names_fonts_and_skipped_files(pack_case: PackCase) -> None:
    target = pack_case.folder / "pack.pdf"
    result = outputs.render_pack(pack_case.store, pack_case.attachments, pack_case.case_id,
                                 on=TODAY, filing_date=date(2027, 1, 20), target=target)
    skipped = {s.original_name: s.reason for s in result.skipped}
    assert set(skipped) == {"broken.pdf", "contract.pdf"}
    assert "damaged" in skipped["broken.pdf"] and "password" in skipped["contract.pdf"]
    assert any("passport.pdf expires on 2027-01-01, before the filing date 2027-01-20" in w
               for w in result.warnings)
    text = pdftotext(target)
    assert f"KWONG Chi Fung {HK_NAME}" in text
    assert HK_NAME in PdfReader(target).pages[0].extract_text()
    for expected in ("broken.pdf", "protected with a password", "Not included",
                     "accepted, but left out of this pack", "draft.pdf (v1)", "旅行證件",
                     "Immigration Department decides every application",
                     "每宗申請均由入境事務處決定", "TTPS-"):
        assert expected in text, expected
    fonts = pdffonts(target)
    assert {f["emb"] for f in fonts} == {"yes"}, fonts
    assert any("UMingHK" in f["name"] for f in fonts)
    assert any("BitstreamVeraSans" in f["name"] for f in fonts)
    assert result.all_warnings[-1].startswith("contract.pdf (Locked contract) left out")
    images = pdftoppm(target, pack_case.folder / "page", dpi=30)
    assert len(images) == result.pages


def test_simplified_names_and_both_databases(any_store: Store, tmp_path: Path) -> None:
    case_id, _ = make_case(any_store, scheme=Scheme.GEP, kind=ApplicationType.NEW,
                           chinese_name=CN_NAME, family="Zhang", given="Wei",
                           residence=Residence.MAINLAND_CHINA)
    result = outputs.render_pack(any_store, tmp_path, case_id, on=TODAY,
                                 target=tmp_path / "zhang.pdf")
    text = pdftotext(tmp_path / "zhang.pdf")
    assert f"ZHANG Wei {CN_NAME}" in text
    assert "This case has no checklist." in text
    assert "No accepted document could be enclosed." in text
    assert result.skipped == () and result.pages == len(PdfReader(tmp_path / "zhang.pdf").pages)


def test_missing_and_changed_files_are_left_out(pack_case: PackCase) -> None:
    entries = {e.title_en: e for e in C.list_checklist(pack_case.store, pack_case.case_id)}
    passport = entries["Hong Kong identity card"].latest
    statement = entries["Bank statement"].latest
    assert passport is not None and statement is not None
    passport.path(pack_case.attachments).unlink()
    path = statement.path(pack_case.attachments)
    path.write_bytes(path.read_bytes() + b"\n% edited")
    result = outputs.render_pack(pack_case.store, pack_case.attachments, pack_case.case_id,
                                 on=TODAY)
    reasons = {s.original_name: s.reason for s in result.skipped}
    assert "missing from the attachments folder" in reasons["hkid.jpg"]
    assert "checksum differs" in reasons["statement.pdf"]


def test_rotated_and_odd_sized_pages_are_stamped_in_place(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "plain.pdf", 2, "turned")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.pages[0].rotate(90)
    writer.pages[1].mediabox.upper_right = (300, 400)  # a small receipt
    with (tmp_path / "turned.pdf").open("wb") as stream:
        writer.write(stream)
    case_id, _ = make_case(sqlite_store)
    (first, *_) = C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    _accept(sqlite_store, tmp_path / "att", first.id, tmp_path / "turned.pdf")
    result = outputs.render_pack(sqlite_store, tmp_path / "att", case_id, on=TODAY,
                                 target=tmp_path / "pack.pdf")
    reader = PdfReader(tmp_path / "pack.pdf")
    turned, small = reader.pages[-2], reader.pages[-1]
    assert turned.rotation % 360 == 0  # the rotation moved into the content, stamp upright
    assert float(turned.mediabox.width) > float(turned.mediabox.height)
    assert f"Page {result.pages} of {result.pages}" in small.extract_text()
    assert float(small.mediabox.width) == 300


def test_a_kept_eligibility_run_is_what_the_pack_shows(sqlite_store: Store,
                                                       tmp_path: Path) -> None:
    case_id, _ = make_case(sqlite_store, scheme=Scheme.GEP, kind=ApplicationType.NEW)
    run = eligibility.record_check(sqlite_store, case_id, actor="alice", on=TODAY)
    outputs.render_pack(sqlite_store, tmp_path, case_id, on=TODAY, target=tmp_path / "p.pdf")
    text = pdftotext(tmp_path / "p.pdf")
    assert f"Check no. {run.id}, kept with the case" in text and "by alice" in text
    assert "General Employment Policy (GEP)" in text


def test_bulk_export_reports_each_case(pack_case: PackCase) -> None:
    out = pack_case.folder / "out"
    out.mkdir()
    other, other_ref = make_case(pack_case.store, family="Lee", chinese_name="李嘉欣")
    seen: list[tuple[int, int]] = []
    outcomes = outputs.export_packs(pack_case.store, pack_case.attachments,
                                    [pack_case.case_id, 987654, other], out, on=TODAY,
                                    progress=lambda done, total: seen.append((done, total)))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[0].path == out / f"{pack_case.reference}-pack.pdf"
    assert any("broken.pdf" in w for w in outcomes[0].warnings)
    assert outcomes[1].error == "there is no case number 987654"
    assert (out / f"{other_ref}-pack.pdf").is_file()
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(Exception, match="is not a folder"):
        outputs.export_packs(pack_case.store, pack_case.attachments, [other], out / "nope")
