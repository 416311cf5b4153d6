"""Dated rule sets, read from ``resources/eligibility/<name>.toml``.

Each file holds ``[[rule_set]]`` tables with ``id``, ``effective_from``,
optional ``effective_to`` (last day in force, inclusive), ``sources`` and
``params``; optional ``second_hand`` (those of ``sources`` that are not
official), ``notes`` (shown with the result) and ``cautions`` (a
second-hand source or an unpublished definition: shown with every result of
the set, never changing the outcome). The engine uses the set in force on the
assessment date.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from hkcase.domain.rules.kernel import Dated, RuleDataError, RuleSetRef, first_overlap_of


@dataclass(frozen=True)
class RuleSet(Dated):
    id: str
    effective_from: date
    effective_to: date | None
    sources: tuple[str, ...]
    params: Mapping[str, Any]
    notes: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    second_hand: tuple[str, ...] = ()
    ref: RuleSetRef = field(init=False, compare=False)

    def __post_init__(self) -> None:
        ref = RuleSetRef(self.id, self.effective_from, self.effective_to, self.sources,
                         self.second_hand)
        object.__setattr__(self, "ref", ref)

    # Rule-set ids are unique: hashing by id lets per-rule-set work be cached.
    def __hash__(self) -> int:
        return hash(self.id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and other.id == self.id

    def __getitem__(self, key: str) -> Any:
        return self.params[key]


def _read(name: str) -> dict[str, Any]:
    text = files("hkcase.resources").joinpath(f"eligibility/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def rule_sets(name: str) -> tuple[RuleSet, ...]:
    """All rule sets of one file, oldest first; checked not to overlap."""
    raw = _read(name)
    sets = []
    for entry in raw.get("rule_set", []):
        try:
            sets.append(RuleSet(
                id=entry["id"],
                effective_from=entry["effective_from"],
                effective_to=entry.get("effective_to"),
                sources=tuple(entry["sources"]),
                params=entry.get("params", {}),
                notes=tuple(entry.get("notes", ())),
                cautions=tuple(entry.get("cautions", ())),
                second_hand=tuple(entry.get("second_hand", ())),
            ))
        except KeyError as exc:
            raise RuleDataError(f"{name}.toml: a rule set lacks {exc}") from None
        if not set(sets[-1].second_hand) <= set(sets[-1].sources):
            raise RuleDataError(f"{name}.toml: {sets[-1].id} marks as second-hand a page it "
                                "does not cite")
    sets.sort(key=lambda s: s.effective_from)
    if pair := first_overlap_of(sets):
        raise RuleDataError(f"{name}.toml: {pair[0].id} overlaps {pair[1].id}")
    if not sets:
        raise RuleDataError(f"{name}.toml has no rule sets")
    return tuple(sets)


@cache
def launch_date(name: str) -> date | None:
    """When the scheme of ``name`` opened, if the file records it (it did not exist before)."""
    launched = _read(name).get("launched")
    return launched if isinstance(launched, date) else None


@lru_cache(maxsize=8192)
def rule_set_on(name: str, on: date) -> RuleSet | None:
    """The rule set of ``name`` in force on ``on``, or None if none was."""
    for candidate in rule_sets(name):
        if candidate.covers(on):
            return candidate
    return None


def change_dates(name: str) -> tuple[date, ...]:
    """Every date on which a rule set of ``name`` starts or stops being in force."""
    dates = set()
    for candidate in rule_sets(name):
        dates.add(candidate.effective_from)
        if candidate.effective_to is not None:
            dates.add(candidate.effective_to + timedelta(days=1))
    return tuple(sorted(dates))


@lru_cache(maxsize=16384)
def in_force(name: str, on: date) -> RuleSet | None:
    """The rule set of ``name`` in force on ``on``; None before the scheme's launch."""
    launched = launch_date(name)
    if launched is not None and on < launched:
        return None
    return rule_set_on(name, on)
