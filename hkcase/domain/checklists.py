"""Checklist templates: dated, bilingual document lists per scheme and application type.

Templates are data in ``resources/checklists/*.toml`` (format in that folder's
README). Each file covers one or more ``SCHEME/type`` pairs and holds dated
``[[version]]`` blocks; the version in force on a date is used. Every item says
where it comes from (``source``) and whether it is ImmD's or GovHK's own text
(``basis = "immd"``, only with a ``gov.hk`` source) or practice (``"practice"``:
second-hand, or filling a gap where the official list was cut off or not found).

Pure Python: reads packaged resources only.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from hkcase.domain.rules.kernel import Dated, RuleDataError, first_overlap_of
from hkcase.domain.vocab import ApplicationType, ItemBasis, Scheme

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
#: Column widths of ``checklist_item`` (titles, form numbers).
TITLE_MAX = 300
FORM_NO_MAX = 20
SLOT_MAX = 80
REVIEW_MAX = 300
#: Who uploads a document in ImmD's e-service (the section of its upload page).
UPLOADERS = ("applicant", "employer", "sponsor")
#: TTPS categories an item may be limited to.
CATEGORIES = ("A", "B", "C")


class Lang(StrEnum):
    """Languages printed outputs can be made in."""

    EN = "en"
    ZH_HK = "zh-hk"  # Traditional Chinese, Hong Kong usage
    ZH_CN = "zh-cn"  # Simplified Chinese


class OfficialList(StrEnum):
    """How much of the official document list the sources showed."""

    COMPLETE = "complete"
    TRUNCATED = "truncated"
    SECOND_HAND = "second_hand"
    NOT_FOUND = "not_found"


class TemplateDataError(RuleDataError):
    """A checklist file that breaks the format; the message names the file and the item."""


class NoTemplateError(LookupError):
    """No checklist template covers the scheme and application type on the date."""


@dataclass(frozen=True, slots=True)
class Texts:
    """One text in English, Traditional Chinese and (optionally) Simplified Chinese."""

    en: str
    zh: str
    zh_cn: str | None = None

    def get(self, lang: Lang) -> str:
        """The text in ``lang``; Simplified falls back to Traditional when not written."""
        if lang is Lang.EN:
            return self.en
        if lang is Lang.ZH_CN and self.zh_cn:
            return self.zh_cn
        return self.zh


@dataclass(frozen=True, slots=True)
class TemplateItem:
    """One document a template asks for."""

    code: str
    title: Texts
    form_no: str | None
    mandatory: bool
    notes: str
    source: str
    basis: ItemBasis
    #: The upload slot (row of ImmD's "documents to be uploaded" table) the item fills.
    upload_slot: str | None = None
    #: Who uploads it in the e-service: applicant, employer or sponsor.
    uploader: str | None = None
    #: The revision date printed on the source page when the item was read.
    source_revised: date | None = None
    #: TTPS categories the item is for; empty: every applicant.
    categories: tuple[str, ...] = ()
    #: What to check before relying on the item (ImmD's text for it was not in the sources).
    review: str = ""


@dataclass(frozen=True, slots=True)
class GeneralNote:
    """A rule that applies to every list (translations, uploads), printed under it."""

    code: str
    text: Texts
    source: str


@dataclass(frozen=True)
class ChecklistTemplate(Dated):
    """One dated version of a template."""

    name: str  # the file's stem, e.g. "gep_new"
    title: Texts
    applies_to: frozenset[tuple[Scheme, ApplicationType]]
    effective_from: date
    effective_to: date | None
    official_list: OfficialList
    coverage_note: str
    sources: tuple[str, ...]
    items: tuple[TemplateItem, ...]

    @property
    def id(self) -> str:
        """Stable id of this version, stored with every item created from it."""
        return f"{self.name}@{self.effective_from.isoformat()}"


def _text(entry: Mapping[str, Any], prefix: str, where: str, limit: int | None = None) -> Texts:
    values: list[str | None] = []
    for suffix in ("en", "zh", "zh_cn"):
        value = entry.get(f"{prefix}_{suffix}")
        if value is None and suffix == "zh_cn":
            values.append(None)
            continue
        if not isinstance(value, str) or not value.strip():
            raise TemplateDataError(f"{where}: {prefix}_{suffix} must be non-empty text")
        if limit is not None and len(value) > limit:
            raise TemplateDataError(f"{where}: {prefix}_{suffix} is longer than {limit}")
        values.append(value.strip())
    return Texts(values[0] or "", values[1] or "", values[2])


def _is_government(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host == "gov.hk" or host.endswith(".gov.hk")


def _item(entry: Mapping[str, Any], where: str) -> TemplateItem:
    code = entry.get("code")
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise TemplateDataError(f"{where}: code {code!r} must match {CODE_PATTERN.pattern}")
    where = f"{where} item {code}"
    try:
        basis = ItemBasis(str(entry.get("basis")))
    except ValueError:
        raise TemplateDataError(f"{where}: basis must be 'immd' or 'practice'") from None
    if basis is ItemBasis.CONSULTANT:
        raise TemplateDataError(f"{where}: basis must be 'immd' or 'practice'")
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise TemplateDataError(f"{where}: every item needs a source")
    if basis is ItemBasis.IMMD and not _is_government(source):
        raise TemplateDataError(f"{where}: basis 'immd' needs a gov.hk source, not {source}")
    notes = entry.get("notes", "")
    if not isinstance(notes, str):
        raise TemplateDataError(f"{where}: notes must be text")
    if basis is ItemBasis.PRACTICE and not notes.strip():
        raise TemplateDataError(f"{where}: a practice item must say in notes why it is not ImmD's")
    form_no = entry.get("form_no") or None
    if form_no is not None and (not isinstance(form_no, str) or len(form_no) > FORM_NO_MAX):
        raise TemplateDataError(f"{where}: form_no must be text of at most {FORM_NO_MAX}")
    mandatory = entry.get("mandatory")
    if not isinstance(mandatory, bool):
        raise TemplateDataError(f"{where}: mandatory must be true or false")
    unknown = set(entry) - {"code", "title_en", "title_zh", "title_zh_cn", "form_no",
                            "mandatory", "notes", "source", "basis", "upload_slot", "uploader",
                            "source_revised", "categories", "review"}
    if unknown:
        raise TemplateDataError(f"{where}: unknown keys {sorted(unknown)}")
    review = entry.get("review", "")
    if not isinstance(review, str) or len(review) > REVIEW_MAX:
        raise TemplateDataError(f"{where}: review must be text of at most {REVIEW_MAX}")
    slot, uploader, revised, categories = _upload_fields(entry, where)
    return TemplateItem(code, _text(entry, "title", where, TITLE_MAX), form_no, mandatory,
                        notes.strip(), source.strip(), basis, slot, uploader, revised,
                        categories, review.strip())


def _upload_fields(entry: Mapping[str, Any], where: str
                   ) -> tuple[str | None, str | None, date | None, tuple[str, ...]]:
    slot = entry.get("upload_slot")
    if slot is not None and (not isinstance(slot, str) or not slot.strip()
                             or len(slot) > SLOT_MAX):
        raise TemplateDataError(f"{where}: upload_slot must be text of at most {SLOT_MAX}")
    uploader = entry.get("uploader")
    if uploader is not None and uploader not in UPLOADERS:
        raise TemplateDataError(f"{where}: uploader must be one of {', '.join(UPLOADERS)}")
    revised = entry.get("source_revised")
    if revised is not None and not isinstance(revised, date):
        raise TemplateDataError(f"{where}: source_revised must be a date")
    raw = entry.get("categories", [])
    if not isinstance(raw, list) or any(c not in CATEGORIES for c in raw):
        raise TemplateDataError(f"{where}: categories must list some of {', '.join(CATEGORIES)}")
    return (slot.strip() if isinstance(slot, str) else None, uploader, revised,
            tuple(str(c) for c in raw))


def _pairs(raw: Any, where: str) -> frozenset[tuple[Scheme, ApplicationType]]:
    if not isinstance(raw, list) or not raw:
        raise TemplateDataError(f"{where}: applies_to must list 'SCHEME/type' pairs")
    pairs = set()
    for text in raw:
        scheme, _, kind = str(text).partition("/")
        try:
            pairs.add((Scheme(scheme), ApplicationType(kind)))
        except ValueError:
            raise TemplateDataError(f"{where}: {text!r} is not a 'SCHEME/type' pair") from None
    return frozenset(pairs)


def _version(name: str, raw: Mapping[str, Any], entry: Mapping[str, Any]) -> ChecklistTemplate:
    start = entry.get("effective_from")
    where = f"checklists/{name}.toml version {start}"
    end = entry.get("effective_to")
    if not isinstance(start, date) or (end is not None and not isinstance(end, date)):
        raise TemplateDataError(f"{where}: effective_from/effective_to must be dates")
    if end is not None and end < start:
        raise TemplateDataError(f"{where}: effective_to is before effective_from")
    try:
        official = OfficialList(str(entry.get("official_list")))
    except ValueError:
        raise TemplateDataError(f"{where}: official_list must be one of "
                                f"{', '.join(v.value for v in OfficialList)}") from None
    sources = entry.get("sources")
    if not isinstance(sources, list) or not sources or not all(
            isinstance(s, str) and s for s in sources):
        raise TemplateDataError(f"{where}: sources must list where the list comes from")
    coverage = entry.get("coverage_note", "")
    if official is not OfficialList.COMPLETE and not str(coverage).strip():
        raise TemplateDataError(f"{where}: say in coverage_note what is missing from the list")
    items = tuple(_item(e, where) for e in entry.get("item", []))
    if not items:
        raise TemplateDataError(f"{where}: a version needs at least one item")
    codes = [i.code for i in items]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise TemplateDataError(f"{where}: item codes repeated: {', '.join(duplicates)}")
    return ChecklistTemplate(
        name=name,
        title=_text(raw, "name", f"checklists/{name}.toml"),
        applies_to=_pairs(raw.get("applies_to"), f"checklists/{name}.toml"),
        effective_from=start,
        effective_to=end,
        official_list=official,
        coverage_note=str(coverage).strip(),
        sources=tuple(sources),
        items=items,
    )


def parse_template_file(name: str, text: str) -> tuple[ChecklistTemplate, ...]:
    """Every version in one template file, oldest first; checked not to overlap."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateDataError(f"checklists/{name}.toml: {exc}") from None
    versions = sorted((_version(name, raw, e) for e in raw.get("version", [])),
                      key=lambda v: v.effective_from)
    if not versions:
        raise TemplateDataError(f"checklists/{name}.toml: no [[version]]")
    if pair := first_overlap_of(versions):
        earlier, later = pair
        raise TemplateDataError(
            f"checklists/{name}.toml: version {earlier.effective_from} overlaps "
            f"{later.effective_from} (close the earlier one with effective_to)")
    return tuple(versions)


