"""Attachments in the shared store: two desktops (two data folders, one PostgreSQL database).

A file attached on one desktop is opened, enclosed in a pack and put in an upload set on
the other; a data folder's older files are copied in by ``hkcase migrate-files``;
exports, archive imports and ``pg_dump`` carry the files; content is streamed, never
held whole in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from hkcase.app import AppContext, open_app
from hkcase.cli.main import main
from hkcase.config.locations import Locations
from hkcase.config.settings import Settings, save_settings
from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.archives.export import export_archive
from hkcase.services.archives.unpack import import_archive
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.conflicts import ADVICE, ColleagueConflict
from hkcase.services.errors import ValidationError
from hkcase.services.filing.upload_set import prepare_upload_set
from hkcase.services.outputs import render as outputs
from hkcase.services.trash.bin import delete_record, purge
from hkcase.store import Store, blobs, open_store
from hkcase.store.models import AttachmentBlob, AttachmentChunk, Document
from tests.pdf_support import make_case, make_image, make_pdf, pdftotext
from tests.pg_server import PostgresServer

pytestmark = pytest.mark.postgres

TODAY = date(2026, 11, 22)


@dataclass
class Office:
    url: str
    amy: Path  # her desktop's data folder
    ben: Path
    files: Path  # where the scans come from


@pytest.fixture
def office(postgres_server: PostgresServer, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Office:
    url = postgres_server.create_database()
    monkeypatch.setenv("HKCASE_DATABASE_URL", url)
    amy, ben, files = tmp_path / "amy", tmp_path / "ben", tmp_path / "scans"
    files.mkdir()
    for folder, name in ((amy, "Amy Wong"), (ben, "Ben Lau")):
        save_settings(Settings(consultant_name=name), Locations.resolve(folder).settings_file)
    return Office(url, amy, ben, files)


@pytest.fixture
def desk() -> Iterator[list[AppContext]]:
    opened: list[AppContext] = []
    yield opened
    for ctx in opened:
        ctx.close()


def _open(folder: Path, opened: list[AppContext]) -> AppContext:
    ctx = open_app(folder, daily_backup=False)
    opened.append(ctx)
    return ctx


def _stored(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _items(store: Store) -> tuple[int, str, dict[str, int]]:
    case_id, reference = make_case(store, limit=date(2027, 2, 15))
    entries = C.create_checklist(store, case_id, actor="Amy Wong", on=TODAY)
    return case_id, reference, {e.code: e.id for e in entries}


def _numbers(store: Store, case_id: int) -> dict[str, int]:
    """Checklist numbers as `hkcase checklist` prints them, by item code."""
    from hkcase.services.filing.checklist import numbered

    return {e.code: n for n, e in numbered(C.list_checklist(store, case_id))}


def test_a_file_attached_on_one_desktop_is_opened_and_packed_on_the_other(
        office: Office, desk: list[AppContext], capsys: pytest.CaptureFixture[str]) -> None:
    amy = _open(office.amy, desk)
    case_id, reference, items = _items(amy.store)
    passport = make_pdf(office.files / "passport.pdf", 2, "shared passport")
    number = _numbers(amy.store, case_id)["travel_document"]
    # Amy attaches with the command line, on her desktop.
    assert main(["--data-dir", str(office.amy), "attach", reference, str(number),
                 str(passport), "--state", "accepted"]) == 0
    assert "as version 1" in capsys.readouterr().out
    photo = make_image(office.files / "hkid.jpg", "JPEG", (900, 600))
    documents.attach_file(amy.store, amy.locations.attachments_dir, items["hkid"], photo,
                          actor=amy.actor)
    C.set_item_state(amy.store, items["hkid"], ChecklistState.ACCEPTED, actor=amy.actor)
    # Nothing went to either desktop's folder: the database holds the files.
    assert _stored(amy.locations.attachments_dir) == []

    ben = _open(office.ben, desk)
    (version,) = documents.list_versions(ben.store, items["travel_document"])
    assert version.uploaded_by == "Amy Wong"
    opened = documents.stored_file(ben.store, ben.locations.attachments_dir, version.id)
    assert opened.read_bytes() == passport.read_bytes() and opened.name == "passport.pdf"
    assert opened.stat().st_mode & 0o077 == 0

    pack = office.ben / "pack.pdf"
    result = outputs.render_pack(ben.store, ben.locations.attachments_dir, case_id, on=TODAY,
                                 target=pack)
    assert result.skipped == ()
    text = pdftotext(pack)
    assert "shared passport page 1" in text and "shared passport page 2" in text
    titles = [item.title for item in PdfReader(pack).outline if not isinstance(item, list)]
    assert "Enclosures" in titles

    upload = prepare_upload_set(ben.store, ben.locations.attachments_dir, case_id,
                                office.ben / "upload", actor=ben.actor, on=TODAY)
    assert upload.problems == ()
    assert sum(len(i.files) for i in upload.items) == 2
    assert _stored(ben.locations.attachments_dir) == []


def test_the_same_content_is_stored_once_and_a_failed_attach_leaves_nothing(
        office: Office, desk: list[AppContext], monkeypatch: pytest.MonkeyPatch) -> None:
    amy, ben = _open(office.amy, desk), _open(office.ben, desk)
    _, _, items = _items(amy.store)
    scan = make_pdf(office.files / "scan.pdf", 1, "once")
    documents.attach_file(amy.store, amy.locations.attachments_dir, items["hkid"], scan,
                          actor=amy.actor)
    copy = office.files / "copy.pdf"
    shutil.copyfile(scan, copy)
    again = documents.attach_file(ben.store, ben.locations.attachments_dir,
                                  items["travel_document"], copy, actor=ben.actor)
    with amy.store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentBlob)) == 1
        assert session.scalar(sa.select(AttachmentBlob.sha256)) == again.sha256

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(documents.audit, "record", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        documents.attach_file(ben.store, ben.locations.attachments_dir, items["hkid"],
                              make_pdf(office.files / "new.pdf", 1, "new"), actor=ben.actor)
    monkeypatch.undo()
    with amy.store.reading() as session:  # the content went with the row's transaction
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentBlob)) == 1


def test_a_colleague_attaching_to_the_same_item_at_once_is_named(
        office: Office, desk: list[AppContext], monkeypatch: pytest.MonkeyPatch) -> None:
    amy, ben = _open(office.amy, desk), _open(office.ben, desk)
    _, reference, items = _items(amy.store)
    held, release = threading.Event(), threading.Event()
    real_record = documents.audit.record

    def record_then_wait(*args: object, **kwargs: object) -> object:
        entry = real_record(*args, **kwargs)  # type: ignore[arg-type]
        if threading.current_thread().name == "amy" and not held.is_set():
            held.set()  # Amy's version 1 is written, not yet committed
            release.wait(30)
        return entry

    monkeypatch.setattr(documents.audit, "record", record_then_wait)
    failures: list[BaseException] = []

    def attach(ctx: AppContext, name: str) -> None:
        try:
            documents.attach_file(ctx.store, ctx.locations.attachments_dir, items["hkid"],
                                  make_pdf(office.files / f"{name}.pdf", 1, name),
                                  actor=ctx.actor)
        except BaseException as exc:
            failures.append(exc)

    first = threading.Thread(target=attach, args=(amy, "amy"), name="amy")
    first.start()
    assert held.wait(30)
    second = threading.Thread(target=attach, args=(ben, "ben"), name="ben")
    second.start()
    dbname = office.url.rsplit("/", 1)[1]
    with psycopg.connect(office.url.replace("postgresql+psycopg", "postgresql"),
                         autocommit=True) as watch:
        for _ in range(300):  # Ben's insert waits for Amy's transaction
            waiting = watch.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                    "AND wait_event_type = 'Lock'", (dbname,)).fetchone()
            if waiting and waiting[0]:
                break
            time.sleep(0.05)
    release.set()
    first.join(30)
    second.join(30)
    (error,) = failures
    if not isinstance(error, ColleagueConflict):
        raise error
    assert isinstance(error, ColleagueConflict)
    assert re.fullmatch(rf"Changed by Amy Wong at \d\d:\d\d: {re.escape(ADVICE)} "
                        rf"\(case {reference}\)", str(error))
    assert [v.uploaded_by for v in documents.list_versions(ben.store, items["hkid"])] == [
        "Amy Wong"]


def _old_style_file(ctx: AppContext, item_id: int, source: Path) -> Document:
    """A file attached before the shared store: in the desktop's own folder, row shared."""
    stored = attachment_files.store_file(ctx.locations.attachments_dir, source)
    with ctx.store.transaction() as session:
        doc = Document(checklist_item_id=item_id, version_no=1, sha256=stored.sha256,
                       size_bytes=stored.size_bytes, original_name=source.name,
                       stored_path=stored.relative_path, media_type=stored.media_type,
                       uploaded_by=ctx.actor)
        session.add(doc)
        session.flush()
        session.expunge(doc)
        return doc


