"""A case's checklist in the store: created from its template, edited, audited (SQLite and PG)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError

from hkcase.domain.checklists import Lang, template_for
from hkcase.domain.vocab import ApplicationType, ChecklistState, ItemBasis, Scheme
from hkcase.services import checklists as C
from hkcase.services.errors import ValidationError
from hkcase.store import Store, open_store, sqlite_url
from hkcase.store.models import AuditEntry, ChecklistItem
from tests.pdf_support import ACTOR, make_case

TODAY = date(2026, 11, 22)


def _audit(store: Store, entity: str) -> list[AuditEntry]:
    with store.reading() as session:
        rows = session.scalars(sa.select(AuditEntry).where(AuditEntry.entity == entity)
                               .order_by(AuditEntry.id)).all()
        session.expunge_all()
        return list(rows)


def test_checklist_is_created_from_the_template_once(any_store: Store) -> None:
    case_id, _ = make_case(any_store, scheme=Scheme.GEP, kind=ApplicationType.NEW)
    entries = C.create_checklist(any_store, case_id, actor=ACTOR, on=TODAY)
    template = template_for(Scheme.GEP, ApplicationType.NEW, TODAY)
    assert [e.code for e in entries] == [i.code for i in template.items]
    first = entries[0]
    assert first.state is ChecklistState.MISSING and first.form_no == "ID 990A"
    assert first.title_zh and first.title_zh_cn and first.source
    assert first.template_id == "gep_new@2026-11-22"
    assert {e.basis for e in entries} == {ItemBasis.IMMD, ItemBasis.PRACTICE}
    assert [e.position for e in entries] == list(range(1, len(entries) + 1))
    # Again: nothing added, nothing changed.
    C.set_item_state(any_store, first.id, ChecklistState.REQUESTED, actor=ACTOR)
    again = C.create_checklist(any_store, case_id, actor=ACTOR, on=TODAY)
    assert len(again) == len(entries) and again[0].state is ChecklistState.REQUESTED
    created = [a for a in _audit(any_store, "case") if "checklist_from" in a.changes]
    assert len(created) == 1 and created[0].changes["items"][0] == "form_id990a"


def test_no_template_is_a_clear_validation_error(any_store: Store) -> None:
    case_id, reference = make_case(any_store, scheme=Scheme.QMAS_GPT,
                                   kind=ApplicationType.CHANGE_OF_EMPLOYMENT)
    with pytest.raises(ValidationError, match=f"case {reference}: there is no checklist"):
        C.create_checklist(any_store, case_id, actor=ACTOR, on=TODAY)
    with pytest.raises(ValidationError, match="no case number 999"):
        C.create_checklist(any_store, 999, actor=ACTOR)


def test_items_can_be_added_edited_moved_and_marked(any_store: Store) -> None:
    case_id, _ = make_case(any_store)
    entries = C.create_checklist(any_store, case_id, actor=ACTOR, on=TODAY)
    extra = C.add_item(any_store, case_id, C.NewItem(
        "Bank statement, last 6 months", title_zh="銀行月結單", title_zh_cn="银行月结单",
        notes="asked by the consultant"), actor=ACTOR)
    assert extra.code == "custom_1" and extra.basis is ItemBasis.CONSULTANT
    assert extra.position == len(entries) + 1 and extra.title(Lang.ZH_CN) == "银行月结单"
    second = C.add_item(any_store, case_id, C.NewItem("Reference letter"), actor=ACTOR)
    assert second.code == "custom_2" and second.title(Lang.ZH_HK) == "Reference letter"

    edited = C.update_item(any_store, extra.id, actor=ACTOR, mandatory=True, notes="  ")
    assert edited.mandatory and edited.notes is None
    with pytest.raises(ValidationError, match="cannot be changed"):
        C.update_item(any_store, extra.id, actor=ACTOR, code="x")
    with pytest.raises(ValidationError, match="English title"):
        C.update_item(any_store, extra.id, actor=ACTOR, title_en="  ")

    na = C.mark_not_applicable(any_store, entries[0].id, actor=ACTOR, reason="no HKID yet")
    assert na.state is ChecklistState.NOT_APPLICABLE and "no HKID yet" in (na.notes or "")
    changes = [a.changes for a in _audit(any_store, "checklist_item")
               if a.entity_id == entries[0].id]
    assert changes[-1]["state"] == ["missing", "not_applicable"]

    with pytest.raises(ValidationError, match="'done' is not a checklist state"):
        C.set_item_state(any_store, extra.id, "done", actor=ACTOR)  # type: ignore[arg-type]
    assert C.set_item_state(any_store, extra.id, "requested",  # type: ignore[arg-type]
                            actor=ACTOR).state is ChecklistState.REQUESTED

    order = C.move_item(any_store, second.id, 0, actor=ACTOR)
    assert order[0].id == second.id
    assert C.list_checklist(any_store, case_id)[0].id == second.id

    C.remove_item(any_store, second.id, actor=ACTOR)
    with pytest.raises(ValidationError, match="mark them not applicable"):
        C.remove_item(any_store, entries[1].id, actor=ACTOR)
    assert second.id not in {e.id for e in C.list_checklist(any_store, case_id)}


def test_input_limits_are_checked_before_writing(any_store: Store) -> None:
    case_id, _ = make_case(any_store)
    with pytest.raises(ValidationError, match="English title"):
        C.add_item(any_store, case_id, C.NewItem(" "), actor=ACTOR)
    with pytest.raises(ValidationError, match="at most 20"):
        C.add_item(any_store, case_id, C.NewItem("x", form_no="F" * 21), actor=ACTOR)
    assert C.list_checklist(any_store, case_id) == []


def test_reference_lookup(any_store: Store) -> None:
    case_id, reference = make_case(any_store)
    assert C.case_id_for_reference(any_store, f" {reference} ") == case_id
    with pytest.raises(ValidationError, match="no case 1999-000001"):
        C.case_id_for_reference(any_store, "1999-000001")


def test_the_database_refuses_an_unknown_basis(any_store: Store) -> None:
    case_id, _ = make_case(any_store)
    with pytest.raises((IntegrityError, DataError)), any_store.engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO checklist_item (case_id, code, position, title_en, mandatory, state, "
            "basis) VALUES (:c, 'x', 1, 'X', true, 'missing', 'official')"), {"c": case_id})


def test_items_from_before_the_basis_column_become_the_consultants(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema_0001.sqlite3", database)
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO checklist_item (case_id, code, position, title_en, mandatory, "
                     "state) VALUES (4, 'passport', 1, 'Passport', 1, 'received')")
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        with store.reading() as session:
            item = session.scalars(sa.select(ChecklistItem)).one()
            assert item.basis is ItemBasis.CONSULTANT and item.title_zh_cn is None
    finally:
        store.close()
