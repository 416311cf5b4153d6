"""Editing and deleting records: audited old → new, owner versions, Trash, undo (SQLite, PG)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    EducationLevel,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.services import checklists as C
from hkcase.services import client_history, documents, undo
from hkcase.services.cases import edit as cases
from hkcase.services.cases import notes
from hkcase.services.cases.detail import add_note, get_case
from hkcase.services.clients import add_education, get_client, update_client
from hkcase.services.errors import NeedsConfirmation, ValidationError
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
)
from hkcase.services.stays import listing as stays
from hkcase.services.trash import bin as trash
from hkcase.store import ConflictError, Store, audit
from hkcase.store.models import (
    AuditEntry,
    Case,
    ChecklistItem,
    Client,
    Document,
    Reminder,
    Stay,
    TrashEntry,
    TravelDocument,
)
from tests.pdf_support import make_pdf
from tests.shared_files_support import is_stored

LEADS = (84, 42, 7)


def _client(store: Store) -> int:
    return create_client(store, ClientInput(
        family_name="Chan", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1990, 5, 17),
        nationality="GB", residence=Residence.OVERSEAS, hkid="A123456(3)",
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "K1234567", "GB",
                                              date(2020, 1, 1), date(2030, 1, 1))]),
        actor="amy")


def _case(store: Store, client_id: int) -> int:
    case = create_case(store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                        date(2025, 1, 10)), actor="amy")
    return case.id


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _doc_id(store: Store, client_id: int) -> int:
    with store.reading() as session:
        return session.scalars(sa.select(TravelDocument.id)
                               .where(TravelDocument.client_id == client_id)).one()


def test_travel_document_edit_is_audited_and_a_stale_client_save_conflicts(
        any_store: Store) -> None:
    client_id = _client(any_store)
    opened_by_ben = get_client(any_store, client_id)  # Ben opens the client editor
    doc_id = _doc_id(any_store, client_id)
    edited = client_history.update_row(any_store, "travel_document", doc_id,
                                       {"number": "K7654321"}, actor="amy",
                                       expected_version=opened_by_ben.version)
    assert edited.old == {"number": "K1234567"}
    assert edited.owner_version is not None and edited.owner_version > opened_by_ben.version
    with any_store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "travel_document", AuditEntry.action == AuditAction.UPDATE)
        ).one()
        assert entry.changes == {"number": ["K1234567", "K7654321"]}
        assert (entry.client_id, entry.actor) == (client_id, "amy")
    # Ben saves what he opened: refused, and the new number stays.
    with pytest.raises(ConflictError):
        update_client(any_store, client_id, opened_by_ben.version, opened_by_ben.data,
                      actor="ben")
    with any_store.reading() as session:
        assert session.get_one(TravelDocument, doc_id).number == "K7654321"


def test_client_edit_is_audited_old_to_new_with_its_documents(any_store: Store) -> None:
    client_id = _client(any_store)
    record = get_client(any_store, client_id)
    data = record.data
    data.given_names = "Tai-man"
    data.hkid = "A123456(3)"
    data.travel_documents[0].expiry_date = date(2031, 1, 1)
    data.travel_documents.append(TravelDocumentInput(TravelDocumentType.PASSPORT, "K2222222",
                                                     "GB"))
    version = update_client(any_store, client_id, record.version, data, actor="amy")
    assert version > record.version
    with any_store.reading() as session:
        updates = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.action == AuditAction.UPDATE).order_by(AuditEntry.entity)).all()
        by_entity = {e.entity: e.changes for e in updates}
        assert by_entity["client"] == {"given_names": ["Tai Man", "Tai-man"]}
        assert by_entity["travel_document"] == {"expiry_date": ["2030-01-01", "2031-01-01"]}
        numbers = session.scalars(sa.select(TravelDocument.number)
                                  .order_by(TravelDocument.id)).all()
        assert numbers == ["K1234567", "K2222222"]  # the older document was kept


def test_history_rows_raise_the_clients_version_and_check_dates(any_store: Store) -> None:
    client_id = _client(any_store)
    before = get_client(any_store, client_id).version
    row_id = add_education(any_store, client_id, level=EducationLevel.BACHELOR,
                           institution="HKU", award_date=date(2012, 6, 1), full_time=True,
                           actor="amy")
    assert get_client(any_store, client_id).version > before
    with pytest.raises(ValidationError, match="before the client's birth"):
        client_history.update_row(any_store, "education", row_id,
                                  {"award_date": date(1980, 1, 1)}, actor="amy")
    with pytest.raises(ValidationError, match="expires"):
        client_history.update_row(any_store, "travel_document", _doc_id(any_store, client_id),
                                  {"expiry_date": date(2019, 1, 1)}, actor="amy")
    assert client_history.get_row(any_store, "education", row_id)["award_date"] == date(2012, 6, 1)


def test_case_deletion_names_what_goes_and_restores_with_the_same_ids(
        any_store: Store, tmp_path: Path) -> None:
    client_id = _client(any_store)
    case_id = _case(any_store, client_id)
    stays.record_printed_stay(any_store, StayInput(case_id, date(2025, 2, 1), date(2027, 2, 1)),
                              actor="amy", lead_days=LEADS)
    items = C.create_checklist(any_store, case_id, actor="amy")
    attachments = tmp_path / "attachments"
    version = documents.attach_file(any_store, attachments, items[0].id,
                                    make_pdf(tmp_path / "scan.pdf"), actor="amy")
    add_note(any_store, case_id, "called the client", actor="amy")
    reminders = _count(any_store, Reminder)
    assert reminders > 0
    asked = cases.case_deletion(any_store, case_id)
    assert asked.question.startswith(f"Delete case {get_case(any_store, case_id).reference}")
    assert f"{len(items)} checklist items" in asked.contents
    for part in ("1 stay", f"{reminders} reminders", "1 file", "1 note"):
        assert part in asked.contents
    done = cases.delete_case(any_store, case_id, actor="amy")
    assert (_count(any_store, Case), _count(any_store, Stay), _count(any_store, Document)) == (
        0, 0, 0)
    assert is_stored(any_store, attachments, version)  # kept until purged
    (listed,) = trash.list_trash(any_store)
    assert (listed.id, listed.kind, listed.entity_id) == (done.trash_id, "case", case_id)
    trash.restore(any_store, listed.id, actor="amy")
    restored = get_case(any_store, case_id)
    assert restored.stays[0].limit_of_stay == date(2027, 2, 1)
    assert [e.id for e in C.list_checklist(any_store, case_id)] == [e.id for e in items]
    assert documents.get_version(any_store, version.id).sha256 == version.sha256
    assert _count(any_store, Reminder) == reminders
    assert trash.list_trash(any_store) == []
    with any_store.reading() as session:
        actions = [e.action for e in session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "case", AuditEntry.entity_id == case_id)
            .order_by(AuditEntry.id))]
    assert actions[-2:] == [AuditAction.DELETE, AuditAction.CREATE]


def test_purge_removes_a_file_only_when_nothing_else_uses_it(any_store: Store,
                                                              tmp_path: Path) -> None:
    client_id = _client(any_store)
    first, second = _case(any_store, client_id), _case(any_store, client_id)
    attachments = tmp_path / "attachments"
    scan = make_pdf(tmp_path / "scan.pdf")
    kept = [documents.attach_file(any_store, attachments,
                                  C.create_checklist(any_store, case, actor="amy")[0].id, scan,
                                  actor="amy") for case in (first, second)]
    gone = cases.delete_case(any_store, first, actor="amy")
    assert gone.trash_id is not None
    trash.purge(any_store, gone.trash_id, attachments, actor="amy")
    assert is_stored(any_store, attachments, kept[1])  # the second case still uses the scan
    gone = cases.delete_case(any_store, second, actor="amy")
    assert gone.trash_id is not None
    trash.purge(any_store, gone.trash_id, attachments, actor="amy")
    assert not is_stored(any_store, attachments, kept[1])
    assert _count(any_store, TrashEntry) == 0


def test_client_deletion_takes_cases_and_comes_back(any_store: Store) -> None:
    client_id = _client(any_store)
    case_id = _case(any_store, client_id)
    asked = trash.preview(any_store, "client", client_id)
    reference = get_case(any_store, case_id).reference
    assert f"1 case ({reference})" in asked.contents
    assert "1 travel document" in asked.contents
    done = trash.delete_record(any_store, "client", client_id, actor="amy")
    assert _count(any_store, Client) == _count(any_store, Case) == 0
    assert done.trash_id is not None
    trash.restore(any_store, done.trash_id, actor="amy")
    assert get_case(any_store, case_id).passport == "K1234567"
    with any_store.reading() as session:
        assert session.get_one(Client, client_id).hkid == "A123456(3)"


def test_restoring_a_stay_whose_case_is_gone_says_so(any_store: Store) -> None:
    case_id = _case(any_store, _client(any_store))
    stay_id = stays.record_printed_stay(any_store, StayInput(case_id, date(2025, 2, 1),
                                                             date(2027, 2, 1)),
                                        actor="amy", lead_days=LEADS)
    gone = stays.delete_stay(any_store, stay_id, actor="amy", lead_days=LEADS)
    cases.delete_case(any_store, case_id, actor="amy")
    assert gone.trash_id is not None
    with pytest.raises(ValidationError, match=r"case .* is no longer there"):
        trash.restore(any_store, gone.trash_id, actor="amy")


def test_the_2082_typo_is_asked_about_and_saved_only_when_confirmed(any_store: Store) -> None:
    case_id = _case(any_store, _client(any_store))
    typo = StayInput(case_id, date(2029, 11, 25), date(2082, 11, 25))
    with pytest.raises(NeedsConfirmation) as asked:
        stays.record_printed_stay(any_store, typo, actor="amy", lead_days=LEADS, confirm=False)
    assert asked.value.questions[0].startswith("Is 25 Nov 2082 right? The estimate is ")
    assert _count(any_store, Stay) == 0
    stay_id = stays.record_printed_stay(any_store, typo, actor="amy", lead_days=LEADS,
                                        confirm=True)
    with pytest.raises(NeedsConfirmation):
        stays.update_stay(any_store, stay_id, {"limit_of_stay": date(2083, 1, 1)},
                          actor="amy", lead_days=LEADS, confirm=False)
    with pytest.raises(ValidationError, match="after the grant date"):
        stays.update_stay(any_store, stay_id, {"limit_of_stay": date(2020, 1, 1)},
                          actor="amy", lead_days=LEADS)


def test_stay_edit_is_audited_raises_the_case_version_and_undoes(any_store: Store) -> None:
    case_id = _case(any_store, _client(any_store))
    stay_id = stays.record_printed_stay(any_store, StayInput(case_id, date(2025, 2, 1),
                                                             date(2082, 11, 25)),
                                        actor="amy", lead_days=LEADS)
    version = get_case(any_store, case_id).version
    ctx = undo.Session(any_store, "amy", LEADS)
    stack = undo.UndoStack()
    edited = stays.update_stay(any_store, stay_id, {"limit_of_stay": date(2028, 11, 25)},
                               actor="amy", lead_days=LEADS, expected_version=version)
    stack.push(undo.after_edit(ctx, edited, "edit stay 0"))
    assert get_case(any_store, case_id).version > version
    with any_store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "stay", AuditEntry.action == AuditAction.UPDATE)).one()
        assert entry.changes == {"limit_of_stay": ["2082-11-25", "2028-11-25"]}
        assert entry.case_id == case_id
    with pytest.raises(ConflictError):  # a stale pane cannot save over it
        stays.update_stay(any_store, stay_id, {"condition_of_stay": "x"}, actor="ben",
                          lead_days=LEADS, expected_version=version)
    assert stack.undo() == "edit stay 0"
    assert get_case(any_store, case_id).stays[0].limit_of_stay == date(2082, 11, 25)


def test_undo_of_delete_and_create_and_a_colleagues_change(any_store: Store) -> None:
    client_id = _client(any_store)
    case_id = _case(any_store, client_id)
    ctx = undo.Session(any_store, "amy", LEADS)
    stack = undo.UndoStack()
    note = add_note(any_store, case_id, "first", actor="amy")
    stack.push(undo.after_create(ctx, "note", note.id, "add note"))
    edited = notes.update_note(any_store, note.id, "second", actor="amy")
    stack.push(undo.after_edit(ctx, edited, "edit note"))
    stack.push(undo.after_delete(ctx, cases.delete_case(any_store, case_id, actor="amy")))
    assert stack.next_label is not None and stack.next_label.startswith("delete case")
    stack.undo()
    assert get_case(any_store, case_id).id == case_id
    stack.undo()
    assert notes.get_note(any_store, note.id) == "first"
    stack.undo()
    with pytest.raises(ValidationError):
        notes.get_note(any_store, note.id)
    assert not stack.can_undo()
    # An edit undone after a colleague changed the record: refused, not overwritten.
    doc_id = _doc_id(any_store, client_id)
    edited = client_history.update_row(any_store, "travel_document", doc_id,
                                       {"number": "K0000001"}, actor="amy")
    stack.push(undo.after_edit(ctx, edited, "edit passport"))
    client_history.update_row(any_store, "travel_document", doc_id, {"number": "K0000002"},
                              actor="ben")
    with pytest.raises(ConflictError):
        stack.undo()
    assert client_history.get_row(any_store, "travel_document", doc_id)["number"] == "K0000002"


def test_checklist_item_and_document_version_edit_and_delete(any_store: Store,
                                                             tmp_path: Path) -> None:
    case_id = _case(any_store, _client(any_store))
    item = C.create_checklist(any_store, case_id, actor="amy")[0]
    version = documents.attach_file(any_store, tmp_path / "att", item.id,
                                    make_pdf(tmp_path / "a.pdf"), actor="amy")
    edited = C.edit_item(any_store, item.id, actor="amy", title_en="Passport copy")
    assert edited.old == {"title_en": item.title_en}
    changed = documents.update_version(any_store, version.id, actor="amy",
                                       expiry_date=date(2030, 1, 1))
    assert changed.old == {"expiry_date": None}
    with any_store.reading() as session:
        entity_changes = {e.entity: e.changes for e in session.scalars(
            sa.select(AuditEntry).where(AuditEntry.action == AuditAction.UPDATE,
                                        AuditEntry.case_id == case_id))}
    assert entity_changes["document"] == {"expiry_date": [None, "2030-01-01"]}
    asked = trash.preview(any_store, "checklist_item", item.id)
    assert asked.contents == ("1 file",)
    trash.delete_record(any_store, "document", version.id, actor="amy")
    assert C.get_item(any_store, item.id).latest is None
    trash.delete_record(any_store, "checklist_item", item.id, actor="amy")
    assert _count(any_store, ChecklistItem) == len(C.list_checklist(any_store, case_id))


def test_identity_numbers_in_the_audit_can_be_scrubbed(any_store: Store) -> None:
    client_id = _client(any_store)
    client_history.update_row(any_store, "travel_document", _doc_id(any_store, client_id),
                              {"number": "K7654321"}, actor="amy")
    with any_store.transaction() as session:
        assert audit.scrub_identity_numbers(session, client_id) == 3
    with any_store.reading() as session:
        texts = " ".join(str(e.changes) for e in session.scalars(sa.select(AuditEntry)))
    for number in ("K1234567", "K7654321", "A123456(3)"):
        assert number not in texts


def test_undo_of_a_client_edit_also_removes_the_document_it_added(any_store: Store) -> None:
    from dataclasses import replace

    from hkcase.services.clients import undo_client_edit

    client_id = _client(any_store)
    before = get_client(any_store, client_id)
    new_permit = TravelDocumentInput(TravelDocumentType.PASSPORT, "K7777777", "GB",
                                     date(2024, 1, 1), date(2034, 1, 1))
    edited = replace(before.data, given_names="Tai-man",
                     travel_documents=[*before.data.travel_documents, new_permit])
    version = update_client(any_store, client_id, before.version, edited, actor="amy")
    after = get_client(any_store, client_id)
    added = [d.id for d in after.data.travel_documents
             if d.id not in {x.id for x in before.data.travel_documents}]
    assert len(added) == 1 and _count(any_store, TravelDocument) == 2
    undo_client_edit(any_store, client_id, version, before.data, added, actor="amy")
    undone = get_client(any_store, client_id)
    assert undone.data.given_names == "Tai Man"
    assert [d.number for d in undone.data.travel_documents] == ["K1234567"]
    with any_store.reading() as session:  # to the Trash, not lost
        assert session.scalars(sa.select(TrashEntry.entity)).all() == ["travel_document"]


def test_a_family_link_edited_from_the_dependants_window_checks_the_dependant(
        any_store: Store) -> None:
    from hkcase.domain.vocab import RelationshipKind
    from hkcase.services.clients import link_dependant

    sponsor = _client(any_store)
    dependant = create_client(any_store, ClientInput(
        family_name="Chan", given_names="Siu Ming", sex=Sex.MALE, date_of_birth=date(2015, 3, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="amy")
    link = link_dependant(any_store, sponsor, dependant, RelationshipKind.CHILD, actor="amy")
    mine = get_client(any_store, dependant).version
    edited = client_history.update_row(any_store, "relationship", link,
                                       {"since": date(2015, 3, 1)}, actor="amy",
                                       expected_version=mine, client_id=dependant)
    assert edited.owner_id == dependant
    assert edited.owner_version == get_client(any_store, dependant).version
    with pytest.raises(ConflictError):  # the dependant's old version is stale now
        client_history.update_row(any_store, "relationship", link, {"since": None},
                                  actor="amy", expected_version=mine, client_id=dependant)
    undo.after_edit(undo.Session(any_store, "amy", (28,)), edited, "edit link").run()
    assert client_history.get_row(any_store, "relationship", link)["since"] is None
