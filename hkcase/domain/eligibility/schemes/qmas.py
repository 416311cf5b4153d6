"""QMAS: prerequisites, the General Points Test (revised and legacy) and the ABPT — §2."""

from __future__ import annotations

from functools import lru_cache

from hkcase.domain.dates import age_on
from hkcase.domain.eligibility.common import (
    MET,
    NOT_MET,
    UNKNOWN,
    age_criterion,
    at_least,
    first_degree,
    flag,
    good_chinese_or_english,
    highest_degree,
    language_names,
    nationality_not_excluded,
    no_criminal_record,
    self_supporting,
    unknown,
    with_cautions,
)
from hkcase.domain.eligibility.lists import find_talent_list_profession
from hkcase.domain.eligibility.model import Criterion, SchemeResult
from hkcase.domain.eligibility.profile import DEGREE_RANK, Profile
from hkcase.domain.eligibility.rulesets import RuleSet
from hkcase.domain.eligibility.schemes._base import conjunctive, no_rule_set, rules_for
from hkcase.domain.eligibility.wording import listed, needs_text
from hkcase.domain.messages import Message, current_language, tr


def _caution(term: Message, note: int) -> tuple[str, ...]:
    return (tr("ImmD's definition of {term} (note {note}) was not found: confirm the "
               "experience or ownership qualifies", term=term, note=note),)


@lru_cache(maxsize=8)
def _said(lang: str) -> dict[str, Message]:
    """This module's fixed sentences in ``lang``."""
    return {
        "achievement_review": tr("whether an achievement is exceptional is for the Director "
                                 "of Immigration to decide (absolute discretion)"),
        "not_listed": tr("the university is not on the QMAS list"),
        "ttps_hint": tr("judged from the TTPS list"),
        "ttps_hint_review": tr("the QMAS list itself was not found; the TTPS list is only a "
                               "provisional hint"),
        "c2_first": tr("needs criterion 2 first"),
        "not_stem": tr("not a STEM subject"),
        "stem_open": tr("STEM, but criterion 2 is not settled"),
        "stem": tr("STEM subject"),
        "no_languages": tr("none"),
        "doubtful_review": tr("the pass depends on criteria whose definitions are not "
                              "published"),
        "no_talent_points": tr("no Talent List points before 2018-08-28"),
        "talent_meets": tr("meets a Talent List specification"),
        "talent_no": tr("no"),
        "talent_check": tr("whether the applicant meets the profession's specification must "
                           "be checked"),
        "talent_not_found": tr("profession not found in hkcase's (partial) Talent List"),
        "talent_unknown": tr("Talent List unknown"),
        "achievement_yes": tr("achievement evidence given"),
    }


@lru_cache(maxsize=8)
def _cautions(lang: str) -> dict[str, tuple[str, ...]]:
    # ImmD's terms, quoted: 'owns' in English
    return {"owns": _caution(tr("'owns'"), 4),
            "international": _caution(tr("'international'"), 3),
            "multinational": _caution(tr("'multinational or renowned'"), 2)}


def prerequisites(p: Profile, r: RuleSet | None = None) -> list[Criterion]:
    """The conditions every QMAS applicant must meet, whichever test (§2.1).

    Language was a prerequisite until ImmD's page of 2025-12-15 dropped it.
    """
    criteria = [
        age_criterion("age_18", "aged 18 or above", p, min_age=18),
        nationality_not_excluded(p),
        self_supporting(p),
        no_criminal_record(p),
    ]
    if r is None or r.params.get("language_prerequisite", True):
        criteria.append(good_chinese_or_english(p))
    criteria.append(first_degree(p))
    return criteria


def _postgrad(p: Profile) -> Criterion:
    cid, text = "c2_postgrad_eligible_university", \
        "master's or doctorate from an eligible university"
    if p.highest_degree is None:
        return unknown(cid, text, "highest_degree")
    if DEGREE_RANK[p.highest_degree] < DEGREE_RANK["master"]:
        return Criterion(cid, text, NOT_MET, highest_degree(p.highest_degree))
    words = _said(current_language())
    if p.postgrad_from_qmas_eligible_university is not None:
        return flag(cid, text, p.postgrad_from_qmas_eligible_university,
                    "postgrad_from_qmas_eligible_university", no=words["not_listed"])
    if p.master_institution_on_ttps_list is not None:
        return Criterion(cid, text, MET if p.master_institution_on_ttps_list else UNKNOWN,
                         words["ttps_hint"], review=words["ttps_hint_review"],
                         needs=("postgrad_from_qmas_eligible_university",))
    return unknown(cid, text, "postgrad_from_qmas_eligible_university")


