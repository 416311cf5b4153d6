"""What is wrong with a value typed into a client's record: one rule, one message per field.

The client dialog marks a field as it is typed, the services refuse the same value on save
and the store's validators normalise with the same functions, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from hkcase.domain.countries import UnknownCountryError, normalise_country
from hkcase.domain.date_entry import DateEntryError, parse_entered_date
from hkcase.domain.ids import IdNumberError, normalise_hkid, parse_mainland_id
from hkcase.domain.messages import tr

#: The English of the family name's problem (``field_problem`` says it in the user's language).
FAMILY_NAME_REQUIRED = "the family name is required"


def _date(text: str, *, required: bool, past: bool, today: date | None) -> str | None:
    if not text.strip():
        return tr("a date is required") if required else None
    try:
        day = parse_entered_date(text)  # DD/MM/YYYY or YYYY-MM-DD
    except DateEntryError as exc:
        return str(exc)
    if past and day > (today or date.today()):
        return tr("the date is in the future")
    return None


def _country(text: str, *, required: bool) -> str | None:
    if not text.strip() and not required:
        return None
    try:
        normalise_country(text)
    except UnknownCountryError as exc:
        return str(exc)
    return None


def _id(text: str, check: Callable[[str], object]) -> str | None:
    if not text.strip():
        return None
    try:
        check(text)
    except IdNumberError as exc:
        return str(exc)
    return None


def field_problem(field: str, text: str, *, today: date | None = None) -> str | None:
    """The problem with ``text`` as the client field ``field``, in the user's words, or None.

    Fields: ``family_name``, ``date_of_birth``, ``nationality``, ``hkid``, ``mainland_id``,
    ``issue_date``, ``expiry_date`` and ``issuing_country`` (of a travel document).
    """
    if field == "family_name":
        return None if text.strip() else tr("the family name is required")
    if field == "date_of_birth":
        return _date(text, required=True, past=True, today=today)
    if field in ("issue_date", "expiry_date"):
        return _date(text, required=False, past=False, today=today)
    if field == "nationality":
        return _country(text, required=True)
    if field == "issuing_country":
        return _country(text, required=False)
    if field == "hkid":
        return _id(text, normalise_hkid)
    if field == "mainland_id":
        return _id(text, parse_mainland_id)
    raise KeyError(field)
