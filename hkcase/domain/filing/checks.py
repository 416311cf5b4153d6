"""Pre-filing checks: what ImmD's e-service refuses or needs, checked before the consultant files.

Pure: the service gathers ``FilingFacts`` from the records; every check returns a
``Check`` with a status, a message in the consultant's terms and its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from hkcase.domain.filing.rules import prefiling_rules
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme


class CheckStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"  # ImmD's e-service would refuse, or a required document is not ready
    CONFIRM = "confirm"  # a fact the consultant must confirm (unknown, or on a boundary)
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class ItemFact:
    """One line of the case's checklist as the checks see it."""

    number: int  # as printed on the case's checklist (not-applicable items have none: 0)
    code: str
    title: str
    mandatory: bool
    state: ChecklistState
    expiry_date: date | None  # of the latest version, if any


@dataclass(frozen=True)
class FilingFacts:
    """What the checks need to know about a case on the planned filing date."""

    scheme: Scheme
    application_type: ApplicationType
    filing_date: date
    residence: Residence | None
    limit_of_stay: date | None  # the current stay's limit (extensions)
    passport_expiry: date | None  # the travel document to be used
    requested_stay_end: date | None  # end of the stay applied for, if known
    in_hong_kong: bool | None  # the applicant's own statement; None: not confirmed
    sponsor_scheme: Scheme | None
    items: tuple[ItemFact, ...]


@dataclass(frozen=True)
class Check:
    code: str
    status: CheckStatus
    message: str
    source: str = ""
    items: tuple[int, ...] = ()  # checklist numbers concerned

    @property
    def blocking(self) -> bool:
        return self.status is CheckStatus.FAIL


def _is_extension(facts: FilingFacts) -> bool:
    return facts.application_type is ApplicationType.EXTENSION


def _na(code: str, why: str) -> Check:
    return Check(code, CheckStatus.NOT_APPLICABLE, why)


def passport_after_filing(facts: FilingFacts) -> Check:
    """Extension: the passport must not expire within 3 months of filing (3.5 years, New CIES)."""
    code = "passport_validity"
    if not _is_extension(facts):
        return _na(code, "only for an extension")
    rules = prefiling_rules(facts.filing_date)
    months, source = rules.passport_months_after_filing, rules.passport_source
    if facts.scheme is Scheme.NEW_CIES:
        months, source = rules.cies_extension_passport_months, rules.cies_source
    if facts.passport_expiry is None:
        return Check(code, CheckStatus.CONFIRM, "no valid travel document with an expiry date "
                     "is recorded: enter the passport the application will use", source)
    needed = facts.filing_date + relativedelta(months=months)
    span = "3.5 years" if months == 42 else f"{months} months"
    expiry = facts.passport_expiry.isoformat()
    if facts.passport_expiry < needed:
        return Check(code, CheckStatus.FAIL, f"the passport expires on {expiry}, within {span} "
                     f"of filing on {facts.filing_date.isoformat()}: ImmD refuses the online "
                     "extension; renew the passport first", source)
    if facts.passport_expiry == needed:
        return Check(code, CheckStatus.CONFIRM, f"the passport expires on {expiry}, exactly "
                     f"{span} after filing: ImmD's wording leaves this day open; renew the "
                     "passport or file a day earlier", source)
    return Check(code, CheckStatus.PASS, f"the passport is valid to {expiry}, more than {span} "
                 "after filing", source)


def passport_covers_stay(facts: FilingFacts) -> Check:
    """The passport should outlast the stay applied for (ImmD grants less otherwise)."""
    code = "passport_covers_stay"
    source = prefiling_rules(facts.filing_date).ttps_dependant_forms_source
    if facts.passport_expiry is None:
        return Check(code, CheckStatus.CONFIRM, "no passport expiry recorded", source)
    if facts.requested_stay_end is None:
        return Check(code, CheckStatus.CONFIRM, "the end of the stay applied for is not "
                     "recorded (contract end): check the passport covers it", source)
    if facts.passport_expiry < facts.requested_stay_end:
        return Check(code, CheckStatus.FAIL, f"the passport expires on "
                     f"{facts.passport_expiry.isoformat()}, before the stay applied for ends "
                     f"({facts.requested_stay_end.isoformat()}): ImmD may grant a shorter stay "
                     "because of the passport's validity; renew it first", source)
    return Check(code, CheckStatus.PASS, "the passport outlasts the stay applied for", source)


def limit_not_passed(facts: FilingFacts) -> Check:
    """Extension: after the limit of stay the online extension is closed."""
    code = "limit_of_stay"
    if not _is_extension(facts):
        return _na(code, "only for an extension")
    rules = prefiling_rules(facts.filing_date)
    if facts.limit_of_stay is None:
        return Check(code, CheckStatus.CONFIRM, "no limit of stay is recorded for this case: "
                     "record the stay as printed on the visa label or e-Visa",
                     rules.limit_passed_source)
    if facts.filing_date > facts.limit_of_stay:
        return Check(code, CheckStatus.FAIL, f"the limit of stay passed on "
                     f"{facts.limit_of_stay.isoformat()}: ImmD's online extension is closed "
                     "and overstaying is an offence. Do not file online; contact "
                     f"{rules.immd_contact} about the client's status now",
                     rules.limit_passed_source)
    days = (facts.limit_of_stay - facts.filing_date).days
    return Check(code, CheckStatus.PASS, f"the limit of stay is {facts.limit_of_stay.isoformat()}"
                 f" ({days} days after filing)", rules.limit_passed_source)


