"""Settings: the consultant's name, reminder lead times; where the data is."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from hkcase.config.settings import save_settings
from hkcase.gui.forms import load_form
from hkcase.services.context import AppContext
from hkcase.services.errors import ValidationError
from hkcase.services.reminders import lead_days_or_error, refresh_reminders


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
        """Save; new lead times regenerate the reminders at once."""
        try:
            days = [int(part) for part in self.leadEdit.text().replace(";", ",").split(",")
                    if part.strip()]
            leads = lead_days_or_error(days)
        except ValueError:
            self.messageLabel.setText("Lead times are whole numbers of days, e.g. 84, 42, 7.")
            return
        except ValidationError as exc:
            self.messageLabel.setText(exc.message)
            return
        changed = list(leads) != list(self.ctx.settings.reminder_lead_days)
        self.ctx.settings = dataclasses.replace(
            self.ctx.settings, consultant_name=self.nameEdit.text().strip(),
            reminder_lead_days=list(leads))
        save_settings(self.ctx.settings, self.ctx.locations.settings_file)
        if changed:
            refresh_reminders(self.ctx.store, lead_days=leads)
        self.accept()
