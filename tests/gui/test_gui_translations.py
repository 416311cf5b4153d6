"""The interface in three languages (issue 15): Qt's translation workflow end to end.

- every translation in both .ts files keeps its source's placeholders and accelerators,
  and the .ts files hold every string the sources mark (lupdate finds nothing new);
- in the pseudo-locale (every string 40 % longer, accented) no label, button, check box,
  radio button or group box title of the main window, its tabs or any dialog is clipped at
  1280×800 (its ``sizeHint`` wider than its geometry);
- a start with the language setting ``zh_HK`` shows the menus in Chinese.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.config.settings import Settings, load_settings, save_settings
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.gui.support import i18n
from hkcase.gui.support.i18n import PLACEHOLDER, install_translators, pseudo
from hkcase.services.checklists import create_checklist
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.services.reminders.refresh import refresh_reminders
from tests.gui_support import ScriptedPrompts

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 800


def _translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hkcase_translations", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TS = _translations()


def _accelerators(text: str) -> int:
    """How many ``&`` mark an accelerator (``&&`` is a literal ampersand)."""
    return len(re.findall(r"(?<!&)&(?!&)", text.replace("&&", "")))


# Placeholders and accelerators ---------------------------------------------------------
@pytest.mark.parametrize("language", TS.LANGUAGES)
def test_every_translation_keeps_its_placeholders(language: str) -> None:
    messages = TS.messages(TS.ts_file(language))
    assert len(messages) > 300
    problems = []
    for context, source, translation in messages:
        where = f"{context}: {source!r} → {translation!r}"
        if not translation.strip():
            problems.append(f"untranslated {where}")
            continue
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation)):
            problems.append(f"placeholders differ in {where}")
        if _accelerators(source) != _accelerators(translation):
            problems.append(f"accelerator differs in {where}")
        if re.findall(r"<[^>]+>", source) != re.findall(r"<[^>]+>", translation):
            problems.append(f"markup differs in {where}")
        if context.startswith("QCoreApplication"):  # lupdate misread a translate() call
            problems.append(f"wrong context {where}")
    assert not problems, "\n".join(problems)


def test_the_placeholder_check_catches_a_lost_placeholder() -> None:
    assert Counter(PLACEHOLDER.findall("{count} rows")) != Counter(PLACEHOLDER.findall("行"))
    assert PLACEHOLDER.findall("%1 of {total:,}") == ["%1", "{total:,}"]
    assert _accelerators("S&tay && deadlines") == 1 and _accelerators("逗留及期限") == 0


def test_the_ts_files_hold_every_marked_string(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing the committed .ts files lack."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    files = [str(p.relative_to(ROOT)) for p in TS.sources()]
    subprocess.run([str(lupdate) if lupdate.exists() else "pyside6-lupdate", *files,
                    "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    wanted = {(c, s) for c, s, _t in TS.messages(fresh)}
    for language in TS.LANGUAGES:
        held = {(c, s) for c, s, _t in TS.messages(TS.ts_file(language))}
        missing = sorted(wanted - held)
        assert not missing, (f"run `python packaging/translations.py update` and translate: "
                             f"{missing[:10]}")


def test_the_built_translations_are_found() -> None:
    folder = Path(i18n.translations_dir())
    for language in i18n.TRANSLATED:
        assert (folder / f"hkcase_{language}.qm").is_file(), (
            "build them: python packaging/translations.py release")


# Choosing the language -----------------------------------------------------------------
def test_the_language_follows_the_environment_then_the_setting_then_the_system(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.delenv("HKCASE_LANGUAGE")
    hong_kong = QLocale(QLocale.Language.Chinese, QLocale.Country.HongKong)
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    assert i18n.chosen_language("system", hong_kong) == "zh_HK"
    assert i18n.chosen_language("system", china) == "zh_CN"
    assert i18n.chosen_language("system", QLocale(QLocale.Language.Chinese,
                                                  QLocale.Country.Taiwan)) == "zh_HK"
    assert i18n.chosen_language("system", QLocale(QLocale.Language.English)) == "en"
    assert i18n.chosen_language("zh_CN", hong_kong) == "zh_CN"
    assert i18n.chosen_language("klingon", QLocale(QLocale.Language.English)) == "en"
    monkeypatch.setenv("HKCASE_LANGUAGE", "pseudo")
    assert i18n.chosen_language("zh_HK", hong_kong) == "pseudo"


def test_a_version_1_settings_file_follows_the_system(tmp_path: Path) -> None:
    """Version 1 saved "en" without asking; from version 2 an unchosen language is "system"."""
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "consultant_name": "Amy", "language": "en"}')
    assert load_settings(path).language == "system"
    save_settings(Settings(language="zh_CN"), path)
    assert load_settings(path).language == "zh_CN"
    path.write_text('{"version": 2, "language": "fr"}')
    assert load_settings(path).language == "system"


def test_pseudo_keeps_placeholders_markup_and_accelerators() -> None:
    text = pseudo("S&ave {count} rows for %1 <b>now</b>")
    assert "{count}" in text and "%1" in text and "<b>" in text and "</b>" in text
    assert _accelerators(text) == 1
    assert len(text) >= len("S&ave {count} rows for %1 <b>now</b>") * 1.3
    assert "à" in text or "é" in text


# Windows in a language -----------------------------------------------------------------
@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = open_app(tmp_path)
    yield context
    context.close()


@pytest.fixture
def case_id(ctx: AppContext) -> int:
    client = create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", chinese_name="陳大文", sex=Sex.MALE,
        date_of_birth=date(1985, 5, 1), nationality="GB", residence=Residence.OVERSEAS),
        actor="amy")
    case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2025, 1, 10)), actor="amy")
    record_stay(ctx.store, StayInput(case.id, date(2025, 2, 1),
                                     date.today() + timedelta(days=20)),
                actor="amy", confirm=True)
    refresh_reminders(ctx.store, lead_days=[84, 42, 7])
    create_checklist(ctx.store, case.id, actor="amy")
    return case.id


@pytest.fixture
def language() -> Iterator[str]:
    """The test installs a language; afterwards the application is English again."""
    app = QApplication.instance()
    assert app is not None
    yield "pseudo"
    install_translators(app, "en")


CHECKED = (QLabel, QPushButton, QCheckBox, QRadioButton, QGroupBox)


def _clipped(root: QWidget) -> list[str]:
    """Every visible label, button, check box, radio button or group box whose text does
    not fit: wider than shown (a word-wrapped label: taller than shown at its width)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CHECKED) or not widget.isVisible():
            continue
        if isinstance(widget, QGroupBox):
            text = widget.title()
            need = widget.fontMetrics().horizontalAdvance(text.replace("&", "")) + 16
            if text and need > widget.width():
                found.append(f"group box {widget.objectName()!r} {text!r}: {need} > "
                             f"{widget.width()}")
            continue
        text = widget.text()
        if not text:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                found.append(f"wrapped label {widget.objectName()!r} {text[:60]!r}: needs "
                             f"{needed} px high, has {widget.height()}")
            continue
        hint = widget.sizeHint().width()
        if hint > widget.width():
            kind = type(widget).__name__
            found.append(f"{kind} {widget.objectName()!r} {text[:60]!r}: sizeHint {hint} > "
                         f"width {widget.width()}")
    return found


