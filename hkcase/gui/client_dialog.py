"""Create or edit a client, with validation as you type and duplicate detection on save."""

from __future__ import annotations

from datetime import date

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
    QPushButton,
    QTabWidget,
    QWidget,
)

from hkcase.domain.countries import UnknownCountryError, normalise_country
from hkcase.domain.ids import IdNumberError, normalise_hkid, parse_mainland_id
from hkcase.domain.vocab import (
    EducationLevel,
    RelationshipKind,
    Residence,
    Sex,
    TravelDocumentType,
)
from hkcase.gui.forms import combo_enum, date_from_field, load_form, mark_date_field
from hkcase.gui.prompts import Prompts
from hkcase.services.clients import (
    add_education,
    add_employment,
    education_rows,
    employment_rows,
    family_rows,
    find_clients,
    find_duplicates,
    get_client,
    link_dependant,
    remove_history,
    update_client,
)
from hkcase.services.context import AppContext
from hkcase.services.errors import ValidationError
from hkcase.services.records import ClientInput, TravelDocumentInput, create_client
from hkcase.store import ConflictError


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
    docExpiryEdit: QLineEdit
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
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("client_dialog", self)
        self.ctx = ctx
        self.prompts = prompts
        self.client_id = client_id
        self.version = 0
        self.saved_client_id: int | None = None
        for sex in Sex:
            self.sexCombo.addItem({"F": "female", "M": "male", "X": "unspecified"}[sex.value],
                                  sex)
        for residence in Residence:
            self.residenceCombo.addItem(residence.value.replace("_", " "), residence)
        self.docTypeCombo.addItem("(none)", None)
        for kind in TravelDocumentType:
            self.docTypeCombo.addItem(kind.value.replace("_", " "), kind)
        for edit in (self.dobEdit, self.nationalityEdit, self.hkidEdit, self.mainlandEdit,
                     self.docExpiryEdit, self.docCountryEdit, self.familyEdit):
            edit.textChanged.connect(self.validate)
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self._history_setup()
        if client_id is not None:
            self._load(client_id)
        self.setWindowTitle("Edit client" if client_id else "New client")

    def _load(self, client_id: int) -> None:
        record = get_client(self.ctx.store, client_id)
        self._load_history(client_id)
        self.version = record.version
        data = record.data
        self.familyEdit.setText(data.family_name)
        self.givenEdit.setText(data.given_names)
        self.chineseEdit.setText(data.chinese_name or "")
        self.sexCombo.setCurrentIndex(self.sexCombo.findData(data.sex))
        self.dobEdit.setText(data.date_of_birth.isoformat())
        self.nationalityEdit.setText(data.nationality)
        self.residenceCombo.setCurrentIndex(self.residenceCombo.findData(data.residence))
        self.hkidEdit.setText(data.hkid or "")
        self.mainlandEdit.setText(data.mainland_id or "")
        self.emailEdit.setText(data.email or "")
        self.phoneEdit.setText(data.phone or "")
        if data.travel_documents:
            doc = data.travel_documents[-1]
            self.docTypeCombo.setCurrentIndex(self.docTypeCombo.findData(doc.doc_type))
            self.docNumberEdit.setText(doc.number)
            self.docCountryEdit.setText(doc.issuing_country)
            self.docExpiryEdit.setText(doc.expiry_date.isoformat() if doc.expiry_date else "")

    # Validation as you type ------------------------------------------------------
    def validate(self) -> list[str]:
        """Check every field now; mark the wrong ones and say what is wrong."""
        problems = [p for p in (
            _flag(self.familyEdit, None if self.familyEdit.text().strip()
                  else "the family name is required"),
            _flag(self.dobEdit, self._date_problem(self.dobEdit.text(), required=True)),
            _flag(self.nationalityEdit, self._country_problem(self.nationalityEdit.text())),
            _flag(self.hkidEdit, self._id_problem(self.hkidEdit.text(), normalise_hkid)),
            _flag(self.mainlandEdit, self._id_problem(self.mainlandEdit.text(),
                                                      parse_mainland_id)),
            _flag(self.docExpiryEdit, self._date_problem(self.docExpiryEdit.text())),
            _flag(self.docCountryEdit, self._country_problem(self.docCountryEdit.text())
                  if self.docCountryEdit.text().strip() else None),
        ) if p]
        self.messageLabel.setText("\n".join(problems))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        return problems

    @staticmethod
    def _date_problem(text: str, *, required: bool = False) -> str | None:
        if not text.strip():
            return "a date is required" if required else None
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            return f"{text.strip()!r} is not a date (YYYY-MM-DD)"
        return "the date is in the future" if required and day > date.today() else None

    @staticmethod
    def _country_problem(text: str) -> str | None:
        try:
            normalise_country(text)
        except UnknownCountryError as exc:
            return str(exc)
        return None

    @staticmethod
    def _id_problem(text: str, check: object) -> str | None:
        if not text.strip():
            return None
        try:
            check(text)  # type: ignore[operator]
        except IdNumberError as exc:
            return str(exc)
        return None

    # Saving ----------------------------------------------------------------------
    def data(self) -> ClientInput:
        docs = []
        doc_type = combo_enum(self.docTypeCombo, TravelDocumentType)
        if doc_type is not None and self.docNumberEdit.text().strip():
            expiry = self.docExpiryEdit.text().strip()
            docs.append(TravelDocumentInput(
                doc_type, self.docNumberEdit.text(),
                self.docCountryEdit.text() or self.nationalityEdit.text(), None,
                date.fromisoformat(expiry) if expiry else None))
        return ClientInput(
            family_name=self.familyEdit.text(),
            given_names=self.givenEdit.text().strip(),
            chinese_name=self.chineseEdit.text().strip() or None,
            sex=combo_enum(self.sexCombo, Sex) or Sex.UNSPECIFIED,
            date_of_birth=date.fromisoformat(self.dobEdit.text().strip()),
            nationality=self.nationalityEdit.text(),
            residence=combo_enum(self.residenceCombo, Residence) or Residence.OVERSEAS,
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
            text = (f"{first.name} {first.chinese_name or ''} (born {first.date_of_birth}) is "
                    f"already on file: {first.reason}.")
            choice = self.prompts.choose(self, "Possible duplicate", text,
                                         ["Open the existing client", "Save anyway"])
            if choice is None:
                return
            if choice == 0:
                self.saved_client_id = first.client_id
                self.client_id = first.client_id
                self._load(first.client_id)
                return
        try:
            if self.client_id is None:
                self.saved_client_id = create_client(self.ctx.store, data, actor=self.ctx.actor)
            else:
                self.version = update_client(self.ctx.store, self.client_id, self.version, data,
                                             actor=self.ctx.actor)
                self.saved_client_id = self.client_id
        except ValidationError as exc:
            self.messageLabel.setText(f"Not saved — {exc.field.replace('_', ' ')}: "
                                      f"{exc.message}")
            return
        except ConflictError as exc:
            self.prompts.error(self, "Client changed elsewhere", str(exc))
            return
        if self.client_id is None:
            # A new client: stay open so education, work and family can be added.
            self.client_id = self.saved_client_id
            self.version = get_client(self.ctx.store, self.client_id).version  # type: ignore[arg-type]
            self._load_history(self.client_id)  # type: ignore[arg-type]
            self.setWindowTitle("Edit client")
            self.messageLabel.setText("Saved. Add education, work and family, or close.")
            self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
            return
        self.accept()

    # Education, work and family -------------------------------------------------
    def _history_setup(self) -> None:
        for level in EducationLevel:
            self.levelCombo.addItem(level.value.replace("_", " "), level)
        self.levelCombo.setCurrentIndex(self.levelCombo.findData(EducationLevel.BACHELOR))
        for kind in RelationshipKind:
            self.relationCombo.addItem(kind.value.replace("_", " "), kind)
        for edit in (self.awardEdit, self.startEdit, self.endEdit):
            edit.textChanged.connect(lambda _t, e=edit: mark_date_field(e))
        self.addEducationButton.clicked.connect(self.add_education)
        self.addEmploymentButton.clicked.connect(self.add_employment)
        self.linkDependantButton.clicked.connect(self.link_selected_dependant)
        self.newDependantButton.clicked.connect(self.new_dependant)
        self.removeEducationButton.clicked.connect(
            lambda: self._remove("education", self.educationList))
        self.removeEmploymentButton.clicked.connect(
            lambda: self._remove("employment", self.employmentList))
        self.removeFamilyButton.clicked.connect(lambda: self._remove("family", self.familyList))
        self.relativeSearch.textChanged.connect(self._find_relatives)
        self.historyTabs.setEnabled(False)
        self.historyTabs.setToolTip("Save the client first")

    def _load_history(self, client_id: int) -> None:
        self.historyTabs.setEnabled(True)
        self.historyTabs.setToolTip("")
        for widget, rows in ((self.educationList, education_rows(self.ctx.store, client_id)),
                             (self.employmentList, employment_rows(self.ctx.store, client_id)),
                             (self.familyList, family_rows(self.ctx.store, client_id))):
            widget.clear()
            for row in rows:
                item = QListWidgetItem(row.text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                widget.addItem(item)

    def _history_done(self, problem: ValidationError | None) -> None:
        if problem is not None:
            self.messageLabel.setText(f"{problem.field.replace('_', ' ')}: {problem.message}")
            return
        self.messageLabel.setText("")
        assert self.client_id is not None
        self._load_history(self.client_id)

    def add_education(self) -> None:
        if self.client_id is None:
            return
        try:
            add_education(self.ctx.store, self.client_id,
                          level=combo_enum(self.levelCombo, EducationLevel)
                          or EducationLevel.OTHER,
                          institution=self.institutionEdit.text(),
                          award_date=date_from_field(self.awardEdit, "award date"),
                          full_time=self.fullTimeCheck.isChecked(), actor=self.ctx.actor)
        except ValidationError as exc:
            self._history_done(exc)
            return
        self.institutionEdit.clear()
        self.awardEdit.clear()
        self._history_done(None)

    def add_employment(self) -> None:
        if self.client_id is None:
            return
        try:
            start = date_from_field(self.startEdit, "start date")
            if start is None:
                raise ValidationError("start_date", "give the date the job started")
            income_text = self.incomeEdit.text().replace(",", "").strip()
            if income_text and not income_text.isdigit():
                raise ValidationError("annual_income_hkd", "give the income as a number")
            add_employment(self.ctx.store, self.client_id, employer=self.employerEdit.text(),
                           position=self.positionEdit.text().strip() or None, start_date=start,
                           end_date=date_from_field(self.endEdit, "end date"),
                           annual_income_hkd=int(income_text) if income_text else None,
                           actor=self.ctx.actor)
        except ValidationError as exc:
            self._history_done(exc)
            return
        for edit in (self.employerEdit, self.positionEdit, self.startEdit, self.endEdit,
                     self.incomeEdit):
            edit.clear()
        self._history_done(None)

    def _find_relatives(self, text: str) -> None:
        self.relativeMatches.clear()
        for match in find_clients(self.ctx.store, text, limit=20):
            if match.id == self.client_id:
                continue
            item = QListWidgetItem(f"{match.name}　{match.chinese_name or ''} · born "
                                   f"{match.date_of_birth}")
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self.relativeMatches.addItem(item)

    def _link(self, dependant_id: int) -> None:
        assert self.client_id is not None
        try:
            link_dependant(self.ctx.store, self.client_id, dependant_id,
                           combo_enum(self.relationCombo, RelationshipKind)
                           or RelationshipKind.OTHER, actor=self.ctx.actor)
        except ValidationError as exc:
            self._history_done(exc)
            return
        self._history_done(None)

    def link_selected_dependant(self) -> None:
        """Add the client picked in the search list as a dependant of this client."""
        item = self.relativeMatches.currentItem()
        if item is None or self.client_id is None:
            self.messageLabel.setText("Find and pick the dependant in the list first.")
            return
        self._link(int(item.data(Qt.ItemDataRole.UserRole)))

    def new_dependant(self) -> None:
        """Create a new client and add them as a dependant of this client."""
        if self.client_id is None:
            return
        dialog = ClientDialog(self.ctx, self.prompts, parent=self)
        dialog.exec()  # a new client's dialog stays open after saving: closing is normal
        if dialog.saved_client_id is not None:
            self._link(dialog.saved_client_id)

    def _remove(self, kind: str, widget: QListWidget) -> None:
        item = widget.currentItem()
        if item is None:
            return
        if not self.prompts.confirm(self, "Remove", f"Remove “{item.text()}”?"):
            return
        try:
            remove_history(self.ctx.store, kind, int(item.data(Qt.ItemDataRole.UserRole)),
                           actor=self.ctx.actor)
        except ValidationError as exc:
            self._history_done(exc)
            return
        self._history_done(None)
