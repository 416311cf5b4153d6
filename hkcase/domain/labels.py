"""Vocabulary values as a person reads them, in English, Traditional Chinese (Hong Kong) and
Simplified Chinese: the one catalogue that turns ``not_assessed`` into "not assessed",
``QMAS_ABPT`` into "QMAS (achievement-based)" or 優秀人才入境計劃（成就計分制）.

Screens, printed outputs and messages call ``label``; no internal identifier is shown as is.
The words are data (``resources/labels/*.toml``, keyed by vocabulary and stored value, each
with ``en``, ``zh_HK`` and ``zh_CN``; see ``resources/labels/README.md``):

- ``vocab.toml``: every ``StrEnum`` of ``domain/vocab.py`` and ``domain/case_facts.py``, the
  eligibility statuses and outcomes, reminder urgency, checklist coverage, pre-filing check
  statuses, extension-window rules, eligibility categories and profile choices;
- ``facts.toml``: the case-facts editor's inputs (``CaseFact``) and the eligibility profile's
  facts (``ProfileFact``: the names a criterion ``needs``);
- ``criteria.toml``: eligibility criteria by code (``Criterion``);
- ``fields.toml``: the fields a ``ValidationError`` names (``Field``).

An enum member names its vocabulary by its class (``Scheme.TTPS``); a plain string may name
it with ``vocab=``. English for a plain identifier with no vocabulary is unchanged from
before the catalogue (``NAMES``, else the identifier with spaces for underscores), so the
screens' running text reads as it did.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from hkcase.domain.messages import Message
from hkcase.domain.resources import resource

#: Values whose English words are not simply the identifier's: proper names, abbreviations.
NAMES = {
    "mainland_china": "Mainland China",
    "hong_kong": "Hong Kong",
    "macao": "Macao",
    "taiwan": "Taiwan",
    "greater_bay_area": "Greater Bay Area",
    "hkid": "HKID",
    "hksar_passport": "HKSAR passport",
    "immd_file_ref": "ImmD file reference",
    "ugc_funded": "UGC-funded",
    "br_number": "BR number",
    # Schemes as a screen names them in short (the printed outputs use the full names).
    "QMAS_GPT": "QMAS (general points test)",
    "QMAS_ABPT": "QMAS (achievement-based)",
    "TECHTAS": "TechTAS",
    "NEW_CIES": "New CIES",
    "DEPENDANT": "Dependant",
}

#: The catalogue's files, under ``resources/labels/``.
FILES = ("vocab.toml", "facts.toml", "criteria.toml", "fields.toml")
#: Languages of the catalogue, as ``checklists.Lang`` spells them.
LANGS = ("en", "zh-hk", "zh-cn")
_COLUMN = {"en": "en", "zh-hk": "zh_HK", "zh-cn": "zh_CN"}
#: Enums whose vocabulary is not named by their class alone (``vocab.Outcome`` is the
#: government's decision; an eligibility assessment's answer is ``EligibilityOutcome``).
_VOCAB_OF = {
    ("hkcase.domain.eligibility.model", "Status"): "EligibilityStatus",
    ("hkcase.domain.eligibility.model", "Verdict"): "EligibilityOutcome",
}
#: Where a plain string with no vocabulary is looked for in Chinese, in this order.
SEARCH_ORDER = ("Scheme", "ApplicationType", "Stage", "Outcome", "ChecklistState",
                 "Residence", "TravelDocumentType", "EducationLevel", "RelationshipKind",
                 "EligibilityStatus", "EligibilityOutcome", "WindowRule", "ProfileFact",
                 "CaseFact", "Field")


class LabelDataError(ValueError):
    """A catalogue file that breaks the format; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One value's words. ``*_long``: the printed form where it differs (full scheme names)."""

    vocabulary: str
    value: str
    en: str
    zh_hk: str
    zh_cn: str
    en_long: str | None = None
    zh_hk_long: str | None = None
    zh_cn_long: str | None = None
    review: bool = False  # the Chinese was not found in ImmD's own pages: to be checked
    zh_cn_edited: bool = False  # zh_CN differs from OpenCC's hk2s of zh_HK on purpose

    def text(self, lang: str = "en", *, long: bool = False) -> str:
        code = _lang(lang)
        if code == "en":
            return (self.en_long or self.en) if long else self.en
        if code == "zh-hk":
            return (self.zh_hk_long or self.zh_hk) if long else self.zh_hk
        return (self.zh_cn_long or self.zh_cn) if long else self.zh_cn


