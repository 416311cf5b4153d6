"""Message boxes and file pickers behind one small service, so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts:
    """The real dialogs. Widgets take a ``Prompts`` and never call QMessageBox directly."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str,
               buttons: list[str]) -> int | None:
        """Ask the user to pick one of ``buttons``; returns its index, or None if cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        added = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in buttons]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return added.index(clicked) if clicked in added else None  # type: ignore[arg-type]

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def passphrase(self, parent: QWidget | None, title: str, text: str,
                   check: Callable[[str], str | None]) -> str | None:
        """Ask for a passphrase until ``check`` accepts it (None) or the user cancels (None
        returned); ``check`` gives the message for a wrong one."""
        from hkcase.gui.dialogs.passphrase import ask

        return ask(parent, title, text, check)

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(files)

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return name or None
