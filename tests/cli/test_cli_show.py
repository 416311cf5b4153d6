"""``hkcase show CASE_REF [--json]`` prints the case as the pane shows it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.domain.vocab import (
    ApplicationType,
    ChecklistState,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.services import checklists as C
from hkcase.services.eligibility.run import record_check
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.services.reminders.refresh import refresh_reminders


def _case(folder: Path, limit: date) -> str:
    ctx = open_app(folder)
    try:
        client = create_client(ctx.store, ClientInput(
            family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
            date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.HONG_KONG,
            travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "K12345678",
                                                  "GB", expiry_date=date(2031, 1, 1))]),
            actor="amy")
        case = create_case(ctx.store, CaseInput(client, Scheme.TTPS, ApplicationType.EXTENSION,
                                                date(2024, 1, 10)), actor="amy")
        record_stay(ctx.store, StayInput(case.id, date(2024, 2, 1), limit), actor="amy",
                    confirm=True)
        refresh_reminders(ctx.store, lead_days=[84, 42, 7])
        entries = C.create_checklist(ctx.store, case.id, actor="amy", on=date(2026, 11, 22))
        C.set_item_state(ctx.store, entries[0].id, ChecklistState.RECEIVED, actor="amy")
        record_check(ctx.store, case.id, actor="amy", on=date(2026, 11, 30))
        return case.reference
    finally:
        ctx.close()


def _show(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "show", *args]) == 0
    return capsys.readouterr().out


def test_show_json_is_the_pane(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = date.today() + timedelta(days=60)
    reference = _case(tmp_path, limit)
    data = json.loads(_show(tmp_path, capsys, reference, "--json"))
    assert data["reference"] == reference and data["scheme"] == "TTPS"
    assert data["client"]["name"] == "CHAN Tai Man"
    assert data["client"]["chinese_name"] == "陳大文"
    assert data["client"]["passport"] == "K12345678"
    assert [s["limit_of_stay"] for s in data["stays"]] == [limit.isoformat()]
    assert data["limit_of_stay"] == limit.isoformat() and data["limit_passed"] is False
    assert data["window_opens"] is not None and data["window_opens"] < limit.isoformat()
    assert data["reminders"] and all(r["state"] == "pending" for r in data["reminders"])
    assert data["checklist"][0]["state"] == "received"
    assert {i["state"] for i in data["checklist"][1:]} == {"missing"}
    verdict = data["latest_verdict"]
    assert verdict is not None and verdict["assessment_date"] == "2026-11-30"
    assert verdict["checked_by"] == "amy" and verdict["outcome"] in (
        "eligible", "not_eligible", "needs_review")
    text = _show(tmp_path, capsys, reference)
    assert f"Case {reference} · TTPS" in text and "陳大文" in text
    assert "1. received" in text.replace("  ", " ")


def test_show_says_a_passed_limit_first(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    limit = date(2026, 11, 7)
    reference = _case(tmp_path, limit)
    data = json.loads(_show(tmp_path, capsys, reference, "--json", "--today", "2026-12-01"))
    assert data["limit_passed"] is True
    assert data["limit_line"].startswith("LIMIT OF STAY PASSED on 2026-11-07")
    assert all("PASSED" in r["title"] for r in data["reminders"]
               if r["kind"] in ("before_limit", "window_opens", "final_week"))
    lines = _show(tmp_path, capsys, reference, "--today", "2026-12-01").splitlines()
    assert lines[1].startswith("!!! LIMIT OF STAY PASSED")


def test_show_an_unknown_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "show", "2099-000001"]) == 1
    assert "there is no case 2099-000001" in capsys.readouterr().err
