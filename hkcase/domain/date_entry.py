"""Dates as consultants type them: DD/MM/YYYY (Hong Kong's order) or YYYY-MM-DD.

Never MM/DD: 03/04/2026 is 3 April. Years are four digits, 1900 to 2100.
"""

from __future__ import annotations

import re
from datetime import date

from hkcase.domain.messages import tr

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
FIRST_YEAR, LAST_YEAR = 1900, 2100
FORMATS = "DD/MM/YYYY or YYYY-MM-DD"


class DateEntryError(ValueError):
    """Text that is not a date in one of the accepted forms."""


def parse_entered_date(text: str) -> date:
    """The date in ``text``; raises ``DateEntryError`` with a message for the user."""
    cleaned = text.strip()
    iso, dmy = _ISO.match(cleaned), _DMY.match(cleaned)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dmy:
        day, month, year = (int(g) for g in dmy.groups())
    else:
        raise DateEntryError(tr("{text!r} is not a date (DD/MM/YYYY or YYYY-MM-DD)",
                                text=cleaned))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateEntryError(tr("{text!r}: the year must be {first}–{last}", text=cleaned,
                                first=FIRST_YEAR, last=LAST_YEAR))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateEntryError(tr("{text!r} is not a date: there is no such day",
                                text=cleaned)) from None
