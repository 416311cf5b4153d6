"""The pack's eligibility report in Chinese (issue 15): the reasons, details and changes of a
run kept in English (from a Chinese desktop too) are said again in the pack's language; the
English pack says them as before."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hkcase.domain.checklists import Lang
from hkcase.domain.messages import set_language
from hkcase.services.eligibility.run import record_check
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from hkcase.store.models import EligibilityRun
from tests.pdf_support import santos_case

TODAY = date(2026, 11, 22)
ACTOR = "amy"
HEADING = {Lang.ZH_HK: "資格評估", Lang.ZH_CN: "资格评估", Lang.EN: "Eligibility"}
#: What English reasons and details say; none of it may be left in a Chinese report.
ENGLISH = re.compile(r"\b(not met|unknown|needs|review|Known in force|revision date|"
                     r"nationals|not on the list|package|market level|aged \d+)\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


def _case(store: Store) -> int:
    return santos_case(store, ACTOR)


def _eligibility_text(path: Path, lang: Lang) -> str:
    """The eligibility section, up to the note that ImmD decides (said in two languages)."""
    pages = [page.extract_text() for page in PdfReader(path).pages]
    first = next(i for i, text in enumerate(pages) if text.lstrip().startswith(HEADING[lang]))
    section = "\n".join(pages[first:first + 3])
    return section.split("The Immigration Department decides")[0]


def _kept_run(store: Store, case_id: int) -> dict[str, object]:
    # Kept from a Chinese desktop: the database still holds English.
    set_language("zh-hk")
    try:
        record_check(store, case_id, actor=ACTOR, on=TODAY)
    finally:
        set_language("en")
    with store.reading() as session:
        run = session.query(EligibilityRun).filter_by(case_id=case_id).one()
        return dict(run.result)


def test_a_run_kept_from_a_chinese_desktop_is_english(sqlite_store: Store) -> None:
    result = _kept_run(sqlite_store, _case(sqlite_store))
    reasons = [str(r) for r in result["reasons"]]  # type: ignore[union-attr]
    assert any(r.startswith("unknown: ") for r in reasons), reasons
    assert not any(re.search("[\u4e00-\u9fff]", r) for r in reasons)


@pytest.mark.parametrize("lang", [Lang.ZH_HK, Lang.ZH_CN])
def test_a_chinese_pack_says_the_kept_reasons_in_its_language(sqlite_store: Store,
                                                              tmp_path: Path,
                                                              lang: Lang) -> None:
    case_id = _case(sqlite_store)
    result = _kept_run(sqlite_store, case_id)
    target = tmp_path / f"pack-{lang.value}.pdf"
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                        target=target, lang=lang)
    text = re.sub(r"\s+", " ", _eligibility_text(target, lang))
    # English left: the criteria's own (small) English text, the rule sources' addresses,
    # the names on the page's foot.
    for criterion in result["criteria"]:  # type: ignore[union-attr]
        text = text.replace(str(criterion["text"]), " ")
    text = re.sub(r"https?://\S+|SANTOS Maria|hkcase|Page \d+ of \d+|[A-Z_]+-\d{4}-\d\d-\d\d"
                  rf"|（{ACTOR}）", " ", text)  # rule-set ids, who kept the run
    assert not ENGLISH.findall(text), ENGLISH.findall(text)
    left = sorted(set(WORD.findall(text)))
    assert not left, (left, text)
    flat = re.sub(r"\s+", "", text)
    words = ("未能確定：", "需要：") if lang is Lang.ZH_HK else ("未能确定：", "需要：")
    for word in words:
        assert word in flat, (word, flat[:400])


def test_the_english_pack_keeps_the_english_reasons(sqlite_store: Store,
                                                    tmp_path: Path) -> None:
    case_id = _case(sqlite_store)
    _kept_run(sqlite_store, case_id)
    target = tmp_path / "pack-en.pdf"
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                        target=target)
    flat = re.sub(r"\s+", " ", _eligibility_text(target, Lang.EN))
    assert "unknown: " in flat
    assert not re.search("[\u4e00-\u9fff]{4,}", flat.split("The Immigration Department")[0])
