"""Starting the GUI: open the store first, then Qt (so a bad store fails fast and clearly).

SIGTERM and SIGINT end the event loop like closing the window does, so the
store is closed cleanly (checkpointed: the database file alone is complete).
A damaged database is reported with the offer to restore the newest good
backup (through the ``Prompts`` seam).
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkcase.config.locations import LocationError, Locations
from hkcase.config.shutdown import Terminated, raise_terminated
from hkcase.services.context import AppContext, open_app
from hkcase.store import StoreError
from hkcase.store.errors import DamagedDatabaseError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from hkcase.gui.prompts import Prompts

_SIGNALS = (signal.SIGTERM, signal.SIGINT)


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


def open_for_gui(data_dir: str | Path | None, prompts: Prompts) -> AppContext:
    """``open_app``; for a damaged database, offer to restore the newest good backup.

    Raises ``StoreError`` (or ``LocationError``) when hkcase cannot start.
    """
    try:
        return open_app(data_dir)
    except DamagedDatabaseError as damaged:
        from hkcase.services.backups import newest_good_backup, restore

        locations = Locations.resolve(data_dir)
        good = newest_good_backup(locations.backup_dir)
        if good is None:
            raise
        question = (f"{str(damaged).split('. The newest good backup')[0]}.\n\n"
                    f"Restore the newest good backup, {good.describe()}? The damaged "
                    "file is kept in the backups folder.")
        if not prompts.confirm(None, "The hkcase database is damaged", question):
            raise
        restore(locations, good.path)
        ctx = open_app(data_dir)
        ctx.notices.append(f"restored {good.describe()}; the damaged database is kept in "
                           f"{locations.backup_dir}")
        return ctx


def _quit_on_signals(app: QApplication) -> Any:
    """Make SIGTERM and SIGINT quit the event loop (Qt's C++ loop would otherwise keep
    Python's handlers from running until the next Python call)."""
    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: reader.recv(64))
    for sig in _SIGNALS:
        signal.signal(sig, lambda *_: app.quit())
    return (reader, writer, notifier)


def run_gui(data_dir: str | Path | None = None, prompts: Prompts | None = None) -> int:
    """Open the application window; returns the exit status."""
    previous = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    signal.signal(signal.SIGTERM, raise_terminated)  # until the event loop runs
    ctx: AppContext | None = None
    keep: Any = None
    try:
        if prompts is None:
            try:
                ctx = open_app(data_dir)
            except DamagedDatabaseError:
                ctx = None  # asked about below, once Qt is up
            except (LocationError, StoreError) as exc:
                print(f"hkcase: error: {exc}", file=sys.stderr)
                _show_startup_error(str(exc))
                return 1
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from hkcase.gui.crash import install_crash_handler
        from hkcase.gui.gc_guard import MainThreadCollector
        from hkcase.gui.forms import app_icon, style_sheet
        from hkcase.gui.main_window import MainWindow
        from hkcase.gui.prompts import Prompts
        from hkcase.gui.tray import ReminderTray

        app = QApplication.instance() or QApplication(sys.argv[:1])
        prompts = prompts or Prompts()
        if ctx is None:
            try:
                ctx = open_for_gui(data_dir, prompts)
            except (LocationError, StoreError) as exc:
                print(f"hkcase: error: {exc}", file=sys.stderr)
                _show_startup_error(str(exc))
                return 1
        assert isinstance(app, QApplication)
        app.setApplicationName("hkcase")
        app.setStyleSheet(style_sheet())
        app.setWindowIcon(app_icon())
        register_fonts()
        install_crash_handler(ctx.locations.log_dir)
        keep = _quit_on_signals(app)
        collector = MainThreadCollector(app)
        window = MainWindow(ctx, prompts)
        window.show()
        for notice in ctx.notices:
            QTimer.singleShot(0, lambda text=notice: prompts.info(window, "hkcase", text))
        # Never the only channel: the dashboard shows the same reminders.
        tray = ReminderTray(ctx, window)
        tray.summaryReady.connect(lambda _summary: window.refresh_dashboard())
        tray.start()
        try:
            return app.exec()
        finally:
            tray.stop()
            collector.stop()
    except (Terminated, KeyboardInterrupt):
        return 1
    finally:
        if ctx is not None:
            ctx.close()
        if keep is not None:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(-1)
        for sig, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)


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
