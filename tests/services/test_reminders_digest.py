"""The daily digest on a real store: groups, folding, snoozes, dependants, the JSON shape."""

from __future__ import annotations

from datetime import date

from hkcase.domain.reminders.urgency import Urgency
from hkcase.domain.vocab import ReminderKind, ReminderState, Scheme
from hkcase.services.reminders.digest import daily_digest
from hkcase.services.reminders.notify import summarise
from hkcase.services.reminders.refresh import refresh_reminders, set_reminder_state
from hkcase.store import Store
from tests.reminders_support import ACTOR, LEADS, add_case, add_client, add_stay, family, stored

REQUIRED = {"case_ref", "client_name", "kind", "due_date", "limit_of_stay", "urgency", "state"}


def _world(store: Store) -> dict[str, int]:
    """Three clients: limit passed, window open, window opening in three weeks."""
    passed = add_client(store, "HO", "Passed")
    passed_stay = add_stay(store, add_case(store, passed, Scheme.IANG), date(2024, 11, 1),
                           date(2026, 11, 15))
    fam = family(store, limit=date(2026, 12, 10))  # window opened 2026-11-12
    later = add_client(store, "LAM", "Later")
    later_stay = add_stay(store, add_case(store, later, Scheme.GEP), date(2024, 1, 1),
                          date(2027, 2, 20))  # 12 weeks before: 2026-11-28
    refresh_reminders(store, lead_days=LEADS)
    return {"passed": passed_stay, "sponsor": fam.sponsor_stay,
            "dependant": fam.dependant_stay, "later": later_stay}


def test_digest_groups_by_urgency_one_line_per_stay(any_store: Store) -> None:
    stays = _world(any_store)
    digest = daily_digest(any_store, today=date(2026, 11, 22), within_days=30)
    lines = {(i.key, i.urgency) for i in digest.items}
    assert lines == {
        (f"stay:{stays['passed']}:lead:7", Urgency.OVERDUE),
        (f"stay:{stays['sponsor']}:window", Urgency.WINDOW_OPEN),
        (f"stay:{stays['dependant']}:window", Urgency.WINDOW_OPEN),  # dependants included
        (f"stay:{stays['later']}:lead:84", Urgency.UPCOMING),
    }
    overdue = digest.grouped()[Urgency.OVERDUE][0]
    assert overdue.folded == 3 and overdue.limit_of_stay == date(2026, 11, 15)
    upcoming = digest.grouped()[Urgency.UPCOMING][0]
    assert (upcoming.due_date, upcoming.window_opens) == (date(2026, 11, 28), date(2027, 1, 23))
    assert upcoming.folded == 0  # the later ones are beyond the horizon
    assert [i.urgency for i in digest.items] == sorted(
        (i.urgency for i in digest.items), key=list(Urgency).index)
    for item in digest.items:
        assert set(item.as_dict()) >= REQUIRED
    assert digest.grouped()[Urgency.WINDOW_OPEN][0].client_name == "CHAN Tai Man"


def test_within_days_narrows_the_upcoming_group(any_store: Store) -> None:
    _world(any_store)
    digest = daily_digest(any_store, today=date(2026, 11, 22), within_days=3)
    assert digest.count(Urgency.UPCOMING) == 0
    assert digest.count(Urgency.WINDOW_OPEN) == 2


def test_done_and_snoozed_reminders_leave_the_digest_until_due(any_store: Store) -> None:
    stays = _world(any_store)
    rows = stored(any_store)
    today = date(2026, 11, 22)
    set_reminder_state(any_store, rows[f"stay:{stays['sponsor']}:window"].id,
                       ReminderState.DONE, actor=ACTOR, today=today)
    set_reminder_state(any_store, rows[f"stay:{stays['dependant']}:window"].id,
                       ReminderState.SNOOZED, until=date(2026, 11, 30), actor=ACTOR, today=today)
    digest = daily_digest(any_store, today=today, within_days=3)
    keys = {i.key for i in digest.items}
    assert not any(k.startswith(f"stay:{stays['sponsor']}:") for k in keys)  # filed
    assert not any(k.startswith(f"stay:{stays['dependant']}:") for k in keys)  # snoozed
    back = daily_digest(any_store, today=date(2026, 11, 30), within_days=3)
    item = next(i for i in back.items if i.key == f"stay:{stays['dependant']}:window")
    assert (item.state, item.effective_date, item.urgency) == (
        ReminderState.SNOOZED, date(2026, 11, 30), Urgency.WINDOW_OPEN)
    assert item.snoozed_until == date(2026, 11, 30)


def test_limit_on_a_holiday_shows_the_last_working_day(any_store: Store) -> None:
    client = add_client(any_store, "YIP", "Holiday")
    add_stay(any_store, add_case(any_store, client, Scheme.GEP), date(2024, 1, 1),
             date(2026, 12, 26))
    refresh_reminders(any_store, lead_days=LEADS)
    digest = daily_digest(any_store, today=date(2026, 12, 20), within_days=0)
    (item,) = [i for i in digest.items if i.kind is ReminderKind.FINAL_WEEK]
    data = item.as_dict()
    assert data["limit_is_general_holiday"] is True
    assert data["last_working_day_on_or_before_limit"] == "2026-12-24"


def test_notification_says_only_what_is_new(any_store: Store) -> None:
    _world(any_store)
    first = summarise(daily_digest(any_store, today=date(2026, 11, 22), within_days=7), ())
    assert first.message.startswith(
        "New: 1 overdue, 2 extension windows open, 1 due within 7 days.")
    again = summarise(daily_digest(any_store, today=date(2026, 11, 22), within_days=7),
                      first.seen)
    assert again.message == "" and again.counts[Urgency.WINDOW_OPEN] == 2
    # A week later LAM's 12-week reminder has passed unattended: only that is new.
    later = summarise(daily_digest(any_store, today=date(2026, 11, 29), within_days=7),
                      first.seen)
    assert [i.client_name for i in later.new_items] == ["LAM Later"]
    assert later.message.startswith("New: 1 overdue.")


def test_one_consultants_digest_as_their_calendar(any_store: Store) -> None:
    import sqlalchemy as sa

    from hkcase.store.models import Case, Consultant, Stay

    stays = _world(any_store)
    with any_store.transaction() as session:
        amy = Consultant(name="Amy Chow")
        session.add(amy)
        session.flush()
        case_id = session.scalar(sa.select(Stay.case_id).where(Stay.id == stays["later"]))
        session.execute(sa.update(Case).where(Case.id == case_id).values(consultant_id=amy.id))
    mine = daily_digest(any_store, today=date(2026, 11, 22), within_days=30,
                        consultant="Amy Chow")
    assert {i.key for i in mine.items} == {f"stay:{stays['later']}:lead:84"}
    assert daily_digest(any_store, today=date(2026, 11, 22), consultant="Nobody").items == ()
