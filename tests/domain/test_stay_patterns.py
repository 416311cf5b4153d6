"""Stay patterns on both sides of every change date, month ends, top-tier, dependants, caps."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import Scheme


def first(scheme: Scheme, applied: date, **extra: object) -> int | None:
    """Months granted for a first stay applied for on ``applied`` (entry the same day)."""
    q = StayQuestion(scheme, entry_date=applied, application_date=applied, **extra)  # type: ignore[arg-type]
    return estimate_stay(q).grant_months


def extension(scheme: Scheme, number: int, applied: date, **extra: object) -> int | None:
    q = StayQuestion(scheme, previous_limit=applied, extension=number,
                     application_date=applied, **extra)  # type: ignore[arg-type]
    return estimate_stay(q).grant_months


@pytest.mark.parametrize(("scheme", "day_before", "months_before", "change", "months_after"), [
    (Scheme.GEP, date(2015, 5, 3), 12, date(2015, 5, 4), 24),
    (Scheme.ASMTP, date(2015, 5, 3), 12, date(2015, 5, 4), 24),
    (Scheme.GEP, date(2022, 12, 27), 24, date(2022, 12, 28), 36),
    (Scheme.ASMTP, date(2022, 12, 27), 24, date(2022, 12, 28), 36),
    (Scheme.QMAS_GPT, date(2022, 12, 27), 24, date(2022, 12, 28), 36),
    (Scheme.TECHTAS, date(2022, 12, 27), 24, date(2022, 12, 28), 36),
    (Scheme.IANG, date(2022, 12, 27), 12, date(2022, 12, 28), 24),
    (Scheme.ASSG, date(2022, 12, 27), 12, date(2022, 12, 28), 24),
])
def test_first_stay_changes_on_the_day(scheme: Scheme, day_before: date, months_before: int,
                                       change: date, months_after: int) -> None:
    assert first(scheme, day_before) == months_before
    assert first(scheme, change) == months_after


@pytest.mark.parametrize(("scheme", "applied", "expected"), [
    # 3+3+2 from 28 Dec 2022, 2+3+3 before it.
    (Scheme.GEP, date(2025, 6, 1), (36, 24)),
    (Scheme.GEP, date(2022, 12, 1), (36, 36)),
    (Scheme.QMAS_GPT, date(2025, 6, 1), (36, 24)),
    (Scheme.TECHTAS, date(2025, 6, 1), (36, 24)),
    (Scheme.TTPS, date(2025, 6, 1), (36, 36)),
    (Scheme.IANG, date(2025, 6, 1), (36, 36)),
    (Scheme.IANG, date(2022, 12, 1), (24, 24)),  # 1+2+2+3
    (Scheme.NEW_CIES, date(2025, 6, 1), (36, 36)),
])
def test_extension_lengths(scheme: Scheme, applied: date, expected: tuple[int, int]) -> None:
    assert (extension(scheme, 1, applied), extension(scheme, 2, applied)) == expected


def test_old_iang_pattern_has_a_third_extension_and_new_patterns_do_not() -> None:
    assert extension(Scheme.IANG, 3, date(2022, 6, 1)) == 36
    with pytest.raises(StayQuestionError, match=r"no extension 3 .*--months"):
        extension(Scheme.GEP, 3, date(2025, 6, 1))


@pytest.mark.parametrize(("scheme", "before", "opening"), [
    (Scheme.TTPS, date(2022, 12, 27), date(2022, 12, 28)),
    (Scheme.TECHTAS, date(2018, 6, 24), date(2018, 6, 25)),
    (Scheme.NEW_CIES, date(2024, 2, 29), date(2024, 3, 1)),
])
def test_no_pattern_before_a_scheme_opened(scheme: Scheme, before: date, opening: date) -> None:
    extra = {"category": "B"} if scheme is Scheme.TTPS else {}
    with pytest.raises(StayQuestionError, match=f"start on {opening}"):
        first(scheme, before, **extra)
    assert first(scheme, opening, **extra) == 24


def test_ttps_category_a_gets_36_months_for_approvals_from_16_october_2024() -> None:
    def months(category: str, approved: date) -> int | None:
        q = StayQuestion(Scheme.TTPS, entry_date=date(2024, 11, 20), category=category,
                         application_date=date(2024, 9, 1), approval_date=approved)
        return estimate_stay(q).grant_months

    assert months("A", date(2024, 10, 15)) == 24
    assert months("A", date(2024, 10, 16)) == 36
    assert months("B", date(2024, 10, 16)) == 24
    assert months("C", date(2024, 10, 16)) == 24


def test_ttps_first_stay_after_the_change_needs_the_category() -> None:
    with pytest.raises(StayQuestionError, match="give the category"):
        estimate_stay(StayQuestion(Scheme.TTPS, entry_date=date(2025, 3, 1)))
    # Before the change every category got 24 months, so none is needed.
    assert estimate_stay(StayQuestion(Scheme.TTPS, entry_date=date(2024, 3, 1))).grant_months == 24


def test_ttps_category_a_extension_is_flagged_for_review() -> None:
    # Applications before 2026-01-01 (TTPS.2022-12-28): the A extension was not published.
    e = estimate_stay(StayQuestion(Scheme.TTPS, previous_limit=date(2026, 5, 1), extension=1,
                                   category="A", application_date=date(2025, 12, 1)))
    assert e.grant_months == 36
    assert any("12 months" in f.text and "unconditionally" in f.text for f in e.needs_review)


def test_qmas_achievement_entrants_get_eight_years_and_no_guessed_extension() -> None:
    e = estimate_stay(StayQuestion(Scheme.QMAS_ABPT, entry_date=date(2025, 1, 15)))
    assert (e.grant_months, e.limit_of_stay) == (96, date(2033, 1, 15))
    assert any("extension pattern" in f.text for f in e.needs_review)
    with pytest.raises(StayQuestionError, match="no extension 1"):
        estimate_stay(StayQuestion(Scheme.QMAS_ABPT, previous_limit=date(2033, 1, 15),
                                   extension=1))


@pytest.mark.parametrize(("start", "months", "limit"), [
    (date(2024, 2, 29), 36, date(2027, 2, 28)),  # 29 February into a common year
    (date(2024, 2, 29), 48, date(2028, 2, 29)),  # … and into a leap year
    (date(2023, 1, 31), 1, date(2023, 2, 28)),   # month end clamped
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 3, 31), 6, date(2024, 9, 30)),
    (date(2024, 8, 31), 24, date(2026, 8, 31)),
])
def test_month_arithmetic_clamps_to_the_month_end(start: date, months: int, limit: date) -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=start, months=months))
    assert e.limit_of_stay == limit
    assert any(f.code == "months_given" for f in e.notes)


def test_first_stay_from_29_february_with_the_pattern() -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2024, 2, 29)))
    assert (e.grant_months, e.limit_of_stay) == (36, date(2027, 2, 28))
    assert e.window.opens == date(2027, 1, 31)


def test_top_tier_extensions() -> None:
    # 3+5 now, 2+6 before 28 Dec 2022 and for TTPS/IANG/ASSG.
    assert extension(Scheme.GEP, 1, date(2026, 3, 1), top_tier=True) == 60
    assert extension(Scheme.GEP, 1, date(2022, 3, 1), top_tier=True) == 72
    assert extension(Scheme.TTPS, 1, date(2026, 3, 1), top_tier=True) == 72
    e = estimate_stay(StayQuestion(Scheme.QMAS_GPT, previous_limit=date(2026, 3, 1), extension=1,
                                   top_tier=True, assessable_income_hkd=2_000_000))
    assert e.limit_of_stay == date(2031, 3, 1)
    assert any(f.code == "top_tier_income" for f in e.needs_review)


@pytest.mark.parametrize(("question", "message"), [
    (StayQuestion(Scheme.GEP, entry_date=date(2026, 1, 1), top_tier=True), "not to a first stay"),
    (StayQuestion(Scheme.GEP, previous_limit=date(2026, 1, 1), extension=1, top_tier=True,
                  assessable_income_hkd=1_999_999), "at least HK\\$2,000,000"),
    (StayQuestion(Scheme.NEW_CIES, previous_limit=date(2026, 1, 1), extension=1, top_tier=True),
     "no top-tier"),
    (StayQuestion(Scheme.GEP, previous_limit=date(2026, 1, 1), extension=2, top_tier=True),
     "no extension 2"),
])
def test_top_tier_refusals(question: StayQuestion, message: str) -> None:
    with pytest.raises(StayQuestionError, match=message):
        estimate_stay(question)


def test_top_tier_is_not_capped_by_the_contract() -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, previous_limit=date(2026, 3, 1), extension=1,
                                   top_tier=True, contract_end=date(2027, 1, 31)))
    assert e.limit_of_stay == date(2031, 3, 1)


def test_contract_end_caps_employment_schemes_only() -> None:
    capped = estimate_stay(StayQuestion(Scheme.ASMTP, entry_date=date(2025, 1, 10),
                                        contract_end=date(2026, 6, 30)))
    assert (capped.limit_of_stay, capped.limit_source) == (date(2026, 6, 30), "contract_end")
    assert capped.window.opens == date(2026, 6, 2)
    later = estimate_stay(StayQuestion(Scheme.TECHTAS, entry_date=date(2025, 1, 10),
                                       contract_end=date(2030, 1, 1)))
    assert (later.limit_of_stay, later.limit_source) == (date(2028, 1, 10), "estimate")
    ignored = estimate_stay(StayQuestion(Scheme.IANG, entry_date=date(2025, 1, 10),
                                         contract_end=date(2026, 1, 1)))
    assert ignored.limit_of_stay == date(2027, 1, 10)
    assert any(f.code == "contract_end_ignored" for f in ignored.notes)
    # Before ImmD's pages of 2025-12-15 the cap on extensions was hkcase's own reading.
    extended = estimate_stay(StayQuestion(Scheme.GEP, previous_limit=date(2026, 1, 10),
                                          extension=1, contract_end=date(2027, 1, 10),
                                          application_date=date(2025, 12, 14)))
    assert extended.limit_of_stay == date(2027, 1, 10)
    assert any(f.code == "contract_cap_extension" for f in extended.needs_review)


def test_dependant_follows_the_sponsor() -> None:
    e = estimate_stay(StayQuestion(Scheme.DEPENDANT, entry_date=date(2025, 4, 2),
                                   sponsor_limit=date(2028, 1, 10)))
    assert (e.limit_of_stay, e.limit_source, e.grant_months) == (date(2028, 1, 10), "sponsor",
                                                                 None)
    assert e.window.rule == "4_weeks"
    assert any("turn 18" in f.text for f in e.needs_review)
    with pytest.raises(StayQuestionError, match="sponsor"):
        estimate_stay(StayQuestion(Scheme.DEPENDANT, entry_date=date(2025, 4, 2)))
    with pytest.raises(StayQuestionError, match="only to a DEPENDANT"):
        estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2025, 4, 2),
                                   sponsor_limit=date(2028, 1, 10)))


def test_dependant_extension_follows_the_sponsors_new_limit() -> None:
    e = estimate_stay(StayQuestion(Scheme.DEPENDANT, previous_limit=date(2026, 1, 10),
                                   extension=1, sponsor_limit=date(2029, 1, 10),
                                   sponsor_scheme=Scheme.GEP))
    assert e.limit_of_stay == date(2029, 1, 10)
    assert not any("3 months ahead" in f.text for f in e.needs_review)  # sponsor not TTPS


def test_printed_date_wins_over_the_estimate() -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2024, 2, 29),
                                   printed_limit=date(2027, 2, 26)))
    assert (e.limit_of_stay, e.limit_source, e.estimated_limit) == (
        date(2027, 2, 26), "printed", date(2027, 2, 28))
    assert e.window.opens == date(2027, 1, 29)
    assert any(f.code == "printed_differs" and "-2 days" in f.text for f in e.notes)


def test_missing_dates_are_assumed_and_flagged_near_a_change() -> None:
    e = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2023, 2, 1)))
    assert e.grant_months == 36
    assert any(f.code == "application_date_assumed" for f in e.notes)
    assert any(f.code == "application_date_near_change" for f in e.needs_review)
    far = estimate_stay(StayQuestion(Scheme.GEP, entry_date=date(2025, 2, 1)))
    assert not any(f.code == "application_date_near_change" for f in far.needs_review)


@pytest.mark.parametrize("question", [
    StayQuestion(Scheme.GEP),
    StayQuestion(Scheme.GEP, entry_date=date(2025, 1, 1), previous_limit=date(2025, 1, 1)),
    StayQuestion(Scheme.GEP, previous_limit=date(2025, 1, 1)),
    StayQuestion(Scheme.GEP, entry_date=date(2025, 1, 1), category="A"),
    StayQuestion(Scheme.TTPS, entry_date=date(2025, 1, 1), category="D"),
    StayQuestion(Scheme.GEP, entry_date=date(2025, 1, 1), contract_end=date(2024, 12, 31)),
    StayQuestion(Scheme.GEP, entry_date=date(2025, 1, 1), application_date=date(2025, 1, 2)),
    StayQuestion(Scheme.GEP, entry_date=date(2025, 1, 1), months=0),
])
def test_bad_questions_are_refused_with_a_reason(question: StayQuestion) -> None:
    with pytest.raises(StayQuestionError) as caught:
        estimate_stay(question)
    assert len(str(caught.value)) > 20


def test_every_result_names_its_rules_and_sources() -> None:
    e = estimate_stay(StayQuestion(Scheme.IANG, previous_limit=date(2026, 8, 1), extension=1,
                                   application_date=date(2025, 12, 1)))  # before IANG.2025-12-15
    data = e.as_dict()
    assert data["rule_set"]["id"] == "IANG.2022-12-28"
    assert data["rule_set"]["effective_from"] == "2022-12-28"
    assert data["rule_set"]["variants"] == ["IANG.extensions.contract-ending"]
    assert all(url.startswith("http") for url in data["rule_set"]["sources"])
    assert data["rule_set"]["window"]["id"] == "general.4-weeks"
    assert data["rule_set"]["book"]["version"] == rule_book().version
