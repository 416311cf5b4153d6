"""``hkcase import-archive``: a full archive back into an empty store, exactly, or not at all.

Every member is checked against the manifest (sha256, size, no member more or
less) and the schema revision against the store's before anything is written.
The files go into the attachments folder first (content-addressed, atomic
renames), then every row in one transaction; if that fails, the files it
brought are removed again.

Into a shared PostgreSQL store the files go into the database instead
(``store.blobs``, a chunk at a time, each checked against its name), in the same
transaction as the rows: all or nothing.

A sealed archive (exported from an encrypted data folder) is first decrypted,
authenticated as a whole, to a 0600 file in a private temporary folder, removed
afterwards; its files are stored encrypted if this data folder is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import tr
from hkcase.services.archives import format as F
from hkcase.services.archives.export import schema_revision
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.store import Store, crypto

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_BATCH = 1000
#: A manifest larger than this is not an hkcase manifest.
_MAX_MANIFEST = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportedArchive:
    rows: dict[str, int]
    files: int

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(F.MANIFEST)
    except KeyError:
        raise F.ArchiveError(tr("{name} is not an hkcase archive (no manifest.json)",
                                name=source.name)) from None
    if info.file_size > _MAX_MANIFEST:
        raise F.ArchiveError(tr("{name}: manifest.json is too large to be hkcase's",
                                name=source.name))
    try:
        manifest = json.loads(archive.read(info))
    except (ValueError, zipfile.BadZipFile) as exc:
        raise F.ArchiveError(tr("{name}: manifest.json cannot be read ({error})",
                                name=source.name, error=exc)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != F.FORMAT:
        raise F.ArchiveError(tr("{name} is not an hkcase archive", name=source.name))
    if manifest.get("format_version") != F.FORMAT_VERSION:
        raise F.ArchiveError(tr("{name} is archive format {found}; this hkcase reads format "
                                "{wanted}", name=source.name,
                                found=manifest.get("format_version"), wanted=F.FORMAT_VERSION))
    return manifest


@contextlib.contextmanager
def opened(source: Path) -> Iterator[Path]:
    """The plain ZIP of ``source``: itself, or a sealed archive decrypted (see above)."""
    try:
        header = crypto.sealed_header(source)
    except crypto.TamperedFileError as exc:
        raise F.ArchiveError(tr("{name}: {error}", name=source.name, error=exc)) from None
    if header is None:
        yield source
        return
    from hkcase.services.encryption import archive_keys

    keys = archive_keys(header, source.name)
    folder = Path(tempfile.mkdtemp(prefix="hkcase-import-"))
    try:
        plain = folder / "archive.zip"
        try:
            crypto.unseal(source, plain, keys)
        except crypto.TamperedFileError:
            raise F.ArchiveError(tr("{name} is damaged or was changed (it fails its "
                                    "encryption check); nothing was imported",
                                    name=source.name)) from None
        yield plain
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def verify(source: Path) -> dict[str, Any]:
    """The manifest of an intact archive; ``ArchiveError`` naming the first problem."""
    with opened(source) as plain:
        return _verify(plain, source)


def _verify(path: Path, source: Path) -> dict[str, Any]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise F.ArchiveError(tr("{path} cannot be read as a ZIP archive ({error})",
                                path=source, error=exc)) from None
    with archive:
        manifest = _read_manifest(archive, source)
        members: dict[str, Any] = manifest.get("members") or {}
        names = {i.filename for i in archive.infolist() if not i.is_dir()} - {F.MANIFEST}
        for name in sorted(names | set(members)):
            if not _safe_name(name):
                raise F.ArchiveError(tr("{archive}: member {member} has an unsafe name",
                                        archive=source.name, member=repr(name)))
            if name not in members:
                raise F.ArchiveError(tr("{archive}: {member} is not listed in the manifest (the "
                                        "archive was changed)", archive=source.name,
                                        member=name))
            if name not in names:
                raise F.ArchiveError(tr("{archive}: {member} is missing from the archive",
                                        archive=source.name, member=name))
            expected = members[name]
            digest, size = hashlib.sha256(), 0
            try:
                with archive.open(name) as member:
                    while chunk := member.read(_CHUNK):
                        size += len(chunk)
                        if size > int(expected["size"]):
                            break
                        digest.update(chunk)
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                raise F.ArchiveError(tr("{archive}: {member} is damaged ({error})",
                                        archive=source.name, member=name, error=exc)) from None
            if size != int(expected["size"]) or digest.hexdigest() != expected["sha256"]:
                raise F.ArchiveError(tr("{archive}: {member} does not match its checksum in the "
                                        "manifest (the archive is damaged or was changed)",
                                        archive=source.name, member=name))
    return manifest


def _unused_seed(table: sa.Table) -> sa.ColumnElement[bool] | None:
    # A new database's counters start at 0 (migration 0001): still empty, replaced on import.
    return table.c.value == 0 if table.name == "counter" else None


def _store_is_empty(session: Session) -> list[str]:
    """Names of tables that hold rows (beyond what a new database starts with)."""
    full = []
    for table in F.tables():
        query = sa.select(sa.literal(1)).select_from(table)
        seed = _unused_seed(table)
        if seed is not None:
            query = query.where(sa.not_(seed))
        if session.execute(query.limit(1)).first():
            full.append(table.name)
    return full


def _place_files(archive: zipfile.ZipFile, attachments_dir: Path, members: list[str]
                 ) -> list[Path]:
    """Copy the archive's files into the attachments folder; returns those created."""
    created: list[Path] = []
    for name in members:
        relative = name[len(F.ATTACHMENTS_DIR):]
        final = attachment_files.absolute_path(attachments_dir, relative)
        if final.is_file() and attachment_files.file_sha256(final) == final.stem:
            continue
        final.parent.mkdir(parents=True, exist_ok=True)
        temporary = final.parent / f".incoming-{secrets.token_hex(8)}"
        try:
            with archive.open(name) as reader:  # encrypted if this data folder is
                crypto.write_stored(temporary, reader, data_dir=attachments_dir)
            os.replace(temporary, final)
            created.append(final)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
    return created


