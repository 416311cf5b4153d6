"""Search as you type on a large store: every keystroke in the real window against the bare way.

Every text is typed three times over (each keystroke's median is kept), with cyclic
garbage collection run between keystrokes as the application's timer does, never inside
one. The bare way, measured in the same run on the same file: the same FTS5 queries
(word index, trigram fragments, capped count, first page of cases, clients without
a case) through ``sqlite3``, then a bare ``QTableView`` repainting one page of the
same rows. The raw FTS5 lookup alone is reported too.

``HKCASE_BENCH_DATA=DIR`` reuses a data folder made by ``hkcase --data-dir DIR demo``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import Result
from hkcase.domain.search_text import query_parts

COUNT_CAP = 1_000
PAGE = 200
#: The whole typing is done this many times, and each keystroke's median kept: the
#: machine is shared, and one scheduling hiccup is not a slow keystroke.
ROUNDS = 3


def _typed(texts: list[str]) -> list[str]:
    """Every prefix of every text, as typed one key at a time."""
    return [text[:n] for text in texts for n in range(1, len(text) + 1)]


def _fts(parts: list, words_table: str = "search_fts") -> tuple[str, list[str]]:  # type: ignore[type-arg]
    """The id-set SQL the store builds for ``parts``, with its parameters."""
    sets, params = [], []
    words = ['"' + " ".join(p.phrase) + '"*' for p in parts if p.fragment is None]
    if words:
        sets.append(f"SELECT rowid FROM {words_table} WHERE {words_table} MATCH ?")
        params.append(" AND ".join(words))
    for p in parts:
        if p.fragment is not None:
            sets.append(f"SELECT rowid FROM {words_table} WHERE {words_table} MATCH ? UNION "
                        "SELECT rowid FROM search_fts_fragments WHERE search_fts_fragments "
                        "MATCH ?")
            params += ['"' + " ".join(p.phrase) + '"*', f'"{p.fragment}"']
    return " AND ".join(f"{{id}} IN ({s})" for s in sets), params


def _bare_query(conn: sqlite3.Connection, text: str) -> list[tuple[object, ...]]:
    parts = query_parts(text) if len(text.strip()) > 1 or not text.strip().isascii() else []
    where, params = _fts(parts)
    case_where = f"WHERE {where.format(id='c.id')}" if where else ""
    # Cases as the store reads them: the first FTS5 match drives, joined on its rowid.
    source, order, driven = '"case" c', "c.id", (case_where, params)
    words = ['"' + " ".join(p.phrase) + '"*' for p in parts if p.fragment is None]
    if words:
        rest = [p for p in parts if p.fragment is not None]
        rest_where, rest_params = _fts(rest)
        source = 'search_fts f JOIN "case" c ON c.id = f.rowid'
        order = "f.rowid"
        extra = f" AND {rest_where.format(id='c.id')}" if rest_where else ""
        driven = (f"WHERE search_fts MATCH ? AND f.rowid > 0{extra}",
                  [" AND ".join(words), *rest_params])
    conn.execute(f"SELECT count(*) FROM (SELECT c.id FROM {source} {driven[0]} LIMIT ?)",
                 (*driven[1], COUNT_CAP + 1)).fetchone()
    rows = conn.execute(
        "SELECT c.id, c.reference, k.family_name || ' ' || k.given_names, k.chinese_name, "
        "c.scheme, c.stage, (SELECT max(s.limit_of_stay) FROM stay s WHERE s.case_id = c.id) "
        f"FROM {source} JOIN client k ON k.id = c.client_id {driven[0]} "
        f"ORDER BY {order} DESC LIMIT ?", (*driven[1], PAGE)).fetchall()
    if where:
        clients = conn.execute(
            "SELECT k.id, k.family_name, k.chinese_name FROM client k WHERE k.id IN "
            f"(SELECT client_id FROM search_entry e WHERE e.id < 0 AND "
            f"{where.format(id='e.id')}) AND NOT EXISTS (SELECT 1 FROM \"case\" c "
            "WHERE c.client_id = k.id) ORDER BY k.id DESC LIMIT ?",
            (*params, PAGE)).fetchall()
        rows = clients + rows
    return rows


def _raw_fts(conn: sqlite3.Connection, text: str) -> None:
    parts = query_parts(text)
    if not parts:
        return
    where, params = _fts(parts)
    conn.execute(f"SELECT count(*) FROM (SELECT rowid AS id FROM search_fts WHERE "
                 f"{where.format(id='rowid')})", params).fetchone()


def _samples(database: Path) -> list[str]:
    """Typical texts: English and Chinese names (both scripts), numbers by a middle part."""
    conn = sqlite3.connect(database)
    try:
        passport = conn.execute("SELECT number FROM travel_document ORDER BY id LIMIT 1 "
                                "OFFSET 5000").fetchone()[0]
        hkid = conn.execute("SELECT hkid FROM client WHERE hkid IS NOT NULL ORDER BY id "
                            "LIMIT 1 OFFSET 3000").fetchone()[0]
        reference = conn.execute('SELECT reference FROM "case" ORDER BY id LIMIT 1 '
                                 "OFFSET 7000").fetchone()[0]
    finally:
        conn.close()
    return ["chan tai", "wong", "陳大", "陈", "李嘉", passport[2:8], hkid[1:6], reference,
            reference[-5:]]


def run(quick: bool) -> Iterator[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from hkcase.app import open_app
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.support.gc_guard import MainThreadCollector
    from hkcase.gui.support.prompts import Prompts

    clients = 10_000 if quick else 100_000
    app = QApplication.instance() or QApplication([])
    given = os.environ.get("HKCASE_BENCH_DATA")
    with tempfile.TemporaryDirectory(prefix="hkcase-search-bench-") as scratch:
        folder = given or scratch
        if not given:
            subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", folder, "demo",
                            "--clients", str(clients), "--seed", "11"], check=True,
                           capture_output=True)
        ctx = open_app(folder)
        database = ctx.store.file
        assert database is not None
        texts = _typed(_samples(Path(database)))

        # As the application runs: cyclic collection on a timer, never inside a keystroke.
        collector = MainThreadCollector(app)
        window = MainWindow(ctx, Prompts())
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.leftTabs.setCurrentIndex(1)
        app.processEvents()
        rounds: list[list[float]] = []
        for _ in range(ROUNDS):
            timings = []
            for text in texts:
                window.searchEdit.blockSignals(True)
                window.searchEdit.setText(text)
                window.searchEdit.blockSignals(False)
                started = time.perf_counter()
                window.apply_filter()
                app.processEvents()
                timings.append(time.perf_counter() - started)
            rounds.append(timings)
            collector.collect()  # between rounds, as the timer would while one pauses
        ours = [statistics.median(samples) for samples in zip(*rounds, strict=True)]
        window.close()
        ctx.close()

        view = QTableView()
        view.resize(640, 700)
        view.show()
        conn = sqlite3.connect(database)
        bare_rounds: list[list[float]] = []
        raw_rounds: list[list[float]] = []
        for _ in range(ROUNDS):
            bare_round, raw_round = [], []
            for text in texts:
                started = time.perf_counter()
                rows = _bare_query(conn, text)
                model = QStandardItemModel(len(rows), 8)
                for r, row in enumerate(rows):
                    for c, value in enumerate(row[:8]):
                        model.setItem(r, c, QStandardItem("" if value is None else str(value)))
                view.setModel(model)
                app.processEvents()
                bare_round.append(time.perf_counter() - started)
                started = time.perf_counter()
                _raw_fts(conn, text)
                raw_round.append(time.perf_counter() - started)
            bare_rounds.append(bare_round)
            raw_rounds.append(raw_round)
            collector.collect()
        bare = [statistics.median(samples) for samples in zip(*bare_rounds, strict=True)]
        raw = [statistics.median(samples) for samples in zip(*raw_rounds, strict=True)]
        conn.close()
        view.close()
        collector.stop()
        worst = max(range(len(texts)), key=lambda i: ours[i])
        yield Result(f"search_typing_median_{clients}_clients", statistics.median(ours), "s",
                     statistics.median(bare))
        yield Result(f"search_typing_worst_{clients}_clients", ours[worst], "s", 0.050)
        yield Result(f"search_typing_bare_worst_{clients}_clients", max(bare), "s", 0.050)
        yield Result(f"search_raw_fts5_median_{clients}_clients", statistics.median(raw), "s",
                     statistics.median(raw))
        slowest = sorted(range(len(texts)), key=lambda i: -ours[i])[:5]
        print(f"# {len(texts)} keystrokes; slowest (ours / bare, ms): " + ", ".join(
            f"{texts[i]!r} {ours[i] * 1000:.0f}/{bare[i] * 1000:.0f}" for i in slowest),
            file=sys.stderr)
