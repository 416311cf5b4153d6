"""The main window's first size: 1280×800 where the screen has room, and never off-screen.

Every tab of the case pane shows at 1024 px and up (``tests/gui/test_gui_layout.py``). On a
screen no larger than that the window opens maximised (a laptop's 1280×800 or 1366×768
leaves no room for a frame around 1280×800); on a large screen it opens at 80 % of it,
centred, and the splitter shares the extra width between the list and the case.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
#: Platforms without a real screen (tests, the packaging smoke test): the default size.
HEADLESS = ("offscreen", "minimal")


def default_size(available: QSize) -> QSize:
    """1280×800, the whole available area where it is smaller, 80 % of a large screen."""
    width = min(available.width(), max(DEFAULT_SIZE.width(), available.width() * 4 // 5))
    height = min(available.height(), max(DEFAULT_SIZE.height(), available.height() * 17 // 20))
    return QSize(width, height)


def fit_to_screen(window: QWidget) -> None:
    """Size ``window`` for its screen before it is first shown (maximised on a small one)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() in HEADLESS:
        window.resize(DEFAULT_SIZE)
        return
    available = screen.availableGeometry()
    size = default_size(available.size()).expandedTo(window.minimumSize())
    window.resize(size)
    window.move(available.center() - QPoint(size.width() // 2, size.height() // 2))
    if size.width() >= available.width() or size.height() >= available.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
