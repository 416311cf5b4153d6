"""HKID and Mainland ID validation (schemes.md §9)."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.ids import IdNumberError, normalise_hkid, parse_mainland_id, validate_hkid


@pytest.mark.parametrize(
    "number", ["A123456(3)", "C668668(9)", "AB987654(3)", "G123456(A)", "L555555(0)"]
)
def test_published_hkid_vectors_are_valid(number: str) -> None:
    assert normalise_hkid(number) == number


def test_hkid_is_normalised_from_loose_typing() -> None:
    assert normalise_hkid(" a 123456 3 ") == "A123456(3)"
    assert normalise_hkid("ab9876543") == "AB987654(3)"


@pytest.mark.parametrize("check", "012456789A")
def test_every_wrong_hkid_check_character_is_refused(check: str) -> None:
    with pytest.raises(IdNumberError, match=r"wrong check character.*needs \(3\)"):
        normalise_hkid(f"A123456({check})")


@pytest.mark.parametrize("bad", ["123456(3)", "A12345(3)", "ABC123456(3)", "A1234567(3)", ""])
def test_malformed_hkid_says_what_shape_is_expected(bad: str) -> None:
    with pytest.raises(IdNumberError, match="one or two letters, six digits"):
        normalise_hkid(bad)
    assert not validate_hkid(bad)


@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("360426199101010071", date(1991, 1, 1), "M"),
        ("120103198806018241", date(1988, 6, 1), "F"),
        ("11010519491231002X", date(1949, 12, 31), "F"),
        ("110101202311012176", date(2023, 11, 1), "M"),
    ],
)
def test_mainland_id_vectors(number: str, born: date, sex: str) -> None:
    parsed = parse_mainland_id(number)
    assert parsed.date_of_birth == born
    assert parsed.sex == sex


def test_mainland_id_lowercase_x_is_accepted() -> None:
    assert parse_mainland_id("11010519491231002x").number == "11010519491231002X"


def test_mainland_id_unknown_area_code_is_not_an_error() -> None:
    # Checksum right, area code unknown to registers: only a warning (schemes.md §9.2).
    assert parse_mainland_id("230306196304054513").area_code == "230306"


def test_mainland_id_wrong_check_character() -> None:
    with pytest.raises(IdNumberError, match=r"wrong check character '0'.*expected '1'"):
        parse_mainland_id("360426199101010070")


def test_mainland_id_impossible_birth_date() -> None:
    body = "11010519490231002"  # 31 February
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    with pytest.raises(IdNumberError, match="impossible birth date 1949-02-31"):
        parse_mainland_id(body + check)


def test_mainland_id_future_birth_date() -> None:
    with pytest.raises(IdNumberError, match="cannot be right"):
        parse_mainland_id("110101202311012176", today=date(2023, 10, 31))


def test_mainland_id_wrong_length() -> None:
    with pytest.raises(IdNumberError, match="17 digits"):
        parse_mainland_id("11010519491231002")