def _every_tab(root: QWidget, qtbot: QtBot, check: list[str], where: str) -> None:
    """Check ``root`` with each page of each tab widget shown in turn."""
    check += [f"{where}: {c}" for c in _clipped(root)]
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
            check += [f"{where} / {tabs.tabText(index)}: {c}"
                      for c in _clipped(tabs.widget(index))]
        tabs.setCurrentIndex(0)


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(30)


def test_no_label_is_clipped_in_the_pseudo_locale(qtbot: QtBot, ctx: AppContext, case_id: int,
                                                  language: str, tmp_path: Path) -> None:
    from hkcase.gui.dialogs.checklist_item import ChecklistItemDialog
    from hkcase.gui.dialogs.client import ClientDialog
    from hkcase.gui.dialogs.conflict import ConflictDialog
    from hkcase.gui.dialogs.consultants import ConsultantsDialog
    from hkcase.gui.dialogs.import_file import ImportDialog
    from hkcase.gui.dialogs.new_case import NewCaseDialog
    from hkcase.gui.dialogs.passphrase import PassphraseDialog
    from hkcase.gui.dialogs.records import NoteDialog, StayDialog
    from hkcase.gui.dialogs.settings import SettingsDialog
    from hkcase.gui.dialogs.shortcuts import ShortcutsDialog
    from hkcase.gui.dialogs.trash import TrashDialog
    from hkcase.gui.main_window import MainWindow
    from hkcase.services.cases.detail import add_note, get_case
    from hkcase.services.checklists import list_checklist

    app = QApplication.instance()
    assert app is not None
    install_translators(app, language)
    assert QCoreApplication.translate("MainWindow", "&File") != "&File"
    prompts = ScriptedPrompts()
    window = MainWindow(ctx, prompts)
    loaded: list[bool] = []
    window.dashboard_loaded.connect(lambda: loaded.append(True))
    window.resize(WIDTH, HEIGHT)
    _show(qtbot, window)
    qtbot.waitUntil(lambda: bool(loaded), timeout=10_000)  # the summary's text is in
    qtbot.wait(50)  # and laid out
    assert window.width() <= WIDTH and window.height() <= HEIGHT, (
        f"the window needs {window.width()}×{window.height()}")
    problems: list[str] = []
    _every_tab(window, qtbot, problems, "main window")
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    _every_tab(window.case_view, qtbot, problems, "case")

    case = get_case(ctx.store, case_id)
    note = add_note(ctx.store, case_id, "Called the client", actor="amy")
    csv = tmp_path / "clients.csv"
    csv.write_text("family_name,given_names,date_of_birth,nationality\n"
                   "WONG,Mei,1990-01-02,GB\n", encoding="utf-8")
    dialogs: list[QDialog] = [
        SettingsDialog(ctx, window), NewCaseDialog(ctx, prompts, window),
        ClientDialog(ctx, prompts, client_id=case.client_id, parent=window),
        ClientDialog(ctx, prompts, parent=window),
        StayDialog(ctx, prompts, case.stays[0], case.version, window),
        NoteDialog(ctx, prompts, note.id, window),
        ChecklistItemDialog(ctx, prompts, list_checklist(ctx.store, case_id)[0].id, window),
        TrashDialog(ctx, prompts, window), ShortcutsDialog(window),
        PassphraseDialog(window, "hkcase", "Type the passphrase.", lambda _p: None),
        ImportDialog(ctx, prompts, csv, window), ConsultantsDialog(ctx, window),
        ConflictDialog("Changed by Ben Lau at 14:32.", lambda: None, window),  # type: ignore
    ]
    for dialog in dialogs:
        _show(qtbot, dialog)
        if isinstance(dialog, ImportDialog):
            qtbot.waitUntil(lambda d=dialog: d.busy is None, timeout=5000)
        _every_tab(dialog, qtbot, problems, type(dialog).__name__)
        dialog.close()
    assert not problems, "\n".join(problems)


