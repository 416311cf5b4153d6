"""The case's activity: every audited change of the case, its client and documents, readable."""

from __future__ import annotations

from datetime import date

from hkcase.domain.vocab import ApplicationType, AuditAction, Residence, Scheme, Sex
from hkcase.services.activity import case_activity
from hkcase.services.cases.detail import add_note
from hkcase.services.checklists import create_checklist
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store, audit
from hkcase.store.models import Client, Stay


def _setup(store: Store) -> tuple[int, int, int]:
    client = create_client(store, ClientInput(
        family_name="LAU", given_names="Mei", sex=Sex.FEMALE, date_of_birth=date(1990, 3, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="amy")
    case = create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                        date(2025, 1, 10)), actor="amy")
    first = record_stay(store, StayInput(case.id, date(2025, 2, 1), date(2028, 2, 1)),
                        actor="amy", confirm=True)
    second = record_stay(store, StayInput(case.id, date(2028, 1, 20), date(2082, 11, 25),
                                          extension_number=1), actor="amy", confirm=True)
    del first
    return client, case.id, second


def test_a_stay_correction_reads_as_a_person_would_say_it(sqlite_store: Store) -> None:
    _client, case_id, stay_id = _setup(sqlite_store)
    with sqlite_store.transaction() as session:
        stay = session.get_one(Stay, stay_id)
        stay.limit_of_stay = date(2028, 11, 25)
        audit.record(session, actor="Ben Lau", action=AuditAction.UPDATE, obj=stay,
                     changes=audit.pending_changes(stay))
    rows = case_activity(sqlite_store, case_id)
    assert rows[0].text == "Stay 2 limit changed 2082-11-25 → 2028-11-25 by Ben Lau"
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)


def test_client_changes_and_notes_are_in_the_case_activity(sqlite_store: Store) -> None:
    client, case_id, _ = _setup(sqlite_store)
    with sqlite_store.transaction() as session:
        person = session.get_one(Client, client)
        person.given_names = "Mei Ling"
        audit.record(session, actor="amy", action=AuditAction.UPDATE, obj=person,
                     changes=audit.pending_changes(person))
    add_note(sqlite_store, case_id, "Passport copy received", actor="amy")
    texts = [r.text for r in case_activity(sqlite_store, case_id)]
    assert "Client given names changed Mei → Mei Ling by amy" in texts
    assert "Note added: Passport copy received by amy" in texts
    assert any(t.startswith("Client created") for t in texts)


def test_creating_the_checklist_is_not_a_second_case_created(sqlite_store: Store) -> None:
    _, case_id, _ = _setup(sqlite_store)
    create_checklist(sqlite_store, case_id, actor="amy")
    texts = [r.what for r in case_activity(sqlite_store, case_id)]
    assert sum(t.startswith("Case created") for t in texts) == 1
    assert any(t.startswith("Checklist created from") for t in texts)
