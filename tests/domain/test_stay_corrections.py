"""Stay patterns and windows of the 2026-12 review (ImmD's pages), on both sides of each date."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.stay.extension_window import extension_window
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import Scheme


def test_ttps_extensions_are_capped_by_the_contract_from_2026() -> None:
    ask = {"previous_limit": date(2027, 6, 1), "extension": 1, "category": "B",
           "contract_end": date(2028, 1, 31)}
    before = estimate_stay(StayQuestion(Scheme.TTPS, application_date=date(2025, 12, 31), **ask))
    assert (before.rule_set.id, before.limit_of_stay) == ("TTPS.2022-12-28", date(2030, 6, 1))
    assert any(f.code == "contract_end_ignored" for f in before.notes)
    after = estimate_stay(StayQuestion(Scheme.TTPS, application_date=date(2026, 1, 1), **ask))
    assert after.rule_set.id == "TTPS.2026-01-01"
    assert (after.limit_of_stay, after.limit_source) == (date(2028, 1, 31), "contract_end")
    assert not any(f.code == "contract_cap_extension" for f in after.needs_review)


def test_ttps_first_stay_is_time_limitation_only() -> None:
    first = estimate_stay(StayQuestion(Scheme.TTPS, entry_date=date(2026, 3, 1), category="C",
                                       contract_end=date(2026, 9, 1)))
    assert (first.limit_of_stay, first.grant_months) == (date(2028, 3, 1), 24)
    a = estimate_stay(StayQuestion(Scheme.TTPS, entry_date=date(2026, 3, 1), category="A"))
    assert a.grant_months == 36
    assert a.rule_set.variants == ("TTPS.2026-01-01.category-A.first-stay",)


@pytest.mark.parametrize(("scheme", "day", "pattern", "flagged"), [
    (Scheme.GEP, date(2025, 12, 14), "GEP-ASMTP.2022-12-28", True),
    (Scheme.GEP, date(2025, 12, 15), "GEP-ASMTP.2025-12-15", False),
    (Scheme.ASMTP, date(2025, 12, 15), "GEP-ASMTP.2025-12-15", False),
    (Scheme.TECHTAS, date(2025, 12, 16), "TECHTAS.2022-12-28", True),
    (Scheme.TECHTAS, date(2025, 12, 17), "TECHTAS.2025-12-17", False),
])
def test_contract_cap_on_extensions_is_official(scheme: Scheme, day: date, pattern: str,
                                                flagged: bool) -> None:
    e = estimate_stay(StayQuestion(scheme, previous_limit=date(2026, 2, 1), extension=1,
                                   application_date=day, contract_end=date(2027, 1, 10)))
    assert (e.rule_set.id, e.limit_of_stay, e.limit_source) == (pattern, date(2027, 1, 10),
                                                                "contract_end")
    assert any(f.code == "contract_cap_extension" for f in e.needs_review) is flagged


def test_techtas_first_36_months_capped_by_the_contract() -> None:
    e = estimate_stay(StayQuestion(Scheme.TECHTAS, entry_date=date(2026, 1, 10),
                                   contract_end=date(2027, 6, 30)))
    assert (e.rule_set.id, e.limit_of_stay) == ("TECHTAS.2025-12-17", date(2027, 6, 30))
    assert estimate_stay(StayQuestion(Scheme.TECHTAS, entry_date=date(2026, 1, 10))).grant_months \
        == 36


@pytest.mark.parametrize(("scheme", "before", "after", "day"), [
    (Scheme.QMAS_GPT, "QMAS-GPT.2022-12-28", "QMAS-GPT.2025-12-15", date(2025, 12, 15)),
    (Scheme.QMAS_ABPT, "QMAS-ABPT.8-years", "QMAS-ABPT.2025-12-15", date(2025, 12, 15)),
    (Scheme.ASSG, "ASSG.2022-12-28", "ASSG.2025-11-26", date(2025, 11, 26)),
    (Scheme.DEPENDANT, "DEPENDANT.follows-sponsor", "DEPENDANT.2025-12-15", date(2025, 12, 15)),
    (Scheme.IANG, "IANG.2022-12-28", "IANG.2025-12-15", date(2025, 12, 15)),
    (Scheme.NEW_CIES, "NEW-CIES.2024-03-01", "NEW-CIES.2025-11-19", date(2025, 11, 19)),
])
def test_patterns_from_immd_pages_start_on_the_revision_date(scheme: Scheme, before: str,
                                                            after: str, day: date) -> None:
    book = rule_book()
    earlier = book.pattern_on(scheme, date.fromordinal(day.toordinal() - 1))
    assert earlier is not None and earlier.id == before
    later = book.pattern_on(scheme, day)
    assert later is not None and later.id == after
    assert all("immd.gov.hk" in s for s in later.sources)
    assert not later.review or scheme is Scheme.DEPENDANT


def test_qmas_and_assg_extension_lengths() -> None:
    gpt = [estimate_stay(StayQuestion(Scheme.QMAS_GPT, previous_limit=date(2029, 1, 1),
                                      extension=n, application_date=date(2028, 12, 1)))
           for n in (1, 2)]
    assert [e.grant_months for e in gpt] == [36, 24]  # 3 + 2
    top = estimate_stay(StayQuestion(Scheme.ASSG, previous_limit=date(2028, 1, 1), extension=1,
                                     top_tier=True, application_date=date(2027, 12, 1)))
    assert top.grant_months == 72
    with pytest.raises(StayQuestionError, match="--months"):
        estimate_stay(StayQuestion(Scheme.QMAS_ABPT, previous_limit=date(2034, 1, 1),
                                   extension=1))


def test_assg_stays_start_at_the_launch() -> None:
    with pytest.raises(StayQuestionError, match="2015-05-04"):
        estimate_stay(StayQuestion(Scheme.ASSG, entry_date=date(2015, 5, 3)))
    assert estimate_stay(StayQuestion(Scheme.ASSG, entry_date=date(2015, 5, 4))).grant_months \
        == 12


def test_dependants_of_students_get_12_months_a_year_at_a_time() -> None:
    first = estimate_stay(StayQuestion(Scheme.DEPENDANT, entry_date=date(2026, 3, 1),
                                       sponsor_status="student_visa"))
    assert (first.grant_months, first.limit_of_stay) == (12, date(2027, 3, 1))
    third = estimate_stay(StayQuestion(Scheme.DEPENDANT, previous_limit=date(2029, 3, 1),
                                       extension=3, sponsor_status="student_visa",
                                       sponsor_limit=date(2029, 9, 1)))
    assert (third.limit_of_stay, third.limit_source) == (date(2029, 9, 1), "sponsor")
    with pytest.raises(StayQuestionError, match="sponsor's limit"):  # before: follows sponsor
        estimate_stay(StayQuestion(Scheme.DEPENDANT, entry_date=date(2025, 12, 14),
                                   sponsor_status="student_visa"))


@pytest.mark.parametrize(("relationship", "extension", "months"), [
    ("spouse", 1, 36), ("child", 2, 36), ("parent", 1, 24), ("parent", 2, 24),
    ("parent", 3, 36)])
def test_dependants_of_permanent_residents_have_their_own_pattern(relationship: str,
                                                                  extension: int,
                                                                  months: int) -> None:
    e = estimate_stay(StayQuestion(Scheme.DEPENDANT, previous_limit=date(2027, 3, 1),
                                   extension=extension, sponsor_status="permanent_resident",
                                   relationship=relationship))
    assert e.grant_months == months


def test_a_permanent_residents_dependant_first_stay_is_not_guessed() -> None:
    with pytest.raises(StayQuestionError, match="--months"):
        estimate_stay(StayQuestion(Scheme.DEPENDANT, entry_date=date(2026, 3, 1),
                                   sponsor_status="unconditional_stay", relationship="spouse"))
    with pytest.raises(StayQuestionError, match="DEPENDANT"):
        estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2026, 3, 1),
                                   sponsor_status="permanent_resident"))


@pytest.mark.parametrize("category", ["A", "B", "C", None])
def test_ttps_window_is_three_months_for_every_category(category: str | None) -> None:
    window = extension_window(Scheme.TTPS, date(2026, 12, 15), category=category)
    assert (window.rule, window.opens, window.review) == ("3_months", date(2026, 9, 15), ())
    before = extension_window(Scheme.TTPS, date(2024, 12, 15), category=category)
    assert before.opens == date(2024, 11, 1)  # the rule began on 2024-11-01


def test_ttps_dependants_keep_four_weeks() -> None:
    window = extension_window(Scheme.DEPENDANT, date(2026, 12, 15), sponsor_scheme=Scheme.TTPS)
    assert (window.rule, window.opens, window.review) == ("4_weeks", date(2026, 11, 17), ())


def test_second_hand_patterns_say_so() -> None:
    old = estimate_stay(StayQuestion(Scheme.NEW_CIES, entry_date=date(2025, 6, 1)))
    assert any(f.code == "second_hand_source" for f in old.notes)
    assert old.as_dict()["rule_set"]["second_hand_sources"]
    new = estimate_stay(StayQuestion(Scheme.NEW_CIES, entry_date=date(2026, 6, 1)))
    assert not any(f.code == "second_hand_source" for f in new.notes)
    assert new.as_dict()["rule_set"]["second_hand_sources"] == []
    assert not any("law firm" in f.text for f in new.needs_review)  # the old "up to" flag
