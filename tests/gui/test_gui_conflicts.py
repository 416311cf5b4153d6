"""Two desktops, one database: the second save opens the named conflict, never overwrites.

Ben's desktop has the client (or the stay) open in its dialog; Amy's desktop, a
second store handle on the same SQLite file, saves it first. Ben clicks Save and the
conflict dialog says who and when; Review the differences shows both values; Keep
mine saves Ben's over Amy's (audited); Reload shows Amy's.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, AuditAction, Residence, Scheme, Sex
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.dialogs.conflict import ConflictDialog
from hkcase.gui.dialogs.records import StayDialog
from hkcase.gui.main_window import MainWindow
from hkcase.services.cases.detail import get_case
from hkcase.services.clients import get_client, update_client
from hkcase.services.conflicts import ADVICE
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
    update_case,
)
from hkcase.services.stays.listing import update_stay
from hkcase.store.models import AuditEntry, Client
from tests.gui_support import ScriptedPrompts, two_desktops

LEFT = Qt.MouseButton.LeftButton


desktops = two_desktops()


def _client(ctx: AppContext) -> int:
    return create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG), actor=ctx.actor)


def _amy_sets_the_phone(amy: AppContext, client_id: int) -> None:
    record = get_client(amy.store, client_id)
    update_client(amy.store, client_id, record.version,
                  dataclasses.replace(record.data, phone="+852 9123 4567"), actor=amy.actor)


def _saved(ctx: AppContext, client_id: int) -> tuple[str | None, str | None]:
    """The client's phone and e-mail as stored."""
    with ctx.store.reading() as session:
        client = session.get_one(Client, client_id)
        return client.phone, client.email


def _conflict_after_save(qtbot: QtBot, dialog: ClientDialog | StayDialog) -> ConflictDialog:
    qtbot.mouseClick(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save), LEFT)
    conflict = dialog.conflict_dialog
    assert conflict is not None
    qtbot.waitUntil(conflict.isVisible)
    assert conflict.isModal()
    return conflict


def _named(conflict: ConflictDialog, who: str, subject: str) -> None:
    assert re.fullmatch(rf"Changed by {who} at \d\d:\d\d: {re.escape(ADVICE)} "
                        rf"\({re.escape(subject)}\)", conflict.messageLabel.text()), \
        conflict.messageLabel.text()
    assert conflict.reloadButton.isVisible() and conflict.reviewButton.isVisible()
    assert not conflict.keepMineButton.isVisible()  # never without seeing the differences


def _table(conflict: ConflictDialog) -> list[tuple[str, str, str]]:
    model = conflict.differencesView.model()
    return [tuple(model.index(row, column).data() for column in range(3))  # type: ignore[misc]
            for row in range(model.rowCount())]


def test_review_then_keep_mine_saves_over_the_colleague(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id = _client(amy)
    dialog = ClientDialog(ben, ScriptedPrompts(), client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.emailEdit, "chan@example.com")  # Ben types …
    _amy_sets_the_phone(amy, client_id)  # … while Amy saves the client

    conflict = _conflict_after_save(qtbot, dialog)
    _named(conflict, "Amy Chow", "CHAN Tai Man")
    assert _saved(ben, client_id) == ("+852 9123 4567", None)  # nothing overwritten
    assert dialog.isVisible() and dialog.emailEdit.text() == "chan@example.com"

    qtbot.mouseClick(conflict.reviewButton, LEFT)
    assert conflict.differencesView.isVisible(), conflict.reviewNote.text()
    header = conflict.differencesView.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "Theirs (Amy Chow)"
    assert _table(conflict) == [("E-mail", "—", "chan@example.com"),
                                ("Phone", "+852 9123 4567", "—")]
    assert conflict.keepMineButton.isVisible()

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(conflict.keepMineButton, LEFT)
    assert _saved(ben, client_id) == (None, "chan@example.com")
    with ben.store.reading() as session:
        entry = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.entity == "client", AuditEntry.action == AuditAction.UPDATE)
            .order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.actor == "Ben Lau"
        assert entry.changes["phone"] == ["+852 9123 4567", None]  # Amy's value, in the audit


