"""Dependants of a sponsor (spouse, partner, child, parent) — schemes.md §8."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hkcase.domain.countries import Country
from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    UNKNOWN,
    aged,
    excluded_nationals,
    flag,
    unknown,
)
from hkcase.domain.eligibility.model import Criterion, SchemeResult
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes._base import conjunctive, no_rule_set, rules_for
from hkcase.domain.eligibility.wording import word
from hkcase.domain.labels import label
from hkcase.domain.messages import Message, current_language, tr


@lru_cache(maxsize=8)
def _said(lang: str) -> dict[str, Message]:
    """This module's fixed sentences in ``lang``."""
    return {
        "de_facto": tr("unregistered de facto partners do not qualify"),
        "child_18": tr("a child already here who turns 18: the rule was not found"),
        "other": tr("other status"),
        "check_status": tr("check whether the sponsor's status allows dependants"),
        "some_kinds": tr("Mainland residents may join only some kinds of sponsor"),
        "scheme_review": tr("whether Mainland residents may join sponsors under this scheme "
                            "is not in the sources found (2015 guidebook list)"),
        "exclusion_review": tr("the current exclusion list for dependants was not found"),
        "macao": tr("former Mainland resident with a Macao identity card for under 7 years"),
    }


PARTNERS = ("spouse", "same_sex_spouse", "civil_partner")
SETTLED = ("permanent_resident", "unconditional_stay")


def _relationship(p: Profile, r: RuleSet) -> list[Criterion]:
    cid, text = "relationship", "a relationship that admits a dependant"
    kind = p.relationship
    if kind is None:
        return [unknown(cid, text, "relationship")]
    if kind == "de_facto_partner":
        return [Criterion(cid, text, NOT_MET,
                          _said(current_language())["de_facto"])]
    if kind in PARTNERS:
        if kind != "spouse" and not r["same_sex_partners_recognised"]:
            return [Criterion(cid, text, NOT_MET, tr("{relationship}s are recognised only from "
                                                     "2018-09-19", relationship=_kind(kind)))]
        return [Criterion(cid, text, MET, _kind(kind)),
                flag("recognised", "the marriage or partnership is legally and officially "
                     "recognised where it was celebrated", p.relationship_legally_recognised,
                     "relationship_legally_recognised")]
    if kind == "child":
        return [Criterion(cid, text, MET, _kind("child")), _child_age(p, r),
                _unmarried(p), flag("dependent", "dependent on the sponsor",
                                    p.dependent_on_sponsor, "dependent_on_sponsor")]
    # parent
    return [Criterion(cid, text, MET, _kind("parent")), _parent_age(p, r), _settled_sponsor(p)]


def _kind(kind: str) -> str:
    """A relationship (``spouse``, ``civil partner``) in words."""
    return word(kind, label(kind), "DependantRelationship")


def _child_age(p: Profile, r: RuleSet) -> Criterion:
    cid, text = "child_under_18", "under 18"
    if p.date_of_birth is None:
        return unknown(cid, text, "date_of_birth")
    age = age_on(p.date_of_birth, p.assessment_date)
    if age <= r["child_max_age"]:
        return Criterion(cid, text, MET, aged(age))
    return Criterion(cid, text, NOT_MET, aged(age),
                     review=_said(current_language())["child_18"])


def _unmarried(p: Profile) -> Criterion:
    cid, text = "unmarried", "unmarried"
    if p.marital_status is None:
        return unknown(cid, text, "marital_status")
    married = p.marital_status in ("married", "civil_partnership", "separated")
    return Criterion(cid, text, NOT_MET if married else MET,
                     word(p.marital_status, vocab="MaritalStatus"))


def _parent_age(p: Profile, r: RuleSet) -> Criterion:
    minimum = r["parent_min_age"]
    cid, text = "parent_age", f"parent aged {minimum} or above"
    if p.date_of_birth is None:
        return unknown(cid, text, "date_of_birth")
    age = age_on(p.date_of_birth, p.assessment_date)
    return Criterion(cid, text, MET if age >= minimum else NOT_MET, aged(age))


def _settled_sponsor(p: Profile) -> Criterion:
    cid = "sponsor_settled"
    text = "sponsor is a permanent resident or has no limit of stay (needed for parents)"
    if p.sponsor_status is None:
        return unknown(cid, text, "sponsor_status")
    return Criterion(cid, text, MET if p.sponsor_status in SETTLED else NOT_MET,
                     _status(p.sponsor_status))


def _status(status: str) -> str:
    """A sponsor's status in words."""
    return word(status, label(status), "SponsorStatus")


