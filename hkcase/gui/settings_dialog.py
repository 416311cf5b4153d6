"""Settings: the consultant's name, reminder lead times; where the data is."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from hkcase.gui.forms import load_form
from hkcase.services.context import AppContext
from hkcase.services.errors import ValidationError
from hkcase.services.settings import parse_lead_days, save_user_settings


class SettingsDialog(QDialog):
    nameEdit: QLineEdit
    leadEdit: QLineEdit
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
        save_user_settings(self.ctx, consultant_name=self.nameEdit.text(), lead_days=leads)
        self.accept()
