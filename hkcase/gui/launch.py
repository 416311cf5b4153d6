"""Starting the GUI: the main window at once, then the store, then the day's check and backup.

The main window is built from its form and paints before SQLAlchemy, the store or
any migration check is imported (its case list and dashboard say they are loading,
what needs the store is disabled); the store opens after that paint (a migration,
when due, behind the painted window) and is attached to the window, which fills in
the case list's first page and then the dashboard. The first start of the day's
``PRAGMA quick_check`` and automatic backup run on a worker thread once the case
list has painted; reminders are refreshed only after the check passed.

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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkcase.config.locations import LocationError, Locations
from hkcase.config.shutdown import Terminated, raise_terminated
from hkcase.domain.resources import resource
from hkcase.gui.start_failure import qt_problem, say, start_failed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from hkcase.app import AppContext
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.support.prompts import Prompts
    from hkcase.gui.tray import ReminderTray

_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def register_fonts() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` so Chinese never shows as boxes."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    folder = resource("fonts")
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


def open_for_gui(data_dir: str | Path | None, prompts: Prompts, *,
                 integrity: bool | None = None, daily_backup: bool = True) -> AppContext:
    """``open_app``; for a damaged database, offer to restore the newest good backup.

    ``integrity`` and ``daily_backup`` go to ``open_app`` (a restored database is
    always opened with both). Raises ``StoreError`` (or ``LocationError``) when
    hkcase cannot start.
    """
    from hkcase.app import open_app
    from hkcase.gui.dialogs.passphrase import unlock
    from hkcase.services.errors import DamagedDatabaseError

    unlock(data_dir, prompts)  # encrypted, no key in HKCASE_KEY or the keyring: ask for it
    try:
        return open_app(data_dir, integrity=integrity, daily_backup=daily_backup)
    except DamagedDatabaseError as damaged:
        notice = offer_restore(Locations.resolve(data_dir), prompts, str(damaged), None)
        if notice is None:
            raise
        ctx = open_app(data_dir)
        ctx.notices.append(notice)
        return ctx


def offer_restore(locations: Locations, prompts: Prompts, damage: str,
                  parent: QWidget | None, *,
                  before: Callable[[], None] | None = None) -> str | None:
    """Ask to restore the newest good backup over a damaged database; restore it if yes.

    Returns the notice to show once reopened, or None when nothing was restored (no
    good backup, or the user said no). ``before`` runs after the yes and before the
    restore (to close what holds the database open).
    """
    from hkcase.services.backups import newest_good_backup, restore

    good = newest_good_backup(locations.backup_dir)
    if good is None:
        return None
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    question = (f"{damage.split('. The newest good backup')[0]}.\n\n"
                + translate("launch", "Restore the newest good backup, {backup}? The damaged "
                            "file is kept in the backups folder.").format(
                    backup=good.describe()))
    if not prompts.confirm(parent, translate("launch", "The hkcase database is damaged"),
                           question):
        return None
    if before is not None:
        before()
    restore(locations, good.path)
    return (f"restored {good.describe()}; the damaged database is kept in "
            f"{locations.backup_dir}")


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


#: ``app.exec()`` status asking for a new start (a backup was restored over a damaged file).
_START_AGAIN = 75


def run_gui(data_dir: str | Path | None = None, prompts: Prompts | None = None,
            smoke_test: bool = False) -> int:
    """Open the application window; returns the exit status."""
    problem = qt_problem()
    if problem is not None:
        return say(problem)
    previous = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    keep: list[Any] = []
    try:
        notices: list[str] = []
        while True:
            signal.signal(signal.SIGTERM, raise_terminated)  # until the event loop runs
            status = _start(data_dir, prompts, smoke_test, notices, keep)
            if status != _START_AGAIN:
                return status
    except (Terminated, KeyboardInterrupt):
        return 1
    except Exception as exc:  # before the crash handler is in place (or out of the event
        # loop): said in a line and a crash file, never a traceback
        return start_failed(data_dir, exc)
    finally:
        if keep:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(-1)
        for sig, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)


def _start(data_dir: str | Path | None, prompts: Prompts | None, smoke_test: bool,
           notices: list[str], keep: list[Any]) -> int:
    """One start: the main window, the store attached to it, the event loop."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from hkcase.gui.startup import DailyCare, after_first_paint, show_painted
    from hkcase.gui.support.forms import app_icon, style_sheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("hkcase")
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(True)
    from hkcase.gui.support.i18n import install_for_start

    install_for_start(app, data_dir)  # the interface language, before the first window
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.support.fonts import install_ui_font
    from hkcase.gui.support.prompts import Prompts

    install_ui_font(app)  # the UI font, Chinese in Noto Sans CJK HK (gui/support/fonts.py)
    prompts = prompts or Prompts()
    window = MainWindow(None, prompts)  # no store yet: the lists say they are loading
    show_painted(window, "main")  # on screen before the store is even imported

    from hkcase.gui.support.crash import install_crash_handler
    from hkcase.gui.support.gc_guard import MainThreadCollector
    from hkcase.services.daily import check_before_open, first_start_today
    from hkcase.services.errors import StoreError

    opened: list[AppContext] = []
    try:
        try:
            locations = Locations.resolve(data_dir)
            due = first_start_today(locations)
            before = due and check_before_open(locations)  # an upgrade is due: check first
            if before:
                window.show_step(QCoreApplication.translate(
                    "launch", "Checking the database (the first start today)…"))
            opened.append(open_for_gui(data_dir, prompts, integrity=before,
                                       daily_backup=False))
        except (LocationError, StoreError) as exc:
            window.close()
            return say(str(exc))
        ctx = opened[0]
        ctx.notices[:0] = notices
        notices.clear()
        install_crash_handler(ctx.locations.log_dir)
        keep.append(_quit_on_signals(app))
        collector = MainThreadCollector(app)
        window.attach(ctx)  # the case list's first page; the dashboard loads after it
        if smoke_test:  # packaging's check of a built executable (gui/smoke.py)
            from hkcase.gui import smoke

            smoke.schedule(app, window, window.dashboard_loaded)
        for notice in ctx.notices:
            QTimer.singleShot(0, lambda text=notice: prompts.info(window, "hkcase", text))
        # Never the only channel: the dashboard shows the same reminders. The tray is
        # made after the first paint (nothing of it is on the window).
        tray = _LateTray(ctx, window)
        # After the first paint: today's check and backup, then (the check passed)
        # the reminder refresh, which writes.
        care = DailyCare(ctx, window, check=due and not before)
        care.finished.connect(lambda found: _checked(window, prompts, found, tray.start))
        assert prompts is not None
        shown: Prompts = prompts

        def damaged(damage: str) -> None:
            def release() -> None:
                tray.stop()
                app.setQuitOnLastWindowClosed(False)
                window.close()
                opened.pop().close()

            app.exit(_after_damage(ctx.locations, shown, damage, window, release, notices))

        care.damaged.connect(damaged)
        # The window's paint with the store attached (the case list's first page loaded,
        # on its tab), then the first with the dashboard loaded (the tab shown at start):
        # what the user waits for (``benchmarks/startup_bench.py``'s marks).
        after_first_paint(window, "cases", care.start if due else tray.start)
        window.update()

        def dashboard_shown() -> None:
            window.dashboard_loaded.disconnect(dashboard_shown)
            after_first_paint(window, "dashboard", lambda: None)
            window.update()

        window.dashboard_loaded.connect(dashboard_shown)
        try:
            return app.exec()
        finally:
            tray.stop()
            care.stop()
            collector.stop()
    finally:
        for ctx in opened:
            ctx.close()


