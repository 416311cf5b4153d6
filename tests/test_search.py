"""Finding cases by names (English and Chinese), passport, HKID and references."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.search_text import query_phrases, search_document, tokens
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, TravelDocumentType
from hkcase.services.demo import generate_demo
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
    update_case,
)
from hkcase.store import Store
from hkcase.store.models import Case
from hkcase.store.search import matching_cases


def test_chinese_characters_are_single_tokens() -> None:
    assert tokens("陳大文 CHAN Tai-man") == ["陳", "大", "文", "chan", "tai", "man"]
    assert tokens("A123456(3)") == ["a123456", "3"]
    assert tokens("Müller") == ["muller"]
    assert query_phrases("  大文  2026-0001 ") == [["大", "文"], ["2026", "0001"]]
    assert search_document(["鄺詠欣", None, "E1234"]) == "鄺 詠 欣 e1234"


def _found(store: Store, text: str) -> list[str]:
    with store.reading() as session:
        condition = matching_cases(session, text)
        assert condition is not None
        return sorted(session.scalars(sa.select(Case.reference).where(condition)))


@pytest.fixture
def filed(any_store: Store) -> Store:
    chan = create_client(any_store, ClientInput(
        family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1985, 1, 1), nationality="HK", residence=Residence.HONG_KONG,
        hkid="A123456(3)", travel_documents=[TravelDocumentInput(
            TravelDocumentType.PASSPORT, "K12345678", "GB")]), actor="t")
    wang = create_client(any_store, ClientInput(
        family_name="WANG", given_names="Xiaoming", chinese_name="王小明", sex=Sex.MALE,
        date_of_birth=date(1990, 1, 1), nationality="CN", residence=Residence.MAINLAND_CHINA,
        mainland_id="11010519491231002X"), actor="t")
    first = create_case(any_store, CaseInput(chan, Scheme.GEP, ApplicationType.NEW,
                                             date(2026, 1, 5)), actor="t")
    create_case(any_store, CaseInput(wang, Scheme.TTPS, ApplicationType.NEW, date(2026, 2, 1)),
                actor="t")
    update_case(any_store, first.id, first.version, actor="t", immd_file_ref="GE/123/2026")
    return any_store


@pytest.mark.parametrize(
    ("text", "expected"),
    [("chan", ["2026-000001"]), ("大文", ["2026-000001"]), ("陳", ["2026-000001"]),
     ("小明", ["2026-000002"]), ("明小", []), ("K1234", ["2026-000001"]),
     ("a123456", ["2026-000001"]), ("2026-000002", ["2026-000002"]),
     ("2026", ["2026-000001", "2026-000002"]), ("ge/123", ["2026-000001"]),
     ("wang xiao", ["2026-000002"]), ("chan wang", []), ("110105", ["2026-000002"])],
)
def test_search(filed: Store, text: str, expected: list[str]) -> None:
    assert _found(filed, text) == expected


def test_empty_search_matches_nothing_special(filed: Store) -> None:
    with filed.reading() as session:
        assert matching_cases(session, "  ") is None
        assert matching_cases(session, "!!!") is None


def test_demo_cases_are_searchable(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 200, seed=5)
    with sqlite_store.reading() as session:
        name, chinese = session.execute(sa.text(
            "SELECT family_name, chinese_name FROM client WHERE chinese_name IS NOT NULL "
            "LIMIT 1")).one()
    assert _found(sqlite_store, chinese[-2:])
    assert _found(sqlite_store, name)
