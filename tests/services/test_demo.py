"""The synthetic data generator behind ``hkcase demo`` and the benchmarks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hkcase.domain.ids import normalise_hkid, parse_mainland_id
from hkcase.domain.vocab import Scheme
from hkcase.services.demo.generate import generate_demo
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Case, ChecklistItem, Client, Relationship, Stay


def test_demo_fills_every_scheme_with_consistent_records(any_store: Store) -> None:
    today = date(2026, 11, 22)
    report = generate_demo(any_store, 1500, seed=7, today=today)
    with any_store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Client)) == 1500
        assert report.cases == session.scalar(sa.select(sa.func.count()).select_from(Case))
        schemes = set(session.scalars(sa.select(Case.scheme).distinct()))
        assert schemes == set(Scheme)
        limits = session.scalars(sa.select(Stay.limit_of_stay)).all()
        current = [d for d in limits if d >= today - timedelta(days=21)]
        assert max(current) <= today + timedelta(days=3 * 365)
        assert max(current) >= today + timedelta(days=2 * 365)  # spread over three years
        chinese = session.scalars(sa.select(Client.chinese_name)
                                  .where(Client.chinese_name.is_not(None))).all()
        assert any("陳" in n for n in chinese) and any("张" in n for n in chinese)
        for hkid in session.scalars(sa.select(Client.hkid).where(Client.hkid.is_not(None))):
            assert normalise_hkid(hkid) == hkid
        for number in session.scalars(sa.select(Client.mainland_id)
                                      .where(Client.mainland_id.is_not(None)).limit(200)):
            parse_mainland_id(number)
        # Every dependant case follows a sponsor case whose client sponsors the dependant.
        dependants = session.execute(
            sa.select(Case.client_id, Case.sponsor_case_id)
            .where(Case.scheme == Scheme.DEPENDANT)).all()
        assert dependants and all(sponsor is not None for _, sponsor in dependants)
        links = set(session.execute(sa.select(Relationship.sponsor_id,
                                              Relationship.dependant_id)))
        sponsor_of = dict(session.execute(sa.select(Case.id, Case.client_id)).all())
        assert all((sponsor_of[s], c) in links for c, s in dependants)


def test_demo_is_reproducible_and_adds_to_existing_data(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 50, seed=1, today=date(2026, 1, 1))
    generate_demo(sqlite_store, 50, seed=1, today=date(2026, 1, 1))
    with sqlite_store.reading() as session:
        names = session.execute(sa.select(Client.family_name, Client.date_of_birth)
                                .order_by(Client.id)).all()
        references = session.scalars(sa.select(Case.reference)).all()
    assert names[:50] == names[50:]
    assert len(references) == len(set(references))


def test_demo_is_anchored_to_today(any_store: Store) -> None:
    today = date(2026, 12, 1)
    generate_demo(any_store, 800, seed=11, today=today)
    with any_store.reading() as session:
        for column in (Case.opened_on, Case.submitted_on, Case.decided_on, Case.closed_on):
            assert session.scalar(sa.select(sa.func.max(column))) <= today, column
        assert session.scalar(sa.select(sa.func.max(Stay.granted_on))) <= today
        current = session.scalars(sa.select(sa.func.max(Stay.limit_of_stay))
                                  .join(Case, Case.id == Stay.case_id)
                                  .where(Case.stage != "closed").group_by(Stay.case_id)).all()
        passed = [d for d in current if d < today]
        assert 0 < len(passed) < 0.08 * len(current)  # a realistic few have passed
        assert max(current) > today + timedelta(days=2 * 365)
        assert all(session.scalars(sa.select(Client.is_demo)))


def test_childrens_surnames_match_in_english_and_chinese(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 1500, seed=5, today=date(2026, 12, 1))
    with sqlite_store.reading() as session:
        parent, child = sa.orm.aliased(Client), sa.orm.aliased(Client)
        rows = session.execute(
            sa.select(parent.family_name, parent.chinese_name, child.family_name,
                      child.chinese_name)
            .join(Relationship, Relationship.sponsor_id == parent.id)
            .join(child, child.id == Relationship.dependant_id)
            .where(Relationship.kind == "child")).all()
    assert rows
    for family, chinese, child_family, child_chinese in rows:
        assert child_family == family
        if chinese and child_chinese:
            assert child_chinese[0] == chinese[0]


def test_demo_remove_deletes_demo_clients_only(sqlite_store: Store) -> None:
    from hkcase.domain.vocab import ApplicationType, Residence, Sex
    from hkcase.services.demo.remove import remove_demo
    from hkcase.services.records import CaseInput, ClientInput, create_case, create_client

    real = create_client(sqlite_store, ClientInput(
        family_name="REAL", given_names="Person", sex=Sex.FEMALE,
        date_of_birth=date(1990, 1, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="amy")
    create_case(sqlite_store, CaseInput(real, Scheme.GEP, ApplicationType.NEW,
                                        date(2026, 11, 1)), actor="amy")
    generate_demo(sqlite_store, 120, seed=3, today=date(2026, 12, 1))
    removed = remove_demo(sqlite_store, actor="amy")
    assert removed.clients == 120 and removed.cases > 0
    with sqlite_store.reading() as session:
        assert session.scalars(sa.select(Client.family_name)).all() == ["REAL"]
        assert session.scalar(sa.select(sa.func.count()).select_from(Case)) == 1
        assert session.scalar(sa.select(sa.func.count()).select_from(Stay)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(ChecklistItem)) == 0
    assert remove_demo(sqlite_store, actor="amy").clients == 0


@pytest.mark.slow
def test_most_demo_cases_reach_a_definite_verdict(sqlite_store: Store) -> None:
    """On the demo, at least 70 % of cases are eligible or not eligible, both well
    represented, assessed exactly as the eligibility tab does."""
    from collections import Counter

    from hkcase.services.eligibility.run import case_eligibility

    today = date(2026, 12, 1)
    generate_demo(sqlite_store, 300, seed=2026, today=today)
    with sqlite_store.reading() as session:
        case_ids = session.scalars(sa.select(Case.id)).all()
    outcomes = Counter(case_eligibility(sqlite_store, case_id, on=today).result.outcome.value
                       for case_id in case_ids)
    total = sum(outcomes.values())
    definite = outcomes["eligible"] + outcomes["not_eligible"]
    assert definite >= 0.7 * total, outcomes
    assert outcomes["eligible"] >= 0.25 * total and outcomes["not_eligible"] >= 0.1 * total
    assert outcomes["needs_review"] > 0  # the gaps real files have


def test_each_demo_case_has_the_checklist_ensure_checklist_would_make(
        sqlite_store: Store) -> None:
    from hkcase.domain.vocab import ApplicationType
    from hkcase.services.checklists import list_checklist
    from hkcase.services.filing.checklist import ensure_checklist
    from hkcase.services.records import CaseInput, create_case

    today = date(2026, 12, 1)
    generate_demo(sqlite_store, 150, seed=5, today=today)
    with sqlite_store.reading() as session:
        cases = session.execute(sa.select(Case.id, Case.client_id, Case.scheme,
                                          Case.application_type)).all()
        with_items = set(session.scalars(sa.select(ChecklistItem.case_id).distinct()))
        audits = session.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    assert with_items == {case_id for case_id, *_ in cases}
    firsts: dict[tuple[object, object], tuple[int, int]] = {}
    for case_id, client_id, scheme, kind in cases:
        firsts.setdefault((scheme, kind), (case_id, client_id))
    demo = {pair: list_checklist(sqlite_store, case_id)
            for pair, (case_id, _) in firsts.items()}
    for pair, (case_id, _) in firsts.items():
        assert ensure_checklist(sqlite_store, case_id, actor="amy", on=today) == demo[pair]
    with sqlite_store.reading() as session:  # found there: nothing added, nothing audited
        assert session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == audits
    for (scheme, kind), (case_id, client_id) in firsts.items():
        sponsor = None
        if scheme == Scheme.DEPENDANT:
            with sqlite_store.reading() as session:
                sponsor = session.get_one(Case, case_id).sponsor_case_id
        fresh = create_case(sqlite_store, CaseInput(client_id, Scheme(scheme),
                                                    ApplicationType(kind), today,
                                                    sponsor_case_id=sponsor), actor="amy")
        made = ensure_checklist(sqlite_store, fresh.id, actor="amy", on=today)
        assert [_shape(e) for e in made] == [_shape(e) for e in demo[(scheme, kind)]], scheme


def _shape(entry: object) -> tuple[object, ...]:
    return tuple(getattr(entry, name) for name in (
        "code", "position", "title_en", "title_zh", "title_zh_cn", "form_no", "mandatory",
        "state", "notes", "source", "basis", "template_id"))
