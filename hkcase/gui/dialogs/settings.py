"""Settings: the consultant's name, reminder lead times, the interface language; where the data
is. A new language is applied at the next start (gui/support/i18n.py), and the dialog says so."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from hkcase.app import AppContext
from hkcase.gui.support.forms import load_form
from hkcase.gui.support.i18n import system_language
from hkcase.services.errors import ValidationError
from hkcase.services.settings import parse_lead_days, save_user_settings

#: Each language named in itself, so it can be found whatever the interface shows now.
LANGUAGE_NAMES = (("en", "English"), ("zh_HK", "繁體中文（香港）"), ("zh_CN", "简体中文"))


class SettingsDialog(QDialog):
    nameEdit: QLineEdit
    leadEdit: QLineEdit
    languageCombo: QComboBox
    languageNote: QLabel
    dataValue: QLabel
    logValue: QLabel
    messageLabel: QLabel
    buttonBox: QDialogButtonBox

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("settings_dialog", self)
        self.ctx = ctx
        self.nameEdit.setText(ctx.settings.consultant_name)
        self.leadEdit.setText(", ".join(str(d) for d in ctx.settings.reminder_lead_days))
        system = dict(LANGUAGE_NAMES)[system_language()]
        self.languageCombo.addItem(
            self.tr("As the system ({language})").format(language=system), "system")
        for code, name in LANGUAGE_NAMES:
            self.languageCombo.addItem(name, code)
        self.languageCombo.setCurrentIndex(
            max(0, self.languageCombo.findData(ctx.settings.language)))
        self.dataValue.setText(str(ctx.locations.data_dir))
        self.logValue.setText(str(ctx.locations.log_file))
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        """Save; new lead times regenerate the reminders at once (services.settings)."""
        try:
            leads = parse_lead_days(self.leadEdit.text())
        except ValidationError as exc:
            self.messageLabel.setText(exc.message)
            return
        save_user_settings(self.ctx, consultant_name=self.nameEdit.text(), lead_days=leads,
                           language=str(self.languageCombo.currentData()))
        self.accept()

