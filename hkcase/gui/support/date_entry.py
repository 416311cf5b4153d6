"""The one date-entry field: type DD/MM/YYYY or YYYY-MM-DD, or pick from a calendar.

``DateEntry.install(edit)`` turns any ``QLineEdit`` of a Designer form into a date
field: it validates as you type (``forms.mark_date_field``), accepts both forms
(``domain.date_entry``), and opens a calendar from the field's button or Alt+Down.
``forms.date_from_field`` reads it as before.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from hkcase.domain.date_entry import FORMATS, DateEntryError, parse_entered_date
from hkcase.gui.support.forms import mark_date_field
from hkcase.gui.support.icons import icon


class DateEntry(QObject):
    """Date behaviour attached to a line edit (it stays a ``QLineEdit`` for forms and tests)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        if not edit.placeholderText():
            edit.setPlaceholderText(FORMATS)
        edit.setToolTip(self.tr("{field}: {formats}; Alt+Down opens a calendar").format(
            field=edit.toolTip() or self.tr("Date"), formats=FORMATS))
        self.pickAction = QAction(icon("calendar"), self.tr("Pick a date"), edit)
        self.pickAction.setObjectName("pickDate")
        self.pickAction.triggered.connect(self.open_calendar)
        edit.addAction(self.pickAction, QLineEdit.ActionPosition.TrailingPosition)
        QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Down), edit,
                  self.open_calendar, context=Qt.ShortcutContext.WidgetShortcut)
        edit.textChanged.connect(lambda _t: mark_date_field(edit))
        self.calendar: QCalendarWidget | None = None

    @classmethod
    def install(cls, edit: QLineEdit) -> DateEntry:
        found = edit.findChild(DateEntry)
        return found if isinstance(found, DateEntry) else cls(edit)

    def value(self) -> date | None:
        try:
            return parse_entered_date(self.edit.text()) if self.edit.text().strip() else None
        except DateEntryError:
            return None

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field, on the typed date (or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self.edit)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("dateCalendar")
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        current = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, picked: QDate) -> None:
        self.edit.setText(date(picked.year(), picked.month(), picked.day()).isoformat())
        if self.calendar is not None:
            self.calendar.hide()
        self.edit.setFocus()


def install_date_entries(*edits: QLineEdit | QWidget) -> None:
    """Make each of ``edits`` a date field."""
    for edit in edits:
        if isinstance(edit, QLineEdit):
            DateEntry.install(edit)
