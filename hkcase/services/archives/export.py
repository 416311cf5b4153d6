"""``hkcase export``: every table and attached file in one archive (see ``archive_format``).

The rows are read in one read transaction (a consistent snapshot, on SQLite
and on PostgreSQL alike) and written to a temporary file beside the target,
which is renamed into place only when complete: a failed export leaves no
partial file. The archive is created readable by its owner only (0600): it
holds passports and identity numbers.

From an encrypted data folder the archive is sealed (``crypto.SealedWriter``:
AES-256-GCM under the folder's file key, its scrypt salt in the clear at the
front), so only that folder's passphrase opens it; inside is the same ZIP.
Encrypted attachments are decrypted into it as they are read.

On a shared PostgreSQL store the attached files come from the database (the
``attachment_blob`` / ``attachment_chunk`` rows, read in the same snapshot as the
rows, a chunk at a time); the archive is the same either way: the content tables are
not archived as rows, their files are under ``attachments/``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase import __version__
from hkcase.domain.messages import say, tr
from hkcase.services.archives import format as F
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.errors import ValidationError
from hkcase.store import Store, crypto

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ArchiveResult:
    """A written archive: where, how many rows per table, files, and what to know."""

    path: Path
    scope: str
    revision: str
    rows: dict[str, int]
    files: int
    warnings: tuple[str, ...] = field(default=())
    encrypted: bool = False  # sealed with the data folder's key

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def schema_revision(session: Session) -> str:
    """The revision the database is stamped with."""
    revision = session.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        raise F.ArchiveError(tr("the database has no schema revision"))
    return str(revision)


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[Session]:
    """A read session that sees one consistent state of the database for all its queries."""
    with store.reading() as session:
        if store.engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        else:  # SQLite: a read transaction holds its snapshot in WAL mode
            session.connection()
        yield session


def check_target(target: Path) -> Path:
    """The output path, refused before anything is read if it cannot be written."""
    target = Path(target)
    if target.is_dir():
        raise ValidationError("output", tr("{target} is a folder; give a file name ending .zip",
                                           target=target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError("output", tr("folder {folder} does not exist", folder=folder))
    if not os.access(folder, os.W_OK):
        raise ValidationError("output", tr("folder {folder} cannot be written by you",
                                           folder=folder))
    return target


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[IO[bytes]]:
    """A 0600 temporary file beside ``target``, renamed onto it only if the block succeeds."""
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.partial"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise ValidationError("output", tr("cannot write {target}: {reason}", target=target,
                                           reason=exc.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise ValidationError("output", tr("cannot write {target}: {reason}", target=target,
                                           reason=exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


class _Writer:
    """Members written into the ZIP with their sha256 and size noted for the manifest."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.members: dict[str, dict[str, Any]] = {}

    def write_rows(self, name: str, rows: Iterable[dict[str, Any]]) -> int:
        digest, size, count = hashlib.sha256(), 0, 0
        with self.archive.open(name, "w", force_zip64=True) as member:
            def put(data: bytes) -> None:
                nonlocal size
                digest.update(data)
                member.write(data)
                size += len(data)
            put(b"[")
            for row in rows:
                put((b",\n" if count else b"\n") + F.dumps(row))
                count += 1
            put(b"\n]\n")
        self.members[name] = {"sha256": digest.hexdigest(), "size": size}
        return count

    def write_bytes(self, name: str, data: bytes) -> None:
        self.archive.writestr(name, data)
        self.members[name] = {"sha256": F.sha256(data), "size": len(data)}

    def write_file(self, name: str, source: Path) -> str:
        return self.write_chunks(name, crypto.iter_plain(source))  # decrypted if encrypted

    def write_chunks(self, name: str, chunks: Iterable[bytes]) -> str:
        digest, size = hashlib.sha256(), 0
        info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
        info.compress_type = zipfile.ZIP_STORED  # scans and PDFs are compressed already
        with self.archive.open(info, "w", force_zip64=True) as member:
            for chunk in chunks:
                digest.update(chunk)
                member.write(chunk)
                size += len(chunk)
        self.members[name] = {"sha256": digest.hexdigest(), "size": size}
        return digest.hexdigest()


def _shared_attachments(writer: _Writer, session: Session, documents: list[dict[str, Any]]
                        ) -> tuple[int, list[str]]:
    """The documents' files from the database (the shared store), each content once."""
    from hkcase.store import blobs

    warnings: list[str] = []
    done: set[str] = set()
    missing = 0
    for doc in documents:
        relative = doc["stored_path"]
        if relative in done:
            continue
        done.add(relative)
        info = blobs.blob_info(session, doc["sha256"])
        if info is None:
            missing += 1
            warnings.append(tr("{file}: its file is missing from the shared store (the row is "
                               "archived without it; run 'hkcase migrate-files' on the desktop "
                               "it was attached on)", file=doc["original_name"]))
            continue
        written = writer.write_chunks(F.ATTACHMENTS_DIR + relative, blobs.iter_blob(session, info))
        if written != doc["sha256"]:
            warnings.append(tr("{file}: its stored file has changed since it was attached "
                               "(checksum differs); archived as it is now",
                               file=doc["original_name"]))
    return len(done) - missing, warnings