def _stem(p: Profile, postgrad: Criterion) -> Criterion:
    cid, text = "c3_postgrad_stem", "that master's or doctorate is in a STEM subject"
    words = _said(current_language())
    if postgrad.status is NOT_MET:
        return Criterion(cid, text, NOT_MET, words["c2_first"])
    if p.postgrad_is_stem is None:
        return unknown(cid, text, "postgrad_is_stem")
    if not p.postgrad_is_stem:
        return Criterion(cid, text, NOT_MET, words["not_stem"])
    if postgrad.status is UNKNOWN:
        return Criterion(cid, text, UNKNOWN, words["stem_open"], needs=postgrad.needs)
    return Criterion(cid, text, MET, words["stem"], review=postgrad.review)


def _languages(p: Profile) -> tuple[Criterion, Criterion]:
    two = ("c4_two_languages", "good written and spoken proficiency in two languages")
    english = ("c5_english", "good written and spoken English")
    if p.languages is None:
        return unknown(*two, "languages"), unknown(*english, "languages")
    langs = _language_list(p.languages, current_language())
    return (Criterion(*two, MET if len(p.languages) >= 2 else NOT_MET, langs),
            Criterion(*english, MET if "english" in p.languages else NOT_MET, langs))


@lru_cache(maxsize=1024)
def _language_list(languages: frozenset[str], lang: str) -> str:
    return listed(language_names(languages)) if languages else _said(lang)["no_languages"]


def revised_criteria(p: Profile, r: RuleSet) -> list[Criterion]:
    """The 12 yes/no criteria of the revised General Points Test (from 2024-11-01)."""
    postgrad = _postgrad(p)
    two, english = _languages(p)
    business = at_least("c11_business_profit", "owns a business with profit of HK$5,000,000 or "
                        "more in the year before applying", p.owns_business_annual_profit_hkd,
                        r["min_business_profit_hkd"], "owns_business_annual_profit_hkd", "HK$")
    cautions = _cautions(current_language())
    owns = cautions["owns"]
    if business.status is MET:
        business = with_cautions(business, *owns)
    listed = flag("c12_listed_company", "currently owns a listed company", p.owns_listed_company,
                  "owns_listed_company",
                  cautions=owns if p.owns_listed_company else ())
    international = at_least("c9_international_experience", "at least 2 years of degree-level "
                             "international work experience", p.years_international,
                             r["min_years_international"], "years_international", "years",
                             cautions=cautions["international"])
    return [
        age_criterion("c1_age", f"aged {r['max_age']} or below", p, max_age=r["max_age"]),
        postgrad,
        _stem(p, postgrad),
        two,
        english,
        at_least("c6_experience", "at least 5 years of degree-level or specialist work "
                 "experience", p.years_experience, r["min_years_experience"],
                 "years_experience", "years"),
        at_least("c7_multinational", "at least 3 years of such experience in a multinational "
                 "or renowned enterprise", p.years_multinational_or_renowned,
                 r["min_years_multinational"], "years_multinational_or_renowned", "years",
                 cautions=cautions["multinational"]),
        at_least("c8_specified_industry", "at least 3 years of such experience in innovation "
                 "and technology, finance or international trade", p.years_specified_industry,
                 r["min_years_specified_industry"], "years_specified_industry", "years"),
        international,
        at_least("c10_income", "income of HK$1,000,000 or more in the year before applying",
                 p.annual_income_hkd, r["min_income_hkd"], "annual_income_hkd", "HK$"),
        business,
        listed,
    ]


