"""File ▸ Consultants…, "My cases" in the case list, and colleagues' changes showing up."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.gui.dialogs.consultants import ConsultantsDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.consultants import add_consultant
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client
from hkcase.store.models import AuditEntry
from tests.gui_support import ScriptedPrompts, choose_menu, two_desktops

LEFT = Qt.MouseButton.LeftButton


desktops = two_desktops()


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window



def _case(ctx: AppContext, family: str, consultant_id: int | None) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name=family, given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG), actor=ctx.actor)
    return create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2026, 11, 2), consultant_id=consultant_id),
                       actor=ctx.actor).id


def _items(dialog: ConsultantsDialog) -> list[str]:
    return [dialog.consultantList.item(i).text() for i in range(dialog.consultantList.count())]


def _combo(window: MainWindow) -> list[str]:
    combo = window.consultantFilter
    return [combo.itemText(i) for i in range(combo.count())]


def _select(dialog: ConsultantsDialog, starts: str) -> None:
    row = next(i for i, text in enumerate(_items(dialog)) if text.startswith(starts))
    dialog.consultantList.setCurrentRow(row)


def _retype(qtbot: QtBot, dialog: ConsultantsDialog, text: str) -> None:
    dialog.nameEdit.selectAll()
    qtbot.keyClick(dialog.nameEdit, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.nameEdit, text)


def test_manage_the_consultants_from_the_file_menu(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, _ = desktops
    window = _window(qtbot, ben)
    assert _combo(window) == ["All consultants"]
    choose_menu(qtbot, window, ("File", "Consultants…"))
    dialog = window.consultants_dialog
    assert isinstance(dialog, ConsultantsDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert "not on this list yet" in dialog.meLabel.text()

    qtbot.keyClicks(dialog.nameEdit, "Ben Lau")
    qtbot.mouseClick(dialog.addButton, LEFT)
    assert _items(dialog) == ["Ben Lau · 0 cases"]
    assert "You are Ben Lau" in dialog.meLabel.text()
    for typed, refused in (("ben   LAU", "Not added — Ben Lau is already on the list"),
                           ("   ", "Not added — type the consultant's name"),
                           ("x" * 101, "Not added — a name can have at most 100 characters")):
        _retype(qtbot, dialog, typed)
        qtbot.mouseClick(dialog.addButton, LEFT)
        assert dialog.messageLabel.text().startswith(refused), dialog.messageLabel.text()
    assert _items(dialog) == ["Ben Lau · 0 cases"]  # nothing written

    _retype(qtbot, dialog, "Amy Chow")
    qtbot.keyClick(dialog.nameEdit, Qt.Key.Key_Return)  # Enter adds too
    _retype(qtbot, dialog, "Amy Chow-Lee")
    qtbot.mouseClick(dialog.renameButton, LEFT)
    assert _items(dialog) == ["Amy Chow-Lee · 0 cases", "Ben Lau · 0 cases"]
    _select(dialog, "Amy")
    assert dialog.activeButton.text() == "&Deactivate"
    qtbot.mouseClick(dialog.activeButton, LEFT)
    assert _items(dialog) == ["Ben Lau · 0 cases", "Amy Chow-Lee (inactive) · 0 cases"]
    _select(dialog, "Ben")
    _retype(qtbot, dialog, "Amy Chow-Lee")
    qtbot.mouseClick(dialog.renameButton, LEFT)
    assert "already on the list (inactive: reactivate them instead)" in \
        dialog.messageLabel.text()

    qtbot.mouseClick(dialog.buttonBox.buttons()[0], LEFT)  # Close
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # The filter follows: my cases first, the inactive consultant gone.
    assert _combo(window) == ["All consultants", "My cases (Ben Lau)", "Ben Lau"]
    with ben.store.reading() as session:
        entries = session.execute(sa.select(AuditEntry.actor, AuditEntry.action,
                                            AuditEntry.changes)
                                  .where(AuditEntry.entity == "consultant")
                                  .order_by(AuditEntry.id)).all()
    assert [(a, str(act), c) for a, act, c in entries] == [
        ("Ben Lau", "create", {"name": [None, "Ben Lau"]}),
        ("Ben Lau", "create", {"name": [None, "Amy Chow"]}),
        ("Ben Lau", "update", {"name": ["Amy Chow", "Amy Chow-Lee"]}),
        ("Ben Lau", "update", {"active": [True, False]})]


def test_reactivating_puts_them_back_on_the_filters(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, _ = desktops
    amy_id = add_consultant(ben.store, "Amy Chow", actor="setup")
    window = _window(qtbot, ben)
    choose_menu(qtbot, window, ("File", "Consultants…"))
    dialog = window.consultants_dialog
    assert isinstance(dialog, ConsultantsDialog)
    _select(dialog, "Amy")
    qtbot.mouseClick(dialog.activeButton, LEFT)
    assert dialog.activeButton.text() == "&Reactivate"
    qtbot.mouseClick(dialog.activeButton, LEFT)
    assert _items(dialog) == ["Amy Chow · 0 cases"]
    dialog.reject()
    assert window.consultantFilter.findData(amy_id) > 0


def test_my_cases_is_this_desktops_consultant(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    ben_id = add_consultant(ben.store, "Ben Lau", actor="setup")
    amy_id = add_consultant(ben.store, "Amy Chow", actor="setup")
    bens = _case(ben, "BENS", ben_id)
    _case(ben, "AMYS", amy_id)
    _case(ben, "NOBODYS", None)
    window = _window(qtbot, ben)
    assert _combo(window) == ["All consultants", "My cases (Ben Lau)", "Amy Chow", "Ben Lau"]
    assert window.cases.rowCount() == 3
    window.consultantFilter.setCurrentIndex(1)  # My cases (Ben Lau)
    assert [window.cases.case_id_at(r) for r in range(window.cases.rowCount())] == [bens]
    assert window.caseCount.text().startswith("1 case")
    # On Amy's desktop "My cases" is hers.
    other = _window(qtbot, amy)
    assert _combo(other)[1] == "My cases (Amy Chow)"


def _come_back(qtbot: QtBot, window: MainWindow) -> None:
    """Another window takes the focus, then the consultant clicks back into hkcase's."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    other.close()


def test_colleagues_changes_show_up_on_focus_and_on_the_timer(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    _case(amy, "FIRST", None)
    window = _window(qtbot, ben)
    assert window.cases.rowCount() == 1
    resets: list[bool] = []
    window.cases.modelReset.connect(lambda: resets.append(True))

    # Nothing changed: focus and ticks cost one small query each, and reload nothing.
    window.change_timer.setInterval(20)
    _come_back(qtbot, window)
    qtbot.wait(200)
    assert resets == []

    _case(amy, "SECOND", None)  # Amy, on her desktop
    qtbot.waitUntil(lambda: window.cases.rowCount() == 2, timeout=3000)  # the timer
    assert len(resets) == 1
    qtbot.wait(200)
    assert len(resets) == 1  # once per change

    window.change_timer.stop()
    _case(amy, "THIRD", None)
    _come_back(qtbot, window)  # from another window back to the main window
    qtbot.waitUntil(lambda: window.cases.rowCount() == 3, timeout=3000)
