"""The case list's deadline filters and searches return what a straightforward query returns.

``store/queries/case_list.py`` shapes its SQL for speed (candidate cases from the
``stay(limit_of_stay, case_id)`` index, FTS5 driving the join, on PostgreSQL the page's
ids picked from ``search_entry`` first). Here, on a real SQLite file and on PostgreSQL
holding a few hundred generated cases (plus cases whose earlier stay, not their latest,
falls in a filter's range, and ties), every deadline filter, a set of searches and both
together must give exactly the ids, counts and order of a plain reference written below:
each case's latest limit as ``max()`` over its stays, the text matched against
``search_entry`` in Python.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hkcase.domain.search_text import query_parts
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, Stage
from hkcase.services.cases.listing import CaseFilter, DeadlineFilter, to_query
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
from hkcase.store.queries import case_list
from hkcase.store.queries.case_list import CaseQuery, count_cases, list_cases

TODAY = date(2026, 12, 1)
SEARCHES = ("chan", "chan tai", "wong", "lee ka", "陳", "陈", "黃", "李嘉", "2026", "2026-00",
            "2024-00", "07", "0700", "ge", "tai man", "zzz", "a1", "6-000")
SORTS = ("reference", "limit_of_stay", "opened_on", "scheme")


def _case(store: Store, name: str, scheme: Scheme, limits: list[date]) -> int:
    client = create_client(store, ClientInput(
        family_name=name, given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1990, 1, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="t")
    ref = create_case(store, CaseInput(client, scheme, ApplicationType.NEW,
                                       date(2023, 1, 1)), actor="t")
    for number, limit in enumerate(limits):
        record_stay(store, StayInput(ref.id, date(2023, 2, 1) + timedelta(days=number), limit,
                                     extension_number=number), actor="t")
    return ref.id


def _fill(store: Store) -> None:
    generate_demo(store, 300, seed=23, today=TODAY)
    days = (-400, -30, -1, 0, 3, 7, 8, 20, 40, 75, 100, 200)
    for n, offset in enumerate(days):
        limit = TODAY + timedelta(days=offset)
        scheme = (Scheme.GEP, Scheme.TTPS, Scheme.IANG, Scheme.QMAS_GPT)[n % 4]
        _case(store, f"CHAN{n}", scheme, [limit])
        _case(store, f"TIE{n}", scheme, [limit, limit])  # two latest stays: one case
        # An earlier stay in range, the latest not (or the other way round).
        _case(store, f"EXT{n}", scheme, [limit, limit + timedelta(days=365)])
        _case(store, f"OLD{n}", scheme, [limit - timedelta(days=500), limit])


def _reference_rows(store: Store) -> dict[int, tuple[Scheme, Stage, date | None, date]]:
    """Each case: scheme, stage, latest limit (``max``, None without a stay), opened on."""
    with store.reading() as session:
        rows = session.execute(sa.text(
            'SELECT c.id, c.scheme, c.stage, '
            '(SELECT max(s.limit_of_stay) FROM stay s WHERE s.case_id = c.id), c.opened_on '
            'FROM "case" c')).all()
    return {int(i): (Scheme(scheme), Stage(stage), _day(limit), _day(opened))
            for i, scheme, stage, limit, opened in rows}


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _entries(store: Store) -> list[tuple[int, str, str]]:
    with store.reading() as session:
        return [(int(c), d, f) for c, d, f in session.execute(sa.text(
            "SELECT case_id, document, fragments FROM search_entry "
            "WHERE case_id IS NOT NULL"))]


def _text_matches(entries: list[tuple[int, str, str]], text: str) -> set[int] | None:
    """Cases whose entry holds every chunk: its words as whole tokens in order, the last a
    prefix, or (a chunk that looks like a number) its fragment inside the numbers."""
    parts = query_parts(text)
    if not parts:
        return None
    found = set()
    for case_id, document, fragments in entries:
        spaced = " " + document
        if all((part.fragment in fragments) if part.fragment is not None
               else (" " + " ".join(part.phrase)) in spaced for part in parts):
            found.add(case_id)
    return found


def _expected(cases: dict[int, tuple[Scheme, Stage, date | None, date]], query: CaseQuery,
              text_ids: set[int] | None, sort: str, descending: bool) -> list[int]:
    kept = []
    for case_id, (scheme, stage, limit, _opened) in cases.items():
        if text_ids is not None and case_id not in text_ids:
            continue
        if query.open_only and stage is Stage.CLOSED:
            continue
        if query.limit_between:
            if limit is None:
                continue
            low, high = query.limit_between[scheme]
            if (low is not None and limit < low) or (high is not None and limit > high):
                continue
        kept.append(case_id)

    def key(case_id: int) -> tuple[object, ...]:
        scheme, _stage, limit, opened = cases[case_id]
        value: object = {"reference": case_id, "scheme": scheme.value,
                         "opened_on": opened, "limit_of_stay": limit}[sort]
        return (value, case_id)

    return sorted(kept, key=key, reverse=descending)


def _differences(store: Store, query: CaseQuery, want: list[int], sort: str,
                 descending: bool, label: str) -> list[str]:
    """How the store's rows, pages of 7, count and capped count differ from ``want``."""
    with store.reading() as session:
        got = [row.case_id for row in list_cases(
            session, query, sort=sort, descending=descending, limit=10_000)]
        paged = [row.case_id for offset in range(0, len(want) + 7, 7)
                 for row in list_cases(session, query, sort=sort, descending=descending,
                                       offset=offset, limit=7)]
        total = count_cases(session, query)
        capped = count_cases(session, query, cap=5)
    found = []
    if got != want:
        found.append(f"{label}: rows {got[:8]}… != {want[:8]}…")
    if paged != want:
        found.append(f"{label}: pages of 7 differ from the rows")
    if total != len(want) or capped != min(len(want), 6):
        found.append(f"{label}: count {total}/{capped}, want {len(want)}")
    return found


