"""Table models over plain dataclasses (never ORM rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from hkcase.gui.support.i18n import label

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")
#: How a yes/no value reads in a cell (translated when shown).
YES_NO = (QT_TRANSLATE_NOOP("RecordTableModel", "no"),
          QT_TRANSLATE_NOOP("RecordTableModel", "yes"))


def display(value: Any) -> str:
    """How a value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return QCoreApplication.translate("RecordTableModel", str(YES_NO[value]))
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    return str(value)


class Column(Generic[T]):
    """A column: its header, how to get the value, and optional colour and tooltip."""

    def __init__(self, header: str, value: Callable[[T], Any], *,
                 tooltip: Callable[[T], str | None] | None = None,
                 colour: Callable[[T], str | None] | None = None) -> None:
        self.header = header
        self.value = value
        self.tooltip = tooltip
        self.colour = colour


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """A read-only table of records, one row each, described by ``Column``s."""

    def __init__(self, columns: Sequence[Column[T]], rows: Sequence[T] = (),
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = list(rows)

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(column.value(record))
        if role == SORT_ROLE:
            return column.value(record)
        if role == OBJECT_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            from PySide6.QtGui import QBrush, QColor

            colour = column.colour(record)
            return QBrush(QColor(colour)) if colour else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None
