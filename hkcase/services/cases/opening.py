"""Opening a new case: scheme suggestions from a quick eligibility run, then the case."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from hkcase.domain.eligibility import Verdict
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.services.checklists import fill_checklist
from hkcase.services.eligibility.run import check_client
from hkcase.services.errors import ValidationError
from hkcase.services.records import CaseInput, CaseRef, add_case
from hkcase.store import Store

log = logging.getLogger(__name__)
_RANK = {Verdict.ELIGIBLE: 0, Verdict.NEEDS_REVIEW: 1, Verdict.NOT_ELIGIBLE: 2}


@dataclass(frozen=True)
class Suggestion:
    scheme: Scheme
    outcome: str
    missing: int


def suggest_schemes(store: Store, client_id: int, on: date | None = None) -> list[Suggestion]:
    """Schemes ordered by how well the client's records fit: eligible, then fewest gaps."""
    results = check_client(store, client_id, on=on).results
    ranked = sorted(
        (r for r in results if r.scheme != Scheme.DEPENDANT.value),
        key=lambda r: (_RANK[r.outcome], len(r.missing)))
    return [Suggestion(Scheme(r.scheme), r.outcome.value, len(r.missing)) for r in ranked]


def default_application_type(scheme: Scheme) -> ApplicationType | None:
    """The application type a new case of ``scheme`` starts with, if the scheme implies one.

    A dependant's first application is the dependant application; any other scheme leaves
    the choice to the consultant.
    """
    return ApplicationType.DEPENDANT if scheme is Scheme.DEPENDANT else None


def open_case(store: Store, client_id: int, scheme: Scheme, application_type: ApplicationType,
              *, actor: str, consultant_id: int | None = None, opened_on: date | None = None
              ) -> CaseRef:
    """Open a case for a client with its checklist from the scheme's template.

    Reminders follow once a stay is recorded. A scheme and type without a
    template (New CIES) gets an empty checklist for the consultant to fill.
    """
    with store.transaction() as session:  # one use case, one transaction
        case = add_case(session, CaseInput(client_id, scheme, application_type,
                                           opened_on or date.today(),
                                           consultant_id=consultant_id), actor=actor)
        try:
            fill_checklist(session, case.id, actor=actor)
        except ValidationError:  # raised before anything of the checklist is written
            log.info("no checklist template for %s %s", scheme.value, application_type.value)
        return CaseRef(case.id, case.reference, case.version)
