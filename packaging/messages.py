"""The services' messages catalogue (``resources/messages/*.toml``): what the code says with
``hkcase.domain.messages.tr`` and what the catalogue holds.

    python packaging/messages.py missing            # templates with no entry, as TOML stubs
    python packaging/messages.py unused             # entries no code says any more
    python packaging/messages.py simplify FILE...   # zh_CN from zh_HK (OpenCC hk2s + Mainland
                                                    # words), except entries marked zh_CN_edited

``tests/quality/test_messages_catalogue.py`` runs the same scan.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hkcase"
FOLDER = ROOT / "resources" / "messages"


@dataclass(frozen=True)
class Use:
    """One ``tr(...)`` or ``stored(...)`` call: where, its template (None: not a literal),
    its keywords."""

    file: str
    line: int
    template: str | None
    keywords: frozenset[str] | None  # None: the call passes **values
    in_function: bool = True  # False: said at import, before the language is chosen


def _imports_tr(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ImportFrom) and node.module == "hkcase.domain.messages"
               and any(alias.name in ("tr", "stored") for alias in node.names)
               for node in ast.walk(tree))


def uses(package: Path = PACKAGE) -> list[Use]:
    """Every call of ``tr`` (imported from ``hkcase.domain.messages``) under ``package``."""
    found: list[Use] = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        if not _imports_tr(tree) and path.name != "messages.py":
            continue
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inside.update(id(child) for child in ast.walk(node) if child is not node)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "stored")):
                continue
            first = node.args[0] if node.args else None
            literal = (first.value if isinstance(first, ast.Constant)
                       and isinstance(first.value, str) else None)
            names = [k.arg for k in node.keywords]
            keywords = None if None in names else frozenset(n for n in names if n)
            found.append(Use(str(path.relative_to(ROOT)), node.lineno, literal, keywords,
                             id(node) in inside))
    return [u for u in found if not (u.file.endswith("domain/messages.py")
                                     and u.template is None)]


def fields(template: str) -> set[str]:
    """The placeholder names of a ``str.format`` template."""
    import string

    return {name.split(".")[0].split("[")[0] for _, name, _, _ in
            string.Formatter().parse(template) if name}


def _mainland() -> object:
    spec = importlib.util.spec_from_file_location("hkcase_translations",
                                                  ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.mainland


def simplified(traditional: str) -> str:
    """``zh_CN`` as ``simplify`` makes it from ``zh_HK``."""
    import opencc

    mainland = _mainland()
    return mainland(opencc.OpenCC("hk2s.json").convert(traditional))  # type: ignore[operator]


def _stub(template: str) -> str:
    quoted = json.dumps(template, ensure_ascii=False)
    return f"[[message]]\nen = {quoted}\nzh_HK = \"\"\nzh_CN = \"\"\nreview = true\n"


_LINE = re.compile(r'^(zh_HK|zh_CN|zh_CN_edited)\s*=\s*(.*)$')


def simplify(path: Path) -> int:
    """Rewrite ``zh_CN`` of every entry of ``path`` not marked edited; returns how many."""
    import tomllib

    lines = path.read_text("utf-8").splitlines(keepends=True)
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if line.strip() == "[[message]]":
            blocks.append([])
        elif blocks:
            blocks[-1].append(index)
    changed = 0
    for block in blocks:
        keys: dict[str, int] = {}
        for index in block:
            match = _LINE.match(lines[index].strip())
            if match:
                keys[match.group(1)] = index
        if "zh_HK" not in keys or "zh_CN" not in keys or "zh_CN_edited" in keys:
            continue
        traditional = tomllib.loads("v = " + _LINE.match(
            lines[keys["zh_HK"]].strip()).group(2))["v"]  # type: ignore[union-attr]
        if not traditional:
            continue
        new = f"zh_CN = {json.dumps(simplified(traditional), ensure_ascii=False)}\n"
        if lines[keys["zh_CN"]] != new:
            lines[keys["zh_CN"]] = new
            changed += 1
    path.write_text("".join(lines), "utf-8")
    return changed


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from hkcase.domain.messages import catalogue

    command = argv[0] if argv else ""
    said = uses()
    if command == "missing":
        known = catalogue()
        seen: set[str] = set()
        for use in said:
            if use.template is None:
                print(f"# {use.file}:{use.line}: tr() needs a literal template", file=sys.stderr)
            elif use.template not in known and use.template not in seen:
                seen.add(use.template)
                print(f"# {use.file}:{use.line}\n{_stub(use.template)}")
        return 0
    if command == "unused":
        templates = {u.template for u in said}
        for entry in catalogue().values():
            if entry.en not in templates:
                print(f"{entry.file}: {entry.en}")
        return 0
    if command == "simplify" and len(argv) > 1:
        for name in argv[1:]:
            print(f"{name}: {simplify(Path(name))} zh_CN rewritten")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
