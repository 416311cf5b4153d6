"""Create or edit a client, with validation as you type and duplicate detection on save."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.client_fields import field_problem
from hkcase.domain.countries import UnknownCountryError, country_name, normalise_country
from hkcase.domain.date_entry import parse_entered_date
from hkcase.domain.messages import current_language
from hkcase.domain.vocab import (
    Residence,
    Sex,
    TravelDocumentType,
)
from hkcase.gui.case.client_history import ClientHistory
from hkcase.gui.dialogs.conflict import ConflictDialog, ask_about_conflict
from hkcase.gui.support.date_entry import install_date_entries
from hkcase.gui.support.forms import combo_enum, load_form
from hkcase.gui.support.i18n import label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import delete_asking, push_undo, save_asking, undo_session
from hkcase.services import undo
from hkcase.services.clients import (
    ClientRecord,
    find_duplicates,
    get_client,
    undo_client_edit,
    update_client,
)
from hkcase.services.conflicts import review_client
from hkcase.services.errors import ConflictError, ValidationError
from hkcase.services.records import ClientInput, TravelDocumentInput, create_client


def shown_country(code: str) -> str:
    """A stored country code as a field shows it: its name on a Chinese screen (a name
    typed back is understood as well as a code), the code as ever on an English one."""
    lang = current_language()
    return code if lang == "en" or not code else country_name(code, lang)


def typed_country(text: str) -> str:
    """The code of what a country field holds (a shown name, or what was typed); text that
    names no country is kept, so the service says what is wrong with it."""
    try:
        return normalise_country(text) if text.strip() else text
    except UnknownCountryError:
        return text


def _flag(edit: QLineEdit, problem: str | None) -> str | None:
    edit.setProperty("invalid", problem is not None)
    edit.setToolTip(problem or "")
    edit.style().unpolish(edit)
    edit.style().polish(edit)
    return problem


class ClientDialog(QDialog):
    """The client editor. ``client_id`` None creates a new client."""

    familyEdit: QLineEdit
    givenEdit: QLineEdit
    chineseEdit: QLineEdit
    sexCombo: QComboBox
    dobEdit: QLineEdit
    nationalityEdit: QLineEdit
    residenceCombo: QComboBox
    hkidEdit: QLineEdit
    mainlandEdit: QLineEdit
    emailEdit: QLineEdit
    phoneEdit: QLineEdit
    docTypeCombo: QComboBox
    docNumberEdit: QLineEdit
    docCountryEdit: QLineEdit
    documentBox: QGroupBox
    docIssueEdit: QLineEdit
    docExpiryEdit: QLineEdit
    travelList: QListWidget
    newDocumentButton: QPushButton
    removeDocumentButton: QPushButton
    messageLabel: QLabel
    buttonBox: QDialogButtonBox
    historyTabs: QTabWidget
    educationList: QListWidget
    levelCombo: QComboBox
    institutionEdit: QLineEdit
    awardEdit: QLineEdit
    fullTimeCheck: QCheckBox
    addEducationButton: QPushButton
    removeEducationButton: QPushButton
    employmentList: QListWidget
    employerEdit: QLineEdit
    positionEdit: QLineEdit
    startEdit: QLineEdit
    endEdit: QLineEdit
    incomeEdit: QLineEdit
    addEmploymentButton: QPushButton
    removeEmploymentButton: QPushButton
    familyList: QListWidget
    relationCombo: QComboBox
    relativeSearch: QLineEdit
    relativeMatches: QListWidget
    linkDependantButton: QPushButton
    newDependantButton: QPushButton
    removeFamilyButton: QPushButton

    def __init__(self, ctx: AppContext, prompts: Prompts, *, client_id: int | None = None,
                 parent: QWidget | None = None, principal: bool = True) -> None:
        super().__init__(parent)
        load_form("client_dialog", self)
        self.ctx = ctx
        self.prompts = prompts
        self.client_id = client_id
        self.principal = principal
        self.version = 0
        self.saved_client_id: int | None = None
        self.deleted = False
        self.record: ClientRecord | None = None
        self.conflict_dialog: ConflictDialog | None = None  # open after a colleague's save
        self.document_id: int | None = None  # the travel document in the box; None: new
        # No default: a wrong sex or residence on a visa file is worse than a question.
        self.sexCombo.addItem(self.tr("(choose)"), None)
        self.residenceCombo.addItem(self.tr("(choose)"), None)
        sexes = {"F": self.tr("female"), "M": self.tr("male"), "X": self.tr("unspecified")}
        for sex in Sex:
            self.sexCombo.addItem(sexes[sex.value], sex)
        for residence in Residence:
            self.residenceCombo.addItem(label(residence), residence)
        self.docTypeCombo.addItem(self.tr("(none)"), None)
        for kind in TravelDocumentType:
            self.docTypeCombo.addItem(label(kind), kind)
        install_date_entries(self.dobEdit, self.docIssueEdit, self.docExpiryEdit,
                             self.awardEdit, self.startEdit, self.endEdit)
        for edit in (self.dobEdit, self.nationalityEdit, self.hkidEdit, self.mainlandEdit,
                     self.docIssueEdit, self.docExpiryEdit, self.docCountryEdit,
                     self.familyEdit):
            edit.textChanged.connect(self.validate)
        for combo in (self.sexCombo, self.residenceCombo):
            combo.currentIndexChanged.connect(lambda _i: self.validate())
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self.deleteButton = self.buttonBox.addButton(self.tr("Delete client…"),
                                                     QDialogButtonBox.ButtonRole.DestructiveRole)
        self.deleteButton.clicked.connect(self.delete_client)
        self.deleteButton.setVisible(client_id is not None)
        self.newDocumentButton.clicked.connect(lambda: self.show_document(None, None))
        self.history = ClientHistory(self)
        if client_id is not None:
            self._load(client_id)
        self.setWindowTitle(self.tr("Edit client") if client_id else self.tr("New client"))

    def _load(self, client_id: int) -> None:
        record = get_client(self.ctx.store, client_id)
        self.record = record
        self.history.load(client_id)
        self.deleteButton.setVisible(True)
        self.version = record.version
        data = record.data
        self.familyEdit.setText(data.family_name)
        self.givenEdit.setText(data.given_names)
        self.chineseEdit.setText(data.chinese_name or "")
        self.sexCombo.setCurrentIndex(self.sexCombo.findData(data.sex))
        self.dobEdit.setText(data.date_of_birth.isoformat())
        self.nationalityEdit.setText(shown_country(data.nationality))
        self.residenceCombo.setCurrentIndex(self.residenceCombo.findData(data.residence))
        self.hkidEdit.setText(data.hkid or "")
        self.mainlandEdit.setText(data.mainland_id or "")
        self.emailEdit.setText(data.email or "")
        self.phoneEdit.setText(data.phone or "")
        if data.travel_documents:
            doc = data.travel_documents[-1]
            self.show_document(doc.id, {"doc_type": doc.doc_type, "number": doc.number,
                                        "issuing_country": doc.issuing_country,
                                        "issue_date": doc.issue_date,
                                        "expiry_date": doc.expiry_date})

    def show_document(self, document_id: int | None, values: dict[str, Any] | None) -> None:
        """Put a travel document in the box to edit (None: an empty box for a new one)."""
        self.document_id = document_id
        values = values or {}
        kind = values.get("doc_type")
        self.docTypeCombo.setCurrentIndex(max(0, self.docTypeCombo.findData(kind))
                                          if kind else 0)
        self.docNumberEdit.setText(values.get("number") or "")
        self.docCountryEdit.setText(shown_country(values.get("issuing_country") or ""))
        for edit, name in ((self.docIssueEdit, "issue_date"),
                           (self.docExpiryEdit, "expiry_date")):
            day = values.get(name)
            edit.setText(day.isoformat() if day else "")
        self.documentBox.setTitle(self.tr("Travel document")
                                  if document_id or self.client_id is None
                                  else self.tr("New travel document"))

    # Validation as you type ------------------------------------------------------
    def validate(self) -> list[str]:
        """Check every field now; mark the wrong ones and say what is wrong."""
        fields = (("family_name", self.familyEdit), ("date_of_birth", self.dobEdit),
                  ("nationality", self.nationalityEdit), ("hkid", self.hkidEdit),
                  ("mainland_id", self.mainlandEdit), ("issue_date", self.docIssueEdit),
                  ("expiry_date", self.docExpiryEdit), ("issuing_country", self.docCountryEdit))
        problems = [p for name, edit in fields
                    if (p := _flag(edit, field_problem(name, edit.text())))]
        for combo, what in ((self.sexCombo, self.tr("choose the sex")),
                            (self.residenceCombo, self.tr("choose the residence"))):
            if combo.currentData() is None:
                problems.append(what)
        self.messageLabel.setText("\n".join(problems))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        return problems

    # Saving ----------------------------------------------------------------------
    def data(self) -> ClientInput:
        docs = []
        doc_type = combo_enum(self.docTypeCombo, TravelDocumentType)
        if doc_type is not None and self.docNumberEdit.text().strip():
            expiry = self.docExpiryEdit.text().strip()
            issued = self.docIssueEdit.text().strip()
            docs.append(TravelDocumentInput(
                doc_type, self.docNumberEdit.text(),
                typed_country(self.docCountryEdit.text() or self.nationalityEdit.text()),
                parse_entered_date(issued) if issued else None,
                parse_entered_date(expiry) if expiry else None, self.document_id))
        return ClientInput(
            family_name=self.familyEdit.text(),
            given_names=self.givenEdit.text().strip(),
            chinese_name=self.chineseEdit.text().strip() or None,
            sex=combo_enum(self.sexCombo, Sex),  # type: ignore[arg-type]  # validate() checked
            date_of_birth=parse_entered_date(self.dobEdit.text()),
            nationality=typed_country(self.nationalityEdit.text()),
            residence=combo_enum(self.residenceCombo, Residence),  # type: ignore[arg-type]
            hkid=self.hkidEdit.text().strip() or None,
            mainland_id=self.mainlandEdit.text().strip() or None,
            email=self.emailEdit.text().strip() or None,
            phone=self.phoneEdit.text().strip() or None,
            travel_documents=docs)

    def save(self) -> None:
        """Save, after offering to open an existing record that looks like the same person."""
        if self.validate():
            return
        data = self.data()
        duplicates = find_duplicates(self.ctx.store, data, exclude_id=self.client_id)
        if duplicates:
            first = duplicates[0]
            text = self.tr("{client} (born {date}) is already on file: {reason}.").format(
                client=f"{first.name} {first.chinese_name or ''}", date=first.date_of_birth,
                reason=first.reason)
            choice = self.prompts.choose(self, self.tr("Possible duplicate"), text,
                                         [self.tr("Open the existing client"),
                                          self.tr("Save anyway")])
            if choice is None:
                return
            if choice == 0:
                self.saved_client_id = first.client_id
                self.client_id = first.client_id
                self._load(first.client_id)
                return
        self._save_data(data)

    def _save_data(self, data: ClientInput) -> None:
        """Create or update with ``data``; a colleague's save meanwhile opens the conflict."""
        try:
            if self.client_id is None:
                created = save_asking(self.prompts, self, self.tr("Check the date of birth"),
                                      lambda ok:
                                      create_client(self.ctx.store, data, actor=self.ctx.actor,
                                                    principal=self.principal, confirm=ok))
                if created is None:
                    return
                self.saved_client_id = created
                push_undo(self, undo.after_create(undo_session(self.ctx), "client", created,
                                                  f"new client {data.family_name.upper()}"))
            else:
                client_id, old, opened = self.client_id, self.record, self.version
                version = save_asking(self.prompts, self, self.tr("Check the date of birth"),
                                      lambda ok:
                                      update_client(self.ctx.store, client_id, opened, data,
                                                    actor=self.ctx.actor, confirm=ok))
                if version is None:
                    return
                self.version = version
                self.saved_client_id = client_id
                if old is not None:
                    had = {d.id for d in old.data.travel_documents}
                    added = [d.id for d in get_client(self.ctx.store, client_id)
                             .data.travel_documents if d.id is not None and d.id not in had]
                    push_undo(self, self._undo_edit(client_id, version, old, added))
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Not saved — {field}: {reason}").format(
                field=label(exc.field), reason=exc.message))
            return
        except ConflictError as exc:
            self._conflict(str(exc), data)
            return
        if self.client_id is None:
            # A new client: stay open so education, work and family can be added.
            self.client_id = self.saved_client_id
            assert self.client_id is not None
            self._load(self.client_id)
            self.setWindowTitle(self.tr("Edit client"))
            self.messageLabel.setText(self.tr("Saved. Add education, work and family, or "
                                              "close."))
            self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Close"))
            return
        self.accept()

    # A colleague saved first ------------------------------------------------------
    def _conflict(self, message: str, data: ClientInput) -> None:
        """Who saved first; Reload shows theirs, Review the differences offers Keep mine."""
        client_id = self.client_id
        if client_id is None:
            self.prompts.error(self, self.tr("Client not saved"), message)
            return
        self.messageLabel.setText(self.tr("Not saved — {reason}").format(reason=message))
        self.conflict_dialog = ask_about_conflict(
            self, message, lambda: review_client(self.ctx.store, client_id, data),
            reload=lambda: self._reload_theirs(client_id),
            keep_mine=lambda version: self._keep_mine(client_id, data, version))

    def _reload_theirs(self, client_id: int) -> None:
        try:
            self._load(client_id)
        except ValidationError as exc:  # deleted meanwhile
            self.messageLabel.setText(self.tr("Cannot reload — {reason}").format(
                reason=exc.message))
            return
        self.messageLabel.setText(self.tr("Reloaded: these are the saved values. Make your "
                                          "change again if it is still needed."))

    def _keep_mine(self, client_id: int, data: ClientInput, version: int) -> None:
        """Save the typed values over the colleague's, at the version that was reviewed."""
        try:
            theirs = get_client(self.ctx.store, client_id)
        except ValidationError as exc:
            self.messageLabel.setText(self.tr("Not saved — {reason}").format(
                reason=exc.message))
            return
        # Undo puts the colleague's values back (if nobody saved again since the review).
        self.record = theirs if theirs.version == version else self.record
        self.version = version
        self._save_data(data)

    def _undo_edit(self, client_id: int, version: int, old: ClientRecord,
                   added_documents: list[int]) -> undo.UndoStep:
        ctx = self.ctx
        return undo.UndoStep(
            f"edit of client {old.data.family_name}",
            lambda: undo_client_edit(ctx.store, client_id, version, old.data, added_documents,
                                     actor=ctx.actor))

    def delete_client(self) -> None:
        """Delete this client (with their cases, named in the question) to the Trash."""
        if self.client_id is None:
            return
        try:
            done = delete_asking(self.ctx, self.prompts, self, "client", self.client_id)
        except (ValidationError, ConflictError) as exc:
            self.messageLabel.setText(self.tr("Not deleted — {reason}").format(reason=exc))
            return
        if done is not None:
            self.saved_client_id = None
            self.deleted = True
            self.accept()
