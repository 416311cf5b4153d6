"""Starting the GUI: open the store first, then Qt (so a bad store fails fast and clearly)."""

from __future__ import annotations

import sys
from pathlib import Path

from hkcase.config.locations import LocationError
from hkcase.services.context import open_app
from hkcase.store import StoreError


def run_gui(data_dir: str | Path | None = None) -> int:
    """Open the application window; returns the exit status."""
    try:
        ctx = open_app(data_dir)
    except (LocationError, StoreError) as exc:
        print(f"hkcase: error: {exc}", file=sys.stderr)
        _show_startup_error(str(exc))
        return 1
    from PySide6.QtWidgets import QApplication

    from hkcase.gui.forms import app_icon, style_sheet
    from hkcase.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hkcase")
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        ctx.close()


def _show_startup_error(message: str) -> None:
    """Tell a user who started hkcase from a menu (no terminal) why it did not open."""
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError:
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if app.platformName() in ("offscreen", "minimal"):
        return
    QMessageBox.critical(None, "hkcase cannot start", message)
