"""Correcting, deleting, undoing and restoring records in the GUI, driven as a consultant would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import (
    ApplicationType,
    AuditAction,
    EducationLevel,
    Residence,
    Scheme,
    Sex,
    TravelDocumentType,
)
from hkcase.gui.dialogs.checklist_item import ChecklistItemDialog
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.dialogs.records import NoteDialog, StayDialog
from hkcase.gui.dialogs.trash import TrashDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.cases.detail import get_case
from hkcase.services.checklists import create_checklist, list_checklist
from hkcase.services.clients import add_education, education_rows, get_client
from hkcase.services.documents import attach_file, list_versions
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
)
from hkcase.services.stays.listing import record_printed_stay
from hkcase.store.models import AuditEntry, Case, Client, Stay
from tests.gui_support import ScriptedPrompts, app_context, choose_menu
from tests.pdf_support import make_pdf

LEADS = [84, 42, 7]
SAVE = QDialogButtonBox.StandardButton.Save


ctx = app_context()


@pytest.fixture
def client_id(ctx: AppContext) -> int:
    return create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 5, 1),
        nationality="GB", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "K1234567", "GB",
                                              date(2020, 1, 1), date(2030, 1, 1))]),
        actor="amy")


@pytest.fixture
def case_id(ctx: AppContext, client_id: int) -> int:
    case = create_case(ctx.store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 10)), actor="amy")
    record_printed_stay(ctx.store, StayInput(case.id, date(2025, 2, 1),
                                             date.today() + timedelta(days=300)),
                        actor="amy", lead_days=LEADS)
    return case.id


def _window(qtbot: QtBot, ctx: AppContext, case_id: int | None = None
            ) -> tuple[MainWindow, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if case_id is not None:
        window.open_case(case_id)
    return window, prompts


def _count(ctx: AppContext, model: type) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _in_dialog(qtbot: QtBot, kind: type[QDialog], act: Callable[[QDialog], None]) -> list[bool]:
    """Run ``act`` on the modal dialog of type ``kind`` once it is open (exec blocks)."""
    ran: list[bool] = []

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, attempt)
            return
        act(dialog)
        ran.append(True)

    QTimer.singleShot(0, attempt)
    return ran


def _click_save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    qtbot.mouseClick(box.button(SAVE), Qt.MouseButton.LeftButton)


def _right_click_row(qtbot: QtBot, view: QAbstractItemView, row: int, action: str) -> None:
    """Open the row's context menu with the right button and trigger ``action`` from it."""
    model = view.model()
    index = model.index(row, 0)
    view.scrollTo(index)
    point: QPoint = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    # The window system turns a right click into a context-menu event; offscreen Qt does
    # not, so send the event it would have sent.
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)))
    menu = view.record_menu  # type: ignore[attr-defined]
    assert menu.isVisible()
    (chosen,) = [a for a in menu.actions() if a.text() == action]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(chosen).center())


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus in its (re-activated) window, as a click would."""
    top = widget.window()
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _press_delete(qtbot: QtBot, view: QWidget) -> None:
    _focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Delete)


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z with the focus outside any text field (a text field undoes its own typing)."""
    target = window.case_view.caseTabs if window.shown_case_id() else window.leftTabs
    _focus(qtbot, target)
    qtbot.keyClick(target, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _tab(window: MainWindow, name: str) -> None:
    """Bring a tab of the case pane to the front, as a click on it would."""
    view = window.case_view
    view.caseTabs.setCurrentWidget(getattr(view, name))


def test_the_2082_typo_is_asked_about(qtbot: QtBot, ctx: AppContext, case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    _tab(window, "stayTab")
    tab = window.case_view.stays_tab
    for edit, text in ((tab.grantedEdit, "2027-01-20"), (tab.limitEdit, "2082-11-25")):
        qtbot.keyClicks(edit, text)
    prompts.confirmations = [False]
    qtbot.mouseClick(tab.addStayButton, Qt.MouseButton.LeftButton)
    _title, question = prompts.asked[-1]
    assert question.startswith("Is 25 Nov 2082 right? The estimate is ")
    assert _count(ctx, Stay) == 1  # No: nothing saved, the typed dates stay to be corrected
    assert tab.limitEdit.text() == "2082-11-25"
    prompts.confirmations = [True]
    qtbot.mouseClick(tab.addStayButton, Qt.MouseButton.LeftButton)
    assert _count(ctx, Stay) == 2
    assert tab.stays.rowCount() == 2


def test_edit_a_stay_in_its_dialog_then_undo(qtbot: QtBot, ctx: AppContext,
                                             case_id: int) -> None:
    window, _prompts = _window(qtbot, ctx, case_id)
    _tab(window, "stayTab")
    tab = window.case_view.stays_tab
    old_limit = tab.stays.row_object(0).stay.limit_of_stay
    new_limit = old_limit + timedelta(days=31)

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, StayDialog)
        dialog.limitEdit.clear()
        qtbot.keyClicks(dialog.limitEdit, new_limit.isoformat())
        _click_save(qtbot, dialog)

    ran = _in_dialog(qtbot, StayDialog, correct)
    _right_click_row(qtbot, tab.staysView, 0, "Edit stay…")
    assert ran
    assert get_case(ctx.store, case_id).stays[0].limit_of_stay == new_limit
    assert window.actionUndo.isEnabled()
    with ctx.store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "stay", AuditEntry.action == AuditAction.UPDATE)).one()
        assert entry.changes == {"limit_of_stay": [old_limit.isoformat(),
                                                   new_limit.isoformat()]}
    _undo(qtbot, window)
    assert get_case(ctx.store, case_id).stays[0].limit_of_stay == old_limit
    assert tab.stays.row_object(0).stay.limit_of_stay == old_limit


