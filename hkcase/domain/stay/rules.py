"""Stay patterns, extension-window rules and reminder rules, read from ``resources/stay/``.

The data files carry effective dates, sources and the open questions of
``schemes.md``; this module only parses and checks them. Dates of
``effective_to`` are the last day in force (inclusive).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from hkcase.domain.rules.kernel import Dated, RuleDataError, first_overlap_of
from hkcase.domain.vocab import Scheme

TTPS_CATEGORIES = ("A", "B", "C")
#: How a dependant's sponsor is classed for the stay patterns.
SPONSOR_KINDS = ("student", "settled")


@dataclass(frozen=True, slots=True)
class Variant:
    """A narrower rule inside a pattern: a category, a stay number or an approval period."""

    id: str
    categories: tuple[str, ...] | None
    stays: tuple[int, ...] | None
    approval_from: date | None
    approval_to: date | None
    months: int | None
    sources: tuple[str, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]
    sponsors: tuple[str, ...] | None = None  # SPONSOR_KINDS (dependants)
    relationships: tuple[str, ...] | None = None  # dependant's relationship


@dataclass(frozen=True, slots=True)
class StayPattern(Dated):
    """The stays a scheme grants, in order, for applications in one period."""

    id: str
    schemes: frozenset[Scheme]
    selected_by: str
    effective_from: date | None
    effective_to: date | None
    months: tuple[int, ...]
    top_tier_months: tuple[int, ...] | None
    contract_cap: bool
    follows_sponsor: bool
    sources: tuple[str, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]
    variants: tuple[Variant, ...]
    contract_cap_extensions: bool = False  # the source caps extensions by the contract too
    second_hand: tuple[str, ...] = ()  # those of ``sources`` that are not official pages


@dataclass(frozen=True, slots=True)
class WindowRule:
    """How long before the limit of stay an extension may be filed."""

    id: str
    rule: str  # "4_weeks" | "3_months"
    days: int | None
    months: int | None
    schemes: frozenset[Scheme] | None  # None: every scheme
    effective_from: date | None
    effective_to: date | None
    sources: tuple[str, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]
    category_review: Mapping[str, str]

    def applies_to(self, scheme: Scheme) -> bool:
        return self.schemes is None or scheme in self.schemes


@dataclass(frozen=True, slots=True)
class TopTierRule:
    min_assessable_income_hkd: int
    min_years_in_hong_kong: int
    text: str
    review: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReminderRules:
    """Travel-document validity and permanent-residence rules used by reminders."""

    travel_document_min_validity_months: int
    travel_document_note: str
    travel_document_sources: tuple[str, ...]
    permanent_residence_months: int
    permanent_residence_note: str
    permanent_residence_sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StayRuleBook:
    """Everything in ``resources/stay/``, parsed and checked."""

    id: str
    version: str
    convention: str
    convention_sources: tuple[str, ...]
    top_tier: TopTierRule
    patterns: tuple[StayPattern, ...]
    windows: tuple[WindowRule, ...]
    dependant_window_review: tuple[str, ...]
    reminders: ReminderRules
    dependant_window_notes: tuple[str, ...] = ()
    dependant_window_sources: tuple[str, ...] = ()

    def patterns_for(self, scheme: Scheme) -> tuple[StayPattern, ...]:
        """The scheme's patterns, oldest first."""
        return tuple(p for p in self.patterns if scheme in p.schemes)

    def pattern_on(self, scheme: Scheme, on: date) -> StayPattern | None:
        """The pattern for an application under ``scheme`` dated ``on``, if any."""
        for pattern in self.patterns_for(scheme):
            if pattern.covers(on):
                return pattern
        return None

    def windows_for(self, scheme: Scheme) -> tuple[WindowRule, ...]:
        return tuple(w for w in self.windows if w.applies_to(scheme))


def read_resource(name: str) -> dict[str, Any]:
    """Parse ``resources/stay/<name>.toml``."""
    text = files("hkcase.resources").joinpath(f"stay/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _strings(entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key, ())
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(f"{entry.get('id', '?')}: {key} must be a list of strings")
    return tuple(value)


def _optional_date(entry: Mapping[str, Any], key: str) -> date | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, date):
        raise RuleDataError(f"{entry.get('id', '?')}: {key} must be a date")
    return value


def _schemes(entry: Mapping[str, Any]) -> frozenset[Scheme]:
    try:
        return frozenset(Scheme(s) for s in entry["schemes"])
    except ValueError as exc:
        raise RuleDataError(f"{entry.get('id', '?')}: {exc}") from None


def _variant(entry: Mapping[str, Any]) -> Variant:
    categories = entry.get("categories")
    if categories is not None and not set(categories) <= set(TTPS_CATEGORIES):
        raise RuleDataError(f"{entry['id']}: unknown category in {categories}")
    stays = entry.get("stays")
    sponsors = entry.get("sponsor")
    if sponsors is not None and not set(sponsors) <= set(SPONSOR_KINDS):
        raise RuleDataError(f"{entry['id']}: unknown sponsor kind in {sponsors}")
    relationships = entry.get("relationships")
    return Variant(
        id=entry["id"],
        categories=tuple(categories) if categories is not None else None,
        stays=tuple(stays) if stays is not None else None,
        approval_from=_optional_date(entry, "approval_from"),
        approval_to=_optional_date(entry, "approval_to"),
        months=entry.get("months"),
        sources=_strings(entry, "sources"),
        review=_strings(entry, "review"),
        notes=_strings(entry, "notes"),
        sponsors=tuple(sponsors) if sponsors is not None else None,
        relationships=tuple(relationships) if relationships is not None else None,
    )


