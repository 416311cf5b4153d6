"""Estimating a limit of stay and its extension window from the dated stay patterns.

The estimate follows the convention of schemes.md §0.4 (start + N calendar months,
clamped to the month's end) and never replaces a printed date: when the visa
label's date is known it is the limit, and the estimate is shown beside it.
Everything the sources leave open comes back as a flag in ``needs_review``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hkcase.domain.dates import add_months
from hkcase.domain.holidays_hk import DayInfo, day_info, holiday_rules, provisional_note
from hkcase.domain.rules.kernel import RuleSetRef
from hkcase.domain.stay.extension_window import ExtensionWindow, extension_window
from hkcase.domain.stay.rules import (
    TTPS_CATEGORIES,
    StayPattern,
    StayRuleBook,
    Variant,
    rule_book,
)
from hkcase.domain.vocab import Scheme

#: A date assumed in place of a missing one is flagged when a rule changed this close before it.
NEAR_CHANGE = timedelta(days=365)


class StayQuestionError(ValueError):
    """A stay question that cannot be answered as asked; the message says what to change."""


@dataclass(frozen=True, slots=True)
class Flag:
    """A note or an open question attached to a result."""

    code: str
    text: str
    sources: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True)
class StayQuestion:
    """What a consultant asks: a first stay from an entry date, or extension N from a limit."""

    scheme: Scheme
    entry_date: date | None = None
    previous_limit: date | None = None
    extension: int | None = None
    application_date: date | None = None
    approval_date: date | None = None
    contract_end: date | None = None
    category: str | None = None
    top_tier: bool = False
    assessable_income_hkd: int | None = None
    sponsor_limit: date | None = None
    sponsor_scheme: Scheme | None = None
    months: int | None = None
    printed_limit: date | None = None
    #: a dependant's sponsor: "permanent_resident", "unconditional_stay", "student_visa", …
    #: (the eligibility profile's sponsor_status values); None: follows the sponsor
    sponsor_status: str | None = None
    #: a dependant's relationship to the sponsor (spouse, child, parent …)
    relationship: str | None = None

    @property
    def sponsor_kind(self) -> str | None:
        """``student`` or ``settled`` when the dependant's stay does not follow the sponsor's."""
        if self.sponsor_status in ("permanent_resident", "unconditional_stay"):
            return "settled"
        return "student" if self.sponsor_status == "student_visa" else None

    @property
    def stay_number(self) -> int:
        """0 for the first stay, N for extension N."""
        return 0 if self.entry_date is not None else (self.extension or 0)

    @property
    def start(self) -> date:
        start = self.entry_date or self.previous_limit
        assert start is not None  # checked by _check
        return start


@dataclass(frozen=True, kw_only=True)
class StayRuleSetRef(RuleSetRef):
    """The kernel's ``RuleSetRef`` of a stay pattern, with how it was selected and the
    window rule and rule book it came with."""

    selected_by: str
    selected_on: date
    variants: tuple[str, ...]
    window: ExtensionWindow
    book_id: str
    book_version: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "effective_from": _iso(self.effective_from),
            "effective_to": _iso(self.effective_to),
            "selected_by": self.selected_by,
            "selected_on": self.selected_on.isoformat(),
            "variants": list(self.variants),
            "sources": list(self.sources),
            "second_hand_sources": list(self.second_hand),
            "window": {
                "id": self.window.rule_id,
                "effective_from": _iso(self.window.effective_from),
                "effective_to": _iso(self.window.effective_to),
                "sources": list(self.window.sources),
            },
            "holidays": {
                "package": "holidays",
                "categories": list(holiday_rules().categories),
                "sundays": holiday_rules().sundays,
                "checked_years": sorted(holiday_rules().checked_years),
                "sources": list(holiday_rules().sources),
            },
            "book": {"id": self.book_id, "version": self.book_version},
        }


@dataclass(frozen=True)
class StayEstimate:
    """A limit of stay (estimated or printed), its window and the holidays around them."""

    scheme: Scheme
    stay_number: int
    start_date: date
    grant_months: int | None
    estimated_limit: date
    limit_of_stay: date
    limit_source: str  # "estimate" | "contract_end" | "sponsor" | "printed"
    window: ExtensionWindow
    limit_day: DayInfo
    window_day: DayInfo
    rule_set: StayRuleSetRef
    notes: tuple[Flag, ...]
    needs_review: tuple[Flag, ...]
    inputs: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``hkcase stay --json``."""
        return {
            "scheme": self.scheme.value,
            "stay": "first" if self.stay_number == 0 else "extension",
            "extension": self.stay_number,
            "start_date": self.start_date.isoformat(),
            "grant_months": self.grant_months,
            "limit_of_stay": self.limit_of_stay.isoformat(),
            "limit_source": self.limit_source,
            "estimated_limit_of_stay": self.estimated_limit.isoformat(),
            "window_rule": self.window.rule,
            "extension_window_opens": self.window.opens.isoformat(),
            "limit_is_general_holiday": self.limit_day.is_general_holiday,
            "holiday_name": self.limit_day.holiday_name,
            "last_working_day_on_or_before_limit":
                self.limit_day.last_working_day_on_or_before.isoformat(),
            "window_opens_on_general_holiday": self.window_day.is_general_holiday,
            "window_holiday_name": self.window_day.holiday_name,
            "rule_set": self.rule_set.as_dict(),
            "notes": [f.as_dict() for f in self.notes],
            "needs_review": [f.as_dict() for f in self.needs_review],
            "inputs": self.inputs,
        }


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _check(q: StayQuestion, book: StayRuleBook) -> None:
    if (q.entry_date is None) == (q.previous_limit is None):
        raise StayQuestionError("give either an entry date (first stay) or a previous limit "
                                "of stay with an extension number")
    if q.previous_limit is not None and (q.extension is None or q.extension < 1):
        raise StayQuestionError("an extension needs its number: 1 for the first extension")
    if q.entry_date is not None and q.extension is not None:
        raise StayQuestionError("an extension number goes with a previous limit, not an entry date")
    if q.category is not None:
        if q.scheme is not Scheme.TTPS:
            raise StayQuestionError("a category (A, B or C) applies only to TTPS")
        if q.category not in TTPS_CATEGORIES:
            raise StayQuestionError(f"TTPS category must be A, B or C, not {q.category!r}")
    if q.sponsor_limit is not None and q.scheme is not Scheme.DEPENDANT:
        raise StayQuestionError("a sponsor's limit applies only to a DEPENDANT stay")
    if (q.sponsor_status is not None or q.relationship is not None) \
            and q.scheme is not Scheme.DEPENDANT:
        raise StayQuestionError("a sponsor's status and a relationship apply only to a "
                                "DEPENDANT stay")
    if q.scheme is Scheme.DEPENDANT and q.sponsor_limit is None and q.months is None \
            and q.sponsor_kind is None:
        raise StayQuestionError("a dependant's limit follows the sponsor's: give the sponsor's "
                                "limit of stay")
    if q.months is not None and not 1 <= q.months <= 240:
        raise StayQuestionError("months must be between 1 and 240")
    for name, value in (("sponsor's limit", q.sponsor_limit), ("contract end", q.contract_end),
                        ("printed limit", q.printed_limit)):
        if value is not None and value <= q.start:
            raise StayQuestionError(f"the {name} {value} must fall after the start {q.start}")
    if q.application_date is not None and q.application_date > q.start:
        what = "entry date" if q.entry_date else "previous limit of stay"
        raise StayQuestionError(f"the application date {q.application_date} cannot be after "
                                f"the {what} {q.start}")
    if (q.approval_date is not None and q.application_date is not None
            and q.approval_date < q.application_date):
        raise StayQuestionError("the approval date cannot come before the application date")
    if q.top_tier:
        if q.stay_number == 0:
            raise StayQuestionError("top-tier applies to an extension, after at least two "
                                    "years in Hong Kong, not to a first stay")
        threshold = book.top_tier.min_assessable_income_hkd
        if q.assessable_income_hkd is not None and q.assessable_income_hkd < threshold:
            raise StayQuestionError(
                f"top-tier needs assessable income of at least HK${threshold:,} "
                f"(given HK${q.assessable_income_hkd:,})")


