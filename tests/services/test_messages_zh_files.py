"""On a Chinese desktop the attachment, import, pre-filing, upload-set and Trash services
speak Chinese (and a refusal writes nothing); the English and the JSON are untouched, and
a pack in Chinese names an attachment it left out in its own language."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from pypdf import PdfReader

from hkcase.domain.checklists import Lang
from hkcase.domain.messages import Message, set_language
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.errors import ValidationError
from hkcase.services.filing.checks import readiness, readiness_json
from hkcase.services.filing.upload_set import prepare_upload_set
from hkcase.services.imports import plan_import
from hkcase.services.outputs import render as outputs
from hkcase.services.trash.bin import preview
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Client, Document
from tests.attachment_support import store_unchecked
from tests.filing_support import ACTOR, filing_case
from tests.pdf_support import make_corrupt_pdf, make_pdf

TODAY = date(2026, 12, 2)
LANGS = [pytest.param("zh-hk", 0, id="zh-hk"), pytest.param("zh-cn", 1, id="zh-cn")]
# What each language says: (zh-hk, zh-cn).
WORDS = {
    "type": ("notes.pdf是ZIP或Office檔案（DOCX、XLSX），並非其名稱所示的PDF檔案：只可附加PDF、"
             "JPEG、PNG或TIFF檔案",
             "notes.pdf是ZIP或Office文件（DOCX、XLSX），并非其名称所示的PDF文件：只可附加PDF、"
             "JPEG、PNG或TIFF文件"),
    "huge": ("huge.pdf大小為201 MB；hkcase只接受最大200 MB的檔案",
             "huge.pdf大小为201 MB；hkcase只接受最大200 MB的文件"),
    "upload": ("big.png大小為", "big.png大小为"),
    "upload_end": ("MB：香港政府一站通的網上上載只接受5 MB或以下的檔案",
                   "MB：香港政府一站通的网上上传只接受5 MB或以下的文件"),
    "excel": ("clients.xlsx無法以Excel活頁簿讀取：請在Excel另存為.xlsx或CSV檔",
              "clients.xlsx无法以Excel工作簿读取：请在Excel另存为.xlsx或CSV文件"),
    "date": ("'31/02/1990'不是真實存在的日期", "'31/02/1990'不是真实存在的日期"),
    "scheme": ("'QMAS'包含兩個計劃", "'QMAS'包含两个计划"),
    "family": ("新客戶須有姓氏", "新客户须有姓氏"),
    "no_case": ("沒有編號為999的個案", "没有编号为999的个案"),
    "required": ("必需文件尚未接納", "必需文件尚未接纳"),
    "fit": ("broken.pdf（第", "broken.pdf（第"),
    "trash": ("刪除個案", "删除个案"),
}


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _first_item(store: Store, case_id: int) -> int:
    return C.create_checklist(store, case_id, actor=ACTOR, on=TODAY)[0].id


def _noise_png(path: Path) -> Path:
    """A PNG of random pixels: it does not compress, so it stays over GovHK's 5 MB."""
    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(path)
    return path


@pytest.mark.parametrize(("lang", "k"), LANGS)
def test_attaching_is_refused_or_warned_in_chinese(sqlite_store: Store, tmp_path: Path,
                                                   lang: str, k: int) -> None:
    case_id, _ = filing_case(sqlite_store)
    item = _first_item(sqlite_store, case_id)
    attachments = tmp_path / "attachments"
    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"PK\x03\x04 a Word file renamed")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as stream:  # sparse: 201 MB on paper, nothing on disk
        stream.truncate(201 * 2**20)
    audits = _count(sqlite_store, AuditEntry)
    set_language(lang)
    for source, key in ((wrong, "type"), (huge, "huge")):
        with pytest.raises(ValidationError) as refused:
            documents.attach_file(sqlite_store, attachments, item, source, actor=ACTOR)
        assert refused.value.message == WORDS[key][k]
        assert refused.value.field == "file"
    assert _count(sqlite_store, Document) == 0 and _count(sqlite_store, AuditEntry) == audits
    assert not attachments.exists() or not any(attachments.rglob("*.*"))
    # Over GovHK's 5 MB: attached, with a warning in Chinese.
    version = documents.attach_file(sqlite_store, attachments, item,
                                    _noise_png(tmp_path / "big.png"), actor=ACTOR)
    [warning] = version.warnings
    assert warning.startswith(WORDS["upload"][k]) and warning.endswith(WORDS["upload_end"][k])
    # Said again in English (a screen in English, the CLI), word for word as before.
    assert isinstance(warning, Message)
    assert re.fullmatch(r"big\.png is \d+\.\d MB: GovHK's online upload takes files of 5 MB "
                        r"or less", warning.into("en"))


