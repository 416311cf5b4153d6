"""Keeping a case's eligibility facts, the consultant's overrides and TTPS-list confirmations.

Each save is one transaction with its audit entry and raises the case's
``version``, so a colleague's stale save of the same case is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.case_facts import SPEC_BY_KEY, CaseFactSpec
from hkcase.domain.labels import label
from hkcase.domain.messages import current_language, tr
from hkcase.domain.vocab import AuditAction, EducationLevel
from hkcase.services.conflicts import conflict
from hkcase.services.eligibility.facts import stored_case_facts, stored_overrides
from hkcase.services.eligibility.run import check_override
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.base import utcnow
from hkcase.store.models import Case, CaseFactOverride, CaseFacts, Client, Education
from hkcase.store.models.case_facts import MAX_HKD

# Case facts that are the case's own columns (one field each).
_ON_CASE = {"employer_name": "employer", "contract_end": "contract_end"}
_TEXT_LIMITS = {"employer_name": 200, "employer_br_number": 20, "position": 200,
                "techtas_rd_area": 100, "qmas_achievement_evidence": 5000}


@dataclass(frozen=True)
class CaseFactsView:
    """A case's stored facts (by editor key) and kept overrides, at ``version``."""

    case_id: int
    version: int
    values: dict[str, Any]
    overrides: dict[str, Any]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _case(session: Session, case_id: int, expected_version: int | None) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError("case_id", tr("there is no case number {case_id}",
                                            case_id=case_id))
    if expected_version is not None and case.version != expected_version:
        raise conflict(case, session)
    return case


def _view(session: Session, case: Case) -> CaseFactsView:
    values = {k: (v.value if isinstance(v, StrEnum) else v)
              for k, v in stored_case_facts(session, case).items()}
    return CaseFactsView(case.id, case.version, values, stored_overrides(session, case.id))


def load_case_facts(store: Store, case_id: int) -> CaseFactsView:
    """What the case-facts editor shows."""
    with store.reading() as session:
        return _view(session, _case(session, case_id, None))


def _clean(spec: CaseFactSpec, value: Any) -> Any:
    """``value`` as stored, or ``ValidationError`` in the consultant's words."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = spec.kind

    def refuse(message: str) -> ValidationError:
        return _refused(spec, message)

    if kind == "bool":
        if not isinstance(value, bool):
            raise refuse(tr("answer yes or no"))
        return value
    if kind in ("text", "longtext"):
        if not isinstance(value, str):
            raise refuse(tr("expected text"))
        text = value.strip()
        if len(text) > _TEXT_LIMITS.get(spec.key, 200):
            raise refuse(tr("at most {n} characters", n=_TEXT_LIMITS.get(spec.key, 200)))
        return text
    if kind == "date":
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                raise refuse(tr("{value!r} is not a date (YYYY-MM-DD)", value=value)) from None
        if not isinstance(value, date) or not 1900 <= value.year <= 2100:
            raise refuse(tr("give a date between 1900 and 2100"))
        return value
    if kind == "choice":
        allowed = [c for c, _ in spec.choices]
        if value not in allowed:
            raise refuse(tr("choose one of {choices}", choices=_choices(spec)))
        return value
    if kind == "languages":
        items = [v.strip() for v in value.split(",")] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise refuse(tr("list the languages, separated by commas"))
        return [v.strip() for v in items if v.strip()] or None
    return _number(spec, value, refuse)


def _field_words(spec: CaseFactSpec) -> str:
    """The input's label in the current language (English: the spec's own words)."""
    code = current_language()
    return spec.label if code == "en" else label(spec.key, code, vocab="CaseFact")


def _refused(spec: CaseFactSpec, problem: str) -> ValidationError:
    return ValidationError(spec.key, tr("{field}: {problem}", field=_field_words(spec),
                                        problem=problem))


def _choices(spec: CaseFactSpec) -> list[str]:
    code = current_language()
    return [words if code == "en" else label(value, code) for value, words in spec.choices]


def _number(spec: CaseFactSpec, value: Any, refuse: Any) -> Any:
    if isinstance(value, str):
        text = value.replace(",", "").replace("HK$", "").replace("%", "").strip()
        try:
            value = float(text)
        except ValueError:
            raise refuse(tr("{value!r} is not a number", value=value)) from None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise refuse(tr("expected a number"))
    high = spec.maximum if spec.maximum is not None else MAX_HKD
    if value < 0 or value > high:
        raise refuse(tr("must be between 0 and {high:,.0f}", high=high))
    if spec.kind == "percent":
        return float(value)
    if not float(value).is_integer():
        raise refuse(tr("give a whole number"))
    return int(value)


def _cleaned(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(changes) - set(SPEC_BY_KEY))
    if unknown:
        raise ValidationError(unknown[0], tr("not a case fact"))
    return {key: _clean(SPEC_BY_KEY[key], value) for key, value in changes.items()}


def _apply_case_facts(session: Session, case: Case, cleaned: dict[str, Any], actor: str
                      ) -> bool:
    row = session.get(CaseFacts, case.id)
    created = row is None
    if row is None:
        row = CaseFacts(case_id=case.id)
        session.add(row)
    before = stored_case_facts(session, case)
    diff: dict[str, list[Any]] = {}
    for key, value in cleaned.items():
        old = before.get(key)
        old_plain = old.value if isinstance(old, StrEnum) else old
        if old_plain == value:
            continue
        setattr(case if key in _ON_CASE else row, _ON_CASE.get(key, key), value)
        diff[key] = [_plain(old_plain), _plain(value)]
    if row.salary_hkd is not None and row.salary_period is None:
        raise _refused(SPEC_BY_KEY["salary_period"],
                       tr("say whether the salary is monthly or annual"))
    if not diff and not created:
        return False
    row.updated_by = actor
    row.updated_at = utcnow()
    audit.record(session, actor=actor,
                 action=AuditAction.CREATE if created else AuditAction.UPDATE,
                 obj=row, changes=diff)
    return True


def _apply_overrides(session: Session, case: Case, changes: Mapping[str, Any], actor: str
                     ) -> bool:
    rows = {r.name: r for r in session.scalars(sa.select(CaseFactOverride).where(
        CaseFactOverride.case_id == case.id))}
    changed = False
    for name, value in changes.items():
        row = rows.get(name)
        if row is None and value is None:
            continue
        if row is None:
            row = CaseFactOverride(case_id=case.id, name=name, value=value, set_by=actor)
            session.add(row)
            audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row,
                         changes={"name": name, "value": value})
        elif value is None:
            audit.record(session, actor=actor, action=AuditAction.DELETE, obj=row,
                         changes={"name": name, "value": [row.value, None]})
            session.delete(row)
        elif row.value != value:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=row,
                         changes={"name": name, "value": [row.value, value]})
            row.value, row.set_by, row.set_at = value, actor, utcnow()
        else:
            continue
        changed = True
    return changed


def _apply_confirmation(session: Session, case: Case, on_list: bool | None, actor: str
                        ) -> None:
    education = bachelor_record(session, case.client_id)
    if education is None:
        raise ValidationError("education", tr("the client has no bachelor's degree on record"))
    old = education.ttps_list_confirmed
    education.ttps_list_confirmed = on_list
    education.ttps_list_confirmed_for = None if on_list is None else education.institution
    client = session.get_one(Client, case.client_id)
    client.updated_at = utcnow()  # a child's change raises the owner's version
    audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=education,
                 changes={"ttps_list_confirmed": [old, on_list],
                          "ttps_list_confirmed_for": [None, education.institution]})


def bachelor_record(session: Session, client_id: int) -> Education | None:
    """The bachelor's record the TTPS list is checked for (the first awarded)."""
    return session.scalars(sa.select(Education).where(
        Education.client_id == client_id, Education.level == EducationLevel.BACHELOR)
        .order_by(Education.award_date, Education.id)).first()


