"""A firm's set-up as docs/shared-office.md writes it: an owner migrates, the app has no DDL."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.config.locations import Locations
from hkcase.config.settings import Settings, save_settings
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client, update_case
from hkcase.services.search import search
from hkcase.services.trash.bin import delete_record
from hkcase.store import StoreError, open_store
from hkcase.store.migrate import head_revision
from hkcase.store.models import AuditEntry
from tests.pg_server import PostgresServer, find_postgres_bin

DOCS = Path(__file__).resolve().parents[2] / "docs" / "shared-office.md"
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
    assert json.loads(shown)["paths"]["attachments"].startswith("in the database")
    assert main(["--data-dir", str(desk), "info"]) == 0
    text = capsys.readouterr().out
    assert "s3cret" not in text
    assert f"role:      {APP}" in text and "PostgreSQL" in text
    assert "can change the schema: no" in text and "not encrypted" in text

    # A URL naming no server: libpq takes it from PGHOST/PGPORT, and info says so.
    host, port = app_url.split("@", 1)[1].split("/", 1)[0].split(":")
    monkeypatch.setenv("HKCASE_DATABASE_URL", app_url.replace(f"@{host}:{port}/", "@/"))
    monkeypatch.setenv("PGHOST", host)
    monkeypatch.setenv("PGPORT", port)
    assert main(["--data-dir", str(desk), "info", "--json"]) == 0
    server = json.loads(capsys.readouterr().out)["server"]
    assert (server["host"], server["port"], server["role"]) == (host, int(port), APP)
    assert main(["--data-dir", str(desk), "info"]) == 0
    assert f"PostgreSQL {server['server_version']} at {host}:{port}" in capsys.readouterr().out


def test_info_on_sqlite_has_no_server(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "info", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["server"] is None
    assert data["consultant"]  # the login name until the settings give one
    assert data["paths"]["attachments"] == str(tmp_path / "attachments")


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


# TLS (section 4) and pg_dump (section 5), as the docs write them --------------------------
def _shell_blocks(starting: str) -> list[str]:
    """The docs' plain code blocks whose command starts with ``starting``, lines joined."""
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", text, flags=re.S | re.M)
    return [block.replace("\\\n", " ") for kind, block in blocks
            if not kind and block.lstrip().startswith(starting)]


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PostgresServer, Path]]:
    """A server of its own set up as section 4 says: TLS on, the roles accepted only over TLS.

    Its certificate is for 127.0.0.1 only, signed by a throw-away CA (``ca.crt``).
    """
    bindir = find_postgres_bin()
    if bindir is None or shutil.which("openssl") is None:
        pytest.skip("needs PostgreSQL server binaries and openssl")
    certs = tmp_path_factory.mktemp("certs")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
             "-out", "ca.crt", "-days", "2", "-subj", "/CN=hkcase test CA", cwd=certs)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
             "server.csr", "-subj", "/CN=127.0.0.1", cwd=certs)
    (certs / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n", encoding="utf-8")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.cnf",
             cwd=certs)
    server = PostgresServer(bindir, Path(tempfile.mkdtemp(prefix="hkcase-pg-tls-")))
    try:
        server.start()
        for name in ("server.crt", "server.key"):
            target = server.datadir / name
            shutil.copy(certs / name, target)
            target.chmod(0o600)
            if os.geteuid() == 0:
                shutil.chown(target, "postgres", "postgres")
        # The docs' pg_hba.conf line, for this machine's address instead of the office LAN.
        (line,) = [b.strip() for b in _shell_blocks("hostssl")]
        hba = server.datadir / "pg_hba.conf"
        hba.write_text("local all all trust\nhostssl all postgres 127.0.0.1/32 trust\n"
                       + line.replace("10.0.0.0/24", "127.0.0.1/32") + "\n", encoding="utf-8")
        with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute("ALTER SYSTEM SET ssl = on")
            conn.execute("ALTER SYSTEM SET ssl_cert_file = 'server.crt'")
            conn.execute("ALTER SYSTEM SET ssl_key_file = 'server.key'")
            conn.execute("SELECT pg_reload_conf()")
        yield server, certs / "ca.crt"
    finally:
        if server.datadir.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                server.stop()
        shutil.rmtree(server.datadir.parent, ignore_errors=True)


