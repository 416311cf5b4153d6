"""The dashboard: the week's plan, most urgent first, counted and paged in SQL.

Case sections are the Cases tab's deadline filters (``services.case_list``), so a
section's count is exactly what the Cases tab counts for that filter; all five are
counted and paged by one query (``store.dashboard_queries``) over each case's latest
limit of stay, taken from an index at query time. Reminder sections (documents,
passports, milestones) read the ``reminder`` table with one count and one page per
section. "Decisions expected" puts ImmD's published processing times on the filing
date of each submitted case. Nothing loads every row into Python.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from hkcase.domain.filing.fees import ExpectedDecision, expected_decision
from hkcase.domain.messages import Message, Term, tr
from hkcase.domain.reminders.plan import STAY_DEADLINE_KINDS
from hkcase.domain.reminders.urgency import fold_stay_deadlines
from hkcase.domain.reminders.wording import (
    limit_passed_advice,
    limit_passed_title,
    relative_day,
    shown_title,
)
from hkcase.domain.stay.extension_window import WindowTable
from hkcase.domain.vocab import ApplicationType, ReminderKind, ReminderState, Scheme
from hkcase.services.cases.listing import (
    CaseFilter,
    CaseListItem,
    DeadlineFilter,
    deadline_label,
    to_query,
)
from hkcase.store import Store
from hkcase.store.models import Case, Client, Consultant, Reminder
from hkcase.store.queries.case_list import CaseListRow
from hkcase.store.queries.dashboard import (
    Bounds,
    awaiting_decision_groups,
    awaiting_decision_rows,
    section_pages,
)

log = logging.getLogger(__name__)

PAGE = 50
HORIZON_DAYS = 90
OPEN_STATES = (ReminderState.PENDING.value, ReminderState.SNOOZED.value)

#: Case sections, most urgent first: each is a Cases-tab deadline filter.
CASE_SECTIONS = (DeadlineFilter.OVERDUE, DeadlineFilter.LIMIT_7_DAYS,
                 DeadlineFilter.WINDOW_OPEN, DeadlineFilter.OPENING_30,
                 DeadlineFilter.OPENING_90)
#: Reminder sections: key → (kind, is a milestone rather than a deadline).
REMINDER_SECTIONS: dict[str, tuple[ReminderKind, bool]] = {
    "documents": (ReminderKind.DOCUMENT_EXPIRY, False),
    "passports": (ReminderKind.TRAVEL_DOCUMENT_EXPIRY, False),
    "milestones": (ReminderKind.PERMANENT_RESIDENCE, True),
}
DECISIONS = "decisions"
VERDICTS = "verdicts"


def section_title(key: str) -> Message:
    """A reminder, decisions or verdicts section's title, in the current language (the case
    sections' are ``deadline_label``)."""
    if key == "documents":
        return tr("Documents expiring before filing")
    if key == "passports":
        return tr("Passports expiring within 3 months of the limit")
    if key == "milestones":
        return tr("Milestones: seven-year dates (not deadlines)")
    if key == DECISIONS:
        return tr("Decisions expected (ImmD's published processing times)")
    return tr("Verdicts changed")


def _reminder_note(key: str) -> Message | None:
    if key == "milestones":
        return tr("An estimate: continuous ordinary residence is not checked.")
    if key == "passports":
        return tr("ImmD refuses the online extension when the passport expires within "
                  "3 months.")
    return None


def _snoozed(what: str, until: date) -> Message:
    return tr("{what} · snoozed until {day}", what=what, day=until)


@dataclass(frozen=True, slots=True)
class DashboardRow:
    """One line of a section: a case, or one reminder of a case."""

    case_id: int
    reference: str
    client_name: str
    chinese_name: str | None
    scheme: Scheme
    what: str  # worded for the dashboard's day
    day: date | None  # the date that matters: limit, window opening or due date
    limit_of_stay: date | None
    reminder_id: int | None = None  # what "snooze" or "done" acts on
    reminder_state: ReminderState | None = None
    snoozed_until: date | None = None
    due_today: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    count: int
    rows: tuple[DashboardRow, ...]
    milestone: bool = False
    note: str | None = None  # what to do, or why the section is not available

    @property
    def items(self) -> tuple[DashboardRow, ...]:
        return self.rows


