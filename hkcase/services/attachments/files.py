"""The attachments folder: every file stored once under its sha256, written atomically.

Layout: ``<attachments_dir>/<sha256[:2]>/<sha256><ext>``, with ``ext`` from the
file's content (``.pdf``, ``.jpg``, ``.png``, ``.tif``). A file is copied to a
temporary name in the same folder, flushed to disk, then renamed into place, so
a crash never leaves half a file under a real name. The database keeps the path
relative to the attachments folder, so a portable data folder can move.

In an encrypted data folder (``store.crypto``) a stored file is sealed with
AES-256-GCM as it is written; its name and the database keep the sha256 of the
*plain* content, so deduplication, verification and backups by hash work the
same. Readers go through ``file_sha256`` (plain hash) and ``plain_copy`` (the
path itself, or a decrypted 0600 copy in a private temporary folder).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from hkcase.domain.messages import Message, tr
from hkcase.services.attachments import content as attachment_content
from hkcase.services.errors import ValidationError
from hkcase.store import crypto

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"

#: Accepted media types and the extension their stored files get.
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", TIFF: ".tif"}
ACCEPTED_WORDS = "PDF, JPEG, PNG or TIFF"
#: Files larger than this are refused outright (a scan is a few MB).
MAX_BYTES = 200 * 1024 * 1024
#: GovHK's online upload takes files of at most 5 MB (document_checklists.md §0.3).
ONLINE_UPLOAD_LIMIT = 5 * 1024 * 1024

_CHUNK = 1 << 20


def sniff_media_type(head: bytes) -> str | None:
    """The media type from a file's first bytes (magic numbers), or None if not accepted."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    # PDF readers accept the header anywhere in the first 1024 bytes.
    if b"%PDF-" in head[:1024]:
        return PDF
    return None


def _describe(head: bytes) -> Message:
    """A guess at what a refused file is, to make the message useful."""
    if head.startswith(b"PK\x03\x04"):
        return tr("a ZIP or Office file (DOCX, XLSX)")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return tr("an old Office file (DOC, XLS)")
    if head.startswith(b"GIF8"):
        return tr("a GIF image")
    if head.startswith(b"RIFF"):
        return tr("a WEBP image or other RIFF file")
    if head.startswith(b"{\\rtf"):
        return tr("an RTF document")
    if len(head) >= 12 and head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return tr("a HEIC photo")
    if head.lstrip()[:1] == b"<":
        return tr("a web page or XML file")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return tr("not a file type hkcase accepts")
    return tr("plain text")


#: What a file's name claims it is, by extension.
_CLAIMED = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".tif": TIFF,
            ".tiff": TIFF}


def _claimed_words(media_type: str) -> Message:
    """What a file's name says it is, in words."""
    if media_type == PDF:
        return tr("PDF")
    if media_type == JPEG:
        return tr("JPEG image")
    return tr("PNG image") if media_type == PNG else tr("TIFF image")


@dataclass(frozen=True)
class StoredFile:
    """A file now in the attachments folder."""

    sha256: str
    size_bytes: int
    media_type: str
    relative_path: str  # POSIX-style, relative to the attachments folder
    created: bool  # False when the same content was already stored


def relative_path_for(sha256: str, media_type: str) -> str:
    """Where content with this hash and type lives, relative to the attachments folder."""
    return str(PurePosixPath(sha256[:2]) / f"{sha256}{EXTENSIONS[media_type]}")


def absolute_path(attachments_dir: Path, relative_path: str) -> Path:
    """The stored file's path on this machine."""
    return attachments_dir.joinpath(*PurePosixPath(relative_path).parts)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; folders cannot be opened on Windows.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


#: What ``file_sha256`` gives for an encrypted file that fails authentication:
#: equal to no content's hash, so every "has it changed?" check says yes.
TAMPERED = "tampered"


def file_sha256(path: Path) -> str:
    """The sha256 of a stored file's plain content (decrypted if it is encrypted).

    An encrypted file that was changed or damaged gives ``TAMPERED``; one whose
    data folder is not open with its key raises ``crypto.NoKeyError``.
    """
    try:
        return crypto.plain_sha256(path)
    except crypto.TamperedFileError:
        return TAMPERED


_VIEW_DIRS: list[Path] = []


def _private_folder() -> Path:
    """A 0700 temporary folder for decrypted copies, removed when hkcase exits."""
    if not _VIEW_DIRS:
        _VIEW_DIRS.append(Path(tempfile.mkdtemp(prefix="hkcase-")))
        atexit.register(shutil.rmtree, _VIEW_DIRS[0], True)
    return _VIEW_DIRS[0]


