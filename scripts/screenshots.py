"""Take the screenshots in docs/screenshots: a real window on the display, Chinese names shown.

Run under Xvfb, e.g.  xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py

English keeps the historical names (dashboard.png, case-*.png); every language, English
included, also gets ``main-<lang>.png`` (the dashboard), ``case-<lang>.png`` (a case open)
and ``settings-<lang>.png`` (the Settings dialog), lang being en, zh_HK and zh_CN.
``--languages en`` (comma-separated) limits the run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hkcase.app import AppContext, open_app
from hkcase.gui.dialogs.settings import SettingsDialog
from hkcase.gui.main_window import MainWindow
from hkcase.gui.support.fonts import install_ui_font
from hkcase.gui.support.forms import app_icon, style_sheet
from hkcase.gui.support.i18n import install_translators
from hkcase.services.checklists import create_checklist
from hkcase.services.demo.generate import generate_demo
from hkcase.services.reminders.refresh import refresh_reminders

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
LANGUAGES = ("en", "zh_HK", "zh_CN")


def _loaded_window(app: QApplication, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    window.resize(1400, 860)
    window.show()
    with_loaded: list[bool] = []
    window.dashboard_loaded.connect(lambda: with_loaded.append(True))
    while not with_loaded:
        app.processEvents()
    return window


def _open_a_case(app: QApplication, window: MainWindow) -> None:
    window.leftTabs.setCurrentIndex(1)
    window.searchEdit.setText("陳")
    window.apply_filter()
    window.caseTable.selectRow(0)
    app.processEvents()


def english_set(app: QApplication, ctx: AppContext) -> None:
    """The historical English screenshots (docs/desktop.md shows them)."""
    window = _loaded_window(app, ctx)
    window.grab().save(str(OUT / "dashboard.png"))
    _open_a_case(app, window)
    window.grab().save(str(OUT / "case-overview.png"))
    case = window.case_view.case
    assert case is not None
    create_checklist(ctx.store, case.id, actor="screenshots")
    window.open_case(case.id)
    for tab, name in ((1, "case-eligibility"), (2, "case-stay"), (3, "case-checklist")):
        window.case_view.caseTabs.setCurrentIndex(tab)
        app.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
    window.close()


def language_set(app: QApplication, ctx: AppContext, language: str) -> None:
    """The main window, a case open and the Settings dialog in ``language``."""
    install_translators(app, language)
    window = _loaded_window(app, ctx)
    window.grab().save(str(OUT / f"main-{language}.png"))
    _open_a_case(app, window)
    window.grab().save(str(OUT / f"case-{language}.png"))
    dialog = SettingsDialog(ctx, window)
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(OUT / f"settings-{language}.png"))
    dialog.close()
    window.close()
    install_translators(app, "en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args(argv)
    languages = [lang for lang in args.languages.split(",") if lang]
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
    install_ui_font(app)
    with tempfile.TemporaryDirectory() as scratch:
        ctx = open_app(scratch)
        generate_demo(ctx.store, 2000, seed=2026)
        refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
        OUT.mkdir(parents=True, exist_ok=True)
        if "en" in languages:
            english_set(app, ctx)
        for language in languages:
            language_set(app, ctx, language)
        ctx.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
