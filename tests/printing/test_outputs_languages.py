"""Every printed output in English, Traditional and Simplified Chinese, read back: its words
come from the label catalogue, and no internal identifier reaches the page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from hkcase.domain.checklists import Lang
from hkcase.domain.labels import catalogue
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.filing.checks import readiness
from hkcase.services.filing.sheet import filing_sheet
from hkcase.services.filing.sheet_render import render_sheet_html, render_sheet_pdf
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.filing_support import ACTOR, filing_case
from tests.pdf_support import make_pdf, pdftotext

TODAY = date(2026, 11, 22)
#: snake_case or CODE_WITH_UNDERSCORES: what an identifier looks like on a page.
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b")
URL = re.compile(r"https?://\S+")
#: Words of each language that its outputs must show (and the others must not).
PACK_WORDS = {Lang.EN: ["Case summary", "Top Talent Pass Scheme (TTPS)", "Please send again",
                        "Eligibility", "Enclosures"],
              Lang.ZH_HK: ["個案摘要", "高端人才通行證計劃", "請重新提供", "資格評估", "附件",
                           "2026年11月22日"],
              Lang.ZH_CN: ["个案摘要", "高端人才通行证计划", "请重新提供", "资格评估", "附件",
                           "2026年11月22日"]}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _identifiers(text: str) -> list[str]:
    """Identifier-like tokens on a page (web addresses of the sources aside)."""
    return IDENTIFIER.findall(URL.sub(" ", text.replace("-\n", "")))


def _vocabulary_codes() -> set[str]:
    """Every stored vocabulary value that is not a plain word (``income_source``, ``QMAS_ABPT``)."""
    return {value for table in catalogue().values() for value in table
            if "_" in value}


def _assert_clean(text: str, what: str) -> None:
    assert not _identifiers(text), f"{what} shows identifiers: {_identifiers(text)}"
    assert "schemes.md" not in text and "§" not in text, what
    flat = _flat(text)
    shown = {code for code in _vocabulary_codes() if code in flat}
    assert not shown, f"{what} shows vocabulary codes: {shown}"


@pytest.fixture
def case(sqlite_store: Store, tmp_path: Path) -> tuple[Store, Path, int]:
    """A TTPS extension with a checklist (one item sent back, one accepted with a file), case
    facts and a stay whose extension window is open."""
    store, attachments = sqlite_store, tmp_path / "attachments"
    case_id, _ = filing_case(store, scheme=Scheme.TTPS, kind=ApplicationType.EXTENSION,
                             limit=date(2027, 1, 10))
    items = {e.code: e.id for e in C.create_checklist(store, case_id, actor=ACTOR, on=TODAY)}
    codes = list(items)
    C.set_item_state(store, items[codes[1]], ChecklistState.REJECTED, actor=ACTOR)
    documents.attach_file(store, attachments, items[codes[0]],
                          make_pdf(tmp_path / "passport.pdf", 1, "passport"), actor=ACTOR)
    C.set_item_state(store, items[codes[0]], ChecklistState.ACCEPTED, actor=ACTOR)
    version = load_case_facts(store, case_id).version
    save_case_facts(store, case_id, version, {
        "position": "Senior Data Scientist", "salary_hkd": 95000, "salary_period": "monthly",
        "ttps_income_source": "own_company_profit", "marital_status": "married"}, actor=ACTOR)
    return store, attachments, case_id


@pytest.mark.parametrize("lang", list(Lang))
def test_the_pack_prints_in_each_language(case: tuple[Store, Path, int], tmp_path: Path,
                                          lang: Lang) -> None:
    store, attachments, case_id = case
    target = tmp_path / f"pack-{lang.value}.pdf"
    result = outputs.render_pack(store, attachments, case_id, on=TODAY, target=target,
                                 lang=lang)
    text = pdftotext(target)
    flat = _flat(text)
    for word in PACK_WORDS[lang]:
        assert _flat(word) in flat, (lang, word)
    for other in Lang:
        if other is not lang and other is not Lang.EN:
            assert _flat(PACK_WORDS[other][0]) not in flat, (lang, other)
    _assert_clean(text, f"pack {lang.value}")
    assert result.pages >= 5 and not [w for w in result.warnings if "font has no" in w]
    # The enclosure's stamp and bookmark are in the pack's language too.
    stamp = {Lang.EN: "Encl. 1 · Hong Kong identity card", Lang.ZH_HK: "附件 1 · 香港身份證",
             Lang.ZH_CN: "附件 1 · 香港身份证"}[lang]
    assert _flat(stamp) in flat


def test_bulk_packs_in_chinese_are_named_by_language(case: tuple[Store, Path, int],
                                                     tmp_path: Path) -> None:
    store, attachments, case_id = case
    folder = tmp_path / "out"
    folder.mkdir()
    [outcome] = outputs.export_packs(store, attachments, [case_id], folder, on=TODAY,
                                     lang=Lang.ZH_CN)
    assert outcome.ok and outcome.path == folder / f"{outcome.reference}-pack-zh-cn.pdf"
    assert "个案摘要" in _flat(pdftotext(outcome.path))


@pytest.mark.parametrize("lang", list(Lang))
def test_checklists_print_in_each_language(case: tuple[Store, Path, int], tmp_path: Path,
                                           lang: Lang) -> None:
    store, _, case_id = case
    own = outputs.render_case_checklist(store, case_id, lang, on=TODAY,
                                        target=tmp_path / f"own-{lang.value}.pdf")
    blank = outputs.render_blank_checklist(Scheme.QMAS_ABPT, ApplicationType.NEW, lang,
                                           on=TODAY, target=tmp_path / f"blank-{lang.value}.pdf")
    title = {Lang.EN: "Document checklist", Lang.ZH_HK: "文件清單", Lang.ZH_CN: "文件清单"}[lang]
    sent_back = {Lang.EN: "Please send again", Lang.ZH_HK: "請重新提供",
                 Lang.ZH_CN: "请重新提供"}[lang]
    date_words = {Lang.EN: "22 November 2026"}.get(lang, "2026年11月22日")
    for result, what in ((own, "case checklist"), (blank, "blank checklist")):
        assert result.path is not None
        text = pdftotext(result.path)
        assert _flat(title) in _flat(text) and _flat(date_words) in _flat(text), what
        _assert_clean(text, f"{what} {lang.value}")
    own_text = _flat(pdftotext(own.path))  # type: ignore[arg-type]
    assert _flat(sent_back) in own_text
    # The footer names the template by its title, not its id.
    assert {Lang.EN: "TTPS:extension", Lang.ZH_HK: "高端人才通行證計劃",
            Lang.ZH_CN: "高端人才通行证计划"}[lang] in own_text
    blank_text = _flat(pdftotext(blank.path))  # type: ignore[arg-type]
    assert {Lang.EN: "QMAS", Lang.ZH_HK: "優秀人才入境計劃",
            Lang.ZH_CN: "优秀人才入境计划"}[lang] in blank_text


@pytest.mark.parametrize("chinese", [Lang.ZH_HK, Lang.ZH_CN])
def test_the_letter_prints_english_and_either_chinese(case: tuple[Store, Path, int],
                                                      tmp_path: Path, chinese: Lang) -> None:
    store, _, case_id = case
    result = outputs.render_letter(store, case_id, chinese=chinese, on=TODAY,
                                   target=tmp_path / f"letter-{chinese.value}.pdf")
    text = pdftotext(result.path)  # type: ignore[arg-type]
    flat = _flat(text)
    assert "TopTalentPassScheme(TTPS)" in flat and "10January2027" in flat
    assert {Lang.ZH_HK: "高端人才通行證計劃", Lang.ZH_CN: "高端人才通行证计划"}[chinese] in flat
    assert "2027年1月10日" in flat
    # The window rule in words (TTPS: three months; the catalogue's WindowRule).
    assert "threemonths" in flat and {Lang.ZH_HK: "三個月", Lang.ZH_CN: "三个月"}[chinese] in flat
    _assert_clean(text, f"letter {chinese.value}")


@pytest.mark.parametrize("lang", list(Lang))
def test_the_filing_sheet_prints_in_each_language(case: tuple[Store, Path, int],
                                                  tmp_path: Path, lang: Lang) -> None:
    store, _, case_id = case
    sheet = filing_sheet(store, case_id, lang, on=TODAY)
    ready = readiness(store, case_id, filing_date=TODAY)
    pdf = render_sheet_pdf(sheet, ready, target=tmp_path / f"sheet-{lang.value}.pdf")
    html = render_sheet_html(sheet, ready)
    text = pdftotext(pdf.path)  # type: ignore[arg-type]
    money = {Lang.EN: "HK$95,000 (a month)", Lang.ZH_HK: "港幣95,000元（每月）",
             Lang.ZH_CN: "港币95,000元（每月）"}[lang]
    scheme = {Lang.EN: "Top Talent Pass Scheme (TTPS)", Lang.ZH_HK: "高端人才通行證計劃",
              Lang.ZH_CN: "高端人才通行证计划"}[lang]
    married = {Lang.EN: "Married", Lang.ZH_HK: "已婚", Lang.ZH_CN: "已婚"}[lang]
    for shown, what in ((text, "sheet PDF"), (re.sub(r"<[^>]+>", " ", html), "sheet HTML")):
        flat = _flat(shown)
        assert _flat(scheme) in flat and _flat(married) in flat, (what, lang)
        assert _flat(money).replace("（", "(").replace("）", ")") in flat.replace(
            "（", "(").replace("）", ")"), (what, lang)
        _assert_clean(shown, f"{what} {lang.value}")
