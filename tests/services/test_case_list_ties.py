"""The deadline filter counts a case once when two of its stays share the latest limit.

A case's stay corrected by recording it again (or a second stay printed with the same
limit) left two "latest" stays: the join found both, so the count said 2 and the page
showed the case twice. The count and the rows must agree, and the query keeps using
the stay indexes (checked with SQLite's EXPLAIN QUERY PLAN).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.cases.listing import CaseFilter, CaseList, DeadlineFilter
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store

TODAY = date(2026, 11, 22)


def _case_with_stays(store: Store, name: str, limits: list[date]) -> int:
    client = create_client(store, ClientInput(
        family_name=name, given_names="A", sex=Sex.FEMALE, date_of_birth=date(1990, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="t")
    ref = create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                       date(2024, 1, 1)), actor="t")
    for number, limit in enumerate(limits):
        record_stay(store, StayInput(ref.id, date(2024, 2, 1) + timedelta(days=number), limit,
                                     extension_number=number), actor="t")
    return ref.id


@pytest.mark.parametrize("deadline, limit", [
    (DeadlineFilter.OVERDUE, TODAY - timedelta(days=3)),
    (DeadlineFilter.LIMIT_7_DAYS, TODAY + timedelta(days=3)),
    (DeadlineFilter.WINDOW_OPEN, TODAY + timedelta(days=28)),
])
def test_two_stays_with_the_same_latest_limit_count_once(
        any_store: Store, deadline: DeadlineFilter, limit: date) -> None:
    tied = _case_with_stays(any_store, "TIED", [limit, limit])
    single = _case_with_stays(any_store, "SINGLE", [limit])
    # An older stay ending later than the latest's limit is not "the latest" stay's tie.
    earlier = _case_with_stays(any_store, "EARLIER", [limit - timedelta(days=400), limit])
    listing = CaseList(any_store, CaseFilter(deadline=deadline), today=TODAY)
    items = listing.page(0, 100)
    ids = [item.row.case_id for item in items]
    assert sorted(ids) == sorted([tied, single, earlier])  # each case once
    assert listing.count() == len(items) == 3
    assert listing.count(cap=10) == 3
    assert all(item.row.limit_of_stay == limit for item in items)


def test_a_tie_outside_the_range_is_not_shown(any_store: Store) -> None:
    far = TODAY + timedelta(days=400)
    _case_with_stays(any_store, "FAR", [far, far])
    listing = CaseList(any_store, CaseFilter(deadline=DeadlineFilter.WINDOW_OPEN), today=TODAY)
    assert listing.count() == 0 and listing.page(0, 10) == []


@pytest.fixture
def captured(sqlite_store: Store) -> Iterator[list[tuple[str, Any]]]:
    """Every statement the store runs, with its parameters."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    engine = sqlite_store.engine
    sa.event.listen(engine, "before_cursor_execute", keep)
    yield statements
    sa.event.remove(engine, "before_cursor_execute", keep)


def test_the_deadline_query_plan_uses_the_stay_indexes(
        sqlite_store: Store, captured: list[tuple[str, Any]]) -> None:
    for n in range(30):
        limit = TODAY + timedelta(days=n * 7)
        _case_with_stays(sqlite_store, f"C{n}", [limit, limit] if n % 3 == 0 else [limit])
    with sqlite_store.transaction() as session:
        session.execute(sa.text("ANALYZE"))
    captured.clear()
    listing = CaseList(sqlite_store, CaseFilter(deadline=DeadlineFilter.WINDOW_OPEN),
                       today=TODAY)
    listing.count()
    listing.page(0, 200)
    queries = [(s, p) for s, p in captured if "FROM \"case\"" in s or "FROM case" in s]
    assert len(queries) == 2, [s for s, _ in captured]
    with sqlite_store.engine.connect() as connection:
        for statement, parameters in queries:
            plan = [row[-1] for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters)]
            text = "\n".join(plan)
            # The latest stay comes from the limit index, the tie check from (case, limit).
            assert "USING INDEX ix_stay_limit_of_stay" in text or \
                "USING COVERING INDEX ix_stay_limit_of_stay" in text, text
            assert "ix_stay_case_id_limit_of_stay" in text, text
            assert not any(line.startswith("SCAN") and " stay" in line.split("USING")[0]
                           and "INDEX" not in line for line in plan), text
