"""Reminder wording on a Chinese desktop: relative days, the limit line, every stored title
said again in Chinese, snoozes; the stored titles themselves stay English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from hkcase.domain.messages import said_again, set_language
from hkcase.domain.reminders.plan import (
    DocumentFact,
    LeadDaysError,
    PlannedReminder,
    SponsorLink,
    StayFact,
    TravelDocumentFact,
    normalise_lead_days,
    plan_reminders,
)
from hkcase.domain.reminders.snooze import SnoozeError, check_snooze, snooze_choices
from hkcase.domain.reminders.wording import limit_line, relative_day, shown_title
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import ReminderKind, Scheme

TODAY = date(2026, 12, 1)
LEADS = [84, 42, 7]
#: Names that stay as they are in Chinese text (the app, ImmD's form).
PROPER = {"hkcase", "ROP"}


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_language("en")


def english_words(text: str) -> list[str]:
    """Latin words left in ``text``, e-mail addresses and proper nouns aside."""
    text = re.sub(r"\S+@\S+", "", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in PROPER]


@pytest.mark.parametrize(("lang", "offset", "text"), [
    ("zh-hk", 0, "今天"), ("zh-hk", 1, "明天"), ("zh-hk", -1, "昨天"),
    ("zh-hk", 3, "3天後"), ("zh-hk", -2, "2天前"), ("zh-hk", 14, "2星期後"),
    ("zh-hk", -21, "3星期前"),
    ("zh-cn", 0, "今天"), ("zh-cn", 3, "3天后"), ("zh-cn", 14, "2星期后"),
    ("zh-cn", -5, "5天前")])
def test_relative_days_in_chinese(lang: str, offset: int, text: str) -> None:
    set_language(lang)
    assert relative_day(TODAY + timedelta(days=offset), TODAY) == text


def test_the_limit_line_in_both_chinese() -> None:
    set_language("zh-hk")
    assert limit_line(TODAY + timedelta(days=3), TODAY) == "逗留期限：2026-12-04（3天後）。"
    passed = limit_line(TODAY - timedelta(days=7), TODAY)
    assert passed.startswith("逗留期限已於2026-11-24屆滿（7天前）")
    assert "入境處" in passed and "enquiry@immd.gov.hk" in passed
    assert english_words(passed) == []
    set_language("zh-cn")
    assert limit_line(TODAY + timedelta(days=3), TODAY) == "逗留期限：2026-12-04（3天后）。"
    assert limit_line(TODAY - timedelta(days=7), TODAY).startswith("逗留期限已于2026-11-24届满")
    # The same line said again in English, as a PDF in English would.
    assert limit_line(TODAY, TODAY).into("en") == f"Limit of stay {TODAY} (today)."


def _every_kind() -> list[PlannedReminder]:
    """Plans with every stored title: each kind, both reasons of a travel document, a
    limit on a Sunday, an entry date and none."""
    stays = [
        StayFact(1, 1, 1, Scheme.GEP, date(2024, 1, 1), date(2026, 12, 20), date(2024, 1, 5), 0),
        StayFact(2, 2, 2, Scheme.DEPENDANT, date(2023, 1, 1), date(2027, 6, 1), None, 0),
        StayFact(3, 3, 3, Scheme.TTPS, date(2025, 1, 1), date(2027, 2, 1), None, 0),
        StayFact(4, 4, 4, Scheme.GEP, date(2025, 6, 1), date(2028, 6, 1), None, 0),
        StayFact(5, 5, 5, Scheme.GEP, date(2024, 6, 1), date(2027, 1, 10), None, 0),  # Sunday
    ]
    passports = [
        TravelDocumentFact(1, 1, "prc_passport", date(2027, 1, 15)),  # near the window
        TravelDocumentFact(2, 3, "passport", date(2027, 1, 20)),  # before the limit
        TravelDocumentFact(3, 5, "document_of_identity", date(2027, 1, 1)),
        TravelDocumentFact(4, 4, "other", date(2028, 5, 1)),
    ]
    documents = [DocumentFact(1, 1, 1, "僱傭合約", date(2027, 1, 1))]
    plan = plan_reminders(stays, passports, documents, [SponsorLink(4, 2)], LEADS)
    assert {p.kind for p in plan} == set(ReminderKind)
    return plan


@pytest.mark.parametrize("lang", ["zh-hk", "zh-cn"])
def test_every_stored_title_reads_in_chinese(lang: str) -> None:
    plan = _every_kind()
    set_language(lang)
    left = {}
    for planned in plan:
        shown = shown_title(planned.kind, planned.title, planned.due_date, None, TODAY)
        assert shown != planned.title
        if english_words(shown):
            left[planned.title] = shown
    assert not left, left


def test_the_chinese_says_what_the_english_said() -> None:
    plan = _every_kind()
    set_language("zh-hk")
    by_title = {p.title: shown_title(p.kind, p.title, p.due_date, None, TODAY) for p in plan}
    assert any(w.startswith("延期申請期開始（逗留期限2026-12-20前4星期）")
               for w in by_title.values())
    assert any("逗留期限2027-02-01前3個月" in w for w in by_title.values())
    assert any(w.startswith("逗留期限為2027-01-10：延期申請必須在此之前遞交；2027-01-10是公眾假期"
                            "（星期日），之前最後一個工作天為2027-01-09 — ")
               for w in by_title.values())
    assert any(w.startswith("護照於2027-01-20到期，早於逗留期限2027-02-01：請在遞交申請前續領（網上"
                            "延期服務不接受3個月內到期的旅行證件）") for w in by_title.values())
    assert any(w.startswith("中華人民共和國護照於2027-01-15到期，距延期申請期開始日2026-11-22不足"
                            "3個月") for w in by_title.values())
    assert any(w.startswith("簽證身份書於") for w in by_title.values())
    assert any(w.startswith("旅行證件於2028-05-01到期") for w in by_title.values())
    assert any(w.startswith("僱傭合約於2027-01-01到期") for w in by_title.values())
    assert any(w.startswith("保證人的逗留期限現為2028-06-01；此受養人的逗留期限為2027-06-01")
               for w in by_title.values())
    assert any(w.startswith("永久性居民身份：自首次入境日期2024-01-05起計7年，即2031-01-05（估計")
               for w in by_title.values())
    assert any("自首次獲批日期2023-01-01（沒有入境日期）起計7年" in w for w in by_title.values())


def test_stored_titles_stay_english_on_a_chinese_desktop() -> None:
    english = [tuple(p) for p in _every_kind()]
    set_language("zh-hk")
    assert [tuple(p) for p in _every_kind()] == english
    # Only the document's own (Chinese) name is Chinese in what is stored.
    assert all(not re.search(r"[\u4e00-\u9fff]", row[5].replace("僱傭合約", ""))
               for row in english)


def test_the_rule_notes_quoted_in_titles_are_in_the_catalogue() -> None:
    """Stored titles quote resources/stay/reminders.toml's notes: if a note there changes,
    its entry in resources/messages/reminders.toml must change with it."""
    rules = rule_book().reminders
    for note in (rules.travel_document_note, rules.permanent_residence_note):
        for lang in ("zh-hk", "zh-cn"):
            assert english_words(said_again(note, lang)) == [], note


@pytest.mark.parametrize(("doc_type", "name"), [
    ("passport", "護照"), ("prc_passport", "中華人民共和國護照"),
    ("prc_exit_entry_permit", "往來港澳通行證"),
    ("taiwan_entry_permit", "台灣居民來往香港入境許可"),
    ("document_of_identity", "簽證身份書"), ("other", "旅行證件")])
def test_every_travel_document_is_named_in_chinese(doc_type: str, name: str) -> None:
    stay = StayFact(1, 1, 1, Scheme.GEP, date(2024, 1, 1), date(2026, 12, 20), None, 0)
    plan = plan_reminders([stay], [TravelDocumentFact(1, 1, doc_type, date(2026, 12, 1))], [],
                          [], LEADS)
    (title,) = [p for p in plan if p.kind is ReminderKind.TRAVEL_DOCUMENT_EXPIRY]
    set_language("zh-hk")
    shown = shown_title(title.kind, title.title, title.due_date, None, TODAY)
    assert shown.startswith(f"{name}於2026-12-01到期") and english_words(shown) == []


@pytest.mark.parametrize("lang", ["zh-hk", "zh-cn"])
def test_shown_titles_of_stay_deadlines_in_chinese(lang: str) -> None:
    set_language(lang)
    limit = date(2026, 12, 29)
    title = "Limit of stay 2026-12-29: the extension must be filed by then"
    shown = shown_title(ReminderKind.FINAL_WEEK, title, limit - timedelta(days=7), limit,
                        date(2026, 12, 22))
    assert shown.startswith("逗留期限")
    assert shown.endswith("逗留期限7天後" if lang == "zh-hk" else "逗留期限7天后")
    passed = shown_title(ReminderKind.FINAL_WEEK, title, limit - timedelta(days=7), limit,
                         date(2027, 1, 5))
    assert "入境處" in passed or "入境处" in passed
    assert english_words(passed) == []


def test_snoozes_in_chinese() -> None:
    set_language("zh-hk")
    limit = TODAY + timedelta(days=40)
    opens = limit - timedelta(days=28)
    labels = [c.label for c in snooze_choices(TODAY, limit, window_opens=opens,
                                              limit_of_stay=limit)]
    assert f"直至申請期開始（{opens}）" in labels
    assert f"直至逗留期限前7天（{limit - timedelta(days=7)}）" in labels
    assert {"1天", "1星期", "2星期"} <= set(labels)
    assert all(english_words(label) == [] for label in labels)
    with pytest.raises(SnoozeError, match="最遲只可延後至") as late:
        check_snooze(TODAY + timedelta(days=50), TODAY, limit)
    assert "（期限）" in str(late.value)
    with pytest.raises(SnoozeError, match="不能再延後"):
        check_snooze(TODAY + timedelta(days=1), TODAY, TODAY)
    with pytest.raises(LeadDaysError, match="1至730"):
        normalise_lead_days([0])