def in_hong_kong(facts: FilingFacts) -> Check:
    """Extension: the applicant must be in Hong Kong to apply, pay and collect the e-Visa."""
    code = "in_hong_kong"
    if not _is_extension(facts):
        return _na(code, "only for an extension")
    source = prefiling_rules(facts.filing_date).in_hong_kong_source
    wording = ("the applicant must be in Hong Kong when applying, paying and collecting the "
               "e-Visa")
    if facts.in_hong_kong is None:
        return Check(code, CheckStatus.CONFIRM, f"confirm with the client: {wording}", source)
    if not facts.in_hong_kong:
        return Check(code, CheckStatus.FAIL, "the case records say the application is made "
                     f"from outside Hong Kong: {wording}", source)
    return Check(code, CheckStatus.PASS, "the client confirmed being in Hong Kong", source)


def _open(items: tuple[ItemFact, ...]) -> list[ItemFact]:
    return [i for i in items if i.state is not ChecklistState.NOT_APPLICABLE]


def mandatory_accepted(facts: FilingFacts) -> Check:
    """Every required checklist item is accepted."""
    code = "mandatory_items"
    if not facts.items:
        return Check(code, CheckStatus.FAIL, "the case has no checklist")
    waiting = [i for i in _open(facts.items) if i.mandatory
               and i.state is not ChecklistState.ACCEPTED]
    if waiting:
        names = "; ".join(f"{i.number}. {i.title} ({i.state.value})" for i in waiting)
        return Check(code, CheckStatus.FAIL, f"required items not accepted yet: {names}",
                     items=tuple(i.number for i in waiting))
    return Check(code, CheckStatus.PASS, "every required item is accepted")


def documents_valid(facts: FilingFacts) -> Check:
    """No accepted document has expired on the filing date (its expiry day still counts)."""
    code = "documents_expiry"
    expired = [i for i in _open(facts.items)
               if i.expiry_date is not None and i.expiry_date < facts.filing_date]
    if expired:
        names = "; ".join(f"{i.number}. {i.title} (expired {i.expiry_date})" for i in expired
                          if i.expiry_date)
        return Check(code, CheckStatus.FAIL, f"documents expired by the filing date "
                     f"{facts.filing_date.isoformat()}: {names}",
                     items=tuple(i.number for i in expired))
    return Check(code, CheckStatus.PASS, "no document has expired by the filing date")


def _named(facts: FilingFacts, codes: tuple[str, ...]) -> list[ItemFact]:
    return [i for i in facts.items if i.code in codes]


def mainland_consent(facts: FilingFacts) -> Check:
    """Mainland residents: the consent letter, where the scheme's checklist asks for it."""
    code = "mainland_consent"
    found = _named(facts, ("mainland_consent",))
    if not found:
        return _na(code, "the scheme's checklist has no Mainland consent letter")
    if facts.residence is not Residence.MAINLAND_CHINA:
        return _na(code, "the client is not a Mainland resident")
    item = found[0]
    if item.state is ChecklistState.ACCEPTED:
        return Check(code, CheckStatus.PASS, "the Mainland consent letter is accepted",
                     items=(item.number,))
    if item.state is ChecklistState.NOT_APPLICABLE:
        return Check(code, CheckStatus.FAIL, "the Mainland consent letter is marked not "
                     "applicable, but the client is a Mainland resident")
    return Check(code, CheckStatus.FAIL, f"the client is a Mainland resident: item "
                 f"{item.number} ({item.title}) is {item.state.value}", items=(item.number,))


def ttps_dependant_forms(facts: FilingFacts) -> Check:
    """Dependants of TTPS entrants, extension: ID 481A and ID 481B where the checklist has them."""
    code = "id481"
    if not (facts.scheme is Scheme.DEPENDANT and _is_extension(facts)):
        return _na(code, "only for a dependant's extension")
    if facts.sponsor_scheme is not Scheme.TTPS:
        return _na(code, "the sponsor is not a TTPS entrant")
    forms = _named(facts, ("form_id481a", "form_id481b"))
    if not forms:
        return _na(code, "the checklist does not call for ID 481A / ID 481B")
    source = prefiling_rules(facts.filing_date).ttps_dependant_forms_source
    waiting = [f for f in forms if f.state is not ChecklistState.ACCEPTED]
    if waiting:
        names = "; ".join(f"{f.number or '-'}. {f.title} ({f.state.value})" for f in waiting)
        return Check(code, CheckStatus.FAIL, f"ImmD's TTPS page asks every dependant's "
                     f"extension for ID 481A and ID 481B: {names}", source,
                     tuple(f.number for f in waiting if f.number))
    return Check(code, CheckStatus.PASS, "ID 481A and ID 481B are accepted", source)


CHECKS = (limit_not_passed, passport_after_filing, passport_covers_stay, in_hong_kong,
          mandatory_accepted, documents_valid, mainland_consent, ttps_dependant_forms)


def run_checks(facts: FilingFacts) -> list[Check]:
    """Every pre-filing check, in the order shown to the consultant."""
    return [check(facts) for check in CHECKS]


def ready(checks: list[Check]) -> bool:
    """True when nothing blocks filing (confirmations may remain)."""
    return not any(c.blocking for c in checks)
