"""Eligibility facts from a client's records, as pure rules over plain rows (no database)."""

from __future__ import annotations

from datetime import date

from hkcase.domain.eligibility.record_facts import (
    CLIENT_RECORD,
    ClientRecords,
    DocumentRow,
    EducationRow,
    EmploymentRow,
    SponsorRecord,
    facts_from_records,
    merge,
)
from hkcase.domain.vocab import (
    EducationLevel,
    RelationshipKind,
    Residence,
    Scheme,
    TravelDocumentType,
)

ON = date(2026, 12, 1)


def _values(records: ClientRecords) -> dict[str, object]:
    return {name: fact.value for name, fact in facts_from_records(records, ON).items()}


def _client(**rows: object) -> ClientRecords:
    return ClientRecords(date(1990, 5, 17), "GB", Residence.OVERSEAS, **rows)  # type: ignore[arg-type]


def test_overlapping_jobs_count_once_and_the_last_five_years_are_cut() -> None:
    jobs = [EmploymentRow(date(2010, 1, 1), date(2016, 1, 1), True, False, "finance", None),
            EmploymentRow(date(2015, 1, 1), None, False, True, "Innovation and Technology",
                          900_000)]
    facts = _values(_client(employment=jobs))
    assert facts["years_experience"] == round(((ON - date(2010, 1, 1)).days) / 365.25, 2)
    assert facts["years_experience_last_5y"] == round((ON - date(2021, 12, 1)).days / 365.25, 2)
    assert facts["years_senior_role"] == round((date(2016, 1, 1) - date(2010, 1, 1)).days
                                               / 365.25, 2)
    assert facts["specified_industry"] == "innovation_and_technology"
    assert facts["annual_income_hkd"] == 900_000
    assert all(f.source == CLIENT_RECORD
               for f in facts_from_records(_client(employment=jobs), ON).values())


def test_a_foreign_passport_issued_by_china_is_a_prc_passport_and_expired_ones_do_not_count(
        ) -> None:
    documents = [DocumentRow(TravelDocumentType.PASSPORT, "GB", date(2026, 1, 1)),
                 DocumentRow(TravelDocumentType.PASSPORT, "CN", date(2030, 1, 1))]
    assert _values(_client(documents=documents))["travel_document"] == "prc_passport"
    expired = [DocumentRow(TravelDocumentType.PASSPORT, "GB", date(2026, 1, 1))]
    assert "travel_document" not in _values(_client(documents=expired))


def test_the_highest_degree_and_the_first_bachelors() -> None:
    education = [
        EducationRow(EducationLevel.BACHELOR, "Oxford", date(2012, 6, 1), True, "GB", "Physics"),
        EducationRow(EducationLevel.MASTER, "HKU", date(2014, 6, 1), True, "HK", "Law"),
        EducationRow(EducationLevel.DOCTORATE, "HKU", date(2030, 6, 1), True, "HK", "Law"),
    ]
    facts = _values(_client(education=education))
    assert facts["highest_degree"] == "master"  # the doctorate is not awarded yet
    assert facts["bachelor_institution"] == "Oxford"
    assert facts["bachelor_obtained_in_hk_as_non_local_student"] is False
    assert facts["master_award_date"] == "2014-06-01"
    assert facts["hk_institution"] == "HKU"
    assert _values(_client())["date_of_birth"] == "1990-05-17"
    assert "highest_degree" not in _values(_client())


def test_children_and_the_sponsors_latest_stay() -> None:
    facts = _values(_client(children_born=[date(2010, 1, 1), date(2000, 1, 1)]))
    assert facts["children_under_18"] == 1
    dependant = _values(_client(sponsor=SponsorRecord(RelationshipKind.SPOUSE, Scheme.NEW_CIES,
                                                    date(2028, 3, 1))))
    assert dependant["relationship"] == "spouse"
    assert dependant["sponsor_status"] == "investment_visa"
    assert dependant["sponsor_limit_of_stay"] == "2028-03-01"
    unsponsored = _values(_client(sponsor=SponsorRecord(RelationshipKind.CHILD)))
    assert unsponsored["relationship"] == "child" and "sponsor_scheme" not in unsponsored


def test_overrides_win_and_none_clears() -> None:
    base = facts_from_records(_client(), ON)
    merged = merge(base, {"nationality": "CA", "residence": None})
    assert merged["nationality"].value == "CA" and merged["nationality"].source != CLIENT_RECORD
    assert "residence" not in merged
