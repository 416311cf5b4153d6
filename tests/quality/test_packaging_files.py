"""The PyInstaller spec and the build script name what the app really has."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "hkcase.spec"


def test_pyinstaller_spec_is_python_and_ships_every_data_folder() -> None:
    source = SPEC.read_text(encoding="utf-8")
    ast.parse(source)
    for folder in ('root / "resources", "hkcase/resources"', 'root / "ui", "hkcase/ui"',
                   '"migrations", "hkcase/store/migrations"', 'collect_data_files("reportlab")',
                   'collect_data_files("opencc")'):
        assert folder in source, folder
    # One spec for the three systems: the Windows console program and the macOS bundle.
    assert 'name="hkcase-cli", console=True' in source
    assert "BUNDLE(" in source and 'bundle_identifier=app_id' in source


def test_windows_installer_recipe_installs_the_built_folder() -> None:
    iss = (ROOT / "packaging" / "windows" / "hkcase.iss").read_text(encoding="utf-8")
    assert r'Source: "..\..\dist\hkcase\*"' in iss
    assert "recursesubdirs" in iss and r"{app}\hkcase.exe" in iss
    assert "#define AppVersion" in iss


def test_build_script_and_readme_describe_the_same_build() -> None:
    script = (ROOT / "packaging" / "build-linux.sh").read_text(encoding="utf-8")
    assert "packaging/hkcase.spec" in script and "install.sh" in script
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    for topic in ("build-linux.sh", "Windows", "macOS", "hkcase.iss", "--smoke-test"):
        assert topic in readme, topic
