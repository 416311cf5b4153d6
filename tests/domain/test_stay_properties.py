"""Properties over many dates: windows open before limits, plans never duplicate a reminder."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hkcase.domain.reminders.plan import (
    STAY_DEADLINE_KINDS,
    SponsorLink,
    StayFact,
    TravelDocumentFact,
    plan_reminders,
)
from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.stay.extension_window import WindowTable, extension_window
from hkcase.domain.vocab import Scheme

dates = st.dates(min_value=date(2016, 1, 1), max_value=date(2034, 12, 31))
schemes = st.sampled_from(list(Scheme))


@given(scheme=schemes, limit=dates, category=st.sampled_from([None, "A", "B", "C"]))
def test_window_always_opens_before_the_limit(scheme: Scheme, limit: date,
                                              category: str | None) -> None:
    window = extension_window(scheme, limit, category=category)
    assert window.opens < limit
    assert limit - window.opens >= timedelta(days=28)  # never later than the general rule
    assert window.is_open_on(window.opens) and window.is_open_on(limit)
    assert WindowTable().opening(scheme, limit) == (window.opens, window.rule)


@given(scheme=schemes, start=dates, months=st.one_of(st.none(), st.integers(1, 120)),
       number=st.integers(0, 3), category=st.sampled_from(["A", "B", "C"]),
       top_tier=st.booleans())
@settings(max_examples=300)
def test_estimates_end_after_they_start_and_windows_open_before(
    scheme: Scheme, start: date, months: int | None, number: int, category: str,
    top_tier: bool,
) -> None:
    q = StayQuestion(
        scheme,
        entry_date=start if number == 0 else None,
        previous_limit=start if number else None,
        extension=number or None,
        category=category if scheme is Scheme.TTPS else None,
        sponsor_limit=start + timedelta(days=700) if scheme is Scheme.DEPENDANT else None,
        months=months,
        top_tier=top_tier and number > 0,
    )
    try:
        e = estimate_stay(q)
    except StayQuestionError:
        return  # e.g. no pattern before a scheme opened, or no such extension
    assert e.limit_of_stay > e.start_date
    assert e.window.opens < e.limit_of_stay
    assert e.limit_day.last_working_day_on_or_before <= e.limit_of_stay
    assert e.rule_set.id and e.rule_set.sources


@st.composite
def facts(draw: st.DrawFn) -> tuple[list[StayFact], list[TravelDocumentFact], list[SponsorLink]]:
    clients = draw(st.integers(1, 6))
    stays = []
    for stay_id in range(1, draw(st.integers(0, 12)) + 1):
        granted = draw(dates)
        stays.append(StayFact(
            stay_id, case_id=100 + stay_id, client_id=draw(st.integers(1, clients)),
            scheme=draw(schemes), granted_on=granted,
            limit_of_stay=granted + timedelta(days=draw(st.integers(1, 3000))),
            entry_date=draw(st.one_of(st.none(), st.just(granted))),
            extension_number=draw(st.integers(0, 3))))
    documents = [TravelDocumentFact(n, draw(st.integers(1, clients)), "passport", draw(dates))
                 for n in range(1, draw(st.integers(0, 6)) + 1)]
    links = [SponsorLink(s, d) for s, d in draw(st.sets(
        st.tuples(st.integers(1, clients), st.integers(1, clients)), max_size=4)) if s != d]
    return stays, documents, links


@given(data=facts(), lead_days=st.lists(st.integers(1, 200), min_size=1, max_size=5))
@settings(max_examples=300)
def test_plans_never_duplicate_a_reminder_and_are_stable(
    data: tuple[list[StayFact], list[TravelDocumentFact], list[SponsorLink]],
    lead_days: list[int],
) -> None:
    stays, documents, links = data
    plan = plan_reminders(stays, documents, [], links, lead_days)
    keys = [p.key for p in plan]
    assert len(keys) == len(set(keys))
    # One extension reminder per stay and date: no two fall due on the same day.
    per_stay_day = [(p.stay_id, p.due_date) for p in plan if p.kind in STAY_DEADLINE_KINDS]
    assert len(per_stay_day) == len(set(per_stay_day))
    # Planning is a function of the facts: the same facts, in any order, the same plan.
    again = plan_reminders(list(reversed(stays)), list(reversed(documents)), [], links,
                           list(reversed(lead_days)))
    assert sorted(again) == sorted(plan)
    assert all(len(p.title) <= 300 and len(p.key) <= 120 for p in plan)
