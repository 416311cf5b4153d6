"""The case sections' one window-function query on SQLite and PostgreSQL: counts, pages."""

from __future__ import annotations

from datetime import date, timedelta

from hkcase.domain.vocab import Scheme
from hkcase.services.cases.listing import CaseFilter, CaseList
from hkcase.services.reminders.dashboard import CASE_SECTIONS, dashboard, section_rows
from hkcase.store import Store
from tests.reminders_support import add_case, add_client, add_stay, close_case


def test_counts_and_pages_equal_the_cases_filters(any_store: Store) -> None:
    today = date(2026, 12, 1)
    offsets = [-400, -3, 0, 5, 9, 20, 35, 50, 80, 120, 150, 400]
    for n, days in enumerate(offsets):
        for scheme in (Scheme.GEP, Scheme.TTPS, Scheme.IANG):
            client = add_client(any_store, f"C{n}{scheme.value}", "Test")
            case = add_case(any_store, client, scheme)
            # An earlier stay whose limit would fall in another section: only the latest counts.
            add_stay(any_store, case, date(2023, 1, 5), today - timedelta(days=500))
            add_stay(any_store, case, date(2024, 1, 5), today + timedelta(days=days), number=1)
    closed = add_case(any_store, add_client(any_store, "CLOSED", "Test"), Scheme.GEP)
    add_stay(any_store, closed, date(2024, 1, 5), today + timedelta(days=3))
    close_case(any_store, closed)

    board = dashboard(any_store, today, verdicts=False)
    total = 0
    for deadline in CASE_SECTIONS:
        listing = CaseList(any_store, CaseFilter(deadline=deadline), sort="limit_of_stay",
                           descending=False, today=today)
        section = board.section(deadline.value)
        assert section.count == listing.count(), deadline
        expected = [i.row.case_id for i in listing.page(0, 100)]
        assert [r.case_id for r in section.rows] == expected[:50]
        paged = [r.case_id for offset in range(0, len(expected), 2) for r in section_rows(
            any_store, deadline.value, today, None, offset=offset, limit=2)]
        assert paged == expected
        total += section.count
    assert board.section("overdue").count == 6  # -400 and -3 days, three schemes each
    assert total >= 3 * 9  # up to 80 days every scheme's window opens within 90 days
    assert closed not in {r.case_id for s in board.sections for r in s.rows}
