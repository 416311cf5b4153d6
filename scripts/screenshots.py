"""Take the screenshots in docs/screenshots: a real window on the display, Chinese names shown.

Run under Xvfb, e.g.  xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hkcase.gui.forms import app_icon, style_sheet
from hkcase.gui.launch import register_fonts
from hkcase.gui.main_window import MainWindow
from hkcase.services.checklists import create_checklist
from hkcase.services.context import open_app
from hkcase.services.demo import generate_demo
from hkcase.services.reminders import refresh_reminders

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
    register_fonts()
    with tempfile.TemporaryDirectory() as scratch:
        ctx = open_app(scratch)
        generate_demo(ctx.store, 2000, seed=2026)
        refresh_reminders(ctx.store, lead_days=ctx.settings.reminder_lead_days)
        window = MainWindow(ctx)
        window.resize(1400, 860)
        window.show()
        with_loaded = []
        window.dashboard_loaded.connect(lambda: with_loaded.append(True))
        while not with_loaded:
            app.processEvents()
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / "dashboard.png"))
        window.leftTabs.setCurrentIndex(1)
        window.searchEdit.setText("陳")
        window.apply_filter()
        window.caseTable.selectRow(0)
        app.processEvents()
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
        ctx.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
