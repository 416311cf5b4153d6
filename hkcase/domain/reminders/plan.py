"""Which reminders the facts call for: a pure function from stays and documents to reminders.

Each planned reminder has a ``key`` naming its trigger, so storing the plan again
finds the same rows (see ``hkcase/services/reminders/refresh.py`` and
docs/stay-and-reminders.md for the key scheme):

====================================  ========================  ==========================
key                                   kind                      due
====================================  ========================  ==========================
``stay:<stay>:lead:<days>``           before_limit/final_week   limit − days
``stay:<stay>:window``                window_opens              the window's opening
``stay:<stay>:tdoc:<document>``       travel_document_expiry    renew-by − longest lead
``stay:<stay>:sponsor-stay:<stay>``   sponsor_limit_changed     the sponsor's new grant
``doc:<document>``                    document_expiry           expiry − longest lead
``client:<client>:pr``                permanent_residence       first entry + 7 years
====================================  ========================  ==========================
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from hkcase.domain.dates import add_months
from hkcase.domain.holidays_hk import holiday_name, last_working_day_on_or_before
from hkcase.domain.messages import stored, tr
from hkcase.domain.stay.extension_window import WindowTable
from hkcase.domain.stay.rules import StayRuleBook, rule_book
from hkcase.domain.vocab import ReminderKind, Scheme

#: Lead times up to this many days before the limit are "final week" reminders.
FINAL_WEEK_DAYS = 7
#: The reminders about one stay's extension; the digest shows the most advanced one due.
STAY_DEADLINE_KINDS = frozenset(
    {ReminderKind.BEFORE_LIMIT, ReminderKind.WINDOW_OPENS, ReminderKind.FINAL_WEEK}
)
TITLE_LENGTH = 300

# The same few thousand dates recur across 100,000 clients; relativedelta is slow.
_add_months = lru_cache(maxsize=1 << 16)(add_months)


def _document_label(doc_type: str) -> str:
    """A travel document's name as stored titles say it (English; shown via said_again)."""
    if doc_type == "passport":
        return stored("Passport")
    if doc_type == "prc_passport":
        return stored("PRC passport")
    if doc_type == "prc_exit_entry_permit":
        return stored("Exit-entry permit")
    if doc_type == "taiwan_entry_permit":
        return stored("Taiwan entry permit")
    if doc_type == "document_of_identity":
        return stored("Document of identity")
    return stored("Travel document")


def _window_text(rule: str) -> str:
    if rule == "4_weeks":
        return stored("{n} weeks", n=4)
    if rule == "3_months":
        return stored("{n} months", n=3)
    return rule


class StayFact(NamedTuple):
    stay_id: int
    case_id: int
    client_id: int
    scheme: Scheme
    granted_on: date
    limit_of_stay: date
    entry_date: date | None
    extension_number: int


class TravelDocumentFact(NamedTuple):
    id: int
    client_id: int
    doc_type: str
    expiry_date: date


class DocumentFact(NamedTuple):
    """The newest version of a checklist document that has an expiry date."""

    id: int
    case_id: int
    client_id: int
    title: str
    expiry_date: date


class SponsorLink(NamedTuple):
    sponsor_client_id: int
    dependant_client_id: int


class PlannedReminder(NamedTuple):
    key: str
    case_id: int
    stay_id: int | None
    kind: ReminderKind
    due_date: date
    title: str


class LeadDaysError(ValueError):
    """Lead times that are not positive whole numbers."""


def normalise_lead_days(lead_days: Iterable[int]) -> tuple[int, ...]:
    """Distinct positive lead times, longest first; raises ``LeadDaysError``."""
    values = list(lead_days)
    if not values:
        raise LeadDaysError(tr("give at least one lead time in days"))
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 730:
            raise LeadDaysError(tr("lead times are whole days from 1 to 730, not {value}",
                                   value=repr(value)))
    return tuple(sorted(set(values), reverse=True))


def current_stays(stays: Iterable[StayFact]) -> dict[int, StayFact]:
    """Each client's current stay: the latest granted (then latest limit, then newest row)."""
    current: dict[int, StayFact] = {}
    for stay in stays:
        best = current.get(stay.client_id)
        if best is None or (stay.granted_on, stay.limit_of_stay, stay.stay_id) > (
            best.granted_on, best.limit_of_stay, best.stay_id
        ):
            current[stay.client_id] = stay
    return current


