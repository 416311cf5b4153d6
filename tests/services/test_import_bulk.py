"""The bulk write path of an import stores what the ORM would, and a cancelled import nothing."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import AuditAction, Outcome, Residence, Sex, Stage
from hkcase.services.imports import apply_plan, plan_import
from hkcase.services.imports.progress import INDEXING, WRITING, Cancelled
from hkcase.services.records import ClientInput, create_client
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Case, Client, Note, Stay, TravelDocument
from hkcase.store.queries import search

TODAY = date(2026, 12, 1)
CSV = "\r\n".join([
    "family_name,given_names,chinese_name,sex,date_of_birth,nationality,passport_number,"
    "passport_expiry,hkid,scheme,limit_of_stay",
    "Chan,Tai Man,陳大文,M,04/03/1990,GB,K1234567,2030-01-31,A123456(3),TTPS,2028-06-30",
    "Wong,Mei,,F,1992-07-08,CA,,,,,",
]) + "\r\n"


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_rows_written_in_bulk_read_back_as_the_orm_writes_them(any_store: Store,
                                                                tmp_path: Path) -> None:
    before = create_client(any_store, ClientInput(
        family_name="Ho", given_names="Wing", sex=Sex.MALE, date_of_birth=date(1985, 2, 3),
        nationality="CA", residence=Residence.OVERSEAS), actor="tester")
    source = tmp_path / "clients.csv"
    source.write_text(CSV, encoding="utf-8")
    result = apply_plan(any_store, plan_import(any_store, source, today=TODAY),
                        actor="importer")
    assert (result.new, result.cases, result.stays) == (2, 1, 1)
    assert len(set(result.client_ids)) == 2 and min(result.client_ids) > before
    with any_store.reading() as session:
        chan = session.scalars(sa.select(Client).where(Client.family_name == "CHAN")).one()
        assert (chan.sex, chan.residence, chan.date_of_birth) == (
            Sex.MALE, Residence.OVERSEAS, date(1990, 3, 4))
        assert chan.hkid == "A123456(3)" and chan.version == 1 and not chan.is_demo
        assert chan.created_at.tzinfo is UTC
        assert abs((chan.updated_at - chan.created_at).total_seconds()) < 1
        (passport,) = session.scalars(sa.select(TravelDocument).where(
            TravelDocument.client_id == chan.id)).all()
        assert (passport.number, passport.expiry_date) == ("K1234567", date(2030, 1, 31))
        case = session.scalars(sa.select(Case).where(Case.client_id == chan.id)).one()
        assert (case.stage, case.outcome, case.version) == (Stage.DECIDED, Outcome.APPROVED, 1)
        stay = session.scalars(sa.select(Stay).where(Stay.case_id == case.id)).one()
        assert stay.limit_of_stay == date(2028, 6, 30) and stay.granted_on == TODAY
        entries = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.client_id == chan.id).order_by(AuditEntry.id)).all()
        assert [(e.entity, e.action) for e in entries] == [
            ("client", AuditAction.CREATE), ("travel_document", AuditAction.CREATE),
            ("case", AuditAction.CREATE), ("stay", AuditAction.CREATE)]
        assert entries[0].changes["hkid"] == "A123456(3)" and entries[0].at.tzinfo is UTC
        assert entries[1].changes["number"] == "K1234567"
        assert entries[3].case_id == case.id
        assert session.scalar(sa.select(sa.func.count()).select_from(Note).where(
            Note.client_id == chan.id)) == 1  # residence taken from the nationality
        # Found by search at once: Chinese character, passport fragment, case reference.
        for text in ("大文", "234567", case.reference):
            condition = search.matching_cases(session, text)
            assert condition is not None
            assert session.scalars(sa.select(Case.id).where(condition)).all() == [case.id]
        wong = [c for c in search.clients_without_cases(session, "wong mei")]
        assert [c[1] for c in wong] == ["WONG"]


@pytest.mark.parametrize("stop_at", [WRITING, INDEXING])
def test_a_cancelled_import_writes_nothing(sqlite_store: Store, tmp_path: Path,
                                           stop_at: str) -> None:
    source = tmp_path / "clients.csv"
    source.write_text(CSV, encoding="utf-8")
    plan = plan_import(sqlite_store, source, today=TODAY)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == stop_at and (stage != INDEXING or done == total):  # last: before commit
            raise Cancelled

    with pytest.raises(Cancelled):
        apply_plan(sqlite_store, plan, actor="importer", progress=progress)
    for model in (Client, TravelDocument, Case, Stay, Note, AuditEntry):
        assert _count(sqlite_store, model) == 0
