"""Opening old, newer, corrupt and foreign databases."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.store import NewerSchemaError, NotAnHkcaseDatabaseError, StoreError, open_store
from hkcase.store.engine import sqlite_url
from hkcase.store.migrate import MIGRATIONS_DIR, head_revision

DATA = Path(__file__).parents[1] / "data"

NEXT_MIGRATION = '''
"""add a nickname to clients (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.drop_column("nickname")
'''


@pytest.fixture
def newer_migrations(tmp_path: Path) -> str:
    """hkcase's migrations plus one more, as after a model change in a new release."""
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "9001_nickname.py").write_text(
        NEXT_MIGRATION.format(head=head_revision()), encoding="utf-8"
    )
    return str(location)


def _count_clients(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM client").fetchone()[0])


def test_upgrade_backs_up_first_then_migrates(tmp_path: Path, newer_migrations: str) -> None:
    shutil.copy(DATA / "schema_0001.sqlite3", tmp_path / "hkcase.sqlite3")
    database = tmp_path / "hkcase.sqlite3"
    head = head_revision()
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    store.close()  # a file from release 0001 opened by this release
    first = store.migration
    assert (first.previous, first.revision) == ("0001", head)
    assert first.backup is not None and "schema-0001" in first.backup.name
    again = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    again.close()  # nothing to do the second time: no backup
    assert again.migration.backup is None and not again.migration.upgraded

    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups",
                       script_location=newer_migrations)
    try:
        report = store.migration
        assert (report.previous, report.revision, report.upgraded) == (head, "9001", True)
        assert report.backup is not None and report.backup.parent == tmp_path / "backups"
        assert f"schema-{head}" in report.backup.name
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("client")}
        assert "nickname" in columns
    finally:
        store.close()
    # The backup is the old schema with all the data; the upgraded file kept the data too.
    with sqlite3.connect(report.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        columns = {row[1] for row in conn.execute("PRAGMA table_info(client)")}
        assert "nickname" not in columns
    assert _count_clients(report.backup) == _count_clients(database) == 20


@pytest.mark.parametrize("path", sorted(DATA.glob("schema_*.sqlite3")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_to_head(tmp_path: Path, path: Path) -> None:
    database = tmp_path / path.name
    shutil.copy(path, database)
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        assert store.migration.revision == head_revision()
        with store.reading() as session:
            assert session.scalar(sa.text("SELECT count(*) FROM client")) == 20
    finally:
        store.close()


def test_a_database_from_a_newer_hkcase_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    open_store(sqlite_url(database), backup_dir=tmp_path).close()
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '7777'")
    with pytest.raises(NewerSchemaError, match=r"newer version of hkcase.*7777"):
        open_store(sqlite_url(database), backup_dir=tmp_path)
    with sqlite3.connect(database) as conn:  # and left untouched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "7777"


def test_a_corrupt_file_is_reported_by_name(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    database.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(NotAnHkcaseDatabaseError, match=r"hkcase\.sqlite3 cannot be read"):
        open_store(sqlite_url(database), backup_dir=tmp_path)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "other.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(NotAnHkcaseDatabaseError, match="not an hkcase database"):
        open_store(sqlite_url(database), backup_dir=tmp_path)
    with sqlite3.connect(database) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"invoices"}


def test_failed_migration_leaves_the_database_as_it_was(tmp_path: Path,
                                                        newer_migrations: str) -> None:
    database = tmp_path / "hkcase.sqlite3"
    shutil.copy(DATA / "schema_0001.sqlite3", database)
    broken = Path(newer_migrations) / "versions" / "9001_nickname.py"
    broken.write_text(broken.read_text().replace(
        'batch.add_column(sa.Column("nickname", sa.String(50), nullable=True))',
        'batch.add_column(sa.Column("nickname", sa.String(50), nullable=True))\n'
        '    op.execute("SELECT * FROM no_such_table")'))
    with pytest.raises(StoreError, match="to 9001 failed and was rolled back"):
        open_store(sqlite_url(database), backup_dir=tmp_path / "b",
                   script_location=newer_migrations)
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert "nickname" not in {row[1] for row in conn.execute("PRAGMA table_info(client)")}


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_bad_urls_are_explained(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_database_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(sqlite_url(tmp_path))