class _LateTray:
    """The reminder tray of ``window``, made when first started (after the first paint)."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        self.ctx = ctx
        self.window = window
        self.tray: ReminderTray | None = None

    def start(self) -> None:
        if self.tray is None:
            from hkcase.gui.tray import ReminderTray

            window = self.window
            self.tray = ReminderTray(self.ctx, window)
            self.tray.summaryReady.connect(lambda _summary: window.refresh_dashboard())
        self.tray.start()

    def stop(self) -> None:
        if self.tray is not None:
            self.tray.stop()


def _checked(window: QWidget, prompts: Prompts, notices: list[str],
             then: Callable[[], None]) -> None:
    for notice in notices:
        prompts.info(window, "hkcase", notice)
    then()


def _after_damage(locations: Locations, prompts: Prompts, damage: str, window: QWidget,
                  release: Callable[[], None], notices: list[str]) -> int:
    """Today's check found damage with the window up: offer the restore, as at start.

    Returns the status to leave the event loop with: a new start after a restore,
    else 1 (hkcase does not go on with a damaged database).
    """
    from hkcase.services.errors import StoreError

    released: list[bool] = []

    def close_first() -> None:
        release()
        released.append(True)

    try:
        notice = offer_restore(locations, prompts, damage, window, before=close_first)
    except StoreError as exc:
        notice, damage = None, f"{damage}; the restore failed: {exc}"
    if notice is not None:
        notices.append(notice)
        return _START_AGAIN
    if not released:
        release()
    return say(damage)

