"""The extension reminder letter: limit of stay, window, missing documents, both languages."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hkcase.domain.checklists import Lang
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme, Sex
from hkcase.services import checklists as C
from hkcase.services.errors import ValidationError
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.pdf_support import (
    ACTOR,
    CN_NAME,
    HK_NAME,
    make_case,
    pdffonts,
    pdftotext,
    squeezed,
    words,
)

LIMIT = date(2027, 2, 15)


def _flat(path: Path) -> str:
    """English words spaced normally, then the Chinese with no spaces at all."""
    text = pdftotext(path)
    return words(text) + "\n" + squeezed(text)


def test_letter_gives_limit_window_and_missing_documents(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    case_id, reference = make_case(sqlite_store, limit=LIMIT)
    entries = {e.code: e for e in C.create_checklist(sqlite_store, case_id, actor=ACTOR,
                                                     on=date(2026, 11, 22))}
    C.set_item_state(sqlite_store, entries["hkid"].id, ChecklistState.RECEIVED, actor=ACTOR)
    C.set_item_state(sqlite_store, entries["income_and_tax"].id, ChecklistState.REJECTED,
                     actor=ACTOR)
    target = tmp_path / "letter.pdf"
    result = outputs.render_letter(sqlite_store, case_id, on=date(2026, 10, 1), target=target,
                                   signer="Alice Wong")
    assert result.pages == 2
    text = _flat(target)
    # TTPS: three months before the limit (hkcase.domain.stay.extension_window).
    for expected in ("15 February 2027", "15 November 2026", "three months", "Dear Mr Kwong",
                     reference, "2027年2月15日", "2026年11月15日", "三個月", f"{HK_NAME}先生",
                     "Alice Wong", "Top Talent Pass Scheme (TTPS)", "高端人才通行證計劃"):
        assert expected in text, expected
    assert "Proof of income and of tax paid in Hong Kong (if applicable) (please send it " \
        "again)" in text
    assert "在港收入及已繳稅款的證明（如適用）（請重新提供）" in text
    assert "Hong Kong identity card" not in text.split("we still need")[1].split("Please")[0]
    # The 3-month window is ImmD's own rule for every TTPS entrant: no caveat to print.
    assert not any("3-month window" in w for w in result.warnings)
    assert {f["emb"] for f in pdffonts(target)} == {"yes"}


def test_mainland_client_gets_simplified_and_a_four_week_window(sqlite_store: Store,
                                                                 tmp_path: Path) -> None:
    case_id, _ = make_case(sqlite_store, scheme=Scheme.GEP, kind=ApplicationType.EXTENSION,
                           chinese_name=CN_NAME, family="Zhang", given="Wei", sex=Sex.FEMALE,
                           residence=Residence.MAINLAND_CHINA, limit=LIMIT)
    target = tmp_path / "zh.pdf"
    result = outputs.render_letter(sqlite_store, case_id, on=LIMIT - timedelta(days=10),
                                   target=target)
    text = _flat(target)
    opens = LIMIT - timedelta(days=28)
    assert f"{opens.day} January 2027" in text and "four weeks" in text
    assert f"{CN_NAME}女士" in text and "阁下" in text and "四周" in text
    assert "That window is open now." in text and "现已可以递交申请" in text
    # No checklist on the case: the extension template's required items are listed (from
    # 2026-12-01 ImmD's own list, which no longer has the paper form ID 91).
    assert "we will need these documents" in text and "Hong Kong identity card" in text
    assert "Application for an Extension of Stay" not in text
    assert "Dear Ms Zhang" in text
    assert result.warnings == ()
    traditional = outputs.render_letter(sqlite_store, case_id, chinese=Lang.ZH_HK,
                                        on=LIMIT - timedelta(days=10),
                                        target=tmp_path / "hk.pdf")
    assert "閣下" in _flat(tmp_path / "hk.pdf") and traditional.pages >= 2


def test_letter_needs_a_current_stay(sqlite_store: Store) -> None:
    no_stay, reference = make_case(sqlite_store)
    with pytest.raises(ValidationError, match=f"case {reference} has no limit of stay"):
        outputs.render_letter(sqlite_store, no_stay)
    ended, _ = make_case(sqlite_store, family="Lau", limit=date(2026, 1, 31))
    # A passed limit is written about, not refused (tests/cli/test_limit_passed_outputs.py).
    assert outputs.render_letter(sqlite_store, ended, on=date(2026, 2, 1)).pages >= 2
    with pytest.raises(ValidationError, match="bilingual"):
        outputs.render_letter(sqlite_store, ended, chinese=Lang.EN, on=date(2026, 1, 2))
