"""Country codes and calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.countries import UnknownCountryError, country_name, normalise_country
from hkcase.domain.dates import add_months, age_on


@pytest.mark.parametrize(
    ("text", "code"),
    [("CN", "CN"), ("cn", "CN"), ("CHN", "CN"), ("China", "CN"), ("United Kingdom", "GB"),
     ("usa", "US"), (" ind ", "IN")],
)
def test_country_normalisation(text: str, code: str) -> None:
    assert normalise_country(text) == code


@pytest.mark.parametrize("bad", ["QQ", "Atlantis", "", "ZZZ"])
def test_unknown_country_is_named(bad: str) -> None:
    with pytest.raises(UnknownCountryError):
        normalise_country(bad)


def test_country_name() -> None:
    assert country_name("HK") == "Hong Kong"
    assert country_name("??") == "??"


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 6, 15), 36, date(2028, 6, 15)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_age_on_birthday_boundary() -> None:
    born = date(1975, 11, 22)
    assert age_on(born, date(2026, 11, 21)) == 50
    assert age_on(born, date(2026, 11, 22)) == 51
