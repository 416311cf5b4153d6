"""Case facts for ``hkcase demo``: filled as real files are, most complete, some with gaps.

For each demo case: the case facts its scheme's form asks for, a few overrides
a consultant would type for facts that have no form field (a QMAS applicant's
listed company, an ASSG parent's status), and now and then a gap or a fact that
fails a criterion, so eligible, not-eligible and review cases sit side by side.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, cast

from hkcase.domain.vocab import Scheme

COMPLETE_SHARE = 0.75  # files with every fact the form asks; the rest have one to three gaps
_AREAS = ("artificial intelligence", "biotechnology", "cybersecurity", "data analytics",
          "financial technologies", "material science", "microelectronics", "robotics")
_LANGUAGES_MAINLAND = (["Chinese", "English"], ["Chinese"], ["Chinese", "English"])
_LANGUAGES_OTHER = {"IN": ["English", "Hindi"], "FR": ["French", "English"],
                    "DE": ["German", "English"], "KR": ["Korean", "English"],
                    "JP": ["Japanese", "English"], "PH": ["English", "Filipino"],
                    "MY": ["English", "Malay", "Chinese"], "TW": ["Chinese", "English"],
                    "MO": ["Chinese", "Portuguese"], "SG": ["English", "Chinese"]}
_ACHIEVEMENTS = ("Gold medal, International Mathematical Olympiad; ACM Fellow",
                 "Grammy Award for Best Classical Solo (2019)",
                 "Lasker Award for basic medical research (2021)")


@dataclass
class DemoFacts:
    """What a demo case holds: case facts (columns), overrides (profile facts)."""

    facts: dict[str, Any] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Applicant:
    """What the generator knows of the client when it fills a case's facts."""

    nationality: str
    mainland: bool
    born: date
    income_hkd: int | None
    highest: str  # bachelor, master, doctorate
    position: str
    employer: str
    years_abroad: float


def _languages(rng: random.Random, a: Applicant) -> list[str]:
    if a.mainland or a.nationality == "CN":
        return list(rng.choice(_LANGUAGES_MAINLAND))
    return list(_LANGUAGES_OTHER.get(a.nationality, ["English"]))


def _declarations(rng: random.Random, today: date) -> dict[str, Any]:
    record = rng.random() < 0.05
    return {"criminal_record": record, "security_objection": False,
            "self_supporting": rng.random() > 0.02,
            "declared_on": today - timedelta(days=rng.randrange(0, 60))}


def _background(rng: random.Random, a: Applicant) -> dict[str, Any]:
    return {"languages": _languages(rng, a),
            "marital_status": rng.choice(("single", "married", "married", "divorced")),
            "overseas_permanent_residence": False if a.mainland else rng.random() < 0.3,
            "months_resided_overseas": 0 if a.mainland else rng.randrange(12, 240),
            "applying_from": "mainland_china" if a.mainland else "overseas"}


def _job(rng: random.Random, a: Applicant, start: date) -> dict[str, Any]:
    monthly = rng.random() < 0.7
    annual = max(a.income_hkd or 0, rng.randrange(360, 2400) * 1000)
    market = "yes" if rng.random() < 0.8 else "no"
    return {"job_offer": True, "employer_br_number": f"{rng.randrange(10**7, 10**8)}",
            "position": a.position,
            "salary_hkd": annual // 12 if monthly else annual,
            "salary_period": "monthly" if monthly else "annual",
            "start_date": start, "full_time": True, "at_degree_level": rng.random() < 0.95,
            "relevant_to_qualifications": rng.random() < 0.95, "market_level": market}


def _scheme_facts(rng: random.Random, scheme: Scheme, a: Applicant, today: date,
                  out: DemoFacts) -> None:
    f, o = out.facts, out.overrides
    if scheme in (Scheme.GEP, Scheme.ASMTP, Scheme.IANG, Scheme.TECHTAS, Scheme.TTPS):
        f.update(_job(rng, a, today + timedelta(days=rng.randrange(30, 120))))
    if scheme is Scheme.TTPS:
        f["ttps_income_source"] = "own_company_profit" if rng.random() < 0.1 else "salary"
        if f["ttps_income_source"] == "own_company_profit":
            f["ttps_shareholding_pct"] = float(rng.choice((30, 51, 100)))
    elif scheme is Scheme.TECHTAS:
        f["techtas_itc_quota"] = rng.random() < 0.92
        f["techtas_rd_area"] = rng.choice(_AREAS)
        o["university_top100_stem"] = rng.random() < 0.9
        o["years_relevant_experience"] = round(rng.uniform(0.8, 8), 1)
    elif scheme is Scheme.IANG:
        f.update(iang_level=rng.choice(("master", "master", "bachelor")),
                 iang_full_time_locally_accredited=True, iang_ugc_funded=rng.random() < 0.7,
                 iang_campus="hong_kong" if rng.random() < 0.9 else "greater_bay_area",
                 iang_entered_as_student=True)
    elif scheme is Scheme.QMAS_ABPT:
        f["qmas_achievement_evidence"] = rng.choice(_ACHIEVEMENTS)
    elif scheme is Scheme.QMAS_GPT:
        o["owns_listed_company"] = rng.random() < 0.03
        o["owns_business_annual_profit_hkd"] = rng.choice((0, 0, 0, 800_000, 6_000_000))
        o["years_international"] = round(a.years_abroad, 1)
        if a.highest in ("master", "doctorate"):
            o["postgrad_from_qmas_eligible_university"] = rng.random() < 0.8
            o["postgrad_is_stem"] = rng.random() < 0.5
    elif scheme is Scheme.ASSG:
        o["place_of_birth"] = rng.choice(("CA", "AU", "GB", "US", "CN"))
        o["parent_holds_valid_hk_permanent_id"] = rng.random() < 0.9
        o["parent_was_chinese_national_settled_overseas_at_birth"] = rng.random() < 0.85
    elif scheme is Scheme.NEW_CIES:
        assets = rng.choice((25, 32, 40, 60, 120)) * 1_000_000
        f.update(cies_net_assets_hkd=assets, cies_planned_investment_hkd=30_000_000,
                 cies_portfolio_hkd=3_000_000)
        if a.mainland:
            f["overseas_permanent_residence"] = rng.random() < 0.6


