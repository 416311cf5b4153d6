"""ISO 3166-1 country codes from what people type: codes, English or Chinese names.

Codes and official names come from ``pycountry``; common English names ("North
Korea", "Vietnam") and Chinese names in simplified, traditional and Hong Kong
usage (朝鲜, 北韓, 越南, 中國) from the Unicode CLDR table shipped in
``resources/countries/names_cldr.csv`` (its header names the CLDR version).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

import pycountry

#: The code used for a stateless person (ICAO Doc 9303 writes XXA; alpha-2 XX is
#: user-assigned in ISO 3166-1 and never a country).
STATELESS = "XX"
_STATELESS_NAMES = ("stateless", "stateless person", "xxa", "無國籍", "无国籍")


class UnknownCountryError(ValueError):
    """A country code or name that is not in ISO 3166-1."""


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"[\s\-_.,'’()]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


@cache
def _names() -> dict[str, str]:
    """Folded English and Chinese names → alpha-2, from the CLDR table."""
    text = files("hkcase.resources").joinpath("countries/names_cldr.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        code = row["alpha_2"]
        for column in ("en", "zh_hans", "zh_hant", "zh_hant_hk"):
            name = row[column].strip()
            if name:
                table.setdefault(_fold(name), code)
    for name in _STATELESS_NAMES:
        table[_fold(name)] = STATELESS
    return table


@lru_cache(maxsize=4096)
def normalise_country(text: str) -> str:
    """The alpha-2 code for an alpha-2 or alpha-3 code, or an English or Chinese name.

    ``"stateless"`` (or 無國籍 / 无国籍) gives ``STATELESS``.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UnknownCountryError("country is empty")
    found = None
    if len(cleaned) == 2 and cleaned.isascii():
        if cleaned.upper() == STATELESS:
            return STATELESS
        found = pycountry.countries.get(alpha_2=cleaned.upper())
    elif len(cleaned) == 3 and cleaned.isascii():
        found = pycountry.countries.get(alpha_3=cleaned.upper())
    if found is not None:
        return str(found.alpha_2)
    named = _names().get(_fold(cleaned))
    if named is not None:
        return named
    try:
        return str(pycountry.countries.lookup(cleaned).alpha_2)
    except LookupError:
        pass
    raise UnknownCountryError(
        f"{cleaned!r} is not an ISO 3166-1 country (use a code such as CN, GB or USA, or a "
        "name in English or Chinese)"
    )


def country_name(alpha_2: str) -> str:
    """English short name of an alpha-2 code, or the code itself if unknown."""
    if alpha_2.upper() == STATELESS:
        return "stateless"
    found = pycountry.countries.get(alpha_2=alpha_2.upper())
    return str(found.name) if found is not None else alpha_2
