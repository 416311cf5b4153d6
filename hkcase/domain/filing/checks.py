"""Pre-filing checks: what ImmD's e-service refuses or needs, checked before the consultant files.

Pure: the service gathers ``FilingFacts`` from the records; every check returns a
``Check`` with a status, a message in the consultant's terms (English, Traditional or
Simplified Chinese: ``Check.text``; wording in ``check_texts``) and its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from hkcase.domain.checklists import Lang
from hkcase.domain.filing.check_texts import Localised, per_language, render, word
from hkcase.domain.filing.rules import prefiling_rules
from hkcase.domain.messages import current_language
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
    title_zh: str | None = None
    title_zh_cn: str | None = None
    #: What to check first, when the item's template marks it for review.
    review: str = ""

    def title_in(self, lang: Lang) -> str:
        """The item's title in ``lang`` (Simplified falls back to Traditional, then English)."""
        if lang is Lang.ZH_CN and self.title_zh_cn:
            return self.title_zh_cn
        if lang is not Lang.EN and self.title_zh:
            return self.title_zh
        return self.title


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
    key: str  # the message in ``check_texts``
    params: tuple[tuple[str, Localised], ...] = ()
    source: str = ""
    items: tuple[int, ...] = ()  # checklist numbers concerned

    @property
    def blocking(self) -> bool:
        return self.status is CheckStatus.FAIL

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return render(self.key, dict(self.params), lang)

    @property
    def message(self) -> str:
        """The message in the interface's language (English unless the desktop chose
        Chinese; the JSON says ``text(Lang.EN)``)."""
        return self.text(Lang(current_language()))


def _check(code: str, status: CheckStatus, key: str, source: str = "",
           items: tuple[int, ...] = (), **params: Localised) -> Check:
    return Check(code, status, key, tuple(params.items()), source, items)


def _state(state: ChecklistState) -> tuple[str, str, str]:
    return per_language(lambda lang: word(state.value, lang))


def _listed(items: list[ItemFact], how: str = "item_state") -> tuple[str, str, str]:
    """``1. Title (state); 2. …`` in each language."""
    def one(i: ItemFact, lang: Lang) -> str:
        return word(how, lang, number=str(i.number or "-"), title=i.title_in(lang),
                    state=word(i.state.value, lang),
                    date=i.expiry_date.isoformat() if i.expiry_date else "")
    return per_language(lambda lang: word("separator", lang).join(one(i, lang) for i in items))


def _is_extension(facts: FilingFacts) -> bool:
    return facts.application_type is ApplicationType.EXTENSION


def _na(code: str, why: str) -> Check:
    return _check(code, CheckStatus.NOT_APPLICABLE, why)


def passport_after_filing(facts: FilingFacts) -> Check:
    """Extension: the passport must not expire within 3 months of filing (3.5 years, New CIES)."""
    code = "passport_validity"
    if not _is_extension(facts):
        return _na(code, "only_extension")
    rules = prefiling_rules(facts.filing_date)
    months, source = rules.passport_months_after_filing, rules.passport_source
    if facts.scheme is Scheme.NEW_CIES:
        months, source = rules.cies_extension_passport_months, rules.cies_source
    if facts.passport_expiry is None:
        return _check(code, CheckStatus.CONFIRM, "passport_missing", source)
    needed = facts.filing_date + relativedelta(months=months)
    span = per_language(lambda lang: word("years_3_5", lang) if months == 42
                        else word("months", lang, n=str(months)))
    expiry = facts.passport_expiry.isoformat()
    if facts.passport_expiry < needed:
        return _check(code, CheckStatus.FAIL, "passport_too_soon", source, expiry=expiry,
                      span=span, filing=facts.filing_date.isoformat())
    if facts.passport_expiry == needed:
        return _check(code, CheckStatus.CONFIRM, "passport_boundary", source, expiry=expiry,
                      span=span)
    return _check(code, CheckStatus.PASS, "passport_ok", source, expiry=expiry, span=span)


def passport_covers_stay(facts: FilingFacts) -> Check:
    """The passport should outlast the stay applied for (ImmD grants less otherwise)."""
    code = "passport_covers_stay"
    source = prefiling_rules(facts.filing_date).ttps_dependant_forms_source
    if facts.passport_expiry is None:
        return _check(code, CheckStatus.CONFIRM, "stay_no_passport", source)
    if facts.requested_stay_end is None:
        return _check(code, CheckStatus.CONFIRM, "stay_no_end", source)
    if facts.passport_expiry < facts.requested_stay_end:
        return _check(code, CheckStatus.FAIL, "stay_passport_short", source,
                      expiry=facts.passport_expiry.isoformat(),
                      end=facts.requested_stay_end.isoformat())
    return _check(code, CheckStatus.PASS, "stay_ok", source)


def limit_not_passed(facts: FilingFacts) -> Check:
    """Extension: after the limit of stay the online extension is closed."""
    code = "limit_of_stay"
    if not _is_extension(facts):
        return _na(code, "only_extension")
    rules = prefiling_rules(facts.filing_date)
    source = rules.limit_passed_source
    if facts.limit_of_stay is None:
        return _check(code, CheckStatus.CONFIRM, "limit_missing", source)
    if facts.filing_date > facts.limit_of_stay:
        return _check(code, CheckStatus.FAIL, "limit_passed", source,
                      limit=facts.limit_of_stay.isoformat(), contact=rules.immd_contact)
    days = (facts.limit_of_stay - facts.filing_date).days
    return _check(code, CheckStatus.PASS, "limit_ok", source,
                  limit=facts.limit_of_stay.isoformat(), days=str(days))


