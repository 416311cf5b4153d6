"""The case list for the GUI: filters in the consultant's terms, rows with their windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from hkcase.domain.extension_window import WindowTable
from hkcase.domain.vocab import Scheme, Stage
from hkcase.store import Store
from hkcase.store.case_list import CaseListRow, CaseQuery, count_cases, list_cases


class DeadlineFilter(StrEnum):
    ANY = "any"
    OVERDUE = "overdue"
    WINDOW_OPEN = "window_open"
    OPENING_30 = "opening_30"
    OPENING_90 = "opening_90"


@dataclass(frozen=True)
class CaseFilter:
    """The list's search box and filters."""

    text: str = ""
    scheme: Scheme | None = None
    stage: Stage | None = None
    consultant_id: int | None = None
    deadline: DeadlineFilter = DeadlineFilter.ANY


@dataclass(frozen=True, slots=True)
class CaseListItem:
    """A case list row with its extension window and where it stands today."""

    row: CaseListRow
    window_opens: date | None
    #: ``overdue`` (limit passed, case open), ``window_open``, or None.
    deadline: DeadlineFilter | None = None

    @property
    def client_name(self) -> str:
        return f"{self.row.family_name} {self.row.given_names}".strip()


@lru_cache(maxsize=1)
def _windows() -> WindowTable:
    return WindowTable()


def latest_limit_with_open_window(scheme: Scheme, day: date) -> date:
    """The latest limit of stay whose extension window is open on ``day``."""
    table = _windows()
    latest = day
    # Windows are at most a few months long; step until the opening passes ``day``.
    for offset in range(0, 200):
        candidate = day + timedelta(days=offset)
        if table.opening(scheme, candidate)[0] <= day:
            latest = candidate
    return latest


def _limit_bounds(deadline: DeadlineFilter, today: date
                  ) -> dict[Scheme, tuple[date | None, date | None]]:
    if deadline is DeadlineFilter.ANY:
        return {}
    if deadline is DeadlineFilter.OVERDUE:
        return {s: (None, today - timedelta(days=1)) for s in Scheme}
    days = {DeadlineFilter.WINDOW_OPEN: 0, DeadlineFilter.OPENING_30: 30,
            DeadlineFilter.OPENING_90: 90}[deadline]
    return {s: (today, latest_limit_with_open_window(s, today + timedelta(days=days)))
            for s in Scheme}


def searchable(text: str) -> bool:
    """Whether typed text narrows the list: one Latin letter or digit does not yet.

    A single Latin character matches a large share of any office's cases and is
    slow to look up; a single Chinese character (a surname) is useful and fast.
    """
    cleaned = text.strip()
    return bool(cleaned) and not (len(cleaned) == 1 and cleaned.isascii())


def to_query(f: CaseFilter, today: date | None = None) -> CaseQuery:
    """The store query for a filter on ``today``."""
    day = today or date.today()
    return CaseQuery(
        text=f.text if searchable(f.text) else "",
        schemes=(f.scheme,) if f.scheme else (),
        stages=(f.stage,) if f.stage else (),
        consultant_ids=(f.consultant_id,) if f.consultant_id else (),
        limit_between=_limit_bounds(f.deadline, day),
        open_only=f.deadline is not DeadlineFilter.ANY,
    )


class CaseList:
    """Counts and pages of the case list for one filter and sort order."""

    def __init__(self, store: Store, f: CaseFilter | None = None, *, sort: str = "reference",
                 descending: bool = True, today: date | None = None) -> None:
        self.store = store
        self.filter = f or CaseFilter()
        self.sort = sort
        self.descending = descending
        self.today = today or date.today()
        self.query = to_query(self.filter, self.today)

    def count(self, cap: int | None = None) -> int:
        """How many cases match; with ``cap``, ``cap + 1`` stands for "more than cap"."""
        with self.store.reading() as session:
            return count_cases(session, self.query, cap=cap)

    def page(self, offset: int, limit: int) -> list[CaseListItem]:
        with self.store.reading() as session:
            rows = list_cases(session, self.query, sort=self.sort, descending=self.descending,
                              offset=offset, limit=limit)
        table = _windows()
        items = []
        for row in rows:
            opens = table.opening(row.scheme, row.limit_of_stay)[0] if row.limit_of_stay \
                else None
            items.append(CaseListItem(row, opens, _standing(row, opens, self.today)))
        return items


def _standing(row: CaseListRow, opens: date | None, today: date) -> DeadlineFilter | None:
    limit = row.limit_of_stay
    if limit is None or row.stage is Stage.CLOSED:
        return None
    if limit < today:
        return DeadlineFilter.OVERDUE
    if opens is not None and opens <= today:
        return DeadlineFilter.WINDOW_OPEN
    return None
