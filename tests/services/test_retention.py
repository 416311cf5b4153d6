"""Retention purge on a real store: old closed cases go with their files; ID numbers leave audit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, Stage, TravelDocumentType
from hkcase.services import checklists as C
from hkcase.services import documents, retention
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
    update_case,
)
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Case, Client, Document, TravelDocument
from tests.pdf_support import ACTOR, make_pdf
from tests.shared_files_support import is_stored

TODAY = date(2026, 12, 1)


def _client(store: Store, family: str, passport: str, hkid: str | None = None) -> int:
    return create_client(store, ClientInput(
        family_name=family, given_names="Test", sex=Sex.FEMALE, date_of_birth=date(1980, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS, hkid=hkid,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, passport, "GB")]),
        actor=ACTOR)


def _case(store: Store, client_id: int, opened: date, closed: date | None) -> int:
    ref = create_case(store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW, opened),
                      actor=ACTOR)
    if closed is not None:
        update_case(store, ref.id, ref.version, actor=ACTOR, stage=Stage.CLOSED,
                    closed_on=closed)
    return ref.id


def test_lists_and_purges_old_closed_cases(any_store: Store, tmp_path: Path) -> None:
    attachments = tmp_path / "attachments"
    old = _client(any_store, "Old", "K11111111", hkid="A123456(3)")
    old_case = _case(any_store, old, date(2015, 1, 5), date(2018, 6, 30))
    item = C.create_checklist(any_store, old_case, actor=ACTOR)[0]
    scan = make_pdf(tmp_path / "passport.pdf", 1, "old passport")
    stored = documents.attach_file(any_store, attachments, item.id, scan, actor=ACTOR)
    kept = _client(any_store, "Kept", "K22222222")
    kept_old = _case(any_store, kept, date(2016, 1, 5), date(2017, 3, 1))
    kept_open = _case(any_store, kept, date(2025, 1, 5), None)
    recent = _client(any_store, "Recent", "K33333333")
    _case(any_store, recent, date(2023, 1, 5), date(2024, 1, 1))
    # The same scan on a case that stays: its file must stay too.
    other_item = C.create_checklist(any_store, kept_open, actor=ACTOR)[0]
    documents.attach_file(any_store, attachments, other_item.id,
                          make_pdf(tmp_path / "kept.pdf", 1, "kept"), actor=ACTOR)

    listed = retention.closed_cases(any_store, 7, today=TODAY)
    assert [(c.case_id, c.client_goes, c.documents) for c in listed] == [
        (kept_old, False, 0), (old_case, True, 1)]
    assert json.dumps([c.as_json() for c in listed])

    report = retention.purge(any_store, attachments, 7, actor="dpo", today=TODAY)
    assert (report.cases, report.clients, report.files_removed) == (2, 1, 1)
    assert not is_stored(any_store, attachments, stored)
    with any_store.reading() as session:
        assert {c for c in session.scalars(sa.select(Case.id))} == {kept_open, kept_open + 1}
        assert session.get(Client, old) is None and session.get(Client, kept) is not None
        assert session.scalars(sa.select(TravelDocument.number)).all() == [
            "K22222222", "K33333333"]
        assert session.scalar(sa.select(sa.func.count()).select_from(Document)) == 1
        entries = [(e.actor, e.entity_id, e.changes)
                   for e in session.scalars(sa.select(AuditEntry))]
    text = json.dumps([changes for _, _, changes in entries])
    assert "K11111111" not in text and "A123456(3)" not in text
    assert "K22222222" in text  # the client who stays keeps their history
    purged = [(entity_id, changes) for actor, entity_id, changes in entries if actor == "dpo"]
    assert {entity_id for entity_id, _ in purged} == {old_case, kept_old}
    assert all("retention" in changes["purged"] for _, changes in purged)
    assert retention.closed_cases(any_store, 7, today=TODAY) == []
