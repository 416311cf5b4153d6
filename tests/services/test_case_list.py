"""The case list: filters, deadlines by the scheme's window, sorting and paging in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, Stage
from hkcase.services.cases.listing import (
    CaseFilter,
    CaseList,
    DeadlineFilter,
    latest_limit_with_open_window,
)
from hkcase.services.demo.generate import generate_demo
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


def _case(store: Store, name: str, scheme: Scheme, limit: date | None,
          stage: Stage | None = None) -> int:
    client = create_client(store, ClientInput(
        family_name=name, given_names="A", sex=Sex.FEMALE, date_of_birth=date(1990, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="t")
    ref = create_case(store, CaseInput(client, scheme, ApplicationType.NEW, date(2024, 1, 1)),
                      actor="t")
    if limit is not None:
        record_stay(store, StayInput(ref.id, date(2024, 2, 1), limit), actor="t")
    return ref.id


@pytest.fixture
def deadlines(any_store: Store) -> dict[str, int]:
    return {
        "overdue": _case(any_store, "OVER", Scheme.GEP, TODAY - timedelta(days=1)),
        "gep_open": _case(any_store, "GEPOPEN", Scheme.GEP, TODAY + timedelta(days=28)),
        "gep_closed": _case(any_store, "GEPLATER", Scheme.GEP, TODAY + timedelta(days=29)),
        "ttps_open": _case(any_store, "TTPSOPEN", Scheme.TTPS, date(2027, 2, 22)),
        "ttps_later": _case(any_store, "TTPSLATER", Scheme.TTPS, date(2027, 2, 23)),
        "far": _case(any_store, "FAR", Scheme.GEP, TODAY + timedelta(days=200)),
        "none": _case(any_store, "NOSTAY", Scheme.GEP, None),
    }


def _ids(store: Store, f: CaseFilter) -> set[int]:
    listing = CaseList(store, f, today=TODAY)
    items = listing.page(0, 1000)
    assert listing.count() == len(items)
    return {item.row.case_id for item in items}


def test_window_rules_come_from_the_domain() -> None:
    assert latest_limit_with_open_window(Scheme.GEP, TODAY) == TODAY + timedelta(days=28)
    assert latest_limit_with_open_window(Scheme.TTPS, TODAY) == date(2027, 2, 22)


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [(DeadlineFilter.OVERDUE, {"overdue"}),
     (DeadlineFilter.WINDOW_OPEN, {"gep_open", "ttps_open"}),
     # Exclusive, as the dashboard's sections: an open window is not "opening".
     (DeadlineFilter.OPENING_30, {"gep_closed", "ttps_later"}),
     (DeadlineFilter.LIMIT_7_DAYS, set()),
     (DeadlineFilter.ANY, {"overdue", "gep_open", "gep_closed", "ttps_open", "ttps_later",
                           "far", "none"})],
)
def test_deadline_filters(any_store: Store, deadlines: dict[str, int],
                          deadline: DeadlineFilter, expected: set[str]) -> None:
    assert _ids(any_store, CaseFilter(deadline=deadline)) == {deadlines[k] for k in expected}


def test_filters_combine_with_search(any_store: Store, deadlines: dict[str, int]) -> None:
    assert _ids(any_store, CaseFilter(text="ttps", scheme=Scheme.TTPS)) == {
        deadlines["ttps_open"], deadlines["ttps_later"]}
    assert _ids(any_store, CaseFilter(text="ttpsopen", deadline=DeadlineFilter.WINDOW_OPEN)) \
        == {deadlines["ttps_open"]}
    assert _ids(any_store, CaseFilter(stage=Stage.CLOSED)) == set()


def test_items_carry_their_window(any_store: Store, deadlines: dict[str, int]) -> None:
    items = {i.row.case_id: i for i in CaseList(any_store, today=TODAY).page(0, 100)}
    assert items[deadlines["ttps_open"]].window_opens == date(2026, 11, 22)
    assert items[deadlines["gep_open"]].window_opens == TODAY
    assert items[deadlines["none"]].window_opens is None


@pytest.mark.parametrize("sort", ["reference", "client", "chinese_name", "scheme", "stage",
                                  "consultant", "limit_of_stay", "opened_on"])
def test_sorting_and_paging_cover_every_case_once(sqlite_store: Store, sort: str) -> None:
    generate_demo(sqlite_store, 300, seed=9)
    listing = CaseList(sqlite_store, sort=sort, descending=False)
    total = listing.count()
    seen = [item.row.case_id for offset in range(0, total, 70)
            for item in listing.page(offset, 70)]
    assert len(seen) == len(set(seen)) == total


def test_sorting_by_limit_of_stay(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 100, seed=9)
    limits = [i.row.limit_of_stay for i in CaseList(sqlite_store, sort="limit_of_stay",
                                                     descending=False).page(0, 500)]
    known = [d for d in limits if d is not None]
    assert known == sorted(known)


def test_sorting_by_chinese_name_follows_pinyin(any_store: Store) -> None:
    from hkcase.domain.names import sorted_by_chinese_name

    names = ["張三", "陳大文", "曾志偉", "區嘉雯", "何家勁", None]
    for number, name in enumerate(names):
        client = create_client(any_store, ClientInput(
            family_name=f"N{number}", given_names="A", sex=Sex.FEMALE,
            date_of_birth=date(1990, 1, 1), nationality="GB", residence=Residence.OVERSEAS,
            chinese_name=name), actor="t")
        create_case(any_store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                         date(2024, 1, 1)), actor="t")
    shown = [i.row.chinese_name for i in CaseList(any_store, sort="chinese_name",
                                                   descending=False).page(0, 50)]
    assert shown == [*sorted_by_chinese_name([n for n in names if n]), None]


def test_capped_count(sqlite_store: Store) -> None:
    from hkcase.store.queries.case_list import CaseQuery, count_cases

    generate_demo(sqlite_store, 60, seed=2)
    with sqlite_store.reading() as session:
        exact = count_cases(session, CaseQuery())
        assert count_cases(session, CaseQuery(), cap=10) == 11
        assert count_cases(session, CaseQuery(), cap=exact + 5) == exact


@pytest.mark.parametrize(("text", "narrows"), [("c", False), ("7", False), (" ", False),
                                                ("ch", True), ("陳", True), ("e1", True)])
def test_one_latin_character_does_not_search_yet(text: str, narrows: bool) -> None:
    from hkcase.services.cases.listing import searchable

    assert searchable(text) is narrows


def test_items_say_where_they_stand(any_store: Store, deadlines: dict[str, int]) -> None:
    items = {i.row.case_id: i for i in CaseList(any_store, today=TODAY).page(0, 100)}
    assert items[deadlines["overdue"]].deadline is DeadlineFilter.OVERDUE
    assert items[deadlines["gep_open"]].deadline is DeadlineFilter.WINDOW_OPEN
    assert items[deadlines["far"]].deadline is None
    assert items[deadlines["none"]].deadline is None