def dependant_facts(rng: random.Random, kind: str, sponsor_scheme: Scheme, today: date
                    ) -> DemoFacts:
    """A dependant's case: the relationship, the sponsor's status and support."""
    out = DemoFacts()
    out.facts.update(_declarations(rng, today))
    out.facts.update(dependant_relationship=kind,
                     dependant_sponsor_status="investment_visa"
                     if sponsor_scheme is Scheme.NEW_CIES else "employment_visa",
                     dependant_sponsor_can_support=rng.random() < 0.95)
    if kind == "spouse":
        out.facts["dependant_legally_recognised"] = True
        out.facts["marital_status"] = "married"
    else:
        out.facts["dependant_dependent_on_sponsor"] = True
        out.facts["marital_status"] = "single"
    _gaps(rng, out)
    return out


def _gaps(rng: random.Random, out: DemoFacts) -> None:
    if rng.random() < COMPLETE_SHARE:
        return
    for _ in range(rng.randint(1, 3)):
        pool = [k for k in (*out.facts, *out.overrides) if k not in ("declared_on",)]
        if not pool:
            return
        key = rng.choice(pool)
        out.facts.pop(key, None)
        out.overrides.pop(key, None)
    if "salary_hkd" not in out.facts or "salary_period" not in out.facts:
        out.facts.pop("salary_period", None)
        out.facts.pop("salary_hkd", None)


def principal_facts(rng: random.Random, scheme: Scheme, a: Applicant, today: date
                    ) -> DemoFacts:
    """A principal's case facts as a consultant would have filled them in."""
    out = DemoFacts()
    out.facts.update(_declarations(rng, today))
    out.facts.update(_background(rng, a))
    _scheme_facts(rng, scheme, a, today, out)
    _gaps(rng, out)
    return out


def list_lookup_answer(rng: random.Random, university: str) -> dict[str, Any]:
    """An education record's institution as the client wrote it, and the consultant's
    answer to the TTPS-list question where the name matched only loosely or not at all."""
    from hkcase.domain.eligibility.lists import find_ttps_university
    from hkcase.services.demo.names import UNIVERSITY_SPELLINGS

    name = university
    if university in UNIVERSITY_SPELLINGS and rng.random() < 0.3:
        name = UNIVERSITY_SPELLINGS[university]
    elif find_ttps_university(university, date.today()).entry is None:
        answered = rng.random() < 0.8  # checked against the list: not on it
        return {"institution": name, "ttps_list_confirmed": False if answered else None,
                "ttps_list_confirmed_for": name if answered else None}
    else:
        return {"institution": name}
    answered = rng.random() < 0.7
    return {"institution": name, "ttps_list_confirmed": True if answered else None,
            "ttps_list_confirmed_for": name if answered else None}


def write_facts(session: Any, rows: list[tuple[int, DemoFacts]], now: Any) -> None:
    """Insert the case facts and overrides of freshly written demo cases."""
    import sqlalchemy as sa

    from hkcase.store.models import CaseFactOverride, CaseFacts

    facts = [{**demo.facts, "case_id": case_id, "updated_at": now, "updated_by": "demo"}
             for case_id, demo in rows if demo.facts]
    columns = {c.key for c in sa.inspect(CaseFacts).column_attrs}
    facts = [{k: row.get(k) for k in columns} for row in facts]
    # Core inserts on the tables: one executemany each. (The ORM's bulk insert leaves out
    # None values so that defaults apply, and so split the rows into hundreds of
    # statements; every value here is given, the timestamps included.)
    if facts:
        session.execute(sa.insert(cast(sa.Table, CaseFacts.__table__)), facts)
    overrides = [{"case_id": case_id, "name": name, "value": value, "set_by": "demo",
                  "set_at": now}
                 for case_id, demo in rows for name, value in demo.overrides.items()]
    if overrides:
        session.execute(sa.insert(cast(sa.Table, CaseFactOverride.__table__)), overrides)
