"""Start-up of the real ``hkcase`` process: spawn to the first paint of its window.

Each run spawns ``python -m hkcase --data-dir DIR`` with ``HKCASE_FIRST_PAINT_FILE``
set; the app appends ``loading <unix time>`` when its start-up window has painted
(before the store is opened) and ``main <unix time>`` when the main window with the
case list has. The bare baseline is a separate process showing a ``QMainWindow`` with
a ``QTableView`` of 200 × 8 items, timed the same way. Runs alternate, so both sides
share the machine's load; the median of ``HKCASE_BENCH_REPEAT`` (default 5) runs each.

Bytecode is compiled once into a scratch ``PYTHONPYCACHEPREFIX`` (one warm-up run
each, not counted), as for an installed hkcase. ``HKCASE_BENCH_DATA=DIR`` reuses a
folder made by ``hkcase --data-dir DIR demo``; ``HKCASE_BENCH_DISPLAY=:N`` runs the
processes on that X server (Xvfb) instead of the offscreen platform.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import Result

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 180.0

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

def mark():
    with open(os.environ["HKCASE_FIRST_PAINT_FILE"], "a") as handle:
        handle.write(f"bare {time.time():.6f}\\n")

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, mark)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
model = QStandardItemModel(200, 8)
for row in range(200):
    for column in range(8):
        model.setItem(row, column, QStandardItem(f"{row}:{column}"))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1280, 800)
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
"""


def _env(marks: Path, pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"HKCASE_FIRST_PAINT_FILE": str(marks), "PYTHONPYCACHEPREFIX": str(pycache)}
    display = os.environ.get("HKCASE_BENCH_DISPLAY")
    if display:
        env |= {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _timed(command: list[str], env: dict[str, str], marks: Path, last: str) -> dict[str, float]:
    """Seconds from spawn to each mark, waiting for ``last``; then SIGTERM."""
    marks.unlink(missing_ok=True)
    started = time.time()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    found: dict[str, float] = {}
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while last not in found:
            if process.poll() is not None:
                err = process.stderr.read()[-2000:] if process.stderr else ""
                raise RuntimeError(f"{command[2:]} ended ({process.returncode}) before "
                                   f"'{last}': {err}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"no '{last}' mark within {TIMEOUT_S} s")
            time.sleep(0.005)
            if marks.exists():
                for line in marks.read_text().splitlines():
                    name, _, stamp = line.partition(" ")
                    if stamp:
                        found[name] = float(stamp) - started
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return found


def run(quick: bool) -> Iterator[Result]:
    clients = 10_000 if quick else 100_000
    repeat = max(5, int(os.environ.get("HKCASE_BENCH_REPEAT", "5")))
    given = os.environ.get("HKCASE_BENCH_DATA")
    with tempfile.TemporaryDirectory(prefix="hkcase-startup-bench-") as scratch:
        folder = given or str(Path(scratch) / "data")
        if not given:
            subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", folder, "demo",
                            "--clients", str(clients), "--seed", "11"], check=True,
                           capture_output=True, cwd=ROOT)
        marks = Path(scratch) / "marks.txt"
        env = _env(marks, Path(scratch) / "pycache")
        hkcase = [sys.executable, "-m", "hkcase", "--data-dir", folder]
        bare = [sys.executable, "-c", BARE]
        _timed(bare, env, marks, "bare")  # warm-up: bytecode, font caches,
        _timed(hkcase, env, marks, "main")  # the first start of the day's backup
        bare_s, loading_s, main_s = [], [], []
        for _ in range(repeat):
            bare_s.append(_timed(bare, env, marks, "bare")["bare"])
            seen = _timed(hkcase, env, marks, "main")
            loading_s.append(seen["loading"])
            main_s.append(seen["main"])
    baseline = statistics.median(bare_s)
    yield Result(f"startup_first_paint_{clients}_clients", statistics.median(loading_s), "s",
                 baseline)
    yield Result(f"startup_main_window_{clients}_clients", statistics.median(main_s), "s",
                 baseline)


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
