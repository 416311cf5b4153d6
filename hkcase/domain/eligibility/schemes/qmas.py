"""QMAS: prerequisites, the General Points Test (revised and legacy) and the ABPT — §2."""

from __future__ import annotations

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

NOTE_2_4 = "ImmD's note defining this term was not found"
ACHIEVEMENT_REVIEW = ("whether an achievement is exceptional is for the Director of "
                      "Immigration to decide (absolute discretion)")


def _caution(term: str, note: int) -> tuple[str, ...]:
    return (f"ImmD's definition of {term!r} (note {note}) was not found: confirm the experience "
            "or ownership qualifies",)


OWNS, INTERNATIONAL = _caution("owns", 4), _caution("international", 3)
MULTINATIONAL = _caution("multinational or renowned", 2)


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
        return Criterion(cid, text, NOT_MET, f"highest degree: {p.highest_degree}")
    if p.postgrad_from_qmas_eligible_university is not None:
        return flag(cid, text, p.postgrad_from_qmas_eligible_university,
                    "postgrad_from_qmas_eligible_university",
                    no="the university is not on the QMAS list")
    if p.master_institution_on_ttps_list is not None:
        return Criterion(cid, text, MET if p.master_institution_on_ttps_list else UNKNOWN,
                         "judged from the TTPS list",
                         review="the QMAS list itself was not found; the TTPS list is only a "
                         "provisional hint", needs=("postgrad_from_qmas_eligible_university",))
    return unknown(cid, text, "postgrad_from_qmas_eligible_university")


def _stem(p: Profile, postgrad: Criterion) -> Criterion:
    cid, text = "c3_postgrad_stem", "that master's or doctorate is in a STEM subject"
    if postgrad.status is NOT_MET:
        return Criterion(cid, text, NOT_MET, "needs criterion 2 first")
    if p.postgrad_is_stem is None:
        return unknown(cid, text, "postgrad_is_stem")
    if not p.postgrad_is_stem:
        return Criterion(cid, text, NOT_MET, "not a STEM subject")
    if postgrad.status is UNKNOWN:
        return Criterion(cid, text, UNKNOWN, "STEM, but criterion 2 is not settled",
                         needs=postgrad.needs)
    return Criterion(cid, text, MET, "STEM subject", review=postgrad.review)


def _languages(p: Profile) -> tuple[Criterion, Criterion]:
    two = ("c4_two_languages", "good written and spoken proficiency in two languages")
    english = ("c5_english", "good written and spoken English")
    if p.languages is None:
        return unknown(*two, "languages"), unknown(*english, "languages")
    langs = ", ".join(sorted(x.title() for x in p.languages)) or "none"
    return (Criterion(*two, MET if len(p.languages) >= 2 else NOT_MET, langs),
            Criterion(*english, MET if "english" in p.languages else NOT_MET, langs))


