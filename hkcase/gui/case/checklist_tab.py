"""The checklist & documents tab: item states, files dropped or attached, versions, expiry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.vocab import SETTLED_CHECKLIST_STATES, ChecklistState
from hkcase.gui.dialogs.checklist_item import ChecklistItemDialog
from hkcase.gui.models.records import Column, RecordTableModel
from hkcase.gui.support.forms import combo_enum, load_form
from hkcase.gui.support.i18n import error_text, label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import delete_asking, push_undo, record_menu, undo_session
from hkcase.gui.support.table_fit import TableFit
from hkcase.services import undo
from hkcase.services.checklists import (
    ChecklistEntry,
    NewItem,
    add_item,
    create_checklist,
    list_checklist,
    set_item_state,
)
from hkcase.services.documents import (
    EXPIRY_NOTICE_DAYS,
    attach_file,
    expiry_warnings,
    stored_file,
)
from hkcase.services.edits import Edited
from hkcase.services.errors import StoreError, ValidationError
from hkcase.services.filing.checklist import ensure_checklist

STATE_COLOURS = {ChecklistState.ACCEPTED: "#067647", ChecklistState.REJECTED: "#b42318",
                 ChecklistState.MISSING: "#b54708"}
FILE_FILTER = QT_TRANSLATE_NOOP("ChecklistPanel",
                                "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)")


class ChecklistPanel(QWidget):
    """Shows one case's checklist; files can be dropped on an item."""

    changed = Signal()

    checklistInfo: QLabel
    itemsView: QTableView
    stateCombo: QComboBox
    setStateButton: QPushButton
    attachButton: QPushButton
    openButton: QPushButton
    detailsButton: QPushButton
    newItemEdit: QLineEdit
    addItemButton: QPushButton
    createButton: QPushButton
    warningsLabel: QLabel

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("checklist_panel", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case_id: int | None = None
        self.filing_date: date | None = None
        required = self.tr("yes")
        self.items = RecordTableModel[ChecklistEntry]([
            Column(self.tr("State"), lambda e: e.state,
                   colour=lambda e: STATE_COLOURS.get(e.state)),
            Column(self.tr("Document"), lambda e: e.title_en + (
                " †" if e.basis.value == "practice" else ""),
                   tooltip=lambda e: "\n".join(x for x in (e.title_zh, e.notes, e.source) if x)),
            Column("文件", lambda e: e.title_zh or ""),
            Column(self.tr("Form"), lambda e: e.form_no or ""),
            Column(self.tr("Req."), lambda e: required if e.mandatory else ""),
            Column(self.tr("File"), lambda e: (f"{e.latest.original_name} (v{e.latest.version_no})"
                                               if e.latest else "")),
            Column(self.tr("Expires"), lambda e: e.latest.expiry_date if e.latest else None),
        ], parent=self)
        self.itemsView.setModel(self.items)
        header = self.itemsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.itemsView.verticalHeader().setVisible(False)
        # Widths by content; the titles wrap; 文件 (also in the tooltip) goes when narrow.
        self.items_fit = TableFit(self.itemsView, wrap=(1, 2), optional=(2,))
        for state in ChecklistState:
            self.stateCombo.addItem(label(state), state)
        self.setStateButton.clicked.connect(self.apply_state)
        self.attachButton.clicked.connect(self.choose_files)
        self.openButton.clicked.connect(self.open_file)
        self.addItemButton.clicked.connect(self.add_item)
        self.createButton.clicked.connect(self.create_from_template)
        self.itemsView.doubleClicked.connect(lambda _i: self.open_file())
        self.detailsButton.clicked.connect(self.edit_item)
        record_menu(self.itemsView, [(self.tr("Details…"), self.edit_item),
                                     (self.tr("Open file"), self.open_file),
                                     (self.tr("Attach file…"), self.choose_files),
                                     (self.tr("Delete item…"), self.delete_item)],
                    on_delete=self.delete_item)
        # Drops land on the view's viewport: watch its drag events.
        self.itemsView.viewport().setAcceptDrops(True)
        self.itemsView.viewport().installEventFilter(self)

    def show_case(self, case_id: int, filing_date: date | None) -> None:
        self.case_id = case_id
        self.filing_date = filing_date
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        entries = list_checklist(self.ctx.store, self.case_id)
        if not entries:  # first needed here: the scheme's checklist, if it has one
            try:
                entries = ensure_checklist(self.ctx.store, self.case_id, actor=self.ctx.actor)
            except ValidationError:
                entries = []
        self.items.set_rows(entries)  # the columns fit themselves (self.items_fit)
        self.createButton.setEnabled(not entries)
        done = sum(1 for e in entries if e.state in SETTLED_CHECKLIST_STATES)
        self.checklistInfo.setText(
            self.tr("{done} of {total} items accepted or not applicable. Drop files on an item "
                    "to attach them. † based on practice, not ImmD's published list.").format(
                done=done, total=len(entries))
            if entries else self.tr("No checklist yet: create it from the scheme's template."))
        filing = self.filing_date or date.today()
        warnings = expiry_warnings(self.ctx.store, self.case_id, filing,
                                   within_days=EXPIRY_NOTICE_DAYS)  # as the pack warns
        self.warningsLabel.setText("\n".join(f"⚠ {w.message}" for w in warnings))

    def selected(self) -> ChecklistEntry | None:
        rows = self.itemsView.selectionModel().selectedRows()
        return self.items.row_object(rows[0].row()) if rows else None

    def _done(self, problem: Exception | None) -> None:
        if problem is not None:
            self.prompts.error(self, self.tr("Checklist"), str(problem))
        self.reload()
        self.changed.emit()

    def create_from_template(self) -> None:
        if self.case_id is None:
            return
        try:
            create_checklist(self.ctx.store, self.case_id, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self._done(exc)
            return
        self._done(None)

    def add_item(self) -> None:
        if self.case_id is None or not self.newItemEdit.text().strip():
            return
        try:
            added = add_item(self.ctx.store, self.case_id,
                             NewItem(self.newItemEdit.text().strip()), actor=self.ctx.actor)
        except ValidationError as exc:
            self._done(exc)
            return
        push_undo(self, undo.after_create(undo_session(self.ctx), "checklist_item", added.id,
                                          f"add item “{added.title_en}”"))
        self.newItemEdit.clear()
        self._done(None)

    def apply_state(self) -> None:
        entry, state = self.selected(), combo_enum(self.stateCombo, ChecklistState)
        if entry is None or state is None:
            return
        try:
            set_item_state(self.ctx.store, entry.id, state, actor=self.ctx.actor)
        except ValidationError as exc:
            self._done(exc)
            return
        push_undo(self, undo.after_edit(undo_session(self.ctx), Edited(
            "checklist_item", entry.id, {"state": entry.state}, {"state": state}),
            f"state of “{entry.title_en}”"))
        self._done(None)

    def edit_item(self) -> None:
        """The item's details dialog: titles, state, notes, and its files."""
        entry = self.selected()
        if entry is None:
            self.prompts.info(self, self.tr("Checklist"),
                              self.tr("Select the checklist item first."))
            return
        dialog = ChecklistItemDialog(self.ctx, self.prompts, entry.id, self)
        dialog.exec()
        if dialog.changed:
            self._done(None)

    def delete_item(self) -> None:
        """Delete the selected item (and its files) to the Trash, after asking once."""
        entry = self.selected()
        if entry is None:
            return
        try:
            done = delete_asking(self.ctx, self.prompts, self, "checklist_item", entry.id)
        except ValidationError as exc:
            self._done(exc)
            return
        if done is not None:
            self._done(None)

    def attach(self, entry: ChecklistEntry, paths: list[Path]) -> None:
        """Attach files to an item; each becomes its next version."""
        notes = []
        for path in paths:
            try:
                version = attach_file(self.ctx.store, self.ctx.locations.attachments_dir,
                                      entry.id, path, actor=self.ctx.actor)
            except ValidationError as exc:
                notes.append(error_text(exc))
                continue
            notes += list(version.warnings)
            push_undo(self, undo.after_create(undo_session(self.ctx), "document", version.id,
                                              f"attach {version.original_name}"))
        if notes:
            self.prompts.info(self, self.tr("Attached, with notes"), "\n".join(notes))
        self._done(None)

    def choose_files(self) -> None:
        entry = self.selected()
        if entry is None:
            self.prompts.info(self, self.tr("Attach"), self.tr("Select the checklist item first."))
            return
        files = self.prompts.open_files(
            self, self.tr("Attach to “{item}”").format(item=entry.title_en), self.tr(FILE_FILTER))
        if files:
            self.attach(entry, [Path(f) for f in files])

    def open_file(self) -> None:
        """Open the item's newest file with the system viewer."""
        entry = self.selected()
        if entry is None or entry.latest is None:
            return
        try:
            path = stored_file(self.ctx.store, self.ctx.locations.attachments_dir,
                               entry.latest.id)
        except ValidationError as exc:
            self._done(exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.itemsView.viewport():
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                drag = event  # type: ignore[assignment]
                assert isinstance(drag, QDragEnterEvent | QDropEvent)
                if drag.mimeData().hasUrls():
                    drag.acceptProposedAction()
                    return True
            if event.type() == QEvent.Type.Drop:
                drop = event
                assert isinstance(drop, QDropEvent)
                index = self.itemsView.indexAt(drop.position().toPoint())
                paths = [Path(u.toLocalFile()) for u in drop.mimeData().urls() if u.isLocalFile()]
                if index.isValid() and paths:
                    self.attach(self.items.row_object(index.row()), paths)
                    drop.acceptProposedAction()
                    return True
        return super().eventFilter(watched, event)
