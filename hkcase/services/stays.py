"""A case's stays as the stay tab shows them: printed limit, estimate, window, reminders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from hkcase.domain.extension_window import extension_window
from hkcase.domain.holidays_hk import day_info
from hkcase.domain.stay import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.vocab import ReminderKind, ReminderState
from hkcase.services.case_detail import CaseDetail, StayRow
from hkcase.services.records import StayInput, record_stay
from hkcase.services.reminders import refresh_reminders
from hkcase.store import Store
from hkcase.store.models import Case, Reminder


@dataclass(frozen=True)
class StayView:
    """One granted stay with what hkcase derives from it."""

    stay: StayRow
    estimated_limit: date | None
    window_opens: date
    window_rule: str
    limit_holiday: str | None
    last_working_day: date
    review: tuple[str, ...]


def _estimate(case: CaseDetail, stay: StayRow, previous: date | None) -> date | None:
    if stay.extension_number == 0:
        question = StayQuestion(scheme=case.scheme, entry_date=stay.entry_date or stay.granted_on,
                                approval_date=stay.granted_on, contract_end=case.contract_end)
    elif previous is not None:
        question = StayQuestion(scheme=case.scheme, previous_limit=previous,
                                extension=stay.extension_number, approval_date=stay.granted_on,
                                contract_end=case.contract_end)
    else:
        return None  # the previous limit is on another case
    try:
        return estimate_stay(question).estimated_limit
    except StayQuestionError:
        return None  # e.g. a dependant's stay follows the sponsor's


def stay_views(case: CaseDetail) -> list[StayView]:
    """Each stay of the case with its estimate (the printed date always wins) and window."""
    views = []
    previous: date | None = None
    for stay in case.stays:
        window = extension_window(case.scheme, stay.limit_of_stay)
        day = day_info(stay.limit_of_stay)
        views.append(StayView(
            stay=stay,
            estimated_limit=_estimate(case, stay, previous),
            window_opens=window.opens,
            window_rule=window.rule,
            limit_holiday=day.holiday_name,
            last_working_day=day.last_working_day_on_or_before,
            review=window.review))
        previous = stay.limit_of_stay
    return views


@dataclass(frozen=True)
class ReminderRow:
    id: int
    kind: ReminderKind
    title: str
    due_date: date
    state: ReminderState
    snoozed_until: date | None


def case_reminders(store: Store, case_id: int) -> list[ReminderRow]:
    """The case's reminders, by due date."""
    with store.reading() as session:
        return [ReminderRow(r.id, r.kind, r.title, r.due_date, r.state, r.snoozed_until)
                for r in session.scalars(sa.select(Reminder).where(Reminder.case_id == case_id)
                                         .order_by(Reminder.due_date, Reminder.id))]


def record_printed_stay(store: Store, data: StayInput, *, actor: str,
                        lead_days: Sequence[int]) -> int:
    """Record a stay as printed on the visa, then bring the client's reminders up to date."""
    stay_id = record_stay(store, data, actor=actor)
    with store.reading() as session:
        client_id = session.scalars(sa.select(Case.client_id).where(Case.id == data.case_id)).one()
    refresh_reminders(store, lead_days=lead_days, clients=[client_id])
    return stay_id