def _select_pattern(q: StayQuestion, book: StayRuleBook, flags: _Flags) -> tuple[StayPattern, date]:
    on = q.application_date
    if on is None:
        on = q.start
        what = "entry date" if q.entry_date else "previous limit of stay"
        flags.note("application_date_assumed",
                   f"Application date not given: the pattern in force on the {what} {on} "
                   "is used.")
    pattern = book.pattern_on(q.scheme, on)
    if pattern is None:
        known = book.patterns_for(q.scheme)
        first = min((p.effective_from for p in known if p.effective_from), default=None)
        since = f"; hkcase's patterns for it start on {first}" if first else ""
        raise StayQuestionError(
            f"no {q.scheme.value} stay pattern covers an application dated {on}{since}")
    if q.application_date is None:
        changes = [p.effective_from for p in book.patterns_for(q.scheme) if p.effective_from]
        near = [c for c in changes if on - NEAR_CHANGE < c <= on]
        if near:
            flags.review("application_date_near_change",
                         f"The pattern changed on {max(near)}, within a year before the assumed "
                         "application date: give the real application date to be sure.")
    return pattern, on


def _variant_applies(v: Variant, stay_number: int, category: str | None, approval: date,
                     q: StayQuestion | None = None) -> bool:
    if v.stays is not None and stay_number not in v.stays:
        return False
    if v.categories is not None and category not in v.categories:
        return False
    if v.sponsors is not None and (q is None or q.sponsor_kind not in v.sponsors):
        return False
    if v.relationships is not None and (q is None or q.relationship not in v.relationships):
        return False
    if v.approval_from is not None and approval < v.approval_from:
        return False
    return not (v.approval_to is not None and approval > v.approval_to)


