"""The consultants list (one audited transaction per change) and the change token."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.changes import change_token, changes_since
from hkcase.services.clients import get_client, update_client
from hkcase.services.consultants import (
    active_consultants,
    add_consultant,
    all_consultants,
    my_consultant,
    rename_consultant,
    set_active,
)
from hkcase.services.errors import ValidationError
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client
from hkcase.services.trash.bin import delete_record
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Consultant


def _consultant_audits(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)
                                  .where(AuditEntry.entity == "consultant")) or 0)


def test_add_rename_deactivate_reactivate(any_store: Store) -> None:
    ben = add_consultant(any_store, "  Ben   Lau ", actor="office")
    amy = add_consultant(any_store, "Amy Chow", actor="office")
    client = create_client(any_store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG), actor="office")
    create_case(any_store, CaseInput(client, Scheme.GEP, ApplicationType.NEW, date(2026, 11, 2),
                                     consultant_id=amy), actor="office")
    assert [(c.name, c.active, c.cases) for c in all_consultants(any_store)] == [
        ("Amy Chow", True, 1), ("Ben Lau", True, 0)]
    rename_consultant(any_store, amy, "Amy Chow-Lee", actor="office")
    set_active(any_store, amy, False, actor="office")
    assert [r.name for r in active_consultants(any_store)] == ["Ben Lau"]
    assert [(c.name, c.active, c.cases) for c in all_consultants(any_store)] == [
        ("Ben Lau", True, 0), ("Amy Chow-Lee", False, 1)]  # active first; the case kept
    set_active(any_store, amy, True, actor="office")
    assert {r.name for r in active_consultants(any_store)} == {"Ben Lau", "Amy Chow-Lee"}
    assert my_consultant(any_store, "ben lau") == next(
        r for r in active_consultants(any_store) if r.id == ben)
    assert my_consultant(any_store, "") is None
    assert _consultant_audits(any_store) == 5  # two adds, a rename, off and on again


@pytest.mark.parametrize(("name", "message"), [
    ("", "type the consultant's name"),
    ("   ", "type the consultant's name"),
    ("B" * 101, "a name can have at most 100 characters (this one has 101)"),
    ("ben LAU", "Ben Lau is already on the list"),
])
def test_bad_names_are_refused_and_nothing_is_written(any_store: Store, name: str,
                                                      message: str) -> None:
    add_consultant(any_store, "Ben Lau", actor="office")
    audits = _consultant_audits(any_store)
    with pytest.raises(ValidationError) as caught:
        add_consultant(any_store, name, actor="office")
    assert caught.value.message == message
    assert _consultant_audits(any_store) == audits
    with any_store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Consultant)) == 1


def test_renaming_onto_another_name_is_refused(any_store: Store) -> None:
    add_consultant(any_store, "Ben Lau", actor="office")
    amy = add_consultant(any_store, "Amy Chow", actor="office")
    set_active(any_store, amy, False, actor="office")
    ben = next(c.id for c in all_consultants(any_store) if c.name == "Ben Lau")
    with pytest.raises(ValidationError, match="inactive: reactivate them instead"):
        rename_consultant(any_store, ben, "AMY CHOW", actor="office")
    with pytest.raises(ValidationError, match="no longer on the list"):
        set_active(any_store, 9999, True, actor="office")
    rename_consultant(any_store, ben, "Ben  Lau", actor="office")  # same name: no entry
    assert _consultant_audits(any_store) == 3


def test_the_change_token_moves_with_every_kind_of_change(any_store: Store) -> None:
    token = change_token(any_store)
    assert changes_since(any_store, token) is None
    client = create_client(any_store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG), actor="office")
    created = changes_since(any_store, token)
    assert created is not None
    record = get_client(any_store, client)
    update_client(any_store, client, record.version,
                  dataclasses.replace(record.data, phone="+852 9123 4567"), actor="office")
    edited = changes_since(any_store, created)
    assert edited is not None
    delete_record(any_store, "client", client, actor="office")
    deleted = changes_since(any_store, edited)
    assert deleted is not None and deleted.trash > edited.trash
    assert changes_since(any_store, deleted) is None
    tomorrow = date.today() + timedelta(days=1)  # the dashboard moves at midnight
    assert changes_since(any_store, deleted, today=tomorrow) is not None