@dataclass(frozen=True)
class Dashboard:
    today: date
    consultant_id: int | None
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def dashboard(store: Store, today: date | None = None, *, consultant_id: int | None = None,
              page: int = PAGE, verdicts: bool = True) -> Dashboard:
    """Every section with its count and first page, for one consultant's cases or all."""
    day = today or date.today()
    sections = case_sections(store, day, consultant_id, limit=page)
    sections += [reminder_section(store, key, day, consultant_id, limit=page)
                 for key in ("documents", "passports")]
    sections.append(decisions_section(store, day, consultant_id, limit=page))
    if verdicts:
        sections.append(verdicts_section(store, day, consultant_id))
    sections.append(reminder_section(store, "milestones", day, consultant_id, limit=page))
    return Dashboard(day, consultant_id, tuple(sections))


def section_rows(store: Store, key: str, today: date, consultant_id: int | None, *,
                 offset: int, limit: int = PAGE) -> tuple[DashboardRow, ...]:
    """A further page of one section (the "show more" of the dashboard)."""
    if key == DECISIONS:
        return decisions_section(store, today, consultant_id, offset=offset, limit=limit).rows
    if key in REMINDER_SECTIONS:
        return reminder_section(store, key, today, consultant_id, offset=offset,
                                limit=limit).rows
    return case_section(store, DeadlineFilter(key), today, consultant_id, offset=offset,
                        limit=limit).rows


# Case sections ------------------------------------------------------------------
def _bounds(today: date) -> list[tuple[str, Bounds]]:
    return [(d.value, to_query(CaseFilter(deadline=d), today).limit_between)
            for d in CASE_SECTIONS]


def case_sections(store: Store, today: date, consultant_id: int | None, *, offset: int = 0,
                  limit: int = PAGE, only: DeadlineFilter | None = None) -> list[Section]:
    """The case sections: the Cases tab's deadline filters, counted and paged in one query."""
    with store.reading() as session:
        pages = section_pages(session, _bounds(today), consultant_id=consultant_id,
                              offset=offset, limit=limit,
                              only=only.value if only is not None else None)
    table = WindowTable()
    wanted = [only] if only is not None else list(CASE_SECTIONS)
    items = {d: [CaseListItem(row, table.opening(row.scheme, row.limit_of_stay)[0]
                              if row.limit_of_stay else None)
                 for row in pages.rows[d.value]] for d in wanted}
    shown = _extension_reminders(
        store, [i.row.case_id for found in items.values() for i in found], today)
    sections = []
    for deadline in wanted:
        rows = tuple(_case_row(item, deadline, today, shown.get(item.row.case_id))
                     for item in items[deadline])
        note = limit_passed_advice() if deadline is DeadlineFilter.OVERDUE else None
        sections.append(Section(deadline.value, deadline_label(deadline),
                                pages.counts[deadline.value], rows, note=note))
    return sections


def case_section(store: Store, deadline: DeadlineFilter, today: date,
                 consultant_id: int | None, *, offset: int = 0, limit: int = PAGE) -> Section:
    """The cases of one deadline filter: the same count and rows as the Cases tab's."""
    return case_sections(store, today, consultant_id, offset=offset, limit=limit,
                         only=deadline)[0]


def _case_what(item: CaseListItem, deadline: DeadlineFilter, today: date) -> tuple[str, date]:
    limit = item.row.limit_of_stay
    opens = item.window_opens
    assert limit is not None and opens is not None  # a deadline filter needs a stay
    if deadline is DeadlineFilter.OVERDUE:
        return limit_passed_title(limit, today), limit
    if deadline is DeadlineFilter.LIMIT_7_DAYS:
        return tr("Limit of stay {limit} ({when}): file the extension online before it "
                  "passes", limit=limit, when=relative_day(limit, today)), limit
    if deadline is DeadlineFilter.WINDOW_OPEN:
        return tr("Extension window open since {opens}; limit of stay {limit} ({when})",
                  opens=opens, limit=limit, when=relative_day(limit, today)), limit
    return tr("Extension window opens {opens} ({when}); limit of stay {limit}", opens=opens,
              when=relative_day(opens, today), limit=limit), opens


def _case_row(item: CaseListItem, deadline: DeadlineFilter, today: date,
              reminder: tuple[int, ReminderState, date | None] | None) -> DashboardRow:
    what, day = _case_what(item, deadline, today)
    rid = state = until = None
    if reminder is not None:
        rid, state, until = reminder
        if state is ReminderState.SNOOZED and until is not None:
            what = _snoozed(what, until)
    row = item.row
    return DashboardRow(
        row.case_id, row.reference, f"{row.family_name} {row.given_names}".strip(),
        row.chinese_name, row.scheme, what, day, row.limit_of_stay, rid, state, until,
        due_today=day == today or item.window_opens == today)


