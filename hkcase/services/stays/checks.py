"""Plausibility of a limit of stay against the scheme's estimate, inside the saving session."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import tr
from hkcase.domain.plausibility import (
    Impossible,
    Question,
    limit_of_stay_questions,
    longest_stay_months,
    stay_estimate,
)
from hkcase.services.edits import impossible
from hkcase.store.models import Case, Stay


def stay_questions(session: Session, case: Case, *, extension_number: int, granted_on: date,
                   limit: date, entry_date: date | None) -> list[Question]:
    """Questions to ask before saving this stay; ``ValidationError`` for an impossible one."""
    if entry_date is not None and limit <= entry_date:
        raise impossible(Impossible("limit_of_stay",
                                    tr("the limit of stay must fall after the entry date")))
    previous = None
    if extension_number > 0:
        previous = session.scalar(sa.select(Stay.limit_of_stay).where(
            Stay.case_id == case.id, Stay.extension_number == extension_number - 1))
    estimate = stay_estimate(case.scheme, extension_number, granted_on, entry_date, previous,
                             case.contract_end)
    start = (entry_date or granted_on) if extension_number == 0 else (previous or granted_on)
    try:
        return limit_of_stay_questions(scheme=case.scheme, limit=limit, granted_on=granted_on,
                                       start=start, estimate=estimate,
                                       longest_months=longest_stay_months(case.scheme))
    except Impossible as exc:
        raise impossible(exc) from None