def _count_test(criteria: list[Criterion], pass_mark: int) -> tuple[Criterion, int]:
    sure = met = possible = 0
    for c in criteria:  # one pass: this runs for every profile
        if c.status is MET:
            met += 1
            possible += 1
            if c.review is None:
                sure += 1
        elif c.status is UNKNOWN or c.review is not None:
            possible += 1
    text = f"meets at least {pass_mark} of the 12 criteria"
    if sure >= pass_mark:
        return Criterion("points_test", text, MET, _count(sure, None, current_language())), met
    if possible < pass_mark:
        return Criterion("points_test", text, NOT_MET,
                         _count(met, possible, current_language())), met
    needs = tuple(dict.fromkeys(n for c in criteria if not c.certain for n in c.needs))
    if met >= pass_mark:
        return Criterion("points_test", text, MET, _open_count(met, met - sure, True,
                                                               current_language()),
                         review=_said(current_language())["doubtful_review"], needs=needs), met
    return Criterion("points_test", text, UNKNOWN,
                     _open_count(met, possible - met, False, current_language()),
                     needs=needs), met


@lru_cache(maxsize=256)
def _open_count(met: int, other: int, doubtful: bool, lang: str) -> Message:
    if doubtful:
        return tr("{n} met, {doubtful} of them doubtful", n=met, doubtful=other)
    return tr("{n} met; {more} more could be", n=met, more=other)


@lru_cache(maxsize=256)
def _count(met: int, most: int | None, lang: str) -> Message:
    if most is None:
        return tr("{n} met", n=met)
    return tr("{n} met, at most {most}", n=met, most=most)


# Legacy points table (§2.3), as (minimum, points) steps.
def _age_points(age: int) -> int:
    return 30 if age <= 39 else 20 if age <= 44 else 15 if age <= 50 else 0


def _education_points(degree: str) -> int:
    return {"doctorate": 40, "master": 20, "bachelor": 10}.get(degree, 0)


def _experience_points(years: float, senior: float) -> int:
    if years >= 10 and senior >= 5:
        return 40
    if years >= 5 and senior >= 2:
        return 30
    return 15 if years >= 5 else 5 if years >= 2 else 0


def _language_points(languages: frozenset[str]) -> int:
    core = languages & {"chinese", "english"}
    if len(core) == 2:
        return 20
    if core and len(languages) >= 2:
        return 15
    return 10 if core else 0


def _talent_list(p: Profile, points: int) -> tuple[int | None, int, str, str | None]:
    """(points or None if unknown, best case, detail, review) for the Talent List factor."""
    words = _said(current_language())
    if points == 0:
        return 0, 0, words["no_talent_points"], None
    if p.talent_list_profession is not None:
        got = points if p.talent_list_profession else 0
        return got, got, words["talent_meets"] if got else words["talent_no"], None
    if p.talent_list_profession_name:
        match = find_talent_list_profession(p.talent_list_profession_name, p.assessment_date)
        if match.on_list:
            return None, points, tr("{profession} is on the list", profession=(
                match.entry.name_en if match.entry else "")), words["talent_check"]
        return None, points, words["talent_not_found"], None
    return None, points, words["talent_unknown"], None


