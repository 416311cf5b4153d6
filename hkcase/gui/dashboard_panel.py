"""The dashboard page's behaviour: loading in the background, "my cases", paging, snooze.

The window's form holds the summary label and the tree; this adds the row of
controls above the tree (my cases, a busy indicator, Snooze…, Done) and runs
every query on a worker thread so the window stays responsive.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.vocab import ReminderState
from hkcase.gui.dialogs.snooze import ask_snooze_until
from hkcase.gui.models.dashboard import (
    LOADING_TEXT,
    MORE_ROLE,
    WHAT_COLUMN,
    DashboardModel,
    repeats_note,
)
from hkcase.gui.models.records import OBJECT_ROLE
from hkcase.gui.support.i18n import error_text
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.worker import Job, Relay
from hkcase.services.errors import ValidationError
from hkcase.services.reminders.dashboard import (
    VERDICTS,
    Dashboard,
    DashboardRow,
    Section,
    consultant_id_for,
    dashboard,
    section_rows,
    verdicts_section,
)
from hkcase.services.reminders.refresh import set_reminder_state

log = logging.getLogger(__name__)
EXPANDED = ("overdue", "limit_7_days", "window_open")
#: "What" never narrower than this; the columns hidden first when the view is narrow.
WHAT_MIN_WIDTH = 260
OPTIONAL_COLUMNS = (4, 3)  # Limit of stay, then Date


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as "What" wrapped at its column's width (QTreeView asks no width)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        hint = super().sizeHint(option, index)
        if not index.parent().isValid():  # section rows span the row: one line
            return hint
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.rect = QRect(0, 0, self._view.header().sectionSize(index.column()), 1)
        style = self._view.style()
        wrapped = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, item, QSize(),
                                         self._view)
        return QSize(hint.width(), max(hint.height(), wrapped.height()))


class DashboardPanel(QObject):
    """Loads and shows the dashboard; acts on its rows (snooze, done, show more)."""

    loaded = Signal()
    caseActedOn = Signal(int)  # a reminder of this case was snoozed or marked done

    def __init__(self, ctx: AppContext, prompts: Prompts, summary: QLabel, view: QTreeView,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prompts = prompts
        self.summary = summary
        self.view = view
        self._parent = parent
        self.model = DashboardModel(self)
        view.setModel(self.model)
        # "What" is the long column: last, taking the width left, wrapped onto more lines
        # (never cut off); the other columns are as wide as their contents.
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        header = view.header()
        header.moveSection(header.visualIndex(WHAT_COLUMN), header.count() - 1)
        view.setItemDelegateForColumn(WHAT_COLUMN, _WrapDelegate(view))
        header.sectionResized.connect(self._width_changed)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A narrower or wider view (the stretched "What" resized, or the content now wider
        # than the view): fit again. Signals, not an event filter, so nothing runs on a
        # view being destroyed.
        view.horizontalScrollBar().rangeChanged.connect(lambda *_: self._width_changed(
            WHAT_COLUMN, 0, 0))
        self.current: Dashboard | None = None
        self.running = self._again = self._closed = self._fitting = False
        self._fitted_width = -1
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.done.connect(self._ready)
        self._relay.failed.connect(self._failed)
        self._verdicts_relay = Relay(self)
        self._verdicts_relay.done.connect(self._verdicts_ready)
        self._verdicts_relay.failed.connect(lambda m: log.warning("verdicts: %s", m))
        self._build_controls()
        view.activated.connect(self._activated)
        view.doubleClicked.connect(self._activated)
        self.show_loading()

    def _build_controls(self) -> None:
        bar = QHBoxLayout()
        self.mineCheck = QCheckBox(self.tr("&My cases only"))
        self.mineCheck.setObjectName("dashboardMine")
        self.mineCheck.toggled.connect(lambda _on: self.refresh())
        self.busy = QProgressBar()
        self.busy.setObjectName("dashboardBusy")
        self.busy.setRange(0, 0)  # indeterminate: "working"
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.snoozeButton = QPushButton(self.tr("S&nooze…"))
        self.snoozeButton.setObjectName("dashboardSnooze")
        self.snoozeButton.setToolTip(self.tr("Snooze the selected reminder (never past its "
                                             "deadline)"))
        self.doneButton = QPushButton(self.tr("Mark d&one"))
        self.doneButton.setObjectName("dashboardDone")
        self.snoozeButton.clicked.connect(self.snooze_selected)
        self.doneButton.clicked.connect(self.done_selected)
        self.mineCheck.setMinimumWidth(self.mineCheck.sizeHint().width())  # never clipped
        self.busy.setMinimumWidth(24)  # the busy bar gives way instead
        for widget in (self.mineCheck, self.busy):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.snoozeButton)
        bar.addWidget(self.doneButton)
        layout = self.view.parentWidget().layout()
        layout.insertLayout(1, bar)  # type: ignore[attr-defined]

    # Loading ------------------------------------------------------------------------
    def show_loading(self) -> None:
        self.busy.setVisible(True)
        if self.current is None:
            self.summary.setText(LOADING_TEXT)
            self.model.set_loading()
        else:
            self.summary.setText(self._summary_text(self.current) + self.tr(" — refreshing…"))

    def refresh(self) -> None:
        """Reload in the background; a request while loading runs once more after."""
        if self._closed:
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.show_loading()
        store, day = self.ctx.store, date.today()
        name, mine = self.ctx.settings.consultant_name, self.mineCheck.isChecked()

        def work() -> tuple[Dashboard, int | None]:
            me = consultant_id_for(store, name)
            return dashboard(store, day, consultant_id=me if mine else None,
                             verdicts=False), me

        self._pool.start(Job(work, self._relay))

    def _ready(self, result: tuple[Dashboard, int | None]) -> None:
        if self._closed:  # a result queued before the window closed starts nothing new
            return
        board, me = result
        self.running = False
        self.current = board
        self.mineCheck.setEnabled(me is not None or self.mineCheck.isChecked())
        self.mineCheck.setToolTip(
            self.tr("Only cases of {name}").format(name=self.ctx.settings.consultant_name)
            if me is not None else self.tr("Set your name in Settings to the name of a "
                                           "consultant to see only your cases"))
        sections = list(board.sections)
        sections.insert(len(sections) - 1, Section(VERDICTS, self.tr("Verdicts changed"), 0,
                                                   (), note=self.tr("Checking…")))
        self.model.set_sections(sections)
        self._arrange()
        self.busy.setVisible(False)
        self.summary.setText(self._summary_text(board))
        self.loaded.emit()
        store, day, consultant = self.ctx.store, board.today, board.consultant_id
        self._pool.start(Job(lambda: verdicts_section(store, day, consultant),
                              self._verdicts_relay))
        if self._again:
            self._again = False
            self.refresh()

    def _verdicts_ready(self, section: Section) -> None:
        if self._closed:
            return
        self.model.replace_section(section)
        self._arrange()

    def _arrange(self) -> None:
        """Section titles across the whole row; the urgent sections open."""
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, root, True)
        for key in EXPANDED:
            self.view.expand(self.model.section_index(key))
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths by content (a page of rows per section: cheap), header text included.

        "What" keeps at least ``WHAT_MIN_WIDTH``: where the view is too narrow for that, the
        date columns go first (their dates are in "What" too) and come back when it widens.
        """
        self._fitting = True
        try:
            self._fit_column_widths()
        finally:
            self._fitting = False
        self._fitted_width = self.view.viewport().width()
        self.view.doItemsLayout()  # row heights for the new wrap width

    def _fit_column_widths(self) -> None:
        header = self.view.header()
        for column in OPTIONAL_COLUMNS:
            header.setSectionHidden(column, False)
        widths = {}
        for column in range(self.model.columnCount()):
            if column != WHAT_COLUMN:
                self.view.resizeColumnToContents(column)
                widths[column] = header.sectionSize(column)
        room = self.view.viewport().width()
        shown = dict(widths)
        for column in OPTIONAL_COLUMNS:
            if room - sum(shown.values()) >= WHAT_MIN_WIDTH:
                break
            header.setSectionHidden(column, True)
            shown.pop(column)

    def _width_changed(self, column: int, _old: int, _new: int) -> None:
        if column != WHAT_COLUMN or self._fitting or self._closed or self.model.loading:
            return
        if self.view.viewport().width() != self._fitted_width:
            self._fit_columns()  # the pane was resized: the date columns may come or go
        else:
            self.view.doItemsLayout()  # a column dragged: the wrapped rows' heights follow

    def _failed(self, message: str) -> None:
        self.running = False
        self.busy.setVisible(False)
        self.summary.setText(self.tr("The dashboard could not be loaded: {reason}").format(
            reason=message))

    def _summary_text(self, board: Dashboard) -> str:
        by_key = {s.key: s for s in board.sections}
        counted = self.tr("{title}: {count}")
        parts = [counted.format(title=by_key[k].title, count=f"{by_key[k].count:,}") for k in
                 ("overdue", "limit_7_days", "window_open") if k in by_key]
        who = self.tr("my cases") if board.consultant_id is not None else self.tr("all cases")
        # Advice every row of a section would repeat: once here, in full (the rows keep it
        # in their tooltips).
        noted = self.tr("{title}: {note}")
        notes = [noted.format(title=s.title, note=s.note) for s in board.sections
                 if s.count and repeats_note(s)]
        return "\n".join([f"{board.today} · {who} · " + " · ".join(parts), *notes])

    def wait(self) -> None:
        self._pool.waitForDone()

    def shutdown(self) -> None:
        """The window is closing: drop queued jobs, wait for the running one, start no more."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self.running = self._again = False

    # Acting on rows -------------------------------------------------------------------
    def selected_row(self) -> DashboardRow | None:
        value = self.view.currentIndex().data(OBJECT_ROLE)
        return value if isinstance(value, DashboardRow) else None

    def _activated(self, index: QModelIndex) -> None:
        key = index.data(MORE_ROLE)
        if key and self.current is not None:
            board = self.current
            rows = section_rows(self.ctx.store, str(key), board.today, board.consultant_id,
                                offset=self.model.loaded(str(key)))
            self.model.append_rows(str(key), rows)
            self.view.expand(self.model.section_index(str(key)))

    def snooze_selected(self) -> None:
        """Offer the snoozes the service allows for the selected row's reminder."""
        row = self.selected_row()
        if row is None or row.reminder_id is None:
            self.prompts.info(self._parent, self.tr("Snooze"),
                              self.tr("Select a row with an open reminder."))
            return
        until = ask_snooze_until(self.ctx, self.prompts, self._parent, row.reminder_id,
                                 f"{row.reference} {row.client_name}")
        if until is None:
            return
        self._set(row, ReminderState.SNOOZED, until)

    def done_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.reminder_id is None:
            self.prompts.info(self._parent, self.tr("Mark done"),
                              self.tr("Select a row with an open reminder."))
            return
        self._set(row, ReminderState.DONE, None)

    def _set(self, row: DashboardRow, state: ReminderState, until: date | None) -> None:
        assert row.reminder_id is not None
        try:
            set_reminder_state(self.ctx.store, row.reminder_id, state, actor=self.ctx.actor,
                               until=until)
        except ValidationError as exc:
            self.prompts.error(self._parent, self.tr("Reminder not changed"), error_text(exc))
            return
        self.caseActedOn.emit(row.case_id)
