"""The dashboard's "decisions expected": filing date + ImmD's published time, in SQL pages."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from hkcase.domain.filing.fees import expected_decision
from hkcase.domain.vocab import ApplicationType, Scheme, Stage
from hkcase.services.reminders.dashboard import (
    DECISIONS,
    dashboard,
    decisions_section,
    section_rows,
)
from hkcase.store import Store
from hkcase.store.models import Case
from tests.reminders_support import add_case, add_client


def _filed(store: Store, name: str, filed: date, *, stage: Stage = Stage.SUBMITTED) -> int:
    case = add_case(store, add_client(store, name, "Test"), Scheme.GEP,
                    opened=filed - timedelta(days=30))
    with store.transaction() as session:
        session.execute(sa.update(Case).where(Case.id == case).values(
            stage=stage, submitted_on=filed,
            decided_on=filed + timedelta(days=5) if stage is Stage.DECIDED else None))
    return case


def test_expected_decisions_soonest_first_and_paged(any_store: Store) -> None:
    today = date(2026, 12, 1)
    recent = _filed(any_store, "RECENT", today - timedelta(days=10))
    late = _filed(any_store, "LATE", today - timedelta(days=40))
    same_day = [_filed(any_store, f"SAME{i}", today - timedelta(days=20)) for i in range(3)]
    _filed(any_store, "DECIDED", today - timedelta(days=15), stage=Stage.DECIDED)
    _filed(any_store, "UNPUBLISHED", date(2025, 1, 6))  # before the published times' data
    board = dashboard(any_store, today, verdicts=False)
    section = board.section(DECISIONS)
    assert section.milestone and section.note and "estimate" in section.note
    assert section.count == 5
    assert [r.case_id for r in section.rows] == [late, *same_day, recent]
    expected = expected_decision(Scheme.GEP, ApplicationType.NEW, today - timedelta(days=10))
    assert expected is not None
    assert section.rows[-1].day == expected.around == today + timedelta(days=18)
    assert f"around {expected.around}" in section.rows[-1].what
    assert "ImmD's time 4 weeks" in section.rows[-1].what  # GEP new: 4 weeks published
    assert "ask ImmD" in section.rows[0].what and section.rows[0].day < today

    # Pages cut through a group of cases filed the same day.
    first = decisions_section(any_store, today, None, limit=2).rows
    rest = section_rows(any_store, DECISIONS, today, None, offset=2, limit=2)
    last = section_rows(any_store, DECISIONS, today, None, offset=4, limit=2)
    assert [r.case_id for r in (*first, *rest, *last)] == [late, *same_day, recent]


def test_only_my_cases_and_the_horizon(any_store: Store) -> None:
    today = date(2026, 12, 1)
    _filed(any_store, "SOON", today)  # around today + 4 weeks: within 90 days
    section = decisions_section(any_store, today, None)
    assert section.count == 1
    assert decisions_section(any_store, today - timedelta(days=100), None).count == 0
    assert decisions_section(any_store, today, 999_999).count == 0
