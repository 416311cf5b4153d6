"""The dashboard's case sections in one query: each case's current limit of stay, bucketed.

A case's current limit of stay is its latest one (``max(stay.limit_of_stay)``,
as the case list shows it), computed at query time from the covering index
``stay(case_id, limit_of_stay)``: no column to keep in step with every writer.
Each open case falls in at most one section (the bounds do not overlap); window
functions give every section's count and its page in the same scan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.vocab import ApplicationType, Scheme, Stage
from hkcase.store.models import Case, Client, Consultant, Stay
from hkcase.store.queries.case_list import CaseListRow

#: Per scheme, the lowest and highest limit of stay a section holds (None: open side).
Bounds = Mapping[Scheme, tuple[date | None, date | None]]


@dataclass(frozen=True)
class SectionPages:
    """Each section's count and the rows of the page asked for, by limit of stay."""

    counts: dict[str, int]
    rows: dict[str, list[CaseListRow]]


def _side(limit: Any, values: Mapping[Scheme, date | None], low: bool) -> list[Any]:
    """``limit`` within one side of the bounds; none when any scheme is open on that side."""
    known = [v for v in values.values() if v is not None]
    if not values or len(known) != len(values):
        return []
    if len(set(known)) == 1:  # the same bound for every scheme
        return [limit >= known[0]] if low else [limit <= known[0]]
    per_scheme = sa.case(*((Case.scheme == scheme, value) for scheme, value in values.items()),
                         else_=None)
    # The overall bound as well, so the comparison can use the value range alone.
    if low:
        return [limit >= min(known), limit >= per_scheme]
    return [limit <= max(known), limit <= per_scheme]


def _within(limit: Any, bounds: Bounds) -> Any:
    conditions = (_side(limit, {s: b[0] for s, b in bounds.items()}, True)
                  + _side(limit, {s: b[1] for s, b in bounds.items()}, False))
    return sa.and_(sa.true(), *conditions)


def current_limits() -> sa.Subquery:
    """``case_id, limit_of_stay``: each case's latest limit of stay (cases with a stay)."""
    stay = Stay.__table__
    return (sa.select(stay.c.case_id, sa.func.max(stay.c.limit_of_stay).label("limit_of_stay"))
            .group_by(stay.c.case_id).subquery("current_limit"))


def section_pages(session: Session, sections: Sequence[tuple[str, Bounds]], *,
                  consultant_id: int | None = None, offset: int = 0, limit: int = 50,
                  only: str | None = None) -> SectionPages:
    """Counts of open cases per section and rows ``offset .. offset + limit`` of each.

    ``sections`` are tried in order (the first whose bounds hold takes the case);
    ``only`` restricts the rows (not the scan) to one section, for "show more".
    """
    highs = [b[1] for _, bounds in sections for b in bounds.values()]
    stay = Stay.__table__
    latest = sa.func.max(stay.c.limit_of_stay)
    grouped = (sa.select(stay.c.case_id, latest.label("limit_of_stay"))
               .join(Case, Case.id == stay.c.case_id).where(Case.stage != Stage.CLOSED)
               .group_by(stay.c.case_id))
    if consultant_id is not None:
        grouped = grouped.where(Case.consultant_id == consultant_id)
    if highs and all(h is not None for h in highs):  # no section holds a later limit
        grouped = grouped.having(latest <= max(h for h in highs if h is not None))
    current = grouped.subquery("current_limit")
    lim = current.c.limit_of_stay
    bucket = sa.case(*((_within(lim, bounds), key) for key, bounds in sections), else_=None)
    inner = (sa.select(Case.id.label("case_id"), lim.label("limit_of_stay"),
                       bucket.label("section"))
             .select_from(current).join(Case, Case.id == current.c.case_id))
    placed = inner.subquery("placed")
    ranked = sa.select(
        placed.c.case_id, placed.c.limit_of_stay, placed.c.section,
        sa.func.row_number().over(partition_by=placed.c.section,
                                  order_by=(placed.c.limit_of_stay, placed.c.case_id)
                                  ).label("position"),
        sa.func.count().over(partition_by=placed.c.section).label("total"),
    ).where(placed.c.section.is_not(None)).subquery("ranked")
    statement = (
        sa.select(ranked.c.section, ranked.c.total, ranked.c.position,
                  Case.id, Case.reference, Client.id, Client.family_name, Client.given_names,
                  Client.chinese_name, Case.scheme, Case.application_type, Case.stage,
                  Case.outcome, Consultant.name, Case.opened_on, ranked.c.limit_of_stay)
        .select_from(ranked).join(Case, Case.id == ranked.c.case_id)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Consultant, Consultant.id == Case.consultant_id)
        # The first row of each section carries its count, even past the page asked for.
        .where(sa.or_(ranked.c.position == 1,
                      sa.and_(ranked.c.position > offset,
                              ranked.c.position <= offset + limit)))
        .order_by(ranked.c.section, ranked.c.position))
    if only is not None:
        statement = statement.where(ranked.c.section == only)
    counts = {key: 0 for key, _ in sections}
    rows: dict[str, list[CaseListRow]] = {key: [] for key, _ in sections}
    for section, total, position, *columns in session.execute(statement):
        counts[section] = int(total)
        if offset < position <= offset + limit:
            rows[section].append(CaseListRow(*columns))
    return SectionPages(counts, rows)


def _awaiting(consultant_id: int | None) -> list[Any]:
    conditions: list[Any] = [Case.stage == Stage.SUBMITTED, Case.submitted_on.is_not(None),
                             Case.decided_on.is_(None)]
    if consultant_id is not None:
        conditions.append(Case.consultant_id == consultant_id)
    return conditions


def awaiting_decision_groups(session: Session, consultant_id: int | None = None
                             ) -> list[tuple[Scheme, ApplicationType, date, int]]:
    """Submitted cases awaiting ImmD's decision, counted per scheme, type and filing date."""
    return [(s, a, d, int(n)) for s, a, d, n in session.execute(  # submitted_on: not NULL
        sa.select(Case.scheme, Case.application_type, Case.submitted_on, sa.func.count())
        .where(*_awaiting(consultant_id))
        .group_by(Case.scheme, Case.application_type, Case.submitted_on)) if d is not None]


def awaiting_decision_rows(session: Session,
                           groups: Sequence[tuple[Scheme, ApplicationType, date]],
                           consultant_id: int | None = None
                           ) -> list[tuple[date, CaseListRow]]:
    """``(filed on, row)`` for the cases of some of those groups, by case id."""
    if not groups:
        return []
    latest = (sa.select(sa.func.max(Stay.limit_of_stay)).where(Stay.case_id == Case.id)
              .scalar_subquery())
    which = sa.or_(*(sa.and_(Case.scheme == s, Case.application_type == a,
                             Case.submitted_on == d) for s, a, d in groups))
    statement = (
        sa.select(Case.submitted_on, Case.id, Case.reference, Client.id, Client.family_name,
                  Client.given_names, Client.chinese_name, Case.scheme, Case.application_type,
                  Case.stage, Case.outcome, Consultant.name, Case.opened_on, latest)
        .select_from(Case).join(Client, Client.id == Case.client_id)
        .outerjoin(Consultant, Consultant.id == Case.consultant_id)
        .where(*_awaiting(consultant_id), which).order_by(Case.id))
    return [(filed, CaseListRow(*row)) for filed, *row in session.execute(statement)
            if filed is not None]