def test_migrate_files_copies_a_data_folders_files_into_the_shared_store(
        office: Office, desk: list[AppContext], capsys: pytest.CaptureFixture[str]) -> None:
    amy, ben = _open(office.amy, desk), _open(office.ben, desk)
    case_id, _, items = _items(amy.store)
    old = _old_style_file(amy, items["hkid"], make_pdf(office.files / "old.pdf", 1, "old"))
    elsewhere = _old_style_file(ben, items["travel_document"],
                                make_image(office.files / "p.png", "PNG"))
    with pytest.raises(ValidationError, match="missing from the shared store"):
        documents.stored_file(ben.store, ben.locations.attachments_dir, old.id)
    # A damaged file in Amy's folder: named after content it does not have.
    bogus = "ab" + "0" * 62
    damaged = amy.locations.attachments_dir / "ab" / f"{bogus}.pdf"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"%PDF-1.4 not what the name says")

    assert main(["--data-dir", str(office.amy), "migrate-files"]) == 1  # one failure
    out = capsys.readouterr().out.splitlines()
    assert f"copied {old.stored_path} ({old.size_bytes} bytes, checksum verified)" in out
    assert any(line.startswith(f"not copied: ab/{bogus}.pdf does not match its checksum")
               for line in out)
    assert any(line.startswith(f"still missing from the shared store: {elsewhere.stored_path}")
               for line in out)
    assert out[-1] == "migrate-files: 1 copied, 1 damaged, 1 still missing (other desktops)"

    damaged.unlink()
    assert main(["--data-dir", str(office.amy), "migrate-files"]) == 0  # idempotent
    out = capsys.readouterr().out.splitlines()
    assert f"already in the shared store: {old.stored_path}" in out
    assert main(["--data-dir", str(office.ben), "migrate-files", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["counts"] == {"copied": 1}
    assert report["files"][0]["file"] == elsewhere.stored_path

    opened = documents.stored_file(ben.store, ben.locations.attachments_dir, old.id)
    assert opened.read_bytes() == (office.files / "old.pdf").read_bytes()
    with amy.store.reading() as session:
        info = blobs.blob_info(session, old.sha256)
        assert info is not None and info.size_bytes == old.size_bytes
        assert hashlib.sha256(b"".join(blobs.iter_blob(session, info))).hexdigest() \
            == old.sha256
    assert _stored(amy.locations.attachments_dir)  # the folder's copies are kept
    C.set_item_state(ben.store, items["hkid"], ChecklistState.ACCEPTED, actor=ben.actor)
    result = outputs.render_pack(ben.store, ben.locations.attachments_dir, case_id, on=TODAY,
                                 target=office.ben / "pack.pdf")
    assert result.skipped == () and "old page 1" in pdftotext(office.ben / "pack.pdf")


def test_migrate_files_on_sqlite_says_there_is_nothing_to_share(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "migrate-files"]) == 1
    assert "for a shared PostgreSQL database" in capsys.readouterr().err


def test_a_pack_names_a_file_no_desktop_has_migrated(
        office: Office, desk: list[AppContext]) -> None:
    amy, ben = _open(office.amy, desk), _open(office.ben, desk)
    case_id, _, items = _items(amy.store)
    _old_style_file(amy, items["hkid"], make_pdf(office.files / "old.pdf", 1, "old"))
    C.set_item_state(amy.store, items["hkid"], ChecklistState.ACCEPTED, actor=amy.actor)
    result = outputs.render_pack(ben.store, ben.locations.attachments_dir, case_id, on=TODAY,
                                 target=office.ben / "pack.pdf")
    assert [s.reason for s in result.skipped] == ["its file is missing from the shared store"]


def test_export_and_import_carry_the_shared_files(
        office: Office, desk: list[AppContext], postgres_server: PostgresServer,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    amy = _open(office.amy, desk)
    _, _, items = _items(amy.store)
    scan = make_pdf(office.files / "scan.pdf", 3, "archived")
    version = documents.attach_file(amy.store, amy.locations.attachments_dir, items["hkid"],
                                    scan, actor=amy.actor)
    archive = tmp_path / "office.zip"
    result = export_archive(amy.store, amy.locations.attachments_dir, archive)
    assert result.files == 1 and result.warnings == ()
    assert "attachment_blob" not in result.rows and "attachment_chunk" not in result.rows
    with zipfile.ZipFile(archive) as opened:
        assert opened.read(f"attachments/{version.stored_path}") == scan.read_bytes()

    # Into a new shared database: the files go into its store, with the rows.
    other = open_store(postgres_server.create_database())
    try:
        imported = import_archive(other, tmp_path / "unused", archive)
        assert imported.files == 1 and not (tmp_path / "unused").exists()
        doc = documents.get_version(other, version.id)
        copy = documents.stored_file(other, tmp_path / "unused", doc.id)
        assert copy.read_bytes() == scan.read_bytes()
    finally:
        other.close()
    # Into a single desktop's SQLite folder: the files go into its folder.
    monkeypatch.delenv("HKCASE_DATABASE_URL")
    solo = _open(tmp_path / "solo", desk)
    import_archive(solo.store, solo.locations.attachments_dir, archive)
    assert documents.stored_file(solo.store, solo.locations.attachments_dir,
                                 version.id).read_bytes() == scan.read_bytes()


def test_pg_dump_backs_the_files_up_with_the_rows(
        office: Office, desk: list[AppContext], postgres_server: PostgresServer,
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The desktop does not back a server up, and says what does.
    assert main(["--data-dir", str(office.amy), "backup"]) == 1
    assert "pg_dump, which includes the attached files" in capsys.readouterr().err
    amy = _open(office.amy, desk)
    _, _, items = _items(amy.store)
    scan = make_pdf(office.files / "scan.pdf", 2, "dumped")
    version = documents.attach_file(amy.store, amy.locations.attachments_dir, items["hkid"],
                                    scan, actor=amy.actor)
    port, name = str(postgres_server.port), office.url.rsplit("/", 1)[1]
    dump = tmp_path / "office.dump"
    # The server's own client tools (initdb may be a link into the version's folder).
    bindir = Path(os.path.realpath(postgres_server.bindir / "initdb")).parent
    subprocess.run([str(bindir / "pg_dump"), "-h", "127.0.0.1", "-p", port, "-U", "postgres",
                    "--format=custom", f"--file={dump}", name], check=True, timeout=120)
    restored_url = postgres_server.create_database()
    subprocess.run([str(bindir / "pg_restore"), "-h", "127.0.0.1", "-p", port, "-U",
                    "postgres", "--no-owner", f"--dbname={restored_url.rsplit('/', 1)[1]}",
                    str(dump)], check=True, timeout=120)
    restored = open_store(restored_url)
    try:
        copy = documents.stored_file(restored, tmp_path / "none", version.id)
        assert copy.read_bytes() == scan.read_bytes()
    finally:
        restored.close()


def test_purging_from_the_trash_removes_the_shared_copy(
        office: Office, desk: list[AppContext]) -> None:
    amy = _open(office.amy, desk)
    case_id, _, items = _items(amy.store)
    documents.attach_file(amy.store, amy.locations.attachments_dir, items["hkid"],
                          make_pdf(office.files / "gone.pdf", 1, "gone"), actor=amy.actor)
    entry = delete_record(amy.store, "case", case_id, actor=amy.actor)
    with amy.store.reading() as session:  # still there: the Trash can restore the case
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentBlob)) == 1
    assert entry.trash_id is not None
    purge(amy.store, entry.trash_id, amy.locations.attachments_dir, actor=amy.actor)
    with amy.store.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentBlob)) == 0
        assert session.scalar(sa.select(sa.func.count()).select_from(AttachmentChunk)) == 0