def test_filters_and_searches_return_what_the_reference_returns(
        any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(any_store)
    cases = _reference_rows(any_store)
    entries = _entries(any_store)
    dialect = any_store.engine.dialect.name
    shown: dict[DeadlineFilter, int] = {}
    mismatches: list[str] = []
    for deadline in DeadlineFilter:
        base = to_query(CaseFilter(deadline=deadline), TODAY)
        for text in ("", *SEARCHES):
            query = replace(base, text=text)
            text_ids = _text_matches(entries, text) if text else None
            # Without a deadline some cases have no limit (NULL sorts differently per
            # database): those lists are compared in reference order only.
            sorts = ("reference",) if deadline is DeadlineFilter.ANY else \
                SORTS if not text else ("reference", "limit_of_stay")
            for sort in sorts:
                for descending in (True, False):
                    want = _expected(cases, query, text_ids, sort, descending)
                    mismatches += _differences(
                        any_store, query, want, sort, descending,
                        f"{dialect} {deadline.value} {text!r} {sort} desc={descending}")
            if not text:
                shown[deadline] = len(_expected(cases, query, None, "reference", True))
    # A search alone on PostgreSQL looks among the newest entries first, then all: with a
    # window of 30 entries most pages need the second look.
    monkeypatch.setattr(case_list, "RECENT_ENTRIES", 30)
    for text in SEARCHES:
        query = CaseQuery(text=text)
        for descending in (True, False):
            want = _expected(cases, query, _text_matches(entries, text), "reference",
                             descending)
            mismatches += _differences(any_store, query, want, "reference", descending,
                                       f"{dialect} window of 30 {text!r} desc={descending}")
    assert mismatches == []
    # The data exercises every filter (else the comparison would prove little).
    assert all(shown[d] >= 4 for d in DeadlineFilter), shown
    assert sum(bool(_text_matches(entries, t)) for t in SEARCHES) >= 10