def _resource_files() -> list[tuple[str, str]]:
    folder = files("hkcase.resources").joinpath("checklists")
    found = [(entry.name[:-5], entry.read_text("utf-8")) for entry in folder.iterdir()
             if entry.name.endswith(".toml") and not entry.name.startswith("_")]
    return sorted(found)


@cache
def all_templates() -> tuple[ChecklistTemplate, ...]:
    """Every version of every shipped template; no two files cover the same pair."""
    owners: dict[tuple[Scheme, ApplicationType], str] = {}
    result: list[ChecklistTemplate] = []
    for name, text in _resource_files():
        versions = parse_template_file(name, text)
        for pair in versions[0].applies_to:
            if pair in owners:
                raise TemplateDataError(f"checklists/{name}.toml and {owners[pair]}.toml both "
                                        f"cover {pair[0].value}/{pair[1].value}")
            owners[pair] = name
        result.extend(versions)
    return tuple(result)


def covered_pairs() -> list[tuple[Scheme, ApplicationType]]:
    """The scheme and application-type pairs that have a template, in vocabulary order."""
    pairs = {pair for t in all_templates() for pair in t.applies_to}
    order = {s: i for i, s in enumerate(Scheme)}
    kinds = {k: i for i, k in enumerate(ApplicationType)}
    return sorted(pairs, key=lambda p: (order[p[0]], kinds[p[1]]))


