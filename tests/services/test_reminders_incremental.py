"""A refresh re-plans only the clients whose facts changed, and misses no change.

Every change below is made behind the reminder service's back (plain SQL or a
service that does not refresh), so only the fingerprints can find it; after each,
a full refresh from scratch must find nothing left to do.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from hkcase.domain.vocab import Scheme
from hkcase.services.reminders.refresh import RefreshReport, refresh_reminders
from hkcase.services.trash.bin import delete_record, restore
from hkcase.store import Store
from hkcase.store.models import Document, Stay, TravelDocument
from hkcase.store.queries.reminder_basis import fingerprints, forget_plan
from tests.reminders_support import (
    ACTOR,
    LEADS,
    add_case,
    add_client,
    add_document,
    add_stay,
    close_case,
    family,
    stored,
)


def _nothing_left(store: Store) -> None:
    """A full refresh, as if no fingerprint had been kept, changes nothing."""
    with store.transaction() as session:
        forget_plan(session)
    full = refresh_reminders(store, lead_days=LEADS)
    assert full.full
    assert (full.added, full.updated, full.removed) == (0, 0, 0)


def _incremental(store: Store) -> RefreshReport:
    report = refresh_reminders(store, lead_days=LEADS)
    assert not report.full
    return report


def test_unchanged_refresh_looks_at_nobody(any_store: Store) -> None:
    family(any_store)
    first = refresh_reminders(any_store, lead_days=LEADS)
    assert first.full and first.added > 0
    again = _incremental(any_store)
    assert (again.planned, again.added, again.updated, again.removed) == (0, 0, 0, 0)


def test_changes_anywhere_are_picked_up(any_store: Store) -> None:
    fam = family(any_store)
    other = add_client(any_store, "LEE", "Siu Ming")
    other_case = add_case(any_store, other, Scheme.TTPS)
    add_stay(any_store, other_case, date(2025, 1, 2), date(2027, 1, 2))
    refresh_reminders(any_store, lead_days=LEADS)
    before = stored(any_store)

    # A stay added behind the service's back: the new stay's reminders, only this client.
    with any_store.transaction() as session:
        session.add(Stay(case_id=fam.sponsor_case, extension_number=1,
                         granted_on=date(2027, 3, 1), limit_of_stay=date(2030, 3, 1)))
    added = _incremental(any_store)
    assert added.added > 0 and added.removed > 0
    newest = session_stay(any_store, fam.sponsor_case, 1)
    assert f"stay:{newest}:window" in stored(any_store)
    assert {k for k in stored(any_store) if "stay:" + str(fam.sponsor_stay) + ":" in k} <= {
        k for k in before if k.startswith(f"stay:{fam.sponsor_stay}:")}
    _nothing_left(any_store)

    # A stay edited in place (same row, same count): the window moves.
    with any_store.transaction() as session:
        session.execute(sa.update(Stay).where(Stay.case_id == other_case).values(
            limit_of_stay=date(2027, 2, 2)))
    edited = _incremental(any_store)
    assert edited.updated > 0
    (stay_id,) = [s for s in stay_ids(any_store, other_case)]
    assert stored(any_store)[f"stay:{stay_id}:lead:7"].due_date == date(2027, 1, 26)
    _nothing_left(any_store)

    # A document's expiry edited: its reminder follows.
    document = add_document(any_store, other_case, "Employment contract", date(2027, 6, 1))
    assert _incremental(any_store).added == 1
    with any_store.transaction() as session:
        session.execute(sa.update(Document).where(Document.id == document).values(
            expiry_date=date(2027, 9, 1)))
    assert _incremental(any_store).updated == 1
    assert stored(any_store)[f"doc:{document}"].due_date == date(2027, 6, 9)
    _nothing_left(any_store)

    # The case closed: its document reminder goes.
    close_case(any_store, other_case)
    assert _incremental(any_store).removed == 1
    assert f"doc:{document}" not in stored(any_store)
    _nothing_left(any_store)

    # A passport renewed early, its expiry edited: the travel-document reminder.
    with any_store.transaction() as session:
        session.execute(sa.update(TravelDocument).where(
            TravelDocument.client_id == fam.sponsor).values(expiry_date=date(2030, 4, 1)))
    _incremental(any_store)
    assert any(":tdoc:" in k for k in stored(any_store) if k.startswith(f"stay:{newest}:"))
    _nothing_left(any_store)


def test_a_case_deleted_and_restored(any_store: Store) -> None:
    client = add_client(any_store, "HO", "Ka Yan")
    case = add_case(any_store, client, Scheme.GEP)
    add_stay(any_store, case, date(2025, 1, 2), date(2027, 1, 2))
    keep = add_client(any_store, "YIP", "Wing")
    add_stay(any_store, add_case(any_store, keep, Scheme.GEP), date(2025, 1, 2),
             date(2027, 5, 2))
    refresh_reminders(any_store, lead_days=LEADS)
    everything = stored(any_store)
    mine = {k for k, r in everything.items() if r.case_id == case}
    assert mine

    deletion = delete_record(any_store, "case", case, actor=ACTOR)
    gone = _incremental(any_store)
    assert gone.planned < len(everything)  # the other client was not planned again
    assert not mine & set(stored(any_store))
    _nothing_left(any_store)

    assert deletion.trash_id is not None
    restore(any_store, deletion.trash_id, actor=ACTOR)
    _incremental(any_store)
    assert mine <= set(stored(any_store))
    _nothing_left(any_store)


def test_other_lead_times_plan_everyone_and_scoped_refresh_keeps_basis(any_store: Store
                                                                       ) -> None:
    fam = family(any_store)
    refresh_reminders(any_store, lead_days=LEADS)
    assert refresh_reminders(any_store, lead_days=[60, 7]).full
    assert not refresh_reminders(any_store, lead_days=[60, 7]).full
    # A scoped refresh with the old lead times: those clients are looked at again later.
    refresh_reminders(any_store, lead_days=LEADS, clients=[fam.sponsor])
    again = refresh_reminders(any_store, lead_days=[60, 7])
    assert not again.full and again.updated + again.added + again.removed > 0
    with any_store.reading() as session:
        assert set(fingerprints(session)) == {fam.sponsor, fam.dependant}
    _nothing_left_with(any_store, [60, 7])


def _nothing_left_with(store: Store, leads: list[int]) -> None:
    with store.transaction() as session:
        forget_plan(session)
    full = refresh_reminders(store, lead_days=leads)
    assert (full.added, full.updated, full.removed) == (0, 0, 0)


def stay_ids(store: Store, case_id: int) -> list[int]:
    with store.reading() as session:
        return list(session.scalars(sa.select(Stay.id).where(Stay.case_id == case_id)))


def session_stay(store: Store, case_id: int, number: int) -> int:
    with store.reading() as session:
        return int(session.scalars(sa.select(Stay.id).where(
            Stay.case_id == case_id, Stay.extension_number == number)).one())
