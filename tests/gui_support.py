"""Helpers for the GUI tests: an app context on a fresh database, a scripted prompt service."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from hkcase.gui.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers dialogs from a script and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.choices: list[int | None] = []
        self.confirmations: list[bool] = []
        self.files: list[str] = []
        self.save_as: str | None = None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.confirmations.pop(0) if self.confirmations else True

    def choose(self, parent: QWidget | None, title: str, text: str,
               buttons: list[str]) -> int | None:
        self.asked.append((title, text))
        return self.choices.pop(0) if self.choices else None

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append((title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.asked.append((title, text))

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        self.asked.append((title, filters))
        return list(self.files)

    def save_file(self, parent: QWidget | None, title: str, suggested: str,
                  filters: str) -> str | None:
        self.asked.append((title, suggested))
        return self.save_as


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as an input method would commit it.

    (``qtbot.keyClicks`` aborts the process on non-ASCII text.)
    """
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    assert event.type() == QEvent.Type.InputMethod
