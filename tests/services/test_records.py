"""Creating and changing records: validation, one transaction, audit, optimistic locking."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    Outcome,
    Residence,
    Scheme,
    Sex,
    Stage,
    TravelDocumentType,
)
from hkcase.services.errors import ValidationError
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
    record_stay,
    update_case,
)
from hkcase.store import ConflictError, Store
from hkcase.store.models import AuditEntry, Case, Client, TravelDocument


def _client_input(**overrides: object) -> ClientInput:
    data = ClientInput(
        family_name=" Chan ", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1990, 5, 17), nationality="China", residence=Residence.MAINLAND_CHINA,
        hkid="a123456 3", mainland_id="11010519491231002x",
        travel_documents=[TravelDocumentInput(TravelDocumentType.PRC_PASSPORT, "e 1234 5678",
                                              "CHN", date(2020, 1, 1), date(2030, 1, 1))],
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_create_client_normalises_and_audits(any_store: Store) -> None:
    client_id = create_client(any_store, _client_input(), actor="amy")
    with any_store.reading() as session:
        client = session.get_one(Client, client_id)
        assert (client.nationality, client.hkid, client.mainland_id) == (
            "CN", "A123456(3)", "11010519491231002X")
        assert client.chinese_name == "陳大文"
        assert client.family_name == "CHAN"
        doc = session.scalars(sa.select(TravelDocument)).one()
        assert (doc.number, doc.issuing_country) == ("E12345678", "CN")
        entry, doc_entry = session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id))
        assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
            "amy", AuditAction.CREATE, "client", client_id)
        assert entry.changes["family_name"] == "CHAN"
        # The passport number is audited with its owner, where a purge can find it.
        assert (doc_entry.entity, doc_entry.client_id, doc_entry.changes["number"]) == (
            "travel_document", client_id, "E12345678")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hkid": "A123456(4)"}, "hkid", "wrong check character"),
        ({"mainland_id": "110105194912310020"}, "mainland_id", "wrong check character"),
        ({"nationality": "Atlantis"}, "nationality", "not an ISO 3166-1 country"),
        ({"family_name": " "}, "family_name", "required"),
        ({"date_of_birth": date(2999, 1, 1)}, "date_of_birth", "in the future"),
    ],
)
def test_bad_client_input_is_named_and_nothing_is_written(
    any_store: Store, overrides: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        create_client(any_store, _client_input(**overrides), actor="amy")
    assert caught.value.field == field
    assert _count(any_store, Client) == 0
    assert _count(any_store, TravelDocument) == 0
    assert _count(any_store, AuditEntry) == 0


def test_a_bad_travel_document_rolls_back_the_whole_client(any_store: Store) -> None:
    docs = [TravelDocumentInput(TravelDocumentType.PASSPORT, "K1234567", "GB"),
            TravelDocumentInput(TravelDocumentType.PASSPORT, "K7654321", "Narnia")]
    with pytest.raises(ValidationError, match="issuing_country"):
        create_client(any_store, _client_input(travel_documents=docs), actor="amy")
    assert _count(any_store, Client) == 0


def test_case_references_are_unique_and_sequential(any_store: Store) -> None:
    client_id = create_client(any_store, _client_input(), actor="amy")
    refs = [create_case(any_store, CaseInput(client_id, Scheme.TTPS, ApplicationType.NEW,
                                             date(2026, 11, 1)), actor="amy")
            for _ in range(3)]
    assert [r.reference for r in refs] == ["2026-000001", "2026-000002", "2026-000003"]


def test_case_for_a_missing_client_is_refused(any_store: Store) -> None:
    with pytest.raises(ValidationError, match="no client number 99"):
        create_case(any_store, CaseInput(99, Scheme.GEP, ApplicationType.NEW, date(2026, 1, 1)),
                    actor="amy")


def test_update_case_with_optimistic_locking(any_store: Store) -> None:
    client_id = create_client(any_store, _client_input(), actor="amy")
    ref = create_case(any_store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                           date(2026, 10, 1)), actor="amy")
    first = update_case(any_store, ref.id, ref.version, actor="amy", stage=Stage.SUBMITTED,
                        submitted_on=date(2026, 10, 20))
    assert first.version == ref.version + 1
    # Ben opened the case before Amy saved: his save must not overwrite hers.
    with pytest.raises(ConflictError, match="Changed by amy at"):  # the colleague, named
        update_case(any_store, ref.id, ref.version, actor="ben", immd_file_ref="GE123")
    with any_store.reading() as session:
        case = session.get_one(Case, ref.id)
        assert (case.stage, case.immd_file_ref) == (Stage.SUBMITTED, None)
        entries = session.scalars(sa.select(AuditEntry).where(AuditEntry.entity == "case")
                                  .order_by(AuditEntry.id)).all()
        assert entries[-1].changes == {"stage": ["intake", "submitted"],
                                       "submitted_on": [None, "2026-10-20"]}


def test_update_case_refuses_an_outcome_before_a_decision(any_store: Store) -> None:
    client_id = create_client(any_store, _client_input(), actor="amy")
    ref = create_case(any_store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                           date(2026, 10, 1)), actor="amy")
    with pytest.raises(ValidationError, match="decided or closed"):
        update_case(any_store, ref.id, ref.version, actor="amy", outcome=Outcome.APPROVED)
    with pytest.raises(ValidationError, match="cannot be changed here"):
        update_case(any_store, ref.id, ref.version, actor="amy", reference="X")
    with pytest.raises(ValidationError, match="before it was opened"):
        update_case(any_store, ref.id, ref.version, actor="amy", submitted_on=date(2026, 9, 1))


def test_record_stay_rules(any_store: Store) -> None:
    client_id = create_client(any_store, _client_input(), actor="amy")
    ref = create_case(any_store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                           date(2026, 1, 1)), actor="amy")
    stay = StayInput(ref.id, granted_on=date(2026, 3, 1), limit_of_stay=date(2029, 3, 1),
                     entry_date=date(2026, 3, 10))
    assert record_stay(any_store, stay, actor="amy") > 0
    with pytest.raises(ValidationError, match="already has a stay numbered 0"):
        record_stay(any_store, stay, actor="amy")
    with pytest.raises(ValidationError, match="after the grant date"):
        record_stay(any_store, StayInput(ref.id, date(2026, 3, 1), date(2026, 2, 1)),
                    actor="amy")


def test_record_stay_numbers_the_next_extension(any_store: Store) -> None:
    from hkcase.store.models import Stay

    client_id = create_client(any_store, _client_input(), actor="amy")
    ref = create_case(any_store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                           date(2026, 1, 1)), actor="amy")
    for limit in (date(2029, 3, 1), date(2032, 3, 1)):
        record_stay(any_store, StayInput(ref.id, date(2026, 3, 1), limit,
                                         extension_number=None), actor="amy")
    with any_store.reading() as session:
        numbers = session.scalars(sa.select(Stay.extension_number).order_by(Stay.id)).all()
    assert numbers == [0, 1]
