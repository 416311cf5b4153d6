"""The PySide6 desktop application. Thin: it calls services and shows dataclasses."""

from __future__ import annotations

import linecache
from typing import Any


def _forget_module_sources() -> None:
    """Keep PySide6's import hook from holding the source of every module imported after it.

    shiboken6 replaces ``__import__`` and, for each Python module imported after PySide6,
    reads its source with ``inspect.getsource`` to see whether it names PySide6 (for
    ``from __feature__ import …``). ``inspect`` reads through ``linecache``, which keeps
    every line of every such module: ≈ 30 MB of a GUI session's resident memory
    (SQLAlchemy, hkcase, holidays …), never handed back to the system. The hook's answer
    is kept as it was; only the cached lines are dropped. Nothing changes if PySide6's
    internals are not as expected.
    """
    try:
        from PySide6.support import feature
    except ImportError:
        return
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "hkcase_forgets_sources", False):
        return

    def uses_pyside(module: Any) -> Any:
        try:
            return check(module)
        finally:
            filename = getattr(module, "__file__", None)
            if filename:
                linecache.cache.pop(filename, None)

    uses_pyside.hkcase_forgets_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside


_forget_module_sources()
