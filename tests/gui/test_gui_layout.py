"""The window at 1024×700 and 1280×800: no text cut off, every case tab on screen.

A user's tour, by mouse: the dashboard, the Cases tab, a case from the list, then each of
the case's tabs clicked on the real tab bar. On every page every visible header section is
at least as wide as its text, every button, check box, filter and one-line label shows its
whole text, empty fields show their whole placeholder, and the long-text lists (the
dashboard, the checklist, the reminders) wrap instead of scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.gui.main_window import MainWindow
from hkcase.gui.support.fonts import install_ui_font
from hkcase.services.demo.generate import generate_demo
from hkcase.services.reminders.refresh import refresh_reminders
from tests.gui_support import ScriptedPrompts

SIZES = [(1024, 700), (1280, 800)]
#: Views whose long text wraps: they never scroll sideways.
WRAPPING = ("dashboardView", "itemsView", "remindersView")
#: A line edit's frame and text margins, and the room an icon action takes (Fusion).
EDIT_MARGINS = 8
ACTION_WIDTH = 22


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("layout") / "data"
    ctx = open_app(folder)
    try:
        generate_demo(ctx.store, 60, seed=2026)
        refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
    finally:
        ctx.close()
    return folder


@pytest.fixture
def ctx(demo: Path) -> Iterator[AppContext]:
    context = open_app(demo)
    yield context
    context.close()


@pytest.fixture
def ui_font(qapp: QApplication) -> Iterator[None]:
    before = QFont(qapp.font())
    install_ui_font(qapp)  # the shipped window's font: the measurements depend on it
    yield
    qapp.setFont(before)


def _window(qtbot: QtBot, ctx: AppContext, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(ctx, ScriptedPrompts())
    loaded: list[bool] = []
    window.dashboard_loaded.connect(lambda: loaded.append(True))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(loaded), timeout=20_000)
    qtbot.wait(50)
    assert (window.width(), window.height()) == size
    return window


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def _cut_off(root: QWidget) -> list[str]:
    """Every piece of text under ``root`` that is not shown whole."""
    found: list[str] = []
    for label in root.findChildren(QLabel):
        if _shown(label) and label.text() and not label.wordWrap() and \
                label.textFormat() != Qt.TextFormat.RichText and \
                label.width() < label.sizeHint().width():
            found.append(f"label {label.objectName()!r} {label.text()[:40]!r}: "
                         f"{label.width()} < {label.sizeHint().width()}")
    for button in root.findChildren(QAbstractButton):
        if isinstance(button.parent(), QLineEdit):  # a field's icon button (no text shown)
            continue
        if _shown(button) and button.text() and button.width() < button.sizeHint().width():
            found.append(f"button {button.objectName()!r} {button.text()!r}: "
                         f"{button.width()} < {button.sizeHint().width()}")
    for combo in root.findChildren(QComboBox):
        if _shown(combo) and combo.width() < combo.sizeHint().width():
            found.append(f"combo {combo.objectName()!r} {combo.currentText()!r}: "
                         f"{combo.width()} < {combo.sizeHint().width()} (its longest choice)")
    for edit in root.findChildren(QLineEdit):
        if not _shown(edit) or edit.text() or not edit.placeholderText() or \
                isinstance(edit.parent(), QComboBox):
            continue
        icons = [a for a in edit.actions() if a.isVisible() and not a.icon().isNull()]
        room = edit.contentsRect().width() - EDIT_MARGINS - ACTION_WIDTH * len(icons)
        needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        if needed > room:
            found.append(f"placeholder of {edit.objectName()!r} {edit.placeholderText()!r}: "
                         f"{room} < {needed}")
    for view in root.findChildren(QAbstractItemView):
        if not _shown(view) or isinstance(view, QHeaderView):
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else \
            view.header() if isinstance(view, QTreeView) else None
        if header is None or header.isHidden() or view.model() is None:
            continue
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            need = header.sectionSizeHint(column)
            if header.sectionSize(column) < need:
                title = view.model().headerData(column, Qt.Orientation.Horizontal)
                found.append(f"header {title!r} of {view.objectName()!r}: "
                             f"{header.sectionSize(column)} < {need}")
        if view.objectName() in WRAPPING and view.horizontalScrollBar().maximum() > 0:
            found.append(f"{view.objectName()!r} scrolls sideways: its text should wrap")
    return found


def _click_tab(qtbot: QtBot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    rect = bar.tabRect(index)
    assert bar.rect().contains(rect), (
        f"tab {tabs.tabText(index)!r} is not on screen: {rect} outside {bar.rect()}")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tabs.currentIndex() == index, timeout=5_000)
    qtbot.wait(30)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_is_cut_off_and_every_case_tab_is_on_screen(
        qtbot: QtBot, ctx: AppContext, ui_font: None, size: tuple[int, int]) -> None:
    window = _window(qtbot, ctx, size)
    problems = [f"dashboard: {p}" for p in _cut_off(window)]

    _click_tab(qtbot, window.leftTabs, 1)
    problems += [f"cases: {p}" for p in _cut_off(window.leftTabs.currentWidget())]
    index = window.cases.index(2, 1)
    rect = window.caseTable.visualRect(index)
    qtbot.mouseClick(window.caseTable.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    qtbot.waitUntil(lambda: window.shown_case_id() is not None, timeout=10_000)
    view = window.case_view
    tabs = view.caseTabs
    assert tabs.count() == 7
    bar = tabs.tabBar()
    assert bar.sizeHint().width() <= bar.width(), "the case tabs need scroll buttons"
    problems += [f"case header: {p}" for p in _cut_off(view) if "caseTabs" not in p]
    for tab in range(tabs.count()):
        _click_tab(qtbot, tabs, tab)
        page = tabs.currentWidget()
        problems += [f"{tabs.tabText(tab).replace('&', '')}: {p}" for p in _cut_off(page)]
    assert not problems, "\n".join(problems)


def test_the_window_opens_at_1280_by_800_and_shares_its_width(qtbot: QtBot,
                                                             ctx: AppContext) -> None:
    window = _window(qtbot, ctx, (1280, 800))
    left, right = window.splitter.sizes()
    assert left >= 460 and right >= 640, (left, right)
    window.resize(1600, 900)  # grows: both sides get wider
    qtbot.wait(50)
    wider_left, wider_right = window.splitter.sizes()
    assert wider_left > left and wider_right > right


def test_dashboard_rows_wrap_and_give_way_when_narrow(qtbot: QtBot, ctx: AppContext,
                                                     ui_font: None) -> None:
    window = _window(qtbot, ctx, (1024, 700))
    view = window.dashboardView
    header = view.header()
    assert header.visualIndex(2) == header.count() - 1  # "What" last, taking the rest
    assert header.sectionSize(2) >= 200
    # The date columns (also in "What") give way in a narrow pane and come back when wide.
    window.resize(1600, 900)
    window.splitter.setSizes([1000, 580])
    qtbot.waitUntil(lambda: not header.isSectionHidden(3) and not header.isSectionHidden(4),
                    timeout=5_000)
    model = window.dashboard_model
    for section in range(model.rowCount()):
        parent = model.index(section, 0)
        for row in range(model.rowCount(parent)):
            what = model.index(row, 2, parent)
            tip = what.data(Qt.ItemDataRole.ToolTipRole)
            assert what.data() and tip and tip.startswith(what.data().rstrip("…"))
    assert view.horizontalScrollBar().maximum() == 0
    point = view.visualRect(model.index(0, 2, model.index(0, 0))).center()
    assert view.indexAt(QPoint(point)).isValid()


def _open_case_menu(qtbot: QtBot, window: MainWindow) -> list[tuple[str, bool]]:
    """Click Case on the menu bar; the entries and whether each is enabled; close it."""
    bar = window.menuBar()
    menu = window.menuCase
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    entries = [(a.text().replace("&", ""), a.isEnabled()) for a in menu.actions()
               if not a.isSeparator()]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5_000)
    return entries


def test_case_menu_is_disabled_until_a_case_is_open(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx, (1280, 800))
    entries = _open_case_menu(qtbot, window)
    assert entries and not any(enabled for _text, enabled in entries), entries
    tool = window.mainToolBar.widgetForAction(window.actionEditClient)
    assert tool is not None and not tool.isEnabled()

    _click_tab(qtbot, window.leftTabs, 1)
    rect = window.caseTable.visualRect(window.cases.index(0, 0))
    qtbot.mouseClick(window.caseTable.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    qtbot.waitUntil(lambda: window.shown_case_id() is not None, timeout=10_000)
    entries = dict(_open_case_menu(qtbot, window))
    assert all(entries.values()), entries  # a case open and a row selected: all of them
    assert tool.isEnabled()