def legacy_criteria(p: Profile, r: RuleSet) -> tuple[list[Criterion], int, int]:
    """The legacy points factors; returns criteria, lowest and highest possible total."""
    criteria: list[Criterion] = []
    low = high = 0

    def factor(cid: str, text: str, got: int | None, best: int, detail: str,
               needs: tuple[str, ...] = (), review: str | None = None) -> None:
        nonlocal low, high
        low += got or 0
        high += got if got is not None else best
        status = UNKNOWN if got is None else MET if got > 0 else NOT_MET
        criteria.append(Criterion(cid, text, status, detail, review=review, needs=needs))

    if p.date_of_birth is None:
        factor("age_points", "age (max 30 points)", None, 30, needs_text(("date_of_birth",)),
               ("date_of_birth",))
    else:
        pts = _age_points(age_on(p.date_of_birth, p.assessment_date))
        factor("age_points", "age (max 30 points)", pts, pts, _points(pts))
    if p.highest_degree is None:
        factor("education_points", "education (max 70 points)", None, 70,
               needs_text(("highest_degree",)), ("highest_degree",))
    else:
        base = _education_points(p.highest_degree)
        bonus = 30 if base and p.degree_from_renowned_institution else 0
        unsure = base > 0 and p.degree_from_renowned_institution is None
        factor("education_points", "education (max 70 points)", None if unsure else base + bonus,
               base + 30 if unsure else base + bonus, _points(base + bonus),
               ("degree_from_renowned_institution",) if unsure else ())
    if p.years_experience is None or p.years_senior_role is None:
        needs = tuple(n for n, v in (("years_experience", p.years_experience),
                                     ("years_senior_role", p.years_senior_role)) if v is None)
        factor("experience_points", "work experience (max 55 points)", None, 55,
               needs_text(needs), needs)
    else:
        base = _experience_points(p.years_experience, p.years_senior_role)
        if p.years_international is None:
            factor("experience_points", "work experience (max 55 points)", None, base + 15,
                   tr("{points} points plus a possible 15", points=base),
                   ("years_international",))
        else:
            total = base + (15 if p.years_international >= 2 else 0)
            factor("experience_points", "work experience (max 55 points)", total, total,
                   _points(total))
    listed, best, detail, review = _talent_list(p, r["talent_list_points"])
    if r["talent_list_points"]:
        factor("talent_list_points", "Talent List (max 30 points)", listed, best, detail,
               ("talent_list_profession",) if listed is None else (), review)
    if p.languages is None:
        factor("language_points", "language (max 20 points)", None, 20,
               needs_text(("languages",)), ("languages",))
    else:
        pts = _language_points(p.languages)
        factor("language_points", "language (max 20 points)", pts, pts, _points(pts))
    family = [(p.immediate_family_hk_pr_in_hk, 5, "immediate_family_hk_pr_in_hk"),
              (p.spouse_degree, 5, "spouse_degree")]
    known = sum(pts for value, pts, _ in family if value)
    unknown_best = sum(pts for value, pts, _ in family if value is None)
    needs = tuple(name for value, _, name in family if value is None)
    if p.children_under_18 is None:
        unknown_best += 10
        needs += ("children_under_18",)
    else:
        known += 5 * min(p.children_under_18, 2)
    factor("family_points", "family (max 20 points)", None if needs else min(known, 20),
           min(known + unknown_best, 20),
           tr("{points} points, up to {most}", points=min(known, 20),
              most=min(known + unknown_best, 20)) if needs else _points(min(known, 20)), needs)
    return criteria, low, high


def _points(points: int) -> str:
    """``30 points``."""
    return _points_in(points, current_language())


@lru_cache(maxsize=512)
def _points_in(points: int, lang: str) -> str:
    return tr("{points} points", points=points)


def _legacy_result(p: Profile, r: RuleSet, base: list[Criterion]) -> SchemeResult:
    factors, low, high = legacy_criteria(p, r)
    pass_mark = int(r["pass_mark"])
    text = f"scores at least {pass_mark} points"
    if low >= pass_mark:
        test = Criterion("points_test", text, MET, _points(low))
    elif high < pass_mark:
        test = Criterion("points_test", text, NOT_MET, tr("{points} points at most",
                                                           points=high))
    else:
        test = Criterion("points_test", text, UNKNOWN, tr("between {low} and {high} points",
                                                           low=low, high=high),
                         needs=tuple(dict.fromkeys(n for c in factors for n in c.needs)))
    criteria = base + factors + [test]
    return conjunctive("QMAS_GPT", r, criteria, decisive=base + [test],
                       score=low if low == high else None, pass_mark=pass_mark)


def assess_qmas_gpt(p: Profile) -> SchemeResult:
    """QMAS General Points Test: the revised 12 criteria from 2024-11-01, points before."""
    r = rules_for("qmas_gpt", p)
    if r is None:
        return no_rule_set("QMAS_GPT", "qmas_gpt", p)
    base = prerequisites(p, r)
    if r["kind"] == "points":
        return _legacy_result(p, r, base)
    twelve = revised_criteria(p, r)
    test, met = _count_test(twelve, int(r["pass_mark"]))
    return conjunctive("QMAS_GPT", r, base + twelve + [test], decisive=base + [test],
                       score=met, pass_mark=int(r["pass_mark"]))


def assess_qmas_abpt(p: Profile) -> SchemeResult:
    """QMAS Achievement-based Points Test."""
    r = rules_for("qmas_abpt", p)
    if r is None:
        return no_rule_set("QMAS_ABPT", "qmas_abpt", p)
    base = prerequisites(p, r)
    achievement = flag("achievement", "an award of exceptional achievement, or work recognised "
                       "by peers as significantly advancing the field", p.achievement,
                       "achievement", yes=_said(current_language())["achievement_yes"],
                       review=_said(current_language())["achievement_review"]
                       if p.achievement else None)
    return conjunctive("QMAS_ABPT", r, base + [achievement])