def _variants(q: StayQuestion, pattern: StayPattern, flags: _Flags) -> list[Variant]:
    approval = q.approval_date or q.start
    chosen = []
    for v in pattern.variants:
        if (q.category is None and q.months is None and v.months is not None
                and v.categories is not None
                and _variant_applies(v, q.stay_number, v.categories[0], approval)):
            raise StayQuestionError(
                f"{q.scheme.value} stays differ by category here ({v.id}): give the category "
                "(A, B or C)")
        if not _variant_applies(v, q.stay_number, q.category, approval, q):
            continue
        chosen.append(v)
        if (v.approval_from is not None or v.approval_to is not None) and q.approval_date is None:
            flags.note("approval_date_assumed",
                       f"Approval date not given: {approval} is assumed for {v.id}.")
            bounds = [d for d in (v.approval_from, v.approval_to) if d is not None]
            if any(approval - NEAR_CHANGE < d <= approval for d in bounds):
                flags.review("approval_date_near_change",
                             f"{v.id} depends on the approval date, and the assumed date "
                             f"{approval} is within a year of its change: give the real "
                             "approval date.")
        flags.extend(v.notes, v.review, v.sources)
    return chosen


class _Flags:
    def __init__(self) -> None:
        self.notes: list[Flag] = []
        self.reviews: list[Flag] = []

    def note(self, code: str, text: str, sources: tuple[str, ...] = ()) -> None:
        self.notes.append(Flag(code, text, sources))

    def review(self, code: str, text: str, sources: tuple[str, ...] = ()) -> None:
        if all(f.text != text for f in self.reviews):
            self.reviews.append(Flag(code, text, sources))

    def extend(self, notes: tuple[str, ...], reviews: tuple[str, ...],
               sources: tuple[str, ...]) -> None:
        for text in notes:
            self.note("source_note", text, sources)
        for text in reviews:
            self.review("open_question", text, sources)


def _pattern_text(months: tuple[int, ...]) -> str:
    return "+".join(f"{m // 12}" if m % 12 == 0 else f"{m}m" for m in months)


def _grant_months(q: StayQuestion, pattern: StayPattern, variants: list[Variant],
                  book: StayRuleBook, flags: _Flags) -> int | None:
    if q.months is not None:
        flags.note("months_given", f"{q.months} months as asked (what-if); the pattern is not "
                   "used.")
        return q.months
    if pattern.follows_sponsor:
        own = [v.months for v in variants if v.months is not None]
        if own:
            return own[-1]
        if q.sponsor_kind == "settled":
            raise StayQuestionError(
                f"{pattern.id}: the stay of a dependant of a permanent resident is published only "
                "for extensions (3-3, parents 2-2-3), and only with the relationship: give "
                "the relationship and an extension, or ask with --months N")
        if q.sponsor_kind is not None and q.sponsor_limit is None:
            raise StayQuestionError(f"{pattern.id} has no stay for this sponsor: give the "
                                    "sponsor's limit of stay or --months N")
        return None
    if q.top_tier:
        if pattern.top_tier_months is None:
            raise StayQuestionError(f"{pattern.id} has no top-tier extension")
        months = pattern.top_tier_months
        flags.note("top_tier", book.top_tier.text, book.top_tier.sources)
        for text in book.top_tier.review:
            flags.review("top_tier_income", text, book.top_tier.sources)
    else:
        months = pattern.months
    if q.stay_number >= len(months):
        raise StayQuestionError(
            f"{pattern.id} ({_pattern_text(months)}) has no extension {q.stay_number} in the "
            "sources: ask with --months N")
    granted = months[q.stay_number]
    if not q.top_tier:
        for v in variants:
            if v.months is not None:
                granted = v.months
    return granted


