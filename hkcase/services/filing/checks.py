"""Pre-filing checks, fees and the expected decision for a case, read from the records."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.checklists import Lang, template_item
from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.filing.check_texts import word
from hkcase.domain.filing.checks import Check, FilingFacts, ItemFact, ready, run_checks
from hkcase.domain.filing.fees import (
    Applicant,
    ExpectedDecision,
    Fees,
    expected_decision,
    fees_for,
)
from hkcase.domain.messages import tr
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.services.checklists import list_checklist
from hkcase.services.errors import ValidationError
from hkcase.services.filing.checklist import numbered
from hkcase.services.filing.presence import in_hong_kong as in_hong_kong_fact
from hkcase.store import Store
from hkcase.store.models import Case, Stay, TravelDocument


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError("case_id", tr("there is no case number {case_id}", case_id=case_id))
    return case


def _passport_expiry(session: Session, client_id: int, on: date) -> date | None:
    """The latest expiry among the client's travel documents still valid on ``on``."""
    expiries = session.scalars(sa.select(TravelDocument.expiry_date).where(
        TravelDocument.client_id == client_id, TravelDocument.expiry_date.is_not(None))).all()
    valid = [e for e in expiries if e is not None and e >= on]
    if valid:
        return max(valid)
    return max((e for e in expiries if e is not None), default=None)


def _limit(session: Session, case_id: int) -> date | None:
    return session.scalar(sa.select(Stay.limit_of_stay).where(Stay.case_id == case_id)
                          .order_by(Stay.extension_number.desc()).limit(1))


def _item_fact(number: int, entry: ChecklistEntry, expiry: date | None) -> ItemFact:
    """A checklist line as the checks see it, with its template's review mark."""
    source = template_item(entry.template_id, entry.code)
    return ItemFact(number, entry.code, entry.title_en, entry.mandatory, entry.state, expiry,
                    entry.title_zh, entry.title_zh_cn, source.review if source else "")


def filing_date_for(store: Store, case_id: int, filing_date: date | None = None) -> date:
    """The planned filing date: given, else the case's submission date, else today."""
    if filing_date is not None:
        return filing_date
    with store.reading() as session:
        submitted = _case(session, case_id).submitted_on
    return submitted or date.today()


def filing_facts(store: Store, case_id: int, filing_date: date, *,
                 in_hong_kong: bool | None = None) -> FilingFacts:
    """What the pre-filing checks need, from the case, its client, stays and checklist."""
    entries = list_checklist(store, case_id)
    numbered_entries = numbered(entries)
    items = [_item_fact(number, entry, entry.latest.expiry_date if entry.latest else None)
             for number, entry in numbered_entries]
    listed = {entry.code for _, entry in numbered_entries}
    items += [_item_fact(0, e, None) for e in entries if e.code not in listed]
    with store.reading() as session:
        case = _case(session, case_id)
        facts = FilingFacts(
            scheme=case.scheme, application_type=case.application_type,
            filing_date=filing_date, residence=case.client.residence,
            limit_of_stay=_limit(session, case_id),
            passport_expiry=_passport_expiry(session, case.client_id, filing_date),
            requested_stay_end=case.contract_end, in_hong_kong=in_hong_kong,
            sponsor_scheme=case.sponsor_case.scheme if case.sponsor_case else None,
            items=tuple(items))
    if in_hong_kong is None:
        facts = replace(facts, in_hong_kong=in_hong_kong_fact(store, case_id))
    return facts


@dataclass(frozen=True)
class CaseReadiness:
    """The pre-filing checks, fees and expected decision of one case on a filing date."""

    case_id: int
    reference: str
    filing_date: date
    checks: tuple[Check, ...]
    ready: bool
    fees: Fees
    decision: ExpectedDecision | None


def _family(session: Session, case: Case) -> list[Case]:
    """The case and its dependants' open cases (cases sponsored by it)."""
    dependants = session.scalars(sa.select(Case).where(Case.sponsor_case_id == case.id)
                                 .order_by(Case.id)).all()
    return [case, *dependants]


def _stay_days(case: Case, limit: date | None) -> int | None:
    if case.application_type is ApplicationType.EXTENSION and limit and case.contract_end:
        return max((case.contract_end - limit).days, 0)
    return None


def family_fees(store: Store, case_id: int, filing_date: date) -> Fees:
    """The fees of the case and its dependants' cases under the table in force on the date."""
    with store.reading() as session:
        case = _case(session, case_id)
        people = []
        for member in _family(session, case):
            sponsor = member.sponsor_case.scheme if member.sponsor_case else None
            name = f"{member.client.family_name} {member.client.given_names}".strip()
            people.append(Applicant(f"{name} ({member.reference})", member.scheme,
                                    member.application_type, sponsor,
                                    _stay_days(member, _limit(session, member.id))))
    return fees_for(people, filing_date)


def readiness(store: Store, case_id: int, *, filing_date: date | None = None,
              in_hong_kong: bool | None = None) -> CaseReadiness:
    """Everything the Filing tab and ``filing-sheet --json`` show before the data sheet."""
    day = filing_date_for(store, case_id, filing_date)
    facts = filing_facts(store, case_id, day, in_hong_kong=in_hong_kong)
    checks = tuple(run_checks(facts))
    with store.reading() as session:
        reference = _case(session, case_id).reference
    scheme: Scheme = facts.scheme
    return CaseReadiness(case_id, reference, day, checks, ready(list(checks)),
                         family_fees(store, case_id, day),
                         expected_decision(scheme, facts.application_type, day))


def summary(r: CaseReadiness, lang: Lang = Lang.EN) -> str:
    """One line: ready or not on the date, the fees on filing, the expected decision."""
    count = len(r.fees.lines)
    total = "?" if r.fees.on_filing_total is None else f"HK${r.fees.on_filing_total:,}"
    fee = word("fee_one" if count == 1 else "fee_many", lang, amount=total, count=str(count))
    decision = (word("no_processing_time", lang) if r.decision is None else
                word("decision_around", lang, date=r.decision.around.isoformat()))
    state = word("ready" if r.ready else "not_ready", lang)
    return word("summary", lang, state=state, date=r.filing_date.isoformat(), fee=fee,
                decision=decision)


def readiness_json(r: CaseReadiness, lang: Lang = Lang.EN) -> dict[str, Any]:
    """The readiness as plain JSON values (``text``: each message in ``lang``)."""
    decision = None
    if r.decision is not None:
        decision = {"earliest": r.decision.earliest.isoformat(),
                    "around": r.decision.around.isoformat(), "weeks": list(r.decision.weeks),
                    "note": r.decision.note, "source": r.decision.source,
                    "source_revised": r.decision.source_revised.isoformat()}
    fees = r.fees
    return {
        "filing_date": r.filing_date.isoformat(),
        "ready": r.ready,
        "checks": [{"code": c.code, "status": c.status.value, "message": c.text(Lang.EN),
                    "text": c.text(lang), "source": c.source, "items": list(c.items)}
                   for c in r.checks],
        "summary": summary(r, lang),
        "fees": {"currency": "HKD", "on_filing_total": fees.on_filing_total,
                 "refundable": fees.refundable, "source": fees.source,
                 "source_revised": fees.source_revised.isoformat()
                 if fees.source_revised else None, "notes": list(fees.notes),
                 "applicants": [{"name": line.name, "on_filing": line.on_filing,
                                 "on_approval": line.on_approval,
                                 "on_approval_if_over_180_days": line.on_approval_if_long,
                                 "on_approval_otherwise": line.on_approval_if_short,
                                 "note": line.note} for line in fees.lines]},
        "expected_decision": decision,
    }
