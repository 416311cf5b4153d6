"""The case list: one filtered, sorted page of cases at a time, as plain rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from hkcase.domain.vocab import ApplicationType, Outcome, Scheme, Stage
from hkcase.store.models import Case, Client, Consultant, SearchEntry, Stay
from hkcase.store.queries.search import fts_driver, matching_case_ids, matching_cases


@dataclass(frozen=True, slots=True)
class CaseListRow:
    case_id: int
    reference: str
    client_id: int
    family_name: str
    given_names: str
    chinese_name: str | None
    scheme: Scheme
    application_type: ApplicationType
    stage: Stage
    outcome: Outcome
    consultant: str | None
    opened_on: date
    limit_of_stay: date | None


@dataclass(frozen=True)
class CaseQuery:
    """What the list shows: search text, filters, and the latest limit a deadline allows.

    ``limit_between`` keeps cases whose limit of stay falls in ``[low, high]``
    for their scheme (the services turn "window open" and "opening within N
    days" into these bounds with the domain's window rules).
    """

    text: str = ""
    schemes: tuple[Scheme, ...] = ()
    stages: tuple[Stage, ...] = ()
    consultant_ids: tuple[int, ...] = ()
    limit_between: Mapping[Scheme, tuple[date | None, date | None]] = field(default_factory=dict)
    open_only: bool = False


SORT_KEYS = ("reference", "client", "chinese_name", "scheme", "stage", "consultant",
             "limit_of_stay", "opened_on")


def _limit() -> sa.ScalarSelect[date]:
    return (sa.select(sa.func.max(Stay.limit_of_stay)).where(Stay.case_id == Case.id)
            .scalar_subquery())


def _filtered(session: Session, query: CaseQuery, columns: Sequence[Any], *,
              joins: bool = True) -> tuple[sa.Select[Any], Any]:
    """The filtered statement and the case id to order by (the FTS rowid when it drives)."""
    driver = fts_driver(session, query.text) if query.text.strip() else None
    order_id: Any = Case.id
    if driver is not None:
        table, rowid, conditions = driver
        statement = (sa.select(*columns).select_from(table).join(Case, Case.id == rowid)
                     .where(*conditions))
        order_id = rowid
    else:
        statement = sa.select(*columns).select_from(Case)
    if joins:  # every filter is on the case itself: counting needs no joins
        statement = (statement.join(Client, Client.id == Case.client_id)
                     .outerjoin(Consultant, Consultant.id == Case.consultant_id))
    if query.text.strip() and driver is None:
        condition = matching_cases(session, query.text)
        statement = statement.where(condition if condition is not None else sa.false())
    if query.schemes:
        statement = statement.where(Case.scheme.in_(query.schemes))
    if query.stages:
        statement = statement.where(Case.stage.in_(query.stages))
    if query.consultant_ids:
        statement = statement.where(Case.consultant_id.in_(query.consultant_ids))
    if query.open_only:
        statement = statement.where(Case.stage != Stage.CLOSED)
    if query.limit_between:
        # Join each case's latest stay (no later stay on the same case) and test its
        # limit; schemes sharing the same bounds share one condition. Two stays with the
        # same latest limit are one case: the higher id stands for both (the count and
        # the rows must agree).
        latest, later = aliased(Stay), aliased(Stay)
        statement = statement.join(latest, latest.case_id == Case.id).where(~sa.exists().where(
            later.case_id == latest.case_id,
            sa.or_(later.limit_of_stay > latest.limit_of_stay,
                   sa.and_(later.limit_of_stay == latest.limit_of_stay,
                           later.id > latest.id))))
        # Each scheme's bounds as CASE expressions (no OR), plus the overall range, so
        # the database drives the join from the limit_of_stay index.
        overall: list[sa.ColumnElement[bool]] = []
        for position, pick in ((0, min), (1, max)):
            values = {scheme: bounds[position] for scheme, bounds in query.limit_between.items()}
            known = [v for v in values.values() if v is not None]
            if len(known) != len(values):
                continue  # open on this side for some scheme: no bound
            per_scheme = sa.case(*((Case.scheme == scheme, value)
                                   for scheme, value in values.items()), else_=None)
            if position == 0:
                statement = statement.where(latest.limit_of_stay >= pick(known),
                                            latest.limit_of_stay >= per_scheme)
                overall.append(Stay.limit_of_stay >= pick(known))
            else:
                statement = statement.where(latest.limit_of_stay <= pick(known),
                                            latest.limit_of_stay <= per_scheme)
                overall.append(Stay.limit_of_stay <= pick(known))
        if overall:
            # The cases with any stay in the overall range, read from the (limit_of_stay,
            # case_id) index alone: implied by the conditions above, so it changes no
            # result, but the database then visits those cases in id order (one pass
            # over "case", pages read once) instead of one random seek per stay in
            # limit order and a latest-stay check for each. "Limit passed" has no lower
            # bound: every past limit, mostly closed cases'.
            statement = statement.where(
                Case.id.in_(sa.select(Stay.case_id).where(*overall)))
    return statement, order_id


#: The ids below the newest (above the oldest) entry's that a search's page is first
#: looked for among (PostgreSQL).
RECENT_ENTRIES = 20_000


def _entry_pages(session: Session, query: CaseQuery, sort: str, *, descending: bool,
                 offset: int, limit: int) -> tuple[sa.Subquery, sa.Subquery] | None:
    """A search alone in reference order, not on SQLite: the page's case ids picked from
    ``search_entry`` alone, to join ``case`` and ``client`` to; None otherwise.

    Joined first, PostgreSQL joins every match (for "07" ~10,000 rows, which it
    estimates at a few dozen) and only then sorts out the page. The first set looks among
    the ``RECENT_ENTRIES`` newest entries (the case_id index walked: cheap for a common
    prefix, "20", "cha"); only when that holds no full page is the second needed: all
    matches sorted, then few ("2024-00": ~2,000, all old, which a walk would test
    125,000 entries to reach). An entry's case id is its own id, one entry per case: the
    ids and their order are those of ``_filtered``.
    """
    if (sort != "reference" or session.get_bind().dialect.name == "sqlite"
            or query.schemes or query.stages or query.consultant_ids or query.open_only
            or query.limit_between or not query.text.strip()):
        return None
    ids = matching_case_ids(session, query.text)
    if ids is None:
        return None
    key = SearchEntry.case_id
    edge = sa.select(sa.func.max(key) if descending else sa.func.min(key)).scalar_subquery()
    recent = ids.where(key > edge - RECENT_ENTRIES if descending
                       else key < edge + RECENT_ENTRIES)

    def page(statement: sa.Select[Any], order: Any) -> sa.Subquery:
        return (statement.order_by(order.desc() if descending else order.asc())
                .offset(offset).limit(limit).subquery("page"))

    # All matches sorted by an expression, so that the planner cannot walk the index.
    return page(recent, key), page(ids, key + 0)


def count_cases(session: Session, query: CaseQuery, *, cap: int | None = None) -> int:
    """How many cases the query shows; with ``cap``, stop counting past ``cap``.

    A capped count answers ``cap + 1`` for "more than ``cap``" and costs at most
    ``cap`` rows, which keeps a one-letter search fast on a large office.
    """
    if cap is None:
        counted, _ = _filtered(session, query, [sa.func.count(Case.id)], joins=False)
        return int(session.execute(counted).scalar_one() or 0)
    statement, _ = _filtered(session, query, [Case.id], joins=False)
    ids = statement.limit(cap + 1).subquery()
    return int(session.execute(sa.select(sa.func.count()).select_from(ids)).scalar_one() or 0)


def list_cases(session: Session, query: CaseQuery, *, sort: str = "reference",
               descending: bool = False, offset: int = 0, limit: int = 200
               ) -> list[CaseListRow]:
    """One page of the list, sorted in SQL (never by loading every row)."""
    limit_of_stay = _limit().label("limit_of_stay")
    keys: dict[str, list[Any]] = {
        "reference": [Case.id],
        "client": [Client.family_name, Client.given_names],
        # By pinyin (domain/names.py, the stored key), clients without one last on both.
        "chinese_name": [Client.chinese_name_key.is_(None), Client.chinese_name_key],
        "scheme": [Case.scheme],
        "stage": [Case.stage],
        "consultant": [Consultant.name],
        "limit_of_stay": [limit_of_stay],
        "opened_on": [Case.opened_on],
    }
    if sort not in keys:
        raise ValueError(f"cannot sort the case list by {sort!r}")
    columns: list[Any] = [
        Case.id, Case.reference, Client.id, Client.family_name, Client.given_names,
        Client.chinese_name, Case.scheme, Case.application_type, Case.stage, Case.outcome,
        Consultant.name, Case.opened_on, limit_of_stay,
    ]
    pages = _entry_pages(session, query, sort, descending=descending, offset=offset,
                         limit=limit)
    if pages is not None:
        for page in pages:
            paged: sa.Select[Any] = (
                sa.select(*columns).select_from(page).join(Case, Case.id == page.c.case_id)
                .join(Client, Client.id == Case.client_id)
                .outerjoin(Consultant, Consultant.id == Case.consultant_id)
                .order_by(Case.id.desc() if descending else Case.id.asc()))
            rows = [CaseListRow(*row) for row in session.execute(paged)]
            if len(rows) == limit or page is pages[-1]:
                return rows
    statement, order_id = _filtered(session, query, columns)
    keys["reference"] = [order_id]  # the same order; FTS5 delivers it when it drives
    order = [k.desc() if descending else k.asc() for k in keys[sort]]
    if sort != "reference":
        order.append(order_id.desc() if descending else order_id.asc())
    statement = statement.order_by(*order).offset(offset).limit(limit)
    return [CaseListRow(*row) for row in session.execute(statement)]


@dataclass(frozen=True, slots=True)
class ConsultantRow:
    id: int
    name: str


def consultants(session: Session) -> list[ConsultantRow]:
    """Active consultants, by name."""
    return [ConsultantRow(i, n) for i, n in session.execute(
        sa.select(Consultant.id, Consultant.name).where(Consultant.active)
        .order_by(Consultant.name))]