def test_a_start_in_traditional_chinese_shows_the_menus_in_chinese(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.gui.main_window import MainWindow

    monkeypatch.delenv("HKCASE_LANGUAGE")
    save_settings(Settings(language="zh_HK"), ctx.locations.settings_file)
    app = QApplication.instance()
    assert app is not None
    try:
        assert i18n.install_for_start(app, ctx.locations.data_dir) == "zh_HK"
        window = MainWindow(ctx, ScriptedPrompts())
        _show(qtbot, window)
        bar = window.menuBar()
        file_menu = next(a for a in bar.actions() if a.menu() is not None)
        assert file_menu.text() == "檔案(&F)"
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                         pos=bar.actionGeometry(file_menu).center())
        menu = file_menu.menu()
        assert isinstance(menu, QMenu)
        qtbot.waitUntil(menu.isVisible)
        shown = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert "設定(&S)…" in shown and "結束(&Q)" in shown, shown
        menu.close()
        assert window.leftTabs.tabText(0) == "總覽(&D)"
    finally:
        install_translators(app, "en")


def test_the_language_is_chosen_in_settings_and_kept(qtbot: QtBot, ctx: AppContext) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from hkcase.gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    _show(qtbot, dialog)
    assert dialog.languageCombo.currentData() == "system"
    assert "restart" in dialog.languageNote.text()
    dialog.languageCombo.setFocus()
    index = dialog.languageCombo.findData("zh_HK")
    while dialog.languageCombo.currentIndex() < index:
        qtbot.keyClick(dialog.languageCombo, Qt.Key.Key_Down)
    assert dialog.languageCombo.currentText() == "繁體中文（香港）"
    save = dialog.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert load_settings(ctx.locations.settings_file).language == "zh_HK"
    assert i18n.language_setting(ctx.locations.data_dir) == "zh_HK"