def estimate_stay(q: StayQuestion, book: StayRuleBook | None = None) -> StayEstimate:
    """Estimate the limit of stay, window and holidays for ``q``; raises ``StayQuestionError``."""
    book = book or rule_book()
    _check(q, book)
    flags = _Flags()
    flags.note("estimate", book.convention, book.convention_sources)
    pattern, selected_on = _select_pattern(q, book, flags)
    flags.extend(pattern.notes, pattern.review, pattern.sources)
    if pattern.second_hand and len(pattern.second_hand) == len(pattern.sources):
        flags.note("second_hand_source", f"{pattern.id} is known only from second-hand "
                   "sources (consultancies, agents): confirm with ImmD.", pattern.second_hand)
    variants = _variants(q, pattern, flags)
    months = _grant_months(q, pattern, variants, book, flags)

    source = "estimate"
    if months is not None:
        estimated = add_months(q.start, months)
        if q.sponsor_limit is not None and q.sponsor_limit < estimated:
            estimated, source = q.sponsor_limit, "sponsor"
    else:
        if q.sponsor_limit is None:
            raise StayQuestionError("a dependant's limit follows the sponsor's: give the "
                                    "sponsor's limit of stay")
        estimated, source = q.sponsor_limit, "sponsor"
    limit = estimated
    capped = pattern.contract_cap or (q.stay_number > 0 and pattern.contract_cap_extensions)
    if q.contract_end is not None:
        if capped and not q.top_tier:
            if q.contract_end < limit:
                limit = estimated = q.contract_end
                source = "contract_end"
                flags.note("contract_cap", "Capped by the employment contract's end "
                           f"{q.contract_end}.", pattern.sources)
            if q.stay_number > 0 and not pattern.contract_cap_extensions:
                flags.review("contract_cap_extension",
                             "The contract-end cap is sourced for the first stay (ImmD FAQ, "
                             "28 Dec 2022); hkcase also applies it to extensions.")
        else:
            flags.note("contract_end_ignored", "The contract's end does not limit this stay: it "
                       "is on time limitation only.")
    if q.printed_limit is not None:
        limit, source = q.printed_limit, "printed"
        if q.printed_limit != estimated:
            flags.note("printed_differs", f"The printed limit {q.printed_limit} wins over the "
                       f"estimate {estimated} ({(q.printed_limit - estimated).days:+d} days).")

    window = extension_window(q.scheme, limit, category=q.category,
                              sponsor_scheme=q.sponsor_scheme, book=book)
    for text in window.notes:
        flags.note("window_rule", text, window.sources)
    for text in window.review:
        flags.review("window_rule", text, window.sources)
    limit_day, window_day = day_info(limit), day_info(window.opens)
    _holiday_flags(limit_day, window_day, flags)

    ref = StayRuleSetRef(
        id=pattern.id,
        effective_from=pattern.effective_from,
        effective_to=pattern.effective_to,
        selected_by=pattern.selected_by,
        selected_on=selected_on,
        variants=tuple(v.id for v in variants),
        sources=tuple(dict.fromkeys(pattern.sources + tuple(
            s for v in variants for s in v.sources))),
        window=window,
        book_id=book.id,
        book_version=book.version,
        second_hand=pattern.second_hand,
    )
    return StayEstimate(
        scheme=q.scheme, stay_number=q.stay_number, start_date=q.start, grant_months=months,
        estimated_limit=estimated, limit_of_stay=limit, limit_source=source, window=window,
        limit_day=limit_day, window_day=window_day, rule_set=ref,
        notes=tuple(flags.notes), needs_review=tuple(flags.reviews), inputs=_inputs(q),
    )


def _holiday_flags(limit_day: DayInfo, window_day: DayInfo, flags: _Flags) -> None:
    rules = holiday_rules()
    if limit_day.is_general_holiday:
        flags.review("limit_on_holiday",
                     f"The limit of stay {limit_day.day} is a general holiday "
                     f"({limit_day.holiday_name}). {rules.limit_review} Last working day: "
                     f"{limit_day.last_working_day_on_or_before}.", rules.limit_sources)
        flags.note("typhoon", rules.limit_note, rules.limit_sources)
    if window_day.is_general_holiday:
        flags.note("window_opens_on_holiday",
                   f"The window opens on a general holiday ({window_day.holiday_name}).")
    years = sorted({d.year for d in (limit_day.day, limit_day.last_working_day_on_or_before,
                                     window_day.day) if d.year not in rules.checked_years})
    for year in years:
        flags.review("holidays_provisional", provisional_note(year), rules.sources)


def _inputs(q: StayQuestion) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in q.__dict__.items():
        if value is None or value is False:
            continue
        out[name] = value.isoformat() if isinstance(value, date) else (
            value.value if isinstance(value, Scheme) else value)
    return out
