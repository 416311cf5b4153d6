"""ISO 3166-1 country codes, backed by the ``pycountry`` data set."""

from __future__ import annotations

import pycountry


class UnknownCountryError(ValueError):
    """A country code or name that is not in ISO 3166-1."""


def normalise_country(text: str) -> str:
    """Return the ISO 3166-1 alpha-2 code for an alpha-2, alpha-3 code or English name."""
    cleaned = text.strip()
    if not cleaned:
        raise UnknownCountryError("country is empty")
    found = None
    if len(cleaned) == 2:
        found = pycountry.countries.get(alpha_2=cleaned.upper())
    elif len(cleaned) == 3:
        found = pycountry.countries.get(alpha_3=cleaned.upper())
    if found is None:
        try:
            found = pycountry.countries.lookup(cleaned)
        except LookupError:
            found = None
    if found is None:
        raise UnknownCountryError(
            f"{cleaned!r} is not an ISO 3166-1 country (use a code such as CN, GB or USA)"
        )
    return str(found.alpha_2)


def country_name(alpha_2: str) -> str:
    """English short name of an alpha-2 code, or the code itself if unknown."""
    found = pycountry.countries.get(alpha_2=alpha_2.upper())
    return str(found.name) if found is not None else alpha_2
