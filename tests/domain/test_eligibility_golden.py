"""Golden test: every result of 3,000 varied profiles is exactly what it was.

The snapshot (``tests/data/eligibility_golden*.{txt,json}``) was taken from the
engine before its speed-up; rewrite it (``python -m tests.eligibility_golden``)
only for a deliberate change of results, and say which in the commit.
"""

from __future__ import annotations

import json

from tests import eligibility_golden as golden


def _expected() -> tuple[str, list[str]]:
    header, *digests = golden.DIGESTS.read_text("utf-8").splitlines()
    return header.removeprefix("inputs "), digests


def test_the_inputs_are_those_of_the_snapshot() -> None:
    inputs, digests = _expected()
    raws = golden.profiles()
    assert golden.inputs_digest(raws) == inputs
    assert len(digests) == len(raws) == golden.COUNT


def test_the_inputs_cover_every_outcome_and_bad_input() -> None:
    seen: set[str] = set()
    for index in golden.FULL_INDICES:
        for result in json.loads(golden.FULL.read_text("utf-8"))[str(index)]["with_changes"][
                "results"]:
            seen.add(result["outcome"])
    assert seen == {"eligible", "not_eligible", "needs_review"}


def test_every_result_is_unchanged() -> None:
    _, digests = _expected()
    full = json.loads(golden.FULL.read_text("utf-8"))
    changed = []
    for index, text in golden.snapshot():
        if golden.digest(text) != digests[index]:
            if str(index) in full:
                assert json.loads(text) == full[str(index)], f"profile {index}"
            changed.append(index)
    assert not changed, f"{len(changed)} results differ, first profiles {changed[:10]}"
