"""The case list for the GUI: filters in the consultant's terms, rows with their windows."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from hkcase.domain.labels import label
from hkcase.domain.messages import current_language
from hkcase.domain.stay.extension_window import WindowTable
from hkcase.domain.vocab import Scheme, Stage
from hkcase.store import Store
from hkcase.store.queries.case_list import CaseListRow, CaseQuery, count_cases, list_cases

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class DeadlineFilter(StrEnum):
    """Where a case's current limit of stay stands today; one case is in one of these.

    The dashboard's case sections are these filters, so its counts are the Cases
    tab's counts for the same filter.
    """

    ANY = "any"
    OVERDUE = "overdue"  # the limit of stay has passed
    LIMIT_7_DAYS = "limit_7_days"  # today to today + 7 days
    WINDOW_OPEN = "window_open"  # window open, limit more than 7 days away
    OPENING_30 = "opening_30"  # window not open yet, opens within 30 days
    OPENING_90 = "opening_90"  # window opens in 31 to 90 days


def deadline_label(deadline: DeadlineFilter) -> str:
    """The consultant's words for a filter (the Cases tab's choices, the dashboard's case
    sections), in the current language: the label catalogue's ``DeadlineFilter``."""
    return label(deadline, current_language())


FINAL_DAYS = 7


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


@lru_cache(maxsize=512)
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
    final = today + timedelta(days=FINAL_DAYS)
    if deadline is DeadlineFilter.LIMIT_7_DAYS:
        return {s: (today, final) for s in Scheme}
    after_final = final + timedelta(days=1)
    bounds: dict[Scheme, tuple[date | None, date | None]] = {}
    for scheme in Scheme:
        open_now = latest_limit_with_open_window(scheme, today)
        if deadline is DeadlineFilter.WINDOW_OPEN:
            bounds[scheme] = (after_final, open_now)
            continue
        in_30 = latest_limit_with_open_window(scheme, today + timedelta(days=30))
        if deadline is DeadlineFilter.OPENING_30:
            low = max(open_now, final) + timedelta(days=1)
            bounds[scheme] = (low, in_30)
        else:
            in_90 = latest_limit_with_open_window(scheme, today + timedelta(days=90))
            bounds[scheme] = (in_30 + timedelta(days=1), in_90)
    return bounds


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

    def page(self, offset: int, limit: int, *, session: Session | None = None
             ) -> list[CaseListItem]:
        """One page; in ``session`` when given (a caller reading more in one transaction)."""
        with nullcontext(session) if session is not None else self.store.reading() as reading:
            rows = list_cases(reading, self.query, sort=self.sort, descending=self.descending,
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
    if limit <= today + timedelta(days=FINAL_DAYS):
        return DeadlineFilter.LIMIT_7_DAYS
    if opens is not None and opens <= today:
        return DeadlineFilter.WINDOW_OPEN
    return None
