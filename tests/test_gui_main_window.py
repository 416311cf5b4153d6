"""The first window: opens on a store, shows its counts, forms and style load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from hkcase.gui.forms import app_icon, form_names, load_form, style_sheet
from hkcase.gui.main_window import MainWindow
from hkcase.gui.models import OBJECT_ROLE, SORT_ROLE, SchemeSummaryModel
from hkcase.services.context import AppContext, open_app
from hkcase.services.demo import generate_demo
from hkcase.store.queries import SchemeCount


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path)
    yield context
    context.close()


def _show_active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_main_window_shows_the_store(qtbot: QtBot, ctx: AppContext) -> None:
    generate_demo(ctx.store, 200, seed=3)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.summaryView.model()
    assert model.rowCount() == 10
    total = sum(model.index(r, 2).data(SORT_ROLE) for r in range(model.rowCount()))
    assert total > 200
    assert "cases in" in window.subtitleLabel.text()
    assert "schema 0001" in window.statusBar().currentMessage()
    assert window.minimumSize().width() >= 800


def test_refresh_picks_up_new_cases(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    _show_active(qtbot, window)
    assert window.subtitleLabel.text().startswith("0 open of 0 cases")
    generate_demo(ctx.store, 20, seed=3)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.subtitleLabel.text().startswith("0 open of 0 cases")


def test_quit_shortcut_closes_the_window(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    _show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_scheme_summary_model_passes_qt_model_checks(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from hkcase.domain.vocab import Scheme

    model = SchemeSummaryModel([SchemeCount(Scheme.GEP, 3, 5), SchemeCount(Scheme.TTPS, 0, 0)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "3"
    assert model.index(0, 0).data(OBJECT_ROLE).scheme is Scheme.GEP


@pytest.mark.parametrize("name", form_names())
def test_every_designer_form_loads(qtbot: QtBot, name: str) -> None:
    base: QWidget = QMainWindow() if name == "main_window" else QWidget()
    qtbot.addWidget(base)
    load_form(name, base)
    assert base.findChildren(QWidget)


def test_style_sheet_and_icon_are_shipped(qtbot: QtBot) -> None:
    assert "QTableView" in style_sheet()
    assert not app_icon().isNull()
