"""``Store.snapshot()``: several reads in one read transaction, on this thread only."""

from __future__ import annotations

import threading
from datetime import date

from hkcase.domain.vocab import Residence, Sex
from hkcase.services.clients import get_client
from hkcase.services.records import ClientInput, create_client
from hkcase.store import Store


def _client(store: Store, name: str) -> int:
    return create_client(store, ClientInput(
        family_name=name, given_names="A", sex=Sex.FEMALE, date_of_birth=date(1990, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS), actor="t")


def test_reads_inside_a_snapshot_share_its_session(any_store: Store) -> None:
    client_id = _client(any_store, "Chan")
    with any_store.snapshot() as outer:
        with any_store.reading() as inner:
            assert inner is outer
        assert get_client(any_store, client_id).data.family_name == "CHAN"
        with any_store.reading() as again:  # still the snapshot after a nested read ended
            assert again is outer
    with any_store.reading() as after:
        assert after is not outer


def test_another_thread_reads_in_its_own_session(any_store: Store) -> None:
    _client(any_store, "Lee")
    seen: list[bool] = []
    with any_store.snapshot() as outer:
        def other() -> None:
            with any_store.reading() as session:
                seen.append(session is outer)
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [False]


def test_writes_outside_a_snapshot_are_seen_by_the_next_read(any_store: Store) -> None:
    client_id = _client(any_store, "Wong")
    with any_store.reading():
        pass
    from dataclasses import replace

    from hkcase.services.clients import update_client

    record = get_client(any_store, client_id)
    update_client(any_store, client_id, record.version,
                  replace(record.data, family_name="Wang"), actor="t")
    assert get_client(any_store, client_id).data.family_name == "WANG"
