"""Migration 0006 on a real 0004 database: the Trash table, audit entries given their owners."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from hkcase.services.cases import edit as cases
from hkcase.services.trash import bin as trash
from hkcase.store import open_store, sqlite_url
from hkcase.store.models import AuditEntry

DATA = Path(__file__).parents[1] / "data"


def test_a_0004_database_upgrades_and_its_cases_can_be_trashed(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    shutil.copy(DATA / "schema_0004.sqlite3", database)
    with sqlite3.connect(database) as conn:
        case_id, client_id = conn.execute('SELECT id, client_id FROM "case" LIMIT 1').fetchone()
        stay_id = conn.execute("SELECT id FROM stay WHERE case_id = ?", (case_id,)).fetchone()
        rows = [("client", client_id), ("case", case_id)]
        if stay_id:
            rows.append(("stay", stay_id[0]))
        conn.executemany("INSERT INTO audit_entry (at, actor, action, entity, entity_id, changes)"
                         " VALUES ('2026-01-01 00:00:00', 'amy', 'update', ?, ?, '{}')", rows)
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        with store.reading() as session:
            owners = {(e.entity, e.client_id, e.case_id) for e in session.scalars(
                sa.select(AuditEntry))}
        assert ("client", client_id, None) in owners
        assert ("case", client_id, case_id) in owners
        if stay_id:
            assert ("stay", client_id, case_id) in owners
        with store.reading() as session:
            before = session.scalar(sa.text('SELECT count(*) FROM "case"'))
        done = cases.delete_case(store, case_id, actor="amy")
        assert done.trash_id is not None
        assert [t.entity_id for t in trash.list_trash(store)] == [case_id]
        trash.restore(store, done.trash_id, actor="amy")
        with store.reading() as session:
            assert session.scalar(sa.text('SELECT count(*) FROM "case"')) == before
    finally:
        store.close()
