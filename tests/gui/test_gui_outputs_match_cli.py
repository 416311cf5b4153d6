"""The GUI and the CLI print the same letter, checklist and pack for the same case.

Both call the one output service; this test guards against a rule creeping back into a
widget (the GUI once printed every checklist in Traditional Chinese while the CLI gave
Mainland residents Simplified).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.gui.main_window import MainWindow
from hkcase.services.cases.opening import open_case
from hkcase.services.records import ClientInput, StayInput, create_client
from hkcase.services.stays.listing import record_printed_stay
from tests.gui_support import ScriptedPrompts, app_context, choose_menu

ctx = app_context()


@pytest.fixture
def reference(ctx: AppContext) -> str:
    client = create_client(ctx.store, ClientInput(
        family_name="ZHANG", given_names="Wei", chinese_name="张伟", sex=Sex.MALE,
        date_of_birth=date(1991, 6, 7), nationality="CN", residence=Residence.MAINLAND_CHINA),
        actor="amy")
    ref = open_case(ctx.store, client, Scheme.ASMTP, ApplicationType.NEW, actor="amy")
    today = date.today()
    record_printed_stay(ctx.store, StayInput(ref.id, today - timedelta(days=300),
                                             today + timedelta(days=400)),
                        actor="amy", lead_days=[84, 42, 7])
    return ref.reference


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _cli(data: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), *args],
                            capture_output=True, text=True, timeout=180, env=dict(os.environ))
    assert result.returncode == 0, result.stderr


def test_letter_checklist_and_pack_are_the_same_from_menu_and_command(
        qtbot: QtBot, ctx: AppContext, reference: str, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    case_id = next(c for c in [window.cases.case_id_at(0)] if c is not None)
    window.open_case(case_id)
    gui = tmp_path / "gui"
    gui.mkdir()
    prompts.save_as = str(gui / "letter.pdf")
    choose_menu(qtbot, window, window.actionLetter)  # Case ▸ Extension reminder letter…
    prompts.choices = [1]  # the client's Chinese
    prompts.save_as = str(gui / "checklist.pdf")
    choose_menu(qtbot, window, window.actionSaveChecklist)
    prompts.save_as = str(gui / "pack.pdf")
    choose_menu(qtbot, window, window.actionExportPack)
    ctx.close()  # the CLI opens the same folder next

    cli = tmp_path / "cli"
    cli.mkdir()
    data = tmp_path / "data"
    _cli(data, "letter", reference, "-o", str(cli / "letter.pdf"))
    _cli(data, "checklist", "--case", reference, "--lang", "zh-cn", "-o",
         str(cli / "checklist.pdf"))
    _cli(data, "export-pack", reference, "-o", str(cli / "pack.pdf"))

    for name in ("letter.pdf", "checklist.pdf", "pack.pdf"):
        assert _text(gui / name) == _text(cli / name), name
    assert "张伟" in _text(gui / "letter.pdf")
    assert "文件" in _text(gui / "checklist.pdf") and "證" not in _text(gui / "checklist.pdf")
