"""Countries in words on paper (issue 15): a Chinese pack names the nationality and the place
of issue in its language, never as a code; the filing sheet names the country and keeps the
code the e-form asks for; an attachment left out is said in the pack's language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hkcase.domain.checklists import Lang
from hkcase.domain.vocab import (
    ChecklistState,
)
from hkcase.services import checklists as C
from hkcase.services.filing.sheet import filing_sheet, sheet_json
from hkcase.services.filing.sheet_render import render_sheet_html, render_sheet_pdf
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.pdf_support import santos_case

TODAY = date(2026, 11, 22)
ACTOR = "amy"
#: Nationality Philippines, passport issued in the United Kingdom.
WORDS = {Lang.ZH_HK: ("國籍", "菲律賓", "英國"), Lang.ZH_CN: ("国籍", "菲律宾", "英国")}
#: The codes of both countries, alpha-2 and alpha-3, as a word of their own.
CODES = re.compile(r"(?<![A-Za-z])(PH|PHL|GB|GBR)(?![A-Za-z])")


def _case(store: Store) -> int:
    return santos_case(store, ACTOR)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", [Lang.ZH_HK, Lang.ZH_CN])
def test_a_chinese_pack_names_the_countries_in_its_language(sqlite_store: Store,
                                                            tmp_path: Path, lang: Lang) -> None:
    case_id = _case(sqlite_store)
    target = tmp_path / f"pack-{lang.value}.pdf"
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                        target=target, lang=lang)
    label, nationality, issued = WORDS[lang]
    pages = [page.extract_text() for page in PdfReader(target).pages]
    # The summary: the label, then the name (pypdf reads the cells in order).
    [summary] = [text for text in pages if f"{label}{nationality}" in re.sub(r"\s+", "", text)]
    assert f"P1234567A（{issued}）" in re.sub(r"\s+", "", summary)
    # Neither the cover nor the summary shows a country's code (the eligibility section
    # quotes the rules' reasons, said by the rules).
    for text in pages[:pages.index(summary) + 1]:
        assert not CODES.findall(text), CODES.findall(text)


def test_the_english_pack_names_the_countries_in_english(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    case_id = _case(sqlite_store)
    target = tmp_path / "pack-en.pdf"
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                        target=target)
    flat = re.sub(r"\s+", "", _text(target))
    assert "NationalityPhilippines" in flat and "P1234567A(UnitedKingdom)" in flat


@pytest.mark.parametrize(("lang", "words"), [
    (Lang.ZH_HK, ("未收入", "（沒有檔案）", "已接納，但未附上檔案")),
    (Lang.ZH_CN, ("未收入", "（没有文件）", "已接纳，但未附上文件")),
    (Lang.EN, ("Not included", "(no file)", "accepted, but no file is attached")),
])
def test_an_accepted_item_without_a_file_is_said_in_the_packs_language(
        sqlite_store: Store, tmp_path: Path, lang: Lang, words: tuple[str, ...]) -> None:
    case_id = _case(sqlite_store)
    [first, *_] = C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    C.set_item_state(sqlite_store, first.id, ChecklistState.ACCEPTED, actor=ACTOR)
    target = tmp_path / f"skipped-{lang.value}.pdf"
    result = outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                                 target=target, lang=lang)
    flat = re.sub(r"\s+", "", _text(target))
    for word in words:
        assert re.sub(r"\s+", "", word) in flat, (lang, word)
    if lang is not Lang.EN:
        assert "accepted,butnofile" not in flat
    # The consultant's note (CLI, and a screen in English) keeps its English words.
    [skipped] = result.skipped
    assert skipped.message.endswith("left out: accepted, but no file is attached")
    assert skipped.message.startswith("(no file) (")


def test_the_filing_sheet_names_the_country_and_keeps_the_code(sqlite_store: Store,
                                                               tmp_path: Path) -> None:
    case_id = _case(sqlite_store)
    sheet = filing_sheet(sqlite_store, case_id, Lang.ZH_HK, on=TODAY)
    fields = {f.key: f for f in sheet.in_order()}
    assert fields["nationality"].display == "菲律賓（PH）"
    assert fields["issuing_country"].display == "英國（GB）"
    # The JSON keeps "value" as it was (the code); "text" is what the sheet shows.
    data = {f["key"]: f for s in sheet_json(sheet)["sections"] for f in s["fields"]}
    assert data["nationality"]["value"] == "PH" and data["nationality"]["text"] == "菲律賓（PH）"
    assert data["issuing_country"]["value"] == "GB"
    assert data["doc_number"]["text"] == data["doc_number"]["value"] == "P1234567A"
    pdf = render_sheet_pdf(sheet, target=tmp_path / "sheet.pdf")
    flat = re.sub(r"\s+", "", _text(pdf.path))  # type: ignore[arg-type]
    assert "國籍菲律賓（PH）" in flat and "簽發地英國（GB）" in flat
    assert "菲律賓（PH）" in render_sheet_html(sheet)
    english = {f.key: f for f in filing_sheet(sqlite_store, case_id, on=TODAY).in_order()}
    assert english["nationality"].display == "Philippines (PH)"
    assert english["issuing_country"].display == "United Kingdom (GB)"
