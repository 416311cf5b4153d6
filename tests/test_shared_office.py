"""A firm's set-up as docs/shared-office.md writes it: an owner migrates, the app has no DDL."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from hkcase.cli.main import main
from hkcase.config.locations import Locations
from hkcase.config.settings import Settings, save_settings
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.context import open_app
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client, update_case
from hkcase.services.search import search
from hkcase.services.trash import delete_record
from hkcase.store import StoreError, open_store
from hkcase.store.migrate import head_revision
from hkcase.store.models import AuditEntry
from tests.pg_server import PostgresServer

DOCS = Path(__file__).resolve().parent.parent / "docs" / "shared-office.md"
OWNER, APP = "hkcase_owner", "hkcase_app"


def _setup_statements() -> tuple[list[str], list[str]]:
    """The SQL blocks of docs/shared-office.md: on the server, then in the new database."""
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2, "the set-up SQL of docs/shared-office.md"

    def statements(block: str) -> list[str]:
        lines = [line for line in block.splitlines() if not line.lstrip().startswith("--")]
        return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

    return statements(blocks[0]), statements(blocks[1])


def _office(server: PostgresServer, name: str) -> tuple[str, str]:
    """A database made as the docs say; the owner's and the application's URLs."""
    on_server, in_database = _setup_statements()
    base = f"host=127.0.0.1 port={server.port} user=postgres"
    with psycopg.connect(f"{base} dbname=postgres", autocommit=True) as conn:
        for statement in on_server:  # the docs' statements, for this test's database
            try:
                conn.execute(statement.replace("hkcase_office", name))
            except psycopg.errors.DuplicateObject:  # roles are the server's, made once
                assert statement.startswith("CREATE ROLE")
    with psycopg.connect(f"{base} dbname={name}", autocommit=True) as conn:
        for statement in in_database:
            conn.execute(statement.replace("hkcase_office", name))
    root = f"postgresql+psycopg://{{}}@127.0.0.1:{server.port}/{name}"
    return root.format(OWNER), root.format(APP)


@pytest.fixture
def office(postgres_server: PostgresServer) -> tuple[str, str]:
    return _office(postgres_server, f"hkcase_office_{os.getpid()}")


@pytest.mark.postgres
def test_the_owner_migrates_and_the_app_works_without_ddl_rights(
        office: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    owner_url, app_url = office
    # The application role cannot create the schema: a clear refusal, nothing half-made.
    with pytest.raises(StoreError, match="permission denied"):
        open_store(app_url)

    assert main(["--data-dir", str(tmp_path / "admin"), "migrate",
                 "--database-url", owner_url]) == 0
    said = capsys.readouterr().out
    assert f"upgraded from an empty database to schema {head_revision()}" in said
    assert main(["--data-dir", str(tmp_path / "admin"), "migrate",
                 "--database-url", owner_url]) == 0
    assert "(up to date)" in capsys.readouterr().out

    # A desktop, on the application role.
    desk = tmp_path / "desk"
    save_settings(Settings(consultant_name="Ben Lau"), Locations.resolve(desk).settings_file)
    monkeypatch.setenv("HKCASE_DATABASE_URL", app_url)
    ctx = open_app(desk)
    try:
        client = create_client(ctx.store, ClientInput(
            family_name="CHAN", given_names="Tai Man", sex=Sex.MALE,
            date_of_birth=date(1985, 1, 1), nationality="HK", residence=Residence.HONG_KONG,
            chinese_name="陳大文", hkid="A123456(3)"), actor=ctx.actor)
        case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                                date(2026, 11, 2)), actor=ctx.actor)
        update_case(ctx.store, case.id, case.version, actor=ctx.actor,
                    immd_file_ref="GE/1/2026")
        assert [h.reference for h in search(ctx.store, "陈 456(3)").hits] == [case.reference]
        spare = create_client(ctx.store, ClientInput(
            family_name="LAU", given_names="Ka Ho", sex=Sex.MALE,
            date_of_birth=date(1990, 1, 1), nationality="HK",
            residence=Residence.HONG_KONG), actor=ctx.actor)
        delete_record(ctx.store, "client", spare, actor=ctx.actor)  # into the Trash
        with ctx.store.reading() as session:
            assert set(session.scalars(sa.select(AuditEntry.actor))) == {"Ben Lau"}
        with (pytest.raises(sa.exc.ProgrammingError, match="permission denied"),
              ctx.store.engine.begin() as conn):  # no DDL for the application
            conn.exec_driver_sql("CREATE TABLE intruder (id integer)")
        with (pytest.raises(sa.exc.ProgrammingError, match="must be owner"),
              ctx.store.engine.begin() as conn):
            conn.exec_driver_sql("DROP TABLE client")
    finally:
        ctx.close()

    # hkcase info says which server, database and role, and never a password.
    monkeypatch.setenv("HKCASE_DATABASE_URL", app_url.replace(f"{APP}@", f"{APP}:s3cret@"))
    monkeypatch.setenv("PGPASSWORD", "s3cret")  # trust authentication ignores it
    assert main(["--data-dir", str(desk), "info", "--json"]) == 0
    shown = capsys.readouterr().out
    assert "s3cret" not in shown
    server = json.loads(shown)["server"]
    assert server["role"] == APP and server["database"].startswith("hkcase_office_")
    assert server["host"] == "127.0.0.1" and server["can_change_schema"] is False
    assert server["tls"] is False
    assert json.loads(shown)["consultant"] == "Ben Lau"
    assert main(["--data-dir", str(desk), "info"]) == 0
    text = capsys.readouterr().out
    assert "s3cret" not in text
    assert f"role:      {APP}" in text and "PostgreSQL" in text
    assert "can change the schema: no" in text and "not encrypted" in text


def test_info_on_sqlite_has_no_server(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "info", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["server"] is None
    assert data["consultant"]  # the login name until the settings give one


def test_migrate_without_a_url_upgrades_this_desktops_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "migrate"]) == 0
    assert "upgraded from an empty database" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "migrate"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_migrate_refuses_a_bad_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "migrate", "--database-url", "nonsense"]) == 2
    assert "not a database URL" in capsys.readouterr().err
    assert not (tmp_path / "hkcase.sqlite3").exists()