def decrypted_copy(path: Path, name: str | None = None) -> Path:
    """A decrypted copy of an encrypted stored file, 0600 in a private temporary folder.

    Kept until hkcase exits (a viewer opens it later); ``crypto.TamperedFileError``
    if the file fails authentication (nothing is left behind then).
    """
    folder = Path(tempfile.mkdtemp(dir=_private_folder()))
    target = folder / (name or path.name)
    key = crypto.keys_for(path)
    if key is None:
        raise crypto.NoKeyError(tr("{name} is encrypted and its data folder is not open with "
                                   "its passphrase", name=path.name))
    try:
        crypto.decrypt_file(path, target, key.files)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return target


@contextlib.contextmanager
def plain_copy(path: Path) -> Iterator[Path]:
    """``path`` itself if it is plain, else a decrypted private copy removed afterwards.

    For readers that need a file name (pypdf, Pillow, reportlab). Raises
    ``crypto.TamperedFileError`` for an encrypted file that fails authentication.
    """
    if not crypto.is_encrypted(path):
        yield path
        return
    copy = decrypted_copy(path, f"plain{path.suffix}")
    try:
        yield copy
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


class _Hashing:
    """A reader that hashes and counts what is read through it."""

    def __init__(self, reader: BinaryIO) -> None:
        self.reader = reader
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.reader.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def check_source(source: Path) -> str:
    """The accepted media type of ``source``, or ``ValidationError`` naming the file.

    Refused: a missing, unreadable, empty or oversized file; content that is not
    PDF, JPEG, PNG or TIFF whatever the name says; a damaged, password-protected
    or hostile (decompression bomb) PDF or image (``attachment_content``).
    """
    name = source.name
    try:
        if not source.is_file():
            raise ValidationError("file", tr("{path} is not a file", path=source))
        size = source.stat().st_size
        with source.open("rb") as stream:
            head = stream.read(1024)
    except OSError as exc:
        raise ValidationError("file", tr("cannot read {name}: {reason}", name=name,
                                         reason=exc.strerror or exc)) from None
    if size == 0:
        raise ValidationError("file", tr("{name} is empty", name=name))
    if size > MAX_BYTES:
        raise ValidationError("file", tr("{name} is {size:.0f} MB; hkcase takes files of at "
                                         "most {most} MB", name=name, size=size / 2**20,
                                         most=MAX_BYTES // 2**20))
    media_type = sniff_media_type(head)
    claimed = _CLAIMED.get(source.suffix.lower())
    if media_type is None:
        if claimed is not None:
            raise ValidationError("file", tr(
                "{name} is {kind}, not a {claimed} as its name says: only PDF, JPEG, PNG or "
                "TIFF files can be attached", name=name, kind=_describe(head),
                claimed=_claimed_words(claimed)))
        raise ValidationError("file", tr(
            "{name} is {kind}: only PDF, JPEG, PNG or TIFF files can be attached (save or scan "
            "it as PDF first)", name=name, kind=_describe(head)))
    try:
        attachment_content.check_content(source, media_type)
    except attachment_content.UnusableContent as exc:
        raise ValidationError("file", tr("{name} cannot be attached: {reason}", name=name,
                                         reason=exc.args[0])) from None
    return media_type


def store_file(attachments_dir: Path, source: Path) -> StoredFile:
    """Copy ``source`` into the attachments folder under its hash (once per content).

    Raises ``ValidationError`` (naming the file) for a type that is not accepted
    or a file that cannot be read.
    """
    media_type = check_source(source)
    attachments_dir.mkdir(parents=True, exist_ok=True)
    temporary = attachments_dir / f".incoming-{secrets.token_hex(8)}"
    keys = crypto.keys_for(attachments_dir)
    try:
        with source.open("rb") as raw:
            reader = _Hashing(raw)  # the plain hash, taken before sealing
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as writer:
                if keys is None:
                    while chunk := reader.read(_CHUNK):
                        writer.write(chunk)
                else:
                    crypto.encrypt_stream(reader, writer, keys.files)  # type: ignore[arg-type]
                writer.flush()
                os.fsync(writer.fileno())
        sha256, size = reader.digest.hexdigest(), reader.size
        relative = relative_path_for(sha256, media_type)
        final = absolute_path(attachments_dir, relative)
        if final.is_file() and crypto.is_encrypted(final) == (keys is not None) \
                and file_sha256(final) == sha256:
            return StoredFile(sha256, size, media_type, relative, created=False)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, final)  # also repairs a damaged copy of the same content
        _fsync_folder(final.parent)
        return StoredFile(sha256, size, media_type, relative, created=True)
    except OSError as exc:
        raise ValidationError("file", tr("cannot store {name} in {folder}: {reason}",
                                         name=source.name, folder=attachments_dir,
                                         reason=exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def remove_stored(attachments_dir: Path, relative_path: str) -> None:
    """Delete a stored file (used only when the database write that needed it failed)."""
    with contextlib.suppress(FileNotFoundError):
        absolute_path(attachments_dir, relative_path).unlink()
