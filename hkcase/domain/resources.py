"""The one way to reach data shipped inside the package (``resources/``, ``ui/``, migrations).

Most readers want bytes or text: ``resource(name).read_text()`` works from a wheel, an
editable install and a PyInstaller bundle alike. A few consumers need a real file on disk
(Qt's and reportlab's font loaders, Alembic's script directory): ``resource_path`` gives one,
the file itself where it is on disk (always, frozen included), a copy kept for the life of
the process where the package is zipped.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

RESOURCES = "hkcase.resources"

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(name: str, package: str = RESOURCES) -> Traversable:
    """The shipped file or folder ``name`` (``"fonts/uming.ttc"``) of ``package``."""
    return files(package).joinpath(name)


def resource_path(name: str, package: str = RESOURCES) -> Path:
    """A file-system path to the shipped file or folder ``name`` of ``package``."""
    target = resource(name, package)
    if isinstance(target, Path):
        return target
    return Path(_extracted.enter_context(as_file(target)))
