"""A Chinese desktop (language setting zh_HK) tells the consultant what is wrong in Chinese:
as a field is typed, and when Save is clicked and the services refuse the client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import Residence, Sex
from hkcase.gui.dialogs.client import ClientDialog
from hkcase.store.models import AuditEntry, Client, TravelDocument
from tests.gui_support import ScriptedPrompts, app_context, started_in_chinese, type_text

ctx = app_context(None)


@pytest.fixture
def chinese(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The desktop starts as a Hong Kong consultant's does: the setting says zh_HK."""
    with started_in_chinese(ctx, monkeypatch) as app:
        yield app


def _count(ctx: AppContext, model: type) -> int:
    with ctx.store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _dialog(qtbot: QtBot, ctx: AppContext, prompts: ScriptedPrompts, *, dob: str = "1992-03-04",
            issued: str = "") -> ClientDialog:
    dialog = ClientDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.familyEdit, "Lee")
    qtbot.keyClicks(dialog.givenEdit, "Ka Yan")
    type_text(dialog.chineseEdit, "李嘉欣")
    qtbot.keyClicks(dialog.dobEdit, dob)
    qtbot.keyClicks(dialog.nationalityEdit, "GB")
    dialog.sexCombo.setCurrentIndex(dialog.sexCombo.findData(Sex.FEMALE))
    dialog.residenceCombo.setCurrentIndex(dialog.residenceCombo.findData(Residence.OVERSEAS))
    dialog.docTypeCombo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.docNumberEdit, "K7654321")
    if issued:
        qtbot.keyClicks(dialog.docIssueEdit, issued)
    return dialog


def _save_button(dialog: ClientDialog) -> QPushButton:
    return dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)


def _nothing_saved(ctx: AppContext) -> None:
    assert [_count(ctx, m) for m in (Client, TravelDocument, AuditEntry)] == [0, 0, 0]


@pytest.mark.usefixtures("chinese")
def test_a_bad_hkid_is_told_in_chinese_and_save_does_nothing(
        qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx, ScriptedPrompts())
    qtbot.keyClicks(dialog.hkidEdit, "A123456(4)")
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    shown = dialog.messageLabel.text()
    assert "香港身份證號碼A123456(4)的檢查碼不正確：A123456的檢查碼應為(3)" in shown, shown
    assert "check character" not in shown and "re-read" not in shown
    assert dialog.hkidEdit.property("invalid") is True
    assert not _save_button(dialog).isEnabled()
    _nothing_saved(ctx)


@pytest.mark.usefixtures("chinese")
def test_save_refused_by_the_services_is_told_in_chinese(
        qtbot: QtBot, ctx: AppContext) -> None:
    # Each field is well-formed, so Save is enabled; together they cannot be right.
    dialog = _dialog(qtbot, ctx, ScriptedPrompts(), issued="1980-01-01")
    assert dialog.messageLabel.text() == ""
    save = _save_button(dialog)
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    shown = dialog.messageLabel.text()
    assert "證件K7654321的簽發日期（1980年1月1日）早於客戶的出生日期（1992年3月4日）" in shown, \
        shown
    assert "issued" not in shown and "Jan" not in shown
    _nothing_saved(ctx)


@pytest.mark.usefixtures("chinese")
def test_an_unlikely_birth_date_is_asked_about_in_chinese(
        qtbot: QtBot, ctx: AppContext) -> None:
    born = date.today() - timedelta(days=365 * 10)
    prompts = ScriptedPrompts()
    prompts.confirmations = [False]  # the consultant answers No: nothing is saved
    dialog = _dialog(qtbot, ctx, prompts, dob=born.isoformat())
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert len(prompts.asked) == 1
    _, question = prompts.asked[0]
    assert question.startswith(f"{born.year}年{born.month}月{born.day}日是否正確？客戶將只有"), \
        question
    assert "作為主申請人偏年輕。" in question and "young" not in question
    _nothing_saved(ctx)


def test_an_error_names_its_field_in_words(chinese: QApplication) -> None:
    from hkcase.domain.errors import ValidationError
    from hkcase.gui.support.i18n import error_text

    shown = error_text(ValidationError("issue_date", "x"))
    assert shown == "簽發日期：x"  # not "issue_date: x"
    assert error_text(OSError("disk full")) == "disk full"
