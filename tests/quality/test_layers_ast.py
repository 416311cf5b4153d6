"""The layers' import direction, read from the source (every import, also inside functions).

`test_layers.py` checks what importing a module pulls in at run time; this test reads every
``import`` statement of every module, including the deferred ones inside functions that a
run-time check never sees.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hkcase

PACKAGE = Path(hkcase.__file__).parent

#: The hkcase packages each layer may import (its own always; ``hkcase`` itself is the version).
ALLOWED = {
    "domain": {"domain"},
    "config": {"config"},
    "store": {"domain", "config", "store"},
    "printing": {"domain", "config", "printing"},
    "services": {"domain", "config", "store", "printing", "services"},
    "app": {"domain", "config", "store", "services", "app"},
    "gui": {"domain", "config", "services", "app", "gui"},
    "cli": {"domain", "config", "services", "app", "cli"},
}
#: Third-party packages a layer must not use.
BANNED = {
    "domain": {"PySide6", "sqlalchemy", "alembic", "reportlab", "pypdf", "psycopg"},
    "config": {"PySide6", "sqlalchemy", "alembic"},
    "store": {"PySide6", "reportlab", "pypdf"},
    "printing": {"PySide6", "sqlalchemy", "alembic"},
    "services": {"PySide6"},
    "app": {"PySide6"},
    "cli": {"PySide6", "sqlalchemy", "alembic"},
    "gui": {"sqlalchemy", "alembic"},
}
#: The one door from the CLI to the GUI: the command that starts the window.
EXCEPTIONS = {("cli", "hkcase.gui.launch")}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if "migrations" not in p.relative_to(PACKAGE).parts)


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` of every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # ``from hkcase import store`` imports a package by name.
            if base == "hkcase":
                found += [(node.lineno, f"hkcase.{a.name}") for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


def violations() -> list[str]:
    found: list[str] = []
    for path in _modules():
        name = _name(path)
        layer = name.split(".")[1] if name.count(".") >= 1 else ""
        if layer not in ALLOWED:
            continue  # hkcase/__init__.py, hkcase/__main__.py: the entry points
        for line, module in imports_of(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
            if top == "hkcase" and "." in module:
                target = module.split(".")[1]
                if (target in {"domain", "config", "store", "printing", "services", "app",
                               "gui", "cli"}
                        and target not in ALLOWED[layer]
                        and (layer, module) not in EXCEPTIONS):
                    found.append(where)
            elif top in BANNED.get(layer, ()):
                found.append(where)
    return found


def test_no_module_imports_from_a_layer_above_it() -> None:
    assert violations() == []


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = PACKAGE / "gui" / "main_window.py"
    seen = {module for _line, module in imports_of(sample)}
    assert "hkcase.gui.dialogs.settings" in seen  # imported inside show_settings()
    assert len(_modules()) > 150


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_every_layer_is_checked(layer: str) -> None:
    assert any(_name(p).startswith(f"hkcase.{layer}") for p in _modules())