def test_reload_shows_the_colleagues_values_and_saves_nothing(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id = _client(amy)
    dialog = ClientDialog(ben, ScriptedPrompts(), client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.emailEdit, "chan@example.com")
    _amy_sets_the_phone(amy, client_id)
    audits = _audit_count(ben)

    conflict = _conflict_after_save(qtbot, dialog)
    qtbot.mouseClick(conflict.reloadButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert dialog.phoneEdit.text() == "+852 9123 4567"  # theirs
    assert dialog.emailEdit.text() == ""  # mine dropped
    assert "Reloaded" in dialog.messageLabel.text()
    assert _audit_count(ben) == audits
    # Saved again from the reloaded values: no conflict any more.
    qtbot.keyClicks(dialog.emailEdit, "tm@example.com")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert _saved(ben, client_id) == ("+852 9123 4567", "tm@example.com")


def test_keep_editing_keeps_the_typed_values(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id = _client(amy)
    dialog = ClientDialog(ben, ScriptedPrompts(), client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.emailEdit, "chan@example.com")
    _amy_sets_the_phone(amy, client_id)
    conflict = _conflict_after_save(qtbot, dialog)
    qtbot.mouseClick(conflict.keepEditingButton, LEFT)
    qtbot.waitUntil(lambda: not conflict.isVisible())
    assert dialog.emailEdit.text() == "chan@example.com"
    assert "Changed by Amy Chow" in dialog.messageLabel.text()
    assert _saved(ben, client_id)[1] is None


def _audit_count(ctx: AppContext) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) or 0)


def test_a_stay_saved_by_a_colleague_meanwhile(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    client_id = _client(amy)
    case = create_case(amy.store, CaseInput(client_id, Scheme.GEP, ApplicationType.NEW,
                                            date(2026, 1, 5)), actor=amy.actor)
    limit = date(2027, 1, 31)
    record_stay(amy.store, StayInput(case.id, date(2026, 2, 1), limit), actor=amy.actor)
    opened = get_case(ben.store, case.id)  # Ben opens the stay …
    dialog = StayDialog(ben, ScriptedPrompts(), opened.stays[0], opened.version)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.conditionEdit.clear()
    qtbot.keyClicks(dialog.conditionEdit, "Employment as stated")
    update_stay(amy.store, opened.stays[0].id, {"limit_of_stay": limit + timedelta(days=1)},
                actor=amy.actor, lead_days=[30], expected_version=opened.version)

    conflict = _conflict_after_save(qtbot, dialog)
    _named(conflict, "Amy Chow", "case 2026-000001")
    qtbot.mouseClick(conflict.reviewButton, LEFT)
    assert _table(conflict) == [
        ("Limit of stay", (limit + timedelta(days=1)).isoformat(), limit.isoformat()),
        ("Condition of stay", "—", "Employment as stated")]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(conflict.keepMineButton, LEFT)
    stay = get_case(ben.store, case.id).stays[0]
    assert (stay.limit_of_stay, stay.condition_of_stay) == (limit, "Employment as stated")


def test_the_case_overview_saved_by_a_colleague_meanwhile(
        qtbot: QtBot, desktops: tuple[AppContext, AppContext]) -> None:
    ben, amy = desktops
    case = create_case(amy.store, CaseInput(_client(amy), Scheme.GEP, ApplicationType.NEW,
                                            date(2026, 1, 5)), actor=amy.actor)
    window = MainWindow(ben, ScriptedPrompts())
    qtbot.addWidget(window)
    window.show()
    window.open_case(case.id)
    view = window.case_view
    qtbot.keyClicks(view.immdEdit, "GE/1/2026")  # Ben types …
    opened = get_case(amy.store, case.id)
    update_case(amy.store, case.id, opened.version, actor=amy.actor,  # … Amy saves
                employer="Acme Ltd")
    qtbot.mouseClick(view.saveButton, LEFT)
    conflict = view.conflict_dialog
    qtbot.waitUntil(conflict.isVisible)
    _named(conflict, "Amy Chow", "case 2026-000001")
    qtbot.mouseClick(conflict.reviewButton, LEFT)
    assert _table(conflict) == [("ImmD file reference", "—", "GE/1/2026"),
                                ("Employer", "Acme Ltd", "—")]
    qtbot.mouseClick(conflict.reloadButton, LEFT)  # theirs
    qtbot.waitUntil(lambda: view.employerEdit.text() == "Acme Ltd")
    assert view.immdEdit.text() == ""
    assert get_case(ben.store, case.id).immd_file_ref is None

    qtbot.keyClicks(view.immdEdit, "GE/2/2026")
    update_case(amy.store, case.id, get_case(amy.store, case.id).version, actor=amy.actor,
                employer="Acme Holdings Ltd")
    qtbot.mouseClick(view.saveButton, LEFT)
    conflict = view.conflict_dialog
    qtbot.waitUntil(conflict.isVisible)
    qtbot.mouseClick(conflict.reviewButton, LEFT)
    qtbot.mouseClick(conflict.keepMineButton, LEFT)  # mine, over Amy's second save
    qtbot.waitUntil(lambda: view.overviewMessage.text() == "Saved.")
    saved = get_case(ben.store, case.id)
    assert (saved.immd_file_ref, saved.employer) == ("GE/2/2026", "Acme Ltd")
