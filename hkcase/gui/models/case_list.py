"""The case list model: pages of rows fetched from SQL as the view scrolls.

While the search box holds text (and no case filter is set), clients who have no
case yet are listed first, as rows of their own that open the client; the cases
follow. These are the hits of ``services.search`` (what ``hkcase search`` prints).

The model can be made before the store is open (``store=None``: no rows, ``loading``
true) and given the store with ``attach``; the services it queries are imported then,
so that the main window paints before SQLAlchemy is even imported.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from hkcase.gui.models.records import OBJECT_ROLE, SORT_ROLE
from hkcase.gui.support.i18n import label

if TYPE_CHECKING:  # imported when the store is attached (start-up: the first paint)
    from hkcase.services.cases.listing import CaseFilter, CaseList, CaseListItem
    from hkcase.services.search import SearchHit
    from hkcase.services.storage import Store

ModelIndex = QModelIndex | QPersistentModelIndex
#: Keyed by ``services.cases.listing.DeadlineFilter`` values (a ``StrEnum``).
DEADLINE_COLOURS = {"overdue": "#b42318", "limit_7_days": "#b42318", "window_open": "#b54708"}
PAGE = 200
CLIENT_ROWS = 200  # clients without a case shown above the cases, at most
COUNT_CAP = 1_000  # beyond this the list says "1,000+" rather than count every match

# (header, sort key in the store, value of an item)
COLUMNS: tuple[tuple[str, str, Callable[[CaseListItem], Any]], ...] = (
    (QT_TRANSLATE_NOOP("CaseListModel", "Reference"), "reference", lambda i: i.row.reference),
    (QT_TRANSLATE_NOOP("CaseListModel", "Client"), "client", lambda i: i.client_name),
    ("中文姓名", "chinese_name", lambda i: i.row.chinese_name or ""),
    (QT_TRANSLATE_NOOP("CaseListModel", "Scheme"), "scheme", lambda i: label(i.row.scheme)),
    (QT_TRANSLATE_NOOP("CaseListModel", "Stage"), "stage", lambda i: label(i.row.stage)),
    (QT_TRANSLATE_NOOP("CaseListModel", "Consultant"), "consultant",
     lambda i: i.row.consultant or ""),
    (QT_TRANSLATE_NOOP("CaseListModel", "Limit of stay"), "limit_of_stay",
     lambda i: i.row.limit_of_stay),
    (QT_TRANSLATE_NOOP("CaseListModel", "Window opens"), "limit_of_stay",
     lambda i: i.window_opens),
)


class CaseListModel(QAbstractTableModel):
    """Rows of the case list, loaded ``PAGE`` at a time; sorting and filtering run in SQL."""

    def __init__(self, store: Store | None, parent: Any = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._today = today
        self._filter: CaseFilter | None = None
        self._sort = "reference"
        self._descending = True
        self._list: CaseList | None = None
        self._items: list[CaseListItem] = []
        self._clients: list[SearchHit] = []
        self._total = 0
        self._more = False
        self._capped = False
        if store is not None:
            self.attach(store)

    # Loading -------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """True until the store is attached (the list has nothing to show yet)."""
        return self._store is None

    def attach(self, store: Store, f: CaseFilter | None = None) -> None:
        """Give the model its store and load the first page (with filter ``f``, if given)."""
        from hkcase.services.cases.listing import CaseFilter

        self._store = store
        self._filter = f if f is not None else self._filter or CaseFilter()
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Query again with the current filter and sort; load at least ``keep`` rows."""
        if self._store is None or self._filter is None:
            return  # not attached yet: ``attach`` loads
        from hkcase.services.cases.listing import CaseList, DeadlineFilter
        from hkcase.services.search import client_hits

        self.beginResetModel()
        self._list = CaseList(self._store, self._filter, sort=self._sort,
                              descending=self._descending, today=self._today())
        self._total = self._list.count(cap=COUNT_CAP)
        f = self._filter
        case_filters = (f.scheme, f.stage, f.consultant_id) != (None, None, None) \
            or f.deadline is not DeadlineFilter.ANY
        self._clients = [] if case_filters else client_hits(self._store, f.text,
                                                            limit=CLIENT_ROWS)
        self._capped = self._total > COUNT_CAP
        wanted = max(PAGE, keep)
        self._items = self._list.page(0, wanted)
        self._more = len(self._items) == wanted and len(self._items) < self._total
        self.endResetModel()

    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self.reload()  # before ``attach``: kept, applied by it

    @property
    def total(self) -> int:
        """How many cases match, loaded or not (``COUNT_CAP + 1`` for "more than the cap")."""
        return self._total

    @property
    def total_text(self) -> str:
        return f"{self._total - 1:,}+" if self._capped else f"{self._total:,}"

    @property
    def client_count(self) -> int:
        """How many rows are clients without a case (listed first)."""
        return len(self._clients)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._list is None:
            return
        more = self._list.page(len(self._items), PAGE)
        self._more = len(more) == PAGE
        if not self._more and self._capped:
            self._total = len(self._items) + len(more)  # the end: now the count is exact
            self._capped = False
        if not more:
            return
        first = len(self._clients) + len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._items.extend(more)
        self.endInsertRows()

    def row_of(self, case_id: int) -> int | None:
        """The row showing ``case_id`` among the loaded rows."""
        for number, item in enumerate(self._items):
            if item.row.case_id == case_id:
                return len(self._clients) + number
        return None

    def client_at(self, row: int) -> SearchHit | None:
        """The client without a case shown on ``row``, or None for a case row."""
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def case_id_at(self, row: int) -> int | None:
        """The case shown on ``row``, or None for a client row."""
        return None if row < len(self._clients) else self.item(row).row.case_id

    def item(self, row: int) -> CaseListItem:
        """The case shown on ``row`` (``LookupError`` on a client row)."""
        if row < len(self._clients):
            raise LookupError(f"row {row} shows a client, not a case")
        return self._items[row - len(self._clients)]

    # Qt model ------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients) + len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        client = self.client_at(index.row())
        if client is not None:
            return self._client_data(client, index.column(), role)
        item = self.item(index.row())
        value = COLUMNS[index.column()][2](item)
        if role == Qt.ItemDataRole.DisplayRole:
            return value.isoformat() if isinstance(value, date) else value
        if role == SORT_ROLE:
            return value
        if role == OBJECT_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and index.column() >= 6:
            colour = DEADLINE_COLOURS.get(item.deadline) if item.deadline else None
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() <= 2:
            return f"{item.row.reference}: {item.client_name} {item.row.chinese_name or ''}"
        return None

    def _client_data(self, hit: SearchHit, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (self.tr("Client"), hit.name, hit.chinese_name or "", "",
                    self.tr("no case yet"), "", "", "")[column]
        if role == OBJECT_ROLE:
            return hit
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{client}: a client without a case. Double-click or press Enter "
                           "to open the client.").format(
                client=f"{hit.name} {hit.chinese_name or ''}")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
