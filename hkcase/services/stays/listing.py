"""A case's stays as the stay tab shows them: printed limit, estimate, window, reminders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from hkcase.domain.holidays_hk import day_info
from hkcase.domain.messages import tr
from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.stay.extension_window import extension_window
from hkcase.domain.vocab import AuditAction, ReminderKind, ReminderState
from hkcase.services.cases.detail import CaseDetail, StayRow
from hkcase.services.edits import Edited, ask, assign, check_version, old_values, touch
from hkcase.services.errors import ValidationError
from hkcase.services.records import StayInput, add_stay
from hkcase.services.reminders.refresh import lead_days_or_error, refresh_in_session
from hkcase.services.stays.checks import stay_questions
from hkcase.services.trash.bin import Deletion, trash_record
from hkcase.store import Store, audit
from hkcase.store.models import Case, Reminder, Stay


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
    stay_id: int | None = None


def case_reminders(store: Store, case_id: int) -> list[ReminderRow]:
    """The case's reminders, by due date."""
    with store.reading() as session:
        return [ReminderRow(r.id, r.kind, r.title, r.due_date, r.state, r.snoozed_until,
                            r.stay_id)
                for r in session.scalars(sa.select(Reminder).where(Reminder.case_id == case_id)
                                         .order_by(Reminder.due_date, Reminder.id))]


def record_printed_stay(store: Store, data: StayInput, *, actor: str,
                        lead_days: Sequence[int], confirm: bool = True) -> int:
    """Record a stay as printed on the visa and bring the client's reminders up to date,
    in one transaction: a failure in either leaves neither.

    With ``confirm=False`` an implausible limit raises ``NeedsConfirmation`` first.
    """
    leads = lead_days_or_error(lead_days)  # a bad setting refuses before anything is written
    with store.transaction() as session:
        stay = add_stay(session, data, actor=actor, confirm=confirm)
        client_id = session.get_one(Case, data.case_id).client_id
        refresh_in_session(session, lead_days=leads, clients=[client_id])
        return stay.id


STAY_FIELDS = ("extension_number", "granted_on", "entry_date", "limit_of_stay",
               "condition_of_stay")


def get_stay(store: Store, stay_id: int) -> tuple[int, StayRow]:
    """``(case_id, stay)`` for the stay dialog."""
    with store.reading() as session:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise ValidationError("stay", tr("that stay no longer exists (deleted meanwhile?)"))
        return stay.case_id, StayRow(stay.id, stay.extension_number, stay.granted_on,
                                     stay.entry_date, stay.limit_of_stay,
                                     stay.condition_of_stay)


def update_stay(store: Store, stay_id: int, changes: Mapping[str, Any], *, actor: str,
                lead_days: Sequence[int], expected_version: int | None = None,
                confirm: bool = True) -> Edited:
    """Correct a recorded stay (audited old → new; raises the case's version).

    ``expected_version`` is the case's. With ``confirm=False`` an implausible limit
    raises ``NeedsConfirmation``. The client's reminders are brought up to date in the
    same transaction.
    """
    leads = lead_days_or_error(lead_days)
    with store.transaction() as session:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise ValidationError("stay", tr("that stay no longer exists (deleted meanwhile?)"))
        case = session.get_one(Case, stay.case_id)
        check_version(case, expected_version)
        before = old_values(stay, changes)
        assign(stay, changes, STAY_FIELDS)
        if stay.extension_number is None or stay.extension_number < 0:
            raise ValidationError("extension_number", tr("the stay number must be 0 or more"))
        if stay.limit_of_stay is None or stay.granted_on is None:
            raise ValidationError("limit_of_stay", tr("give the grant date and the limit of "
                                                      "stay"))
        ask(stay_questions(session, case, extension_number=stay.extension_number,
                           granted_on=stay.granted_on, limit=stay.limit_of_stay,
                           entry_date=stay.entry_date), confirm)
        diff = audit.pending_changes(stay)
        if diff:
            try:
                audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=stay,
                             changes=diff)
            except IntegrityError:
                raise ValidationError("extension_number", tr(
                    "this case already has a stay numbered {number}",
                    number=stay.extension_number)) from None
            touch(case)
            session.flush()
        edited = Edited("stay", stay_id, before, old_values(stay, changes), case.version)
        refresh_in_session(session, lead_days=leads, clients=[case.client_id])
        return edited


def delete_stay(store: Store, stay_id: int, *, actor: str, lead_days: Sequence[int],
                expected_version: int | None = None) -> Deletion:
    """Move a stay (and its reminders) to the Trash and bring the client's reminders up to
    date, in one transaction."""
    leads = lead_days_or_error(lead_days)
    with store.transaction() as session:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise ValidationError("stay", tr("that stay no longer exists (deleted meanwhile?)"))
        client_id = session.get_one(Case, stay.case_id).client_id
        deletion = trash_record(session, "stay", stay_id, actor=actor,
                                expected_version=expected_version)
        refresh_in_session(session, lead_days=leads, clients=[client_id])
        return deletion
