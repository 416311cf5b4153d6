"""Asking how long to snooze a reminder: only the choices the service allows.

One helper for every snooze button (dashboard, the case's Stay & deadlines tab), so
no widget picks a snooze length of its own and none can pass the deadline.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hkcase.app import AppContext
from hkcase.gui.support.prompts import Prompts
from hkcase.services.reminders.refresh import snooze_options

translate = QCoreApplication.translate


def ask_snooze_until(ctx: AppContext, prompts: Prompts, parent: QWidget | None,
                     reminder_id: int, heading: str) -> date | None:
    """The date the consultant chose to snooze ``reminder_id`` until; None if none/cancelled.

    ``heading`` names the reminder ("GEP-2026-0001 CHAN Tai Man"). When no snooze is
    possible (the deadline is today or passed) the reason is shown instead.
    """
    options = snooze_options(ctx.store, reminder_id)
    if not options.choices:
        prompts.info(parent, translate("snooze", "Snooze"), options.why_none
                     or translate("snooze", "This reminder cannot be snoozed."))
        return None
    choice = prompts.choose(
        parent, translate("snooze", "Snooze"),
        translate("snooze", "{reminder}: snooze until…").format(reminder=heading)
        + (translate("snooze", " (at the latest {date})").format(date=options.cap)
           if options.cap else ""),
        [c.label for c in options.choices])
    return None if choice is None else options.choices[choice].until
