"""A built wheel carries resources/, ui/ and the migrations, and they work installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hkcase.store.migrate import head_revision

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (found,) = out.glob("hkcase-*.whl")
    return found


def test_wheel_contains_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "hkcase/ui/main_window.ui",
        "hkcase/ui/style.qss",
        "hkcase/resources/icons/hkcase.svg",
        "hkcase/store/migrations/env.py",
        "hkcase/store/migrations/script.py.mako",
        "hkcase/store/migrations/versions/0001_initial_schema.py",
    ):
        assert expected in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_finds_its_resources_and_migrates(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
         str(target), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    script = f"""
import hkcase, pathlib
from importlib.resources import files
assert pathlib.Path(hkcase.__file__).is_relative_to({str(target)!r}), hkcase.__file__
assert "<class>MainWindow</class>" in files("hkcase.ui").joinpath("main_window.ui").read_text()
assert files("hkcase.resources").joinpath("icons/hkcase.svg").read_bytes().startswith(b"<svg")
from hkcase.store import open_store
store = open_store("sqlite:///{tmp_path / 'x.sqlite3'}")
print(store.migration.revision)
from hkcase.gui.forms import form_names
print(",".join(form_names()))
"""
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    revision, forms = result.stdout.split()
    assert revision == head_revision()
    assert "main_window" in forms.split(",")
