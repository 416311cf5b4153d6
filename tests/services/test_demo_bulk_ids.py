"""The demo generator inserts clients and cases in bulk and still links every row rightly.

SQLite cannot order a batch's ``RETURNING``, so the generator reserves ids after the
largest one (inside its write transaction) and inserts them with one ``executemany``;
PostgreSQL batches ``INSERT … RETURNING``. Either way: a handful of statements, not
one per row, and every case, stay, document and family link points at its own client.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from hkcase.domain.vocab import Residence, Scheme, Sex
from hkcase.services.demo.generate import generate_demo
from hkcase.services.records import ClientInput, create_client
from hkcase.store import Store
from hkcase.store.models import (
    Case,
    CaseFacts,
    Client,
    Education,
    Relationship,
    Stay,
    TravelDocument,
)

TODAY = date(2026, 11, 22)


def _someone(store: Store, name: str) -> int:
    return create_client(store, ClientInput(
        family_name=name, given_names="Real", sex=Sex.FEMALE, date_of_birth=date(1980, 3, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="t")


def _inserts_into(store: Store, table: str) -> tuple[list[int], Any]:
    """A counter of statements inserting into ``table``, and its listener to remove."""
    found: list[int] = []

    def keep(_c: Any, _cur: Any, statement: str, _parameters: Any, _ctx: Any,
             many: bool) -> None:
        if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()} "):
            found.append(int(many))

    sa.event.listen(store.engine, "before_cursor_execute", keep)
    return found, keep


def test_bulk_inserts_keep_ids_and_links_right(any_store: Store) -> None:
    before = _someone(any_store, "BEFORE")
    found, listener = _inserts_into(any_store, "client")
    try:
        report = generate_demo(any_store, 1200, seed=5, today=TODAY)
    finally:
        sa.event.remove(any_store.engine, "before_cursor_execute", listener)
    assert 1 <= len(found) <= 6, len(found)  # principals and dependants, in batches — not per row
    after = _someone(any_store, "AFTER")  # the next ordinary insert gets a fresh id
    with any_store.reading() as session:
        demo_ids = set(session.scalars(sa.select(Client.id).where(Client.is_demo)))
        assert len(demo_ids) == 1200 and before not in demo_ids and after not in demo_ids
        assert min(demo_ids) > before and after > max(demo_ids)
        assert session.get_one(Client, before).family_name == "BEFORE"
        assert session.get_one(Client, after).family_name == "AFTER"
        cases = session.execute(sa.select(Case.id, Case.client_id, Case.sponsor_case_id,
                                          Case.scheme)).all()
        assert len(cases) == report.cases
        assert {c.client_id for c in cases} <= demo_ids
        owner = {c.id: c.client_id for c in cases}
        # Each dependant case follows a sponsor case whose client sponsors the dependant.
        links = {(s, d) for s, d in session.execute(
            sa.select(Relationship.sponsor_id, Relationship.dependant_id))}
        dependants = [c for c in cases if c.scheme == Scheme.DEPENDANT]
        assert dependants
        for case in dependants:
            assert case.sponsor_case_id in owner
            assert (owner[case.sponsor_case_id], case.client_id) in links
        # A stay's case belongs to a client; documents and education to their clients.
        stay_cases = set(session.scalars(sa.select(Stay.case_id)))
        assert stay_cases <= set(owner) and len(stay_cases) == report.stays
        documents = session.execute(sa.select(TravelDocument.client_id,
                                              sa.func.count())
                                    .group_by(TravelDocument.client_id)).all()
        assert {d.client_id for d in documents} == demo_ids  # one document each
        assert all(d[1] == 1 for d in documents)
        educated = set(session.scalars(sa.select(Education.client_id)))
        principals = {c.client_id for c in cases if c.scheme != Scheme.DEPENDANT}
        assert educated == principals
        # Case facts (Core inserts): one row per case at most, timestamped, on real cases.
        facts = session.execute(sa.select(CaseFacts.case_id, CaseFacts.updated_at,
                                          CaseFacts.updated_by)).all()
        assert facts and {f.case_id for f in facts} <= set(owner)
        assert len({f.case_id for f in facts}) == len(facts)
        assert all(f.updated_at is not None and f.updated_by == "demo" for f in facts)
        # A child's surname is the sponsor's: the link joins the right two people.
        names = {i: n for i, n in session.execute(sa.select(Client.id, Client.family_name))}
        children = session.execute(sa.select(Relationship.sponsor_id,
                                             Relationship.dependant_id)
                                   .where(Relationship.kind == "child")).all()
        assert children
        assert all(names[s] == names[d] for s, d in children)


def test_a_second_run_continues_after_the_first(sqlite_store: Store) -> None:
    generate_demo(sqlite_store, 300, seed=1, today=TODAY)
    generate_demo(sqlite_store, 300, seed=2, today=TODAY)
    with sqlite_store.reading() as session:
        ids = sorted(session.scalars(sa.select(Client.id)))
        assert ids == list(range(1, 601))
        case_ids = sorted(session.scalars(sa.select(Case.id)))
        assert case_ids == list(range(1, len(case_ids) + 1))
