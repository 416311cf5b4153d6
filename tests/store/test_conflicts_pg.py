"""Two consultants on one PostgreSQL database: the second save is told who saved first.

Two desktops are two processes (or two engines); PostgreSQL lets both read the same
version, so the version check happens twice: in the service (the version the editor
opened) and in the store (``UPDATE … WHERE version = …`` matching no row when the
colleague committed between the read and the write). Both name the colleague.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.clients import get_client, update_client
from hkcase.services.conflicts import ADVICE
from hkcase.services.imports import apply_plan, plan_import
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client, update_case
from hkcase.store import ConflictError, Store, open_store
from hkcase.store.models import AuditEntry, Case, Client
from tests.pg_server import PostgresServer

pytestmark = pytest.mark.postgres

NAMED = r"Changed by {who} at \d\d:\d\d: " + re.escape(ADVICE) + r" \({subject}\)"


@pytest.fixture
def office(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[tuple[str, Store, Store]]:
    """One database, two desktops' engines."""
    url = postgres_server.create_database()
    amy = open_store(url, backup_dir=tmp_path / "amy")
    ben = open_store(url, backup_dir=tmp_path / "ben")
    yield url, amy, ben
    amy.close()
    ben.close()


def _client_and_case(store: Store) -> tuple[int, int]:
    client = create_client(store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG), actor="Amy Chow")
    case = create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                        date(2026, 11, 2)), actor="Amy Chow")
    return client, case.id


BEN_SAVES = """
import sys
from hkcase.services.records import update_case
from hkcase.store import open_store
store = open_store(sys.argv[1], check=False)
update_case(store, int(sys.argv[2]), int(sys.argv[3]), actor="Ben Lau", immd_file_ref="GE/1")
store.close()
"""


def test_a_colleagues_save_in_another_process_is_named(office: tuple[str, Store, Store],
                                                        tmp_path: Path) -> None:
    url, amy, _ = office
    _, case_id = _client_and_case(amy)
    with amy.reading() as session:
        opened = session.get_one(Case, case_id).version  # Amy opens the case
    subprocess.run([sys.executable, "-c", BEN_SAVES, url, str(case_id), str(opened)],
                   check=True, timeout=60, cwd=Path(__file__).parents[2])
    with pytest.raises(ConflictError) as caught:
        update_case(amy, case_id, opened, actor="Amy Chow", immd_file_ref="GE/2")
    assert re.fullmatch(NAMED.format(who="Ben Lau", subject="case 2026-000001"),
                        str(caught.value)), str(caught.value)
    with amy.reading() as session:  # never a silent overwrite
        assert session.get_one(Case, case_id).immd_file_ref == "GE/1"


def test_a_save_committed_between_read_and_write_is_named(
        office: tuple[str, Store, Store]) -> None:
    """The race the service's check cannot see: the store's version check names it too."""
    _, amy, ben = office
    client_id, case_id = _client_and_case(amy)
    with pytest.raises(ConflictError) as caught, amy.transaction() as session:
        case = session.get_one(Case, case_id)  # Amy's transaction read version 1 …
        update_case(ben, case_id, case.version, actor="Ben Lau", immd_file_ref="GE/3")
        case.immd_file_ref = "GE/4"  # … and writes after Ben committed version 2
    assert re.fullmatch(NAMED.format(who="Ben Lau", subject="case 2026-000001"),
                        str(caught.value)), str(caught.value)
    with pytest.raises(ConflictError) as caught, amy.transaction() as session:
        client = session.get_one(Client, client_id)
        ben_view = get_client(ben, client_id)
        update_client(ben, client_id, ben_view.version,
                      dataclasses.replace(ben_view.data, email="chan@example.com"),
                      actor="Ben Lau")
        client.phone = "+852 9000 0000"
        session.flush()
    assert re.fullmatch(NAMED.format(who="Ben Lau", subject="CHAN Tai Man"),
                        str(caught.value)), str(caught.value)
    with amy.reading() as session:
        assert session.get_one(Case, case_id).immd_file_ref == "GE/3"
        client = session.get_one(Client, client_id)
        assert (client.phone, client.email) == (None, "chan@example.com")
        actors = session.scalars(sa.select(AuditEntry.actor).where(
            AuditEntry.entity == "case").order_by(AuditEntry.id)).all()
    assert actors == ["Amy Chow", "Ben Lau"]  # Amy's lost saves wrote nothing


def test_an_import_refused_for_a_colleagues_change_names_them(
        office: tuple[str, Store, Store], tmp_path: Path) -> None:
    _, amy, ben = office
    client_id, _ = _client_and_case(amy)
    source = tmp_path / "clients.csv"
    source.write_text("family_name,given_names,sex,date_of_birth,nationality,phone\r\n"
                      "Chan,Tai Man,M,1985-01-01,HK,+852 9123 4567\r\n", encoding="utf-8")
    plan = plan_import(amy, source, today=date(2026, 12, 1))  # Amy previews the import
    assert plan.updated == 1
    record = get_client(ben, client_id)  # Ben saves the client meanwhile
    update_client(ben, client_id, record.version,
                  dataclasses.replace(record.data, email="chan@example.com"), actor="Ben Lau")
    with pytest.raises(ConflictError) as caught:
        apply_plan(amy, plan, actor="Amy Chow")
    assert re.fullmatch(rf"client {client_id} \(.+\) was changed by Ben Lau at \d\d:\d\d since "
                        r"the import was previewed; nothing was imported: preview it again",
                        str(caught.value)), str(caught.value)
    with amy.reading() as session:
        assert session.get_one(Client, client_id).phone is None
