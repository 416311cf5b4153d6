"""Validation of Hong Kong and Mainland identity numbers.

The algorithms and test vectors are in ``shared/domain/schemes.md`` §9. Every
failure carries a message a consultant can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hkcase.domain.messages import tr

__all__ = [
    "IdNumberError",
    "MainlandId",
    "normalise_hkid",
    "parse_mainland_id",
    "validate_hkid",
]


class IdNumberError(ValueError):
    """An identity number that cannot be right, with the reason in plain words."""


_HKID_RE = re.compile(r"^([A-Z]{1,2})([0-9]{6})\(?([0-9A])\)?$")
_HKID_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _hkid_check_character(prefix: str, digits: str) -> str:
    chars = prefix.rjust(2)
    values = [36 if c == " " else ord(c) - ord("A") + 10 for c in chars]
    values += [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, _HKID_WEIGHTS, strict=True))
    remainder = (11 - total % 11) % 11
    return "A" if remainder == 10 else str(remainder)


def normalise_hkid(text: str) -> str:
    """Return ``text`` as a valid HKID in the form ``A123456(3)``.

    Spaces and case are forgiven; a wrong check character or shape is not.
    """
    cleaned = re.sub(r"\s+", "", text).upper()
    match = _HKID_RE.match(cleaned)
    if match is None:
        raise IdNumberError(tr(
            "HKID {text!r} should be one or two letters, six digits and a check "
            "character, e.g. A123456(3)", text=text.strip()))
    prefix, digits, check = match.groups()
    expected = _hkid_check_character(prefix, digits)
    if check != expected:
        raise IdNumberError(tr(
            "HKID {number}({check}) has a wrong check character: "
            "{number} needs ({expected}); please re-read the card",
            number=prefix + digits, check=check, expected=expected))
    return f"{prefix}{digits}({check})"


def validate_hkid(text: str) -> bool:
    """True when ``text`` is a well-formed HKID with the right check character."""
    try:
        normalise_hkid(text)
    except IdNumberError:
        return False
    return True


_MAINLAND_RE = re.compile(r"^([0-9]{6})([0-9]{8})([0-9]{3})([0-9X])$")
_MAINLAND_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_MAINLAND_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class MainlandId:
    """A parsed 18-character Mainland Resident Identity Card number."""

    number: str
    area_code: str
    date_of_birth: date
    sex: str  # "M" or "F", from the parity of the sequence number


def parse_mainland_id(text: str, *, today: date | None = None) -> MainlandId:
    """Parse and check a Mainland resident ID number (ISO 7064 MOD 11-2).

    The area code is not checked against a register: codes change and an unknown
    code is at most a warning (schemes.md §9.2).
    """
    cleaned = re.sub(r"\s+", "", text).upper()
    match = _MAINLAND_RE.match(cleaned)
    if match is None:
        raise IdNumberError(tr(
            "Mainland ID {text!r} should be 17 digits followed by a digit or X",
            text=text.strip()))
    area, birth, sequence, check = match.groups()
    total = sum(int(c) * w for c, w in zip(cleaned[:17], _MAINLAND_WEIGHTS, strict=True))
    expected = _MAINLAND_CHECK[total % 11]
    if check != expected:
        raise IdNumberError(tr(
            "Mainland ID {number} has a wrong check character {check!r} "
            "(expected {expected!r}); please re-read the card",
            number=cleaned, check=check, expected=expected))
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        raise IdNumberError(tr(
            "Mainland ID {number} holds an impossible birth date {birth}",
            number=cleaned, birth=f"{birth[:4]}-{birth[4:6]}-{birth[6:]}")) from None
    if born > (today or date.today()) or born.year < 1900:
        raise IdNumberError(tr("Mainland ID {number} holds a birth date {born} that cannot be "
                               "right", number=cleaned, born=born))
    sex = "M" if int(sequence) % 2 else "F"
    return MainlandId(number=cleaned, area_code=area, date_of_birth=born, sex=sex)
