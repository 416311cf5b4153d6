"""Named conflicts in the eligibility facts, the client history and on deleting stays.

Ben's and Amy's desktops are two store handles on one SQLite file. Amy saves first;
Ben's save of the same record opens the conflict dialog (who and when, Reload, Review
the differences, then Keep mine). A delete has nothing to review: its message names
Amy and offers Reload, and nothing is deleted.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.case_facts import SPEC_BY_KEY
from hkcase.domain.vocab import ApplicationType, AuditAction, EducationLevel, Scheme
from hkcase.gui.case.eligibility_tab import EligibilityTab
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.dialogs.conflict import ConflictDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services import client_history
from hkcase.services.cases.detail import get_case
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.clients import add_education
from hkcase.services.conflicts import ADVICE
from hkcase.services.records import CaseInput, StayInput, create_case, record_stay
from hkcase.services.stays.listing import update_stay
from hkcase.store.models import AuditEntry, Education, Stay
from tests.gui_support import ScriptedPrompts, two_desktops
from tests.services.test_case_facts import gep_case

LEFT = Qt.MouseButton.LeftButton


desktops = two_desktops()


def _named(conflict: ConflictDialog | None, who: str, subject: str) -> ConflictDialog:
    assert conflict is not None
    assert conflict.isVisible() and conflict.isModal()
    assert re.fullmatch(rf"Changed by {who} at \d\d:\d\d: {re.escape(ADVICE)} "
                        rf"\({re.escape(subject)}\)", conflict.messageLabel.text()), \
        conflict.messageLabel.text()
    assert conflict.reloadButton.isVisible() and conflict.reviewButton.isVisible()
    assert not conflict.keepMineButton.isVisible()  # never without seeing the differences
    return conflict


def _table(conflict: ConflictDialog) -> list[tuple[str, str, str]]:
    model = conflict.differencesView.model()
    return [tuple(model.index(row, column).data() for column in range(3))  # type: ignore[misc]
            for row in range(model.rowCount())]


def _last_update_by(ctx: AppContext, entity: str) -> tuple[str, dict[str, Any]]:
    """The actor and changes of the newest update of ``entity`` in the audit."""
    with ctx.store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == entity, AuditEntry.action == AuditAction.UPDATE)
            .order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry.actor, dict(entry.changes)


# The eligibility facts tab ---------------------------------------------------------------

def _facts_tab(qtbot: QtBot, ctx: AppContext, case_id: int) -> EligibilityTab:
    tab = EligibilityTab(ctx, ScriptedPrompts())
    qtbot.addWidget(tab)
    tab.show_case(case_id, Scheme.GEP)
    tab.show()
    return tab


def _type_position(qtbot: QtBot, tab: EligibilityTab, text: str) -> None:
    edit = tab.fact_inputs["position"].widget
    edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)


def test_case_facts_review_then_keep_mine(qtbot: QtBot,
                                          desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    case_id = gep_case(amy.store)
    tab = _facts_tab(qtbot, ben, case_id)
    _type_position(qtbot, tab, "Senior Engineer")  # Ben types …
    save_case_facts(amy.store, case_id, load_case_facts(amy.store, case_id).version,
                    {"position": "Director"}, actor=amy.actor)  # … while Amy saves

    qtbot.mouseClick(tab.factsSaveButton, LEFT)
    conflict = _named(tab.conflict_dialog, "Amy Chow", "case 2026-000001")
    assert load_case_facts(ben.store, case_id).values["position"] == "Director"
    assert "Changed by Amy Chow" in tab.factsMessage.text()
    qtbot.mouseClick(conflict.reviewButton, LEFT)
    assert _table(conflict) == [(SPEC_BY_KEY["position"].label, "Director",
                                 "Senior Engineer")]
    qtbot.mouseClick(conflict.keepMineButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert load_case_facts(ben.store, case_id).values["position"] == "Senior Engineer"
    assert tab.factsMessage.text() == "Saved."
    assert tab.fact_inputs["position"].widget.text() == "Senior Engineer"  # type: ignore
    actor, _ = _last_update_by(ben, "case_facts")
    assert actor == "Ben Lau"


def test_case_facts_reload_shows_theirs(qtbot: QtBot,
                                        desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    case_id = gep_case(amy.store)
    tab = _facts_tab(qtbot, ben, case_id)
    _type_position(qtbot, tab, "Senior Engineer")
    save_case_facts(amy.store, case_id, load_case_facts(amy.store, case_id).version,
                    {"position": "Director"}, actor=amy.actor)
    qtbot.mouseClick(tab.factsSaveButton, LEFT)
    conflict = _named(tab.conflict_dialog, "Amy Chow", "case 2026-000001")
    qtbot.mouseClick(conflict.reloadButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert tab.fact_inputs["position"].widget.text() == "Director"  # type: ignore
    assert load_case_facts(ben.store, case_id).values["position"] == "Director"
    # Saved again from the reloaded values: no conflict any more.
    _type_position(qtbot, tab, "CTO")
    qtbot.mouseClick(tab.factsSaveButton, LEFT)
    assert tab.factsMessage.text() == "Saved."
    assert load_case_facts(ben.store, case_id).values["position"] == "CTO"


# The client's history ---------------------------------------------------------------------

def _client_dialog(qtbot: QtBot, ben: AppContext, client_id: int,
                   prompts: ScriptedPrompts | None = None) -> ClientDialog:
    dialog = ClientDialog(ben, prompts or ScriptedPrompts(), client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _show_list(dialog: ClientDialog, widget: QListWidget) -> None:
    """Bring the history tab holding ``widget`` to the front, as a click on it would."""
    tabs = dialog.historyTabs
    (index,) = [i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget)]
    tabs.setCurrentIndex(index)


def _double_click(qtbot: QtBot, widget: QListWidget, row: int) -> None:
    item = widget.item(row)
    widget.scrollToItem(item)
    point = widget.visualItemRect(item).center()
    qtbot.mouseClick(widget.viewport(), LEFT, pos=point)
    qtbot.mouseDClick(widget.viewport(), LEFT, pos=point)


def _client_with_degree(amy: AppContext) -> tuple[int, int, int]:
    """(client, case, education row) of a GEP case with one degree."""
    case_id = gep_case(amy.store)
    client_id = get_case(amy.store, case_id).client_id
    with amy.store.reading() as session:
        row = session.scalars(sa.select(Education.id)
                              .where(Education.client_id == client_id)).one()
    return client_id, case_id, row


def _amy_edits_the_degree(amy: AppContext, row: int, institution: str) -> None:
    client_history.update_row(amy.store, "education", row, {"institution": institution},
                              actor=amy.actor)


def test_a_qualification_edited_meanwhile_review_then_keep_mine(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id, _, row = _client_with_degree(amy)
    dialog = _client_dialog(qtbot, ben, client_id)
    _show_list(dialog, dialog.educationList)
    _double_click(qtbot, dialog.educationList, 0)  # loads the row into the fields
    assert dialog.institutionEdit.text() == "Univ. of Toronto"
    dialog.institutionEdit.clear()
    qtbot.keyClicks(dialog.institutionEdit, "University of Toronto")  # Ben types …
    _amy_edits_the_degree(amy, row, "U of T")  # … while Amy corrects it

    qtbot.mouseClick(dialog.addEducationButton, LEFT)
    conflict = _named(dialog.conflict_dialog, "Amy Chow", "PATEL Anika")
    assert client_history.get_row(ben.store, "education", row)["institution"] == "U of T"
    assert "Changed by Amy Chow" in dialog.messageLabel.text()
    qtbot.mouseClick(conflict.reviewButton, LEFT)
    assert _table(conflict) == [("Institution", "U of T", "University of Toronto")]
    qtbot.mouseClick(conflict.keepMineButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    saved = client_history.get_row(ben.store, "education", row)
    assert saved["institution"] == "University of Toronto"
    assert saved["level"] is EducationLevel.BACHELOR
    actor, changes = _last_update_by(ben, "education")
    assert actor == "Ben Lau"
    assert changes["institution"] == ["U of T", "University of Toronto"]  # Amy's
    assert dialog.isVisible() and dialog.messageLabel.text() == ""
    assert "University of Toronto" in dialog.educationList.item(0).text()


def test_a_qualification_edited_meanwhile_reload_shows_theirs(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id, _, row = _client_with_degree(amy)
    dialog = _client_dialog(qtbot, ben, client_id)
    _show_list(dialog, dialog.educationList)
    _double_click(qtbot, dialog.educationList, 0)
    dialog.institutionEdit.clear()
    qtbot.keyClicks(dialog.institutionEdit, "University of Toronto")
    _amy_edits_the_degree(amy, row, "U of T")
    qtbot.mouseClick(dialog.addEducationButton, LEFT)
    conflict = _named(dialog.conflict_dialog, "Amy Chow", "PATEL Anika")
    qtbot.mouseClick(conflict.reloadButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert dialog.institutionEdit.text() == "U of T"  # theirs, still being edited
    assert "Reloaded" in dialog.messageLabel.text()
    assert client_history.get_row(ben.store, "education", row)["institution"] == "U of T"
    # Saved again from the reloaded values: no conflict.
    dialog.institutionEdit.clear()
    qtbot.keyClicks(dialog.institutionEdit, "University of Toronto (St George)")
    qtbot.mouseClick(dialog.addEducationButton, LEFT)
    assert dialog.conflict_dialog is conflict  # no new one
    assert client_history.get_row(ben.store, "education", row)["institution"] == \
        "University of Toronto (St George)"


def test_deleting_a_row_a_colleague_changed_names_them_and_offers_reload(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id, _, row = _client_with_degree(amy)
    prompts = ScriptedPrompts()
    dialog = _client_dialog(qtbot, ben, client_id, prompts)
    # A second qualification, added meanwhile by Amy: the client changed.
    add_education(amy.store, client_id, actor=amy.actor, level=EducationLevel.MASTER,
                  institution="HKU", award_date=date(2019, 11, 1), full_time=True)
    _show_list(dialog, dialog.educationList)
    assert dialog.educationList.count() == 1
    dialog.educationList.setCurrentRow(0)
    prompts.confirmations = [True]  # "Delete …?"
    prompts.choices = [0]  # Reload
    qtbot.mouseClick(dialog.removeEducationButton, LEFT)
    title, text = prompts.asked[-1]
    assert title == "Not deleted"
    assert re.fullmatch(r"Not deleted: changed by Amy Chow at \d\d:\d\d \(PATEL Anika\)\. "
                        r"Reload to see their change, then delete again if it should "
                        r"still go\.", text), text
    with ben.store.reading() as session:
        assert session.get(Education, row) is not None  # nothing deleted
    assert dialog.educationList.count() == 2  # reloaded: Amy's HKU degree shows
    # Deleted again, from the reloaded client: it goes.
    (item,) = [dialog.educationList.item(i) for i in range(2)
               if "Toronto" in dialog.educationList.item(i).text()]
    dialog.educationList.setCurrentItem(item)
    prompts.confirmations = [True]
    qtbot.mouseClick(dialog.removeEducationButton, LEFT)
    with ben.store.reading() as session:
        assert session.get(Education, row) is None
    assert dialog.educationList.count() == 1


# Deleting a stay ----------------------------------------------------------------------------

def _right_click_row(qtbot: QtBot, view: QAbstractItemView, row: int, action: str) -> None:
    """Open the row's context menu with the right button and trigger ``action`` from it."""
    index = view.model().index(row, 0)
    point: QPoint = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=point)
    # Offscreen Qt does not turn a right click into a context-menu event: send it.
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)))
    menu = view.record_menu  # type: ignore[attr-defined]
    assert menu.isVisible()
    (chosen,) = [a for a in menu.actions() if a.text() == action]
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(chosen).center())


