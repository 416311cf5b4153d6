"""The stored pinyin key of a client's Chinese name: kept in step with the name on every
write path, filled by migration 0012 for older databases, and ordered the same by SQLite and
PostgreSQL."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from hkcase.domain.names import chinese_sort_key, sorted_by_chinese_name
from hkcase.domain.vocab import Residence, Sex
from hkcase.services.clients import update_client
from hkcase.services.imports import apply_plan, plan_import
from hkcase.services.records import ClientInput, create_client
from hkcase.store import Store, open_store, sqlite_url
from hkcase.store.models import Client

DATA = Path(__file__).parents[1] / "data"
NAMES = ["張三", "陳大文", "曾志偉", "區嘉雯", "何家勁", "李小龍", "陈大文", "王小明"]


def _client(name: str | None, family: str = "Chan") -> ClientInput:
    return ClientInput(family_name=family, given_names="Tai Man", sex=Sex.MALE,
                       date_of_birth=date(1990, 1, 2), nationality="GB",
                       residence=Residence.HONG_KONG, chinese_name=name)


def _ordered(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(
            sa.select(Client.chinese_name).where(Client.chinese_name.is_not(None))
            .order_by(Client.chinese_name_key, Client.id)))


def test_sql_orders_by_pinyin_on_both_databases(any_store: Store) -> None:
    for name in NAMES:
        create_client(any_store, _client(name), actor="tester")
    create_client(any_store, _client(None, "Smith"), actor="tester")
    assert _ordered(any_store) == sorted_by_chinese_name(NAMES)
    assert _ordered(any_store)[:3] == ["陈大文", "陳大文", "何家勁"]
    with any_store.reading() as session:
        assert session.scalar(sa.select(Client.chinese_name_key)
                              .where(Client.family_name == "Smith")) is None


def test_the_key_follows_an_edit_an_import_and_a_core_insert(sqlite_store: Store,
                                                             tmp_path: Path) -> None:
    client_id = create_client(sqlite_store, _client("曾志偉"), actor="tester")
    update_client(sqlite_store, client_id, 1, replace(_client("區嘉雯")), actor="tester")
    # The spreadsheet import writes new clients in bulk (its own executemany).
    source = tmp_path / "clients.csv"
    source.write_text("family_name,given_names,chinese_name,sex,date_of_birth,nationality\r\n"
                      "Chan,Tai Man,陳大文,M,1990-03-04,GB\r\n", encoding="utf-8")
    apply_plan(sqlite_store, plan_import(sqlite_store, source, today=date(2026, 12, 1)),
               actor="importer")
    with sqlite_store.transaction() as session:
        # A Core executemany that names no key (the demo data): the column default fills it.
        session.execute(sa.insert(Client.__table__), [
            {"family_name": "Ho", "given_names": "Ka Kan", "sex": "M",
             "date_of_birth": date(1980, 1, 1), "nationality": "GB", "residence": "hong_kong",
             "chinese_name": name} for name in ("何家勁", "王小明")])
    with sqlite_store.reading() as session:
        keys = {name: key for name, key in session.execute(
            sa.select(Client.chinese_name, Client.chinese_name_key))}
    assert keys == {name: chinese_sort_key(name) for name in ("區嘉雯", "陳大文", "何家勁",
                                                               "王小明")}


def test_migration_0012_fills_the_key_of_stored_clients(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema_0004.sqlite3", database)
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        with store.reading() as session:
            rows = session.execute(sa.select(Client.chinese_name, Client.chinese_name_key)).all()
        assert len(rows) == 20 and any(name for name, _ in rows)
        assert all(key == chinese_sort_key(name) for name, key in rows)
    finally:
        store.close()
