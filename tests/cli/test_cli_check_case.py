"""``hkcase check --case`` and ``hkcase recheck``; the human report agreeing with the JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.services.cases.facts import load_case_facts, save_case_facts, save_overrides
from hkcase.services.eligibility.recheck import changed_verdicts
from hkcase.services.eligibility.run import case_eligibility, record_check
from hkcase.services.records import CaseInput, create_case
from tests.eligibility_support import STRONG
from tests.services.test_case_facts import COMPLETE_GEP, ON, gep_case


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _stored_gep_case(data_dir: Path) -> tuple[int, str]:
    ctx = open_app(data_dir)
    try:
        case_id = gep_case(ctx.store)
        save_case_facts(ctx.store, case_id, load_case_facts(ctx.store, case_id).version,
                        COMPLETE_GEP, actor="amy")
        save_overrides(ctx.store, case_id, load_case_facts(ctx.store, case_id).version,
                       {"languages": ["English", "Hindi", "Tamil"]}, actor="amy")
        return case_id, case_eligibility(ctx.store, case_id, on=ON).reference
    finally:
        ctx.close()


def test_check_case_json_is_what_the_tab_shows(capsys: pytest.CaptureFixture[str],
                                                data_dir: Path) -> None:
    case_id, reference = _stored_gep_case(data_dir)
    code, out, err = run(capsys, "check", "--data-dir", str(data_dir), "--case", reference,
                         "--on", ON.isoformat(), "--json")
    assert code == 0, err
    data = json.loads(out)
    ctx = open_app(data_dir)
    try:
        assert data == json.loads(json.dumps(case_eligibility(ctx.store, case_id,
                                                              on=ON).as_dict()))
    finally:
        ctx.close()
    assert data["results"][0]["outcome"] == "eligible"
    sources = {f["name"]: f["source"] for f in data["facts"]}
    assert sources["date_of_birth"] == "client record"
    assert sources["job_offer"] == "case facts"
    assert sources["languages"] == "consultant's override"
    assert all(set(f) == {"name", "value", "source"} for f in data["facts"])


def test_check_case_human_report_names_facts_by_label(capsys: pytest.CaptureFixture[str],
                                                      data_dir: Path) -> None:
    _, reference = _stored_gep_case(data_dir)
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir), "--case", reference,
                       "--on", ON.isoformat())
    assert code == 0
    assert "GEP: ELIGIBLE" in out
    assert "initial stay:" in out and "source: http" in out
    assert "(consultant's override)" in out and "(case facts)" in out
    assert "job_offer" not in out


def test_unknown_case_reference(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "check", "--data-dir", str(data_dir), "--case", "2026-999999")
    assert code == 1 and "no case 2026-999999" in err
    code, _, err = run(capsys, "check", "--data-dir", str(data_dir), "--case", "2026-1",
                       "--scheme", "gep")
    assert code == 2 and "--scheme" in err


@pytest.mark.parametrize(("text", "words"), [
    ('{"nationality": "IN", "nationality": "GB"}', "given twice"),
    ('{"annual_income_hkd": NaN}', "NaN is not a number"),
    ('{"annual_income_hkd": 1e400}', "too large"),
    ('{"annual_income_hkd": -Infinity}', "not a number"),
])
def test_profiles_json_is_refused_clearly(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          text: str, words: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", "--profile", str(path))
    assert code == 2 and words in err and out == ""
    assert "Traceback" not in err


def _report(capsys: pytest.CaptureFixture[str], tmp_path: Path, profile: dict[str, object],
            scheme: str) -> tuple[str, dict[str, object]]:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    _, text, _ = run(capsys, "check", "--profile", str(path), "--scheme", scheme)
    _, raw, _ = run(capsys, "check", "--profile", str(path), "--scheme", scheme, "--json")
    result: dict[str, object] = json.loads(raw)["results"][0]
    return text, result


def test_human_report_agrees_with_the_json(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    text, qmas = _report(capsys, tmp_path, STRONG, "qmas_gpt")
    if qmas["score"] is not None:
        assert f"— {qmas['score']} " in text
    assert "score " not in text.splitlines()[2]
    for reason in qmas["reasons"]:  # type: ignore[attr-defined]
        assert text.count(str(reason)) <= 1
    sparse = {"date_of_birth": "1990-01-01", "nationality": "IN", "highest_degree": "master"}
    text, techtas = _report(capsys, tmp_path, sparse, "techtas")
    assert "1 years" not in text
    unknown = [c for c in techtas["criteria"] if c["status"] == "unknown"]  # type: ignore
    for c in unknown:
        assert text.count(c["text"]) == 1  # once, not again among the reasons
    assert "languages, languages" not in _report(capsys, tmp_path, sparse, "qmas_gpt")[0]
    text, ttps = _report(capsys, tmp_path, sparse, "ttps")
    assert " Category B" in text and " Category C" in text
    if ttps["initial_stay_months"] is not None:
        assert f"initial stay: {ttps['initial_stay_months']} months" in text
    for url in ttps["rule_set"]["sources"]:  # type: ignore[index]
        assert url in text


def test_recheck_after_a_rule_set_date(capsys: pytest.CaptureFixture[str],
                                       data_dir: Path) -> None:
    ctx = open_app(data_dir)
    try:
        case_id = gep_case(ctx.store, scheme=Scheme.QMAS_ABPT)
        version = load_case_facts(ctx.store, case_id).version
        save_case_facts(ctx.store, case_id, version, {
            "criminal_record": False, "security_objection": False, "self_supporting": True,
            "languages": ["French"], "qmas_achievement_evidence": "Fields Medal 2014"},
            actor="amy")
        before = record_check(ctx.store, case_id, actor="amy", on=date(2025, 12, 14))
        assert before.outcome == "not_eligible"  # language was a prerequisite then
        assert changed_verdicts(ctx.store, on=date(2025, 12, 14)) == []
        (change,) = changed_verdicts(ctx.store, on=date(2025, 12, 15))
    finally:
        ctx.close()
    assert (change.case_id, change.old_outcome) == (case_id, "not_eligible")
    assert change.new_outcome != "not_eligible"
    assert any(r.startswith("rules changed: QMAS_ABPT-") for r in change.reasons)
    code, out, _ = run(capsys, "recheck", "--data-dir", str(data_dir), "--on", "2025-12-15",
                       "--json")
    assert code == 0
    assert json.loads(out)["changes"] == [change.as_dict()]


def test_recheck_after_a_birthday(data_dir: Path) -> None:
    ctx = open_app(data_dir)
    try:
        case_id = gep_case(ctx.store)  # born 1995-04-02
        client_id = case_eligibility(ctx.store, case_id, on=ON).case_id
        from hkcase.store.models import Case
        with ctx.store.reading() as session:
            client_id = session.get_one(Case, case_id).client_id
        assg = create_case(ctx.store, CaseInput(client_id, Scheme.ASSG, ApplicationType.NEW,
                                                date(2035, 1, 10)), actor="amy").id
        save_case_facts(ctx.store, assg, load_case_facts(ctx.store, assg).version, {
            "criminal_record": False, "self_supporting": True, "languages": ["English"]},
            actor="amy")
        save_overrides(ctx.store, assg, load_case_facts(ctx.store, assg).version, {
            "place_of_birth": "CA", "parent_holds_valid_hk_permanent_id": True,
            "parent_was_chinese_national_settled_overseas_at_birth": True}, actor="amy")
        kept = record_check(ctx.store, assg, actor="amy", on=date(2036, 3, 1))
        assert kept.outcome == "eligible", case_eligibility(
            ctx.store, assg, on=date(2036, 3, 1)).result.reasons
        (change,) = changed_verdicts(ctx.store, on=date(2036, 4, 2))  # turns 41
    finally:
        ctx.close()
    assert (change.old_outcome, change.new_outcome) == ("eligible", "not_eligible")
    assert any("turns 41" in r for r in change.reasons), change.reasons


def test_dashboard_lists_the_same_changed_verdicts(data_dir: Path) -> None:
    from hkcase.services.reminders.dashboard import verdicts_section

    ctx = open_app(data_dir)
    try:
        case_id = gep_case(ctx.store, scheme=Scheme.QMAS_ABPT)
        save_case_facts(ctx.store, case_id, load_case_facts(ctx.store, case_id).version, {
            "criminal_record": False, "security_objection": False, "self_supporting": True,
            "languages": ["French"], "qmas_achievement_evidence": "Fields Medal 2014"},
            actor="amy")
        record_check(ctx.store, case_id, actor="amy", on=date(2025, 12, 14))
        assert verdicts_section(ctx.store, date(2025, 12, 14)).count == 0
        section = verdicts_section(ctx.store, date(2025, 12, 15))
        changes = changed_verdicts(ctx.store, on=date(2025, 12, 15))
    finally:
        ctx.close()
    assert section.count == len(changes) == 1
    (row,) = section.rows
    assert row.case_id == case_id and "Verdict changed: not eligible →" in row.what
