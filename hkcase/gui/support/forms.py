"""The one way Designer forms in ``ui/`` become widgets: loaded at run time with QUiLoader."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from importlib.resources import files
from typing import Any, TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from hkcase.domain.date_entry import DateEntryError, parse_entered_date
from hkcase.gui.support.icons import app_icon as app_icon  # one icon helper (launch, tray use it)

# QtUiTools and the services are imported where they are used: the start-up window
# needs only the icon and the style sheet, before anything heavier is loaded.

W = TypeVar("W", bound=QWidget)


def form_names() -> list[str]:
    """Every form shipped in ``ui/``, without the ``.ui`` suffix."""
    return sorted(p.name[:-3] for p in files("hkcase.ui").iterdir() if p.name.endswith(".ui"))


def style_sheet() -> str:
    """The application's single style sheet."""
    return files("hkcase.ui").joinpath("style.qss").read_text(encoding="utf-8")


def _into_instance_loader(base: QWidget) -> Any:
    """A QUiLoader that builds a form into ``base`` instead of a new top-level widget."""
    from PySide6.QtUiTools import QUiLoader

    class IntoInstanceLoader(QUiLoader):
        def createWidget(
            self, class_name: str, parent: QWidget | None = None, name: str = ""
        ) -> QWidget:
            if parent is None:
                return base
            widget = super().createWidget(class_name, parent, name)
            setattr(base, name, widget)
            return widget

        def createAction(self, parent=None, name=""):  # type: ignore[no-untyped-def]
            action = super().createAction(parent, name)
            setattr(base, name, action)
            return action

    return IntoInstanceLoader(base)


def load_form(name: str, base: W) -> W:
    """Build ``ui/<name>.ui`` into ``base``; children become attributes by object name."""
    data = files("hkcase.ui").joinpath(f"{name}.ui").read_bytes()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loader = _into_instance_loader(base)
    widget = loader.load(buffer, None)
    if widget is None:
        raise RuntimeError(f"form {name}.ui could not be loaded: {loader.errorString()}")
    return base


E = TypeVar("E", bound=StrEnum)


def combo_enum(combo: QComboBox, enum_cls: type[E]) -> E | None:
    """The enum member stored as a combo box item's data (Qt hands it back as a string)."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


def mark_date_field(edit: QLineEdit) -> None:
    """Validation as you type: a date field turns red while it holds no real date."""
    text = edit.text().strip()
    valid = True
    if text:
        try:
            parse_entered_date(text)
        except DateEntryError:
            valid = False
    edit.setProperty("invalid", not valid)
    edit.style().unpolish(edit)
    edit.style().polish(edit)


def date_from_field(edit: QLineEdit, label: str) -> date | None:
    """The date typed in ``edit`` (None when empty); a ``ValidationError`` naming ``label``."""
    from hkcase.services.errors import ValidationError

    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_entered_date(text)  # DD/MM/YYYY or YYYY-MM-DD
    except DateEntryError as exc:
        raise ValidationError(label, str(exc)) from None
