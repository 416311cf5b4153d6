"""The same seed and day give the same demo data, row for row (benchmarks and screenshots
compare runs; a refactoring of the generator must not change what it writes)."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
import sqlalchemy as sa

from hkcase.services.demo import generate
from hkcase.services.demo.generate import generate_demo
from hkcase.store import Store
from hkcase.store.models import Client

TODAY = date(2026, 11, 22)
# Recorded on the generator before it was split into modules (same seed, day and chunks).
EXPECTED = {
    "one_chunk": "bf38c756159175067c3c660c8643250ace90ecdaa0f241b05346ebd42fa3cfe2",
    "three_chunks": "b4b16c3fc5d98c908f1b877d19260cf35bcd5bc3f2b8e47c73d4fe6f7bd5285d",
}


def _is_clock(column: sa.Column[object]) -> bool:
    """A timestamp column: when the demo ran, not what it generated."""
    kind = column.type
    return isinstance(kind, sa.DateTime) or isinstance(getattr(kind, "impl", None), sa.DateTime)


def _digest(store: Store) -> str:
    """SHA-256 of every table's rows in id order, timestamps left out."""
    digest = hashlib.sha256()
    with store.reading() as session:
        for table in Client.metadata.sorted_tables:
            columns = [c for c in table.columns if not _is_clock(c)]
            rows = session.execute(sa.select(*columns).order_by(*table.primary_key.columns))
            digest.update(table.name.encode())
            for row in rows:
                digest.update(json.dumps(list(row), sort_keys=True, default=str,
                                         ensure_ascii=False).encode())
    return digest.hexdigest()


@pytest.mark.parametrize(("case", "chunk"), [("one_chunk", generate.CHUNK),
                                              ("three_chunks", 300)])
def test_a_seed_gives_the_same_rows(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch,
                                    case: str, chunk: int) -> None:
    monkeypatch.setattr(generate, "CHUNK", chunk)
    report = generate_demo(sqlite_store, 800, seed=11, today=TODAY)
    assert report.clients == 800 and report.cases > 800
    assert _digest(sqlite_store) == EXPECTED[case]
