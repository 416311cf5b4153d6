"""Case facts: what a case holds for its eligibility, grouped as ImmD's forms group it.

Pure: the vocabularies stored with a case, the editor's field specs (label, kind,
choices) and the mapping from stored case facts to eligibility-profile facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from hkcase.domain.labels import catalogue, entry, label
from hkcase.domain.vocab import Residence, Scheme


class SalaryPeriod(StrEnum):
    MONTHLY = "monthly"
    ANNUAL = "annual"


class MarketLevel(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_ASSESSED = "not_assessed"


class MaritalStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    CIVIL_PARTNERSHIP = "civil_partnership"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


#: Where an application is filed from: the places a client may reside in, one vocabulary.
Place = Residence


class HkQualificationLevel(StrEnum):
    SUB_DEGREE = "sub_degree"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"
    EXCHANGE = "exchange"


class Campus(StrEnum):
    HONG_KONG = "hong_kong"
    GREATER_BAY_AREA = "greater_bay_area"


class IncomeSource(StrEnum):
    SALARY = "salary"
    OWN_COMPANY_PROFIT = "own_company_profit"
    INVESTMENT = "investment"


class DependantRelationship(StrEnum):
    SPOUSE = "spouse"
    SAME_SEX_SPOUSE = "same_sex_spouse"
    CIVIL_PARTNER = "civil_partner"
    DE_FACTO_PARTNER = "de_facto_partner"
    CHILD = "child"
    PARENT = "parent"


class SponsorStatus(StrEnum):
    PERMANENT_RESIDENT = "permanent_resident"
    UNCONDITIONAL_STAY = "unconditional_stay"
    EMPLOYMENT_VISA = "employment_visa"
    INVESTMENT_VISA = "investment_visa"
    STUDENT_VISA = "student_visa"
    OTHER = "other"


GROUPS: dict[str, str] = {
    "job": "Job offer / employment in Hong Kong",
    "declarations": "Declarations",
    "background": "Background",
    "iang": "IANG: Hong Kong study",
    "qmas": "QMAS: achievement",
    "cies": "New CIES: net assets and investment",
    "techtas": "TechTAS: quota and R&D area",
    "ttps": "TTPS: income",
    "dependant": "Dependant: relationship and sponsor",
}

# The groups each scheme's form asks about (job offers: employment schemes, IANG
# returning graduates, TechTAS, and TTPS extensions).
SCHEME_GROUPS: dict[Scheme, tuple[str, ...]] = {
    Scheme.GEP: ("job", "declarations", "background"),
    Scheme.ASMTP: ("job", "declarations", "background"),
    Scheme.QMAS_GPT: ("declarations", "background"),
    Scheme.QMAS_ABPT: ("declarations", "background", "qmas"),
    Scheme.TTPS: ("ttps", "job", "declarations", "background"),
    Scheme.TECHTAS: ("techtas", "job", "declarations", "background"),
    Scheme.IANG: ("iang", "job", "declarations", "background"),
    Scheme.ASSG: ("declarations", "background"),
    Scheme.NEW_CIES: ("cies", "declarations", "background"),
    Scheme.DEPENDANT: ("dependant", "declarations", "background"),
}


def _labels(enum_cls: type[StrEnum], **special: str) -> tuple[tuple[str, str], ...]:
    return tuple((m.value, special.get(m.value, label(m.value, capital=True)))
                 for m in enum_cls)


def fact_words(spec: CaseFactSpec, lang: str) -> str:
    """The editor's label of a case fact in ``lang`` (``en``, ``zh-hk``, ``zh-cn``)."""
    return spec.label if lang == "en" else label(spec.key, lang, vocab="CaseFact")


def group_words(group: str, lang: str) -> str:
    """A group's title in the editor (``GROUPS``) in ``lang``."""
    return GROUPS[group] if lang == "en" else label(group, lang, vocab="CaseFactGroup")


def choice_words(spec: CaseFactSpec, lang: str) -> tuple[tuple[str, str], ...]:
    """A choice fact's ``(value, words)`` in ``lang``: the catalogue's words in Chinese,
    the editor's own in English (and where the catalogue has none)."""
    if lang == "en":
        return spec.choices
    table = catalogue().get(spec.vocab, {}) if spec.vocab else {}
    shown = []
    for value, english in spec.choices:
        found = table.get(value) or entry(value, "ProfileChoice")
        shown.append((value, found.text(lang) if found is not None else english))
    return tuple(shown)


YES_NO = (("yes", "Yes"), ("no", "No"))


@dataclass(frozen=True, slots=True)
class CaseFactSpec:
    """One input of the case-facts editor.

    ``kind``: bool, text, longtext, money, date, choice, count, percent, languages.
    """

    key: str
    group: str
    label: str
    kind: str
    choices: tuple[tuple[str, str], ...] = ()
    maximum: float | None = None
    vocab: str | None = None  # the label catalogue's vocabulary of the choices