@pytest.mark.postgres
def test_tls_as_the_docs_say(tls_server: tuple[PostgresServer, Path], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    server, ca = tls_server
    _office(server, "hkcase_office")  # section 1, over TLS (the superuser's sslmode=prefer)
    # Passwords from a pgpass file, as section 2 advises, never in the URL.
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{server.port}:*:{OWNER}:change-me-owner\n"
                      f"127.0.0.1:{server.port}:*:{APP}:change-me-app\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    verified = f"?sslmode=verify-full&sslrootcert={ca}"
    owner_url = f"postgresql+psycopg://{OWNER}@127.0.0.1:{server.port}/hkcase_office{verified}"
    app_url = owner_url.replace(OWNER, APP)

    # Without TLS the server turns the roles away (only hostssl lines accept them).
    with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry"):
        psycopg.connect(f"host=127.0.0.1 port={server.port} dbname=hkcase_office user={APP} "
                        "sslmode=disable").close()
    # verify-full checks the server's name: its certificate is for 127.0.0.1, not localhost.
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        psycopg.connect(f"host=localhost port={server.port} dbname=hkcase_office user={APP} "
                        f"sslmode=verify-full sslrootcert={ca}").close()

    assert main(["--data-dir", str(tmp_path / "admin"), "migrate",
                 "--database-url", owner_url]) == 0
    assert "upgraded from an empty database" in capsys.readouterr().out

    desk = tmp_path / "desk"
    monkeypatch.setenv("HKCASE_DATABASE_URL", app_url)
    assert main(["--data-dir", str(desk), "info", "--json"]) == 0
    shown = capsys.readouterr().out
    assert "change-me" not in shown
    server_info = json.loads(shown)["server"]
    assert server_info["tls"] is True and server_info["role"] == APP
    assert (server_info["host"], server_info["port"]) == ("127.0.0.1", server.port)
    assert server_info["can_change_schema"] is False
    assert main(["--data-dir", str(desk), "info"]) == 0
    text = capsys.readouterr().out
    assert "encrypted: yes (TLS)" in text and f"role:      {APP}" in text
    assert "change-me" not in text


@pytest.mark.postgres
def test_pg_dump_and_restore_as_the_docs_say(postgres_server: PostgresServer, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    bindir = find_postgres_bin()
    assert bindir is not None
    name = f"hkcase_office_dump_{os.getpid()}"
    owner_url, app_url = _office(postgres_server, name)
    assert main(["--data-dir", str(tmp_path / "admin"), "migrate",
                 "--database-url", owner_url]) == 0
    store = open_store(app_url)
    try:
        chan = create_client(store, ClientInput(
            family_name="CHAN", given_names="Tai Man", sex=Sex.MALE,
            date_of_birth=date(1985, 1, 1), nationality="HK", residence=Residence.HONG_KONG,
            chinese_name="陳大文", hkid="A123456(3)"), actor="Ben Lau")
        create_case(store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW, date(2026, 11, 2)),
                    actor="Ben Lau")
    finally:
        store.close()

    def run(command: str, database: str) -> None:
        """A command of section 5, pointed at this test's server, database and folder."""
        command = (command.replace("$(date +%F)", "2026-12-01").replace("/backups/", f"{tmp_path}/")
                   .replace("host=db.office.lan", f"host=127.0.0.1 port={postgres_server.port}")
                   .replace("sslmode=verify-full", "sslmode=disable")
                   .replace("hkcase_office-", "dump-").replace("dbname=hkcase_office",
                                                               f"dbname={name}")
                   .replace("dbname=hkcase_new", f"dbname={database}"))
        words = shlex.split(command)
        program = next((str(p) for p in (bindir / words[0], *sorted(
            Path("/usr/lib/postgresql").glob(f"*/bin/{words[0]}"), reverse=True)) if p.exists()),
            None) or shutil.which(words[0])
        assert program, f"{words[0]} is not installed"
        subprocess.run([program, *words[1:]], check=True, capture_output=True, timeout=120)

    (dump,) = _shell_blocks("pg_dump")
    (restore,) = _shell_blocks("pg_restore")
    run(dump, name)
    assert (tmp_path / "dump-2026-12-01.dump").stat().st_size > 0
    # Into a new, empty database made as in section 1, then hkcase on the application role.
    fresh = f"hkcase_new_{os.getpid()}"
    _, fresh_app_url = _office(postgres_server, fresh)
    run(restore, fresh)
    store = open_store(fresh_app_url)
    try:
        assert [h.name for h in search(store, "陈大").hits] == ["CHAN Tai Man"]
        create_client(store, ClientInput(
            family_name="LAU", given_names="Ka Ho", sex=Sex.MALE, date_of_birth=date(1990, 1, 1),
            nationality="HK", residence=Residence.HONG_KONG), actor="Ben Lau")
        assert [h.name for h in search(store, "lau").hits] == ["LAU Ka Ho"]
        with store.reading() as session:
            assert session.scalar(sa.text("SELECT version_num FROM alembic_version")) \
                == head_revision()
    finally:
        store.close()
