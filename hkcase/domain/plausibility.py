"""Plausibility of what a consultant types: questions for the unlikely, errors for the impossible.

A ``Question`` is asked before saving ("Is 25 Nov 2082 right? The estimate is
25 Nov 2031"); the consultant may confirm it. An ``Impossible`` value is never
saved. The rules here are pure; the services call them and the GUI asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hkcase.domain.dates import add_months, age_on
from hkcase.domain.stay.estimate import StayQuestion, StayQuestionError, estimate_stay
from hkcase.domain.stay.rules import rule_book
from hkcase.domain.vocab import Scheme

#: A printed limit this far from the scheme's estimate is asked about.
ESTIMATE_TOLERANCE_MONTHS = 6
#: Slack beyond the longest stay a scheme grants (printed dates differ by days).
LONGEST_SLACK_DAYS = 31
PRINCIPAL_MIN_AGE = 16
PRINCIPAL_MAX_AGE = 90
EARLIEST_BIRTH = date(1900, 1, 1)


@dataclass(frozen=True)
class Question:
    """Something that may be a typo; ``field`` names the value asked about."""

    field: str
    text: str


class Impossible(ValueError):
    """A value that cannot be right; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def spoken(day: date) -> str:
    """A date as it is asked about: ``25 Nov 2082``."""
    return f"{day.day} {day:%b %Y}"


def _months_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{months} months"


# Stays -----------------------------------------------------------------------------
def stay_estimate(scheme: Scheme, extension_number: int, granted_on: date,
                  entry_date: date | None, previous_limit: date | None,
                  contract_end: date | None) -> date | None:
    """The scheme's estimated limit for this stay, or None where it cannot be estimated."""
    if extension_number == 0:
        question = StayQuestion(scheme=scheme, entry_date=entry_date or granted_on,
                                approval_date=granted_on, contract_end=contract_end)
    elif previous_limit is not None:
        question = StayQuestion(scheme=scheme, previous_limit=previous_limit,
                                extension=extension_number, approval_date=granted_on,
                                contract_end=contract_end)
    else:
        return None
    try:
        return estimate_stay(question).estimated_limit
    except (StayQuestionError, ValueError):
        return None  # e.g. a dependant's stay follows the sponsor's; no pattern for the date


def longest_stay_months(scheme: Scheme) -> int | None:
    """The longest single stay any of the scheme's patterns grants (top tier included)."""
    months = [m for p in rule_book().patterns_for(scheme)
              for m in (*p.months, *(p.top_tier_months or ()),
                        *(v.months for v in p.variants if v.months is not None))]
    return max(months, default=None)


def limit_of_stay_questions(*, scheme: Scheme, limit: date, granted_on: date,
                            start: date, estimate: date | None,
                            longest_months: int | None) -> list[Question]:
    """Questions about a printed limit of stay; ``Impossible`` if it is not after the grant.

    ``start`` is the entry date (first stay) or the previous limit (an extension).
    """
    if limit <= granted_on:
        raise Impossible("limit_of_stay", f"the limit of stay {spoken(limit)} must fall after "
                                          f"the grant date {spoken(granted_on)}")
    asked = f"Is {spoken(limit)} right?"
    questions = []
    if estimate is not None and not (
            add_months(estimate, -ESTIMATE_TOLERANCE_MONTHS) <= limit
            <= add_months(estimate, ESTIMATE_TOLERANCE_MONTHS)):
        questions.append(Question("limit_of_stay",
                                  f"{asked} The estimate is {spoken(estimate)}."))
    if longest_months is not None:
        furthest = add_months(start, longest_months)
        if (limit - furthest).days > LONGEST_SLACK_DAYS and not questions:
            questions.append(Question(
                "limit_of_stay", f"{asked} {scheme.value} grants at most "
                f"{_months_text(longest_months)} at a time: {spoken(furthest)} from "
                f"{spoken(start)}."))
    return questions


# People ------------------------------------------------------------------------------
def birth_date_questions(born: date, today: date, *, principal: bool) -> list[Question]:
    """Questions about a date of birth; ``Impossible`` for a future or pre-1900 date."""
    if born > today:
        raise Impossible("date_of_birth", f"{spoken(born)} is in the future")
    if born < EARLIEST_BIRTH:
        raise Impossible("date_of_birth", f"{spoken(born)} is before {EARLIEST_BIRTH.year}")
    if not principal:
        return []
    age = age_on(born, today)
    if age < PRINCIPAL_MIN_AGE:
        return [Question("date_of_birth", f"Is {spoken(born)} right? The client would be {age}, "
                                          "young for a principal applicant.")]
    if age > PRINCIPAL_MAX_AGE:
        return [Question("date_of_birth", f"Is {spoken(born)} right? The client would be {age}.")]
    return []


def travel_document_problems(number: str, issue_date: date | None, expiry_date: date | None,
                             born: date | None) -> None:
    """``Impossible`` for an expiry on or before the issue, or an issue before birth."""
    if issue_date and expiry_date and expiry_date <= issue_date:
        raise Impossible("expiry_date", f"document {number} expires ({spoken(expiry_date)}) "
                                        f"before it was issued ({spoken(issue_date)})")
    if issue_date and born and issue_date < born:
        raise Impossible("issue_date", f"document {number} was issued ({spoken(issue_date)}) "
                                       f"before the client was born ({spoken(born)})")


def award_problems(award_date: date | None, start_date: date | None, born: date | None) -> None:
    """``Impossible`` for an award before birth or before the studies started."""
    if award_date and born and award_date < born:
        raise Impossible("award_date", f"the award ({spoken(award_date)}) comes before the "
                                       f"client's birth ({spoken(born)})")
    if award_date and start_date and award_date < start_date:
        raise Impossible("award_date", "the award comes before the studies started")


def employment_problems(start_date: date, end_date: date | None, born: date | None) -> None:
    """``Impossible`` for a job ending before it started or starting before birth."""
    if end_date is not None and end_date < start_date:
        raise Impossible("end_date", "the job cannot end before it started")
    if born and start_date < born:
        raise Impossible("start_date", f"the job starts ({spoken(start_date)}) before the "
                                       f"client's birth ({spoken(born)})")
