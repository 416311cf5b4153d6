"""``hkcase stay``, ``hkcase remind`` and ``hkcase calendar`` run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

STAY_KEYS = {
    "scheme", "grant_months", "limit_of_stay", "window_rule", "extension_window_opens",
    "limit_is_general_holiday", "holiday_name", "last_working_day_on_or_before_limit",
    "window_opens_on_general_holiday", "rule_set",
}
ITEM_KEYS = {"case_ref", "client_name", "kind", "due_date", "limit_of_stay", "urgency", "state"}


def hkcase(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=300)


def test_stay_json_for_a_ttps_extension() -> None:
    result = hkcase("stay", "--scheme", "TTPS", "--previous-limit", "2024-12-15",
                    "--extension", "1", "--category", "b", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= STAY_KEYS
    assert (data["scheme"], data["grant_months"], data["limit_of_stay"]) == (
        "TTPS", 36, "2027-12-15")
    assert (data["window_rule"], data["extension_window_opens"]) == ("3_months", "2027-09-15")
    assert data["rule_set"]["id"] == "TTPS.2022-12-28"
    # Since the 2026-12 review the 3-month window is ImmD's for every category: no flag.
    assert not any("Category B" in f["text"] for f in data["needs_review"])
    assert "https://www.immd.gov.hk/eng/services/visas/TTPS.html" in \
        data["rule_set"]["window"]["sources"]


def test_stay_text_for_a_qmas_achievement_entrant_on_29_february() -> None:
    result = hkcase("stay", "--scheme", "qmas", "--qmas-test", "achievement",
                    "--entry-date", "2024-02-29")
    assert result.returncode == 0, result.stderr
    assert "QMAS_ABPT first stay from 2024-02-29: 96 months" in result.stdout
    assert "limit of stay:     2032-02-29 (estimate)" in result.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["--scheme", "GEP"], "one of the arguments --entry-date --previous-limit is required"),
    (["--scheme", "GEP", "--entry-date", "2024-02-30"], "'2024-02-30' is not a date"),
    (["--scheme", "WORKING_HOLIDAY", "--entry-date", "2024-02-01"], "is not a scheme"),
    (["--scheme", "GEP", "--previous-limit", "2026-01-01"], "needs --extension"),
    (["--scheme", "GEP", "--entry-date", "2024-01-01", "--extension", "1"], "goes with"),
    (["--scheme", "GEP", "--entry-date", "2024-01-01", "--top-tier"], "not to a first stay"),
    (["--scheme", "TTPS", "--entry-date", "2025-03-01"], "give the category"),
    (["--scheme", "GEP", "--entry-date", "2024-01-01", "--category", "A"], "only to TTPS"),
    (["--scheme", "GEP", "--entry-date", "2024-01-01", "--qmas-test", "general"],
     "only to QMAS"),
    (["--scheme", "DEPENDANT", "--entry-date", "2024-01-01"], "sponsor"),
    (["--scheme", "TTPS", "--entry-date", "2022-01-01", "--category", "A"], "2022-12-28"),
    (["--scheme", "GEP", "--entry-date", "2024-01-01", "--months", "0"], "at least 1"),
])
def test_stay_bad_input_is_one_line_with_status_2(args: list[str], expected: str) -> None:
    result = hkcase("stay", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hkcase: error: ")
    assert expected in lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    result = hkcase("--data-dir", str(folder), "demo", "--clients", "200", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return folder


def test_remind_json_digest_then_mark_done(demo_dir: Path) -> None:
    today = date.today().isoformat()
    result = hkcase("--data-dir", str(demo_dir), "remind", "--json", "--within", "30",
                    "--today", today)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items, "the demo always has deadlines within 30 days"
    assert all(set(item) >= ITEM_KEYS for item in items)
    assert {item["urgency"] for item in items} <= {"overdue", "window_open", "upcoming"}
    assert all(item["state"] in ("pending", "snoozed") for item in items)
    target = items[0]
    done = hkcase("--data-dir", str(demo_dir), "remind", "--done",
                  str(target["reminder_id"]))
    assert done.returncode == 0, done.stderr
    assert f"reminder {target['reminder_id']} done" in done.stdout
    after = json.loads(hkcase("--data-dir", str(demo_dir), "remind", "--json",
                              "--today", today).stdout)
    assert target["reminder_id"] not in {item["reminder_id"] for item in after}


def test_remind_text_digest(demo_dir: Path) -> None:
    result = hkcase("--data-dir", str(demo_dir), "remind", "--within", "14")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("hkcase reminders for ")
    for heading in ("OVERDUE (", "WINDOW OPEN NOW (", "UPCOMING ("):
        assert heading in result.stdout


@pytest.mark.parametrize(("args", "expected"), [
    (["--within", "-1"], "must be at least 0"),
    (["--snooze", "1"], "--snooze needs --until"),
    (["--until", "2030-01-01"], "--until goes with --snooze"),
])
def test_remind_bad_input(demo_dir: Path, args: list[str], expected: str) -> None:
    result = hkcase("--data-dir", str(demo_dir), "remind", *args)
    assert result.returncode == 2 and expected in result.stderr


def test_remind_unknown_reminder_is_an_error(demo_dir: Path) -> None:
    result = hkcase("--data-dir", str(demo_dir), "remind", "--dismiss", "99999999")
    assert result.returncode == 1 and "no reminder number 99999999" in result.stderr


def test_calendar_writes_an_ics_file(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = hkcase("--data-dir", str(demo_dir), "calendar", "-o", str(target), "--within", "90")
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids and len(uids) == len(set(uids)) and all(u.endswith("@hkcase") for u in uids)
    assert f"wrote {len(uids):,} events" in result.stdout
    missing = hkcase("--data-dir", str(demo_dir), "calendar", "-o",
                     str(tmp_path / "nowhere" / "x.ics"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