def in_hong_kong(facts: FilingFacts) -> Check:
    """Extension: the applicant must be in Hong Kong to apply, pay and collect the e-Visa."""
    code = "in_hong_kong"
    if not _is_extension(facts):
        return _na(code, "only_extension")
    source = prefiling_rules(facts.filing_date).in_hong_kong_source
    if facts.in_hong_kong is None:
        return _check(code, CheckStatus.CONFIRM, "in_hk_confirm", source)
    if not facts.in_hong_kong:
        return _check(code, CheckStatus.FAIL, "in_hk_outside", source)
    return _check(code, CheckStatus.PASS, "in_hk_ok", source)


def _open(items: tuple[ItemFact, ...]) -> list[ItemFact]:
    return [i for i in items if i.state is not ChecklistState.NOT_APPLICABLE]


def mandatory_accepted(facts: FilingFacts) -> Check:
    """Every required checklist item is accepted."""
    code = "mandatory_items"
    if not facts.items:
        return _check(code, CheckStatus.FAIL, "no_checklist")
    waiting = [i for i in _open(facts.items) if i.mandatory
               and i.state is not ChecklistState.ACCEPTED]
    if waiting:
        return _check(code, CheckStatus.FAIL, "mandatory_waiting",
                      items=tuple(i.number for i in waiting), names=_listed(waiting))
    return _check(code, CheckStatus.PASS, "mandatory_ok")


def documents_valid(facts: FilingFacts) -> Check:
    """No accepted document has expired on the filing date (its expiry day still counts)."""
    code = "documents_expiry"
    expired = [i for i in _open(facts.items)
               if i.expiry_date is not None and i.expiry_date < facts.filing_date]
    if expired:
        return _check(code, CheckStatus.FAIL, "expired", items=tuple(i.number for i in expired),
                      filing=facts.filing_date.isoformat(),
                      names=_listed(expired, "item_expired"))
    return _check(code, CheckStatus.PASS, "expiry_ok")


def _named(facts: FilingFacts, codes: tuple[str, ...]) -> list[ItemFact]:
    return [i for i in facts.items if i.code in codes]


def mainland_consent(facts: FilingFacts) -> Check:
    """Mainland residents: the consent letter, where the scheme's checklist asks for it."""
    code = "mainland_consent"
    found = _named(facts, ("mainland_consent",))
    if not found:
        return _na(code, "consent_not_in_checklist")
    if facts.residence is not Residence.MAINLAND_CHINA:
        return _na(code, "consent_not_mainland")
    item = found[0]
    if item.state is ChecklistState.ACCEPTED:
        return _check(code, CheckStatus.PASS, "consent_ok", items=(item.number,))
    if item.state is ChecklistState.NOT_APPLICABLE:
        return _check(code, CheckStatus.FAIL, "consent_marked_na")
    return _check(code, CheckStatus.FAIL, "consent_waiting", items=(item.number,),
                  number=str(item.number), title=per_language(item.title_in),
                  state=_state(item.state))


def ttps_dependant_forms(facts: FilingFacts) -> Check:
    """Dependants of TTPS entrants, extension: ID 481A and ID 481B where the checklist has them."""
    code = "id481"
    if not (facts.scheme is Scheme.DEPENDANT and _is_extension(facts)):
        return _na(code, "id481_only_dependant")
    if facts.sponsor_scheme is not Scheme.TTPS:
        return _na(code, "id481_not_ttps")
    forms = _named(facts, ("form_id481a", "form_id481b"))
    if not forms:
        return _na(code, "id481_not_in_checklist")
    source = prefiling_rules(facts.filing_date).ttps_dependant_forms_source
    waiting = [f for f in forms if f.state is not ChecklistState.ACCEPTED]
    if waiting:
        return _check(code, CheckStatus.FAIL, "id481_waiting", source,
                      tuple(f.number for f in waiting if f.number), names=_listed(waiting))
    return _check(code, CheckStatus.PASS, "id481_ok", source)


def items_to_review(facts: FilingFacts) -> Check:
    """Items whose template says ImmD's text for them was not in the sources: confirm them."""
    code = "items_to_review"
    marked = [i for i in _open(facts.items) if i.review]
    if not marked:
        return _na(code, "review_none")
    return _check(code, CheckStatus.CONFIRM, "review_items",
                  items=tuple(i.number for i in marked if i.number),
                  names=_listed(marked, "item"))


CHECKS = (limit_not_passed, passport_after_filing, passport_covers_stay, in_hong_kong,
          mandatory_accepted, documents_valid, mainland_consent, ttps_dependant_forms,
          items_to_review)


def run_checks(facts: FilingFacts) -> list[Check]:
    """Every pre-filing check, in the order shown to the consultant."""
    return [check(facts) for check in CHECKS]


def ready(checks: list[Check]) -> bool:
    """True when nothing blocks filing (confirmations may remain)."""
    return not any(c.blocking for c in checks)
