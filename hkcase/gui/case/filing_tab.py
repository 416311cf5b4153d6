"""The case pane's Filing tab and Case ▸ Prepare upload set…: ready for ImmD's e-service.

The tab (``ui/filing_tab.ui``) shows the pre-filing checks, the fees and the expected
decision, then the data sheet in the e-form's order with a Copy button on every value
and "Copy all in order", all in the chosen language. The "in Hong Kong" tick is the
case fact "applying from" (``services.filing.presence``). Everything comes from
``services.filing``; nothing here decides a rule. The services are imported where
they are used: the main window imports this module for its menu entry before its
first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hkcase.gui.support.forms import load_form
from hkcase.gui.support.i18n import error_text

if TYPE_CHECKING:
    from hkcase.app import AppContext
    from hkcase.domain.checklists import Lang
    from hkcase.gui.main_window import MainWindow
    from hkcase.gui.support.prompts import Prompts
    from hkcase.services.filing.checks import CaseReadiness
    from hkcase.services.filing.sheet import FilingSheet, SheetField

#: The mark of each ``domain.filing.checks.CheckStatus`` (keyed by its value).
MARKS = {"pass": "[OK]", "fail": "[X]", "confirm": "[?]", "not_applicable": "[-]"}
#: The languages of the sheet (``domain.checklists.Lang`` values) and their names.
LANGS = (("en", "English"), ("zh-hk", "中文（繁體）"), ("zh-cn", "中文（简体）"))
translate = QCoreApplication.translate


class FilingTab(QWidget):
    """Checks, fees and the data sheet of one case, each value one click from the clipboard."""

    inHongKongCheck: QCheckBox
    langCombo: QComboBox
    copyAllButton: QPushButton
    saveSheetButton: QPushButton
    summaryLabel: QLabel
    checksList: QListWidget
    sheetTable: QTableWidget

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("filing_tab", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case_id: int | None = None
        self.sheet: FilingSheet | None = None
        self.ready: CaseReadiness | None = None
        self._stale = False
        from hkcase.domain.checklists import Lang
        from hkcase.domain.messages import current_language

        for lang, name in LANGS:
            self.langCombo.addItem(name, Lang(lang))
        # The sheet starts in the interface's language (another one is a choice away).
        self.langCombo.setCurrentIndex(max(0, self.langCombo.findData(Lang(current_language()))))
        header = self.sheetTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.copy_buttons: list[QPushButton] = []
        # clicked, not toggled: only the consultant's own click saves the fact.
        self.inHongKongCheck.clicked.connect(self.save_in_hong_kong)
        self.langCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.copyAllButton.clicked.connect(self.copy_all)
        self.saveSheetButton.clicked.connect(self.save_sheet)

    def show_case(self, case_id: int) -> None:
        """Load a case; computed when the tab is shown (opening a case stays quick)."""
        self.case_id = case_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def lang(self) -> Lang:
        from hkcase.domain.checklists import Lang

        return Lang(self.langCombo.currentData() or Lang.EN)

    def save_in_hong_kong(self, checked: bool) -> None:
        """Keep the tick as the case fact "applying from: Hong Kong" (or withdraw it)."""
        from hkcase.services.errors import StoreError, ValidationError
        from hkcase.services.filing.presence import confirm_in_hong_kong

        if self.case_id is None:
            return
        try:
            confirm_in_hong_kong(self.ctx.store, self.case_id, checked, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self.prompts.error(self, self.tr("Applicant in Hong Kong"), error_text(exc))
        self.refresh()

    def refresh(self) -> None:
        from hkcase.domain.filing.checks import CheckStatus
        from hkcase.services.errors import ValidationError
        from hkcase.services.filing.checks import readiness
        from hkcase.services.filing.sheet import filing_sheet

        if self.case_id is None:
            return
        self._stale = False
        lang = self.lang()
        try:
            self.ready = readiness(self.ctx.store, self.case_id)
            self.sheet = filing_sheet(self.ctx.store, self.case_id, lang,
                                      on=self.ready.filing_date)
        except ValidationError as exc:
            self.summaryLabel.setText(error_text(exc))
            return
        in_hk = next((c for c in self.ready.checks if c.code == "in_hong_kong"), None)
        self.inHongKongCheck.blockSignals(True)
        self.inHongKongCheck.setChecked(in_hk is not None and in_hk.status is CheckStatus.PASS)
        self.inHongKongCheck.blockSignals(False)
        self._fill_checks(self.ready, lang)
        self._fill_sheet(self.sheet)

    def _fill_checks(self, ready: CaseReadiness, lang: Lang) -> None:
        from hkcase.domain.filing.checks import CheckStatus
        from hkcase.services.filing.checks import summary

        self.checksList.clear()
        for check in ready.checks:
            if check.status is not CheckStatus.NOT_APPLICABLE:
                self.checksList.addItem(f"{MARKS[check.status]} {check.text(lang)}")
        self.summaryLabel.setText(summary(ready, lang))

    def _fill_sheet(self, sheet: FilingSheet) -> None:
        table = self.sheetTable
        table.setRowCount(0)
        self.copy_buttons = []
        for section in sheet.sections:
            row = table.rowCount()
            table.insertRow(row)
            head = QTableWidgetItem(section.title)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            table.setItem(row, 0, head)
            table.setSpan(row, 0, 1, 3)
            for field in section.fields:
                self._add_field(field)

    def _add_field(self, field: SheetField) -> None:
        from hkcase.services.filing.sheet_labels import text

        table = self.sheetTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(field.label))
        missing = f"[{text('missing', self.lang())}]"
        value = QTableWidgetItem(field.display if field.display is not None else missing)
        if field.missing:
            value.setForeground(self.palette().placeholderText())
        table.setItem(row, 1, value)
        button = QPushButton(self.tr("Copy"))
        button.setEnabled(not field.missing)
        button.setAccessibleName(self.tr("Copy {field}").format(field=field.label))
        button.clicked.connect(lambda _c=False, v=field.display or "": self._copy(v))
        table.setCellWidget(row, 2, button)
        self.copy_buttons.append(button)

    @staticmethod
    def _copy(text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def save_sheet(self) -> None:
        """The printed sheet (the client's confirmation, with a signature line) as a PDF."""
        from hkcase.services.errors import ValidationError
        from hkcase.services.filing.sheet_render import render_sheet_pdf

        if self.sheet is None:
            return
        chosen = self.prompts.save_file(self, self.tr("Save the filing sheet"),
                                        f"{self.sheet.reference}-filing-sheet.pdf",
                                        self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        try:
            result = render_sheet_pdf(self.sheet, self.ready, target=Path(chosen))
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Save the filing sheet"), error_text(exc))
            return
        note = "\n".join(result.warnings)
        self.prompts.info(self, self.tr("Filing sheet saved"),
                          self.tr("{file} ({pages} pages)").format(file=chosen,
                                                                   pages=result.pages)
                          + (f"\n{note}" if note else ""))

    def copy_all(self) -> None:
        """Every value in the e-form's order, one "label<TAB>value" line each."""
        if self.sheet is None:
            return
        lines = [f"{f.label}\t{f.display if f.display is not None else ''}"
                 for f in self.sheet.in_order()]
        self._copy("\n".join(lines))


def prepare_upload_set(window: MainWindow) -> None:
    """Case ▸ Prepare upload set…: ask where, write the set, say what was left out."""
    from hkcase.services.errors import ValidationError
    from hkcase.services.filing.upload_set import prepare_upload_set as prepare

    case = window.case_view.case
    if case is None:
        window.prompts.info(window, translate("FilingTab", "Prepare upload set"),
                            translate("FilingTab", "Open a case first."))
        return
    chosen = window.prompts.save_file(window,
                                      translate("FilingTab", "Prepare upload set: new folder"),
                                      f"{case.reference}-upload-set",
                                      translate("FilingTab", "Folders (*)"))
    if not chosen:
        return
    try:
        result = prepare(window.ctx.store, window.ctx.locations.attachments_dir, case.id,
                         Path(chosen), actor=window.ctx.actor)
    except ValidationError as exc:
        window.prompts.error(window, translate("FilingTab", "Prepare upload set"), error_text(exc))
        return
    files = sum(len(i.files) for i in result.items)
    text = translate("FilingTab", "{files} files for {case} in {folder} (see index.pdf).").format(
        files=files, case=case.reference, folder=result.folder)
    if result.problems:
        text += "\n\n" + translate("FilingTab", "Not included:") + "\n" + "\n".join(
            p.message for p in result.problems)
    window.prompts.info(window, translate("FilingTab", "Upload set ready"), text)
    window.case_view.show_case(case.id)


def install(window: MainWindow) -> QAction:
    """Add Case ▸ Prepare upload set… to the main window."""
    action = QAction(translate("FilingTab", "Prepare &upload set…"), window)
    action.setObjectName("actionPrepareUploadSet")
    action.triggered.connect(lambda: prepare_upload_set(window))
    window.menuCase.addAction(action)
    return action
