"""The dashboard, the tray's notification and the stay services on a Chinese desktop
(``set_language("zh-hk")``, as the GUI does at start), on a real SQLite store."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from hkcase.domain.messages import set_language
from hkcase.domain.vocab import ApplicationType, ReminderKind, ReminderState, Residence, Scheme, Sex
from hkcase.services import undo
from hkcase.services.cases.listing import DeadlineFilter, deadline_label
from hkcase.services.errors import ValidationError
from hkcase.services.records import CaseInput, ClientInput, StayInput, create_case, create_client
from hkcase.services.records import record_stay as _record_stay
from hkcase.services.reminders.dashboard import dashboard, verdicts_section
from hkcase.services.reminders.digest import daily_digest
from hkcase.services.reminders.notify import summarise
from hkcase.services.reminders.refresh import (
    refresh_reminders,
    set_reminder_state,
    snooze_options,
)
from hkcase.services.stays.listing import case_reminders, delete_stay, update_stay
from hkcase.store import Store
from tests.reminders_support import add_document, stored

LEADS = [84, 42, 7]
TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    set_language("en")


def _case(store: Store, name: str, limit: date, *, passport: date | None = None,
          granted: date = date(2024, 2, 1), entry: date | None = None) -> int:
    documents = []
    if passport is not None:
        from hkcase.domain.vocab import TravelDocumentType
        from hkcase.services.records import TravelDocumentInput

        documents = [TravelDocumentInput(TravelDocumentType.PASSPORT, f"K{len(name):07d}", "GB",
                                         date(2020, 1, 1), passport)]
    client = create_client(store, ClientInput(
        family_name=name, given_names="Test", sex=Sex.FEMALE, date_of_birth=date(1990, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS, travel_documents=documents), actor="t")
    case = create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                        granted - timedelta(days=20)), actor="t").id
    _record_stay(store, StayInput(case, granted, limit, entry_date=entry), actor="t",
                 confirm=True)
    return case


def _latin(text: str) -> list[str]:
    """Latin words left in a line, the e-mail address and proper names aside."""
    text = re.sub(r"\S+@\S+", "", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text)
            if w not in {"Employment", "contract",  # the document's own name
                         "hkcase", "ROP"}]  # the app, ImmD's form


@pytest.fixture
def office(sqlite_store: Store) -> dict[str, int]:
    cases = {
        "passed": _case(sqlite_store, "PASSED", TODAY - timedelta(days=3)),
        "final": _case(sqlite_store, "FINAL", TODAY + timedelta(days=5)),
        "open": _case(sqlite_store, "OPEN", TODAY + timedelta(days=20),
                      passport=TODAY + timedelta(days=60)),
        "soon": _case(sqlite_store, "SOON", TODAY + timedelta(days=40)),
        "later": _case(sqlite_store, "LATER", TODAY + timedelta(days=100)),
        "resident": _case(sqlite_store, "RESIDENT", date(2027, 12, 1),
                          granted=date(2019, 12, 10), entry=date(2020, 1, 15)),
    }
    add_document(sqlite_store, cases["soon"], "Employment contract", TODAY + timedelta(days=60))
    refresh_reminders(sqlite_store, lead_days=LEADS)
    return cases


def test_the_dashboard_reads_in_chinese(sqlite_store: Store, office: dict[str, int]) -> None:
    english = dashboard(sqlite_store, TODAY, verdicts=False)
    set_language("zh-hk")
    board = dashboard(sqlite_store, TODAY, verdicts=False)
    titles = {s.key: s.title for s in board.sections}
    assert titles == {
        "overdue": "逗留期限已過", "limit_7_days": "逗留期限於7天內屆滿",
        "window_open": "現可申請延期", "opening_30": "申請期於30天內開始",
        "opening_90": "申請期於31至90天後開始", "documents": "遞交申請前到期的文件",
        "passports": "距逗留期限不足3個月到期的護照",
        "decisions": "預計審批結果（按入境處公布的處理時間）",
        "milestones": "里程碑：滿七年日期（並非期限）"}
    # The same rows as in English, each worded in Chinese.
    assert [[r.case_id for r in s.rows] for s in board.sections] == \
        [[r.case_id for r in s.rows] for s in english.sections]
    lines = {s.key: [r.what for r in s.rows] for s in board.sections}
    assert lines["overdue"] == [
        "逗留期限已於2026-11-28屆滿（3天前）：逗留期限屆滿後，入境處不再接受網上延期"
        "申請，而逾期居留屬違法。請立即聯絡入境處資訊及聯絡科：(852) 2824 6111，"
        "enquiry@immd.gov.hk"]
    assert board.section("overdue").note is not None
    assert lines["overdue"][0].endswith(board.section("overdue").note)
    assert lines["limit_7_days"] == ["逗留期限2026-12-06（5天後）：請在屆滿前於網上遞交延期申請"]
    assert lines["window_open"] == ["延期申請期已於2026-11-23開始；逗留期限2026-12-21（20天後）"]
    assert lines["opening_30"] == ["延期申請期於2026-12-13開始（12天後）；逗留期限2027-01-10"]
    assert lines["documents"][0].startswith("Employment contract於2027-01-30到期 — ")
    assert lines["passports"][0].startswith("護照於2027-01-30到期，距延期申請期開始日2026-11-23不足"
                                            "3個月：請在遞交申請前續領")
    assert lines["milestones"][0].startswith("永久性居民身份：自首次入境日期2020-01-15起計7年，"
                                             "即2027-01-15")
    assert board.section("milestones").note == "此為估計：未有核實連續通常居住。"
    assert board.section("passports").note == "護照如在3個月內到期，入境處不接受網上延期申請。"
    for section in board.sections:
        for row in section.rows:
            assert _latin(row.what) == [], row.what
    assert verdicts_section(sqlite_store, TODAY).title == "評估結果有變"


def test_a_snoozed_line_and_the_deadline_filters_in_chinese(sqlite_store: Store,
                                                            office: dict[str, int]) -> None:
    reminders = [r for r in case_reminders(sqlite_store, office["open"])
                 if r.kind is ReminderKind.FINAL_WEEK]
    set_reminder_state(sqlite_store, reminders[0].id, ReminderState.SNOOZED, actor="t",
                       until=TODAY + timedelta(days=14), today=TODAY)
    set_language("zh-cn")
    row = dashboard(sqlite_store, TODAY, verdicts=False).section("window_open").rows[0]
    assert row.what == ("延期申请期已于2026-11-23开始；逗留期限2026-12-21（20天后） · "
                        "已延后至2026-12-15")
    assert deadline_label(DeadlineFilter.ANY) == "任何期限"
    assert deadline_label(DeadlineFilter.OVERDUE) == "逗留期限已过"
    set_language("en")
    assert deadline_label(DeadlineFilter.OVERDUE) == "Limit of stay passed"


def test_the_notification_in_chinese(sqlite_store: Store, office: dict[str, int]) -> None:
    set_language("zh-hk")
    summary = summarise(daily_digest(sqlite_store, today=TODAY, within_days=7), ())
    assert summary.title == "hkcase：有期限需要處理"
    first, *names = summary.message.splitlines()
    assert first.startswith("新增：") and first.endswith("。") and "已逾期" in first
    assert "PASSED Test (" in summary.message and "逗留期限已於2026-11-28屆滿" in summary.message
    assert all(_latin(line.partition("): ")[2]) == [] for line in names if "): " in line)


def test_stay_and_snooze_messages_in_chinese(sqlite_store: Store,
                                             office: dict[str, int]) -> None:
    rows = stored(sqlite_store)
    final = next(r for r in rows.values() if r.case_id == office["final"]
                 and r.kind is ReminderKind.FINAL_WEEK)
    set_language("zh-hk")
    with pytest.raises(ValidationError) as late:
        set_reminder_state(sqlite_store, final.id, ReminderState.SNOOZED, actor="t",
                           until=TODAY + timedelta(days=30), today=TODAY)
    assert late.value.message == "最遲只可延後至2026-12-06（逗留期限），而非2026-12-31"
    with pytest.raises(ValidationError, match="沒有編號為999999的提醒"):
        snooze_options(sqlite_store, 999999)
    options = snooze_options(sqlite_store, final.id, today=TODAY)
    assert [c.label for c in options.choices][:1] == ["1天"]
    assert all(_latin(c.label) == [] for c in options.choices)
    stay_id = final.stay_id
    assert stay_id is not None
    with pytest.raises(ValidationError) as wrong:
        update_stay(sqlite_store, stay_id, {"extension_number": -1}, actor="t",
                    lead_days=LEADS)
    assert wrong.value.message == "逗留記錄編號必須為0或以上"
    session = undo.Session(sqlite_store, "t", tuple(LEADS))
    step = undo.after_delete(session, delete_stay(sqlite_store, stay_id, actor="t",
                                                  lead_days=LEADS))
    assert step.label.startswith("刪除")
    assert step.label.into("en").startswith("delete stay 0 of case ")  # type: ignore[attr-defined]
    # What was stored stays English.
    assert all(not re.search(r"[\u4e00-\u9fff]", r.title) for r in stored(sqlite_store).values())
