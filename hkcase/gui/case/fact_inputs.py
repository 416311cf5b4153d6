"""Inputs for one fact, chosen by its kind: a combo for choices and yes/no, a money field,
a date picker, a text line."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from hkcase.gui.support.i18n import label

UNSET = "—"
translate = QCoreApplication.translate
_NO_DATE = QDate(1900, 1, 1)
_MONEY = QRegularExpression(r"^\s*(HK\$)?\s*[0-9][0-9,]*(\.[0-9]{0,2})?\s*$")
_NUMBER = QRegularExpression(r"^\s*[0-9]+(\.[0-9]*)?\s*%?\s*$")
MONEY_KINDS = ("money", "hkd")
NUMBER_KINDS = ("count", "percent", "years", "months")


def _label(value: str) -> str:
    return label(value, capital=True)


class FactInput:
    """One input widget and the value it holds, as the services take it.

    ``value()`` is ``None`` when nothing is entered; yes/no gives ``True``/``False``,
    a choice its value, a date a ``date``, everything else the text typed.
    """

    def __init__(self, kind: str, choices: tuple[tuple[str, str], ...] = (),
                 parent: QWidget | None = None) -> None:
        self.kind = kind
        self.widget: QWidget
        if kind == "bool":
            combo = QComboBox(parent)
            for text, data in ((UNSET, None), (translate("FactInput", "Yes"), True),
                               (translate("FactInput", "No"), False)):
                combo.addItem(text, data)
            self.widget = _narrow(combo)
        elif kind == "choice":
            combo = QComboBox(parent)
            combo.addItem(UNSET, None)
            for value, text in choices:
                combo.addItem(text, value)
            self.widget = _narrow(combo)
        elif kind == "date":
            picker = QDateEdit(parent)
            picker.setCalendarPopup(True)
            picker.setDisplayFormat("dd/MM/yyyy")
            picker.setMinimumDate(_NO_DATE)
            picker.setSpecialValueText(UNSET)
            picker.setDate(_NO_DATE)
            self.widget = picker
        elif kind == "longtext":
            box = QPlainTextEdit(parent)
            box.setMaximumHeight(70)
            self.widget = box
        else:
            line = QLineEdit(parent)
            if kind in MONEY_KINDS:
                line.setPlaceholderText("HK$")
                line.setValidator(QRegularExpressionValidator(_MONEY, line))
            elif kind in NUMBER_KINDS:
                line.setValidator(QRegularExpressionValidator(_NUMBER, line))
            elif kind == "languages":
                line.setPlaceholderText(translate("FactInput", "e.g. English, Chinese"))
            self.widget = line

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QDateEdit):
            picked = w.date()
            return None if picked == _NO_DATE else date(picked.year(), picked.month(),
                                                         picked.day())
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        assert isinstance(w, QLineEdit)
        return w.text().strip() or None

    def text(self) -> str:
        """The value as a consultant would type it (for overrides of profile facts)."""
        value = self.value()
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, date):
            return value.isoformat()
        return str(value)

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            index = w.findData(value) if value is not None else 0
            if index < 0 and isinstance(value, str):
                w.addItem(_label(value), value)
                index = w.count() - 1
            w.setCurrentIndex(max(0, index))
        elif isinstance(w, QDateEdit):
            if isinstance(value, str):
                value = date.fromisoformat(value)
            w.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("" if value is None else str(value))
        else:
            assert isinstance(w, QLineEdit)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(value, int) and self.kind in MONEY_KINDS:
                value = f"{value:,}"
            w.setText("" if value is None else str(value))


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo that fits a narrow pane (its list still opens wide enough to read)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    return combo


def profile_choices(choices: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """A profile fact's choices with readable labels."""
    return tuple((c, _label(c)) for c in choices)