def _sponsor(p: Profile, r: RuleSet) -> Criterion:
    cid, text = "sponsor_status", "sponsor may bring dependants"
    status = p.sponsor_status
    if status is None:
        return unknown(cid, text, "sponsor_status")
    if status == "other":
        words = _said(current_language())
        return Criterion(cid, text, UNKNOWN, words["other"], review=words["check_status"],
                         needs=("sponsor_status",))
    detail: str = _status(status)
    if p.residence == "mainland_china" and status not in SETTLED:
        scheme = p.sponsor_scheme
        if scheme is None:
            return unknown(cid, text, "sponsor_scheme",
                           detail=_said(current_language())["some_kinds"])
        if scheme not in r["mainland_sponsor_schemes"]:
            if r.params.get("mainland_sponsor_schemes_official"):
                return Criterion(cid, text, NOT_MET, tr("Mainland residents may not join a "
                                                        "{scheme} sponsor as dependants",
                                                        scheme=scheme))
            return Criterion(cid, text, UNKNOWN, tr("Mainland resident joining a {scheme} "
                                                    "sponsor", scheme=scheme),
                             review=_said(current_language())["scheme_review"],
                             needs=("sponsor_scheme",))
        detail = tr("{status}, {scheme} (Mainland residents accepted)", status=detail,
                    scheme=scheme)
        if scheme == "STUDENT":
            return Criterion(cid, text, MET, detail, cautions=(student_sponsor(),))
    return Criterion(cid, text, MET, detail)


def student_sponsor() -> str:
    """The caution for a Mainland resident joining a student."""
    return tr("Mainland residents may join a student only if the sponsor studies in a "
              "full-time local undergraduate or postgraduate programme at a local "
              "degree-awarding institution")


def _nationality(p: Profile, r: RuleSet) -> Criterion:
    cid, text = "nationality", "nationality accepted for dependants"
    if p.nationality is None:
        return unknown(cid, text, "nationality")
    official = r.params.get("excluded_nationalities")
    if official is not None:
        if p.nationality in official:
            return Criterion(cid, text, NOT_MET, excluded_nationals(p.nationality, r.id))
        return Criterion(cid, text, MET, tr("{country}", country=Country(p.nationality)))
    if p.nationality in r["guidebook_excluded_nationalities"]:
        return Criterion(cid, text, NOT_MET, tr("{country} excluded in the 2015 guidebook",
                                                country=Country(p.nationality)),
                         review=_said(current_language())["exclusion_review"])
    return Criterion(cid, text, MET, tr("{country}", country=Country(p.nationality)))


def _macao(p: Profile, r: RuleSet) -> list[Criterion]:
    """Former Mainland residents with a Macao ID for under 7 years are excluded (2025-12-15)."""
    if not r.params.get("macao_id_rule") or p.residence != "macao":
        return []
    return [flag("macao_id", "not a former Mainland resident holding a Macao identity card for "
                 "under 7 years (unless admitted to Macao under the One-way Permit Scheme)",
                 None if p.macao_id_under_7_years is None else not p.macao_id_under_7_years,
                 "macao_id_under_7_years",
                 no=_said(current_language())["macao"])]


def stay_note(p: Profile) -> str | None:
    """How a dependant's stay is set, by the sponsor's status (ImmD, 2025-12-15)."""
    return _stay_note(p.sponsor_status in SETTLED, p.relationship == "parent",
                      p.sponsor_scheme == "STUDENT" or p.sponsor_status == "student_visa",
                      current_language())


@lru_cache(maxsize=64)
def _stay_note(settled: bool, parent: bool, student: bool, lang: str) -> str | None:
    if settled:
        if parent:
            return tr("Dependants of permanent residents or residents without a limit of stay: "
                      "extensions normally follow a 2-2-3 year pattern for parents aged 60 or "
                      "above.")
        return tr("Dependants of permanent residents or residents without a limit of stay: "
                  "extensions normally follow a 3-3 year pattern.")
    if student:
        return tr("Dependants of students: normally 12 months on entry, extended a year at a "
                  "time.")
    return None


@lru_cache(maxsize=4096)
def _expired(limit: date, lang: str) -> Message:
    return tr("expired {day}", day=limit)


@lru_cache(maxsize=4096)
def _follows(limit: date, lang: str) -> Message:
    return tr("Limit of stay normally follows the sponsor's: {day}.", day=limit)


def assess_dependant(p: Profile) -> SchemeResult:
    """A dependant joining a sponsor; the limit of stay follows the sponsor's."""
    r = rules_for("dependant", p)
    if r is None:
        return no_rule_set("DEPENDANT", "dependant", p)
    criteria = [
        *_relationship(p, r),
        _sponsor(p, r),
        _nationality(p, r),
        *_macao(p, r),
        flag("support", "sponsor can support the dependant well above subsistence and provide "
             "suitable accommodation", p.sponsor_can_support_well_above_subsistence,
             "sponsor_can_support_well_above_subsistence"),
    ]
    extra = []
    own_pattern = stay_note(p) if r.params.get("stay_by_sponsor_status") else None
    if own_pattern is not None:
        extra.append(own_pattern)
    if p.sponsor_limit_of_stay is not None:
        if p.sponsor_limit_of_stay < p.assessment_date:
            criteria.append(Criterion("sponsor_limit", "sponsor's limit of stay not expired",
                                      NOT_MET, _expired(p.sponsor_limit_of_stay,
                                                        current_language())))
        elif own_pattern is None:
            extra.append(_follows(p.sponsor_limit_of_stay, current_language()))
    return conjunctive("DEPENDANT", r, criteria, extra)


