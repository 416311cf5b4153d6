"""Plausibility of what a consultant types: questions for the unlikely, errors for the impossible.

A ``Question`` is asked before saving ("Is 25 Nov 2082 right? The estimate is
25 Nov 2031"); the consultant may confirm it. An ``Impossible`` value is never
saved. The rules here are pure; the services call them and the GUI asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hkcase.domain.dates import add_months, age_on
from hkcase.domain.labels import label
from hkcase.domain.messages import Message, current_language, tr
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


# One template a month: the month's name never depends on the machine's locale, and the
# Chinese puts the year first (``2082年11月25日``).
_SPOKEN = (
    lambda d, y: tr("{d} Jan {y}", d=d, y=y), lambda d, y: tr("{d} Feb {y}", d=d, y=y),
    lambda d, y: tr("{d} Mar {y}", d=d, y=y), lambda d, y: tr("{d} Apr {y}", d=d, y=y),
    lambda d, y: tr("{d} May {y}", d=d, y=y), lambda d, y: tr("{d} Jun {y}", d=d, y=y),
    lambda d, y: tr("{d} Jul {y}", d=d, y=y), lambda d, y: tr("{d} Aug {y}", d=d, y=y),
    lambda d, y: tr("{d} Sep {y}", d=d, y=y), lambda d, y: tr("{d} Oct {y}", d=d, y=y),
    lambda d, y: tr("{d} Nov {y}", d=d, y=y), lambda d, y: tr("{d} Dec {y}", d=d, y=y),
)


def spoken(day: date) -> Message:
    """A date as it is asked about: ``25 Nov 2082`` (``2082年11月25日``)."""
    said: Message = _SPOKEN[day.month - 1](day.day, day.year)
    return said


def _scheme(scheme: Scheme) -> str:
    # English keeps the scheme's code, as the question always said it.
    code = current_language()
    return scheme.value if code == "en" else label(scheme, code)


def _months_text(months: int) -> Message:
    if months % 12 == 0:
        years = months // 12
        return tr("{n} year", n=years) if years == 1 else tr("{n} years", n=years)
    return tr("{n} months", n=months)


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
        raise Impossible("limit_of_stay", tr("the limit of stay {limit} must fall after the "
                                             "grant date {granted}", limit=spoken(limit),
                                             granted=spoken(granted_on)))
    asked = tr("Is {day} right?", day=spoken(limit))
    questions = []
    if estimate is not None and not (
            add_months(estimate, -ESTIMATE_TOLERANCE_MONTHS) <= limit
            <= add_months(estimate, ESTIMATE_TOLERANCE_MONTHS)):
        questions.append(Question("limit_of_stay", tr("{asked} The estimate is {estimate}.",
                                                      asked=asked,
                                                      estimate=spoken(estimate))))
    if longest_months is not None:
        furthest = add_months(start, longest_months)
        if (limit - furthest).days > LONGEST_SLACK_DAYS and not questions:
            questions.append(Question(
                "limit_of_stay", tr("{asked} {scheme} grants at most {longest} at a time: "
                                    "{furthest} from {start}.", asked=asked,
                                    scheme=_scheme(scheme), longest=_months_text(longest_months),
                                    furthest=spoken(furthest), start=spoken(start))))
    return questions


# People ------------------------------------------------------------------------------
def birth_date_questions(born: date, today: date, *, principal: bool) -> list[Question]:
    """Questions about a date of birth; ``Impossible`` for a future or pre-1900 date."""
    if born > today:
        raise Impossible("date_of_birth", tr("{day} is in the future", day=spoken(born)))
    if born < EARLIEST_BIRTH:
        raise Impossible("date_of_birth", tr("{day} is before {year}", day=spoken(born),
                                             year=EARLIEST_BIRTH.year))
    if not principal:
        return []
    age = age_on(born, today)
    if age < PRINCIPAL_MIN_AGE:
        return [Question("date_of_birth", tr("Is {day} right? The client would be {age}, young "
                                             "for a principal applicant.", day=spoken(born),
                                             age=age))]
    if age > PRINCIPAL_MAX_AGE:
        return [Question("date_of_birth", tr("Is {day} right? The client would be {age}.",
                                             day=spoken(born), age=age))]
    return []


def travel_document_problems(number: str, issue_date: date | None, expiry_date: date | None,
                             born: date | None) -> None:
    """``Impossible`` for an expiry on or before the issue, or an issue before birth."""
    if issue_date and expiry_date and expiry_date <= issue_date:
        raise Impossible("expiry_date", tr("document {number} expires ({expiry}) before it was "
                                           "issued ({issued})", number=number,
                                           expiry=spoken(expiry_date),
                                           issued=spoken(issue_date)))
    if issue_date and born and issue_date < born:
        raise Impossible("issue_date", tr("document {number} was issued ({issued}) before the "
                                          "client was born ({born})", number=number,
                                          issued=spoken(issue_date), born=spoken(born)))


def award_problems(award_date: date | None, start_date: date | None, born: date | None) -> None:
    """``Impossible`` for an award before birth or before the studies started."""
    if award_date and born and award_date < born:
        raise Impossible("award_date", tr("the award ({award}) comes before the client's birth "
                                          "({born})", award=spoken(award_date),
                                          born=spoken(born)))
    if award_date and start_date and award_date < start_date:
        raise Impossible("award_date", tr("the award comes before the studies started"))


def employment_problems(start_date: date, end_date: date | None, born: date | None) -> None:
    """``Impossible`` for a job ending before it started or starting before birth."""
    if end_date is not None and end_date < start_date:
        raise Impossible("end_date", tr("the job cannot end before it started"))
    if born and start_date < born:
        raise Impossible("start_date", tr("the job starts ({start}) before the client's birth "
                                          "({born})", start=spoken(start_date),
                                          born=spoken(born)))