def _extension_reminders(store: Store, case_ids: Sequence[int], today: date
                         ) -> dict[int, tuple[int, ReminderState, date | None]]:
    """Per case, the open extension reminder the digest would show (what snooze acts on)."""
    if not case_ids:
        return {}
    r = Reminder.__table__
    open_states = {ReminderState.PENDING, ReminderState.SNOOZED}
    with store.reading() as session:
        # By case id only (a few reminders per case), filtered here: with kind and state
        # in the WHERE clause SQLite prefers the (state, due_date) index and scans.
        rows = [row for row in session.execute(
            sa.select(r.c.id, r.c.case_id, r.c.stay_id, r.c.kind, r.c.due_date, r.c.state,
                      r.c.snoozed_until).where(r.c.case_id.in_(list(case_ids))))
            if row.kind in STAY_DEADLINE_KINDS and row.state in open_states]
    folded = fold_stay_deadlines(
        rows, stay_of=lambda x: x.stay_id, kind_of=lambda x: x.kind,
        date_of=lambda x: x.snoozed_until or x.due_date, today=today)
    shown: dict[int, Any] = {}
    for row, _count in folded:
        best = shown.get(row.case_id)
        if best is None or (row.snoozed_until or row.due_date) > \
                (best.snoozed_until or best.due_date):
            shown[row.case_id] = row
    return {case: (row.id, row.state, row.snoozed_until) for case, row in shown.items()}


# Reminder sections ----------------------------------------------------------------
def _reminder_filter(kind: ReminderKind, horizon: date, consultant_id: int | None
                     ) -> list[Any]:
    r = Reminder.__table__
    conditions: list[Any] = [
        r.c.kind == kind.value,
        sa.or_(sa.and_(r.c.state == ReminderState.PENDING.value, r.c.due_date <= horizon),
               sa.and_(r.c.state == ReminderState.SNOOZED.value,
                       r.c.snoozed_until <= horizon)),
    ]
    if consultant_id is not None:
        conditions.append(Case.consultant_id == consultant_id)
    return conditions


def reminder_section(store: Store, key: str, today: date, consultant_id: int | None, *,
                     offset: int = 0, limit: int = PAGE) -> Section:
    """Open reminders of one kind due within the horizon (a snoozed one on its snooze date)."""
    kind, milestone = REMINDER_SECTIONS[key]
    r = Reminder.__table__
    conditions = _reminder_filter(kind, today + timedelta(days=HORIZON_DAYS), consultant_id)
    effective = sa.case((r.c.state == ReminderState.SNOOZED.value, r.c.snoozed_until),
                        else_=r.c.due_date)
    with store.reading() as session:
        counted = sa.select(sa.func.count()).select_from(r)
        if consultant_id is not None:  # the only condition on the case
            counted = counted.join(Case, Case.id == r.c.case_id)
        count = int(session.execute(counted.where(*conditions)).scalar_one())
        rows = session.execute(
            sa.select(r.c.id, r.c.kind, r.c.title, r.c.due_date, r.c.state, r.c.snoozed_until,
                      Case.id, Case.reference, Case.scheme, Client.family_name,
                      Client.given_names, Client.chinese_name)
            .select_from(r).join(Case, Case.id == r.c.case_id)
            .join(Client, Client.id == Case.client_id)
            .where(*conditions).order_by(effective, r.c.id).offset(offset).limit(limit)
        ).all() if count else []
    shown = []
    for (rid, kind_value, title_text, due, state, snoozed, case_id, reference, scheme, family,
         given, chinese) in rows:
        day = snoozed if state is ReminderState.SNOOZED and snoozed else due
        what: str = shown_title(kind_value, title_text, day, None, today)
        if state is ReminderState.SNOOZED and snoozed:
            what = _snoozed(what, snoozed)
        shown.append(DashboardRow(case_id, reference, f"{family} {given}".strip(), chinese,
                                  scheme, what, day, None, rid, state, snoozed,
                                  due_today=day == today))
    return Section(key, section_title(key), count, tuple(shown), milestone=milestone,
                   note=_reminder_note(key))


# Decisions expected ------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _expected(scheme: Scheme, kind: ApplicationType, filed: date) -> ExpectedDecision | None:
    return expected_decision(scheme, kind, filed)


