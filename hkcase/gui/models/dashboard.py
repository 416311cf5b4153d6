"""The dashboard tree: sections (limit passed, within 7 days, …) with a page of rows each.

While the dashboard loads the tree shows one "Loading…" row and no counts, so a
consultant never reads "0" for a number that is not known yet. A section with
more rows than loaded ends in a "show more" row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hkcase.domain.names import SCREEN_GAP, full_name
from hkcase.gui.models.records import OBJECT_ROLE, display
from hkcase.services.reminders.dashboard import DashboardRow, Section

ModelIndex = QModelIndex | QPersistentModelIndex
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MORE_ROLE = Qt.ItemDataRole.UserRole + 3  # the section key on a "show more" row
HEADERS = (QT_TRANSLATE_NOOP("DashboardModel", "Client"),
           QT_TRANSLATE_NOOP("DashboardModel", "Case"),
           QT_TRANSLATE_NOOP("DashboardModel", "What"),
           QT_TRANSLATE_NOOP("DashboardModel", "Date"),
           QT_TRANSLATE_NOOP("DashboardModel", "Limit of stay"))
WHAT_COLUMN = 2  # shown last and wrapped (gui/dashboard_panel.py)
SECTION_COLOURS = {"overdue": "#b42318", "limit_7_days": "#b42318", "window_open": "#b54708"}
MILESTONE_COLOUR = "#475467"
TODAY_BACKGROUND = "#fff1c2"
LOADING_TEXT = QT_TRANSLATE_NOOP("DashboardModel", "Loading the dashboard…")
_TOP = 0xFFFFFFFF  # internal id of section rows; item rows carry their section's number


def _cell(row: DashboardRow, column: int, section: Section | None = None) -> Any:
    if column == 0:
        return full_name(row.client_name, row.chinese_name, SCREEN_GAP)
    if column == WHAT_COLUMN and section is not None:
        return short_what(row, section)
    return (None, row.reference, row.what, row.day, row.limit_of_stay)[column]


def short_what(row: DashboardRow, section: Section) -> str:
    """A row's "What" without the advice every row of its section repeats (the section's
    note, shown once above the tree and in the row's tooltip)."""
    note = section.note
    if note and row.what.endswith(note) and len(row.what) > len(note):
        return row.what[:-len(note)].rstrip(" :;—-：；")
    return row.what


def repeats_note(section: Section) -> bool:
    """Whether the section's rows end with its note (so it is shown once, above the tree)."""
    return bool(section.note) and any(short_what(r, section) != r.what for r in section.rows)


def section_title(section: Section) -> str:
    return f"{section.title} ({section.count:,})"


class DashboardModel(QAbstractItemModel):
    """Two levels: a row per section, under it a row per case or reminder."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._rows: list[list[DashboardRow]] = []
        self.loading = True

    # Content ----------------------------------------------------------------------
    def set_loading(self) -> None:
        """Show the loading row (only before anything was loaded)."""
        if self._sections:
            return
        self.beginResetModel()
        self.loading = True
        self.endResetModel()

    def set_sections(self, sections: Sequence[Section]) -> None:
        self.beginResetModel()
        self.loading = False
        self._sections = list(sections)
        self._rows = [list(s.rows) for s in sections]
        self.endResetModel()

    def replace_section(self, section: Section) -> None:
        """Swap one section (e.g. verdicts computed after the others) in place."""
        for position, held in enumerate(self._sections):
            if held.key == section.key:
                self.beginResetModel()
                self._sections[position] = section
                self._rows[position] = list(section.rows)
                self.endResetModel()
                return

    def append_rows(self, key: str, rows: Sequence[DashboardRow]) -> None:
        """Add a further page to a section."""
        for position, held in enumerate(self._sections):
            if held.key == key and rows:
                # A reset, not an insert: the "show more" row after the rows may go.
                self.beginResetModel()
                self._rows[position].extend(rows)
                self.endResetModel()
                return

    def sections(self) -> list[Section]:
        return list(self._sections)

    def loaded(self, key: str) -> int:
        for position, held in enumerate(self._sections):
            if held.key == key:
                return len(self._rows[position])
        return 0

    def section_index(self, key: str) -> QModelIndex:
        for position, held in enumerate(self._sections):
            if held.key == key:
                return self.index(position, 0)
        return QModelIndex()

    def _has_more(self, position: int) -> bool:
        return len(self._rows[position]) < self._sections[position].count and bool(
            self._rows[position])

    # Qt model -----------------------------------------------------------------------
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
            return 1 if self.loading else len(self._sections)
        if self.loading:
            return 0
        if parent.internalId() == _TOP and parent.column() == 0:
            position = parent.row()
            return len(self._rows[position]) + (1 if self._has_more(position) else 0)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.loading:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.tr(LOADING_TEXT)
            return None
        if index.internalId() == _TOP:
            return self._section_data(index, role)
        position = index.internalId()
        rows = self._rows[position]
        if index.row() >= len(rows):  # the "show more" row
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                left = self._sections[position].count - len(rows)
                return self.tr("… {count} more: double-click to show more").format(
                    count=f"{left:,}")
            if role == MORE_ROLE:
                return self._sections[position].key
            return None
        row = rows[index.row()]
        section = self._sections[position]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(_cell(row, index.column(), section))
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.what
        if role == Qt.ItemDataRole.BackgroundRole and row.due_today:
            return QBrush(QColor(TODAY_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and row.due_today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if section.milestone:
                return QBrush(QColor(MILESTONE_COLOUR))
            if section.key in SECTION_COLOURS and index.column() == 2:
                return QBrush(QColor(SECTION_COLOURS[section.key]))
        return None

    def _section_data(self, index: ModelIndex, role: int) -> Any:
        section = self._sections[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return section_title(section)
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 2 and section.note \
                and not section.milestone:
            return section.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.note
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setItalic(section.milestone)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if section.milestone:
                return QBrush(QColor(MILESTONE_COLOUR))
            if section.key in SECTION_COLOURS and section.count:
                return QBrush(QColor(SECTION_COLOURS[section.key]))
        if role == OBJECT_ROLE:
            return section
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None
