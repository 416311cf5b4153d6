"""The one seam every reader and writer of attachment content goes through.

Where an attachment's bytes live depends on the store:

- **SQLite** (one desktop): in the data folder's attachments folder, under their
  sha256, sealed when the folder is encrypted (``attachments.files``; unchanged).
- **PostgreSQL** (a shared office): in the database itself, ``attachment_blob`` and
  its 1 MiB ``attachment_chunk`` rows (``store.blobs``), written in the transaction
  that records the document, so every desktop connected to the database has the
  file the moment the row is there. The chunks hold the plain content: a desktop's
  data-folder key would lock the file away from every colleague; who may read it is
  the database role's privileges, on the wire TLS, on disk the server's own care
  (docs/ARCHITECTURE.md, "Attachments in the shared store").

``Attachments(store, attachments_dir)`` says which, and gives the readers one API:
``opened`` (a plain file to hand to pypdf, Pillow or the fitter: the stored file
itself, or a 0600 copy in a private temporary folder, removed after),
``viewer_copy`` (a copy kept until hkcase exits, for the system viewer),
``chunks`` (the plain bytes streamed, for archives) and ``check``. A problem with
the stored content is a ``StoredFileProblem`` whose ``kind`` is ``MISSING``,
``CHANGED`` or ``TAMPERED``; each caller words it for its user.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sqlalchemy.orm import Session

from hkcase.domain.messages import Message, tr
from hkcase.services.attachments import files as attachment_files
from hkcase.services.errors import ValidationError
from hkcase.store import Store, blobs, crypto

MISSING = "missing"
CHANGED = "changed"
TAMPERED = "tampered"

_READ = 1 << 20


class StoredFileProblem(Exception):
    """The stored content of an attachment is missing, changed or fails its encryption check."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def in_database(store: Store | None) -> bool:
    """Whether this store keeps attachment content in the database (PostgreSQL)."""
    return store is not None and store.engine.dialect.name == "postgresql"


def sha256_of_name(relative_path: str) -> str:
    """The content hash a stored path names (``ab/abcd….pdf`` → ``abcd…``)."""
    return PurePosixPath(relative_path).name.split(".")[0]


@dataclass(frozen=True)
class Prepared:
    """A file checked and hashed, ready to be stored in the database."""

    source: Path
    sha256: str
    size_bytes: int
    media_type: str
    relative_path: str


def prepare(source: Path) -> Prepared:
    """Check ``source`` (type by content, size, a readable PDF or image) and hash it.

    ``ValidationError`` naming the file for anything ``files.check_source`` refuses.
    """
    media_type = attachment_files.check_source(source)
    digest, size = hashlib.sha256(), 0
    try:
        with source.open("rb") as stream:
            while block := stream.read(_READ):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise ValidationError("file", tr("cannot read {name}: {reason}", name=source.name,
                                         reason=exc.strerror or exc)) from None
    sha256 = digest.hexdigest()
    return Prepared(source, sha256, size, media_type,
                    attachment_files.relative_path_for(sha256, media_type))


def _file_chunks(stream: BinaryIO) -> Iterator[bytes]:
    while block := stream.read(blobs.CHUNK_BYTES):
        yield block


def put_prepared(session: Session, prepared: Prepared) -> bool:
    """Store a prepared file's content in the database, in the caller's transaction.

    Returns True if it was written, False if the same content was stored already.
    A file changed since it was prepared is refused (``ValidationError``); the
    caller's transaction then rolls back.
    """
    try:
        with prepared.source.open("rb") as stream:
            return blobs.write_blob(session, prepared.sha256, _file_chunks(stream),
                                    media_type=prepared.media_type)
    except blobs.BlobMismatchError:
        raise ValidationError("file", tr("{name} changed while it was being attached; attach "
                                         "it again", name=prepared.source.name)) from None
    except OSError as exc:
        raise ValidationError("file", tr("cannot read {name}: {reason}",
                                         name=prepared.source.name,
                                         reason=exc.strerror or exc)) from None


_VIEW_DIRS: list[Path] = []


def _private_folder() -> Path:
    """A 0700 temporary folder of hkcase's own (files 0600 by the process umask)."""
    if not _VIEW_DIRS:
        _VIEW_DIRS.append(Path(tempfile.mkdtemp(prefix="hkcase-shared-")))
        import atexit

        atexit.register(shutil.rmtree, _VIEW_DIRS[0], True)
    return _VIEW_DIRS[0]


