"""The filing data sheet: values equal the records (read back from the PDF), missing ones
marked, sections in the e-form's order; the command's JSON, PDF and HTML."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from hkcase.domain.checklists import Lang
from hkcase.domain.vocab import ApplicationType, EducationLevel, RelationshipKind, Scheme
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.clients import add_education, add_employment, link_dependant
from hkcase.services.filing.checklist import ensure_checklist
from hkcase.services.filing.checks import readiness
from hkcase.services.filing.sheet import filing_sheet, sheet_json
from hkcase.services.filing.sheet_render import render_sheet_html, render_sheet_pdf
from hkcase.store import Store, open_store, sqlite_url
from hkcase.store.models import Case
from tests.filing_support import ACTOR, PASSPORT, filing_case

ON = date(2027, 1, 15)


def _records(store: Store) -> tuple[int, str]:
    case_id, reference = filing_case(store, scheme=Scheme.TTPS)
    with store.reading() as session:
        client_id = session.get(Case, case_id).client_id  # type: ignore[union-attr]
    add_education(store, client_id, level=EducationLevel.MASTER,
                  institution="University of Edinburgh", award_date=date(2016, 6, 30),
                  full_time=True, actor=ACTOR)
    add_employment(store, client_id, employer="Northwind Data plc", position="Analyst",
                   start_date=date(2016, 9, 1), end_date=date(2023, 12, 31),
                   annual_income_hkd=720000, actor=ACTOR)
    version = load_case_facts(store, case_id).version
    save_case_facts(store, case_id, version, {"position": "Senior Data Scientist",
                                              "salary_hkd": 95000, "salary_period": "monthly",
                                              "employer_br_number": "71234567"}, actor=ACTOR)
    dependant_id, _ = filing_case(store, scheme=Scheme.DEPENDANT, sponsor_case_id=case_id,
                                  given="Hoi Ting", chinese_name="林凱婷", limit=None)
    with store.reading() as session:
        dep_client = session.get(Case, dependant_id).client_id  # type: ignore[union-attr]
    link_dependant(store, client_id, dep_client, RelationshipKind.CHILD, actor=ACTOR)
    return case_id, reference


def _values(sheet_data: dict[str, object]) -> dict[str, object]:
    return {f["key"]: f["value"] for s in sheet_data["sections"]  # type: ignore[attr-defined]
            for f in s["fields"]}


def test_the_sheet_holds_the_records_in_the_e_forms_order(sqlite_store: Store) -> None:
    case_id, reference = _records(sqlite_store)
    sheet = filing_sheet(sqlite_store, case_id, on=ON)
    assert [s.code for s in sheet.sections] == ["personal", "travel_document", "contact",
                                                "job_offer", "employment", "dependants",
                                                "previous_stays"]
    values = _values(sheet_json(sheet))
    assert values["family_name"] == "LAM" and values["given_names"] == "Wing Yan"
    assert values["chinese_name"] == "林詠欣" and values["date_of_birth"] == "1992-05-17"
    assert values["doc_number"] == PASSPORT and values["expiry_date"] == "2031-06-30"
    assert values["email"] == "wing.lam@example.com"
    assert values["employer_name"] == "Harbour Analytics Ltd"
    assert values["offer_position"] == "Senior Data Scientist"
    assert values["salary"] == "HK$95,000 (a month)"
    assert values["employer_br_number"] == "71234567"
    assert values["employment1.employer"] == "Northwind Data plc"
    assert values["dependant1.dependant_name"] == "LAM Hoi Ting"
    assert values["dependant1.relationship"] == "Child"
    assert values["stay1.limit_of_stay"] == "2027-02-01"
    missing = {f.key for f in sheet.missing}
    assert {"hkid", "contract_end", "marital_status"} <= missing
    assert "doc_number" not in missing
    assert sheet.in_order()[0].key == "family_name"
    new = filing_sheet(sqlite_store, case_id, on=ON)
    assert new.reference == reference


def test_the_printed_sheet_reads_back_the_same_values(sqlite_store: Store, tmp_path: Path
                                                      ) -> None:
    case_id, reference = _records(sqlite_store)
    ready = readiness(sqlite_store, case_id, filing_date=ON)
    for lang in Lang:
        sheet = filing_sheet(sqlite_store, case_id, lang, on=ON)
        target = tmp_path / f"sheet-{lang.value}.pdf"
        result = render_sheet_pdf(sheet, ready, target=target)
        assert result.warnings == ()
        text = "".join(p.extract_text() for p in PdfReader(target).pages)
        flat = "".join(text.split())
        for field in sheet.in_order():
            if field.value is not None:
                assert "".join(field.value.split()) in flat, (lang, field.key, field.value)
        assert reference in flat
    zh = "".join("".join(p.extract_text() for p in
                         PdfReader(tmp_path / "sheet-zh-hk.pdf").pages).split())
    assert "申請人簽署" in zh and "欠缺" in zh and "林詠欣" in zh
    en = "".join(p.extract_text() for p in PdfReader(tmp_path / "sheet-en.pdf").pages)
    assert "particulars we will submit" in en and "Signature of the applicant" in en
    html = render_sheet_html(filing_sheet(sqlite_store, case_id, on=ON), ready)
    assert PASSPORT in html and "[missing]" in html and "<script" not in html


def test_filing_sheet_command(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        _, reference = filing_case(store, kind=ApplicationType.EXTENSION)
    finally:
        store.close()
    def hk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(folder),
                               "filing-sheet", reference, *args], capture_output=True,
                              text=True, timeout=180, env={**os.environ})
    run = hk("--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["case"] == reference and data["sections"][0]["code"] == "personal"
    assert [c["code"] for c in data["checks"]][:2] == ["limit_of_stay", "passport_validity"]
    assert data["fees"]["applicants"][0]["on_filing"] == 600
    pdf = hk("-o", str(tmp_path / "s.pdf"), "--lang", "zh-cn")
    assert pdf.returncode == 0 and (tmp_path / "s.pdf").read_bytes()[:5] == b"%PDF-"
    html = hk("-o", str(tmp_path / "s.html"))
    assert html.returncode == 0 and PASSPORT in (tmp_path / "s.html").read_text()
    bad = hk("-o", str(tmp_path / "s.docx"))
    assert bad.returncode == 2 and ".pdf or .html" in bad.stderr
    plain = hk()
    assert plain.returncode == 0 and f"Document no.: {PASSPORT}" in plain.stdout


#: Words of each language's check messages, as written (Traditional) and converted (hk2s).
CHECK_WORDS = {Lang.EN: ("the case has no checklist", "expected decision around"),
               Lang.ZH_HK: ("此個案沒有文件清單", "預計約於"),
               Lang.ZH_CN: ("此个案没有文件清单", "预计约于")}


def test_the_checks_print_in_the_sheets_language(sqlite_store: Store, tmp_path: Path) -> None:
    case_id, _ = _records(sqlite_store)
    ready = readiness(sqlite_store, case_id, filing_date=ON)
    assert any(c.key == "no_checklist" and c.blocking for c in ready.checks)
    for lang, words in CHECK_WORDS.items():
        sheet = filing_sheet(sqlite_store, case_id, lang, on=ON)
        target = tmp_path / f"checks-{lang.value}.pdf"
        render_sheet_pdf(sheet, ready, target=target)
        flat = "".join("".join(p.extract_text() for p in PdfReader(target).pages).split())
        for phrase in words:
            assert "".join(phrase.split()) in flat, (lang, phrase)
        others = [w for other, ws in CHECK_WORDS.items() if other is not lang for w in ws
                  if other is Lang.EN or lang is Lang.EN]
        assert not any("".join(w.split()) in flat for w in others), lang
        html = render_sheet_html(sheet, ready)
        assert words[0] in html
        scheme = {Lang.EN: "TopTalentPassScheme(TTPS)·Extensionofstay",
                  Lang.ZH_HK: "高端人才通行證計劃·延期逗留",
                  Lang.ZH_CN: "高端人才通行证计划·延期逗留"}
        assert scheme[lang] in flat
    # The item titles inside a message follow the language too.
    ensure_checklist(sqlite_store, case_id, actor=ACTOR, on=date(2026, 12, 1))
    ready = readiness(sqlite_store, case_id, filing_date=ON)
    zh = render_sheet_html(filing_sheet(sqlite_store, case_id, Lang.ZH_HK, on=ON), ready)
    assert "旅行證件" in zh and "Valid travel document" not in zh
    cn = render_sheet_html(filing_sheet(sqlite_store, case_id, Lang.ZH_CN, on=ON), ready)
    assert "旅行证件" in cn and "旅行證件" not in cn


def test_filing_sheet_command_in_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        _, reference = filing_case(store, kind=ApplicationType.EXTENSION)
    finally:
        store.close()
    base = [sys.executable, "-m", "hkcase", "--data-dir", str(folder), "filing-sheet",
            reference]
    run = subprocess.run([*base, "--json", "--lang", "zh-hk"], capture_output=True,
                         text=True, timeout=180, env={**os.environ})
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    in_hk = next(c for c in data["checks"] if c["code"] == "in_hong_kong")
    assert in_hk["message"].startswith("confirm with the client")  # English, for scripts
    assert in_hk["text"].startswith("請與客戶確認")
    assert "遞交時繳付" in data["summary"]
    plain = subprocess.run([*base, "--lang", "zh-cn"], capture_output=True, text=True,
                           timeout=180, env={**os.environ})
    assert plain.returncode == 0 and "请与客户确认" in plain.stdout
