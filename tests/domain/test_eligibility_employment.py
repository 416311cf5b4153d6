"""GEP, ASMTP (the Mainland channel) and TechTAS."""

from __future__ import annotations

import pytest

from hkcase.domain.eligibility import Verdict
from hkcase.domain.eligibility.model import Status
from tests.eligibility_support import review, run, status

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN

MAINLAND = {"nationality": "CN", "residence": "mainland_china",
            "travel_document": "prc_exit_entry_permit", "overseas_permanent_residence": False,
            "applying_from": "mainland_china"}
PRC_ABROAD = {"nationality": "CN", "residence": "overseas", "travel_document": "prc_passport"}


def test_overseas_professional_uses_gep() -> None:
    assert run("GEP").outcome is Verdict.ELIGIBLE
    asmtp = run("ASMTP")
    assert status(asmtp, "channel") is NOT_MET
    assert asmtp.outcome is Verdict.NOT_ELIGIBLE


def test_mainland_resident_uses_asmtp() -> None:
    assert run("ASMTP", **MAINLAND).outcome is Verdict.ELIGIBLE
    gep = run("GEP", **MAINLAND)
    assert status(gep, "channel") is NOT_MET
    assert any("ASMTP" in r for r in gep.reasons)


@pytest.mark.parametrize(
    ("facts", "gep_channel"),
    [
        ({"overseas_permanent_residence": True}, MET),
        ({"overseas_permanent_residence": False, "months_resided_overseas_immediately_before": 12,
          "applying_from": "overseas"}, MET),
        ({"overseas_permanent_residence": False, "months_resided_overseas_immediately_before": 11,
          "applying_from": "overseas"}, NOT_MET),
        ({"overseas_permanent_residence": False, "months_resided_overseas_immediately_before": 24,
          "applying_from": "hong_kong"}, NOT_MET),
        ({"overseas_permanent_residence": None, "months_resided_overseas_immediately_before": 3,
          "applying_from": "overseas"}, UNKNOWN),
    ],
)
def test_prc_passport_holders_abroad(facts: dict[str, object], gep_channel: Status) -> None:
    base = {**PRC_ABROAD, "applying_from": None}
    gep = run("GEP", **{**base, **facts})
    asmtp = run("ASMTP", **{**base, **facts})
    assert status(gep, "channel") is gep_channel
    flipped = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[gep_channel]
    assert status(asmtp, "channel") is flipped


@pytest.mark.parametrize(
    ("nationality", "day", "expected"),
    [("VN", "2023-10-24", NOT_MET), ("VN", "2023-10-25", MET),
     ("NP", "2023-10-24", NOT_MET), ("LA", "2023-10-25", MET),
     ("KH", "2017-02-28", NOT_MET), ("KH", "2017-03-01", MET),
     ("CU", "2026-01-01", NOT_MET), ("AF", "2026-01-01", NOT_MET)],
)
def test_excluded_nationalities_by_date(nationality: str, day: str, expected: Status) -> None:
    result = run("GEP", nationality=nationality, assessment_date=day)
    assert status(result, "nationality") is expected


@pytest.mark.parametrize("fact", ["job_offer", "job_relevant_to_qualifications",
                                  "remuneration_at_market_level"])
def test_job_conditions(fact: str) -> None:
    assert run("GEP", **{fact: False}).outcome is Verdict.NOT_ELIGIBLE
    assert run("GEP", **{fact: None}).outcome is Verdict.NEEDS_REVIEW


def test_no_degree_is_a_special_case_for_review() -> None:
    result = run("GEP", highest_degree="sub_degree")
    assert result.outcome is Verdict.NEEDS_REVIEW
    assert review(result, "education")


def test_recruitment_exemption_note() -> None:
    rich = run("GEP", offered_salary_hkd=2_000_000)
    assert any(r.startswith("The employer need not") for r in rich.reasons)
    ordinary = run("GEP", offered_salary_hkd=1_999_999)
    assert not any(r.startswith("The employer need not") for r in ordinary.reasons)


def test_techtas_eligible_and_areas() -> None:
    assert run("TECHTAS").outcome is Verdict.ELIGIBLE
    assert status(run("TECHTAS", rd_area="fintech"), "rd_area") is MET
    assert status(run("TECHTAS", rd_area="Quantum"), "rd_area") is MET
    assert status(run("TECHTAS", rd_area="retail banking"), "rd_area") is NOT_MET


def test_techtas_bachelors_need_one_year() -> None:
    base = {"highest_degree": "bachelor"}
    assert status(run("TECHTAS", years_relevant_experience=0.99, **base),
                  "qualification") is NOT_MET
    assert status(run("TECHTAS", years_relevant_experience=1, **base), "qualification") is MET
    assert status(run("TECHTAS", years_relevant_experience=0, highest_degree="doctorate"),
                  "qualification") is MET


def test_techtas_without_stem_degree_is_considered_individually() -> None:
    result = run("TECHTAS", university_top100_stem=False)
    assert status(result, "qualification") is NOT_MET
    assert result.outcome is Verdict.NEEDS_REVIEW


def test_techtas_launch() -> None:
    assert run("TECHTAS", assessment_date="2018-06-24").outcome is Verdict.NOT_ELIGIBLE
    assert run("TECHTAS", assessment_date="2018-06-25").outcome is Verdict.ELIGIBLE
