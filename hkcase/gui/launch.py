"""Starting the GUI: open the store first, then Qt (so a bad store fails fast and clearly)."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from hkcase.config.locations import LocationError
from hkcase.services.context import open_app
from hkcase.store import StoreError


def register_fonts() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` so Chinese never shows as boxes."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    folder = files("hkcase.resources").joinpath("fonts")
    if not folder.is_dir():
        return families
    for entry in folder.iterdir():
        if entry.name.lower().endswith((".ttf", ".ttc", ".otf")):
            # From the file where there is one (Qt maps it); only a zipped install copies it.
            font_id = (QFontDatabase.addApplicationFont(str(entry)) if isinstance(entry, Path)
                       else QFontDatabase.addApplicationFontFromData(entry.read_bytes()))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def run_gui(data_dir: str | Path | None = None) -> int:
    """Open the application window; returns the exit status."""
    try:
        ctx = open_app(data_dir)
    except (LocationError, StoreError) as exc:
        print(f"hkcase: error: {exc}", file=sys.stderr)
        _show_startup_error(str(exc))
        return 1
    from PySide6.QtWidgets import QApplication

    from hkcase.gui.crash import install_crash_handler
    from hkcase.gui.forms import app_icon, style_sheet
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.tray import ReminderTray

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hkcase")
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
    register_fonts()
    install_crash_handler(ctx.locations.log_dir)
    window = MainWindow(ctx)
    window.show()
    # Never the only channel: the dashboard shows the same reminders.
    tray = ReminderTray(ctx, window)
    tray.summaryReady.connect(lambda _summary: window.refresh_dashboard())
    tray.start()
    try:
        return app.exec()
    finally:
        tray.stop()
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
