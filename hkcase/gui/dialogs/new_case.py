"""New case: pick or create the client, pick the scheme (with suggestions), the type."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.countries import country_name
from hkcase.domain.messages import current_language
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.support.forms import combo_enum, load_form
from hkcase.gui.support.i18n import label
from hkcase.gui.support.prompts import Prompts
from hkcase.services.cases.opening import default_application_type, open_case, suggest_schemes
from hkcase.services.clients import find_clients, get_client
from hkcase.services.consultants import active_consultants
from hkcase.services.errors import ValidationError


class NewCaseDialog(QDialog):
    """Creates a case for an existing or new client; ``created_case_id`` holds the result."""

    clientSearch: QLineEdit
    newClientButton: QPushButton
    clientList: QListWidget
    suggestionLabel: QLabel
    schemeCombo: QComboBox
    typeCombo: QComboBox
    consultantCombo: QComboBox
    messageLabel: QLabel
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("new_case_dialog", self)
        self.ctx = ctx
        self.prompts = prompts
        self.created_case_id: int | None = None
        for scheme in Scheme:
            self.schemeCombo.addItem(label(scheme), scheme)
        for kind in ApplicationType:
            self.typeCombo.addItem(label(kind), kind)
        self.consultantCombo.addItem(self.tr("(nobody)"), None)
        for row in active_consultants(ctx.store):
            self.consultantCombo.addItem(row.name, row.id)
            if row.name == ctx.settings.consultant_name:
                self.consultantCombo.setCurrentIndex(self.consultantCombo.count() - 1)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search)
        self.clientSearch.textChanged.connect(lambda _t: self._timer.start())
        self.clientList.currentItemChanged.connect(lambda *_: self.suggest())
        self.newClientButton.clicked.connect(self.new_client)
        self.schemeCombo.currentIndexChanged.connect(self._scheme_changed)
        self.buttonBox.accepted.connect(self.create)
        self.buttonBox.rejected.connect(self.reject)

    def client_id(self) -> int | None:
        item = self.clientList.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def search(self) -> None:
        self.clientList.clear()
        for match in find_clients(self.ctx.store, self.clientSearch.text()):
            item = QListWidgetItem(self.tr("{name} · born {date} · {nationality}").format(
                name=f"{match.name}　{match.chinese_name or ''}", date=match.date_of_birth,
                nationality=country_name(match.nationality, current_language())))
            item.setData(Qt.ItemDataRole.UserRole, match.id)
            self.clientList.addItem(item)

    def _add_client(self, client_id: int) -> None:
        data = get_client(self.ctx.store, client_id).data
        item = QListWidgetItem(self.tr("{name} · born {date} · {nationality}").format(
            name=f"{data.family_name} {data.given_names}　{data.chinese_name or ''}",
            date=data.date_of_birth,
            nationality=country_name(data.nationality, current_language())))
        item.setData(Qt.ItemDataRole.UserRole, client_id)
        self.clientList.clear()
        self.clientList.addItem(item)
        self.clientList.setCurrentItem(item)

    def new_client(self) -> None:
        dialog = ClientDialog(self.ctx, self.prompts, parent=self)
        dialog.exec()  # a new client's dialog stays open after saving: closing is normal
        if dialog.saved_client_id is not None:
            self._add_client(dialog.saved_client_id)

    def suggest(self) -> None:
        """A quick eligibility run over every scheme; the best answers first."""
        client_id = self.client_id()
        if client_id is None:
            self.suggestionLabel.setText("")
            return
        suggestions = suggest_schemes(self.ctx.store, client_id, date.today())
        self.suggestionLabel.setText(self.tr("Suggested: {schemes}").format(schemes=", ".join(
            f"{label(s.scheme)} ({label(s.outcome)})" for s in suggestions[:4])))
        if suggestions:
            self.schemeCombo.setCurrentIndex(self.schemeCombo.findData(suggestions[0].scheme))

    def _scheme_changed(self) -> None:
        scheme = combo_enum(self.schemeCombo, Scheme)
        kind = default_application_type(scheme) if scheme is not None else None
        if kind is not None:
            self.typeCombo.setCurrentIndex(self.typeCombo.findData(kind))

    def create(self) -> None:
        client_id = self.client_id()
        if client_id is None:
            self.messageLabel.setText(self.tr("Pick a client first (or create one)."))
            return
        try:
            scheme = combo_enum(self.schemeCombo, Scheme)
            kind = combo_enum(self.typeCombo, ApplicationType)
            assert scheme is not None and kind is not None  # the combos always have a choice
            ref = open_case(self.ctx.store, client_id, scheme, kind, actor=self.ctx.actor,
                            consultant_id=self.consultantCombo.currentData())
        except ValidationError as exc:
            self.messageLabel.setText(str(exc))
            return
        self.created_case_id = ref.id
        self.accept()
