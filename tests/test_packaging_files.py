"""The desktop entry and the PyInstaller spec name what the app really has."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_desktop_entry_is_well_formed() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "packaging" / "hkcase.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "hkcase"
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"].endswith(";")


def test_pyinstaller_spec_ships_every_data_folder() -> None:
    spec = (ROOT / "packaging" / "hkcase.spec").read_text(encoding="utf-8")
    for folder in ('"resources"', '"ui"', '"migrations"'):
        assert folder in spec
