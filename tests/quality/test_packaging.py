"""A built wheel carries resources/, ui/ and the migrations, and they work installed."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import hkcase
from hkcase.store.migrate import head_revision
from tests.eligibility_support import STRONG

ROOT = Path(__file__).resolve().parents[2]


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
        "hkcase/resources/icons/tabler/LICENSE",
        "hkcase/resources/icons/tabler/device-floppy.svg",
        "hkcase/resources/icons/hicolor/16x16/apps/io.github.hkcase.hkcase.png",
        "hkcase/resources/icons/hicolor/512x512/apps/io.github.hkcase.hkcase.png",
        "hkcase/store/migrations/env.py",
        "hkcase/store/migrations/script.py.mako",
        "hkcase/store/migrations/versions/0001_initial_schema.py",
        "hkcase/resources/checklists/gep_new.toml",
        "hkcase/resources/checklists/_general.toml",
        "hkcase/resources/checklists/README.md",
        "hkcase/resources/fonts/uming.ttc",
        "hkcase/resources/fonts/ARPHICPL.TXT",
        "hkcase/resources/fonts/README.md",
        "hkcase/resources/fonts/NotoSansCJKhk-Regular-subset.otf",  # the window's Chinese
        "hkcase/resources/fonts/OFL-NotoSansCJK.txt",
        # Built by setup.py's build_py from the .ts sources (the checkout has no .qm).
        "hkcase/resources/translations/hkcase_zh_HK.qm",
        "hkcase/resources/translations/hkcase_zh_CN.qm",
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
from hkcase.gui.support.forms import form_names
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


# The one-folder PyInstaller build (packaging/build-linux.sh), run as a user would run it.
# Built once per session and cached by a hash of everything that goes into it, so a rerun
# with the same sources and packages costs nothing. Building takes about a minute on a quiet
# machine and over three when it is shared; they are part of the whole suite, and
# HKCASE_BUILD_TEST=0 skips them (a quick local run).

BUILD_INPUTS = ("hkcase", "resources", "ui", "packaging", "pyproject.toml")


def _build_key() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(dist.encode())
    for name in BUILD_INPUTS:
        top = ROOT / name
        for path in sorted([top] if top.is_file() else top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def frozen() -> Path:
    """The built ``hkcase`` executable (``dist/hkcase/hkcase`` in a cache folder)."""
    if os.environ.get("HKCASE_BUILD_TEST", "1") == "0":
        pytest.skip("HKCASE_BUILD_TEST=0: the PyInstaller build (1-3 min) is skipped")
    cache = Path(os.environ.get("HKCASE_BUILD_CACHE",
                                Path.home() / ".cache" / "hkcase" / "pyinstaller-test"))
    cache.mkdir(parents=True, exist_ok=True)
    key = _build_key()
    target = cache / key
    with open(cache / ".lock", "w") as lock:  # one build at a time across processes
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "complete").is_file():
            for old in cache.iterdir():  # keep one build: each is ~330 MB
                if old.is_dir() and old.name != "work":
                    shutil.rmtree(old, ignore_errors=True)
            result = subprocess.run(
                ["bash", str(ROOT / "packaging" / "build-linux.sh"),
                 "--distpath", str(target / "dist"), "--workpath", str(cache / "work")],
                env={**os.environ, "HKCASE_BUILD_PYTHON": sys.executable},
                capture_output=True, text=True, timeout=1800)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            (target / "complete").write_text(result.stderr[-500:], encoding="utf-8")
    executable = target / "dist" / "hkcase" / "hkcase"
    assert os.access(executable, os.X_OK)
    return executable


def _run(command: list[str | Path], tmp_path: Path, **kwargs: Any,
         ) -> subprocess.CompletedProcess[str]:
    # Not from the checkout: the build must not lean on the source tree or the venv.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
               HKCASE_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([str(part) for part in command], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=180, **kwargs)


def _source(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HKCASE_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "hkcase", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_frozen_version(frozen: Path, tmp_path: Path) -> None:
    result = _run([frozen, "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"hkcase {hkcase.__version__}"


def test_frozen_check_gives_the_same_verdicts(frozen: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(STRONG), encoding="utf-8")
    built = _run([frozen, "check", "--profile", profile, "--json"], tmp_path)
    assert built.returncode == 0, built.stderr
    source = _source("check", "--profile", str(profile), "--json", tmp_path=tmp_path)
    assert json.loads(built.stdout) == json.loads(source.stdout)
    ttps = next(r for r in json.loads(built.stdout)["results"] if r["scheme"] == "TTPS")
    assert ttps["outcome"] == "eligible" and ttps["rule_set"]["sources"]


def test_frozen_prints_a_chinese_checklist_with_embedded_fonts(frozen: Path,
                                                               tmp_path: Path) -> None:
    pdf = tmp_path / "checklist.pdf"
    result = _run([frozen, "checklist", "--scheme", "TTPS", "--type", "new", "--lang", "zh-hk",
                   "-o", pdf], tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "高端人才通行證計劃" in text
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("UMing" in name for name in fonts) and any("Vera" in name for name in fonts)


def test_frozen_search_folds_simplified_to_traditional(frozen: Path, tmp_path: Path) -> None:
    made = _run([frozen, "demo", "--clients", "30", "--seed", "7"], tmp_path)
    assert made.returncode == 0, made.stderr
    built = _run([frozen, "search", "陈", "--json"], tmp_path)  # Simplified 陈 finds 陳
    assert built.returncode == 0, built.stderr
    source = _source("search", "陈", "--json", tmp_path=tmp_path)
    assert built.stdout == source.stdout
    assert json.loads(built.stdout), "the demo data has a 陳 or 陈"


def test_frozen_window_opens_with_icons_and_a_chinese_font(frozen: Path, tmp_path: Path) -> None:
    result = _run([frozen, "--smoke-test"], tmp_path)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["painted"] and seen["dashboard_loaded"] and seen["window_icon"]
    assert seen["toolbar_actions"] >= 5 and seen["toolbar_icons"] == seen["toolbar_actions"]
    assert seen["chinese_font"], "the bundled font was not registered"
    fonts = frozen.parent / "_internal" / "hkcase" / "resources" / "fonts"
    for name in ("NotoSansCJKhk-Regular-subset.otf", "OFL-NotoSansCJK.txt", "uming.ttc",
                 "ARPHICPL.TXT"):  # each font ships with its licence
        assert (fonts / name).is_file(), name
    assert (tmp_path / "data" / "hkcase.sqlite3").is_file()  # migrated, frozen


def test_frozen_folder_installs_into_the_menu(frozen: Path, tmp_path: Path) -> None:
    folder = frozen.parent
    home = tmp_path / "home"
    result = _run(["bash", folder / "install.sh"], tmp_path)
    assert result.returncode == 0, result.stderr
    entry = home / ".local/share/applications/io.github.hkcase.hkcase.desktop"
    assert f'Exec="{frozen}"' in entry.read_text(encoding="utf-8")
    for size in (16, 48, 256, 512):
        assert (home / f".local/share/icons/hicolor/{size}x{size}/apps/"
                "io.github.hkcase.hkcase.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/io.github.hkcase.hkcase.svg"
            ).is_file()
    assert (home / ".local/bin/hkcase").resolve() == frozen.resolve()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    removed = _run(["bash", folder / "install.sh", "--uninstall"], tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists() and not (home / ".local/bin/hkcase").exists()
