"""``hkcase --smoke-test``: open the window, wait for the dashboard, paint, report, quit.

For installed and frozen builds, which have no Python to drive them: the packaging test
runs the built executable offscreen and reads the one JSON line printed here. Exit 0 when
the window painted and the dashboard loaded, 1 when it did not within the time allowed.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

TIMEOUT_MS = 60_000


def report(window: QMainWindow, dashboard_loaded: bool) -> dict[str, object]:
    """What a user would see first: the window painted, its toolbar and a Chinese font."""
    image = window.grab()
    actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()
               if not a.isSeparator()]
    chinese = QFontDatabase.WritingSystem.TraditionalChinese
    return {
        "window": [window.width(), window.height()],
        "painted": not image.isNull() and image.width() > 0,
        "dashboard_loaded": dashboard_loaded,
        "toolbar_actions": len(actions),
        "toolbar_icons": sum(not a.icon().isNull() for a in actions),
        "window_icon": not QApplication.windowIcon().isNull(),
        "chinese_font": any(chinese in QFontDatabase.writingSystems(family)
                            for family in QFontDatabase.families()),
    }


def schedule(app: QApplication, window: QMainWindow, loaded_signal: SignalInstance) -> None:
    """Quit ``app`` once ``loaded_signal`` fired (or the timeout passed), printing the report."""
    done = False

    def finish(ok: bool) -> None:
        nonlocal done
        if done:
            return
        done = True
        print(json.dumps(report(window, ok)), flush=True)
        app.exit(0 if ok else 1)

    loaded_signal.connect(lambda: QTimer.singleShot(0, lambda: finish(True)))
    QTimer.singleShot(TIMEOUT_MS, lambda: finish(False))
