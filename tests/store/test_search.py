"""Finding clients and cases by names (English and Chinese), passport, HKID and references."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.search_text import (
    fold_chinese,
    fragment_document,
    query_parts,
    query_phrases,
    search_document,
    tokens,
)
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, TravelDocumentType
from hkcase.services.demo.generate import generate_demo
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
    update_case,
)
from hkcase.services.search import search
from hkcase.store import Store, open_store, sqlite_url
from hkcase.store.models import Case, Client, SearchEntry
from hkcase.store.queries import search as index

DATA = Path(__file__).parents[1] / "data"


def test_chinese_characters_are_single_folded_tokens() -> None:
    assert tokens("陳大文 CHAN Tai-man") == ["陈", "大", "文", "chan", "tai", "man"]
    assert tokens("陈大文") == tokens("陳大文")
    assert tokens("A123456(3)") == ["a123456", "3"]
    assert tokens("Müller") == ["muller"]
    assert query_phrases("  大文  2026-0001 ") == [["大", "文"], ["2026", "0001"]]
    assert search_document(["鄺詠欣", None, "E1234"]) == "邝 咏 欣 e1234"


def test_folding_is_opencc_not_a_hand_list() -> None:
    # Hong Kong forms and characters no hand list of surnames would hold.
    assert fold_chinese("衞綫峯鍾張黃劉鄭葉") == "卫线峰钟张黄刘郑叶"
    assert fold_chinese("陈 Chan 3") == "陈 Chan 3"
    # Character by character: a part of a name folds as it does inside the name.
    assert fold_chinese("乾隆")[0] == fold_chinese("乾")


def test_numbers_become_fragments() -> None:
    assert fragment_document(["A123456(3)", None, "2026-000123", "GE/123/2026"]) == \
        "a1234563 2026000123 ge1232026"
    parts = query_parts("chan 2345 A123456(3) 12")
    assert [p.fragment for p in parts] == [None, "2345", "a1234563", None]


def _found(store: Store, text: str) -> list[str]:
    with store.reading() as session:
        condition = index.matching_cases(session, text)
        assert condition is not None
        return sorted(session.scalars(sa.select(Case.reference).where(condition)))


def _client(store: Store, family: str, given: str, chinese: str | None, **extra: object) -> int:
    data = {"sex": Sex.MALE, "date_of_birth": date(1985, 1, 1), "nationality": "HK",
            "residence": Residence.HONG_KONG, **extra}
    return create_client(store, ClientInput(family_name=family, given_names=given,
                                            chinese_name=chinese, **data), actor="t")  # type: ignore[arg-type]


@pytest.fixture
def filed(any_store: Store) -> Store:
    chan = _client(any_store, "CHAN", "Tai Man", "陳大文", hkid="A123456(3)",
                   travel_documents=[TravelDocumentInput(
                       TravelDocumentType.PASSPORT, "K12345678", "GB")])
    wang = _client(any_store, "WANG", "Xiaoming", "王小明", nationality="CN",
                   residence=Residence.MAINLAND_CHINA, mainland_id="11010519491231002X")
    first = create_case(any_store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW,
                                             date(2026, 1, 5)), actor="t")
    create_case(any_store, CaseInput(wang, Scheme.TTPS, ApplicationType.NEW, date(2026, 2, 1)),
                actor="t")
    update_case(any_store, first.id, first.version, actor="t", immd_file_ref="GE/123/2026")
    # Simplified in the record, and no case at all.
    _client(any_store, "CHEN", "Xiaoling", "陈晓玲", nationality="CN",
            residence=Residence.MAINLAND_CHINA, travel_documents=[TravelDocumentInput(
                TravelDocumentType.PASSPORT, "EA7654321", "CN")])
    return any_store


@pytest.mark.parametrize(
    ("text", "expected"),
    [("chan", ["2026-000001"]), ("大文", ["2026-000001"]), ("陳", ["2026-000001"]),
     ("陈", ["2026-000001"]), ("陈大文", ["2026-000001"]),
     ("小明", ["2026-000002"]), ("明小", []), ("K1234", ["2026-000001"]),
     ("a123456", ["2026-000001"]), ("2026-000002", ["2026-000002"]),
     ("2026", ["2026-000001", "2026-000002"]), ("ge/123", ["2026-000001"]),
     ("wang xiao", ["2026-000002"]), ("chan wang", []), ("110105", ["2026-000002"]),
     # fragments anywhere inside a passport, an HKID, a reference, a Mainland ID
     ("2345678", ["2026-000001"]), ("345", ["2026-000001"]), ("456(3)", ["2026-000001"]),
     ("0002", ["2026-000002"]), ("6-000001", ["2026-000001"]), ("123/2026", ["2026-000001"]),
     ("1231002x", ["2026-000002"]), ("chan 5678", ["2026-000001"]), ("wang 5678", []),
     ("34", [])],  # two characters: too short to look for inside numbers
)
def test_search_cases(filed: Store, text: str, expected: list[str]) -> None:
    assert _found(filed, text) == expected


@pytest.mark.parametrize("text", ["陳曉玲", "陈晓玲", "曉玲", "chen", "654321", "EA765"])
def test_a_client_without_a_case_is_found(filed: Store, text: str) -> None:
    hits = search(filed, text).hits
    assert [(h.kind, h.name, h.chinese_name) for h in hits] == [
        ("client", "CHEN Xiaoling", "陈晓玲")]


def test_clients_with_cases_are_found_by_their_cases(filed: Store) -> None:
    hits = search(filed, "陳").hits
    assert [(h.kind, h.reference) for h in hits] == [("client", None),
                                                     ("case", "2026-000001")]
    assert hits[0].chinese_name == "陈晓玲"
    assert hits[1].as_json()["name"] == "CHAN Tai Man"


def test_empty_search_matches_nothing_special(filed: Store) -> None:
    with filed.reading() as session:
        assert index.matching_cases(session, "  ") is None
        assert index.matching_cases(session, "!!!") is None
    assert search(filed, " ").hits == ()


def test_a_deleted_client_is_no_longer_found(any_store: Store) -> None:
    lonely = _client(any_store, "LAU", "Ka Ho", "劉家豪", hkid="Y987654(3)")
    assert [h.client_id for h in search(any_store, "刘家").hits] == [lonely]
    with any_store.transaction() as session:
        session.execute(sa.delete(Client).where(Client.id == lonely))
    assert search(any_store, "刘家").hits == ()
    assert search(any_store, "987654").hits == ()
    with any_store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(SearchEntry)) == 0


def test_a_deleted_case_is_no_longer_found(filed: Store) -> None:
    with filed.transaction() as session:
        case = session.scalars(sa.select(Case).where(Case.reference == "2026-000002")).one()
        session.execute(sa.delete(Case).where(Case.id == case.id))
        index.refresh_client(session, case.client_id)
    assert _found(filed, "0002") == []
    # Without a case now, the client is found as a client.
    assert [h.kind for h in search(filed, "王小明").hits] == ["client"]


def test_forget_removes_entries(filed: Store) -> None:
    with filed.transaction() as session:
        ids = list(session.scalars(sa.select(Case.id)))
        index.forget(session, case_ids=ids)
    assert _found(filed, "2026") == []


def test_demo_cases_are_searchable(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 200, seed=5)
    with sqlite_store.reading() as session:
        name, chinese = session.execute(sa.text(
            "SELECT family_name, chinese_name FROM client WHERE chinese_name IS NOT NULL "
            "LIMIT 1")).one()
        number = session.execute(sa.text("SELECT number FROM travel_document LIMIT 1")).one()[0]
    assert _found(sqlite_store, chinese[-2:])
    assert _found(sqlite_store, fold_chinese(chinese))
    assert _found(sqlite_store, name)
    assert _found(sqlite_store, number[2:7])


def test_a_0004_database_is_reindexed_on_upgrade(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    shutil.copy(DATA / "schema_0004.sqlite3", database)
    with sqlite3.connect(database) as conn:
        passport = conn.execute("SELECT number FROM travel_document ORDER BY id").fetchone()[0]
        yip = conn.execute("SELECT c.reference FROM \"case\" c JOIN client k ON k.id = "
                           "c.client_id WHERE k.chinese_name = '葉慧珊'").fetchall()
    conn.close()
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        assert yip and _found(store, "叶慧") == sorted(r for (r,) in yip)
        assert _found(store, passport[3:8])  # inside the number, not from its start
        with store.reading() as session:  # every client there has a case
            assert session.scalar(sa.select(sa.func.count()).select_from(SearchEntry)
                                  .where(SearchEntry.case_id.is_(None))) == 0
            assert session.scalar(sa.select(sa.func.count()).select_from(SearchEntry)) == 25
    finally:
        store.close()
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO search_fts_fragments(search_fts_fragments) "
                     "VALUES ('integrity-check')")
    conn.close()


def test_deleting_through_the_trash_updates_the_search(filed: Store) -> None:
    from hkcase.services.trash.bin import delete_record, restore

    with filed.reading() as session:
        case_id, client_id = session.execute(sa.select(Case.id, Case.client_id).where(
            Case.reference == "2026-000002")).one()
    deleted = delete_record(filed, "case", case_id, actor="t")
    assert _found(filed, "0002") == []
    assert [h.kind for h in search(filed, "小明").hits] == ["client"]  # no case left
    gone = delete_record(filed, "client", client_id, actor="t")
    assert search(filed, "小明").hits == () and search(filed, "1231002x").hits == ()
    restore(filed, gone.trash_id, actor="t")
    restore(filed, deleted.trash_id, actor="t")
    assert [(h.kind, h.reference) for h in search(filed, "小明").hits] == [
        ("case", "2026-000002")]