def first_entries(stays: Iterable[StayFact]) -> dict[int, tuple[date, bool]]:
    """Per client, the first entry date (True) or, lacking one, the first grant date (False)."""
    entries: dict[int, date] = {}
    grants: dict[int, date] = {}
    for stay in stays:
        if stay.entry_date is not None:
            known = entries.get(stay.client_id)
            if known is None or stay.entry_date < known:
                entries[stay.client_id] = stay.entry_date
        known = grants.get(stay.client_id)
        if known is None or stay.granted_on < known:
            grants[stay.client_id] = stay.granted_on
    return {client: (entries[client], True) if client in entries else (granted, False)
            for client, granted in grants.items()}


def _span(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return "1 week" if weeks == 1 else f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


# Titles are built once per date (or pair of dates): the same dates recur across clients.
@lru_cache(maxsize=1 << 14)
def _final_week_title(limit: date) -> str:
    # No "in 1 week" here: how far away the limit is is worded when shown
    # (hkcase.domain.reminders.wording), as a stored phrase goes stale.
    name = holiday_name(limit)
    if name is None:
        return stored("Limit of stay {limit}: the extension must be filed by then", limit=limit)
    return stored("Limit of stay {limit}: the extension must be filed by then; {day} is a "
                  "general holiday ({holiday}), last working day {last}", limit=limit,
                  day=limit, holiday=_holiday_text(name),
                  last=last_working_day_on_or_before(limit))


def _holiday_text(name: str) -> str:
    """``holiday_name``'s words, built so that ``said_again`` finds "Sunday" (the gazetted
    names come from python-holidays in English and stay so)."""
    if name == "Sunday":
        return stored("Sunday")
    if name.endswith(" (Sunday)"):
        return stored("{holiday} (Sunday)", holiday=name[:-len(" (Sunday)")])
    return name


@lru_cache(maxsize=1 << 14)
def _before_limit_title(limit: date, opens: date) -> str:
    return stored("Limit of stay {limit}: prepare the extension (window opens {opens})",
                  limit=limit, opens=opens)


@lru_cache(maxsize=1 << 14)
def _window_title(limit: date, rule: str) -> str:
    return stored("Extension window opens ({window} before the limit of stay {limit})",
                  window=_window_text(rule), limit=limit)


class _Lead(NamedTuple):
    days: int
    delta: timedelta
    kind: ReminderKind
    span: str


def _leads(lead_days: Sequence[int]) -> tuple[_Lead, ...]:
    return tuple(
        _Lead(days, timedelta(days=days),
              ReminderKind.FINAL_WEEK if days <= FINAL_WEEK_DAYS else ReminderKind.BEFORE_LIMIT,
              _span(days))
        for days in lead_days)


def stay_deadlines(
    stay: StayFact, lead_days: Sequence[int], window_opens: date, window_rule: str
) -> list[PlannedReminder]:
    """The lead-time reminders and the window opening for one stay, one per date."""
    return _stay_deadlines(stay, _leads(lead_days), window_opens, window_rule)


def _stay_deadlines(
    stay: StayFact, leads: tuple[_Lead, ...], window_opens: date, window_rule: str
) -> list[PlannedReminder]:
    limit = stay.limit_of_stay
    prefix = f"stay:{stay.stay_id}:"
    case_id, stay_id = stay.case_id, stay.stay_id
    planned = [PlannedReminder(
        prefix + "window", case_id, stay_id, ReminderKind.WINDOW_OPENS, window_opens,
        _window_title(limit, window_rule),
    )]
    seen = {window_opens}
    for lead in leads:
        due = limit - lead.delta
        if due in seen:
            continue
        seen.add(due)
        if lead.kind is ReminderKind.FINAL_WEEK:
            title = _final_week_title(limit)
        else:
            title = _before_limit_title(limit, window_opens)
        planned.append(PlannedReminder(f"{prefix}lead:{lead.days}", case_id, stay_id,
                                       lead.kind, due, title))
    return planned


@lru_cache(maxsize=1 << 14)
def _document_title(title: str, expiry: date) -> str:
    return stored("{title} expires {expiry}", title=title, expiry=expiry)[:TITLE_LENGTH]


@lru_cache(maxsize=1 << 14)
def _residence_title(years: int, first: date, entered: bool, due: date, note: str) -> str:
    since = (stored("first entry {day}", day=first) if entered
             else stored("first grant {day} (no entry date)", day=first))
    return stored("Permanent residence: {years} years since {since} on {due} ({note})",
                  years=years, since=since, due=due, note=note)[:TITLE_LENGTH]


def _travel_document(stay: StayFact, doc: TravelDocumentFact, window_opens: date,
                     renew_lead: int, book: StayRuleBook) -> PlannedReminder | None:
    rules = book.reminders
    months = rules.travel_document_min_validity_months
    limit = stay.limit_of_stay
    if doc.expiry_date >= max(limit, _add_months(window_opens, months)):
        return None
    if doc.expiry_date < limit:
        why = stored("before the limit of stay {limit}", limit=limit)
    else:
        why = stored("within {months} months of the extension window's opening {opens}",
                     months=months, opens=window_opens)
    renew_by = min(doc.expiry_date, window_opens)
    return PlannedReminder(
        f"stay:{stay.stay_id}:tdoc:{doc.id}", stay.case_id, stay.stay_id,
        ReminderKind.TRAVEL_DOCUMENT_EXPIRY, renew_by - timedelta(days=renew_lead),
        stored("{document} expires {expiry}, {why}: renew it before filing ({note})",
               document=_document_label(doc.doc_type), expiry=doc.expiry_date, why=why,
               note=rules.travel_document_note),
    )


def plan_reminders(
    stays: Sequence[StayFact],
    travel_documents: Iterable[TravelDocumentFact],
    documents: Iterable[DocumentFact],
    sponsor_links: Iterable[SponsorLink],
    lead_days: Iterable[int],
    book: StayRuleBook | None = None,
) -> list[PlannedReminder]:
    """Every reminder the facts call for, each key once.

    Stay reminders follow each client's current stay (``current_stays``);
    travel-document, document and permanent-residence reminders fall due at the
    longest lead time before their date.
    """
    book = book or rule_book()
    leads = normalise_lead_days(lead_days)
    renew_lead = leads[0]
    lead_specs = _leads(leads)
    windows = WindowTable(book)
    current = current_stays(stays)
    planned: list[PlannedReminder] = []
    opens_of: dict[int, date] = {}
    for stay in current.values():
        opens, rule = windows.opening(stay.scheme, stay.limit_of_stay)
        opens_of[stay.client_id] = opens
        planned.extend(_stay_deadlines(stay, lead_specs, opens, rule))

    newest: dict[int, TravelDocumentFact] = {}
    for doc in travel_documents:
        held = newest.get(doc.client_id)
        if held is None or (doc.expiry_date, doc.id) > (held.expiry_date, held.id):
            newest[doc.client_id] = doc
    for client, doc in newest.items():
        holder = current.get(client)
        if holder is not None:
            reminder = _travel_document(holder, doc, opens_of[client], renew_lead, book)
            if reminder is not None:
                planned.append(reminder)

    for document in documents:
        owner = current.get(document.client_id)
        planned.append(PlannedReminder(
            f"doc:{document.id}", document.case_id, owner.stay_id if owner else None,
            ReminderKind.DOCUMENT_EXPIRY, document.expiry_date - timedelta(days=renew_lead),
            _document_title(document.title, document.expiry_date),
        ))

    for link in sponsor_links:
        dependant = current.get(link.dependant_client_id)
        sponsor = current.get(link.sponsor_client_id)
        if (dependant is None or sponsor is None or dependant.scheme is not Scheme.DEPENDANT
                or sponsor.granted_on <= dependant.granted_on
                or sponsor.limit_of_stay == dependant.limit_of_stay):
            continue
        planned.append(PlannedReminder(
            f"stay:{dependant.stay_id}:sponsor-stay:{sponsor.stay_id}", dependant.case_id,
            dependant.stay_id, ReminderKind.SPONSOR_LIMIT_CHANGED, sponsor.granted_on,
            stored("Sponsor's limit of stay is now {sponsor}; this dependant's is "
                   "{dependant}: the dependant's stay normally follows the sponsor's",
                   sponsor=sponsor.limit_of_stay, dependant=dependant.limit_of_stay),
        ))

    residence = book.reminders
    for client, (first, entered) in first_entries(stays).items():
        stay = current[client]
        due = _add_months(first, residence.permanent_residence_months)
        years = residence.permanent_residence_months // 12
        planned.append(PlannedReminder(
            f"client:{client}:pr", stay.case_id, stay.stay_id,
            ReminderKind.PERMANENT_RESIDENCE, due,
            _residence_title(years, first, entered, due, residence.permanent_residence_note),
        ))
    return planned