@pytest.mark.parametrize("reload", [True, False])
def test_deleting_a_stay_a_colleague_changed_names_them_and_offers_reload(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext], reload: bool) -> None:
    ben, amy = desktops
    case_id = gep_case(amy.store)
    limit = date(2027, 1, 31)
    record_stay(amy.store, StayInput(case_id, date(2026, 2, 1), limit), actor=amy.actor)
    prompts = ScriptedPrompts()
    window = MainWindow(ben, prompts)
    qtbot.addWidget(window)
    window.show()
    window.open_case(case_id)
    view = window.case_view
    view.caseTabs.setCurrentWidget(view.stayTab)
    tab = view.stays_tab
    opened = get_case(amy.store, case_id)
    update_stay(amy.store, opened.stays[0].id, {"condition_of_stay": "Employment only"},
                actor=amy.actor, lead_days=[30], expected_version=opened.version)

    prompts.confirmations = [True]
    prompts.choices = [0 if reload else None]
    tab.staysView.selectRow(0)
    _right_click_row(qtbot, tab.staysView, 0, "Delete stay…")
    title, text = prompts.asked[-1]
    assert title == "Stay not deleted"
    assert re.fullmatch(r"Not deleted: changed by Amy Chow at \d\d:\d\d "
                        r"\(case 2026-000001\)\. Reload to see their change, then delete "
                        r"again if it should still go\.", text), text
    with ben.store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Stay)) == 1
    shown = tab.stays.row_object(0).stay
    assert shown.condition_of_stay == ("Employment only" if reload else None)
    if reload:  # from the reloaded case, the delete goes through
        prompts.confirmations = [True]
        tab.staysView.selectRow(0)
        _right_click_row(qtbot, tab.staysView, 0, "Delete stay…")
        with ben.store.reading() as session:
            assert session.scalar(sa.select(sa.func.count()).select_from(Stay)) == 0
        assert tab.stays.rowCount() == 0


def test_a_new_case_for_the_conflict_tests_is_numbered_as_expected(
        desktops: tuple[AppContext, AppContext]) -> None:
    """The subjects above name "case 2026-000001": the first case opened in 2026."""
    _, amy = desktops
    case_id = gep_case(amy.store)
    assert get_case(amy.store, case_id).reference == "2026-000001"
    later = create_case(amy.store, CaseInput(get_case(amy.store, case_id).client_id,
                                             Scheme.GEP, ApplicationType.EXTENSION,
                                             date(2026, 5, 1)), actor=amy.actor)
    assert later.reference == "2026-000002"
