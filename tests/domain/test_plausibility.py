"""Plausibility rules: questions for the unlikely, errors for the impossible."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.plausibility import (
    Impossible,
    award_problems,
    birth_date_questions,
    limit_of_stay_questions,
    longest_stay_months,
    stay_estimate,
    travel_document_problems,
)
from hkcase.domain.vocab import Scheme

TODAY = date(2026, 12, 1)


def _limit(limit: date, estimate: date | None = date(2031, 11, 25)) -> list[str]:
    return [q.text for q in limit_of_stay_questions(
        scheme=Scheme.GEP, limit=limit, granted_on=date(2028, 11, 20), start=date(2028, 11, 25),
        estimate=estimate, longest_months=longest_stay_months(Scheme.GEP))]


def test_a_limit_far_from_the_estimate_is_asked_about() -> None:
    assert _limit(date(2082, 11, 25)) == ["Is 25 Nov 2082 right? The estimate is 25 Nov 2031."]
    assert _limit(date(2032, 5, 25)) == []  # six months is still close
    assert _limit(date(2032, 5, 26)) != []


def test_a_limit_beyond_the_longest_stay_is_asked_about_without_an_estimate() -> None:
    longest = longest_stay_months(Scheme.GEP)
    assert longest is not None
    (question,) = _limit(date(2082, 11, 25), estimate=None)
    assert question.startswith("Is 25 Nov 2082 right? GEP grants at most")
    assert _limit(date(2029, 11, 25), estimate=None) == []


def test_a_limit_before_the_grant_is_impossible() -> None:
    with pytest.raises(Impossible, match="after the grant date"):
        _limit(date(2028, 11, 1))


def test_the_estimate_comes_from_the_stay_rules() -> None:
    estimate = stay_estimate(Scheme.GEP, 0, date(2028, 11, 25), None, None, None)
    assert estimate is not None and date(2029, 11, 25) < estimate < date(2032, 11, 26)
    assert stay_estimate(Scheme.GEP, 2, date(2028, 11, 25), None, None, None) is None


@pytest.mark.parametrize(("born", "asked"), [
    (date(1990, 1, 1), False), (date(2010, 12, 2), True), (date(2010, 12, 1), False),
    (date(1935, 11, 30), True), (date(1935, 12, 2), False)])
def test_principal_ages_under_16_or_over_90_are_asked(born: date, asked: bool) -> None:
    assert bool(birth_date_questions(born, TODAY, principal=True)) is asked
    assert birth_date_questions(born, TODAY, principal=False) == []


def test_impossible_dates() -> None:
    with pytest.raises(Impossible, match="future"):
        birth_date_questions(date(2027, 1, 1), TODAY, principal=True)
    with pytest.raises(Impossible, match="before it was issued"):
        travel_document_problems("K1", date(2020, 1, 1), date(2019, 1, 1), None)
    with pytest.raises(Impossible, match="before the client was born"):
        travel_document_problems("K1", date(1980, 1, 1), None, date(1990, 1, 1))
    with pytest.raises(Impossible, match="before the client's birth"):
        award_problems(date(1985, 1, 1), None, date(1990, 1, 1))
    travel_document_problems("K1", date(2020, 1, 1), date(2030, 1, 1), date(1990, 1, 1))
