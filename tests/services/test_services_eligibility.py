"""Eligibility from a client's records: derived facts, overrides, kept runs."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import (
    ApplicationType,
    EducationLevel,
    RelationshipKind,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.services.eligibility.run import check_client, derive_facts, list_runs, record_check
from hkcase.services.errors import ValidationError
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Education, EligibilityRun, Employment, Relationship

ON = date(2026, 11, 22)


def _graduate(store: Store) -> int:
    client_id = create_client(store, ClientInput(
        family_name="PATEL", given_names="Anika", sex=Sex.FEMALE,
        date_of_birth=date(1999, 4, 2), nationality="IN", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "P1234567", "IN",
                                              date(2020, 1, 1), date(2030, 1, 1))]), actor="amy")
    with store.transaction() as session:
        session.add_all([
            Education(client_id=client_id, level=EducationLevel.BACHELOR,
                      institution="Univ. of Toronto", country="CA", full_time=True,
                      start_date=date(2017, 9, 1), award_date=date(2021, 6, 15)),
            Employment(client_id=client_id, employer="A", start_date=date(2021, 8, 1),
                       end_date=date(2023, 7, 31), multinational=True),
            # Overlaps the first job by a month: counted once.
            Employment(client_id=client_id, employer="B", start_date=date(2023, 7, 1),
                       end_date=None, annual_income_hkd=420_000),
        ])
    return client_id


def test_facts_are_derived_from_the_records(any_store: Store) -> None:
    client_id = _graduate(any_store)
    with any_store.reading() as session:
        facts = derive_facts(session, client_id, ON)
    values = {name: fact.value for name, fact in facts.items()}
    assert values["date_of_birth"] == "1999-04-02"
    assert values["travel_document"] == "foreign_passport"
    assert values["highest_degree"] == "bachelor"
    assert values["bachelor_institution"] == "Univ. of Toronto"
    assert values["bachelor_award_date"] == "2021-06-15"
    assert values["years_experience"] == pytest.approx(5.31, abs=0.01)  # 2021-08-01 → today
    assert values["years_experience_last_5y"] == pytest.approx(5.0, abs=0.01)
    assert values["years_multinational_or_renowned"] == pytest.approx(2.0, abs=0.01)
    assert values["annual_income_hkd"] == 420_000
    assert (facts["years_experience"].source, facts["years_experience"].detail) == (
        "client record", "employment history")


def test_check_client_with_overrides(any_store: Store) -> None:
    client_id = _graduate(any_store)
    plain = check_client(any_store, client_id, schemes=[Scheme.TTPS], on=ON).results[0]
    assert plain.outcome.value == "needs_review"  # a loose name match wants confirmation
    confirmed = check_client(any_store, client_id, schemes=[Scheme.TTPS], on=ON,
                             overrides={"bachelor_institution_on_ttps_list": True}).results[0]
    assert (confirmed.outcome.value, confirmed.category) == ("eligible", "B")
    cleared = check_client(any_store, client_id, schemes=[Scheme.TTPS], on=ON,
                           overrides={"bachelor_institution_on_ttps_list": True,
                                      "years_experience_last_5y": None,
                                      "years_experience": None}).results[0]
    assert "years_experience_last_5y" in cleared.missing


def test_bad_override_names_the_fact(any_store: Store) -> None:
    client_id = _graduate(any_store)
    with pytest.raises(ValidationError) as caught:
        check_client(any_store, client_id, overrides={"years_experience": "many"})
    assert caught.value.field == "years_experience"


def test_record_check_keeps_inputs_result_and_rule_set(any_store: Store) -> None:
    client_id = _graduate(any_store)
    case = create_case(any_store, CaseInput(client_id, Scheme.TTPS, ApplicationType.NEW, ON),
                       actor="amy")
    first = record_check(any_store, case.id, actor="amy", on=ON)
    second = record_check(any_store, case.id, actor="ben", on=ON,
                          overrides={"bachelor_institution_on_ttps_list": True})
    assert (first.outcome, second.outcome) == ("needs_review", "eligible")
    assert second.rule_set_id is not None and second.rule_set_id.startswith("TTPS-")
    runs = list_runs(any_store, case.id)
    assert [r.id for r in runs] == [second.id, first.id]
    with any_store.reading() as session:
        run = session.get_one(EligibilityRun, second.id)
        assert run.inputs["overrides"] == {"bachelor_institution_on_ttps_list": True}
        assert run.inputs["derived"]["highest_degree"]["value"] == "bachelor"
        assert run.result["category"] == "B"
        audited = session.scalars(sa.select(AuditEntry.entity)).all()
        assert audited.count("eligibility_run") == 2


def test_a_run_before_any_rule_set_is_kept_too(any_store: Store) -> None:
    client_id = _graduate(any_store)
    case = create_case(any_store, CaseInput(client_id, Scheme.QMAS_GPT, ApplicationType.NEW,
                                            date(2015, 1, 1)), actor="amy")
    run = record_check(any_store, case.id, actor="amy", on=date(2015, 1, 1))
    assert (run.outcome, run.rule_set_id) == ("needs_review", None)


def test_dependant_facts_follow_the_sponsor(any_store: Store) -> None:
    sponsor = _graduate(any_store)
    case = create_case(any_store, CaseInput(sponsor, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 1)), actor="amy")
    record_stay(any_store, StayInput(case.id, date(2025, 2, 1), date(2028, 2, 1)), actor="amy")
    child = create_client(any_store, ClientInput(
        family_name="PATEL", given_names="Dev", sex=Sex.MALE, date_of_birth=date(2020, 1, 1),
        nationality="IN", residence=Residence.OVERSEAS), actor="amy", principal=False)
    with any_store.transaction() as session:
        session.add(Relationship(sponsor_id=sponsor, dependant_id=child,
                                 kind=RelationshipKind.CHILD))
    with any_store.reading() as session:
        facts = derive_facts(session, child, ON)
        sponsor_facts = derive_facts(session, sponsor, ON)
    assert facts["relationship"].value == "child"
    assert facts["sponsor_limit_of_stay"].value == "2028-02-01"
    assert facts["sponsor_scheme"].value == "GEP"
    assert sponsor_facts["children_under_18"].value == 1


def test_unknown_client_or_case(any_store: Store) -> None:
    with pytest.raises(ValidationError, match="no client number 404"):
        check_client(any_store, 404)
    with pytest.raises(ValidationError, match="no case number 404"):
        record_check(any_store, 404, actor="amy")


def test_case_eligibility_gives_facts_and_the_case_schemes_result(any_store: Store) -> None:
    from hkcase.services.eligibility.run import case_eligibility

    client_id = _graduate(any_store)
    case = create_case(any_store, CaseInput(client_id, Scheme.TTPS, ApplicationType.NEW, ON),
                       actor="amy")
    checked = case_eligibility(any_store, case.id, on=ON,
                               overrides={"bachelor_institution_on_ttps_list": True})
    assert (checked.result.scheme, checked.result.category) == ("TTPS", "B")
    assert checked.facts["bachelor_institution"].value == "Univ. of Toronto"
