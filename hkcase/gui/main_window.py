"""The main window (a first, minimal version: the full desktop comes with issue 5)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableView,
)

from hkcase import __version__
from hkcase.gui.forms import load_form
from hkcase.gui.models import SchemeSummaryModel
from hkcase.services.context import AppContext
from hkcase.store.queries import cases_by_scheme


class MainWindow(QMainWindow):
    """Shows what the store holds, per scheme."""

    # Filled in by load_form from ui/main_window.ui.
    titleLabel: QLabel
    subtitleLabel: QLabel
    summaryView: QTableView
    menuFile: QMenu

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        load_form("main_window", self)
        self.ctx = ctx
        self.model = SchemeSummaryModel(parent=self)
        self.summaryView.setModel(self.model)
        header = self.summaryView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summaryView.verticalHeader().setVisible(False)
        # Shortcuts then work even where the menu bar is hidden (e.g. a native macOS menu).
        self.addActions([self.actionRefresh, self.actionQuit, self.actionAbout])
        self.actionRefresh.triggered.connect(self.refresh)
        self.actionQuit.triggered.connect(self.close)
        self.actionAbout.triggered.connect(self.show_about)
        self.refresh()

    def refresh(self) -> None:
        """Reload the summary from the store."""
        with self.ctx.store.reading() as session:
            rows = cases_by_scheme(session)
        self.model.set_rows(rows)
        total = sum(r.all_cases for r in rows)
        open_cases = sum(r.open_cases for r in rows)
        self.subtitleLabel.setText(
            f"{open_cases:,} open of {total:,} cases in {self.ctx.locations.data_dir}"
        )
        self.statusBar().showMessage(
            f"Database: {self.ctx.store.location} · schema {self.ctx.store.migration.revision}"
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About hkcase",
            f"<b>hkcase {__version__}</b><br>Case tracker for Hong Kong talent-visa "
            f"consultants.<br>Data: {self.ctx.locations.data_dir}",
        )
