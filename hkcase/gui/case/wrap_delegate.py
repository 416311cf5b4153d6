"""Word-wrapped cells for a QTreeWidget: rows as tall as their text at the column's width.

QTreeView asks the delegate for a row's height without the column's width, so wrapped
text is cut to one line; this delegate measures it at the width the header gives.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

_PAD = 10  # the style's text margins either side, and a little air


class WrapDelegate(QStyledItemDelegate):
    """Install with ``WrapDelegate.install(tree)``."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(lambda *_: self._relayout.start())

    @classmethod
    def install(cls, tree: QTreeWidget) -> WrapDelegate:
        tree.setWordWrap(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.setUniformRowHeights(False)
        delegate = cls(tree)
        tree.setItemDelegate(delegate)
        return delegate

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return hint
        tree = self.tree
        item = tree.itemFromIndex(tree.model().index(index.row(), index.column(),
                                                     index.parent()))
        spanned = item is not None and item.isFirstColumnSpanned()
        width = tree.viewport().width() if spanned else tree.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * tree.indentation()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if not opt.icon.isNull():
            width -= opt.decorationSize.width() + 4
        bound = opt.fontMetrics.boundingRect(QRect(0, 0, max(24, width - _PAD), 100_000),
                                             int(Qt.TextFlag.TextWordWrap), str(text))
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin) * 2 + 2
        return QSize(hint.width(), max(hint.height(), bound.height() + margin))
