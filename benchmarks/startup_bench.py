"""Start-up of the real ``hkcase`` process: spawn to the first paint of its main window.

Each run spawns ``python -m hkcase --data-dir DIR`` with ``HKCASE_FIRST_PAINT_FILE``
set; the app appends ``<mark> <unix time>`` at three moments (``gui/launch.py``):

* ``main``: the real main window's first paint, with its form — menus, toolbar and its
  icons, the dashboard and cases tabs, the filters — before the store is opened (the
  case list and the dashboard say they are loading; entries needing the store are
  disabled);
* ``cases``: the window's first paint after the store was opened and attached: the
  case list's first page (count, 200 rows) is loaded and the status bar names the
  database; from here every menu works;
* ``dashboard``: the first paint after the dashboard (the tab shown at start) loaded
  on its worker thread: the user's full wait.

The bare baseline is a separate process showing a ``QMainWindow`` with a ``QTableView``
of 200 × 8 items, timed the same way. Runs alternate, so both sides share the machine's
load; the median of ``HKCASE_BENCH_REPEAT`` (default 5) runs each. Where ``/proc`` can
be read, the ``_cpu_`` rows give each process's CPU seconds at the same marks (a shared
machine's load inflates the wall clock, hardly the CPU time).

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
#: The app's marks, in the order they come, and the names of their result rows.
MARKS = {"main": "main_window", "cases": "case_list", "dashboard": "dashboard"}

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


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a running process (Linux ``/proc``), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(command: list[str], env: dict[str, str], marks: Path, last: str,
           cpu: dict[str, float] | None = None) -> dict[str, float]:
    """Seconds from spawn to each mark, waiting for ``last``; then SIGTERM.

    With ``cpu``, also the process's CPU seconds when each mark was seen (read within a
    few milliseconds of it: the load of other processes does not count).
    """
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
                    if stamp and name not in found:
                        found[name] = float(stamp) - started
                        seconds = _cpu_seconds(process.pid) if cpu is not None else None
                        if cpu is not None and seconds is not None:
                            cpu[name] = seconds
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
        _timed(bare, env, marks, "bare")  # warm-up: bytecode, font caches, the first
        _timed(hkcase, env, marks, "dashboard")  # start of the day's check and backup
        wall: dict[str, list[float]] = {name: [] for name in ("bare", *MARKS)}
        cpu: dict[str, list[float]] = {name: [] for name in ("bare", *MARKS)}
        for _ in range(repeat):
            used: dict[str, float] = {}
            wall["bare"].append(_timed(bare, env, marks, "bare", used)["bare"])
            seen = _timed(hkcase, env, marks, "dashboard", used)  # the last mark
            for name in MARKS:
                wall[name].append(seen[name])
            for name, seconds in used.items():
                cpu[name].append(seconds)
    baseline = statistics.median(wall["bare"])
    for name, row in MARKS.items():
        yield Result(f"startup_{row}_{clients}_clients", statistics.median(wall[name]), "s",
                     baseline)
    if all(len(values) == repeat for values in cpu.values()):  # where /proc can be read
        bare_cpu = statistics.median(cpu["bare"])
        for name, row in MARKS.items():
            yield Result(f"startup_{row}_cpu_{clients}_clients",
                         statistics.median(cpu[name]), "s", bare_cpu)


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
