"""Client editor, new-case dialog and settings, driven as a consultant would."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.config.settings import load_settings
from hkcase.domain.vocab import Residence, Scheme, Sex, TravelDocumentType
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.gui.dialogs.new_case import NewCaseDialog
from hkcase.gui.dialogs.settings import SettingsDialog
from hkcase.services.records import ClientInput, TravelDocumentInput, create_client
from hkcase.store.models import Case, Client, Education, Employment, Relationship
from tests.gui_support import ScriptedPrompts, app_context, type_text

ctx = app_context(None)


def _count(ctx: AppContext, model: type) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _fill(qtbot: QtBot, dialog: ClientDialog, *, family: str = "Lee", dob: str = "1992-03-04",
          passport: str = "K7654321") -> None:
    qtbot.keyClicks(dialog.familyEdit, family)
    qtbot.keyClicks(dialog.givenEdit, "Ka Yan")
    type_text(dialog.chineseEdit, "李嘉欣")
    qtbot.keyClicks(dialog.dobEdit, dob)
    qtbot.keyClicks(dialog.nationalityEdit, "GB")
    # Sex and residence have no default: the consultant picks them.
    dialog.sexCombo.setCurrentIndex(dialog.sexCombo.findData(Sex.FEMALE))
    dialog.residenceCombo.setCurrentIndex(dialog.residenceCombo.findData(Residence.OVERSEAS))
    dialog.docTypeCombo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.docNumberEdit, passport)


def _press_save(qtbot: QtBot, dialog: ClientDialog) -> None:
    """Press the dialog's Save button, as the consultant does."""
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_validation_as_you_type(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ClientDialog(ctx, ScriptedPrompts())
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog)
    save = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    qtbot.keyClicks(dialog.hkidEdit, "A123456(4)")
    assert dialog.hkidEdit.property("invalid") is True
    assert "wrong check character" in dialog.messageLabel.text()
    assert not save.isEnabled()
    dialog.hkidEdit.clear()
    qtbot.keyClicks(dialog.hkidEdit, "A123456(3)")
    qtbot.keyClicks(dialog.mainlandEdit, "110105194912310021")
    assert dialog.mainlandEdit.property("invalid") is True
    dialog.mainlandEdit.clear()
    dialog.dobEdit.clear()
    qtbot.keyClicks(dialog.dobEdit, "1992-02-30")
    assert "not a date" in dialog.messageLabel.text()


def test_new_client_then_education_work_and_family(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ClientDialog(ctx, ScriptedPrompts())
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog)
    _press_save(qtbot, dialog)
    assert dialog.saved_client_id is not None
    assert dialog.windowTitle() == "Edit client"  # stays open for the history
    assert _count(ctx, Client) == 1
    assert dialog.historyTabs.isEnabled()
    qtbot.keyClicks(dialog.institutionEdit, "University of Oxford")
    qtbot.keyClicks(dialog.awardEdit, "2014-06-30")
    qtbot.mouseClick(dialog.addEducationButton, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.employerEdit, "Harbour Fintech Ltd")
    qtbot.keyClicks(dialog.startEdit, "2015-01-05")
    qtbot.keyClicks(dialog.incomeEdit, "1,200,000")
    qtbot.mouseClick(dialog.addEmploymentButton, Qt.MouseButton.LeftButton)
    assert (_count(ctx, Education), _count(ctx, Employment)) == (1, 1)
    assert "Oxford" in dialog.educationList.item(0).text()
    spouse = create_client(ctx.store, ClientInput(
        family_name="WONG", given_names="Mei", chinese_name="黃美", sex=Sex.FEMALE,
        date_of_birth=date(1993, 1, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="t")
    qtbot.keyClicks(dialog.relativeSearch, "WONG")
    assert dialog.relativeMatches.count() == 1
    dialog.relativeMatches.setCurrentRow(0)
    qtbot.mouseClick(dialog.linkDependantButton, Qt.MouseButton.LeftButton)
    with ctx.store.reading() as session:
        link = session.scalars(sa.select(Relationship)).one()
        assert (link.sponsor_id, link.dependant_id) == (dialog.saved_client_id, spouse)
    assert "黃美" in dialog.familyList.item(0).text()


def test_duplicate_detection_offers_the_existing_client(qtbot: QtBot, ctx: AppContext) -> None:
    existing = create_client(ctx.store, ClientInput(
        family_name="LEE", given_names="Someone", sex=Sex.FEMALE, date_of_birth=date(1980, 1, 1),
        nationality="GB", residence=Residence.OVERSEAS, travel_documents=[TravelDocumentInput(
            TravelDocumentType.PASSPORT, "K7654321", "GB")]), actor="t")
    prompts = ScriptedPrompts()
    prompts.choices = [0]  # "Open the existing client"
    dialog = ClientDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog)
    _press_save(qtbot, dialog)
    assert "same travel document K7654321" in prompts.asked[-1][1]
    assert _count(ctx, Client) == 1
    assert dialog.client_id == existing
    assert dialog.givenEdit.text() == "Someone"


def test_new_case_dialog_suggests_and_creates(qtbot: QtBot, ctx: AppContext) -> None:
    client = create_client(ctx.store, ClientInput(
        family_name="CHEUNG", given_names="Wing", chinese_name="張穎", sex=Sex.FEMALE,
        date_of_birth=date(1994, 5, 5), nationality="CN", residence=Residence.MAINLAND_CHINA),
        actor="t")
    dialog = NewCaseDialog(ctx, ScriptedPrompts())
    qtbot.addWidget(dialog)
    type_text(dialog.clientSearch, "張")
    qtbot.waitUntil(lambda: dialog.clientList.count() == 1)
    dialog.clientList.setCurrentRow(0)
    assert dialog.suggestionLabel.text().startswith("Suggested:")
    dialog.schemeCombo.setCurrentIndex(dialog.schemeCombo.findData(Scheme.TTPS))
    dialog.create()
    assert dialog.created_case_id is not None
    with ctx.store.reading() as session:
        case = session.get_one(Case, dialog.created_case_id)
        assert (case.client_id, case.scheme) == (client, Scheme.TTPS)


def test_settings_are_saved(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.nameEdit.clear()
    qtbot.keyClicks(dialog.nameEdit, "Amy Chan")
    dialog.leadEdit.clear()
    qtbot.keyClicks(dialog.leadEdit, "90, thirty")
    save = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok) or \
        dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "whole numbers" in dialog.messageLabel.text()
    assert not load_settings(ctx.locations.settings_file).consultant_name  # nothing written
    dialog.leadEdit.clear()
    qtbot.keyClicks(dialog.leadEdit, "90, 30")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = load_settings(ctx.locations.settings_file)
    assert (saved.consultant_name, saved.reminder_lead_days) == ("Amy Chan", [90, 30])
    assert ctx.actor == "Amy Chan"


def test_crash_report_is_copyable_and_masks_identity_numbers() -> None:
    from hkcase.gui.support.crash import crash_report

    try:
        raise RuntimeError("could not save passport E12345678")
    except RuntimeError as exc:
        report = crash_report(type(exc), exc, exc.__traceback__)
    assert "RuntimeError" in report and "test_gui_dialogs.py" in report
    assert "E12345678" not in report


def test_the_shipped_chinese_font_is_registered(qtbot: QtBot) -> None:
    from hkcase.gui.launch import register_fonts

    assert "AR PL UMing HK" in register_fonts()