class Attachments:
    """The attachment content of one store: its data folder's files, or its database."""

    def __init__(self, store: Store | None, folder: Path) -> None:
        self.store = store
        self.folder = Path(folder)
        self.shared = in_database(store)

    # -- reading -----------------------------------------------------------------

    def _info(self, session: Session, sha256: str) -> blobs.BlobInfo:
        info = blobs.blob_info(session, sha256)
        if info is None:
            raise StoredFileProblem(MISSING)
        return info

    def _write_copy(self, sha256: str, target: Path) -> None:
        """The database's content written to ``target`` (0600), its hash checked."""
        assert self.store is not None
        digest = hashlib.sha256()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, self.store.reading() as session:
            try:
                for chunk in blobs.iter_blob(session, self._info(session, sha256)):
                    digest.update(chunk)
                    out.write(chunk)
            except blobs.BlobMismatchError:
                raise StoredFileProblem(CHANGED) from None
        if digest.hexdigest() != sha256:
            raise StoredFileProblem(CHANGED)

    def local_path(self, relative_path: str) -> Path:
        """Where a stored file is (or would be) in the data folder."""
        return attachment_files.absolute_path(self.folder, relative_path)

    def check(self, sha256: str, relative_path: str) -> None:
        """``StoredFileProblem`` unless the stored content is there and hashes to ``sha256``.

        In the database, the content row's presence (every row is checked as it is
        written and as it is read); in the folder, the file's plain hash.
        """
        if self.shared:
            assert self.store is not None
            with self.store.reading() as session:
                self._info(session, sha256)
            return
        path = self.local_path(relative_path)
        if not path.is_file():
            raise StoredFileProblem(MISSING)
        found = attachment_files.file_sha256(path)
        if found == attachment_files.TAMPERED:
            raise StoredFileProblem(TAMPERED)
        if found != sha256:
            raise StoredFileProblem(CHANGED)

    @contextlib.contextmanager
    def opened(self, sha256: str, relative_path: str, *, verify: bool = True
               ) -> Iterator[Path]:
        """A plain file with the content, for readers that need a file name.

        The stored file itself when it is a plain file in the data folder, else a
        0600 copy in a private temporary folder, removed afterwards. Raises
        ``StoredFileProblem``; ``verify`` checks a folder file's hash first (a copy
        from the database is always checked as it is written).
        """
        suffix = PurePosixPath(relative_path).suffix
        if not self.shared:
            if verify:
                self.check(sha256, relative_path)
            path = self.local_path(relative_path)
            if not path.is_file():
                raise StoredFileProblem(MISSING)
            try:
                with attachment_files.plain_copy(path) as plain:
                    yield plain
            except crypto.TamperedFileError:
                raise StoredFileProblem(TAMPERED) from None
            return
        folder = Path(tempfile.mkdtemp(dir=_private_folder()))
        try:
            target = folder / f"plain{suffix}"
            self._write_copy(sha256, target)
            yield target
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def viewer_copy(self, sha256: str, relative_path: str, name: str) -> Path:
        """A copy of the content named ``name`` for the system viewer, kept until exit.

        Only for content that is not a plain file in the data folder (the database's,
        or an encrypted file's); ``StoredFileProblem`` if it cannot be read.
        """
        if not self.shared:
            path = self.local_path(relative_path)
            if not path.is_file():
                raise StoredFileProblem(MISSING)
            try:
                return attachment_files.decrypted_copy(path, name)
            except crypto.TamperedFileError:
                raise StoredFileProblem(TAMPERED) from None
        folder = Path(tempfile.mkdtemp(dir=_private_folder()))
        try:
            target = folder / name
            self._write_copy(sha256, target)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return target

    def chunks(self, sha256: str, relative_path: str, session: Session | None = None
               ) -> Iterator[bytes]:
        """The plain content, streamed (decrypted if sealed); ``StoredFileProblem`` first
        if it is missing. ``session``: read the database's content in that session (an
        export's snapshot)."""
        if not self.shared:
            path = self.local_path(relative_path)
            if not path.is_file():
                raise StoredFileProblem(MISSING)
            yield from crypto.iter_plain(path)
            return
        if session is not None:
            yield from blobs.iter_blob(session, self._info(session, sha256))
            return
        assert self.store is not None
        with self.store.reading() as own:
            yield from blobs.iter_blob(own, self._info(own, sha256))

    # -- removing ------------------------------------------------------------------

    def remove_unused(self, files: list[tuple[str, str]]) -> int:
        """Delete stored content that no document still names (after a purge).

        ``files`` are ``(sha256, relative_path)`` pairs the purge deleted rows for;
        each is checked again against the documents and the Trash. Returns how many
        contents were removed.
        """
        if not files:
            return 0
        if not self.shared:
            removed = 0
            for _sha, relative in files:
                with contextlib.suppress(FileNotFoundError):
                    self.local_path(relative).unlink()
                    removed += 1
            return removed
        assert self.store is not None
        with self.store.transaction() as session:
            unused = unused_hashes(session, {sha for sha, _ in files})
            return blobs.delete_blobs(session, unused)


def forget_content(session: Session, relative_paths: Iterable[str]) -> int:
    """In a purge's transaction: delete the database's content of files no record uses.

    The caller has checked that nothing names them any more (as it does before removing
    the data folder's files); on SQLite there is no such content and nothing is done.
    """
    if session.get_bind().dialect.name != "postgresql":
        return 0
    return blobs.delete_blobs(session, {sha256_of_name(p) for p in relative_paths})


def unused_hashes(session: Session, hashes: set[str]) -> set[str]:
    """Those of ``hashes`` no document row and no Trash entry names."""
    import sqlalchemy as sa

    from hkcase.store.models import Document, TrashEntry

    if not hashes:
        return set()
    used = set(session.scalars(sa.select(Document.sha256).where(
        Document.sha256.in_(sorted(hashes)))))
    rest = hashes - used
    for sha in sorted(rest):
        if session.scalar(sa.select(TrashEntry.id).where(
                sa.cast(TrashEntry.snapshot, sa.Text).contains(sha)).limit(1)) is not None:
            used.add(sha)
    return hashes - used


def describe(problem: StoredFileProblem, *, where: str = "attachments folder") -> Message:
    """A problem in the words the pack and the exports use (``where``: ``store_label``)."""
    if problem.kind == MISSING:
        return (tr("its file is missing from the shared store") if where == "shared store"
                else tr("its file is missing from the attachments folder"))
    if problem.kind == TAMPERED:
        return tr("its stored file has changed since it was attached (it fails its "
                  "encryption check)")
    return tr("its stored file has changed since it was attached (checksum differs)")


def store_label(store: Store | None) -> str:
    """Where a store's attachments are, in words: for messages."""
    return "shared store" if in_database(store) else "attachments folder"