_KEEP = object()


def save_answers(store: Store, case_id: int, expected_version: int, *, actor: str,
                 case_facts: Mapping[str, Any] | None = None,
                 overrides: Mapping[str, Any] | None = None,
                 ttps_list_confirmed: Any = _KEEP) -> CaseFactsView:
    """Keep case facts, overrides and a TTPS-list confirmation in one transaction.

    Case facts and overrides raise the case's ``version``; a confirmation is kept
    with the client's bachelor's record (asked once per institution name).
    """
    cleaned = _cleaned(case_facts or {})
    for name, value in (overrides or {}).items():
        if value is not None:
            check_override(name, value)
    with store.transaction() as session:
        case = _case(session, case_id, expected_version)
        changed = _apply_case_facts(session, case, cleaned, actor) if cleaned else False
        changed = _apply_overrides(session, case, overrides or {}, actor) or changed
        if ttps_list_confirmed is not _KEEP:
            _apply_confirmation(session, case, ttps_list_confirmed, actor)
        if changed:
            case.updated_at = utcnow()  # raises the case's version
        session.flush()
        return _view(session, case)


def save_case_facts(store: Store, case_id: int, expected_version: int,
                    changes: Mapping[str, Any], *, actor: str) -> CaseFactsView:
    """Change some of a case's facts (``None`` or empty text clears one)."""
    return save_answers(store, case_id, expected_version, actor=actor, case_facts=changes)


def save_overrides(store: Store, case_id: int, expected_version: int,
                   changes: Mapping[str, Any], *, actor: str) -> CaseFactsView:
    """Keep (or, with ``None``, drop) the consultant's overrides of profile facts."""
    return save_answers(store, case_id, expected_version, actor=actor, overrides=changes)


def confirm_ttps_listing(store: Store, case_id: int, on_list: bool | None, *,
                         actor: str) -> None:
    """Keep the consultant's answer to "is this the university on the TTPS list?" with the
    client's bachelor's record (``None`` withdraws it)."""
    with store.transaction() as session:
        _apply_confirmation(session, _case(session, case_id, None), on_list, actor)


@dataclass(frozen=True)
class ListQuestion:
    """A TTPS-list lookup awaiting the consultant's answer: is ``typed`` the listed one?"""

    typed: str
    candidates: tuple[str, ...]
    list_version: str


def ttps_list_question(store: Store, case_id: int, on: date | None = None
                       ) -> ListQuestion | None:
    """The question to ask once, if the bachelor's institution matched the list loosely or
    not at all and nobody has answered for that name yet."""
    from hkcase.domain.eligibility import lists

    day = on or date.today()
    with store.reading() as session:
        case = _case(session, case_id, None)
        education = bachelor_record(session, case.client_id)
        if education is None or (education.ttps_list_confirmed is not None
                                 and education.ttps_list_confirmed_for
                                 == education.institution):
            return None
        typed = education.institution
    lookup = getattr(lists, "lookup_university", None)
    if lookup is None:
        found = lists.find_ttps_university(typed, day)
        return None if found.entry is not None else ListQuestion(typed, (), "")
    match = lookup(typed, day)
    if match.kind == "exact":
        return None
    return ListQuestion(typed, tuple(match.candidates), str(match.list_version))
