"""The selected case: overview, eligibility, stay & deadlines, checklist, notes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.countries import country_name
from hkcase.domain.messages import current_language
from hkcase.domain.names import SCREEN_GAP, full_name
from hkcase.domain.vocab import Outcome, Stage
from hkcase.gui.case.activity_tab import ActivityTab
from hkcase.gui.case.checklist_tab import ChecklistPanel
from hkcase.gui.case.eligibility_tab import EligibilityTab
from hkcase.gui.case.filing_tab import FilingTab
from hkcase.gui.case.limit_banner import limit_banner, show_limit
from hkcase.gui.case.notes_tab import NotesTab
from hkcase.gui.case.stays_tab import StaysTab
from hkcase.gui.dialogs.conflict import ask_about_conflict
from hkcase.gui.support.date_entry import install_date_entries
from hkcase.gui.support.forms import combo_enum, date_from_field, load_form, mark_date_field
from hkcase.gui.support.i18n import label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import push_undo, undo_session
from hkcase.services.cases.detail import CaseDetail, get_case
from hkcase.services.cases.edit import edit_case
from hkcase.services.conflicts import review_case
from hkcase.services.consultants import active_consultants
from hkcase.services.errors import ConflictError, ValidationError
from hkcase.services.undo import after_edit as undo_after_edit

STAYS_TAB_WIDGETS = ("stays", "reminders", "staysView", "remindersView", "grantedEdit",
                     "entryEdit", "limitEdit", "addStayButton", "snoozeButton", "doneButton",
                     "stayEstimate")
NOTES_TAB_WIDGETS = ("activityList", "noteEdit", "addNoteButton")
ELIGIBILITY_TAB_WIDGETS = ("eligibilityOutcome", "runCheckButton", "factsView", "runsList",
                           "facts", "criteriaTree", "settleSaveButton", "factsSaveButton")


class CaseView(QWidget):
    """Shows and edits one case; emits ``changed`` after every saved change."""

    changed = Signal(int)

    caseTitle: QLabel
    caseSubtitle: QLabel
    caseTabs: QTabWidget
    schemeValue: QLabel
    stageCombo: QComboBox
    outcomeCombo: QComboBox
    immdEdit: QLineEdit
    employerEdit: QLineEdit
    consultantCombo: QComboBox
    openedValue: QLabel
    submittedEdit: QLineEdit
    decidedEdit: QLineEdit
    contractEdit: QLineEdit
    overviewMessage: QLabel
    saveButton: QPushButton
    revertButton: QPushButton
    stayTab: QWidget
    eligibilityTab: QWidget
    checklistTab: QWidget
    notesTab: QWidget

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("case_view", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case: CaseDetail | None = None
        for stage in Stage:
            self.stageCombo.addItem(label(stage), stage)
        for outcome in Outcome:
            self.outcomeCombo.addItem(label(outcome), outcome)
        self.caseTitle.setObjectName("caseTitle")
        # The eligibility tab lives in hkcase.gui.case (case facts, overrides, verdict).
        self.eligibility_tab = EligibilityTab(ctx, prompts, self)
        self.eligibilityTab.layout().addWidget(self.eligibility_tab)
        self.eligibility_tab.changed.connect(self._tab_changed)
        for name in ELIGIBILITY_TAB_WIDGETS:
            setattr(self, name, getattr(self.eligibility_tab, name))
        self.checklist = ChecklistPanel(ctx, prompts, self)
        self.checklistTab.layout().addWidget(self.checklist)
        self.checklist.changed.connect(lambda: self.changed.emit(self.case.id)
                                       if self.case else None)
        # The stay and notes tabs live in hkcase.gui.case; they say when they changed the case.
        self.stays_tab = StaysTab(ctx, prompts, self)
        self.stayTab.layout().addWidget(self.stays_tab)
        self.notes_tab = NotesTab(ctx, prompts, self)
        self.notesTab.layout().addWidget(self.notes_tab)
        for tab in (self.stays_tab, self.notes_tab):
            tab.changed.connect(self._tab_changed)
        self.activity_tab = ActivityTab(ctx, self)  # every audited change, readable
        self.limitBanner = limit_banner(self.caseSubtitle)
        self.caseTabs.addTab(self.activity_tab, self.tr("Acti&vity"))
        self.filing_tab = FilingTab(ctx, prompts, self)  # online filing (issue 13)
        self.caseTabs.addTab(self.filing_tab, self.tr("Fi&ling"))
        # The tabs' widgets, still reachable where they used to be (tests, other tabs).
        for tab, names in ((self.stays_tab, STAYS_TAB_WIDGETS), (self.notes_tab,
                                                                  NOTES_TAB_WIDGETS)):
            for name in names:
                setattr(self, name, getattr(tab, name))
        for edit in (self.submittedEdit, self.decidedEdit, self.contractEdit):
            edit.textChanged.connect(lambda _t, e=edit: mark_date_field(e))
        install_date_entries(self.submittedEdit, self.decidedEdit, self.contractEdit)
        self.saveButton.clicked.connect(self.save)
        self.revertButton.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.revert)

    # Loading --------------------------------------------------------------
    def show_case(self, case_id: int) -> None:
        """Load a case into every tab."""
        self.case = get_case(self.ctx.store, case_id)
        self._fill_overview()
        self.eligibility_tab.show_case(case_id, self.case.scheme)
        self.stays_tab.show_case(self.case)
        self.notes_tab.show_case(case_id)
        self.activity_tab.show_case(case_id)
        self.filing_tab.show_case(case_id)
        self.checklist.show_case(case_id, self.case.submitted_on)

    def _tab_changed(self, case_id: int) -> None:
        self.show_case(case_id)
        self.changed.emit(case_id)

    def _fill_overview(self) -> None:
        case = self.case
        assert case is not None
        self.caseTitle.setText(
            f"{case.reference} · {full_name(case.client_name, case.chinese_name, SCREEN_GAP)}")
        self.caseSubtitle.setText(
            f"{label(case.scheme)} · {label(case.application_type)} · "
            + self.tr("born {date}").format(date=case.date_of_birth)
            + f" · {country_name(case.nationality, current_language())}"
            + (" · " + self.tr("passport {number}").format(number=case.passport)
               if case.passport else ""))
        show_limit(self.limitBanner, case)
        self.schemeValue.setText(label(case.scheme))
        self.stageCombo.setCurrentIndex(self.stageCombo.findData(case.stage))
        self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(case.outcome))
        self.immdEdit.setText(case.immd_file_ref or "")
        self.employerEdit.setText(case.employer or "")
        self.consultantCombo.clear()
        self.consultantCombo.addItem(self.tr("(nobody)"), None)
        for row in active_consultants(self.ctx.store):
            self.consultantCombo.addItem(row.name, row.id)
        if case.consultant_id is not None and self.consultantCombo.findData(
                case.consultant_id) < 0:  # deactivated: still this case's, kept on save
            self.consultantCombo.addItem(self.tr("{name} (inactive)").format(
                name=case.consultant), case.consultant_id)
        self.consultantCombo.setCurrentIndex(max(0, self.consultantCombo.findData(
            case.consultant_id)))
        self.openedValue.setText(case.opened_on.isoformat())
        for edit, value in ((self.submittedEdit, case.submitted_on),
                            (self.decidedEdit, case.decided_on),
                            (self.contractEdit, case.contract_end)):
            edit.setText(value.isoformat() if value else "")
        self.overviewMessage.setText("")

    # Overview -------------------------------------------------------------
    def revert(self) -> None:
        """Throw away unsaved edits of the overview (Esc)."""
        if self.case is not None:
            self._fill_overview()

    def _save_at(self, case: CaseDetail, version: int) -> None:
        """Keep mine: save the typed overview over the colleague's, at their version."""
        self.case = dataclasses.replace(case, version=version)
        self.save()

    def save(self) -> None:
        """Save the overview (Ctrl+S); a concurrent edit is reported, not overwritten."""
        case = self.case
        if case is None:
            return
        try:
            changes = {
                "stage": combo_enum(self.stageCombo, Stage),
                "outcome": combo_enum(self.outcomeCombo, Outcome),
                "immd_file_ref": self.immdEdit.text().strip() or None,
                "employer": self.employerEdit.text().strip() or None,
                "consultant_id": self.consultantCombo.currentData(),
                "submitted_on": date_from_field(self.submittedEdit, self.tr("submitted on")),
                "decided_on": date_from_field(self.decidedEdit, self.tr("decided on")),
                "contract_end": date_from_field(self.contractEdit, self.tr("contract ends")),
            }
            edited = edit_case(self.ctx.store, case.id, case.version, actor=self.ctx.actor,
                               **changes)
        except ValidationError as exc:
            self.overviewMessage.setText(self.tr("Not saved — {field}: {reason}").format(
                field=label(exc.field), reason=exc.message))
            return
        except ConflictError as exc:  # a colleague saved first: reload, or review and keep mine
            self.conflict_dialog = ask_about_conflict(
                self, str(exc), lambda: review_case(self.ctx.store, case.id, changes),
                reload=lambda: self.show_case(case.id),
                keep_mine=lambda version: self._save_at(case, version))
            return
        if any(edited.old.get(k) != v for k, v in edited.new.items()):
            push_undo(self, undo_after_edit(undo_session(self.ctx), edited,
                                            f"edit of case {case.reference}"))
        self.show_case(case.id)
        self.overviewMessage.setText(self.tr("Saved."))
        self.changed.emit(case.id)
