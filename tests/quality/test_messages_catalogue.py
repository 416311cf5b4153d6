"""Every sentence the services and rules say (``domain.messages.tr``) is in the catalogue in
three languages, with the same placeholders, and the catalogue holds nothing unsaid."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from hkcase.domain.messages import catalogue

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hkcase_messages_tool",
                                                  ROOT / "packaging" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
USES = TOOL.uses()


def test_every_template_is_a_literal() -> None:
    loose = [f"{u.file}:{u.line}" for u in USES if u.template is None]
    assert not loose, f"tr() needs a literal English template: {loose}"


def test_nothing_is_said_at_import() -> None:
    """A ``tr`` at module level runs before the desktop chooses its language: English forever."""
    early = [f"{u.file}:{u.line}" for u in USES if not u.in_function]
    assert not early, f"call tr() inside a function (a constant is said in English): {early}"


def test_every_template_is_in_the_catalogue() -> None:
    known = catalogue()
    missing = sorted({f"{u.file}:{u.line}: {u.template!r}" for u in USES
                      if u.template is not None and u.template not in known})
    assert not missing, ("add these to resources/messages/*.toml "
                         f"(python packaging/messages.py missing): {missing}")


def test_the_catalogue_holds_only_what_is_said() -> None:
    """Each entry is a template the code says, or text of the shipped data file it names."""
    said = {u.template for u in USES}
    stale = []
    for e in catalogue().values():
        if e.data:
            path = ROOT / e.data
            if not path.is_file() or not _in_data(e.en, path):
                stale.append(f"{e.file}: {e.en!r} is not in {e.data}")
        elif e.en not in said:
            stale.append(f"{e.file}: {e.en!r}")
    assert not stale, f"no code or data says these any more: {stale}"


def _in_data(text: str, path: Path) -> bool:
    """Whether ``text`` is one of the strings of a TOML/JSON data file (or in its text)."""
    import json
    import tomllib

    raw = path.read_text("utf-8")
    if path.suffix in (".toml", ".json"):
        data = tomllib.loads(raw) if path.suffix == ".toml" else json.loads(raw)
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(data)
        return text in found
    return text in raw


def test_every_call_gives_the_values_its_template_names() -> None:
    wrong = []
    for use in USES:
        if use.template is None or use.keywords is None:
            continue
        needed = TOOL.fields(use.template)
        if needed != set(use.keywords):
            wrong.append(f"{use.file}:{use.line}: template names {sorted(needed)}, "
                         f"call gives {sorted(use.keywords)}")
    assert not wrong, wrong


def test_every_translation_keeps_its_placeholders() -> None:
    wrong = []
    for entry in catalogue().values():
        english = TOOL.fields(entry.en)
        for code, words in (("zh_HK", entry.zh_hk), ("zh_CN", entry.zh_cn)):
            if TOOL.fields(words) != english:
                wrong.append(f"{entry.file}: {entry.en!r} {code}: {words!r}")
    assert not wrong, wrong


def test_chinese_is_chinese() -> None:
    english_only = [f"{e.file}: {e.en!r}" for e in catalogue().values()
                    if not any("\u4e00" <= ch <= "\u9fff" for ch in e.zh_hk + e.zh_cn)
                    and any(ch.isalpha() for ch in re.sub(r"\{[^{}]*\}", "", e.en))]
    assert not english_only, f"zh_HK / zh_CN left in English: {english_only}"


def test_simplified_is_opencc_of_traditional_unless_marked() -> None:
    wrong = []
    for entry in catalogue().values():
        made = TOOL.simplified(entry.zh_hk)
        if entry.zh_cn_edited and entry.zh_cn == made:
            wrong.append(f"{entry.file}: {entry.en!r} needs no zh_CN_edited mark")
        elif not entry.zh_cn_edited and entry.zh_cn != made:
            wrong.append(f"{entry.file}: {entry.en!r}: {entry.zh_cn!r} is not {made!r} "
                         "(python packaging/messages.py simplify FILE, or mark zh_CN_edited)")
    assert not wrong, wrong


def test_no_template_is_in_two_files() -> None:
    import tomllib

    seen: dict[str, str] = {}
    twice = []
    for path in sorted((ROOT / "resources" / "messages").glob("*.toml")):
        for item in tomllib.loads(path.read_text("utf-8")).get("message", []):
            if item["en"] in seen:
                twice.append(f"{item['en']!r} in {seen[item['en']]} and {path.name}")
            seen.setdefault(item["en"], path.name)
    assert not twice, twice
