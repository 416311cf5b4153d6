"""The applicant's presence in Hong Kong for an extension: kept as the case fact "applying from".

ImmD requires the applicant to be in Hong Kong when applying, paying and collecting
the e-Visa for an extension. The consultant's confirmation is the case fact
``applying_from = hong_kong``: the same fact the eligibility rules read, so it is typed
once, saved with the case (audited, versioned) and read back by the pre-filing check.
"""

from __future__ import annotations

from hkcase.domain.case_facts import Place
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.store import Store

FACT = "applying_from"


def in_hong_kong(store: Store, case_id: int) -> bool | None:
    """True when the case records the applicant in Hong Kong, False when elsewhere, None
    when not recorded."""
    place = load_case_facts(store, case_id).values.get(FACT)
    return None if place is None else place == Place.HONG_KONG.value


def confirm_in_hong_kong(store: Store, case_id: int, present: bool, *, actor: str,
                         expected_version: int | None = None) -> bool | None:
    """Keep (``present``) or withdraw the confirmation; returns the fact as now stored.

    Withdrawing clears the fact only when it says Hong Kong: a place recorded elsewhere
    (say, overseas) is a different statement and stays as it is.
    """
    facts = load_case_facts(store, case_id)
    version = facts.version if expected_version is None else expected_version
    current = facts.values.get(FACT)
    if present and current != Place.HONG_KONG.value:
        save_case_facts(store, case_id, version, {FACT: Place.HONG_KONG.value}, actor=actor)
    elif not present and current == Place.HONG_KONG.value:
        save_case_facts(store, case_id, version, {FACT: None}, actor=actor)
    return in_hong_kong(store, case_id)
