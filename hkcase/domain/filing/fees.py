"""Fees for a case and its family from ImmD's dated fee table, and the expected decision date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hkcase.domain.filing.rules import NotInForce, fee_table, processing_time
from hkcase.domain.vocab import ApplicationType, Scheme


@dataclass(frozen=True)
class Applicant:
    """One person filing in an application: the principal or a dependant."""

    name: str
    scheme: Scheme
    application_type: ApplicationType
    sponsor_scheme: Scheme | None = None  # for a dependant's own case
    stay_days: int | None = None  # the relevant period of the stay applied for, if known


@dataclass(frozen=True)
class FeeLine:
    """What one applicant pays: on filing, and on approval (None where unknown)."""

    name: str
    on_filing: int | None
    on_approval: int | None
    on_approval_if_long: int | None  # when stay_days is unknown: > 180 days
    on_approval_if_short: int | None  # when stay_days is unknown: ≤ 180 days
    note: str


@dataclass(frozen=True)
class Fees:
    """The fees of a case and its family, with the table's source."""

    lines: tuple[FeeLine, ...]
    on_filing_total: int | None
    refundable: bool
    source: str
    source_revised: date | None
    notes: tuple[str, ...]


def _specified(person: Applicant, schemes: frozenset[Scheme]) -> bool | None:
    if person.scheme is Scheme.DEPENDANT:
        return None if person.sponsor_scheme is None else person.sponsor_scheme in schemes
    return person.scheme in schemes


def fees_for(people: list[Applicant], filing_date: date) -> Fees:
    """Each applicant's fees under the table in force on ``filing_date``.

    Before 2025-02-26 (the earlier structure, not held) and for dependants whose sponsor's
    scheme is unknown or not a specified scheme, the amounts are None with a note.
    """
    try:
        table = fee_table(filing_date)
    except NotInForce:
        old = tuple(FeeLine(p.name, None, None, None, None,
                            "filed before 26 February 2025: the earlier fee structure applies "
                            "(not held by hkcase)") for p in people)
        return Fees(old, None, False, "", None, ())
    lines: list[FeeLine] = []
    for p in people:
        specified = _specified(p, table.schemes)
        if specified is not True:
            why = ("the sponsor's scheme is not recorded" if specified is None else
                   "the sponsor's scheme is not a specified scheme: see ImmD's general fee table")
            lines.append(FeeLine(p.name, None, None, None, None, why))
            continue
        approval = None
        if p.stay_days is not None:
            approval = (table.issuance_fee_long if p.stay_days > table.long_stay_over_days
                        else table.issuance_fee_short)
        lines.append(FeeLine(p.name, table.application_fee, approval,
                             table.issuance_fee_long, table.issuance_fee_short, ""))
    amounts = [line.on_filing for line in lines]
    total = None if any(a is None for a in amounts) else sum(a or 0 for a in amounts)
    notes = (f"HK${table.application_fee:,} per applicant and per dependant on filing, "
             "non-refundable in any circumstances",
             f"on approval HK${table.issuance_fee_long:,} for a stay of more than "
             f"{table.long_stay_over_days} days, else HK${table.issuance_fee_short:,}",
             table.notes)
    return Fees(tuple(lines), total, table.refundable, table.source, table.source_revised,
                tuple(n for n in notes if n))


@dataclass(frozen=True)
class ExpectedDecision:
    """ImmD's published processing time applied to a filing date."""

    earliest: date
    around: date  # filing date + the longer published time
    weeks: tuple[int, int]
    note: str
    source: str
    source_revised: date


def expected_decision(scheme: Scheme, application_type: ApplicationType, filed_on: date
                      ) -> ExpectedDecision | None:
    """When ImmD's published time puts the decision; None where no time is published."""
    time = processing_time(scheme, application_type, filed_on)
    if time is None:
        return None
    return ExpectedDecision(filed_on + timedelta(weeks=time.weeks_from),
                            filed_on + timedelta(weeks=time.weeks_to),
                            (time.weeks_from, time.weeks_to), time.note, time.source,
                            time.source_revised)
