"""The selected case: overview, eligibility, stay & deadlines, checklist, notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from hkcase.domain.eligibility import FIELDS
from hkcase.domain.eligibility.model import SchemeResult
from hkcase.domain.vocab import Outcome, ReminderState, Stage
from hkcase.gui.checklist_panel import ChecklistPanel
from hkcase.gui.forms import combo_enum, date_from_field, load_form, mark_date_field
from hkcase.gui.models import Column, RecordTableModel
from hkcase.gui.prompts import Prompts
from hkcase.services.case_detail import CaseDetail, add_note, case_activity, get_case
from hkcase.services.context import AppContext
from hkcase.services.eligibility import (
    Fact,
    case_eligibility,
    list_runs,
    parse_override,
    record_check,
)
from hkcase.services.errors import ValidationError
from hkcase.services.records import StayInput, update_case
from hkcase.services.reminders import set_reminder_state
from hkcase.services.stays import (
    ReminderRow,
    StayView,
    case_reminders,
    record_printed_stay,
    stay_views,
)
from hkcase.store import ConflictError, StoreError
from hkcase.store.case_list import consultants

STATUS_MARK = {"met": "✓ met", "not_met": "✗ not met", "unknown": "? unknown"}
STATUS_COLOUR = {"met": "#067647", "not_met": "#b42318", "unknown": "#b54708"}


class FactRow:
    """A fact of the eligibility tab: derived value, source and the consultant's override."""

    def __init__(self, name: str, fact: Fact | None) -> None:
        self.name = name
        self.fact = fact
        self.override: Any = None


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
    eligibilityOutcome: QLabel
    runCheckButton: QPushButton
    criteriaView: QTableView
    factsView: QTableView
    runsList: QListWidget
    eligibilitySplitter: QSplitter
    stayEstimate: QLabel
    staysView: QTableView
    grantedEdit: QLineEdit
    entryEdit: QLineEdit
    limitEdit: QLineEdit
    addStayButton: QPushButton
    remindersView: QTableView
    snoozeButton: QPushButton
    doneButton: QPushButton
    checklistTab: QWidget
    activityList: QListWidget
    noteEdit: QPlainTextEdit
    addNoteButton: QPushButton

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("case_view", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case: CaseDetail | None = None
        self.result: SchemeResult | None = None
        self._overrides: dict[str, Any] = {}
        for stage in Stage:
            self.stageCombo.addItem(stage.value.replace("_", " "), stage)
        for outcome in Outcome:
            self.outcomeCombo.addItem(outcome.value, outcome)
        self.caseTitle.setObjectName("caseTitle")
        self.criteria = RecordTableModel([
            Column("Status", lambda c: STATUS_MARK[c["status"]] + (" · review" if c.get("review")
                                                                   else ""),
                   colour=lambda c: STATUS_COLOUR[c["status"]],
                   tooltip=lambda c: c.get("review")),
            Column("Criterion", lambda c: c["text"], tooltip=lambda c: c.get("review")),
            Column("Why", lambda c: c["detail"], tooltip=lambda c: c.get("review")),
        ], parent=self)
        self.criteriaView.setModel(self.criteria)
        self.facts = _FactsModel(self)
        self.factsView.setModel(self.facts)
        self.stays = RecordTableModel[StayView]([
            Column("No.", lambda v: v.stay.extension_number),
            Column("Granted", lambda v: v.stay.granted_on),
            Column("Limit (printed)", lambda v: v.stay.limit_of_stay),
            Column("Estimate", lambda v: v.estimated_limit,
                   tooltip=lambda v: "estimated from the scheme's pattern; the printed date "
                   "wins"),
            Column("Window opens", lambda v: v.window_opens,
                   tooltip=lambda v: "; ".join(v.review) or None),
            Column("Holiday / last working day", lambda v: (
                f"{v.limit_holiday} — last working day {v.last_working_day}"
                if v.limit_holiday else "")),
        ], parent=self)
        self.staysView.setModel(self.stays)
        self.reminders = RecordTableModel[ReminderRow]([
            Column("Due", lambda r: r.due_date),
            Column("State", lambda r: r.state.value + (f" until {r.snoozed_until}"
                                                      if r.snoozed_until else "")),
            Column("Reminder", lambda r: r.title, tooltip=lambda r: r.title),
        ], parent=self)
        self.remindersView.setModel(self.reminders)
        for view in (self.criteriaView, self.factsView, self.staysView, self.remindersView):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setVisible(False)
            view.setWordWrap(False)
        self.eligibilitySplitter.setSizes([320, 260, 90])
        self.checklist = ChecklistPanel(ctx, prompts, self)
        self.checklistTab.layout().addWidget(self.checklist)
        self.checklist.changed.connect(lambda: self.changed.emit(self.case.id)
                                       if self.case else None)
        for edit in (self.submittedEdit, self.decidedEdit, self.contractEdit, self.grantedEdit,
                     self.entryEdit, self.limitEdit):
            edit.textChanged.connect(lambda _t, e=edit: mark_date_field(e))
        self.saveButton.clicked.connect(self.save)
        self.revertButton.clicked.connect(self.revert)
        self.runCheckButton.clicked.connect(self.run_check)
        self.addStayButton.clicked.connect(self.add_stay)
        self.snoozeButton.clicked.connect(lambda: self.set_reminder(ReminderState.SNOOZED))
        self.doneButton.clicked.connect(lambda: self.set_reminder(ReminderState.DONE))
        self.addNoteButton.clicked.connect(self.add_note)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.revert)

    # Loading --------------------------------------------------------------
    def show_case(self, case_id: int) -> None:
        """Load a case into every tab."""
        self.case = get_case(self.ctx.store, case_id)
        self._overrides = {}
        self._fill_overview()
        self._load_eligibility()
        self._load_stays()
        self._load_activity()
        self.checklist.show_case(case_id, self.case.submitted_on)

    def _fill_overview(self) -> None:
        case = self.case
        assert case is not None
        chinese = f"　{case.chinese_name}" if case.chinese_name else ""
        self.caseTitle.setText(f"{case.reference} · {case.client_name}{chinese}")
        self.caseSubtitle.setText(
            f"{case.scheme.value} · {case.application_type.value.replace('_', ' ')} · born "
            f"{case.date_of_birth} · {case.nationality}"
            + (f" · passport {case.passport}" if case.passport else ""))
        self.schemeValue.setText(case.scheme.value)
        self.stageCombo.setCurrentIndex(self.stageCombo.findData(case.stage))
        self.outcomeCombo.setCurrentIndex(self.outcomeCombo.findData(case.outcome))
        self.immdEdit.setText(case.immd_file_ref or "")
        self.employerEdit.setText(case.employer or "")
        self.consultantCombo.clear()
        self.consultantCombo.addItem("(nobody)", None)
        with self.ctx.store.reading() as session:
            for row in consultants(session):
                self.consultantCombo.addItem(row.name, row.id)
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
                "submitted_on": date_from_field(self.submittedEdit, "submitted on"),
                "decided_on": date_from_field(self.decidedEdit, "decided on"),
                "contract_end": date_from_field(self.contractEdit, "contract ends"),
            }
            update_case(self.ctx.store, case.id, case.version, actor=self.ctx.actor, **changes)
        except ValidationError as exc:
            self.overviewMessage.setText(f"Not saved — {exc.field.replace('_', ' ')}: "
                                         f"{exc.message}")
            return
        except ConflictError as exc:
            self.prompts.error(self, "Case changed elsewhere", str(exc))
            self.show_case(case.id)
            return
        self.show_case(case.id)
        self.overviewMessage.setText("Saved.")
        self.changed.emit(case.id)

    # Eligibility ------------------------------------------------------------
    def _load_eligibility(self) -> None:
        case = self.case
        assert case is not None
        try:
            checked = case_eligibility(self.ctx.store, case.id, overrides=self._overrides)
        except ValidationError as exc:
            self.eligibilityOutcome.setText(f"Cannot assess: {exc}")
            return
        self.result = checked.result
        self._show_result(self.result)
        rows = [FactRow(name, checked.facts.get(name))
                for name in FIELDS if name != "assessment_date"]
        for row in rows:
            row.override = self._overrides.get(row.name)
        self.facts.set_rows(rows)
        self.factsView.resizeColumnsToContents()
        self.runsList.clear()
        for run in list_runs(self.ctx.store, case.id):
            self.runsList.addItem(f"{run.assessment_date} · {run.outcome.replace('_', ' ')} · "
                                  f"{run.rule_set_id or 'no rule set'} · {run.created_by or ''}")

    def _show_result(self, result: SchemeResult) -> None:
        data = result.as_dict()
        self.criteria.set_rows(data["criteria"])
        lines = [f"<b>{result.scheme}: {result.outcome.value.replace('_', ' ')}</b>"
                 + (f" (category {result.category})" if result.category else "")
                 + (f" — score {result.score}/{result.pass_mark}" if result.pass_mark else "")]
        if result.rule_set:
            links = " ".join(f'<a href="{url}">[{n + 1}]</a>'
                             for n, url in enumerate(result.rule_set.sources))
            lines.append(f"Rules {result.rule_set.id} from {result.rule_set.effective_from} "
                         f"{links}")
        lines += [f"On {c.date}: {c.criterion} {c.effect}" for c in result.changes_on[:6]]
        if result.missing:
            lines.append("Missing facts: " + ", ".join(result.missing))
        lines.append("<i>ImmD decides every application.</i>")
        self.eligibilityOutcome.setText("<br>".join(lines))
        self.eligibilityOutcome.setOpenExternalLinks(True)
        self.criteriaView.resizeColumnsToContents()

    def override_fact(self, name: str, text: str) -> bool:
        """Set (or clear, with empty text) a consultant's override and re-assess."""
        try:
            value = parse_override(name, text)
        except ValidationError as exc:
            self.prompts.error(self, "Override not accepted", str(exc))
            return False
        if value is None:
            self._overrides.pop(name, None)
        else:
            self._overrides[name] = value
        # Re-assess after the editor has finished committing into the model.
        QTimer.singleShot(0, self._load_eligibility)
        return True

    def run_check(self) -> None:
        """Assess with the overrides and keep the run with the case."""
        case = self.case
        if case is None:
            return
        try:
            record_check(self.ctx.store, case.id, actor=self.ctx.actor,
                         overrides=self._overrides)
        except (ValidationError, StoreError) as exc:
            self.prompts.error(self, "Check not kept", str(exc))
            return
        self._load_eligibility()
        self._load_activity()

    # Stays and reminders ----------------------------------------------------
    def _load_stays(self) -> None:
        case = self.case
        assert case is not None
        views = stay_views(case)
        self.stays.set_rows(views)
        if views:
            last = views[-1]
            self.stayEstimate.setText(
                f"Limit of stay {last.stay.limit_of_stay} (as printed). Extension window "
                f"({last.window_rule.replace('_', ' ')}) opens {last.window_opens}."
                + (f" The limit falls on a general holiday ({last.limit_holiday}); last "
                   f"working day {last.last_working_day}." if last.limit_holiday else ""))
        else:
            self.stayEstimate.setText("No limit of stay recorded yet.")
        self.reminders.set_rows(case_reminders(self.ctx.store, case.id))
        self.staysView.resizeColumnsToContents()
        self.remindersView.resizeColumnsToContents()

    def add_stay(self) -> None:
        """Record a stay as printed on the visa label or e-Visa."""
        case = self.case
        if case is None:
            return
        try:
            granted = date_from_field(self.grantedEdit, "granted on")
            limit = date_from_field(self.limitEdit, "limit of stay")
            if granted is None or limit is None:
                raise ValidationError("limit_of_stay", "give the grant date and the limit of "
                                      "stay as printed")
            record_printed_stay(self.ctx.store, StayInput(
                case.id, granted, limit, date_from_field(self.entryEdit, "entry date"),
                extension_number=None), actor=self.ctx.actor,
                lead_days=self.ctx.settings.reminder_lead_days)
        except ValidationError as exc:
            self.prompts.error(self, "Stay not recorded", str(exc))
            return
        for edit in (self.grantedEdit, self.entryEdit, self.limitEdit):
            edit.clear()
        self.show_case(case.id)
        self.changed.emit(case.id)

    def set_reminder(self, state: ReminderState) -> None:
        """Snooze the selected reminder for a week, or mark it done."""
        rows = self.remindersView.selectionModel().selectedRows()
        if not rows or self.case is None:
            return
        reminder = self.reminders.row_object(rows[0].row())
        until = date.today() + timedelta(days=7) if state is ReminderState.SNOOZED else None
        try:
            set_reminder_state(self.ctx.store, reminder.id, state, actor=self.ctx.actor,
                               until=until)
        except ValidationError as exc:
            self.prompts.error(self, "Reminder not changed", str(exc))
            return
        self._load_stays()
        self.changed.emit(self.case.id)

    # Notes --------------------------------------------------------------------
    def _load_activity(self) -> None:
        assert self.case is not None
        self.activityList.clear()
        for row in case_activity(self.ctx.store, self.case.id):
            stamp = row.at.astimezone().strftime("%Y-%m-%d %H:%M")
            prefix = "📝 " if row.is_note else ""
            self.activityList.addItem(f"{stamp} · {row.who or '?'} · {prefix}{row.what}")

    def add_note(self) -> None:
        if self.case is None:
            return
        try:
            add_note(self.ctx.store, self.case.id, self.noteEdit.toPlainText(),
                     actor=self.ctx.actor)
        except ValidationError as exc:
            self.prompts.error(self, "Note not added", str(exc))
            return
        self.noteEdit.clear()
        self._load_activity()


class _FactsModel(RecordTableModel[FactRow]):
    """Derived facts with an editable override column."""

    def __init__(self, view: CaseView) -> None:
        super().__init__([
            Column("Fact", lambda r: r.name.replace("_", " ")),
            Column("From the records", lambda r: r.fact.value if r.fact else "",
                   tooltip=lambda r: r.fact.source if r.fact else "not in the records"),
            Column("Override (double-click)", lambda r: "" if r.override is None
                   else r.override),
        ], parent=view)
        self._view = view

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 2:
            return False
        name = self.row_object(index.row()).name
        return self._view.override_fact(name, str(value))
