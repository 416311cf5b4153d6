"""A save that lost to a colleague's: who changed the record and when, and what to do.

"Changed by Ben Lau at 14:32: reload, or keep yours and review the differences."
**Reload** throws away what was typed and shows the colleague's values; **Review the
differences** shows a table (field | theirs | mine, from ``services/conflicts``), from
which **Keep mine** saves the typed values over the colleague's, at the version their
save produced (an ordinary audited edit). Nothing is ever overwritten unseen: Keep
mine exists only once the differences were shown, and a third save in between is a
new conflict.

The dialog opens window-modal and does not block (``open``): the editor that owns it
acts on the choice through the callbacks of :func:`ask_about_conflict`.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hkcase.gui.models.records import Column, RecordTableModel
from hkcase.services.conflicts import FieldDifference, Review
from hkcase.services.errors import StoreError, ValidationError


class Choice(IntEnum):
    """How the dialog ended (its result code)."""

    KEEP_EDITING = 0  # closed: nothing happens, the typed values stay in the editor
    RELOAD = 1
    KEEP_MINE = 2


class ConflictDialog(QDialog):
    """Who saved first, and Reload / Review the differences / Keep mine."""

    def __init__(self, message: str, review: Callable[[], Review],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by a colleague"))
        self._review_of = review
        #: The differences once shown; Keep mine saves at ``review.version``.
        self.review: Review | None = None
        layout = QVBoxLayout(self)
        self.messageLabel = QLabel(message, self)
        self.messageLabel.setObjectName("conflictMessage")
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        self.differencesView = QTableView(self)
        self.differencesView.setObjectName("differencesView")
        self._theirs: Column[FieldDifference] = Column(self.tr("Theirs"), lambda d: d.theirs)
        self.differences: RecordTableModel[FieldDifference] = RecordTableModel([
            Column(self.tr("Field"), lambda d: d.label), self._theirs,
            Column(self.tr("Mine"), lambda d: d.mine)], parent=self)
        self.differencesView.setModel(self.differences)
        self.differencesView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.differencesView.verticalHeader().setVisible(False)
        self.differencesView.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.differencesView.setVisible(False)
        layout.addWidget(self.differencesView)
        self.reviewNote = QLabel(self)
        self.reviewNote.setObjectName("reviewNote")
        self.reviewNote.setWordWrap(True)
        self.reviewNote.setVisible(False)
        layout.addWidget(self.reviewNote)
        self.buttonBox = QDialogButtonBox(self)
        self.reloadButton = self._button("reloadButton", self.tr("&Reload (show theirs)"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.reviewButton = self._button("reviewButton", self.tr("Review the &differences…"),
                                         QDialogButtonBox.ButtonRole.ActionRole)
        self.keepMineButton = self._button("keepMineButton", self.tr("&Keep mine"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
        self.keepMineButton.setVisible(False)
        self.keepEditingButton = self._button("keepEditingButton", self.tr("Keep &editing"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.reloadButton.clicked.connect(lambda: self.done(Choice.RELOAD))
        self.reviewButton.clicked.connect(self.show_differences)
        self.keepMineButton.clicked.connect(lambda: self.done(Choice.KEEP_MINE))
        self.keepEditingButton.clicked.connect(lambda: self.done(Choice.KEEP_EDITING))
        layout.addWidget(self.buttonBox)
        self.reloadButton.setDefault(True)
        self.resize(560, 200)

    def _button(self, name: str, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttonBox.addButton(text, role)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def show_differences(self) -> None:
        """Read what is saved now and show it beside what was typed."""
        try:
            review = self._review_of()
        except (ValidationError, StoreError) as exc:
            self.reviewNote.setText(self.tr("The saved record cannot be read: {reason}").format(
                reason=exc))
            self.reviewNote.setVisible(True)
            self.keepMineButton.setVisible(False)
            return
        self.review = review
        who = review.changed_by or self.tr("someone else")
        self._theirs.header = self.tr("Theirs ({who})").format(who=who)
        self.differences.set_rows(review.differences)
        self.differencesView.setVisible(bool(review.differences))
        if review.differences:
            count = len(review.differences)
            self.reviewNote.setText(
                (self.tr("{count} field differs. Keep mine saves every value on the right "
                         "over {who}'s; Reload shows theirs and drops yours.") if count == 1
                 else self.tr("{count} fields differ. Keep mine saves every value on the "
                              "right over {who}'s; Reload shows theirs and drops yours."))
                .format(count=count, who=who))
        else:
            self.reviewNote.setText(self.tr("{who} saved the same values as yours: Reload "
                                            "loses nothing.").format(who=who))
        self.reviewNote.setVisible(True)
        self.keepMineButton.setVisible(True)
        self.reviewButton.setVisible(False)
        self.resize(max(self.width(), 640), max(self.height(), 360))


def ask_about_conflict(parent: QWidget, message: str, review: Callable[[], Review], *,
                       reload: Callable[[], None], keep_mine: Callable[[int], None]
                       ) -> ConflictDialog:
    """Open the conflict dialog over ``parent``; ``reload()`` or ``keep_mine(version)`` after.

    ``keep_mine`` gets the version the reviewed colleague's save produced.
    """
    dialog = ConflictDialog(message, review, parent)

    def finished(result: int) -> None:
        if result == Choice.RELOAD:
            reload()
        elif result == Choice.KEEP_MINE and dialog.review is not None:
            keep_mine(dialog.review.version)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
