"""Records for the online-filing tests: a client with a passport, a case, a stay."""

from __future__ import annotations

from datetime import date

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, TravelDocumentType
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store

ACTOR = "tester"
PASSPORT = "K12345678"


def filing_case(store: Store, *, scheme: Scheme = Scheme.GEP,
                kind: ApplicationType = ApplicationType.EXTENSION,
                residence: Residence = Residence.OVERSEAS, passport_expiry: date | None =
                date(2031, 6, 30), limit: date | None = date(2027, 2, 1),
                sponsor_case_id: int | None = None, family: str = "Lam",
                given: str = "Wing Yan", chinese_name: str | None = "林詠欣",
                employer: str | None = "Harbour Analytics Ltd") -> tuple[int, str]:
    """A case for the filing tests; returns (case id, reference)."""
    documents = [] if passport_expiry is None else [TravelDocumentInput(
        TravelDocumentType.PASSPORT, PASSPORT, "GB", date(2021, 7, 1), passport_expiry)]
    client = create_client(store, ClientInput(
        family_name=family, given_names=given, sex=Sex.FEMALE, date_of_birth=date(1992, 5, 17),
        nationality="GB", residence=residence, chinese_name=chinese_name,
        email="wing.lam@example.com", phone="+852 5123 4567", travel_documents=documents),
        actor=ACTOR)
    ref = create_case(store, CaseInput(client_id=client, scheme=scheme, application_type=kind,
                                       opened_on=date(2026, 6, 1), employer=employer,
                                       sponsor_case_id=sponsor_case_id), actor=ACTOR)
    if limit is not None:
        record_stay(store, StayInput(case_id=ref.id, granted_on=date(2024, 2, 2),
                                     limit_of_stay=limit), actor=ACTOR)
    return ref.id, ref.reference
