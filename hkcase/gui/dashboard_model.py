"""The dashboard tree: sections (overdue, window open, …) with their reminders, built lazily."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from hkcase.gui.models import OBJECT_ROLE, display
from hkcase.services.dashboard import Section
from hkcase.services.reminder_digest import DigestItem

ModelIndex = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Client", "Case", "What", "Due", "Limit of stay")
SECTION_COLOURS = {"overdue": "#b42318", "window_open": "#b54708"}
_TOP = 0xFFFFFFFF  # internal id of section rows; item rows carry their section's number


def _cell(item: DigestItem, column: int) -> Any:
    if column == 0:
        return f"{item.client_name}　{item.chinese_name}" if item.chinese_name \
            else item.client_name
    return (None, item.case_ref, item.title, item.effective_date, item.limit_of_stay)[column]


class DashboardModel(QAbstractItemModel):
    """Two levels: a row per section, under it a row per reminder. Cells are made on demand."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []

    def set_sections(self, sections: Sequence[Section]) -> None:
        self.beginResetModel()
        self._sections = list(sections)
        self.endResetModel()

    def sections(self) -> list[Section]:
        return list(self._sections)

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()  # noqa: B008
              ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _TOP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._sections[parent.row()].items)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            section = self._sections[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{section.title} ({len(section.items)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and section.key in SECTION_COLOURS:
                return QBrush(QColor(SECTION_COLOURS[section.key]))
            if role == OBJECT_ROLE:
                return section
            return None
        item = self._sections[index.internalId()].items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(_cell(item, index.column()))
        if role == CASE_ID_ROLE:
            return item.case_id
        if role == OBJECT_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.title
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None
