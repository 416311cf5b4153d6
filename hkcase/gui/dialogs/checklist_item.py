"""A checklist item's details: titles, state, notes, and its files (renamed, expiry, deleted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.checklists import Lang
from hkcase.domain.documents import DocumentVersion
from hkcase.domain.messages import current_language
from hkcase.domain.vocab import ChecklistState
from hkcase.gui.support.forms import combo_enum, date_from_field, load_form, mark_date_field
from hkcase.gui.support.i18n import label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import delete_asking, push_undo, record_menu, undo_session
from hkcase.services import undo
from hkcase.services.checklists import edit_item, get_item
from hkcase.services.documents import list_versions, update_version
from hkcase.services.errors import ValidationError


class ChecklistItemDialog(QDialog):
    """Edit one item; ``changed`` is True once anything was saved (files included)."""

    titleEnEdit: QLineEdit
    titleZhEdit: QLineEdit
    formEdit: QLineEdit
    stateCombo: QComboBox
    mandatoryCheck: QCheckBox
    notesEdit: QPlainTextEdit
    versionsList: QListWidget
    versionNameEdit: QLineEdit
    versionExpiryEdit: QLineEdit
    saveVersionButton: QPushButton
    deleteVersionButton: QPushButton
    messageLabel: QLabel
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, prompts: Prompts, item_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("checklist_item_dialog", self)
        self.ctx, self.prompts, self.item_id = ctx, prompts, item_id
        self.changed = False
        for state in ChecklistState:
            self.stateCombo.addItem(label(state), state)
        self.entry = get_item(ctx.store, item_id)
        self.titleEnEdit.setText(self.entry.title_en)
        self.titleZhEdit.setText(self.entry.title_zh or "")
        self.formEdit.setText(self.entry.form_no or "")
        self.stateCombo.setCurrentIndex(self.stateCombo.findData(self.entry.state))
        self.mandatoryCheck.setChecked(self.entry.mandatory)
        self.notesEdit.setPlainText(self.entry.notes or "")
        title = self.entry.title(Lang(current_language()))  # the screen's language
        self.setWindowTitle(self.tr("Checklist item: {item}").format(item=title))
        self.versionExpiryEdit.textChanged.connect(lambda _t: mark_date_field(
            self.versionExpiryEdit))
        self.versionsList.currentItemChanged.connect(lambda _c, _p: self._fill_version())
        self.saveVersionButton.clicked.connect(self.save_version)
        self.deleteVersionButton.clicked.connect(self.delete_version)
        record_menu(self.versionsList, [(self.tr("Delete file…"), self.delete_version)],
                    on_delete=self.delete_version)
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self._load_versions()

    def _load_versions(self) -> None:
        self.versionsList.clear()
        for version in list_versions(self.ctx.store, self.item_id):
            item = QListWidgetItem(f"v{version.version_no} · {version.original_name} · "
                                   + self.tr("{size} bytes").format(size=f"{version.size_bytes:,}")
                                   + (" · " + self.tr("expires {date}").format(
                                       date=version.expiry_date) if version.expiry_date else ""))
            item.setData(Qt.ItemDataRole.UserRole, version)
            self.versionsList.addItem(item)
        if self.versionsList.count():
            self.versionsList.setCurrentRow(0)
        has = self.versionsList.count() > 0
        for widget in (self.versionNameEdit, self.versionExpiryEdit, self.saveVersionButton,
                       self.deleteVersionButton):
            widget.setEnabled(has)

    def selected_version(self) -> DocumentVersion | None:
        item = self.versionsList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _fill_version(self) -> None:
        version = self.selected_version()
        self.versionNameEdit.setText(version.original_name if version else "")
        self.versionExpiryEdit.setText(version.expiry_date.isoformat()
                                       if version and version.expiry_date else "")

    def save_version(self) -> None:
        version = self.selected_version()
        if version is None:
            return
        try:
            changes: dict[str, Any] = {
                "original_name": self.versionNameEdit.text(),
                "expiry_date": date_from_field(self.versionExpiryEdit, "expiry date")}
            changes = {k: v for k, v in changes.items() if getattr(version, k) != v}
            if not changes:
                return
            edited = update_version(self.ctx.store, version.id, actor=self.ctx.actor,
                                    **changes)
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Not saved — {reason}").format(reason=exc.message))
            return
        push_undo(self, undo.after_edit(undo_session(self.ctx), edited,
                                        f"edit of {version.original_name}"))
        self.changed = True
        self.messageLabel.setText(self.tr("File details saved."))
        self._load_versions()

    def delete_version(self) -> None:
        version = self.selected_version()
        if version is None:
            return
        try:
            done = delete_asking(self.ctx, self.prompts, self, "document", version.id)
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Not deleted — {reason}").format(
                reason=exc.message))
            return
        if done is not None:
            self.changed = True
            self._load_versions()

    def save(self) -> None:
        values: dict[str, Any] = {
            "title_en": self.titleEnEdit.text().strip(),
            "title_zh": self.titleZhEdit.text().strip() or None,
            "form_no": self.formEdit.text().strip() or None,
            "mandatory": self.mandatoryCheck.isChecked(),
            "notes": self.notesEdit.toPlainText().strip() or None,
            "state": combo_enum(self.stateCombo, ChecklistState)}
        changes = {k: v for k, v in values.items() if getattr(self.entry, k) != v}
        if changes:
            try:
                edited = edit_item(self.ctx.store, self.item_id, actor=self.ctx.actor,
                                   **changes)
            except ValidationError as exc:
                self.messageLabel.setText(self.tr("Not saved — {field}: {reason}").format(
                    field=label(exc.field), reason=exc.message))
                return
            push_undo(self, undo.after_edit(undo_session(self.ctx), edited,
                                            f"edit of “{self.entry.title_en}”"))
            self.changed = True
        self.accept()