def test_attaching_in_english_says_what_it_always_said(sqlite_store: Store,
                                                      tmp_path: Path) -> None:
    case_id, _ = filing_case(sqlite_store)
    item = _first_item(sqlite_store, case_id)
    wrong = tmp_path / "notes.pdf"
    wrong.write_bytes(b"PK\x03\x04 a Word file renamed")
    with pytest.raises(ValidationError) as refused:
        documents.attach_file(sqlite_store, tmp_path / "att", item, wrong, actor=ACTOR)
    assert str(refused.value) == (
        "file: notes.pdf is a ZIP or Office file (DOCX, XLSX), not a PDF as its name says: "
        "only PDF, JPEG, PNG or TIFF files can be attached")


@pytest.mark.parametrize(("lang", "k"), LANGS)
def test_a_broken_spreadsheet_is_refused_in_chinese(sqlite_store: Store, tmp_path: Path,
                                                    lang: str, k: int) -> None:
    broken = tmp_path / "clients.xlsx"
    broken.write_bytes(b"this is not a workbook")
    rows = tmp_path / "clients.csv"
    rows.write_text("family_name,given_names,sex,date_of_birth,nationality,scheme\n"
                    "Ng,Mei,F,31/02/1990,GB,\n"
                    "Lam,Ka Ho,M,1992-05-05,GB,QMAS\n"
                    ",Siu Ming,M,1990-01-01,GB,\n", encoding="utf-8")
    set_language(lang)
    with pytest.raises(ValidationError) as refused:
        plan_import(sqlite_store, broken, today=TODAY)
    assert refused.value.message == WORDS["excel"][k]
    plan = plan_import(sqlite_store, rows, today=TODAY)
    reasons = [r.reason for r in plan.rejected]
    for key in ("date", "scheme"):
        assert any(r.startswith(WORDS[key][k]) for r in reasons), (key, reasons)
    assert WORDS["family"][k] in reasons
    assert plan.rows == [] and _count(sqlite_store, Client) == 0  # a preview writes nothing
    # The JSON (``import --json``) keeps its English.
    said = json.dumps(plan.as_json())
    assert "'31/02/1990' is not a real date" in said and "a new client needs a family name" in said
    assert not re.search(r"[\u4e00-\u9fff]", said.replace("\\u", ""))


@pytest.mark.parametrize(("lang", "k"), LANGS)
def test_pre_filing_checks_of_an_incomplete_case_in_chinese(sqlite_store: Store,
                                                            lang: str, k: int) -> None:
    case_id, _ = filing_case(sqlite_store, kind=ApplicationType.EXTENSION)
    C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    set_language(lang)
    ready = readiness(sqlite_store, case_id, filing_date=TODAY)
    assert not ready.ready
    mandatory = next(c for c in ready.checks if c.code == "mandatory_items")
    assert mandatory.message.startswith(WORDS["required"][k])
    assert mandatory.message == mandatory.text(Lang(lang))
    # The JSON's "message" stays English whatever the desktop's language.
    [data] = [c for c in readiness_json(ready)["checks"] if c["code"] == "mandatory_items"]
    assert data["message"].startswith("required items not accepted yet: ")
    with pytest.raises(ValidationError) as refused:
        readiness(sqlite_store, 999)
    assert refused.value.message == WORDS["no_case"][k]


