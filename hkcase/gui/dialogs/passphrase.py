"""Asking for the passphrase of an encrypted data folder when the GUI starts.

Used only when neither ``HKCASE_KEY`` nor the system keyring has the key. The
dialog checks each passphrase itself (scrypt against the folder's header,
nothing is opened) and asks again, in plain words, after a wrong one; Cancel
quits hkcase cleanly. It is shown through the ``Prompts`` seam
(``Prompts.passphrase``), so tests script it. Once accepted, the keys are
registered for the folder and kept in the keyring when there is one; the user
is told where the key is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hkcase.services import encryption

if TYPE_CHECKING:
    from hkcase.gui.support.prompts import Prompts

WRONG = encryption.WRONG_PASSPHRASE
TITLE = "hkcase: encrypted data folder"

#: Checks a passphrase: None if it opens the folder, else what to tell the user.
Check = Callable[[str], str | None]


PassphraseCancelled = encryption.PassphraseCancelled
where_kept = encryption.where_kept


class PassphraseDialog(QDialog):
    """One password field, a line for "wrong passphrase", OK and Cancel."""

    def __init__(self, parent: QWidget | None, title: str, text: str, check: Check) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("passphraseDialog")
        self._check = check
        self.accepted_passphrase: str | None = None
        layout = QVBoxLayout(self)
        prompt = QLabel(text, self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(320)
        layout.addWidget(self.field)
        self.problem = QLabel("", self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            Qt.Orientation.Horizontal, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    def _try(self) -> None:
        given = self.field.text()
        if not given:
            self._say(self.tr("Type the passphrase of this data folder, or press Cancel to "
                              "quit."))
            return
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            problem = self._check(given)
        finally:
            self.unsetCursor()
        if problem is not None:
            self.field.clear()
            self._say(problem)
            return
        self.accepted_passphrase = given
        self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
        self.field.setFocus()


def ask(parent: QWidget | None, title: str, text: str, check: Check) -> str | None:
    """Show the dialog modally; the accepted passphrase, or None if cancelled."""
    dialog = PassphraseDialog(parent, title, text, check)
    try:
        dialog.exec()
        return dialog.accepted_passphrase
    finally:
        dialog.deleteLater()


def unlock(data_dir: str | Path | None, prompts: Prompts) -> None:
    """Before ``open_app``: ask for the passphrase in the dialog if the folder needs it
    (``services.encryption.unlock_interactively``). Raises ``PassphraseCancelled``."""
    encryption.unlock_interactively(
        data_dir, lambda text, check: prompts.passphrase(None, TITLE, text, check))