def _lang(lang: object) -> str:
    code = str(lang.value if isinstance(lang, Enum) else lang).lower().replace("_", "-")
    if code not in _COLUMN:
        raise ValueError(f"no labels in {lang!r}: choose one of {', '.join(LANGS)}")
    return code


def _entry(file: str, vocabulary: str, value: str, raw: object) -> Entry:
    where = f"resources/labels/{file}: [{vocabulary}.{value}]"
    if not isinstance(raw, dict):
        raise LabelDataError(f"{where} is not a table")
    words: dict[str, str] = {}
    for key in ("en", "zh_HK", "zh_CN", "en_long", "zh_HK_long", "zh_CN_long"):
        text = raw.get(key)
        if text is None:
            continue
        if not isinstance(text, str) or not text.strip():
            raise LabelDataError(f"{where}: {key} must be a non-empty string")
        words[key] = text
    missing = [key for key in ("en", "zh_HK", "zh_CN") if key not in words]
    if missing:
        raise LabelDataError(f"{where} has no {', '.join(missing)}")
    unknown = set(raw) - {"en", "zh_HK", "zh_CN", "en_long", "zh_HK_long", "zh_CN_long",
                          "review", "zh_CN_edited"}
    if unknown:
        raise LabelDataError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return Entry(vocabulary, value, words["en"], words["zh_HK"], words["zh_CN"],
                 words.get("en_long"), words.get("zh_HK_long"), words.get("zh_CN_long"),
                 bool(raw.get("review", False)), bool(raw.get("zh_CN_edited", False)))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Entry]]:
    """Every vocabulary's entries by stored value, read once from ``resources/labels/``."""
    found: dict[str, dict[str, Entry]] = {}
    for file in FILES:
        try:
            data = tomllib.loads(resource(f"labels/{file}").read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise LabelDataError(f"resources/labels/{file}: {exc}") from None
        for vocabulary, values in data.items():
            if not isinstance(values, dict):
                raise LabelDataError(f"resources/labels/{file}: {vocabulary} is not a table")
            table = found.setdefault(vocabulary, {})
            for value, raw in values.items():
                if value in table:
                    raise LabelDataError(f"resources/labels/{file}: [{vocabulary}.{value}] "
                                         "is given twice")
                table[value] = _entry(file, vocabulary, value, raw)
    return found


def vocabulary_of(member: Enum) -> str:
    """The catalogue's name for an enum member's vocabulary."""
    cls = type(member)
    return _VOCAB_OF.get((cls.__module__, cls.__name__), cls.__name__)


def entry(value: object, vocab: str | None = None) -> Entry | None:
    """The catalogue entry of ``value`` (an enum member, or a stored value of ``vocab``)."""
    if isinstance(value, Enum):
        return catalogue().get(vocab or vocabulary_of(value), {}).get(str(value.value))
    table = catalogue()
    text = str(value)
    if vocab is not None:
        return table.get(vocab, {}).get(text)
    for name in SEARCH_ORDER:
        found = table.get(name, {}).get(text)
        if found is not None:
            return found
    return None


def _plain_english(text: str) -> str:
    return NAMES.get(text) or text.replace("_", " ")


def label(value: object, lang: object = "en", *, vocab: str | None = None, long: bool = False,
          capital: bool = False) -> str:
    """``value`` (an enum member or an identifier) in words, in ``lang`` (``Lang`` or its code).

    ``vocab`` names the vocabulary of a plain string (``"Criterion"``, ``"ProfileFact"``);
    ``long``: the printed form (full scheme names); ``capital``: first letter upper (English).
    A ``Message`` (``domain.messages.tr``) is said again in ``lang``.
    A value the catalogue does not hold reads as its identifier with spaces (never raw).
    """
    code = _lang(lang)
    if isinstance(value, Message):
        return value.into(code)
    text = str(value.value) if isinstance(value, Enum) else str(value)
    found: Entry | None
    if code == "en" and vocab is None and not isinstance(value, Enum):
        found = None  # plain identifiers read as they always did in English
    else:
        found = entry(value, vocab)
    words = found.text(code, long=long) if found is not None else _plain_english(text)
    if capital and code == "en":
        return words[:1].upper() + words[1:]
    return words
