"""The client editor's history tabs: travel documents, education, work and family.

Rows are added, corrected (double-click or Edit… loads a row into the fields
below the list; the button then saves it) and deleted (Delete key or the context
menu, to the Trash). Each change raises the client's version; the editor keeps
the new one, so its own later Save does not conflict with itself.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from hkcase.domain.countries import country_name
from hkcase.domain.messages import current_language
from hkcase.domain.vocab import EducationLevel, RelationshipKind
from hkcase.gui.dialogs.conflict import ask_about_conflict
from hkcase.gui.support.forms import combo_enum, date_from_field, mark_date_field
from hkcase.gui.support.i18n import label
from hkcase.gui.support.record_actions import delete_asking, push_undo, record_menu, undo_session
from hkcase.services import client_history, undo
from hkcase.services.clients import (
    add_education,
    add_employment,
    education_rows,
    employment_rows,
    family_rows,
    find_clients,
    get_client,
    link_dependant,
)
from hkcase.services.conflicts import delete_refused, review_history_row
from hkcase.services.errors import ConflictError, ValidationError
from hkcase.services.trash import bin as trash

if TYPE_CHECKING:
    from hkcase.gui.dialogs.client import ClientDialog

translate = QCoreApplication.translate
ROW_ID = Qt.ItemDataRole.UserRole
BUTTON_TEXT = {"education": QT_TRANSLATE_NOOP("ClientHistory", "Add qualification"),
               "employment": QT_TRANSLATE_NOOP("ClientHistory", "Add job"),
               "relationship": QT_TRANSLATE_NOOP("ClientHistory", "Add as dependant")}


class ClientHistory:
    """Drives the history tabs of one ``ClientDialog``."""

    def __init__(self, dialog: ClientDialog) -> None:
        self.d = dialog
        self.editing: dict[str, int | None] = {"education": None, "employment": None,
                                               "relationship": None}
        d = dialog
        for level in EducationLevel:
            d.levelCombo.addItem(label(level), level)
        d.levelCombo.setCurrentIndex(d.levelCombo.findData(EducationLevel.BACHELOR))
        for kind in RelationshipKind:
            d.relationCombo.addItem(label(kind), kind)
        for edit in (d.awardEdit, d.startEdit, d.endEdit):
            edit.textChanged.connect(lambda _t, e=edit: mark_date_field(e))
        d.addEducationButton.clicked.connect(self.save_education)
        d.addEmploymentButton.clicked.connect(self.save_employment)
        d.linkDependantButton.clicked.connect(self.link_selected_dependant)
        d.newDependantButton.clicked.connect(self.new_dependant)
        lists = {"travel_document": d.travelList, "education": d.educationList,
                 "employment": d.employmentList, "relationship": d.familyList}
        for kind, widget in lists.items():
            record_menu(widget, [(translate("ClientHistory", "Edit…"),
                                  lambda k=kind: self.edit(k)),
                                 (translate("ClientHistory", "Delete…"),
                                  lambda k=kind, w=widget: self.remove(k, w))],
                        on_delete=lambda k=kind, w=widget: self.remove(k, w))
            widget.itemDoubleClicked.connect(lambda _i, k=kind: self.edit(k))
            # Enter edits the row; without this the dialog's default button (Save) takes it.
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                enter = QShortcut(QKeySequence(key), widget)
                enter.setContext(Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(lambda k=kind: self.edit(k))
        d.removeEducationButton.clicked.connect(lambda: self.remove("education",
                                                                    d.educationList))
        d.removeEmploymentButton.clicked.connect(lambda: self.remove("employment",
                                                                     d.employmentList))
        d.removeFamilyButton.clicked.connect(lambda: self.remove("relationship", d.familyList))
        d.removeDocumentButton.clicked.connect(lambda: self.remove("travel_document",
                                                                   d.travelList))
        d.relativeSearch.textChanged.connect(self._find_relatives)
        d.historyTabs.setEnabled(False)
        d.historyTabs.setToolTip(translate("ClientHistory", "Save the client first"))

    # Loading -----------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        d = self.d
        d.historyTabs.setEnabled(True)
        d.historyTabs.setToolTip("")
        record = get_client(d.ctx.store, client_id)
        expires = translate("ClientHistory", "expires {date}")
        lang = current_language()
        travel = [(doc.id, f"{label(doc.doc_type)} {doc.number} · "
                           f"{country_name(doc.issuing_country, lang)} · "
                           + expires.format(date=doc.expiry_date or "?"))
                  for doc in record.data.travel_documents]
        for widget, rows in ((d.travelList, travel),
                             (d.educationList, [(r.id, r.text) for r in
                                                education_rows(d.ctx.store, client_id)]),
                             (d.employmentList, [(r.id, r.text) for r in
                                                 employment_rows(d.ctx.store, client_id)]),
                             (d.familyList, [(r.id, r.text) for r in
                                             family_rows(d.ctx.store, client_id)])):
            widget.clear()
            for row_id, text in rows:
                item = QListWidgetItem(text)
                item.setData(ROW_ID, row_id)
                widget.addItem(item)

    def done(self, problem: Exception | None, step: undo.UndoStep | None = None) -> None:
        d = self.d
        if problem is not None:
            field = getattr(problem, "field", "")
            message = getattr(problem, "message", str(problem))
            d.messageLabel.setText(f"{label(field)}: {message}".strip(": "))
            return
        if step is not None:
            push_undo(d, step)
        d.messageLabel.setText("")
        assert d.client_id is not None
        d.version = get_client(d.ctx.store, d.client_id).version
        self.load(d.client_id)

    # Editing a row -----------------------------------------------------------------
    def edit(self, kind: str) -> None:
        """Load the selected row into the fields under its list (documents: the box)."""
        d = self.d
        widget = {"travel_document": d.travelList, "education": d.educationList,
                  "employment": d.employmentList, "relationship": d.familyList}[kind]
        item = widget.currentItem()
        if item is None:
            return
        row_id = int(item.data(ROW_ID))
        values = client_history.get_row(d.ctx.store, kind, row_id)
        if kind == "travel_document":
            d.show_document(row_id, values)
            return
        self.editing[kind] = row_id
        if kind == "education":
            d.levelCombo.setCurrentIndex(d.levelCombo.findData(values["level"]))
            d.institutionEdit.setText(values["institution"])
            d.awardEdit.setText(_iso(values["award_date"]))
            d.fullTimeCheck.setChecked(bool(values["full_time"]))
            d.addEducationButton.setText(translate("ClientHistory", "Save qualification"))
        elif kind == "employment":
            d.employerEdit.setText(values["employer"])
            d.positionEdit.setText(values["position"] or "")
            d.startEdit.setText(_iso(values["start_date"]))
            d.endEdit.setText(_iso(values["end_date"]))
            income = values["annual_income_hkd"]
            d.incomeEdit.setText("" if income is None else str(income))
            d.addEmploymentButton.setText(translate("ClientHistory", "Save job"))
        else:
            d.relationCombo.setCurrentIndex(d.relationCombo.findData(values["kind"]))
            d.linkDependantButton.setText(translate("ClientHistory", "Save relation"))

    def _update(self, kind: str, changes: dict[str, Any], label: str,
                version: int | None = None) -> None:
        """Save the edited row at the client's version shown (or ``version``, reviewed)."""
        d = self.d
        row_id = self.editing[kind]
        assert row_id is not None
        try:
            edited = client_history.update_row(
                d.ctx.store, kind, row_id, changes, actor=d.ctx.actor,
                expected_version=d.version if version is None else version,
                client_id=d.client_id)
        except ValidationError as exc:
            self.done(exc)
            return
        except ConflictError as exc:
            self._conflict(kind, row_id, changes, label, str(exc))
            return
        self.stop_editing(kind)
        self.done(None, undo.after_edit(undo_session(d.ctx), edited, label))

    def _conflict(self, kind: str, row_id: int, changes: dict[str, Any], label: str,
                  text: str) -> None:
        """A colleague saved the client first: Reload shows theirs; Review offers Keep mine."""
        d = self.d
        d.messageLabel.setText(translate("ClientHistory", "Not saved — {reason}").format(
            reason=text))

        def keep_mine(version: int) -> None:
            if self.editing[kind] == row_id:
                self._update(kind, changes, label, version)

        d.conflict_dialog = ask_about_conflict(
            d, text, lambda: review_history_row(d.ctx.store, kind, row_id, changes),
            reload=lambda: self._reload_theirs(kind, row_id), keep_mine=keep_mine)

    def _reload_theirs(self, kind: str, row_id: int) -> None:
        """The whole client as saved now, and the row being edited with the saved values."""
        d = self.d
        assert d.client_id is not None
        d._reload_theirs(d.client_id)
        widget = {"education": d.educationList, "employment": d.employmentList,
                  "relationship": d.familyList}[kind]
        for row in range(widget.count()):
            item = widget.item(row)
            if int(item.data(ROW_ID)) == row_id:
                widget.setCurrentItem(item)
                self.edit(kind)
                return
        self.stop_editing(kind)  # deleted meanwhile

    def stop_editing(self, kind: str) -> None:
        self.editing[kind] = None
        button = {"education": self.d.addEducationButton,
                  "employment": self.d.addEmploymentButton,
                  "relationship": self.d.linkDependantButton}[kind]
        button.setText(translate("ClientHistory", BUTTON_TEXT[kind]))

    def save_education(self) -> None:
        d = self.d
        if d.client_id is None:
            return
        try:
            values: dict[str, Any] = {
                "level": combo_enum(d.levelCombo, EducationLevel) or EducationLevel.OTHER,
                "institution": d.institutionEdit.text().strip(),
                "award_date": date_from_field(d.awardEdit, "award date"),
                "full_time": d.fullTimeCheck.isChecked()}
            if self.editing["education"] is not None:
                self._update("education", values, "edit of a qualification")
                return
            row_id = add_education(d.ctx.store, d.client_id, actor=d.ctx.actor, **values)
        except ValidationError as exc:
            self.done(exc)
            return
        d.institutionEdit.clear()
        d.awardEdit.clear()
        self.done(None, undo.after_create(undo_session(d.ctx), "education", row_id,
                                          "add qualification"))

    def save_employment(self) -> None:
        d = self.d
        if d.client_id is None:
            return
        try:
            start = date_from_field(d.startEdit, "start date")
            if start is None:
                raise ValidationError("start_date", translate(
                    "ClientHistory", "give the date the job started"))
            income_text = d.incomeEdit.text().replace(",", "").strip()
            if income_text and not income_text.isdigit():
                raise ValidationError("annual_income_hkd", translate(
                    "ClientHistory", "give the income as a number"))
            values: dict[str, Any] = {
                "employer": d.employerEdit.text().strip(),
                "position": d.positionEdit.text().strip() or None, "start_date": start,
                "end_date": date_from_field(d.endEdit, "end date"),
                "annual_income_hkd": int(income_text) if income_text else None}
            if self.editing["employment"] is not None:
                self._update("employment", values, "edit of a job")
                return
            row_id = add_employment(d.ctx.store, d.client_id, actor=d.ctx.actor, **values)
        except ValidationError as exc:
            self.done(exc)
            return
        for edit in (d.employerEdit, d.positionEdit, d.startEdit, d.endEdit, d.incomeEdit):
            edit.clear()
        self.done(None, undo.after_create(undo_session(d.ctx), "employment", row_id,
                                          "add job"))

    # Family --------------------------------------------------------------------------
    def _find_relatives(self, text: str) -> None:
        d = self.d
        d.relativeMatches.clear()
        for match in find_clients(d.ctx.store, text, limit=20):
            if match.id == d.client_id:
                continue
            item = QListWidgetItem(translate("ClientHistory", "{name} · born {date}").format(
                name=f"{match.name}　{match.chinese_name or ''}", date=match.date_of_birth))
            item.setData(ROW_ID, match.id)
            d.relativeMatches.addItem(item)

    def link(self, dependant_id: int) -> None:
        d = self.d
        assert d.client_id is not None
        try:
            link_id = link_dependant(d.ctx.store, d.client_id, dependant_id,
                                     combo_enum(d.relationCombo, RelationshipKind)
                                     or RelationshipKind.OTHER, actor=d.ctx.actor)
        except ValidationError as exc:
            self.done(exc)
            return
        self.done(None, undo.after_create(undo_session(d.ctx), "relationship", link_id,
                                          "add family link"))

    def link_selected_dependant(self) -> None:
        """Add the client picked in the search list as a dependant (or save the relation)."""
        d = self.d
        if self.editing["relationship"] is not None:
            self._update("relationship", {"kind": combo_enum(d.relationCombo,
                                                             RelationshipKind)},
                         "edit of a family link")
            return
        item = d.relativeMatches.currentItem()
        if item is None or d.client_id is None:
            d.messageLabel.setText(translate("ClientHistory",
                                             "Find and pick the dependant in the list first."))
            return
        self.link(int(item.data(ROW_ID)))

    def new_dependant(self) -> None:
        """Create a new client (any age: a dependant) and add them as a dependant."""
        from hkcase.gui.dialogs.client import ClientDialog

        d = self.d
        if d.client_id is None:
            return
        dialog = ClientDialog(d.ctx, d.prompts, parent=d, principal=False)
        dialog.exec()  # a new client's dialog stays open after saving: closing is normal
        if dialog.saved_client_id is not None:
            self.link(dialog.saved_client_id)

    # Deleting ------------------------------------------------------------------------
    def remove(self, kind: str, widget: QListWidget) -> None:
        d = self.d
        item = widget.currentItem()
        if item is None or d.client_id is None:
            return
        row_id = int(item.data(ROW_ID))
        expected: int | None = d.version
        try:
            if kind == "relationship":  # a link is checked against its lower-numbered client
                ends = client_history.get_row(d.ctx.store, kind, row_id)
                if min(ends["sponsor_id"], ends["dependant_id"]) != d.client_id:
                    expected = None
            done = delete_asking(d.ctx, d.prompts, d, kind, row_id,
                                 lambda: trash.delete_record(d.ctx.store, kind, row_id,
                                                             actor=d.ctx.actor,
                                                             expected_version=expected))
        except ValidationError as exc:
            self.done(exc)
            return
        except ConflictError as exc:
            text = delete_refused(exc)
            d.messageLabel.setText(text)
            if d.prompts.choose(d, "Not deleted", text, ["Reload"]) == 0:
                d._reload_theirs(d.client_id)
            return
        if done is not None:
            if kind == "travel_document":
                d.show_document(None, None)
            self.done(None)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
