"""Verdicts changed: open cases whose latest kept eligibility run no longer holds.

A case's verdict can change with no one touching it: a new rule set comes into
force, a birthday passes, a degree ages out of a window. ``changed_verdicts``
assesses every open case that has a kept run as its tab would today and lists
those whose outcome differs, with why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from hkcase.domain.eligibility.wording import KeptEffect, change_subject, word
from hkcase.domain.messages import tr
from hkcase.domain.vocab import Stage
from hkcase.services.eligibility.run import case_eligibility, fact_label
from hkcase.services.errors import ValidationError
from hkcase.store import Store
from hkcase.store.models import Case, Client, EligibilityRun


@dataclass(frozen=True)
class VerdictChange:
    """One case whose verdict today differs from its latest kept run's."""

    case_id: int
    reference: str
    client_name: str
    scheme: str
    old_outcome: str
    new_outcome: str
    reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "reference": self.reference,
                "client_name": self.client_name, "scheme": self.scheme,
                "old_outcome": self.old_outcome, "new_outcome": self.new_outcome,
                "reasons": list(self.reasons)}


@dataclass(frozen=True)
class _Run:
    outcome: str
    assessment_date: date
    inputs: dict[str, Any]
    result: dict[str, Any]


def _latest_runs(store: Store) -> list[tuple[int, str, str, str, _Run]]:
    """(case id, reference, client name, scheme, latest run) of every open case with a run."""
    latest = (sa.select(EligibilityRun.case_id, sa.func.max(EligibilityRun.id).label("run_id"))
              .group_by(EligibilityRun.case_id).subquery())
    with store.reading() as session:
        rows = session.execute(
            sa.select(Case.id, Case.reference, Client.family_name, Client.given_names,
                      Case.scheme, EligibilityRun)
            .join(latest, latest.c.case_id == Case.id)
            .join(EligibilityRun, EligibilityRun.id == latest.c.run_id)
            .join(Client, Client.id == Case.client_id)
            .where(Case.stage != Stage.CLOSED)
            .order_by(Case.reference)).all()
        return [(cid, ref, f"{family} {given}".strip(), scheme.value,
                 _Run(run.outcome, run.assessment_date, dict(run.inputs), dict(run.result)))
                for cid, ref, family, given, scheme, run in rows]


def _why(run: _Run, now: dict[str, Any], facts_now: dict[str, Any],
         on: date) -> list[str]:
    reasons: list[str] = []
    old_rules = (run.result.get("rule_set") or {}).get("id")
    new_rules = (now.get("rule_set") or {}).get("id")
    if old_rules != new_rules:
        reasons.append(tr("rules changed: {before} → {after}", before=old_rules or tr("none"),
                          after=new_rules or tr("none")))
    derived = {name: item.get("value") for name, item in
               (run.inputs.get("derived") or {}).items()}
    for name in sorted(set(derived) | set(facts_now)):
        if name.startswith("years_"):
            continue  # experience grows with time alone: said by the dated changes below
        if derived.get(name) != facts_now.get(name):
            reasons.append(tr("{fact}: {before} → {after}",
                              fact=word(name, fact_label(name), "ProfileFact"),
                              before=_show(derived.get(name)), after=_show(facts_now.get(name))))
    for change in run.result.get("changes_on") or []:
        if run.assessment_date < date.fromisoformat(change["date"]) <= on:
            key = str(change["criterion"])
            reasons.append(tr("on {day}: {criterion} {effect}", day=change["date"],
                              criterion=change_subject(key) if key in ("outcome", "category")
                              else word(key, vocab="Criterion"),
                              effect=KeptEffect(str(change["effect"]), key)))
    if not reasons:
        reasons.append(tr("assessed on {day}; the answer changed since",
                          day=run.assessment_date))
    return reasons


def _show(value: Any) -> str:
    if value is None:
        return tr("not known")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def changed_verdicts(store: Store, on: date | None = None) -> list[VerdictChange]:
    """Open cases whose latest kept run's outcome differs from today's assessment."""
    day = on or date.today()
    changes = []
    for case_id, reference, name, scheme, run in _latest_runs(store):
        try:
            checked = case_eligibility(store, case_id, on=day)
        except ValidationError as exc:  # a fact kept earlier that today's rules refuse
            changes.append(VerdictChange(case_id, reference, name, scheme, run.outcome,
                                         "needs_review",
                                         [tr("cannot assess: {reason}", reason=str(exc))]))
            continue
        new = checked.result.outcome.value
        if new == run.outcome:
            continue
        facts_now = {n: f.value for n, f in checked.facts.items()}
        changes.append(VerdictChange(case_id, reference, name, scheme, run.outcome, new,
                                     _why(run, checked.result.as_dict(), facts_now, day)))
    return changes