def _pattern(entry: Mapping[str, Any]) -> StayPattern:
    pattern = StayPattern(
        id=entry["id"],
        schemes=_schemes(entry),
        selected_by=entry.get("selected_by", "application_date"),
        effective_from=_optional_date(entry, "effective_from"),
        effective_to=_optional_date(entry, "effective_to"),
        months=tuple(entry["months"]),
        top_tier_months=tuple(entry["top_tier_months"]) if "top_tier_months" in entry else None,
        contract_cap=bool(entry.get("contract_cap", False)),
        follows_sponsor=bool(entry.get("follows_sponsor", False)),
        sources=_strings(entry, "sources"),
        review=_strings(entry, "review"),
        notes=_strings(entry, "notes"),
        variants=tuple(_variant(v) for v in entry.get("variant", ())),
        contract_cap_extensions=bool(entry.get("contract_cap_extensions", False)),
        second_hand=_strings(entry, "second_hand"),
    )
    if not set(pattern.second_hand) <= set(pattern.sources):
        raise RuleDataError(f"{pattern.id}: second_hand names a page it does not cite")
    if not pattern.sources:
        raise RuleDataError(f"{pattern.id}: no sources")
    if not pattern.follows_sponsor and not pattern.months:
        raise RuleDataError(f"{pattern.id}: no months")
    if any(m < 1 for m in pattern.months + (pattern.top_tier_months or ())):
        raise RuleDataError(f"{pattern.id}: months must be positive")
    return pattern


def _window(entry: Mapping[str, Any]) -> WindowRule:
    rule = WindowRule(
        id=entry["id"],
        rule=entry["rule"],
        days=entry.get("days"),
        months=entry.get("months"),
        schemes=_schemes(entry) if "schemes" in entry else None,
        effective_from=_optional_date(entry, "effective_from"),
        effective_to=_optional_date(entry, "effective_to"),
        sources=_strings(entry, "sources"),
        review=_strings(entry, "review"),
        notes=_strings(entry, "notes"),
        category_review=dict(entry.get("category_review", {})),
    )
    if (rule.days is None) == (rule.months is None):
        raise RuleDataError(f"{rule.id}: give exactly one of days or months")
    if not rule.sources:
        raise RuleDataError(f"{rule.id}: no sources")
    return rule


def _check_no_overlap(patterns: tuple[StayPattern, ...]) -> None:
    for scheme in Scheme:
        mine = [p for p in patterns if scheme in p.schemes]
        if not mine:
            raise RuleDataError(f"no stay pattern for {scheme.value}")
        if pair := first_overlap_of(mine):
            raise RuleDataError(f"{pair[0].id} overlaps {pair[1].id}")


@cache
def rule_book() -> StayRuleBook:
    """The packaged stay rules, parsed once and checked for gaps and overlaps."""
    raw = read_resource("patterns")
    windows_raw = read_resource("windows")
    reminders_raw = read_resource("reminders")
    try:
        patterns = tuple(_pattern(p) for p in raw["pattern"])
        windows = tuple(_window(w) for w in windows_raw["window"])
        top = raw["top_tier"]
        travel = reminders_raw["travel_document"]
        residence = reminders_raw["permanent_residence"]
        book = StayRuleBook(
            id=raw["meta"]["id"],
            version=raw["meta"]["version"],
            convention=raw["convention"]["text"],
            convention_sources=_strings(raw["convention"], "sources"),
            top_tier=TopTierRule(
                min_assessable_income_hkd=int(top["min_assessable_income_hkd"]),
                min_years_in_hong_kong=int(top["min_years_in_hong_kong"]),
                text=top["text"],
                review=_strings(top, "review"),
                sources=_strings(top, "sources"),
            ),
            patterns=patterns,
            windows=windows,
            dependant_window_review=_strings(windows_raw["dependants"], "review"),
            dependant_window_notes=_strings(windows_raw["dependants"], "notes"),
            dependant_window_sources=_strings(windows_raw["dependants"], "sources"),
            reminders=ReminderRules(
                travel_document_min_validity_months=int(travel["min_validity_months"]),
                travel_document_note=travel["note"],
                travel_document_sources=_strings(travel, "sources"),
                permanent_residence_months=int(residence["months"]),
                permanent_residence_note=residence["note"],
                permanent_residence_sources=_strings(residence, "sources"),
            ),
        )
    except KeyError as exc:
        raise RuleDataError(f"resources/stay: missing {exc}") from None
    _check_no_overlap(patterns)
    if not any(w.schemes is None and w.effective_from is None for w in windows):
        raise RuleDataError("resources/stay/windows.toml needs a general rule for every scheme")
    ids = [p.id for p in patterns] + [v.id for p in patterns for v in p.variants]
    ids += [w.id for w in windows]
    if len(ids) != len(set(ids)):
        raise RuleDataError("resources/stay: rule ids must be unique")
    return book
