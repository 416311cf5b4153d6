"""Owner-only files and folders: client data is nobody else's business on a shared machine."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

#: New files 0600 and folders 0700, whatever umask the user's session has.
PRIVATE_UMASK = 0o077


def private_umask() -> int:
    """Make everything this process creates owner-only; returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def tighten(path: Path, *, recursive: bool = False) -> None:
    """Remove group and other permissions from ``path`` (and, recursively, what it holds).

    Symbolic links are not followed; files that vanish or cannot be changed are skipped.
    """
    _tighten_one(path)
    if not (recursive and path.is_dir() and not path.is_symlink()):
        return
    for root, folders, files in os.walk(path):
        for name in folders + files:
            _tighten_one(Path(root) / name)


def _tighten_one(path: Path) -> None:
    with contextlib.suppress(OSError):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode) or not mode & 0o077:
            return
        os.chmod(path, stat.S_IMODE(mode) & 0o700)
