"""Render the application icon (``resources/icons/hkcase.svg``) to the hicolor PNG sizes.

Run after changing the SVG: ``QT_QPA_PLATFORM=offscreen python packaging/render_icons.py``.
The PNGs (``resources/icons/hicolor/NxN/apps/``) and the Windows ``.ico`` are committed:
the desktop entry, AppStream and the macOS icon use them, and small sizes need no SVG
renderer at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.hkcase.hkcase"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.read_bytes()))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(ICONS / "hkcase.svg", size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    from PIL import Image  # the Windows icon (packaging/windows/hkcase.ico), all sizes in one

    ico = ROOT / "packaging" / "windows" / "hkcase.ico"
    Image.open(ICONS / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").save(
        ico, sizes=[(size, size) for size in SIZES if size <= 256])
    print(ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
