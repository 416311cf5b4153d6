"""When an extension of stay may be filed, from a limit of stay and the dated window rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from hkcase.domain.dates import add_months
from hkcase.domain.stay.rules import StayRuleBook, WindowRule, rule_book
from hkcase.domain.vocab import Scheme

# Reminders ask for the same few thousand limits again and again; relativedelta is slow.
_add_months = lru_cache(maxsize=1 << 16)(add_months)


@dataclass(frozen=True, slots=True)
class ExtensionWindow:
    """The extension window before one limit of stay, with the rule that opens it."""

    limit_of_stay: date
    opens: date
    rule: str  # "4_weeks" | "3_months"
    rule_id: str
    effective_from: date | None
    effective_to: date | None
    sources: tuple[str, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]

    def is_open_on(self, day: date) -> bool:
        """True from the opening day to the limit of stay, both included."""
        return self.opens <= day <= self.limit_of_stay


def _opening(rule: WindowRule, limit: date) -> date | None:
    """The first day the rule lets an extension be filed before ``limit``, if any."""
    if rule.days is not None:
        naive = limit - timedelta(days=rule.days)
    else:
        assert rule.months is not None  # checked when the rules were read
        naive = _add_months(limit, -rule.months)
    opens = naive if rule.effective_from is None else max(naive, rule.effective_from)
    if opens > limit or (rule.effective_to is not None and opens > rule.effective_to):
        return None
    return opens


def extension_window(
    scheme: Scheme,
    limit_of_stay: date,
    *,
    category: str | None = None,
    sponsor_scheme: Scheme | None = None,
    book: StayRuleBook | None = None,
) -> ExtensionWindow:
    """The window before ``limit_of_stay``: the earliest day some rule in force allows filing.

    A TTPS limit of 2024-12-15 gives 2024-11-01, the day the 3-month rule began;
    the general rule opens the window on the limit minus 28 days.
    """
    book = book or rule_book()
    candidates: list[tuple[date, int, WindowRule]] = []
    for rule in book.windows_for(scheme):
        opens = _opening(rule, limit_of_stay)
        if opens is not None:
            # On a tie the scheme's own rule wins over the general one.
            candidates.append((opens, 0 if rule.schemes is not None else 1, rule))
    if not candidates:  # cannot happen: the general rule has no dates (checked on load)
        raise ValueError(f"no extension-window rule applies to {scheme.value}")
    opens, _, rule = min(candidates, key=lambda c: (c[0], c[1]))
    review = list(rule.review)
    if rule.category_review:
        extra = rule.category_review.get(category or "unknown", "")
        if extra:
            review.append(extra)
    notes, sources = rule.notes, rule.sources
    if scheme is Scheme.DEPENDANT and sponsor_scheme in (None, Scheme.TTPS):
        review.extend(book.dependant_window_review)
        if sponsor_scheme is Scheme.TTPS:
            notes = notes + book.dependant_window_notes
            sources = tuple(dict.fromkeys(sources + book.dependant_window_sources))
    return ExtensionWindow(
        limit_of_stay=limit_of_stay,
        opens=opens,
        rule=rule.rule,
        rule_id=rule.id,
        effective_from=rule.effective_from,
        effective_to=rule.effective_to,
        sources=sources,
        review=tuple(review),
        notes=notes,
    )


class WindowTable:
    """Window openings for many limits at once (reminders, digests), rules looked up once."""

    def __init__(self, book: StayRuleBook | None = None) -> None:
        book = book or rule_book()
        self._rules = {
            scheme: sorted(book.windows_for(scheme), key=lambda r: r.schemes is None)
            for scheme in Scheme
        }

    def opening(self, scheme: Scheme, limit_of_stay: date) -> tuple[date, str]:
        """``(opening day, rule)`` for ``limit_of_stay``, as ``extension_window`` gives."""
        best: tuple[date, str] | None = None
        for rule in self._rules[scheme]:
            opens = _opening(rule, limit_of_stay)
            if opens is not None and (best is None or opens < best[0]):
                best = (opens, rule.rule)
        if best is None:
            raise ValueError(f"no extension-window rule applies to {scheme.value}")
        return best
