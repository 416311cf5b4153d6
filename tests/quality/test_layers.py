"""The import direction of the layers, checked in a fresh interpreter per module."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import hkcase

FORBIDDEN = {
    "hkcase.domain": ("PySide6", "sqlalchemy", "alembic", "hkcase.store", "hkcase.services",
                      "hkcase.gui"),
    "hkcase.store": ("PySide6", "hkcase.services", "hkcase.gui"),
    "hkcase.services": ("PySide6", "hkcase.gui"),
    "hkcase.config": ("PySide6", "sqlalchemy"),
    # The CLI starts without Qt: only ``hkcase gui`` imports it, inside the command.
    "hkcase.cli": ("PySide6", "hkcase.gui"),
}


def _modules(package: str) -> list[str]:
    module = __import__(package, fromlist=["__path__"])
    names = [package]
    for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
        if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
            continue  # run only by Alembic
        names.append(info.name)
    return names


CASES = [(layer, name) for layer in FORBIDDEN for name in _modules(layer)]


@pytest.mark.parametrize(("layer", "module"), CASES, ids=[m for _, m in CASES])
def test_module_imports_nothing_from_a_higher_layer(layer: str, module: str) -> None:
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    loaded = json.loads(result.stdout)
    leaks = [m for m in loaded for banned in FORBIDDEN[layer]
             if m == banned or m.startswith(banned + ".")]
    assert leaks == [], f"{module} pulls in {leaks[:5]}"


def test_every_layer_has_modules() -> None:
    # Guards the test above against silently checking nothing.
    assert len(CASES) >= 20
    assert hkcase.__version__
