"""ISO 3166-1 country codes from what people type: codes, English or Chinese names.

Codes and official names come from ``pycountry``; common English names ("North
Korea", "Vietnam") and Chinese names in simplified, traditional and Hong Kong
usage (朝鲜, 北韓, 越南, 中國) from the Unicode CLDR table shipped in
``resources/countries/names_cldr.csv`` (its header names the CLDR version).
``country_name(code, lang)`` says a code back in words: English as ``pycountry``
names it, Chinese from the same table (Hong Kong usage, Simplified).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

import pycountry

from hkcase.domain.messages import language_code, tr

#: The code used for a stateless person (ICAO Doc 9303 writes XXA; alpha-2 XX is
#: user-assigned in ISO 3166-1 and never a country).
STATELESS = "XX"
_STATELESS_NAMES = ("stateless", "stateless person", "xxa", "無國籍", "无国籍")
#: A stateless person in each language (``country_name``).
_STATELESS_WORDS = {"en": "stateless", "zh-hk": "無國籍", "zh-cn": "无国籍"}


class UnknownCountryError(ValueError):
    """A country code or name that is not in ISO 3166-1."""


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = re.sub(r"[\s\-_.,'’()]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


@cache
def _rows() -> tuple[dict[str, str], ...]:
    """The CLDR table's rows (alpha_2, en, zh_hans, zh_hant, zh_hant_hk)."""
    text = files("hkcase.resources").joinpath("countries/names_cldr.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))


@cache
def _chinese() -> dict[str, tuple[str, str]]:
    """alpha-2 → (Hong Kong usage, Simplified) name, from the CLDR table."""
    table: dict[str, tuple[str, str]] = {}
    for row in _rows():
        hong_kong = row["zh_hant_hk"].strip() or row["zh_hant"].strip()
        simplified = row["zh_hans"].strip()
        if hong_kong and simplified:
            table[row["alpha_2"].upper()] = (hong_kong, simplified)
    return table


@cache
def _names() -> dict[str, str]:
    """Folded English and Chinese names → alpha-2, from the CLDR table."""
    table: dict[str, str] = {}
    for row in _rows():
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
        raise UnknownCountryError(tr("country is empty"))
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
        tr("{text!r} is not an ISO 3166-1 country (use a code such as CN, GB or USA, or a "
           "name in English or Chinese)", text=cleaned)
    )


def country_name(alpha_2: str, lang: object = "en") -> str:
    """The name of an alpha-2 code in ``lang`` (``Lang``, ``zh-hk``, ``zh_CN`` …): English
    as ``pycountry`` names it, Chinese from the CLDR table; an unknown code as it is."""
    code = alpha_2.strip().upper()
    words = language_code(lang)
    if code == STATELESS:
        return _STATELESS_WORDS[words]
    if words != "en":
        chinese = _chinese().get(code)
        if chinese is not None:
            return chinese[0] if words == "zh-hk" else chinese[1]
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    return str(found.name) if found is not None else alpha_2


class Country(str):
    """An alpha-2 code given to ``messages.tr`` as a value: the code in English (as the
    rules always wrote it), the country's name in Chinese."""

    def said_in(self, code: str) -> str:
        return str(self) if code == "en" else country_name(str(self), code)


def said_country(text: str, code: str) -> str | None:
    """A bare alpha-2 code inside a kept English sentence, named in ``code`` (Chinese)."""
    if len(text) != 2 or not text.isupper() or code == "en":
        return None
    name = country_name(text, code)
    return None if name == text else name

