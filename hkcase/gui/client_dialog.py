"""Create or edit a client, with validation as you type and duplicate detection on save."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from hkcase.domain.countries import UnknownCountryError, normalise_country
from hkcase.domain.ids import IdNumberError, normalise_hkid, parse_mainland_id
from hkcase.domain.vocab import Residence, Sex, TravelDocumentType
from hkcase.gui.forms import combo_enum, load_form
from hkcase.gui.prompts import Prompts
from hkcase.services.clients import find_duplicates, get_client, update_client
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
        if client_id is not None:
            self._load(client_id)
        self.setWindowTitle("Edit client" if client_id else "New client")

    def _load(self, client_id: int) -> None:
        record = get_client(self.ctx.store, client_id)
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
            family_name=self.familyEdit.text().strip().upper(),
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
        self.accept()
