"""A built wheel carries resources/, ui/ and the migrations, and they work installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hkcase.store.migrate import head_revision

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a clean copy: setuptools' build/ cache in the checkout can hold
    # files that no longer exist.
    source = tmp_path_factory.mktemp("source") / "hkcase"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(out), str(source)],
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
        "hkcase/resources/checklists/gep_new.toml",
        "hkcase/resources/checklists/_general.toml",
        "hkcase/resources/checklists/README.md",
        "hkcase/resources/fonts/uming.ttc",
        "hkcase/resources/fonts/ARPHICPL.TXT",
        "hkcase/resources/fonts/README.md",
    ):
        assert expected in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_every_code_package_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in sorted((ROOT / "hkcase").rglob("__init__.py")):
        module = init.relative_to(ROOT).as_posix()
        assert module in names, f"{module} is not packaged: add it to pyproject.toml"
    for source in (ROOT / "hkcase").rglob("*.py"):
        assert source.relative_to(ROOT).as_posix() in names, source


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
from hkcase.domain.eligibility import assess, parse_profile
assess(parse_profile({{}}))
"""
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    revision, forms = result.stdout.split()
    assert revision == head_revision()
    assert "main_window" in forms.split(",")
