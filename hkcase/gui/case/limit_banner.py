"""The case pane's limit-of-stay line: how far away it is today, and loud once it has passed."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from hkcase.domain.reminders.wording import limit_line, limit_passed
from hkcase.services.cases.detail import CaseDetail

NEAR_DAYS = 7  # styled in ui/style.qss by the ``limitState`` property


def limit_banner(below: QWidget) -> QLabel:
    """A label placed right under ``below`` (the case subtitle) in its layout."""
    banner = QLabel(below.parentWidget())
    banner.setObjectName("limitBanner")
    banner.setWordWrap(True)
    layout = below.parentWidget().layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(below) + 1, banner)
    banner.hide()
    return banner


def show_limit(banner: QLabel, case: CaseDetail, today: date | None = None) -> None:
    """The current limit of stay of the case, worded for today."""
    day = today or date.today()
    if not case.stays:
        banner.hide()
        return
    current = max(case.stays, key=lambda s: (s.granted_on, s.limit_of_stay, s.id))
    limit = current.limit_of_stay
    banner.setText(limit_line(limit, day))
    state = "passed" if limit_passed(limit, day) else \
        "near" if (limit - day).days <= NEAR_DAYS else "later"
    banner.setProperty("limitState", state)
    banner.style().unpolish(banner)
    banner.style().polish(banner)
    banner.show()