def _attachments(writer: _Writer, attachments_dir: Path, documents: list[dict[str, Any]]
                 ) -> tuple[int, list[str]]:
    """Copy each stored file the documents use once; warnings for missing or changed ones."""
    warnings: list[str] = []
    done: set[str] = set()
    missing = 0
    for doc in documents:
        relative = doc["stored_path"]
        if relative in done:
            continue
        done.add(relative)
        source = attachment_files.absolute_path(attachments_dir, relative)
        if not source.is_file():
            missing += 1
            warnings.append(tr("{file}: its file is missing from the attachments folder (the "
                               "row is archived without it)", file=doc["original_name"]))
            continue
        if crypto.is_encrypted(source) and \
                attachment_files.file_sha256(source) == attachment_files.TAMPERED:
            warnings.append(tr("{file}: its stored file has been changed or damaged (it fails "
                               "its encryption check); the row is archived without it",
                               file=doc["original_name"]))
            continue
        written = writer.write_file(F.ATTACHMENTS_DIR + relative, source)
        if written != doc["sha256"]:
            warnings.append(tr("{file}: its stored file has changed since it was attached "
                               "(checksum differs); archived as it is now",
                               file=doc["original_name"]))
    return len(done) - missing, warnings


def sealing_for(attachments_dir: Path) -> tuple[crypto.Header, crypto.Keys] | None:
    """The header and keys an archive of this data folder is sealed with; None if plain.

    The header is the data folder's (``attachments_dir`` lies in it in every layout).
    """
    keys = crypto.keys_for(attachments_dir)
    header = crypto.read_header(attachments_dir.parent)
    return None if keys is None or header is None else (header, keys)


@contextlib.contextmanager
def _output(target: Path, seal: tuple[crypto.Header, crypto.Keys] | None
            ) -> Iterator[IO[bytes]]:
    with atomic_output(target) as stream:
        if seal is None:
            yield stream
            return
        sealed = crypto.SealedWriter(stream, *seal)
        yield sealed  # type: ignore[misc]  # write-only, unseekable: zipfile copes
        sealed.close()


def write_archive(store: Store, attachments_dir: Path, target: Path, *,
                  scope: str = F.FULL, select: Any = None, subject: str | None = None,
                  plain: bool = False) -> ArchiveResult:
    """Write the archive; ``select(session)`` gives the rows per table (default: all).

    Sealed when the data folder is encrypted, unless ``plain``.
    """
    target = check_target(target)
    rows: dict[str, int] = {}
    seal = None if plain else sealing_for(attachments_dir)
    with snapshot(store) as session, _output(target, seal) as stream, \
            zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        revision = schema_revision(session)
        writer = _Writer(archive)
        chosen: dict[str, list[dict[str, Any]]] | None = select(session) if select else None
        documents: list[dict[str, Any]] = []
        for table in F.tables():
            codec = F.Codec.of(table)
            if chosen is None:
                query = sa.select(table).order_by(*table.primary_key.columns)
                source: Iterable[dict[str, Any]] = (
                    codec.dump(r) for r in session.execute(query).mappings())
            else:
                source = (codec.dump(r) for r in chosen.get(table.name, []))
            if table.name == "document":
                source = list(source)
                documents = list(source)
            rows[table.name] = writer.write_rows(F.member_for(table), source)
        if shared.in_database(store):
            files, warnings = _shared_attachments(writer, session, documents)
        else:
            files, warnings = _attachments(writer, attachments_dir, documents)
        writer.write_bytes(F.README, F.readme(scope, revision).encode("utf-8"))
        manifest = {
            "format": F.FORMAT, "format_version": F.FORMAT_VERSION, "scope": scope,
            "subject": subject, "schema_revision": revision, "hkcase_version": __version__,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "tables": {name: {"member": f"{F.TABLES_DIR}{name}.json", "rows": count}
                       for name, count in rows.items()},
            "members": writer.members, "warnings": [say(w, "en") for w in warnings],
        }
        archive.writestr(F.MANIFEST, json_bytes(manifest))
    log.info("wrote %s%s archive of %d rows and %d files", "encrypted " if seal else "",
             scope, sum(rows.values()), files)
    return ArchiveResult(target, scope, revision, rows, files, tuple(warnings),
                         encrypted=seal is not None)


def json_bytes(value: Any) -> bytes:
    import json

    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def export_archive(store: Store, attachments_dir: Path, target: Path, *,
                   plain: bool = False) -> ArchiveResult:
    """Everything in the store, with every attached file, as one archive at ``target``."""
    return write_archive(store, attachments_dir, target, plain=plain)
