"""Messages: said in the process's language, said again in another, read back from English."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from hkcase.domain import messages
from hkcase.domain.labels import label
from hkcase.domain.messages import (
    Message,
    MessageDataError,
    StoredText,
    Term,
    said_again,
    say,
    set_language,
    stored,
    tr,
)
from hkcase.domain.vocab import Scheme

DAY = date(2026, 12, 30)


def test_english_by_default_and_chinese_once_chosen() -> None:
    assert tr("Limit of stay {day} ({when}).", day=DAY, when="x") == \
        "Limit of stay 2026-12-30 (x)."
    set_language("zh-hk")
    said = tr("Limit of stay {day} ({when}).", day=DAY, when=tr("tomorrow"))
    assert said == "逗留期限：2026-12-30（明天）。"
    assert said.into("en") == "Limit of stay 2026-12-30 (tomorrow)."
    assert said.into("zh-cn") == "逗留期限：2026-12-30（明天）。"
    set_language("zh_CN")  # the interface's spelling works too
    assert tr("in {n} days", n=3) == "3天后"


def test_a_message_is_said_again_in_a_pdfs_language() -> None:
    said = tr("{title} — limit {when}", title="T", when=tr("in {n} weeks", n=2))
    assert isinstance(said, Message) and isinstance(said, str)
    assert label(said, "zh-hk") == "T — 逗留期限2星期後"
    assert label(said, "en") == said == "T — limit in 2 weeks"


def test_values_are_said_in_the_messages_language() -> None:
    assert say(Scheme.TTPS, "zh-hk") == label(Scheme.TTPS, "zh-hk")
    assert say(Scheme.QMAS_ABPT, "en") == "QMAS (achievement-based)"
    assert say(Term("hong_kong", "Residence"), "zh-cn") == label("hong_kong", "zh-cn",
                                                                  vocab="Residence")
    assert say(DAY, "en", "long") == "30 December 2026"
    assert say(DAY, "zh-hk", "long") == "2026年12月30日"
    assert say(1234, "zh-hk", "hkd") == "港幣1,234元"
    assert say([tr("today"), tr("tomorrow")], "zh-hk") == "今天、明天"
    assert say([tr("today"), tr("tomorrow")], "en") == "today, tomorrow"
    assert say(1234567, "en", ",") == "1,234,567"


def test_a_template_with_no_entry_says_its_english() -> None:
    set_language("zh-hk")
    assert tr("No such template {x}", x=1) == "No such template 1"


def test_unknown_languages_are_english() -> None:
    set_language("fr")
    assert messages.current_language() == "en"
    assert tr("today") == "today"


def test_stored_text_is_english_whatever_the_language() -> None:
    set_language("zh-hk")
    kept = stored("in {n} days", n=5)
    assert kept == "in 5 days" and not isinstance(kept, Message)
    assert said_again(kept, "zh-hk") == "5天後"
    assert tr("{title} — {when}", title=StoredText(kept), when=tr("today")) == "5天後 — 今天"


def test_said_again_reads_nested_english_back() -> None:
    english = str(tr("Limit of stay {day} ({when}).", day=DAY, when=tr("in {n} days", n=3)))
    assert said_again(english, "zh-hk") == "逗留期限：2026-12-30（3天後）。"
    assert said_again(english, "zh-cn") == "逗留期限：2026-12-30（3天后）。"
    assert said_again(english, "en") == english


def test_said_again_leaves_what_it_does_not_know() -> None:
    assert said_again("Chan Tai Man's note", "zh-hk") == "Chan Tai Man's note"
    assert said_again("", "zh-hk") == ""


def test_said_again_says_labels() -> None:
    assert said_again("ASMTP", "zh-hk") == label(Scheme.ASMTP, "zh-hk")


def test_a_message_survives_pickling() -> None:
    said = tr("in {n} days", n=4)
    back = pickle.loads(pickle.dumps(said))
    assert back == said and back.into("zh-hk") == "4天後"


@pytest.mark.parametrize("raw, problem", [
    ("not a table", "is not a table"),
    ({"en": "x", "zh_HK": "x"}, "zh_CN must be a non-empty string"),
    ({"en": "x", "zh_HK": "x", "zh_CN": " "}, "zh_CN must be a non-empty string"),
    ({"en": "x", "zh_HK": "x", "zh_CN": "x", "note": 1}, "unknown keys note"),
])
def test_a_broken_entry_names_its_file_and_place(raw: object, problem: str) -> None:
    with pytest.raises(MessageDataError, match=problem) as caught:
        messages._entry("x.toml", 2, raw)
    assert "resources/messages/x.toml: message 3" in str(caught.value)


def test_names_in_kept_sentences_are_said_in_chinese() -> None:
    """A holiday's gazetted name, a country code and a shipped checklist title inside a
    stored English sentence are named in Chinese; a typed title is left as it is."""
    from hkcase.domain.eligibility.common import excluded_nationals
    from hkcase.domain.reminders.plan import _final_week_title

    christmas = _final_week_title(date(2026, 12, 25))
    assert "(Christmas Day)" in christmas
    assert "（聖誕節）" in said_again(christmas, "zh-hk")
    assert "（圣诞节）" in said_again(christmas, "zh-cn")
    assert said_again(str(excluded_nationals("AF", "X")), "zh-hk") == "阿富汗國民不獲接納（X）"
    assert said_again("Recent photograph expires 2027-01-02", "zh-hk") == "近照於2027-01-02到期"
    assert said_again("My own scan expires 2027-01-02", "zh-hk") == "My own scan於2027-01-02到期"


def test_codes_and_lists_in_kept_sentences_are_said_through_the_labels() -> None:
    """A stored value quoted in an English sentence (``master``, ``job_offer``) and a list
    the English joined with commas are said in Chinese by the one mechanism."""
    from hkcase.domain.eligibility.wording import said_text

    assert said_text("highest degree: master", "zh-hk") == \
        f"最高學歷：{label('master', 'zh-hk', vocab='EducationLevel')}"
    needs = said_text("needs job_offer, languages", "zh-cn")
    assert "job_offer" not in needs and "、" in needs
    assert said_again("Chinese, English", "zh-hk") == "中文、英文"
    assert said_again("Acme, Ltd", "zh-hk") == "Acme, Ltd"  # nothing known: left as written
