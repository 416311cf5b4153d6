"""Qt's translation workflow for hkcase: lupdate (sources → .ts), lrelease (.ts → .qm).

    python packaging/translations.py update    # collect strings from hkcase/gui and ui/
    python packaging/translations.py release   # build the .qm files beside the .ts
    python packaging/translations.py simplify  # zh_CN from zh_HK with OpenCC hk2s (then check)

``release`` runs at build time (setup.py's build_py) and in scripts/bootstrap.sh, so the
.qm files are never committed. The tools come with PySide6 (``pyside6-lupdate``,
``pyside6-lrelease``); docs/translations.md describes the whole workflow.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_HK", "zh_CN")


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"hkcase_{language}.ts"


class ToolMissing(RuntimeError):
    """PySide6's lupdate or lrelease is not installed where this Python can find it."""


def _tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (a venv), on PATH, or inside PySide6 itself."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is not None:
        return found
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        for binary in (name, f"{name}.exe"):
            inside = Path(spec.origin).parent / binary
            if inside.exists():
                return str(inside)
    raise ToolMissing(f"pyside6-{name} not found: building hkcase's translations needs "
                      "PySide6-Essentials in the build environment (pip wheel "
                      "--no-build-isolation from the project's venv, or install it there)")


def sources() -> list[Path]:
    """Every file with translatable strings: the GUI's Python and the Designer forms."""
    return sorted((ROOT / "hkcase" / "gui").rglob("*.py")) + sorted((ROOT / "ui").glob("*.ui"))


def update() -> None:
    """Refresh both .ts files from the sources (new strings unfinished, gone ones dropped)."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for language in LANGUAGES:
        subprocess.run([_tool("lupdate"), *files, "-no-obsolete", "-locations", "none",
                        "-target-language", language, "-ts",
                        str(ts_file(language).relative_to(ROOT))], cwd=ROOT, check=True)


def release(out_dir: Path | None = None) -> list[Path]:
    """Build ``hkcase_<lang>.qm`` from each .ts into ``out_dir`` (default: beside them)."""
    target = out_dir or TRANSLATIONS
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        qm = target / f"hkcase_{language}.qm"
        subprocess.run([_tool("lrelease"), "-silent", str(ts_file(language)), "-qm", str(qm)],
                       check=True)
        built.append(qm)
    return built


#: OpenCC's hk2s changes characters, not words: the Mainland's words for the same things
#: (checked by hand after each ``simplify``; docs/translations.md).
MAINLAND_WORDS = {
    "档案": "文件", "资料夹": "文件夹", "列印": "打印", "储存": "保存", "汇出": "导出",
    "汇入": "导入", "设定": "设置", "复原": "撤销", "上载": "上传", "回收筒": "回收站",
    "电邮": "电子邮件", "重新整理": "刷新", "试算表": "电子表格", "活页簿": "工作簿",
    "位元组": "字节", "侦测": "检测", "按两下": "双击", "快速键": "快捷键", "记录档": "日志文件",
    "预期以外": "意外", "介面": "界面", "搜寻": "搜索", "工具列": "工具栏", "月历": "日历",
    "结束(&Q)": "退出(&Q)", "说明(&H)": "帮助(&H)", "说明 ▸": "帮助 ▸", "「": "“", "」": "”",
    "资料库": "数据库", "开启": "打开", "纪录": "记录", "栏位": "字段", "载入": "加载",
    "标示": "标记",
}


def mainland(text: str) -> str:
    for hk, cn in MAINLAND_WORDS.items():
        text = text.replace(hk, cn)
    return text


def simplify() -> None:
    """Write zh_CN's translations from zh_HK's with OpenCC ``hk2s`` and ``MAINLAND_WORDS``
    (a human checks them)."""
    import opencc

    converter = opencc.OpenCC("hk2s.json")
    traditional = {(c, s): t for c, s, t in messages(ts_file("zh_HK"))}
    tree = ET.parse(ts_file("zh_CN"))
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            text = traditional.get((name, source))
            if translation is None or not text:
                continue
            translation.text = mainland(converter.convert(text))
            translation.attrib.pop("type", None)
    tree.write(ts_file("zh_CN"), encoding="utf-8", xml_declaration=True)


def messages(path: Path) -> list[tuple[str, str, str]]:
    """``(context, source, translation)`` for every message of a .ts file."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            out.append((name, message.findtext("source", ""),
                        message.findtext("translation", "") or ""))
    return out


def main(argv: list[str]) -> int:
    commands: dict[str, Callable[[], object]] = {
        "update": update, "release": release, "simplify": simplify}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        commands[argv[0]]()
    except ToolMissing as exc:
        print(f"translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