S = CaseFactSpec


def C(key: str, group: str, label: str, enum_cls: type[StrEnum],
      **special: str) -> CaseFactSpec:
    """A choice among ``enum_cls``'s values, in words (``special`` overrides some)."""
    return CaseFactSpec(key, group, label, "choice", _labels(enum_cls, **special),
                        vocab=enum_cls.__name__)


SPECS: tuple[CaseFactSpec, ...] = (
    S("job_offer", "job", "Confirmed job offer in Hong Kong", "bool"),
    S("employer_name", "job", "Employer", "text"),
    S("employer_br_number", "job", "Employer's BR number", "text"),
    S("position", "job", "Position offered", "text"),
    S("salary_hkd", "job", "Salary, HK$", "money"),
    C("salary_period", "job", "Salary per", SalaryPeriod),
    S("package_hkd", "job", "Annual package incl. benefits, HK$", "money"),
    S("start_date", "job", "Employment starts", "date"),
    S("contract_end", "job", "Contract ends", "date"),
    S("full_time", "job", "Full-time", "bool"),
    S("at_degree_level", "job", "Job at a level normally taken by degree holders", "bool"),
    S("relevant_to_qualifications", "job", "Job relevant to qualifications or experience",
      "bool"),
    C("market_level", "job", "Package at the market level",
      MarketLevel, not_assessed="Not assessed"),
    S("criminal_record", "declarations", "Criminal or adverse immigration record", "bool"),
    S("security_objection", "declarations", "Security objection known", "bool"),
    S("self_supporting", "declarations", "Can support self and dependants without public "
      "assistance", "bool"),
    S("declared_on", "declarations", "Declared on", "date"),
    S("languages", "background", "Languages spoken and written well", "languages"),
    C("marital_status", "background", "Marital status", MaritalStatus),
    S("overseas_permanent_residence", "background", "Permanent residence overseas", "bool"),
    S("months_resided_overseas", "background", "Months lived overseas immediately before",
      "count", maximum=960),
    C("applying_from", "background", "Applying from", Place),
    C("iang_level", "iang", "Level of the Hong Kong qualification",
      HkQualificationLevel),
    S("iang_full_time_locally_accredited", "iang", "Full-time, locally accredited programme",
      "bool"),
    S("iang_ugc_funded", "iang", "UGC-funded programme", "bool"),
    C("iang_campus", "iang", "Campus",
      Campus, hong_kong="Hong Kong", greater_bay_area="Greater Bay Area campus"),
    S("iang_entered_as_student", "iang", "Entered Hong Kong as a non-local student", "bool"),
    S("qmas_achievement_evidence", "qmas", "Achievement evidence (award, peer recognition)",
      "longtext"),
    S("cies_net_assets_hkd", "cies", "Lowest net assets over the period, HK$", "money"),
    S("cies_planned_investment_hkd", "cies", "Planned permissible investment, HK$", "money"),
    S("cies_portfolio_hkd", "cies", "Amount for the CIES Investment Portfolio, HK$", "money"),
    S("techtas_itc_quota", "techtas", "Employer holds a valid TechTAS quota", "bool"),
    S("techtas_rd_area", "techtas", "R&D technology area", "text"),
    C("ttps_income_source", "ttps", "Main source of the year's income",
      IncomeSource, own_company_profit="Own company's profit"),
    S("ttps_shareholding_pct", "ttps", "Shareholding held through the year, %", "percent",
      maximum=100),
    C("dependant_relationship", "dependant", "Relationship to the sponsor",
      DependantRelationship, same_sex_spouse="Same-sex spouse",
      de_facto_partner="De facto partner"),
    C("dependant_sponsor_status", "dependant", "Sponsor's status in Hong Kong",
      SponsorStatus),
    S("dependant_legally_recognised", "dependant", "Marriage or partnership legally recognised",
      "bool"),
    S("dependant_dependent_on_sponsor", "dependant", "Depends on the sponsor", "bool"),
    S("dependant_sponsor_can_support", "dependant", "Sponsor can support and accommodate",
      "bool"),
)
SPEC_BY_KEY: dict[str, CaseFactSpec] = {s.key: s for s in SPECS}

