"""Search on PostgreSQL finds exactly what it finds on SQLite, through PostgreSQL's own indexes."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.search_text import fold_chinese, fragment, query_parts
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
from hkcase.store import Store
from hkcase.store.models import Case
from hkcase.store.queries import search as index

pytestmark = pytest.mark.postgres

TODAY = date(2026, 12, 1)
# Written out: what consultants type, beyond what the data below suggests.
FIXED_QUERIES = (
    "chan", "CHAN", "Chan Tai", "chan tai man", "tai", "陳大文", "陈大文", "大文", "文", "陳",
    "陈", "麥", "麦", "麥嘉", "麦嘉", "嘉", "劉家豪", "刘家", "家豪", "müller", "muller", "MÜLLER",
    "o'brien", "brien", "a123456", "A123456(3)", "456(3)", "123456", "y987654", "K12345678",
    "2345678", "E98", "2026", "2026-000001", "6-000001", "000001", "ge/123/2026", "123/2026",
    "GE123", "chan 5678", "wang 5678", "chan 陳", "陳 chan", "大 文", "文 大", "34", "zzz",
    "陳大文 a123456", "tai-man", "x", "1",
    # Order and adjacency inside one chunk: PostgreSQL checks them apart from its index.
    "man-tai", "tai-ma", "chan-tai-m", "陳文", "文大", "大文", "嘉欣", "麥欣", "ka-yan", "yan-ka",
    "chan-tai 陳大", "o-brien", "brien-o", "sean-o", "siu-ling", "ling-siu", "小玲", "玲小",
)


def _client(store: Store, family: str, given: str, chinese: str | None,
            passports: tuple[str, ...] = (), **extra: object) -> int:
    data: dict[str, object] = {"sex": Sex.FEMALE, "date_of_birth": date(1988, 3, 4),
                               "nationality": "HK", "residence": Residence.HONG_KONG, **extra}
    documents = [TravelDocumentInput(TravelDocumentType.PASSPORT, number, "GB")
                 for number in passports]
    return create_client(store, ClientInput(
        family_name=family, given_names=given, chinese_name=chinese,
        travel_documents=documents, **data), actor="t")  # type: ignore[arg-type]


def _fill(store: Store) -> None:
    """The same office on either database: hand-made clients, then 300 demo clients."""
    chan = _client(store, "CHAN", "Tai Man", "陳大文", ("K12345678",), hkid="A123456(3)")
    mak = _client(store, "MAK", "Ka Yan", "麥嘉欣", ("E98765432",))
    muller = _client(store, "MÜLLER", "Anna", None, ("C01X00T47",), nationality="DE",
                     residence=Residence.OVERSEAS)
    obrien = _client(store, "O'BRIEN", "Sean", None, ("PA1234567",), nationality="IE",
                     residence=Residence.OVERSEAS)
    first = create_case(store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW, TODAY),
                        actor="t")
    update_case(store, first.id, first.version, actor="t", immd_file_ref="GE/123/2026")
    for client in (mak, muller, obrien):
        create_case(store, CaseInput(client, Scheme.TTPS, ApplicationType.NEW, TODAY),
                    actor="t")
    # Clients without a case: found as clients.
    _client(store, "LAU", "Ka Ho", "劉家豪", hkid="Y987654(3)")
    _client(store, "CHAN", "Siu Ling", "陈小玲", ("K22223333",))
    generate_demo(store, 300, seed=14, today=TODAY)


def _data_queries(store: Store) -> list[str]:
    """Names (繁 and 简, whole, one and two characters), numbers and references of the data."""
    with store.reading() as session:
        clients = session.execute(sa.text(
            "SELECT family_name, given_names, chinese_name, hkid, mainland_id FROM client "
            "WHERE chinese_name IS NOT NULL ORDER BY id DESC LIMIT 12")).all()
        passports = session.scalars(sa.text(
            "SELECT number FROM travel_document ORDER BY id DESC LIMIT 6")).all()
        references = session.execute(sa.text(
            'SELECT reference, immd_file_ref FROM "case" WHERE immd_file_ref IS NOT NULL '
            "ORDER BY id DESC LIMIT 4")).all()
    queries: list[str] = []
    for family, given, chinese, hkid, mainland in clients:
        queries += [family.lower(), f"{family} {given.split()[0][:3]}", chinese,
                    fold_chinese(chinese), chinese[-1], chinese[-2:], chinese[0]]
        if hkid:
            queries += [hkid, fragment(hkid)[1:5]]
        if mainland:
            queries.append(mainland[6:14])
    for number in passports:
        queries += [number[2:7], number.lower(), number[-3:]]
    for reference, immd in references:
        queries += [reference, reference[-4:], immd, immd[2:6]]
    return queries


def _hits(store: Store, text: str) -> list[tuple[str, str | None, str, str | None]]:
    result = search(store, text, limit=5_000, today=TODAY)
    assert not result.more
    return sorted((h.kind, h.reference, h.name, h.chinese_name) for h in result.hits)


def test_postgresql_finds_what_sqlite_finds(sqlite_store: Store, postgres_store: Store) -> None:
    _fill(sqlite_store)
    _fill(postgres_store)
    queries = list(dict.fromkeys([*FIXED_QUERIES, *_data_queries(sqlite_store)]))
    assert queries == list(dict.fromkeys([*FIXED_QUERIES, *_data_queries(postgres_store)]))
    assert len(queries) >= 50
    differences = {}
    found = 0
    for text in queries:
        on_sqlite, on_postgres = _hits(sqlite_store, text), _hits(postgres_store, text)
        if on_sqlite != on_postgres:
            differences[text] = (on_sqlite[:5], on_postgres[:5])
        found += bool(on_sqlite)
    assert differences == {}
    # Not a comparison of two empty answers: most queries find something, some do not.
    assert found >= 0.8 * len(queries)
    assert found < len(queries)


@pytest.fixture
def small_office(postgres_store: Store) -> Store:
    chan = _client(postgres_store, "CHAN", "Tai Man", "陳大文", ("K12345678",),
                   hkid="A123456(3)")
    create_case(postgres_store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW, TODAY),
                actor="t")
    _client(postgres_store, "LAU", "Ka Ho", "劉家豪", hkid="Y987654(3)")
    return postgres_store


@pytest.mark.parametrize(("text", "index_name"), [
    ("陳大", "ix_search_entry_words"), ("文", "ix_search_entry_words"),
    ("chan tai", "ix_search_entry_words"), ("2345678", "ix_search_entry_fragments"),
    ("456(3)", "ix_search_entry_fragments")])
def test_postgresql_search_uses_its_indexes(small_office: Store, text: str,
                                            index_name: str) -> None:
    with small_office.reading() as session:
        session.execute(sa.text("SET LOCAL enable_seqscan = off"))
        condition = index.matching_cases(session, text)
        assert condition is not None
        statement = sa.select(Case.reference).where(condition)
        assert session.scalars(statement).all() == ["2026-000001"]
        compiled = statement.compile(session.get_bind())
        plan = "\n".join(row[0] for row in session.connection().exec_driver_sql(
            "EXPLAIN " + str(compiled), dict(compiled.params)))
    assert index_name in plan


def test_the_test_server_has_a_c_locale_and_chinese_is_still_matched(
        small_office: Store) -> None:
    # pg_trgm ignores Chinese characters in a C-locale database; the full-text words do not.
    with small_office.reading() as session:
        assert session.scalar(sa.text("SHOW lc_ctype")) == "C"
        assert session.scalar(sa.text("SELECT extname FROM pg_extension "
                                      "WHERE extname = 'pg_trgm'")) == "pg_trgm"
    assert [h.name for h in search(small_office, "家").hits] == ["LAU Ka Ho"]
    assert [h.reference for h in search(small_office, "陈 456(3)").hits] == ["2026-000001"]


def test_quotes_and_backslashes_in_a_query_are_only_text(small_office: Store) -> None:
    for text in ("chan'", "'chan", "ch\\an", "chan:*", "chan & tai", "!chan", "(chan"):
        assert search(small_office, text).hits is not None  # no syntax error reaches the user
    assert [h.reference for h in search(small_office, "(chan)").hits] == ["2026-000001"]


def test_the_tsquery_asks_the_index_for_plain_lexemes() -> None:
    # No phrase operator and no prefix on a Chinese character: either makes PostgreSQL
    # recheck every candidate row with to_tsvector (150-200 ms for 陳 at 100,000 clients).
    # Order and adjacency are checked by strpos on the document instead.
    parts = query_parts("陳大 chan-ta o'brien 2345678")
    assert index._ts_query(parts) == "'陈' & '大' & 'chan' & 'ta':* & 'o' & 'brien':*"
    with_phrase = [c for c in index._entry_condition_postgresql(parts)
                   if "strpos" in str(c.compile())]
    assert len(with_phrase) == 3  # one per word phrase; the number is a fragment
    assert index._ts_query(query_parts("2345678")) is None
