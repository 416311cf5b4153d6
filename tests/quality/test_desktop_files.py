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
from hkcase.gui.support.icons import APP_ICON_ID, APP_ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
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



def test_metainfo_has_a_homepage_and_screenshots_shipped_in_the_repository() -> None:
    component = ET.parse(METAINFO).getroot()
    urls = {url.get("type"): url.text or "" for url in component.findall("url")}
    assert urls.get("homepage", "").startswith("https://"), "add <url type=\"homepage\">"
    images = [image.text or "" for image in component.findall("screenshots/screenshot/image")]
    assert images, "add <screenshots> (docs/screenshots/)"
    defaults = [shot for shot in component.findall("screenshots/screenshot")
                if shot.get("type") == "default"]
    assert len(defaults) == 1
    for image in images:
        assert image.startswith("https://raw.githubusercontent.com/"), image
        # …/<owner>/<repo>/<branch>/docs/screenshots/<name>.png: a file of this repository.
        path = ROOT / Path(*image.split("/")[6:])
        assert path.parent == ROOT / "docs" / "screenshots" and path.is_file(), image
        assert _png_size(path)[0] >= 620, f"{image}: software centres want ≥ 620 px wide"
