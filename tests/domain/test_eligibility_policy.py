"""The verdict policy of issue 9, the JSON it shows in, and the university lookup."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hkcase.domain.eligibility import FIELDS, Verdict, assess, parse_profile
from hkcase.domain.eligibility.lists import lookup_university
from hkcase.domain.eligibility.model import Criterion, Status, all_of, group_for
from hkcase.domain.vocab import Scheme
from tests.eligibility_support import STRONG, cautions, review, run, status

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN


def test_a_caution_never_changes_the_outcome_and_a_review_always_does() -> None:
    met = Criterion("x", "x", MET)
    cautioned = Criterion("y", "y", MET, cautions=("definition not published",))
    assert all_of([met, cautioned])[0] is Verdict.ELIGIBLE
    reviewed = Criterion("z", "z", MET, review="ImmD's discretion")
    assert all_of([met, reviewed])[0] is Verdict.NEEDS_REVIEW
    assert all_of([met, Criterion("u", "u", UNKNOWN, needs=("job_offer",))])[0] \
        is Verdict.NEEDS_REVIEW


def test_asserted_fact_with_unpublished_definition_stays_eligible() -> None:
    # QMAS criterion 7 (note 2, "multinational or renowned") asserted by the consultant.
    six = {"years_multinational_or_renowned": 3, "years_specified_industry": 2.9,
           "years_international": 1, "annual_income_hkd": 999_999,
           "owns_business_annual_profit_hkd": 0, "owns_listed_company": False,
           "years_experience": 4}
    result = run("QMAS_GPT", **six)
    assert status(result, "c7_multinational") is MET
    assert review(result, "c7_multinational") is None
    assert any("note 2" in c for c in cautions(result, "c7_multinational"))
    assert result.outcome is Verdict.ELIGIBLE
    data = result.as_dict()
    assert any("note 2" in c for c in data["cautions"])
    (c7,) = [c for c in data["criteria"] if c["id"] == "c7_multinational"]
    assert c7["cautions"] and c7["status"] == "met"


def test_unknown_fact_stays_needs_review_and_names_the_fact_once() -> None:
    result = run("QMAS_GPT", languages=None, years_experience=None,
                 years_multinational_or_renowned=2, years_specified_industry=2.9,
                 years_international=1, annual_income_hkd=999_999)
    assert result.outcome is Verdict.NEEDS_REVIEW
    assert len(result.missing) == len(set(result.missing))
    for criterion in result.as_dict()["criteria"]:
        if criterion["status"] == "unknown":
            assert criterion["needs"] and len(set(criterion["needs"])) == len(criterion["needs"])
            assert set(criterion["needs"]) <= set(FIELDS)
    joined = " ".join(result.reasons)
    assert "languages, languages" not in joined
    test = next(c for c in result.criteria if c.id == "points_test")
    assert len(test.needs) == len(set(test.needs))


def test_discretion_is_review_even_when_asserted() -> None:
    assert run("QMAS_ABPT", achievement="Fields Medal 2022").outcome is Verdict.NEEDS_REVIEW
    no_degree = run("GEP", highest_degree="sub_degree")
    assert review(no_degree, "education") and no_degree.outcome is Verdict.NEEDS_REVIEW


def test_json_extends_never_renames() -> None:
    profile = parse_profile(STRONG)
    data = assess(profile, with_changes=False).as_dict()
    json.dumps(data, ensure_ascii=False)
    for result in data["results"]:
        assert {"scheme", "outcome", "category", "score", "pass_mark", "initial_stay_months",
                "criteria", "reasons", "missing", "rule_set", "changes_on",
                "cautions"} <= set(result)
        assert {"id", "effective_from", "effective_to", "sources",
                "second_hand_sources"} <= set(result["rule_set"])
        for criterion in result["criteria"]:
            assert {"id", "text", "status", "detail", "cautions", "needs", "group"} \
                <= set(criterion)
            assert criterion["group"]


@pytest.mark.parametrize(("scheme", "criterion", "group"), [
    ("TTPS", "a_income", "Category A"), ("TTPS", "b_eligible_degree", "Category B"),
    ("TTPS", "c_recent_degree", "Category C"), ("TTPS", "nationality", "All categories"),
    ("QMAS_GPT", "age_18", "Prerequisites"),
    ("QMAS_GPT", "c10_income", "General Points Test: the 12 criteria"),
    ("QMAS_GPT", "age_points", "General Points Test: points table"),
    ("QMAS_GPT", "points_test", "Result of the test"),
    ("QMAS_ABPT", "achievement", "Achievement-based Points Test"),
    ("QMAS_ABPT", "self_supporting", "Prerequisites"),
    ("GEP", "job_offer", "Eligibility criteria"),
])
def test_criteria_are_grouped_as_immd_groups_them(scheme: str, criterion: str,
                                                  group: str) -> None:
    assert group_for(scheme, criterion) == group


def test_ttps_groups_in_order() -> None:
    result = run("TTPS")
    assert [name for name, _ in result.groups()] == ["All categories", "Category A",
                                                     "Category B", "Category C"]


def test_every_fact_has_a_label() -> None:
    for name, spec in FIELDS.items():
        assert spec.label and spec.label != name and "_" not in spec.label, name


@pytest.mark.parametrize(("typed", "kind", "name", "listed"), [
    ("清华大学", "exact", "Tsinghua University", True),
    ("清華大學", "exact", "Tsinghua University", True),
    ("THE University of Oxford", "exact", "University of Oxford", True),
    ("Oxford", "candidate", "University of Oxford", None),
    ("Springfield Community College", "none", None, None),
    ("University of Goettingen", "exact", "University of Goettingen", False),  # left 2024
])
def test_lookup_university(typed: str, kind: str, name: str | None,
                           listed: bool | None) -> None:
    match = lookup_university(typed, date(2026, 11, 22))
    assert (match.kind, match.name, match.on_list) == (kind, name, listed)
    assert match.list_version == "aggregate list of 2026-01-01"
    assert match.source.startswith("https://www.immd.gov.hk/")


def test_lookup_university_version_follows_the_date() -> None:
    assert lookup_university("Adelaide University", date(2025, 12, 31)).on_list is False
    later = lookup_university("Adelaide University", date(2026, 1, 1))
    assert (later.kind, later.on_list) == ("exact", True)
    assert lookup_university("清华大学", date(2024, 6, 1)).list_version == \
        "aggregate list of 2024-01-01"


def test_initial_stay_still_reported() -> None:
    (result,) = assess(parse_profile(STRONG), [Scheme.TTPS], with_changes=False).results
    assert (result.category, result.initial_stay_months) == ("A", 36)
