"""The case pane's Stay & deadlines tab: stays as printed (recorded, corrected, deleted)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from hkcase.app import AppContext
from hkcase.domain.reminders.wording import shown_title
from hkcase.domain.vocab import ReminderState
from hkcase.gui.dialogs.records import StayDialog
from hkcase.gui.dialogs.snooze import ask_snooze_until
from hkcase.gui.models.records import Column, RecordTableModel
from hkcase.gui.support.date_entry import install_date_entries
from hkcase.gui.support.forms import date_from_field, load_form
from hkcase.gui.support.i18n import error_text, label
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.record_actions import (
    delete_asking,
    push_undo,
    record_menu,
    save_asking,
    undo_session,
)
from hkcase.gui.support.table_fit import TableFit
from hkcase.services import undo
from hkcase.services.cases.detail import CaseDetail
from hkcase.services.conflicts import delete_refused
from hkcase.services.errors import ConflictError, ValidationError
from hkcase.services.records import StayInput
from hkcase.services.reminders.refresh import set_reminder_state
from hkcase.services.stays import listing as stays
from hkcase.services.stays.listing import ReminderRow, StayView, case_reminders, stay_views


class StaysTab(QWidget):
    """Emits ``changed`` (the case id) after every saved change."""

    changed = Signal(int)

    stayEstimate: QLabel
    staysView: QTableView
    grantedEdit: QLineEdit
    entryEdit: QLineEdit
    limitEdit: QLineEdit
    addStayButton: QPushButton
    remindersView: QTableView
    snoozeButton: QPushButton
    doneButton: QPushButton

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("stays_tab", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case: CaseDetail | None = None
        estimated_tip = self.tr("estimated from the scheme's pattern; the printed date wins")
        last_day = self.tr("{holiday} — last working day {date}")
        until = self.tr(" until {date}")
        self.stays = RecordTableModel[StayView]([
            Column(self.tr("No."), lambda v: v.stay.extension_number),
            Column(self.tr("Granted"), lambda v: v.stay.granted_on),
            Column(self.tr("Limit (printed)"), lambda v: v.stay.limit_of_stay),
            Column(self.tr("Estimate"), lambda v: v.estimated_limit,
                   tooltip=lambda v: estimated_tip),
            Column(self.tr("Window opens"), lambda v: v.window_opens,
                   tooltip=lambda v: "; ".join(v.review) or None),
            Column(self.tr("Holiday / last working day"), lambda v: (
                last_day.format(holiday=v.limit_holiday, date=v.last_working_day)
                if v.limit_holiday else "")),
        ], parent=self)
        self.staysView.setModel(self.stays)
        self.reminders = RecordTableModel[ReminderRow]([
            Column(self.tr("Due"), lambda r: r.due_date),
            Column(self.tr("State"), lambda r: label(r.state) + (
                until.format(date=r.snoozed_until) if r.snoozed_until else "")),
            Column(self.tr("Reminder"), self._title, tooltip=self._title),
        ], parent=self)
        self.remindersView.setModel(self.reminders)
        for view in (self.staysView, self.remindersView):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setVisible(False)
        # Widths by content; long text wraps; the holiday column (also said above the
        # table) goes when the pane is narrow.
        self.stays_fit = TableFit(self.staysView, wrap=(5,), optional=(5,))
        self.reminders_fit = TableFit(self.remindersView, wrap=(2,))
        install_date_entries(self.grantedEdit, self.entryEdit, self.limitEdit)
        self.addStayButton.clicked.connect(self.add_stay)
        self.snoozeButton.clicked.connect(lambda: self.set_reminder(ReminderState.SNOOZED))
        self.doneButton.clicked.connect(lambda: self.set_reminder(ReminderState.DONE))
        self.staysView.activated.connect(lambda _i: self.edit_stay())  # double-click, Enter
        record_menu(self.staysView, [(self.tr("Edit stay…"), self.edit_stay),
                                     (self.tr("Delete stay…"), self.delete_stay)],
                    on_delete=self.delete_stay)

    def show_case(self, case: CaseDetail) -> None:
        self.case = case
        views = stay_views(case)
        self.stays.set_rows(views)
        if views:
            last = views[-1]
            self.stayEstimate.setText(
                self.tr("Limit of stay {limit} (as printed). Extension window ({rule}) "
                        "opens {opens}.").format(limit=last.stay.limit_of_stay,
                                                 rule=label(last.window_rule),
                                                 opens=last.window_opens)
                + (self.tr(" The limit falls on a general holiday ({holiday}); last "
                           "working day {date}.").format(holiday=last.limit_holiday,
                                                         date=last.last_working_day)
                   if last.limit_holiday else ""))
        else:
            self.stayEstimate.setText(self.tr("No limit of stay recorded yet."))
        self.reminders.set_rows(case_reminders(self.ctx.store, case.id))
        self.staysView.resizeColumnsToContents()
        self.remindersView.resizeColumnsToContents()

    def _title(self, reminder: ReminderRow) -> str:
        """The title worded for today ("— limit in 3 days", a passed limit said loudly)."""
        limits = {} if self.case is None else {s.id: s.limit_of_stay for s in self.case.stays}
        limit = limits.get(reminder.stay_id) if reminder.stay_id is not None else None
        return shown_title(reminder.kind, reminder.title, reminder.due_date, limit,
                           date.today())

    def _done(self) -> None:
        assert self.case is not None
        self.changed.emit(self.case.id)

    def add_stay(self) -> None:
        """Record a stay as printed; a limit far from the estimate is asked about first."""
        case = self.case
        if case is None:
            return
        try:
            granted = date_from_field(self.grantedEdit, "granted on")
            limit = date_from_field(self.limitEdit, "limit of stay")
            if granted is None or limit is None:
                raise ValidationError("limit_of_stay", self.tr(
                    "give the grant date and the limit of stay as printed"))
            data = StayInput(case.id, granted, limit, date_from_field(self.entryEdit,
                                                                      "entry date"),
                             extension_number=None)
            stay_id = save_asking(self.prompts, self, self.tr("Check the limit of stay"),
                                  lambda ok:
                                  stays.record_printed_stay(
                                      self.ctx.store, data, actor=self.ctx.actor,
                                      lead_days=self.ctx.settings.reminder_lead_days,
                                      confirm=ok))
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Stay not recorded"), error_text(exc))
            return
        if stay_id is None:
            return  # the consultant will correct the date
        push_undo(self, undo.after_create(undo_session(self.ctx), "stay", stay_id,
                                          self.tr("record stay ending {date}").format(
                                              date=limit.isoformat())))
        for edit in (self.grantedEdit, self.entryEdit, self.limitEdit):
            edit.clear()
        self._done()

    def selected_stay(self) -> StayView | None:
        rows = self.staysView.selectionModel().selectedRows()
        return self.stays.row_object(rows[0].row()) if rows else None

    def edit_stay(self) -> None:
        view, case = self.selected_stay(), self.case
        if view is None or case is None:
            return
        dialog = StayDialog(self.ctx, self.prompts, view.stay, case.version, self)
        if dialog.exec():
            self._done()

    def delete_stay(self) -> None:
        view, case = self.selected_stay(), self.case
        if view is None or case is None:
            return
        try:
            done = delete_asking(self.ctx, self.prompts, self, "stay", view.stay.id,
                                 lambda: stays.delete_stay(
                                     self.ctx.store, view.stay.id, actor=self.ctx.actor,
                                     lead_days=self.ctx.settings.reminder_lead_days,
                                     expected_version=case.version))
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Stay not deleted"), error_text(exc))
            return
        except ConflictError as exc:  # a colleague changed the case: nothing to review
            if self.prompts.choose(self, self.tr("Stay not deleted"), delete_refused(exc),
                                   [self.tr("Reload")]) == 0:
                self._done()  # the pane reloads the case as saved now
            return
        if done is not None:
            self._done()

    def set_reminder(self, state: ReminderState) -> None:
        """Snooze the selected reminder (only as far as its deadline allows), or mark it done."""
        rows = self.remindersView.selectionModel().selectedRows()
        if not rows or self.case is None:
            return
        reminder = self.reminders.row_object(rows[0].row())
        until = None
        if state is ReminderState.SNOOZED:
            until = ask_snooze_until(self.ctx, self.prompts, self, reminder.id,
                                     self._title(reminder))
            if until is None:
                return
        try:
            set_reminder_state(self.ctx.store, reminder.id, state, actor=self.ctx.actor,
                               until=until)
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Reminder not changed"), error_text(exc))
            return
        self._done()
