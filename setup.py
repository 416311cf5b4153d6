"""Only what pyproject.toml cannot say: the .qm translations are built with the package.

``build_py`` runs ``pyside6-lrelease`` (packaging/translations.py) on
``resources/translations/*.ts`` into the build tree, so a wheel ships
``hkcase/resources/translations/hkcase_<lang>.qm`` and the repository holds only the
.ts sources. An editable install uses the checkout's own resources/translations, where
scripts/bootstrap.sh builds them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup  # type: ignore[import-untyped]
from setuptools.command.build_py import build_py  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent


def _translations() -> ModuleType:
    # Loaded by path: "packaging" is also the name of the PyPI package setuptools uses.
    spec = importlib.util.spec_from_file_location("hkcase_translations",
                                                  ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):  # type: ignore[misc]
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        out = Path(self.build_lib) / "hkcase" / "resources" / "translations"
        for qm in _translations().release(out):
            self.announce(f"built {qm}", level=2)


setup(cmdclass={"build_py": BuildPyWithTranslations})