def template_for(scheme: Scheme, application_type: ApplicationType, on: date) -> ChecklistTemplate:
    """The template version in force on ``on`` for the pair; ``NoTemplateError`` if none."""
    matching = [t for t in all_templates() if (scheme, application_type) in t.applies_to]
    for template in matching:
        if template.covers(on):
            return template
    if matching:
        first = min(t.effective_from for t in matching)
        raise NoTemplateError(f"the {scheme.value} {application_type.value} checklist starts "
                              f"on {first.isoformat()}, after {on.isoformat()}")
    raise NoTemplateError(
        f"there is no checklist template for {scheme.value} {application_type.value}; "
        "add the items by hand (see docs/documents-and-pdfs.md for what is covered)")


def template_by_id(template_id: str) -> ChecklistTemplate | None:
    """The template version with this id (``ttps_new@2026-12-01``), or None if not shipped."""
    return next((t for t in all_templates() if t.id == template_id), None)


def template_item(template_id: str | None, code: str) -> TemplateItem | None:
    """The template item a case's checklist item came from, if it is still shipped."""
    template = template_by_id(template_id) if template_id else None
    if template is None:
        return None
    return next((i for i in template.items if i.code == code), None)


@cache
def general_notes() -> tuple[GeneralNote, ...]:
    """Rules printed under every checklist (``resources/checklists/_general.toml``)."""
    text = files("hkcase.resources").joinpath("checklists/_general.toml").read_text("utf-8")
    notes = []
    for entry in tomllib.loads(text).get("note", []):
        code = str(entry.get("code", ""))
        where = f"checklists/_general.toml note {code}"
        source = entry.get("source")
        if not CODE_PATTERN.match(code) or not isinstance(source, str) or not source:
            raise TemplateDataError(f"{where}: needs a code and a source")
        notes.append(GeneralNote(code, _text(entry, "text", where), source))
    return tuple(notes)


@cache
def _shipped_titles() -> dict[str, Texts]:
    """Every shipped item's English title → its words in each language."""
    titles: dict[str, Texts] = {}
    for template in all_templates():
        for item in template.items:
            titles.setdefault(item.title.en, item.title)
    return titles


def title_words(text: str, code: str) -> str | None:
    """A shipped checklist item's English title (kept in a reminder's title) in ``code``;
    None for a title a consultant typed or any other text."""
    found = _shipped_titles().get(text) if code != "en" else None
    return found.get(Lang(code)) if found is not None else None

