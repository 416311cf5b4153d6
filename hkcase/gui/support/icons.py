"""Every icon the window shows: the application icon and the Tabler set in ``resources/icons``.

Icons are asked for by meaning (``icon("save")``), never by file. The Tabler SVGs draw in
``currentColor``; it is replaced by the palette's text colour (states keep their own colour)
and each icon is rendered once per size, so no SVG plug-in is needed at run time (frozen
builds included) and disabled actions get Qt's greyed variant for free.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLineEdit, QMainWindow, QToolBar

from hkcase.domain.resources import resource

#: Meaning → Tabler icon (``resources/icons/tabler/<name>.svg``, MIT licence beside them).
ICONS: dict[str, str] = {
    "new_case": "folder-plus",
    "new_client": "user-plus",
    "edit_client": "user-edit",
    "save": "device-floppy",
    "refresh": "refresh",
    "export_pack": "file-export",
    "print": "printer",
    "search": "search",
    "settings": "settings",
    "undo": "arrow-back-up",
    "trash": "trash",
    "delete_case": "folder-x",
    "delete_client": "user-x",
    "import": "file-import",
    "upload_set": "cloud-upload",
    "calendar": "calendar",
    "warning": "alert-triangle",
    "ok": "circle-check",
    "error": "circle-x",
    "quit": "logout",
    "about": "info-circle",
    "shortcuts": "keyboard",
    "letter": "mail",
    "checklist": "list-check",
    "bulk_export": "files",
    "consultants": "users",
}

#: States are recognised by colour as well as shape (colours readable on light and dark).
STATE_COLOURS = {"warning": "#b26a00", "ok": "#2e7d32", "error": "#c62828"}

#: Actions of the main window (object names from ``ui/main_window.ui`` and the installers).
ACTION_ICONS: dict[str, str] = {
    "actionNewCase": "new_case",
    "actionNewClient": "new_client",
    "actionEditClient": "edit_client",
    "actionRefresh": "refresh",
    "actionSettings": "settings",
    "actionTrash": "trash",
    "actionQuit": "quit",
    "actionUndo": "undo",
    "actionDeleteCase": "delete_case",
    "actionDeleteClient": "delete_client",
    "actionExportPack": "export_pack",
    "actionPrintPack": "print",
    "actionSaveChecklist": "checklist",
    "actionPrintChecklist": "print",
    "actionLetter": "letter",
    "actionBulkExport": "bulk_export",
    "actionBulkChecklists": "checklist",
    "actionImport": "import",
    "actionPrepareUploadSet": "upload_set",
    "actionShortcuts": "shortcuts",
    "actionAbout": "about",
    "actionConsultants": "consultants",
}

#: Menus draw at 16 px, the toolbar at 20, line-edit buttons near 24; rendered per screen
#: scale (parsing costs ~1 ms an icon, so the 25 icons cost ~25 ms at start-up).
RENDER_SIZES = (16, 20, 24)
TOOLBAR_ICON_SIZE = 20
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ICON_ID = "io.github.hkcase.hkcase"

_cache: dict[tuple[str, str], QIcon] = {}


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return "#26323d"
    return app.palette().color(QPalette.ColorRole.WindowText).name()


def _sizes() -> tuple[int, ...]:
    app = QGuiApplication.instance()
    scale = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    return tuple(sorted({*RENDER_SIZES, *(round(size * scale) for size in RENDER_SIZES)}))


def _render(svg: bytes, sizes: tuple[int, ...]) -> QIcon:
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("not a valid SVG icon")
    result = QIcon()
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result


def icon(name: str) -> QIcon:
    """The icon for ``name`` (a key of ``ICONS``), coloured for the current palette."""
    colour = STATE_COLOURS.get(name) or _text_colour()
    key = (name, colour)
    if key not in _cache:
        svg = resource(f"icons/tabler/{ICONS[name]}.svg").read_bytes()
        _cache[key] = _render(svg.replace(b"currentColor", colour.encode()), _sizes())
    return _cache[key]


def app_icon() -> QIcon:
    """The application icon: the PNGs of each standard size, sharp where small."""
    key = ("app", "")
    if key not in _cache:
        result = QIcon()
        for size in APP_ICON_SIZES:
            png = resource(f"icons/hicolor/{size}x{size}/apps/{APP_ICON_ID}.png")
            pixmap = QPixmap()
            if pixmap.loadFromData(png.read_bytes(), "PNG"):
                result.addPixmap(pixmap)
        if result.isNull():  # PNGs not rendered yet: the SVG itself
            result = _render(resource("icons/hkcase.svg").read_bytes(), (64, 256))
        _cache[key] = result
    return _cache[key]


def apply_window_icons(window: QMainWindow) -> None:
    """Give the main window's actions their icons; toolbars show icon and text."""
    for toolbar in window.findChildren(QToolBar):
        toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in window.findChildren(QAction):
        meaning = ACTION_ICONS.get(action.objectName())
        if meaning is not None:
            action.setIcon(icon(meaning))
    search = getattr(window, "searchEdit", None)
    if isinstance(search, QLineEdit):
        search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
