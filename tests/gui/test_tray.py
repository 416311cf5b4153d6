"""The tray check: runs at start and on its timer, says what became due, skips a missing tray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.domain.reminders.urgency import Urgency
from hkcase.gui.tray import ReminderTray
from hkcase.services.reminders.notify import NotificationSummary
from tests.reminders_support import family


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path)
    family(context.store, limit=date(2026, 12, 10))  # window opened 2026-11-12
    yield context
    context.close()


def test_start_checks_at_once_and_the_timer_repeats(qtbot: QtBot, ctx: AppContext) -> None:
    tray = ReminderTray(ctx, interval_ms=60_000, today=lambda: date(2026, 11, 22))
    with qtbot.waitSignal(tray.summaryReady, timeout=20_000) as first:
        tray.start()
    summary: NotificationSummary = first.args[0]
    assert tray.timer.isActive() and tray.timer.interval() == 60_000
    assert summary.counts[Urgency.WINDOW_OPEN] == 2  # the sponsor and the dependant
    assert "2 extension windows open" in summary.message
    assert "CHAN Tai Man" in summary.message
    # The timer's next tick finds nothing new: no second bubble.
    with qtbot.waitSignal(tray.summaryReady, timeout=20_000) as second:
        tray.timer.timeout.emit()
    assert second.args[0].message == "" and second.args[0].counts == summary.counts
    tray.stop()


def test_bubble_only_where_a_tray_exists(qtbot: QtBot, ctx: AppContext,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        assert ReminderTray(ctx).icon is None  # skipped, the check still works
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *rest: shown.append((title, text)))
    tray = ReminderTray(ctx, today=lambda: date(2026, 11, 22))
    assert tray.icon is not None
    with qtbot.waitSignal(tray.summaryReady, timeout=20_000):
        assert tray.check_now()
    assert len(shown) == 1 and shown[0][0] == "hkcase: deadlines need attention"
    with qtbot.waitSignal(tray.summaryReady, timeout=20_000):
        tray.check_now()
    assert len(shown) == 1  # nothing new, no bubble
    tray.stop()


def test_a_failed_check_is_reported(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.settings.reminder_lead_days = [0]  # an impossible setting
    tray = ReminderTray(ctx)
    with qtbot.waitSignal(tray.checkFailed, timeout=20_000) as failed:
        tray.check_now()
    assert "reminder_lead_days" in failed.args[0]
    tray.stop()
