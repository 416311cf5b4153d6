"""The synthetic data generator behind ``hkcase demo`` and the benchmarks."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from hkcase.domain.ids import normalise_hkid, parse_mainland_id
from hkcase.domain.vocab import Scheme
from hkcase.services.demo import generate_demo
from hkcase.store import Store
from hkcase.store.models import Case, Client, Relationship, Stay


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
