"""Column widths by content for the case pane's tables: nothing cut off, at 1024 px too.

``TableFit`` sizes every column to its contents (header text included), gives the long text
columns (a checklist item's title, a reminder) the width that is left — wrapped onto more
lines, never elided — and, where the view is too narrow for them to keep ``min_width``,
hides the optional columns first (their text is in a tooltip or beside the table). It fits
again whenever the rows change or the view is resized. For the few dozen rows of a case
the cost is a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QTableView


class TableFit(QObject):
    """Fits the columns of ``view``; ``wrap`` are the long text columns (logical indexes),
    ``optional`` the columns to hide, in that order, when room is short."""

    def __init__(self, view: QTableView, wrap: Sequence[int], optional: Sequence[int] = (),
                 min_width: int = 180) -> None:
        super().__init__(view)
        self.view = view
        self.wrap = tuple(wrap)
        self.optional = tuple(optional)
        self.min_width = min_width
        self._fitting = False
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)  # only ever past the last line
        self._width = -1
        # Row heights once the layout has settled (coalesced: one pass per event-loop turn).
        self._rows = QTimer(self, singleShot=True, interval=0)
        self._rows.timeout.connect(view.resizeRowsToContents)
        # A wider or narrower view: the stretched last column resizes, or the content no
        # longer fits. Signals, not an event filter: nothing runs on a view being destroyed.
        view.horizontalHeader().sectionResized.connect(self._resized)
        view.horizontalScrollBar().rangeChanged.connect(lambda *_: self._resized())
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged):
            signal.connect(self.fit)

    def _minimum(self, column: int) -> int:
        """A wrapped column's least width: ``min_width``, or its header text if wider."""
        return max(self.min_width, self.view.horizontalHeader().sectionSizeHint(column))

    def fit(self, *_args: object) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            for _ in range(3):  # again if the fit itself showed or hid the vertical scroll bar
                width = self.view.viewport().width()
                self._fit()
                if self.view.viewport().width() == width:
                    break
            self._width = self.view.viewport().width()
        finally:
            self._fitting = False

    def _resized(self, *_args: object) -> None:
        if self._fitting:
            return
        if self.view.viewport().width() != self._width:
            self.fit()
        else:  # a column stretched or dragged: the wrapped rows' heights follow it
            self._rows.start()

    def _fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        header.setStretchLastSection(False)  # natural widths first (a stretched one is not)
        for column in self.optional:
            header.setSectionHidden(column, False)
        view.resizeColumnsToContents()
        columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        natural = {c: header.sectionSize(c) for c in columns}
        room = view.viewport().width()

        def fixed() -> int:
            return sum(natural[c] for c in columns if c not in self.wrap)

        for column in self.optional:  # too narrow: the optional columns go first
            needed = sum(min(natural[c], self._minimum(c)) for c in self.wrap if c in columns)
            if room - fixed() >= needed or column not in columns:
                continue
            header.setSectionHidden(column, True)
            columns.remove(column)
        left = room - fixed()
        wrapped = [c for c in self.wrap if c in columns]
        wanted = sum(natural[c] for c in wrapped)
        if wrapped and wanted > left:
            # Each its least width, and what is left beyond that in proportion to the text.
            least = {c: min(natural[c], self._minimum(c)) for c in wrapped}
            spare = max(0, left - sum(least.values()))
            more = {c: natural[c] - least[c] for c in wrapped}
            for column in wrapped:
                header.resizeSection(column, least[column] + spare * more[column]
                                     // max(sum(more.values()), 1))
        header.setStretchLastSection(True)  # any room left goes to the last column
        view.resizeRowsToContents()
        self._rows.start()  # and again once the stretched column has its width
