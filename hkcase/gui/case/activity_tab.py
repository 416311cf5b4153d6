"""The case pane's Activity tab: every audited change of the case, its client and documents."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hkcase.app import AppContext
from hkcase.services.activity import ActivityRow, case_activity


class ActivityTab(QWidget):
    """Newest first; reloaded whenever the pane shows (or reloads) its case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityTab")
        self.ctx = ctx
        self.rows: list[ActivityRow] = []
        layout = QVBoxLayout(self)
        self.caption = QLabel(self.tr("Every change to this case, its client and its "
                                      "documents, newest first."))
        self.caption.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("activityList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)

    def show_case(self, case_id: int) -> None:
        self.rows = case_activity(self.ctx.store, case_id)
        self.list.clear()
        for row in self.rows:
            stamp = row.at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{stamp} · {row.text}")
            item.setToolTip(row.text)
            self.list.addItem(item)
        if not self.rows:
            self.list.addItem(self.tr("No changes recorded yet."))