def decisions_section(store: Store, today: date, consultant_id: int | None, *,
                      offset: int = 0, limit: int = PAGE) -> Section:
    """Submitted cases whose expected decision (filing date + ImmD's published time,
    dated data in ``domain.filing``) is within the horizon or passed, soonest first.

    Counted per scheme, type and filing date in SQL; only the page's cases are read.
    """
    horizon = today + timedelta(days=HORIZON_DAYS)
    with store.reading() as session:
        groups = []
        for scheme, kind, filed, count in awaiting_decision_groups(session, consultant_id):
            expected = _expected(scheme, kind, filed)
            if expected is not None and expected.around <= horizon:
                groups.append((expected.around, scheme, kind, filed, count, expected))
        groups.sort(key=lambda g: (g[0], g[1].value, g[2].value, g[3]))
        wanted, seen = [], 0
        for group in groups:
            if seen >= offset + limit:
                break
            if seen + group[4] > offset:
                wanted.append(group)
            seen += group[4]
        found = awaiting_decision_rows(session, [(g[1], g[2], g[3]) for g in wanted],
                                       consultant_id)
    skipped = sum(g[4] for g in groups[:groups.index(wanted[0])]) if wanted else 0
    by_group = {(g[1], g[2], g[3]): g for g in wanted}
    ordered = sorted(((by_group[(row.scheme, row.application_type, filed)], row)
                      for filed, row in found), key=lambda x: (x[0][0], x[0][1].value,
                                                               x[0][2].value, x[0][3],
                                                               x[1].case_id))
    page = ordered[offset - skipped:offset - skipped + limit]
    rows = tuple(_decision_row(group, row, today) for group, row in page)
    return Section(DECISIONS, section_title(DECISIONS), sum(g[4] for g in groups), rows,
                   milestone=True, note=tr("An estimate from ImmD's published processing "
                                           "times, not a deadline."))


def _decision_row(group: tuple[Any, ...], row: CaseListRow, today: date) -> DashboardRow:
    around, _, _, filed, _, expected = group
    low, high = expected.weeks
    weeks = tr("{n} weeks", n=high) if low == high else tr("{low}–{high} weeks", low=low,
                                                           high=high)
    when = relative_day(around, today)
    if around < today:
        what = tr("Decision expected around {day} ({when}; filed {filed}, ImmD's time "
                  "{weeks}): ask ImmD about the application", day=around, when=when,
                  filed=filed, weeks=weeks)
    else:
        what = tr("Decision expected around {day} ({when}; filed {filed}, ImmD's time "
                  "{weeks})", day=around, when=when, filed=filed, weeks=weeks)
    return DashboardRow(row.case_id, row.reference,
                        f"{row.family_name} {row.given_names}".strip(), row.chinese_name,
                        row.scheme, what, around, row.limit_of_stay, due_today=around == today)


# Verdicts changed -------------------------------------------------------------------
def verdicts_section(store: Store, today: date, consultant_id: int | None = None) -> Section:
    """Open cases whose latest kept verdict differs from today's (``services.recheck``)."""
    from hkcase.services.eligibility.recheck import changed_verdicts  # assesses: only when asked

    changes = list(changed_verdicts(store, on=today))
    if consultant_id is not None and changes:
        mine = _consultant_cases(store, [c.case_id for c in changes], consultant_id)
        changes = [c for c in changes if c.case_id in mine]
    rows = tuple(DashboardRow(
        c.case_id, c.reference, c.client_name, None, _scheme(c.scheme),
        _verdict_what(c.old_outcome, c.new_outcome, c.reasons), today, None)
        for c in changes)
    return Section(VERDICTS, section_title(VERDICTS), len(rows), rows)


def _verdict_what(old: str, new: str, reasons: Sequence[str]) -> Message:
    was, now = Term(str(old), "EligibilityOutcome"), Term(str(new), "EligibilityOutcome")
    if reasons:
        return tr("Verdict changed: {old} → {new} ({reasons})", old=was, new=now,
                  reasons="; ".join(reasons))
    return tr("Verdict changed: {old} → {new}", old=was, new=now)


def _scheme(value: object) -> Scheme:
    return value if isinstance(value, Scheme) else Scheme(str(value))


def _consultant_cases(store: Store, case_ids: list[int], consultant_id: int) -> set[int]:
    with store.reading() as session:
        return set(session.scalars(sa.select(Case.id).where(
            Case.id.in_(case_ids), Case.consultant_id == consultant_id)))


def consultant_id_for(store: Store, name: str) -> int | None:
    """The active consultant record of the settings' consultant name ("my cases"), if any.

    An inactive consultant (left the office) has no "my cases", as the case list's
    consultant filter offers only active ones."""
    if not name.strip():
        return None
    with store.reading() as session:
        return session.scalars(sa.select(Consultant.id).where(
            sa.func.lower(Consultant.name) == name.strip().lower(),
            Consultant.active)).first()
