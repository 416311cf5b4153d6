"""Building small client histories for the reminder, digest, calendar and tray tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from hkcase.domain.vocab import (
    ApplicationType,
    RelationshipKind,
    ReminderKind,
    ReminderState,
    Residence,
    Scheme,
    Sex,
    Stage,
    TravelDocumentType,
)
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
from hkcase.store.models import ChecklistItem, Document, Relationship, Reminder

ACTOR = "tester"
LEADS = [84, 42, 7]


def add_client(store: Store, family: str = "CHAN", given: str = "Tai Man", *,
               passport_expiry: date | None = date(2035, 1, 1)) -> int:
    documents = [] if passport_expiry is None else [TravelDocumentInput(
        TravelDocumentType.PASSPORT, f"K{abs(hash((family, given))) % 10**8:08d}", "GB",
        date(2020, 1, 1), passport_expiry)]
    return create_client(store, ClientInput(
        family_name=family, given_names=given, sex=Sex.MALE, date_of_birth=date(1990, 5, 17),
        nationality="GB", residence=Residence.OVERSEAS, travel_documents=documents),
        actor=ACTOR)


def add_case(store: Store, client_id: int, scheme: Scheme = Scheme.GEP, *,
             sponsor_case_id: int | None = None, opened: date = date(2023, 1, 5)) -> int:
    kind = ApplicationType.DEPENDANT if scheme is Scheme.DEPENDANT else ApplicationType.NEW
    return create_case(store, CaseInput(client_id, scheme, kind, opened,
                                        sponsor_case_id=sponsor_case_id), actor=ACTOR).id


def add_stay(store: Store, case_id: int, granted: date, limit: date, *,
             entry: date | None = None, number: int = 0) -> int:
    return record_stay(store, StayInput(case_id, granted, limit, entry_date=entry,
                                        extension_number=number), actor=ACTOR)


def link(store: Store, sponsor: int, dependant: int) -> None:
    with store.transaction() as session:
        session.add(Relationship(sponsor_id=sponsor, dependant_id=dependant,
                                 kind=RelationshipKind.SPOUSE))


def add_document(store: Store, case_id: int, title: str, expiry: date | None, *,
                 version: int = 1, code: str = "doc") -> int:
    with store.transaction() as session:
        item = session.scalar(sa.select(ChecklistItem).where(ChecklistItem.case_id == case_id,
                                                             ChecklistItem.code == code))
        if item is None:
            item = ChecklistItem(case_id=case_id, code=code, title_en=title)
            session.add(item)
            session.flush()
        document = Document(checklist_item_id=item.id, version_no=version, sha256="a" * 64,
                            size_bytes=10, original_name="scan.pdf", stored_path="x",
                            media_type="application/pdf", expiry_date=expiry)
        session.add(document)
        session.flush()
        return document.id


def close_case(store: Store, case_id: int) -> None:
    with store.transaction() as session:
        session.execute(sa.text('UPDATE "case" SET stage = :s WHERE id = :i'),
                        {"s": Stage.CLOSED.value, "i": case_id})


@dataclass(frozen=True)
class Stored:
    id: int
    kind: ReminderKind
    due_date: date
    state: ReminderState
    case_id: int
    stay_id: int | None
    snoozed_until: date | None
    title: str


def stored(store: Store) -> dict[str, Stored]:
    """Every stored reminder by key."""
    with store.reading() as session:
        rows = session.execute(sa.select(
            Reminder.key, Reminder.id, Reminder.kind, Reminder.due_date, Reminder.state,
            Reminder.case_id, Reminder.stay_id, Reminder.snoozed_until, Reminder.title)).all()
    return {key: Stored(*rest) for key, *rest in rows}


@dataclass(frozen=True)
class Family:
    """A GEP sponsor with a passport, a dependant spouse on the same limit."""

    sponsor: int
    sponsor_case: int
    sponsor_stay: int
    dependant: int
    dependant_case: int
    dependant_stay: int


def family(store: Store, limit: date = date(2027, 3, 10)) -> Family:
    sponsor = add_client(store, "CHAN", "Tai Man")
    sponsor_case = add_case(store, sponsor, Scheme.GEP)
    sponsor_stay = add_stay(store, sponsor_case, date(2024, 2, 20), limit,
                            entry=date(2024, 3, 10))
    dependant = add_client(store, "WONG", "Mei Ling")
    dependant_case = add_case(store, dependant, Scheme.DEPENDANT, sponsor_case_id=sponsor_case)
    dependant_stay = add_stay(store, dependant_case, date(2024, 3, 1), limit,
                              entry=date(2024, 3, 20))
    link(store, sponsor, dependant)
    return Family(sponsor, sponsor_case, sponsor_stay, dependant, dependant_case,
                  dependant_stay)
