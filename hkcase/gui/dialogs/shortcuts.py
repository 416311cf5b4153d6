"""Help ▸ Keyboard shortcuts: every shortcut of the window's actions, and the fixed keys."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

#: Keys that belong to widgets rather than menu actions.
FIXED_KEYS = (
    ("Ctrl+F", QT_TRANSLATE_NOOP("ShortcutsDialog", "Search the case list")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("ShortcutsDialog", "Save the case overview")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsDialog", "Throw away unsaved overview edits")),
    ("Alt+Down", QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the calendar of a date field "
                                   "(dates: DD/MM/YYYY or YYYY-MM-DD)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter / double-click"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the case of a dashboard row, or show more rows")),
    ("Alt+N", QT_TRANSLATE_NOOP("ShortcutsDialog", "Snooze the selected dashboard reminder "
                                "(never past its deadline)")),
    ("Alt+O", QT_TRANSLATE_NOOP("ShortcutsDialog", "Mark the selected dashboard reminder done")),
    ("Alt+M", QT_TRANSLATE_NOOP("ShortcutsDialog", "Dashboard: my cases only")),
    ("Delete", QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete the selected record (asks first)")),
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """``(keys, what)`` for every action with a shortcut, then the fixed keys, no repeats."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "").rstrip("…").strip()
        if keys and text and keys not in seen:
            seen.add(keys)
            rows.append((keys, text))
    rows.sort(key=lambda r: r[1].lower())
    translate = QCoreApplication.translate
    rows += [(translate("ShortcutsDialog", k), translate("ShortcutsDialog", w))
             for k, w in FIXED_KEYS if k not in seen]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        table = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(w)}</td></tr>"
                        for k, w in self.rows)
        self.label = QLabel(f"<table>{table}</table>")
        self.label.setObjectName("shortcutsText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