def test_content_is_streamed_in_chunks_never_whole(postgres_store: Store, tmp_path: Path
                                                   ) -> None:
    size = 12 * blobs.CHUNK_BYTES + 12345
    big = tmp_path / "big.bin"
    with big.open("wb") as out:
        for _ in range(13):
            out.write(os.urandom(blobs.CHUNK_BYTES))
    with big.open("r+b") as out:
        out.truncate(size)
    sha256 = hashlib.sha256(big.read_bytes()).hexdigest()
    tracemalloc.start()
    try:
        with postgres_store.transaction() as session, big.open("rb") as stream:
            assert blobs.write_blob(session, sha256,
                                    iter(lambda: stream.read(256 * 1024), b""))
        _, writing_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        content = shared.Attachments(postgres_store, tmp_path / "unused")
        with content.opened(sha256, f"{sha256[:2]}/{sha256}.pdf") as copy:
            assert copy.stat().st_size == size
        _, reading_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A few chunks at most, never the file's 12 MB.
    assert writing_peak < 5 * blobs.CHUNK_BYTES and reading_peak < 5 * blobs.CHUNK_BYTES
    with postgres_store.reading() as session:
        info = blobs.blob_info(session, sha256)
        assert info is not None and (info.size_bytes, info.chunks) == (size, 13)
    with postgres_store.transaction() as session:  # stored once, whatever comes again
        assert not blobs.write_blob(session, sha256, iter([b"ignored"]))
        with pytest.raises(blobs.BlobMismatchError):
            blobs.write_blob(session, "f" * 64, iter([b"not that content"]))
