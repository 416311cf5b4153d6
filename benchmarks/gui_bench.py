"""Desktop speed on a large store: first show, search per keystroke, opening a case, memory.

Every figure is compared in the same run with the bare way: a plain ``QMainWindow``
holding one ``QTableView``, a raw sqlite3 query, or the budget itself.
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

from benchmarks.harness import Result

_REMINDERS = """
from hkcase.app import open_app
from hkcase.services.reminders.refresh import refresh_reminders
ctx = open_app({scratch!r})
refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
ctx.close()
"""


# A consultant's first minutes, in a process of its own: its resident memory is the figure.
_SESSION = """
import os, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from hkcase.gui.main_window import MainWindow
from hkcase.gui.support.prompts import Prompts
from hkcase.app import open_app
ctx = open_app({scratch!r})
window = MainWindow(ctx, Prompts())
window.show()
app.processEvents()
window.refresh_dashboard()
while window._dashboard_running:
    app.processEvents()
    time.sleep(0.005)
window.leftTabs.setCurrentIndex(1)
for text in ("ch", "cha", "chan", "陳", "e12", ""):
    window.searchEdit.setText(text)
    window.apply_filter()
    app.processEvents()
for row in range(0, 200, 20):
    window.open_case(window.cases.item(row).row.case_id)
    app.processEvents()
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        print(int(line.split()[1]) / 1024)
"""


def run(quick: bool) -> Iterator[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from hkcase.app import open_app
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.support.prompts import Prompts

    clients = 10_000 if quick else 100_000
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="hkcase-gui-bench-") as scratch:
        # Data are made in another process, so the memory figure is the window's own.
        subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", scratch, "demo",
                        "--clients", str(clients), "--seed", "11"], check=True,
                       capture_output=True)
        subprocess.run([sys.executable, "-c", _REMINDERS.format(scratch=scratch)], check=True,
                       capture_output=True)
        ctx = open_app(scratch)

        def show_bare() -> float:
            started = time.perf_counter()
            window = QMainWindow()
            model = QStandardItemModel(200, 8)
            for row in range(200):
                for column in range(8):
                    model.setItem(row, column, QStandardItem(f"{row}:{column}"))
            view = QTableView()
            view.setModel(model)
            window.setCentralWidget(view)
            window.resize(1280, 800)
            window.show()
            app.processEvents()
            window.grab()  # a real paint
            elapsed = time.perf_counter() - started
            window.close()
            return elapsed

        def show_hkcase() -> float:
            started = time.perf_counter()
            window = MainWindow(ctx, Prompts())
            window.show()
            app.processEvents()
            window.grab()
            elapsed = time.perf_counter() - started
            window.close()
            window.deleteLater()
            app.processEvents()
            return elapsed

        show_bare()
        show_hkcase()  # warm both (imports, caches)
        bare = statistics.median(show_bare() for _ in range(3))
        ours = statistics.median(show_hkcase() for _ in range(3))
        yield Result(f"main_window_show_{clients}_clients", ours, "s", bare)

        window = MainWindow(ctx, Prompts())
        started = time.perf_counter()
        window.refresh_dashboard()
        while window._dashboard_running:
            app.processEvents()
            time.sleep(0.002)
        yield Result(f"dashboard_load_{clients}_clients", time.perf_counter() - started, "s",
                     1.0)
        window.close()

        window = MainWindow(ctx, Prompts())
        window.show()
        app.processEvents()
        window.leftTabs.setCurrentIndex(1)
        timings = []
        for text in ("c", "ch", "cha", "chan", "chan t", "陳", "陳大", "e1", "e12", "2026-0"):
            window.searchEdit.blockSignals(True)
            window.searchEdit.setText(text)
            window.searchEdit.blockSignals(False)
            started = time.perf_counter()
            window.apply_filter()
            app.processEvents()
            timings.append(time.perf_counter() - started)
        database = ctx.store.file
        assert database is not None

        def bare_search(text: str) -> float:
            conn = sqlite3.connect(database)
            started = time.perf_counter()
            conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
                         (f'"{text}"*',)).fetchone()
            conn.execute('SELECT c.id, c.reference FROM "case" c WHERE c.id IN (SELECT rowid '
                         "FROM search_fts WHERE search_fts MATCH ?) ORDER BY c.id DESC "
                         "LIMIT 200", (f'"{text}"*',)).fetchall()
            elapsed = time.perf_counter() - started
            conn.close()
            return elapsed

        raw = statistics.median(bare_search(t) for t in ("c", "ch", "cha", "chan", "e1", "e12"))
        yield Result("search_keystroke_median", statistics.median(timings), "s", raw)
        yield Result("search_keystroke_worst", max(timings), "s", 0.050)

        window.searchEdit.setText("")
        window.apply_filter()
        ids = [window.cases.item(row).row.case_id for row in range(0, 200, 20)]
        opened = []
        for case_id in ids:
            started = time.perf_counter()
            window.open_case(case_id)
            app.processEvents()
            opened.append(time.perf_counter() - started)
        yield Result("open_case_median", statistics.median(opened), "s", 0.100)

        started = time.perf_counter()
        for _ in range(5):
            window.cases.fetchMore()
        yield Result("scroll_fetch_200_rows", (time.perf_counter() - started) / 5, "s", 0.050)
        session = subprocess.run([sys.executable, "-c", _SESSION.format(scratch=scratch)],
                                 check=True, capture_output=True, text=True)
        yield Result("resident_memory_after_a_session", float(session.stdout.split()[-1]), "MB",
                     180.0)
        window.close()
        ctx.close()