@pytest.mark.parametrize(("lang", "k"), LANGS)
def test_an_upload_set_names_what_it_left_out_in_chinese(sqlite_store: Store, tmp_path: Path,
                                                        lang: str, k: int) -> None:
    case_id, _ = filing_case(sqlite_store)
    item = _first_item(sqlite_store, case_id)
    attachments = tmp_path / "attachments"
    store_unchecked(sqlite_store, attachments, item, make_corrupt_pdf(tmp_path / "broken.pdf"),
                    "application/pdf")
    C.set_item_state(sqlite_store, item, ChecklistState.ACCEPTED, actor=ACTOR)
    set_language(lang)
    result = prepare_upload_set(sqlite_store, attachments, case_id, tmp_path / "set",
                                actor=ACTOR, on=TODAY)
    [problem] = result.problems
    assert problem.message.startswith(WORDS["fit"][k])
    assert "檔案已損壞" in problem.message if k == 0 else "文件已损坏" in problem.message
    # The manifest and the printed index are English files.
    manifest = json.loads((tmp_path / "set" / "manifest.json").read_text("utf-8"))
    assert manifest["problems"][0]["reason"].startswith(
        "it cannot be made to fit: it is damaged or not a valid PDF")
    index = "".join(p.extract_text() for p in PdfReader(tmp_path / "set" / "index.pdf").pages)
    assert "damaged or not a valid PDF" in index


@pytest.mark.parametrize(("lang", "k"), LANGS)
def test_deleting_a_case_is_asked_in_chinese(sqlite_store: Store, lang: str, k: int) -> None:
    case_id, reference = filing_case(sqlite_store)
    C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    set_language(lang)
    asked = preview(sqlite_store, "case", case_id)
    assert asked.question.startswith(WORDS["trash"][k] + reference)
    assert asked.label.startswith(f"case {reference} (GEP, ")  # kept in English
    assert "Delete case" in asked.question.into("en")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "left_out", "reason"), [
    (Lang.ZH_HK, "未收入", "檔案已損壞或不是有效的PDF"),
    (Lang.ZH_CN, "未收入", "文件已损坏或不是有效的PDF"),
])
def test_a_chinese_pack_names_a_damaged_attachment_in_chinese(
        sqlite_store: Store, tmp_path: Path, lang: Lang, left_out: str, reason: str) -> None:
    """Made from an English process (the CLI): the pack is Chinese, the CLI's note English."""
    case_id, _ = filing_case(sqlite_store, scheme=Scheme.GEP)
    entries = C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    attachments = tmp_path / "attachments"
    store_unchecked(sqlite_store, attachments, entries[0].id,
                    make_corrupt_pdf(tmp_path / "broken.pdf"), "application/pdf")
    C.set_item_state(sqlite_store, entries[0].id, ChecklistState.ACCEPTED, actor=ACTOR)
    documents.attach_file(sqlite_store, attachments, entries[1].id,
                          make_pdf(tmp_path / "fine.pdf"), actor=ACTOR)
    C.set_item_state(sqlite_store, entries[1].id, ChecklistState.ACCEPTED, actor=ACTOR)
    target = tmp_path / "pack.pdf"
    result = outputs.render_pack(sqlite_store, attachments, case_id, on=TODAY, target=target,
                                 lang=lang)
    [skipped] = result.skipped
    assert isinstance(skipped.reason, Message)
    assert re.fullmatch(reason + r"（Pdf\w+Error）", skipped.reason.into(lang))
    assert re.fullmatch(r"it is damaged or not a valid PDF \(Pdf\w+Error\)", skipped.reason)
    flat = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(target).pages))
    assert left_out in flat and "broken.pdf" in flat
    assert reason in flat and "damagedornotavalid" not in flat
