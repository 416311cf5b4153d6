"""A limit of stay that has passed is said loudly in the letter and the pack, read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hkcase.domain.checklists import Lang
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.pdf_support import make_case, pdftotext, squeezed, words

LIMIT = date(2026, 11, 7)
AFTER = date(2026, 12, 1)


def test_the_letter_says_the_limit_passed_and_what_to_do(sqlite_store: Store,
                                                         tmp_path: Path) -> None:
    case_id, reference = make_case(sqlite_store, limit=LIMIT)
    result = outputs.render_letter(sqlite_store, case_id, on=AFTER, target=tmp_path / "l.pdf")
    raw = pdftotext(tmp_path / "l.pdf")
    english, chinese = words(raw), squeezed(raw)
    for expected in ("Urgent: your limit of stay ended on 7 November 2026",
                     "It has passed.", "online extension of stay is closed once the limit of "
                     "stay has passed, and overstaying is an offence",
                     "contact the Immigration Department now", "(852) 2824 6111",
                     "enquiry@immd.gov.hk", reference):
        assert expected in english, expected
    for expected in ("緊急：閣下的逗留期限已於2026年11月7日屆滿", "不再接受網上延期逗留申請",
                     "逾期逗留屬違法", "請立即聯絡入境事務處"):
        assert expected in chinese, expected
    # Not the words for a window still to come, nor a list of documents to send.
    for absent in ("can be filed from", "we still need", "so that we can file"):
        assert absent not in english, absent
    assert "起遞交" not in chinese
    assert any("passed on 2026-11-07" in w for w in result.warnings)
    simplified = tmp_path / "cn.pdf"
    outputs.render_letter(sqlite_store, case_id, on=AFTER, chinese=Lang.ZH_CN, target=simplified)
    assert "逾期逗留属违法" in squeezed(pdftotext(simplified))


def test_the_letter_before_the_limit_is_unchanged(sqlite_store: Store, tmp_path: Path) -> None:
    case_id, _ = make_case(sqlite_store, limit=LIMIT)
    outputs.render_letter(sqlite_store, case_id, on=LIMIT, target=tmp_path / "l.pdf")
    english = words(pdftotext(tmp_path / "l.pdf"))
    assert "your limit of stay ends on 7 November 2026" in english
    assert "can be filed from" in english and "Urgent" not in english


def test_the_pack_says_the_limit_passed(sqlite_store: Store, tmp_path: Path) -> None:
    case_id, _ = make_case(sqlite_store, limit=LIMIT)
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=AFTER,
                        target=tmp_path / "pack.pdf")
    text = words(pdftotext(tmp_path / "pack.pdf"))
    loud = "LIMIT OF STAY PASSED on 2026-11-07 (24 days ago)"
    assert text.count(loud) == 2  # on the cover and in the summary
    assert "online extension is closed once the limit of stay has passed" in text
    assert "Contact ImmD now" in text and "(852) 2824 6111" in text
    assert "an extension may be filed from" not in text
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=LIMIT,
                        target=tmp_path / "before.pdf")
    before = words(pdftotext(tmp_path / "before.pdf"))
    assert "LIMIT OF STAY PASSED" not in before
    assert "an extension may be filed from" in before