def revised_criteria(p: Profile, r: RuleSet) -> list[Criterion]:
    """The 12 yes/no criteria of the revised General Points Test (from 2024-11-01)."""
    postgrad = _postgrad(p)
    two, english = _languages(p)
    business = at_least("c11_business_profit", "owns a business with profit of HK$5,000,000 or "
                        "more in the year before applying", p.owns_business_annual_profit_hkd,
                        r["min_business_profit_hkd"], "owns_business_annual_profit_hkd", "HK$")
    if business.status is MET:
        business = with_cautions(business, *OWNS)
    listed = flag("c12_listed_company", "currently owns a listed company", p.owns_listed_company,
                  "owns_listed_company",
                  cautions=OWNS if p.owns_listed_company else ())
    international = at_least("c9_international_experience", "at least 2 years of degree-level "
                             "international work experience", p.years_international,
                             r["min_years_international"], "years_international", "years",
                             cautions=INTERNATIONAL)
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
                 cautions=MULTINATIONAL),
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
        return Criterion("points_test", text, MET, f"{sure} met"), met
    if possible < pass_mark:
        return Criterion("points_test", text, NOT_MET, f"{met} met, at most {possible}"), met
    needs = tuple(dict.fromkeys(n for c in criteria if not c.certain for n in c.needs))
    if met >= pass_mark:
        return Criterion("points_test", text, MET, f"{met} met, {met - sure} of them doubtful",
                         review="the pass depends on criteria whose definitions are not "
                         "published", needs=needs), met
    return Criterion("points_test", text, UNKNOWN,
                     f"{met} met; {possible - met} more could be", needs=needs), met


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
    if points == 0:
        return 0, 0, "no Talent List points before 2018-08-28", None
    if p.talent_list_profession is not None:
        got = points if p.talent_list_profession else 0
        return got, got, "meets a Talent List specification" if got else "no", None
    if p.talent_list_profession_name:
        match = find_talent_list_profession(p.talent_list_profession_name, p.assessment_date)
        if match.on_list:
            return None, points, f"{match.entry.name_en if match.entry else ''} is on the list", \
                "whether the applicant meets the profession's specification must be checked"
        return None, points, "profession not found in hkcase's (partial) Talent List", None
    return None, points, "Talent List unknown", None


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
        factor("age_points", "age (max 30 points)", None, 30, "needs date_of_birth",
               ("date_of_birth",))
    else:
        pts = _age_points(age_on(p.date_of_birth, p.assessment_date))
        factor("age_points", "age (max 30 points)", pts, pts, f"{pts} points")
    if p.highest_degree is None:
        factor("education_points", "education (max 70 points)", None, 70,
               "needs highest_degree", ("highest_degree",))
    else:
        base = _education_points(p.highest_degree)
        bonus = 30 if base and p.degree_from_renowned_institution else 0
        unsure = base > 0 and p.degree_from_renowned_institution is None
        factor("education_points", "education (max 70 points)", None if unsure else base + bonus,
               base + 30 if unsure else base + bonus, f"{base + bonus} points",
               ("degree_from_renowned_institution",) if unsure else ())
    if p.years_experience is None or p.years_senior_role is None:
        needs = tuple(n for n, v in (("years_experience", p.years_experience),
                                     ("years_senior_role", p.years_senior_role)) if v is None)
        factor("experience_points", "work experience (max 55 points)", None, 55,
               f"needs {', '.join(needs)}", needs)
    else:
        base = _experience_points(p.years_experience, p.years_senior_role)
        if p.years_international is None:
            factor("experience_points", "work experience (max 55 points)", None, base + 15,
                   f"{base} points plus a possible 15", ("years_international",))
        else:
            total = base + (15 if p.years_international >= 2 else 0)
            factor("experience_points", "work experience (max 55 points)", total, total,
                   f"{total} points")
    listed, best, detail, review = _talent_list(p, r["talent_list_points"])
    if r["talent_list_points"]:
        factor("talent_list_points", "Talent List (max 30 points)", listed, best, detail,
               ("talent_list_profession",) if listed is None else (), review)
    if p.languages is None:
        factor("language_points", "language (max 20 points)", None, 20, "needs languages",
               ("languages",))
    else:
        pts = _language_points(p.languages)
        factor("language_points", "language (max 20 points)", pts, pts, f"{pts} points")
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
           min(known + unknown_best, 20), f"{min(known, 20)} points" +
           (f", up to {min(known + unknown_best, 20)}" if needs else ""), needs)
    return criteria, low, high


def _legacy_result(p: Profile, r: RuleSet, base: list[Criterion]) -> SchemeResult:
    factors, low, high = legacy_criteria(p, r)
    pass_mark = int(r["pass_mark"])
    text = f"scores at least {pass_mark} points"
    if low >= pass_mark:
        test = Criterion("points_test", text, MET, f"{low} points")
    elif high < pass_mark:
        test = Criterion("points_test", text, NOT_MET, f"{high} points at most")
    else:
        test = Criterion("points_test", text, UNKNOWN, f"between {low} and {high} points",
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
                       "achievement", yes="achievement evidence given",
                       review=ACHIEVEMENT_REVIEW if p.achievement else None)
    return conjunctive("QMAS_ABPT", r, base + [achievement])
