"""Desktop integration: the menu entry, the AppStream data and the application icon."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import hkcase
from hkcase.gui.icons import APP_ICON_ID, APP_ICON_SIZES

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ICON_ID}.desktop"
METAINFO = LINUX / f"{APP_ICON_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_metainfo_passes_appstreamcli_validate() -> None:
    if shutil.which("appstreamcli") is None:
        pytest.fail("appstreamcli is missing: install Debian's appstream (scripts/bootstrap.sh "
                    "does for the tests)")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert not problems, result.stdout


def test_desktop_entry_passes_desktop_file_validate() -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_desktop_entry_and_metainfo_name_the_same_app_and_icon() -> None:
    entry = _entry()
    assert entry["Type"] == "Application" and entry["Exec"].split()[0] == "hkcase"
    assert entry["Icon"] == APP_ICON_ID
    assert entry["Categories"].endswith(";")
    assert {"Comment[zh_HK]", "Comment[zh_CN]"} <= set(entry)
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ICON_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == APP_ICON_ID
    assert component.findtext("provides/binary") == entry["Exec"].split()[0]
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == hkcase.__version__, \
        "add a <release> for the new version to the metainfo"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_application_icon_in_every_standard_size() -> None:
    assert APP_ICON_SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    for size in APP_ICON_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ICON_ID}.png"
        assert _png_size(png) == (size, size)
    svg = ET.parse(ICONS / "hkcase.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"

