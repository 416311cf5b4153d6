"""Property tests: the engine never raises on a profile of valid types, and stays coherent."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkcase.domain.eligibility import FIELDS, ProfileError, Verdict, assess, parse_profile
from hkcase.domain.eligibility.model import Status

DATES = st.dates(min_value=date(1940, 1, 1), max_value=date(2040, 12, 31))


def _value(kind: str, choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    if kind == "date":
        return DATES.map(date.isoformat)
    if kind == "bool":
        return st.booleans()
    if kind in ("years", "months"):
        return st.floats(min_value=0, max_value=60, allow_nan=False)
    if kind == "hkd":
        return st.integers(min_value=0, max_value=100_000_000)
    if kind == "percent":
        return st.floats(min_value=0, max_value=100, allow_nan=False)
    if kind == "count":
        return st.integers(min_value=0, max_value=6)
    if kind == "choice":
        return st.sampled_from(choices)
    if kind == "country":
        return st.sampled_from(["CN", "GB", "US", "IN", "AF", "LA", "NP", "VN", "HK", "MO", "TW",
                                "KP", "CU", "KH"])
    if kind == "languages":
        return st.lists(st.sampled_from(["English", "Chinese", "French", "Cantonese", "Hindi"]),
                        max_size=3)
    return st.sampled_from(["University of Oxford", "Tsinghua University", "AI", "fintech",
                            "Nowhere College", "University of Goettingen", "Actuaries"])


PROFILES = st.fixed_dictionaries(
    {}, optional={name: st.none() | _value(spec.kind, spec.choices)
                  for name, spec in FIELDS.items()})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PROFILES)
def test_engine_never_raises_and_results_are_coherent(data: dict[str, Any]) -> None:
    today = date(2026, 11, 22)
    born = data.get("date_of_birth")
    if born is not None and date.fromisoformat(born) > today:  # refused since issue 9
        with pytest.raises(ProfileError, match="date_of_birth"):
            parse_profile(data, today=today)
        return
    profile = parse_profile(data, today=today)
    assessment = assess(profile)
    json.dumps(assessment.as_dict(), ensure_ascii=False)  # always serialisable
    assert len(assessment.results) == 10
    for result in assessment.results:
        decisive = [c for c in result.criteria]
        if result.outcome is Verdict.ELIGIBLE:
            assert result.rule_set is not None
        if any(c.status is Status.UNKNOWN for c in decisive) and result.scheme in (
                "GEP", "ASMTP", "TECHTAS", "ASSG", "NEW_CIES", "DEPENDANT", "QMAS_ABPT"):
            assert result.outcome is not Verdict.ELIGIBLE
        assert all(change.date > profile.assessment_date for change in result.changes_on)
        assert set(result.missing) <= set(FIELDS)
