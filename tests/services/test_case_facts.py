"""Case facts kept with the case: saving, validation, locking, audit, overrides, upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import (
    ApplicationType,
    EducationLevel,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.services.cases.facts import (
    confirm_ttps_listing,
    load_case_facts,
    save_case_facts,
    save_overrides,
)
from hkcase.services.eligibility.run import case_eligibility
from hkcase.services.errors import ValidationError
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    TravelDocumentInput,
    create_case,
    create_client,
)
from hkcase.store import ConflictError, Store, open_store, sqlite_url
from hkcase.store.models import AuditEntry, Case, CaseFacts, Client, Education, Employment

ON = date(2026, 11, 22)
DATA = Path(__file__).parents[1] / "data"

COMPLETE_GEP = {
    "job_offer": True, "employer_name": "Harbour Fintech Ltd", "employer_br_number": "12345678",
    "position": "Data Scientist", "salary_hkd": 60_000, "salary_period": "monthly",
    "start_date": date(2027, 1, 4), "contract_end": date(2029, 1, 3), "full_time": True,
    "at_degree_level": True, "relevant_to_qualifications": True, "market_level": "yes",
    "criminal_record": False, "security_objection": False, "self_supporting": True,
    "declared_on": date(2026, 11, 1), "languages": ["English", "Hindi"],
}


def gep_case(store: Store, *, scheme: Scheme = Scheme.GEP) -> int:
    client_id = create_client(store, ClientInput(
        family_name="PATEL", given_names="Anika", sex=Sex.FEMALE,
        date_of_birth=date(1995, 4, 2), nationality="IN", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "P1234567", "IN",
                                              date(2020, 1, 1), date(2030, 1, 1))]), actor="amy")
    with store.transaction() as session:
        session.add_all([
            Education(client_id=client_id, level=EducationLevel.BACHELOR,
                      institution="Univ. of Toronto", country="CA", full_time=True,
                      start_date=date(2013, 9, 1), award_date=date(2017, 6, 15)),
            Employment(client_id=client_id, employer="A", start_date=date(2017, 8, 1),
                       annual_income_hkd=700_000),
        ])
    return create_case(store, CaseInput(client_id, scheme, ApplicationType.NEW, ON),
                       actor="amy").id


def _version(store: Store, case_id: int) -> int:
    return load_case_facts(store, case_id).version


def test_complete_case_facts_give_a_definite_verdict(any_store: Store) -> None:
    case_id = gep_case(any_store)
    before = case_eligibility(any_store, case_id, on=ON)
    assert before.result.outcome.value == "needs_review"
    saved = save_case_facts(any_store, case_id, _version(any_store, case_id), COMPLETE_GEP,
                            actor="amy")
    assert saved.values["salary_period"] == "monthly"
    assert saved.values["contract_end"] == date(2029, 1, 3)
    after = case_eligibility(any_store, case_id, on=ON)
    assert after.result.outcome.value == "eligible", after.result.reasons
    assert after.facts["job_offer"].source == "case facts"
    assert after.facts["offered_salary_hkd"].value == 720_000
    assert after.facts["date_of_birth"].source == "client record"
    with any_store.reading() as session:
        case = session.get_one(Case, case_id)
        # One field: the contract end is the case's own, which caps the stay estimate.
        assert (case.contract_end, case.employer) == (date(2029, 1, 3), "Harbour Fintech Ltd")
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "case_facts")).one()
        assert entry.actor == "amy" and entry.changes["salary_hkd"] == [None, 60_000]


def test_a_declared_record_makes_it_not_eligible(any_store: Store) -> None:
    case_id = gep_case(any_store)
    save_case_facts(any_store, case_id, _version(any_store, case_id),
                    {**COMPLETE_GEP, "security_objection": True}, actor="amy")
    result = case_eligibility(any_store, case_id, on=ON).result
    assert result.outcome.value == "not_eligible"


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"salary_hkd": "lots", "salary_period": "monthly"}, "salary_hkd", "Salary, HK$"),
    ({"salary_hkd": -5, "salary_period": "annual"}, "salary_hkd", "between 0"),
    ({"salary_hkd": 50_000}, "salary_period", "monthly or annual"),
    ({"market_level": "maybe"}, "market_level", "Not assessed"),
    ({"start_date": "2027-02-30"}, "start_date", "not a date"),
    ({"months_resided_overseas": 2000}, "months_resided_overseas", "between 0 and 960"),
    ({"ttps_shareholding_pct": 120}, "ttps_shareholding_pct", "between 0 and 100"),
    ({"nickname": "x"}, "nickname", "not a case fact"),
])
def test_bad_case_facts_are_refused_in_the_consultants_words(
        sqlite_store: Store, changes: dict[str, object], field: str, words: str) -> None:
    case_id = gep_case(sqlite_store)
    version = _version(sqlite_store, case_id)
    with pytest.raises(ValidationError) as caught:
        save_case_facts(sqlite_store, case_id, version, changes, actor="amy")
    assert caught.value.field == field and words in caught.value.message
    with sqlite_store.reading() as session:
        assert session.get(CaseFacts, case_id) is None  # nothing written
    assert _version(sqlite_store, case_id) == version


def test_stale_saves_conflict_with_the_cases_version(sqlite_store: Store) -> None:
    case_id = gep_case(sqlite_store)
    version = _version(sqlite_store, case_id)
    first = save_case_facts(sqlite_store, case_id, version, {"job_offer": True}, actor="amy")
    assert first.version == version + 1
    with pytest.raises(ConflictError):
        save_case_facts(sqlite_store, case_id, version, {"job_offer": False}, actor="ben")
    with pytest.raises(ConflictError):
        save_overrides(sqlite_store, case_id, version, {"achievement": True}, actor="ben")
    assert load_case_facts(sqlite_store, case_id).values["job_offer"] is True


def test_overrides_survive_reopening_the_store(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "hkcase.sqlite3")
    store = open_store(url, backup_dir=tmp_path)
    case_id = gep_case(store)
    save_case_facts(store, case_id, _version(store, case_id), COMPLETE_GEP, actor="amy")
    save_overrides(store, case_id, _version(store, case_id),
                   {"remuneration_at_market_level": False, "languages": ["English"]},
                   actor="amy")
    store.close()
    store = open_store(url, backup_dir=tmp_path)
    try:
        checked = case_eligibility(store, case_id, on=ON)
        assert checked.facts["remuneration_at_market_level"].source == "consultant's override"
        assert checked.result.outcome.value == "not_eligible"
        view = load_case_facts(store, case_id)
        assert view.overrides == {"languages": ["English"], "remuneration_at_market_level": False}
        save_overrides(store, case_id, view.version, {"remuneration_at_market_level": None},
                       actor="ben")
        assert case_eligibility(store, case_id, on=ON).result.outcome.value == "eligible"
        with store.reading() as session:
            actions = session.scalars(sa.select(AuditEntry.action).where(
                AuditEntry.entity == "case_fact_override")).all()
        assert sorted(a.value for a in actions) == ["create", "create", "delete"]
    finally:
        store.close()


def test_bad_override_is_refused(sqlite_store: Store) -> None:
    case_id = gep_case(sqlite_store)
    with pytest.raises(ValidationError) as caught:
        save_overrides(sqlite_store, case_id, _version(sqlite_store, case_id),
                       {"years_experience": "many"}, actor="amy")
    assert caught.value.field == "years_experience"


def test_ttps_list_confirmation_is_kept_with_the_education_record(sqlite_store: Store) -> None:
    case_id = gep_case(sqlite_store, scheme=Scheme.TTPS)
    with sqlite_store.reading() as session:
        client_version = session.get_one(Client, session.get_one(Case, case_id).client_id).version
    confirm_ttps_listing(sqlite_store, case_id, True, actor="amy")
    checked = case_eligibility(sqlite_store, case_id, on=ON)
    fact = checked.facts["bachelor_institution_on_ttps_list"]
    assert (fact.value, fact.source) == (True, "client record")
    with sqlite_store.reading() as session:
        client = session.get_one(Client, session.get_one(Case, case_id).client_id)
        assert client.version == client_version + 1
        education = session.scalars(sa.select(Education)).one()
        # A renamed institution is asked about again.
        education.institution = "University of Toronto"
        session.flush()
    with sqlite_store.transaction() as session:
        session.scalars(sa.select(Education)).one().institution = "University of Toronto"
    again = case_eligibility(sqlite_store, case_id, on=ON)
    assert "bachelor_institution_on_ttps_list" not in again.facts


def test_a_0004_database_with_cases_upgrades(tmp_path: Path) -> None:
    database = tmp_path / "hkcase.sqlite3"
    shutil.copy(DATA / "schema_0004.sqlite3", database)
    store = open_store(sqlite_url(database), backup_dir=tmp_path / "backups")
    try:
        with store.reading() as session:
            cases = session.scalars(sa.select(Case.id)).all()
            assert len(cases) == 25
            assert not any(session.scalars(sa.select(Client.is_demo)))
        for case_id in cases:  # every old case can be assessed and given facts
            case_eligibility(store, case_id, on=ON)
        saved = save_case_facts(store, cases[0], _version(store, cases[0]),
                                {"languages": ["English"]}, actor="amy")
        assert saved.values["languages"] == ["English"]
    finally:
        store.close()
    with sqlite3.connect(database) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"case_facts", "case_fact_override"} <= tables


def test_case_facts_map_to_profile_facts() -> None:
    from hkcase.domain.case_facts import profile_facts

    assert profile_facts({"salary_hkd": 50_000, "salary_period": "monthly"})[
        "offered_salary_hkd"] == 600_000
    assert profile_facts({"salary_hkd": 50_000, "salary_period": "monthly",
                          "package_hkd": 800_000})["offered_salary_hkd"] == 800_000
    assert profile_facts({"criminal_record": False, "security_objection": True})[
        "criminal_record"] is True
    assert "criminal_record" not in profile_facts({"security_objection": False})
    assert "remuneration_at_market_level" not in profile_facts({"market_level": "not_assessed"})
    assert profile_facts({"qmas_achievement_evidence": "Nobel Prize"})["achievement"] is True
    assert profile_facts({"iang_campus": "greater_bay_area"})["gba_campus_graduate"] is True
    assert profile_facts({"employer_name": "A Ltd", "position": "Engineer"})["job_offer"]
