"""What the render functions return, and writing a PDF so that a crash never leaves half a file.

Imports no reportlab: the GUI and the CLI can name these types at start-up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from hkcase.domain.errors import ValidationError
from hkcase.domain.messages import tr


@dataclass(frozen=True)
class SkippedAttachment:
    """An accepted document left out of a pack, and why (``reason``: a ``Message`` where the
    code says it, so the pack and the screen each say it in their own language)."""

    item_title: str
    original_name: str
    reason: str

    @property
    def message(self) -> str:
        """One line in the interface's language (English for the CLI)."""
        return tr("{file} ({item}) left out: {reason}", file=self.original_name,
                  item=self.item_title, reason=self.reason)


@dataclass(frozen=True)
class RenderedPdf:
    """A finished PDF: its bytes, page count, and what the consultant should know.

    ``warnings`` name characters the fonts lack, expired documents and similar;
    ``skipped`` lists attachments left out of a pack (corrupt, encrypted, missing).
    ``path`` is set when the PDF was also written to a file.
    """

    data: bytes
    pages: int
    warnings: tuple[str, ...] = ()
    skipped: tuple[SkippedAttachment, ...] = ()
    path: Path | None = None

    @property
    def all_warnings(self) -> list[str]:
        """Warnings and skipped attachments, one line each."""
        return [*self.warnings, *(s.message for s in self.skipped)]


def write_atomically(data: bytes, target: Path) -> Path:
    """Write ``data`` to ``target`` through a temporary file and a rename."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError("output", f"folder {folder} does not exist")
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        with temporary.open("xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise ValidationError("output", f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return target