# Which case fact settles each profile fact (the tab offers that input beside the
# criterion that needs it).
PROFILE_SOURCE: dict[str, str] = {
    "job_offer": "job_offer",
    "offered_salary_hkd": "package_hkd",
    "occupation": "position",
    "full_time_employment": "full_time",
    "job_at_degree_level": "at_degree_level",
    "job_relevant_to_qualifications": "relevant_to_qualifications",
    "remuneration_at_market_level": "market_level",
    "criminal_record": "criminal_record",
    "self_supporting": "self_supporting",
    "languages": "languages",
    "marital_status": "marital_status",
    "overseas_permanent_residence": "overseas_permanent_residence",
    "months_resided_overseas_immediately_before": "months_resided_overseas",
    "applying_from": "applying_from",
    "hk_qualification_level": "iang_level",
    "hk_programme_full_time_locally_accredited": "iang_full_time_locally_accredited",
    "programme_ugc_funded": "iang_ugc_funded",
    "entered_hk_with_student_visa": "iang_entered_as_student",
    "achievement": "qmas_achievement_evidence",
    "net_assets_hkd_min_over_6_months": "cies_net_assets_hkd",
    "planned_investment_hkd": "cies_planned_investment_hkd",
    "planned_cies_portfolio_hkd": "cies_portfolio_hkd",
    "employer_has_valid_itc_quota": "techtas_itc_quota",
    "rd_area": "techtas_rd_area",
    "income_source": "ttps_income_source",
    "shareholding_pct_full_assessment_year": "ttps_shareholding_pct",
    "relationship": "dependant_relationship",
    "sponsor_status": "dependant_sponsor_status",
    "relationship_legally_recognised": "dependant_legally_recognised",
    "dependent_on_sponsor": "dependant_dependent_on_sponsor",
    "sponsor_can_support_well_above_subsistence": "dependant_sponsor_can_support",
    "gba_campus_graduate": "iang_campus",
}


# Fields of study counted as STEM (science, technology, engineering, mathematics).
STEM_WORDS = ("science", "engineering", "technology", "mathematics", "physics", "chemistry",
              "biology", "computing", "computer", "statistics", "data", "medicine",
              "biomedical", "electronic", "electrical", "mechanical", "civil engineering")
NOT_STEM_WORDS = ("social science", "political science", "library science")


def is_stem(field_of_study: str) -> bool | None:
    """Whether a field of study is STEM by its name (None when the name says nothing)."""
    text = field_of_study.casefold()
    if any(word in text for word in NOT_STEM_WORDS):
        return False
    if any(word in text for word in STEM_WORDS):
        return True
    return False if text.strip() else None


def _annual_salary(values: Mapping[str, Any]) -> int | None:
    if values.get("package_hkd") is not None:
        return int(values["package_hkd"])
    salary = values.get("salary_hkd")
    if salary is None:
        return None
    return int(salary) * 12 if values.get("salary_period") == SalaryPeriod.MONTHLY else int(salary)


def profile_facts(values: Mapping[str, Any]) -> dict[str, Any]:
    """Profile facts that follow from a case's stored facts (``None`` ones left out)."""
    out: dict[str, Any] = {}

    def put(name: str, value: Any) -> None:
        if value is not None:
            out[name] = value

    job_offer = values.get("job_offer")
    if job_offer is None and values.get("employer_name") and values.get("position"):
        job_offer = True  # an employer and a position entered: the offer is on file
    put("job_offer", job_offer)
    put("offered_salary_hkd", _annual_salary(values))
    put("occupation", values.get("position"))
    for profile_name in ("full_time_employment", "job_at_degree_level",
                         "job_relevant_to_qualifications", "self_supporting",
                         "overseas_permanent_residence",
                         "hk_programme_full_time_locally_accredited",
                         "programme_ugc_funded", "entered_hk_with_student_visa",
                         "employer_has_valid_itc_quota", "relationship_legally_recognised",
                         "dependent_on_sponsor", "sponsor_can_support_well_above_subsistence",
                         "marital_status", "applying_from", "hk_qualification_level",
                         "net_assets_hkd_min_over_6_months", "planned_investment_hkd",
                         "planned_cies_portfolio_hkd", "rd_area", "income_source",
                         "relationship", "sponsor_status"):
        put(profile_name, _plain(values.get(PROFILE_SOURCE[profile_name])))
    market = values.get("market_level")
    if market is not None and market != MarketLevel.NOT_ASSESSED:
        out["remuneration_at_market_level"] = market == MarketLevel.YES
    crime, security = values.get("criminal_record"), values.get("security_objection")
    if crime or security:
        out["criminal_record"] = True
    elif crime is False:
        out["criminal_record"] = False
    languages = values.get("languages")
    if languages:
        out["languages"] = list(languages)
    months = values.get("months_resided_overseas")
    put("months_resided_overseas_immediately_before", months)
    if (values.get("qmas_achievement_evidence") or "").strip():
        out["achievement"] = True
    share = values.get("ttps_shareholding_pct")
    put("shareholding_pct_full_assessment_year", None if share is None else float(share))
    if values.get("iang_campus") is not None:
        out["gba_campus_graduate"] = values["iang_campus"] == Campus.GREATER_BAY_AREA
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value
