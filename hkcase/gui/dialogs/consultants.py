"""File ▸ Consultants…: the firm's consultants, added, renamed, deactivated and reactivated.

Every change goes through ``services/consultants.py`` (one audited transaction each;
a blank, too long or duplicate name is refused with a message, nothing written). The
dialog also says whether this desktop's consultant (Settings ▸ Consultant name, the
name the audit records) is on the list: the "My cases" filters need them there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.services.consultants import (
    ConsultantSummary,
    add_consultant,
    all_consultants,
    my_consultant,
    rename_consultant,
    set_active,
)
from hkcase.services.errors import StoreError, ValidationError

ID_ROLE = Qt.ItemDataRole.UserRole


def item_text(row: ConsultantSummary) -> str:
    translate = QCoreApplication.translate
    cases = (translate("consultants", "{count} case") if row.cases == 1
             else translate("consultants", "{count} cases")).format(count=f"{row.cases:,}")
    return (f"{row.name} · {cases}" if row.active
            else translate("consultants", "{name} (inactive) · {cases}").format(
                name=row.name, cases=cases))


class ConsultantsDialog(QDialog):
    """The consultants list; ``changed`` is True once anything was saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultantsDialog")
        self.setWindowTitle(self.tr("Consultants"))
        self.ctx = ctx
        self.changed = False
        self._rows: dict[int, ConsultantSummary] = {}
        layout = QVBoxLayout(self)
        self.meLabel = QLabel(self)
        self.meLabel.setObjectName("meLabel")
        self.meLabel.setWordWrap(True)
        layout.addWidget(self.meLabel)
        self.consultantList = QListWidget(self)
        self.consultantList.setObjectName("consultantList")
        layout.addWidget(self.consultantList)
        row = QHBoxLayout()
        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("nameEdit")
        self.nameEdit.setPlaceholderText(self.tr("Name, e.g. Ben Lau"))
        row.addWidget(self.nameEdit, 1)
        self.addButton = self._button(row, "addButton", self.tr("&Add"))
        self.renameButton = self._button(row, "renameButton", self.tr("Re&name"))
        self.activeButton = self._button(row, "activeButton", self.tr("&Deactivate"))
        layout.addLayout(row)
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        self.buttonBox = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttonBox.rejected.connect(self.reject)
        layout.addWidget(self.buttonBox)
        self.addButton.clicked.connect(self.add)
        self.renameButton.clicked.connect(self.rename)
        self.activeButton.clicked.connect(self.toggle_active)
        self.nameEdit.returnPressed.connect(self.add)
        self.consultantList.currentItemChanged.connect(lambda *_: self._selected())
        self.resize(460, 380)
        self.load()

    def _button(self, row: QHBoxLayout, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        row.addWidget(button)
        return button

    def load(self, select: int | None = None) -> None:
        """Read the list again (keeping or moving the selection to ``select``)."""
        keep = select if select is not None else self.selected_id()
        rows = all_consultants(self.ctx.store)
        self._rows = {r.id: r for r in rows}
        self.consultantList.clear()
        for summary in rows:
            item = QListWidgetItem(item_text(summary), self.consultantList)
            item.setData(ID_ROLE, summary.id)
            if summary.id == keep:
                self.consultantList.setCurrentItem(item)
        name = self.ctx.settings.consultant_name.strip()
        if not name:
            self.meLabel.setText(self.tr("This desktop has no consultant name yet (File ▸ "
                                         "Settings): changes are recorded under the "
                                         "computer's login name."))
        elif my_consultant(self.ctx.store, name) is not None:
            self.meLabel.setText(self.tr("You are {name} (File ▸ Settings): changes are "
                                         "recorded under this name, and “My cases” shows "
                                         "your cases.").format(name=name))
        else:
            self.meLabel.setText(self.tr("You are {name} (File ▸ Settings), not on this list "
                                         "yet: add yourself for “My cases” to work.").format(
                name=name))
        self._selected()

    def selected_id(self) -> int | None:
        item = self.consultantList.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _selected(self) -> None:
        chosen = self._rows.get(self.selected_id() or -1)
        self.renameButton.setEnabled(chosen is not None)
        self.activeButton.setEnabled(chosen is not None)
        self.activeButton.setText(self.tr("&Reactivate")
                                  if chosen is not None and not chosen.active
                                  else self.tr("&Deactivate"))
        if chosen is not None:
            self.nameEdit.setText(chosen.name)

    def _saved(self, message: str, select: int | None = None) -> None:
        self.changed = True
        self.load(select)
        self.messageLabel.setText(message)

    def add(self) -> None:
        name = self.nameEdit.text()
        try:
            new_id = add_consultant(self.ctx.store, name, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self.messageLabel.setText(self.tr("Not added — {reason}").format(
                reason=getattr(exc, "message", exc)))
            return
        self._saved(self.tr("Added {name}.").format(name=" ".join(name.split())), new_id)

    def rename(self) -> None:
        chosen = self._rows.get(self.selected_id() or -1)
        if chosen is None:
            self.messageLabel.setText(self.tr("Choose a consultant in the list first."))
            return
        try:
            rename_consultant(self.ctx.store, chosen.id, self.nameEdit.text(),
                              actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self.messageLabel.setText(self.tr("Not renamed — {reason}").format(
                reason=getattr(exc, "message", exc)))
            return
        self._saved(self.tr("Renamed {name}: their cases show the new name.").format(
            name=chosen.name), chosen.id)

    def toggle_active(self) -> None:
        chosen = self._rows.get(self.selected_id() or -1)
        if chosen is None:
            self.messageLabel.setText(self.tr("Choose a consultant in the list first."))
            return
        try:
            set_active(self.ctx.store, chosen.id, not chosen.active, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self.messageLabel.setText(self.tr("Not changed — {reason}").format(
                reason=getattr(exc, "message", exc)))
            return
        cases = f"{chosen.cases:,}"
        self._saved(self.tr("{name} is active again.").format(name=chosen.name)
                    if not chosen.active else
                    (self.tr("{name} is inactive: off the pickers and filters; their {count} "
                             "case keep the name.") if chosen.cases == 1 else
                     self.tr("{name} is inactive: off the pickers and filters; their {count} "
                             "cases keep the name.")).format(name=chosen.name, count=cases),
                    chosen.id)
