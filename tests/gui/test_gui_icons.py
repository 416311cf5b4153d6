"""The icon set: every toolbar and menu action has one, drawn from the shipped Tabler SVGs."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.gui.main_window import MainWindow
from hkcase.gui.support.date_entry import DateEntry
from hkcase.gui.support.icons import APP_ICON_ID, ICONS, STATE_COLOURS, app_icon, icon
from tests.gui_support import ScriptedPrompts

ROOT = Path(__file__).resolve().parents[2]
TABLER = ROOT / "resources" / "icons" / "tabler"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    ctx: AppContext = open_app(tmp_path)
    win = MainWindow(ctx, ScriptedPrompts())
    loaded: list[bool] = []
    win.dashboard_loaded.connect(lambda: loaded.append(True))  # before the first event loop
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(loaded), timeout=20_000)
    yield win
    win.close()
    ctx.close()


def _ink(image: QImage) -> list[QColor]:
    """The opaque pixels of an image."""
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200]


def test_every_toolbar_button_shows_an_icon_and_its_text(window: MainWindow) -> None:
    actions = [a for a in window.mainToolBar.actions() if not a.isSeparator()]
    assert len(actions) >= 5
    for action in actions:
        assert not action.icon().isNull(), f"{action.objectName()} has no icon (gui/icons.py)"
        button = window.mainToolBar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.isVisible()
        assert not button.icon().isNull() and button.text()
        assert _ink(action.icon().pixmap(20, 20).toImage()), action.objectName()
    assert window.mainToolBar.toolButtonStyle().name == "ToolButtonTextBesideIcon"


def test_every_menu_entry_has_an_icon(window: MainWindow) -> None:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert not action.icon().isNull(), (
                f"{menu.title()} ▸ {action.text()} ({action.objectName()}) has no icon: "
                "add it to ACTION_ICONS in hkcase/gui/support/icons.py")


def test_search_field_and_date_fields_show_their_icons(window: MainWindow, qtbot: QtBot) -> None:
    leading = [a for a in window.searchEdit.actions() if not a.icon().isNull()]
    assert leading, "the search field has no magnifier"
    edit = QLineEdit()
    qtbot.addWidget(edit)
    entry = DateEntry.install(edit)
    assert entry.pickAction.icon().cacheKey() == icon("calendar").cacheKey()


def test_icons_draw_in_the_palette_colour_and_states_in_their_own(qapp: QApplication) -> None:
    text = qapp.palette().color(QPalette.ColorRole.WindowText)
    ink = _ink(icon("save").pixmap(24, 24).toImage())
    assert ink and all(abs(c.red() - text.red()) < 40 and abs(c.blue() - text.blue()) < 40
                       for c in ink)
    for state, colour in STATE_COLOURS.items():
        wanted = QColor(colour)
        ink = _ink(icon(state).pixmap(24, 24).toImage())
        assert ink and all(abs(c.red() - wanted.red()) < 40 and abs(c.green() - wanted.green())
                           < 40 for c in ink), state


def test_only_the_icons_used_are_shipped_with_their_licence() -> None:
    shipped = {p.stem for p in TABLER.glob("*.svg")}
    assert shipped == set(ICONS.values())
    licence = (TABLER / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Paweł Kuna" in licence
    for name in shipped:
        assert QSvgRenderer(QByteArray((TABLER / f"{name}.svg").read_bytes())).isValid(), name


def test_committed_pngs_match_the_svg(qapp: QApplication) -> None:
    spec = importlib.util.spec_from_file_location("render_icons",
                                                  ROOT / "packaging" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    for size in (16, 64, 256):
        fresh = render_icons.render(ROOT / "resources" / "icons" / "hkcase.svg", size)
        png = QImage(str(ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                         / f"{APP_ICON_ID}.png"))
        differing = sum(fresh.pixelColor(x, y).rgba() != png.pixelColor(x, y).rgba()
                        for x in range(size) for y in range(size))
        assert differing <= size * size // 100, \
            f"{size}px PNG is stale: run packaging/render_icons.py"


def test_application_icon_has_the_small_sizes(qapp: QApplication) -> None:
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    assert not QIcon(app_icon()).isNull()
