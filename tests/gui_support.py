"""Helpers for the GUI tests: an app context on a fresh database, a scripted prompt service."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.gui.support.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers dialogs from a script and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.choices: list[int | None] = []
        self.confirmations: list[bool] = []
        self.files: list[str] = []
        self.save_as: str | None = None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.confirmations.pop(0) if self.confirmations else True

    def choose(self, parent: QWidget | None, title: str, text: str,
               buttons: list[str]) -> int | None:
        self.asked.append((title, text))
        return self.choices.pop(0) if self.choices else None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append((title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append((title, text))

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        self.asked.append((title, filters))
        return list(self.files)

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        self.asked.append((title, suggested))
        return self.save_as


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method would commit it.

    (``qtbot.keyClicks`` aborts the process on non-ASCII text.)
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    assert event.type() == QEvent.Type.InputMethod


def _plain(text: str) -> str:
    """A menu text as read: without the ``&`` mnemonic marks and a trailing ``…``."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _entry(menu: QMenu, entry: str) -> QAction:
    found = [a for a in menu.actions() if not a.isSeparator() and _plain(a.text()) == _plain(entry)]
    assert len(found) == 1, (entry, [a.text() for a in menu.actions()])
    return found[0]


def menu_entry(window: QMainWindow, menu: str, entry: str) -> QAction:
    """The action ``entry`` of the menu bar's ``menu`` (texts as shown, ``&`` and ``…`` aside)."""
    bar = window.menuBar()
    top = [a for a in bar.actions() if _plain(a.text()) == _plain(menu)]
    assert len(top) == 1, (menu, [a.text() for a in bar.actions()])
    popup = top[0].menu()
    assert isinstance(popup, QMenu)
    return _entry(popup, entry)


def _path_to(menu: QMenu, action: QAction) -> list[QAction] | None:
    """The entries to click in ``menu`` (a submenu's title, …) down to ``action``."""
    for entry in menu.actions():
        if entry is action:
            return [entry]
        sub = entry.menu()
        if isinstance(sub, QMenu):
            found = _path_to(sub, action)
            if found is not None:
                return [entry, *found]
    return None


def choose_menu(qtbot: QtBot, window: QMainWindow, action: QAction | tuple[str, str]) -> None:
    """Choose a menu entry as a user does: click the menu's title in the menu bar, then the
    entry in the menu that opened (through any submenu). ``action`` is the entry, or
    ``(menu, entry)`` as their texts read. The entry must be enabled and visible (a user
    cannot choose it otherwise); a modal dialog it opens runs inside this call, as for a
    user."""
    if isinstance(action, tuple):
        action = menu_entry(window, *action)
    bar = window.menuBar()
    for top in bar.actions():
        popup = top.menu()
        path = _path_to(popup, action) if isinstance(popup, QMenu) else None
        if path is not None:
            break
    else:
        raise AssertionError(f"{action.text()!r} is in no menu of the menu bar")
    assert action.isEnabled() and action.isVisible(), f"{action.text()!r} cannot be chosen"
    assert isinstance(popup, QMenu)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    menu = popup
    for entry in path:
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                         pos=menu.actionGeometry(entry).center())
        sub = entry.menu()
        if isinstance(sub, QMenu) and entry is not action:
            qtbot.waitUntil(sub.isVisible, timeout=5000)
            menu = sub
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=5000)


def app_context(folder: str | None = "data") -> Any:
    """A ``ctx`` fixture: the application opened on a fresh data folder in ``tmp_path``
    (``tmp_path / folder``; ``None``: ``tmp_path`` itself), closed after the test.

    Each GUI test module says ``ctx = app_context()`` (fixtures are found by module)."""

    @pytest.fixture
    def ctx(tmp_path: Path) -> Iterator[AppContext]:
        context = open_app(tmp_path if folder is None else tmp_path / folder)
        yield context
        context.close()

    return ctx


def desktop(folder: Path, name: str) -> AppContext:
    """One consultant's desktop: a data folder whose settings name ``name``."""
    from hkcase.config.locations import Locations
    from hkcase.config.settings import Settings, save_settings

    save_settings(Settings(consultant_name=name), Locations.resolve(folder).settings_file)
    return open_app(folder, daily_backup=False)


def two_desktops() -> Any:
    """A ``desktops`` fixture: Ben's and Amy's desktops, two data folders and two store
    handles on one database file. Each module says ``desktops = two_desktops()``."""

    @pytest.fixture
    def desktops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> Iterator[tuple[AppContext, AppContext]]:
        from hkcase.store import sqlite_url

        monkeypatch.setenv("HKCASE_DATABASE_URL", sqlite_url(tmp_path / "office.sqlite3"))
        ben = desktop(tmp_path / "ben", "Ben Lau")
        amy = desktop(tmp_path / "amy", "Amy Chow")
        yield ben, amy
        ben.close()
        amy.close()

    return desktops


@contextmanager
def started_in_chinese(ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
                       language: str = "zh_HK") -> Iterator[QApplication]:
    """The desktop starts as a Hong Kong consultant's does: the setting says ``language``
    and the start-up installs it (``i18n.install_for_start``); English again afterwards."""
    from hkcase.config.settings import Settings, save_settings
    from hkcase.domain.messages import current_language
    from hkcase.gui.support import i18n

    monkeypatch.delenv("HKCASE_LANGUAGE", raising=False)
    save_settings(Settings(language=language), ctx.locations.settings_file)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_for_start(app, ctx.locations.data_dir) == language
    assert current_language() == language.lower().replace("_", "-")  # the services' too
    try:
        yield app
    finally:
        i18n.install_translators(app, "en")