def test_delete_a_stay_with_the_delete_key_and_undo(qtbot: QtBot, ctx: AppContext,
                                                   case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    _tab(window, "stayTab")
    tab = window.case_view.stays_tab
    tab.staysView.selectRow(0)
    _press_delete(qtbot, tab.staysView)
    _title, question = prompts.asked[-1]
    assert question.startswith("Delete stay 0 of case") and "reminders" in question
    assert tab.stays.rowCount() == 0 and _count(ctx, Stay) == 0
    choose_menu(qtbot, window, window.menuEdit.actions()[0])  # Edit ▸ Undo
    assert _count(ctx, Stay) == 1
    assert tab.stays.rowCount() == 1


def test_notes_are_corrected_and_deleted(qtbot: QtBot, ctx: AppContext, case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    _tab(window, "notesTab")
    tab = window.case_view.notes_tab
    qtbot.keyClicks(tab.noteEdit, "called the clinet")
    qtbot.mouseClick(tab.addNoteButton, Qt.MouseButton.LeftButton)
    row = next(r for r in range(tab.activityList.count())
               if "clinet" in tab.activityList.item(r).text())

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.bodyEdit.selectAll()
        qtbot.keyClicks(dialog.bodyEdit, "called the client")
        _click_save(qtbot, dialog)

    ran = _in_dialog(qtbot, NoteDialog, correct)
    _right_click_row(qtbot, tab.activityList, row, "Edit note…")
    assert ran
    texts = [tab.activityList.item(r).text() for r in range(tab.activityList.count())]
    assert len(texts) == 1 and texts[0].endswith("called the client")  # notes only: the
    # case's audited changes are the Activity tab's, not listed here again
    row = 0
    tab.activityList.setCurrentRow(row)
    _press_delete(qtbot, tab.activityList)
    assert prompts.asked[-1][1].startswith("Delete note on case")
    assert tab.activityList.count() == 0
    _undo(qtbot, window)
    assert any("called the client" in tab.activityList.item(r).text()
               for r in range(tab.activityList.count()))


def test_delete_a_case_from_the_menu_and_restore_it_from_the_trash(
        qtbot: QtBot, ctx: AppContext, case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    reference = get_case(ctx.store, case_id).reference
    choose_menu(qtbot, window, window.actionDeleteCase)
    _title, question = prompts.asked[-1]
    assert question.startswith(f"Delete case {reference}")
    assert "1 stay" in question and "reminders" in question
    assert _count(ctx, Case) == 0
    assert window.detailStack.currentIndex() == 0  # the pane no longer shows a deleted case

    def restore(dialog: QDialog) -> None:
        assert isinstance(dialog, TrashDialog)
        assert dialog.items.rowCount() == 1
        dialog.trashView.selectRow(0)
        qtbot.mouseClick(dialog.restoreButton, Qt.MouseButton.LeftButton)
        assert dialog.items.rowCount() == 0
        close = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    ran = _in_dialog(qtbot, TrashDialog, restore)
    choose_menu(qtbot, window, window.menuFile.actions()[
        [a.objectName() for a in window.menuFile.actions()].index("actionTrash")])
    assert ran
    assert get_case(ctx.store, case_id).reference == reference
    assert window.cases.row_of(case_id) is not None


def test_purge_from_the_trash_asks_and_cannot_be_undone(qtbot: QtBot, ctx: AppContext,
                                                        case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    window.leftTabs.setCurrentIndex(1)  # the Cases list
    window.caseTable.selectRow(0)
    _press_delete(qtbot, window.caseTable)
    assert _count(ctx, Case) == 0

    def purge(dialog: QDialog) -> None:
        assert isinstance(dialog, TrashDialog)
        prompts.confirmations = [True]
        qtbot.mouseClick(dialog.purgeButton, Qt.MouseButton.LeftButton)
        assert dialog.items.rowCount() == 0
        dialog.reject()

    ran = _in_dialog(qtbot, TrashDialog, purge)
    choose_menu(qtbot, window, window.actionTrash)
    assert ran and "for good" in prompts.asked[-1][1]
    _undo(qtbot, window)  # restoring a purged case is refused, with a message
    assert prompts.asked[-1][0] == "Cannot undo"
    assert _count(ctx, Case) == 0


def test_edit_the_passport_in_the_client_editor_and_undo(qtbot: QtBot, ctx: AppContext,
                                                         client_id: int, case_id: int) -> None:
    window, prompts = _window(qtbot, ctx, case_id)
    dialog = ClientDialog(ctx, prompts, client_id=client_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.historyTabs.setCurrentIndex(0)
    assert dialog.travelList.count() == 1
    dialog.travelList.setCurrentRow(0)
    _right_click_row(qtbot, dialog.travelList, 0, "Edit…")
    dialog.docNumberEdit.clear()
    qtbot.keyClicks(dialog.docNumberEdit, "K7654321")
    qtbot.mouseClick(dialog.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    assert get_case(ctx.store, case_id).passport == "K7654321"
    with ctx.store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "travel_document", AuditEntry.action == AuditAction.UPDATE)
        ).one()
        assert entry.changes == {"number": ["K1234567", "K7654321"]}
    _undo(qtbot, window)
    assert get_case(ctx.store, case_id).passport == "K1234567"


def test_edit_and_delete_education_in_the_client_editor(qtbot: QtBot, ctx: AppContext,
                                                        client_id: int) -> None:
    row_id = add_education(ctx.store, client_id, level=EducationLevel.BACHELOR,
                           institution="HKU", award_date=date(2008, 6, 1), full_time=True,
                           actor="amy")
    prompts = ScriptedPrompts()
    dialog = ClientDialog(ctx, prompts, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.historyTabs.setCurrentIndex(1)
    dialog.educationList.setCurrentRow(0)
    _focus(qtbot, dialog.educationList)
    qtbot.keyClick(dialog.educationList, Qt.Key.Key_Return)  # or a double-click
    assert dialog.institutionEdit.text() == "HKU"
    dialog.institutionEdit.clear()
    qtbot.keyClicks(dialog.institutionEdit, "The University of Hong Kong")
    qtbot.mouseClick(dialog.addEducationButton, Qt.MouseButton.LeftButton)
    assert [r.text for r in education_rows(ctx.store, client_id)] == [
        "bachelor · The University of Hong Kong · 2008-06-01"]
    version = dialog.version
    assert version == get_client(ctx.store, client_id).version
    dialog.educationList.setCurrentRow(0)
    _press_delete(qtbot, dialog.educationList)
    assert prompts.asked[-1][1].startswith("Delete bachelor from The University of Hong Kong")
    assert education_rows(ctx.store, client_id) == []
    assert row_id
    # The editor kept the version its own changes produced: saving the person still works.
    dialog.givenEdit.clear()
    qtbot.keyClicks(dialog.givenEdit, "Tai-man")
    qtbot.mouseClick(dialog.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    assert get_client(ctx.store, client_id).data.given_names == "Tai-man"


def test_a_new_client_needs_a_sex_and_residence_and_a_child_principal_is_asked(
        qtbot: QtBot, ctx: AppContext) -> None:
    prompts = ScriptedPrompts()
    dialog = ClientDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.familyEdit, "Lee")
    qtbot.keyClicks(dialog.givenEdit, "Ka Yan")
    born = date.today().replace(year=date.today().year - 10, day=1)
    qtbot.keyClicks(dialog.dobEdit, born.isoformat())
    qtbot.keyClicks(dialog.nationalityEdit, "GB")
    assert dialog.sexCombo.currentData() is None and dialog.residenceCombo.currentData() is None
    assert "choose the sex" in dialog.messageLabel.text()
    assert not dialog.buttonBox.button(SAVE).isEnabled()
    dialog.sexCombo.setCurrentIndex(dialog.sexCombo.findData(Sex.FEMALE))
    dialog.residenceCombo.setCurrentIndex(dialog.residenceCombo.findData(Residence.OVERSEAS))
    assert dialog.buttonBox.button(SAVE).isEnabled()
    prompts.confirmations = [False]
    qtbot.mouseClick(dialog.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    assert "young for a principal applicant" in prompts.asked[-1][1]
    assert _count(ctx, Client) == 0
    prompts.confirmations = [True]
    qtbot.mouseClick(dialog.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    assert _count(ctx, Client) == 1


def test_checklist_item_details_files_and_delete(qtbot: QtBot, ctx: AppContext, case_id: int,
                                                 tmp_path: Path) -> None:
    create_checklist(ctx.store, case_id, actor="amy")
    first = list_checklist(ctx.store, case_id)[0]
    attach_file(ctx.store, ctx.locations.attachments_dir, first.id,
                make_pdf(tmp_path / "a.pdf"), actor="amy")
    attach_file(ctx.store, ctx.locations.attachments_dir, first.id,
                make_pdf(tmp_path / "b.pdf", label="b"), actor="amy")
    window, prompts = _window(qtbot, ctx, case_id)
    _tab(window, "checklistTab")
    panel = window.case_view.checklist
    panel.itemsView.selectRow(0)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ChecklistItemDialog)
        dialog.titleEnEdit.clear()
        qtbot.keyClicks(dialog.titleEnEdit, "Passport (all pages)")
        dialog.versionsList.setCurrentRow(1)  # version 1
        qtbot.keyClicks(dialog.versionExpiryEdit, "2031-01-01")
        qtbot.mouseClick(dialog.saveVersionButton, Qt.MouseButton.LeftButton)
        dialog.versionsList.setCurrentRow(0)  # version 2
        qtbot.mouseClick(dialog.deleteVersionButton, Qt.MouseButton.LeftButton)
        assert dialog.versionsList.count() == 1
        _click_save(qtbot, dialog)

    ran = _in_dialog(qtbot, ChecklistItemDialog, edit)
    qtbot.mouseClick(panel.detailsButton, Qt.MouseButton.LeftButton)
    assert ran
    (version,) = list_versions(ctx.store, first.id)
    assert (version.version_no, version.expiry_date) == (1, date(2031, 1, 1))
    assert panel.items.row_object(0).title_en == "Passport (all pages)"
    count = panel.items.rowCount()
    panel.itemsView.selectRow(0)
    _press_delete(qtbot, panel.itemsView)
    assert "With it: 1 file." in prompts.asked[-1][1]
    assert panel.items.rowCount() == count - 1
    _undo(qtbot, window)
    assert panel.items.rowCount() == count


def test_family_list_has_a_context_menu(qtbot: QtBot, ctx: AppContext, client_id: int) -> None:
    dialog = ClientDialog(ctx, ScriptedPrompts(), client_id=client_id)
    qtbot.addWidget(dialog)
    for widget in (dialog.travelList, dialog.educationList, dialog.employmentList,
                   dialog.familyList):
        assert isinstance(widget, QListWidget)
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
