"""The verdicts computed without explanations agree with the full assessors.

``assess`` without ``changes_on`` answers from ``verdicts`` and builds the
criteria only when they are read: both must say the same for every profile.
"""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.eligibility import ASSESSORS, ProfileError, Verdict, assess, parse_profile
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.verdicts import VERDICTS
from tests import eligibility_golden as golden
from tests.eligibility_support import STRONG


def _golden_profiles() -> list[Profile]:
    """The golden test's profiles and as many again from another seed."""
    found = []
    for raw in golden.profiles() + golden.profiles(seed=7):
        try:
            found.append(parse_profile(raw, today=golden.TODAY))
        except ProfileError:
            continue
    return found


PROFILES = _golden_profiles()


def _verdict(result: object) -> tuple[object, ...]:
    return tuple(getattr(result, name) for name in
                 ("scheme", "outcome", "category", "score", "pass_mark", "rule_set"))


@pytest.mark.parametrize("scheme", list(VERDICTS))
def test_each_verdict_is_the_assessors_on_every_golden_profile(scheme: object) -> None:
    quick, full = VERDICTS[scheme], ASSESSORS[scheme]  # type: ignore[index]
    differ, answered = [], 0
    for index, profile in enumerate(PROFILES):
        fast = quick(profile)
        if fast is None:
            continue
        answered += 1
        if _verdict(fast) != _verdict(full(profile)):
            differ.append(index)
    assert not differ, f"{len(differ)} verdicts differ, first profiles {differ[:10]}"
    assert answered > len(PROFILES) // 2  # the quick way answers most profiles itself


def test_a_deferred_result_explains_itself_as_the_assessor_does() -> None:
    profile = parse_profile(STRONG)
    quick = assess(profile, with_changes=False)
    full = [ASSESSORS[scheme](profile) for scheme in ASSESSORS]
    for result, expected in zip(quick.results, full, strict=True):
        expected.initial_stay_months = result.initial_stay_months
        assert result.as_dict() == expected.as_dict()
        assert result == expected
    assert {r.outcome for r in quick.results} >= {Verdict.ELIGIBLE}


def test_a_deferred_result_can_be_amended_like_any_other() -> None:
    profile = parse_profile({**STRONG, "assessment_date": "2026-11-22"})
    (result,) = assess(profile, [next(iter(ASSESSORS))], with_changes=False).results
    result.reasons.append("a consultant's note")
    assert result.reasons[-1] == "a consultant's note"
    assert result.criteria  # explained once; the note stays
    assert result.reasons[-1] == "a consultant's note"


def test_no_rule_set_in_force_is_left_to_the_assessor() -> None:
    profile = parse_profile({"assessment_date": "2001-01-01"}, today=date(2001, 1, 1))
    assert all(VERDICTS[s](profile) is None for s in VERDICTS)
