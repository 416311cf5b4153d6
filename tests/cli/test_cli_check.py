"""``hkcase check``: the JSON shape scripts rely on, the human report, bad profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.eligibility_support import STRONG


def hkcase(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=120, input=stdin, env=dict(os.environ))


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(STRONG), encoding="utf-8")
    return path


def test_json_shape(profile: Path) -> None:
    result = hkcase("check", "--profile", str(profile), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["assessment_date"] == "2026-11-22"
    assert [r["scheme"] for r in data["results"]] == [
        "ASMTP", "GEP", "QMAS_GPT", "QMAS_ABPT", "TTPS", "TECHTAS", "IANG", "ASSG", "NEW_CIES",
        "DEPENDANT"]
    for item in data["results"]:
        assert set(item) >= {"scheme", "outcome", "category", "score", "pass_mark",
                             "initial_stay_months", "criteria", "reasons", "missing", "rule_set",
                             "changes_on"}
        assert item["outcome"] in ("eligible", "not_eligible", "needs_review")
        for criterion in item["criteria"]:
            assert set(criterion) >= {"id", "text", "status", "detail"}
            assert criterion["status"] in ("met", "not_met", "unknown")
        if item["rule_set"]:
            assert set(item["rule_set"]) >= {"id", "effective_from", "sources"}
    ttps = next(r for r in data["results"] if r["scheme"] == "TTPS")
    assert (ttps["outcome"], ttps["category"]) == ("eligible", "A")
    qmas = next(r for r in data["results"] if r["scheme"] == "QMAS_GPT")
    assert qmas["pass_mark"] == 6 and qmas["score"] >= 6


def test_scheme_filter_and_date_override(profile: Path) -> None:
    result = hkcase("check", "--profile", str(profile), "--scheme", "ttps", "--scheme", "GEP",
                    "--on", "2022-12-27", "--json")
    data = json.loads(result.stdout)
    assert data["assessment_date"] == "2022-12-27"
    assert [r["scheme"] for r in data["results"]] == ["TTPS", "GEP"]
    assert data["results"][0]["outcome"] == "not_eligible"


def test_qmas_names_both_its_tests_as_on_every_command(profile: Path, tmp_path: Path) -> None:
    # One scheme vocabulary: ``stay --scheme QMAS`` takes it, so ``check`` does too.
    data = json.loads(hkcase("check", "--profile", str(profile), "--scheme", "qmas",
                             "--json").stdout)
    assert [r["scheme"] for r in data["results"]] == ["QMAS_GPT", "QMAS_ABPT"]
    out = tmp_path / "qmas.pdf"
    blank = hkcase("--data-dir", str(tmp_path / "data"), "checklist", "--scheme", "QMAS",
                   "--type", "new", "-o", str(out))
    assert blank.returncode == 0, blank.stderr
    assert out.stat().st_size > 0
    stay = hkcase("stay", "--scheme", "QMAS", "--entry-date", "2026-03-02", "--json")
    assert stay.returncode == 0, stay.stderr


def test_profile_from_standard_input() -> None:
    result = hkcase("check", "--profile", "-", "--scheme", "QMAS_ABPT", "--json",
                    stdin=json.dumps({"achievement": True}))
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["missing"]


def test_human_report(profile: Path) -> None:
    result = hkcase("check", "--profile", str(profile), "--scheme", "TTPS")
    assert result.returncode == 0
    assert "TTPS: ELIGIBLE (category A)" in result.stdout
    assert "✓ annual income of HK$2,500,000 or more" in result.stdout
    data = json.loads(hkcase("check", "--profile", str(profile), "--scheme", "TTPS",
                             "--json").stdout)
    assert f"rules: {data['results'][0]['rule_set']['id']} " in result.stdout
    assert "ImmD decides" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [('{"colour": "red"}', "bad profile: colour: unknown fact"),
     ('{"date_of_birth": "1990-13-01"}', "date_of_birth: '1990-13-01' is not a real date"),
     ('{"years_experience": "lots"}', "years_experience: expected a number"),
     ("[1, 2]", "must be a JSON object"),
     ("{not json", "is not valid JSON")],
)
def test_bad_profiles_exit_2_with_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = hkcase("check", "--profile", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--profile", "/no/such/file.json"], "cannot read profile /no/such/file.json"),
    (["--profile", "-", "--scheme", "WORKING_HOLIDAY"], "'WORKING_HOLIDAY' is not a scheme"),
    (["--profile", "-", "--on", "2026-02-30"], "'2026-02-30' is not a date"),
])
def test_bad_arguments_exit_2(args: list[str], message: str) -> None:
    result = hkcase("check", *args, stdin="{}")
    assert result.returncode == 2
    assert message in result.stderr