def _place_in_database(session: Session, archive: zipfile.ZipFile, members: list[str]
                       ) -> None:
    """The archive's files into the shared store, in the import's transaction."""
    from hkcase.store import blobs

    for name in members:
        relative = name[len(F.ATTACHMENTS_DIR):]
        media_type = {v: k for k, v in attachment_files.EXTENSIONS.items()}.get(
            PurePosixPath(relative).suffix)
        with archive.open(name) as reader:
            blobs.write_blob(session, shared.sha256_of_name(relative),
                             iter(lambda: reader.read(blobs.CHUNK_BYTES), b""),
                             media_type=media_type)


def _self_references(table: sa.Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _insert_rows(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    codec = F.Codec.of(table)
    loaded = [codec.load(row) for row in rows]
    later = _self_references(table)
    # Columns like updated_at would take the time of this update: keep the archived value.
    kept = [c.name for c in table.columns if c.onupdate is not None and c.name not in later]
    deferred = [{c: r[c] for c in (*[k.name for k in table.primary_key.columns], *later, *kept)}
                for r in loaded if any(r[c] is not None for c in later)]
    if deferred:  # point rows at each other once all of them exist
        loaded = [{**r, **dict.fromkeys(later)} for r in loaded]
    for start in range(0, len(loaded), _BATCH):
        session.execute(table.insert(), loaded[start:start + _BATCH])
    if deferred:
        keys = [c.name for c in table.primary_key.columns]
        statement = table.update().where(
            *[table.c[k] == sa.bindparam(f"key_{k}") for k in keys]).values(
            {c: sa.bindparam(f"new_{c}") for c in (*later, *kept)})
        session.connection().execute(statement, [
            {**{f"key_{k}": r[k] for k in keys}, **{f"new_{c}": r[c] for c in (*later, *kept)}}
            for r in deferred])


def _reset_sequences(session: Session) -> None:
    """PostgreSQL: move each id sequence past the ids the archive brought."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in F.tables():
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                    column.autoincrement == "auto" and isinstance(column.type, sa.Integer)
                    and len(table.primary_key.columns) == 1 and not column.foreign_keys):
                session.execute(sa.text(
                    "SELECT setval(pg_get_serial_sequence(:t, :c), "
                    f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                ), {"t": f'"{table.name}"', "c": column.name})


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def import_archive(store: Store, attachments_dir: Path, source: Path) -> ImportedArchive:
    """Load a full archive into an empty store; ``ArchiveError`` and nothing written if not."""
    source = Path(source)
    if not source.is_file():
        raise F.ArchiveError(tr("{path} is not a file", path=source))
    with opened(source) as plain:
        return _import(store, attachments_dir, plain, source)


def _import(store: Store, attachments_dir: Path, path: Path, source: Path) -> ImportedArchive:
    manifest = _verify(path, source)
    if manifest.get("scope") != F.FULL:
        raise F.ArchiveError(tr("{name} holds one person's data (export-client), not a whole "
                                "database; it cannot be imported", name=source.name))
    with store.reading() as session:
        revision = schema_revision(session)
        full = _store_is_empty(session)
    if manifest.get("schema_revision") != revision:
        raise F.ArchiveError(tr(
            "{name} was written at schema revision {found}; this database is at {revision}: "
            "import it with the hkcase version that wrote it", name=source.name,
            found=manifest.get("schema_revision"), revision=revision))
    if full:
        raise F.ArchiveError(tr("the database is not empty (it holds rows in {tables}); import "
                                "an archive only into a new, empty data folder",
                                tables=", ".join(full[:5])))
    known = {t.name for t in F.tables()}
    unknown = set(manifest.get("tables", {})) - known
    if unknown:
        raise F.ArchiveError(tr("{name} holds tables this hkcase does not know: {tables}",
                                name=source.name, tables=", ".join(sorted(unknown))))
    with zipfile.ZipFile(path) as archive:
        files = sorted(n for n in manifest["members"] if n.startswith(F.ATTACHMENTS_DIR))
        in_database = shared.in_database(store)
        created = [] if in_database else _place_files(archive, attachments_dir, files)
        try:
            counts: dict[str, int] = {}
            with store.transaction() as session:
                if session.get_bind().dialect.name == "sqlite":
                    session.execute(sa.text("PRAGMA defer_foreign_keys = ON"))
                if in_database:
                    _place_in_database(session, archive, files)
                for table in F.tables():
                    seed = _unused_seed(table)
                    if seed is not None:
                        session.execute(table.delete().where(seed))
                    member = F.member_for(table)
                    rows = json.loads(archive.read(member)) if member in manifest[
                        "members"] else []
                    counts[table.name] = len(rows)
                    if rows:
                        _insert_rows(session, table, rows)
                _reset_sequences(session)
        except (sa.exc.DBAPIError, ValueError, KeyError, TypeError) as exc:
            _remove(created)
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise F.ArchiveError(tr("{name} could not be loaded, nothing was imported "
                                    "({reason})", name=source.name, reason=reason)) from None
        except BaseException:
            _remove(created)
            raise
    log.info("imported archive: %d rows, %d files", sum(counts.values()), len(files))
    return ImportedArchive(counts, len(files))
