"""Archives on real files: export → import-archive round-trips every row and file exactly."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.archives import format as F
from hkcase.services.archives.client import client_for_reference, export_client
from hkcase.services.archives.export import export_archive
from hkcase.services.archives.unpack import import_archive
from hkcase.services.demo.generate import generate_demo
from hkcase.services.errors import ValidationError
from hkcase.store import Store, open_store, sqlite_url
from tests.pdf_support import ACTOR, make_case, make_image, make_pdf
from tests.shared_files_support import files_of


def _everything(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.reading() as session:
        return {t.name: [dict(r) for r in session.execute(
            sa.select(t).order_by(*t.primary_key.columns)).mappings()] for t in F.tables()}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def filled(any_store: Store, tmp_path: Path) -> tuple[Store, Path, int]:
    """Demo clients (with dependants following sponsors' cases) and a case with files."""
    generate_demo(any_store, 30, seed=7, today=date(2026, 11, 1))
    case_id, _ = make_case(any_store, chinese_name="陳大文", family="Chan", given="Tai Man")
    attachments = tmp_path / "attachments"
    items = C.create_checklist(any_store, case_id, actor=ACTOR)
    documents.attach_file(any_store, attachments, items[0].id,
                          make_pdf(tmp_path / "護照.pdf", 2), actor=ACTOR,
                          expiry_date=date(2030, 1, 1))
    documents.attach_file(any_store, attachments, items[1].id,
                          make_image(tmp_path / "hkid.png", "PNG"), actor=ACTOR)
    C.set_item_state(any_store, items[0].id, ChecklistState.ACCEPTED, actor=ACTOR)
    return any_store, attachments, case_id


def _fresh(tmp_path: Path, name: str) -> Store:
    folder = tmp_path / name
    folder.mkdir()
    return open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")


def test_export_then_import_round_trips_every_row_and_file(filled: tuple[Store, Path, int],
                                                          tmp_path: Path) -> None:
    store, attachments, _ = filled
    target = tmp_path / "all.zip"
    result = export_archive(store, attachments, target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".all.zip.*"))
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    # Every table of the models, whoever added it, is in the archive.
    assert set(manifest["tables"]) == {t.name for t in F.tables()}
    assert names == set(manifest["members"]) | {"manifest.json"}
    assert manifest["schema_revision"] == result.revision and result.files == 2
    assert result.rows["client"] >= 31 and result.rows["audit_entry"] > 0

    copy = _fresh(tmp_path, "copy")
    try:
        loaded = import_archive(copy, tmp_path / "copy" / "attachments", target)
        assert loaded.rows == result.rows
        before, after = _everything(store), _everything(copy)
        for table in before:
            assert after[table] == before[table], table
        assert _files(tmp_path / "copy" / "attachments") == files_of(store, attachments)
        with copy.reading() as session:  # SQLite's full-text index is rebuilt by its triggers
            indexed = session.execute(sa.text("SELECT count(*) FROM search_fts")).scalar()
        assert indexed == len(after["search_entry"]) > 0
        # Ids keep counting after the imported ones.
        make_case(copy, family="Lee", given="Ka Yan", chinese_name="李嘉欣")
    finally:
        copy.close()


def test_import_refuses_a_non_empty_store_a_wrong_revision_and_tampering(
        filled: tuple[Store, Path, int], tmp_path: Path) -> None:
    store, attachments, _ = filled
    target = export_archive(store, attachments, tmp_path / "all.zip").path
    with pytest.raises(F.ArchiveError, match="the database is not empty"):
        import_archive(store, attachments, target)

    def rewritten(name: str, change: Any) -> Path:
        out = tmp_path / name
        with zipfile.ZipFile(target) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                dst.writestr(info, change(info.filename, src.read(info)))
        return out

    def tamper(member: str, data: bytes) -> bytes:
        return data.replace(b"CHAN", b"CHEN") if member == "tables/client.json" else data

    def revision(member: str, data: bytes) -> bytes:
        if member != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["schema_revision"] = "0003"
        return json.dumps(manifest).encode()

    empty = _fresh(tmp_path, "empty")
    try:
        with pytest.raises(F.ArchiveError, match=r"tables/client\.json does not match its "
                                                 r"checksum"):
            import_archive(empty, tmp_path / "empty" / "attachments",
                           rewritten("tampered.zip", tamper))
        with pytest.raises(F.ArchiveError, match="written at schema revision 0003"):
            import_archive(empty, tmp_path / "empty" / "attachments",
                           rewritten("old.zip", revision))
        client_archive = export_client(store, attachments, 1, tmp_path / "one.zip").path
        with pytest.raises(F.ArchiveError, match="holds one person's data"):
            import_archive(empty, tmp_path / "empty" / "attachments", client_archive)
        left = {name: rows for name, rows in _everything(empty).items() if rows}
        assert left == {"counter": [{"name": "case_reference", "value": 0}]}  # as created
        assert not (tmp_path / "empty" / "attachments").exists() or not _files(
            tmp_path / "empty" / "attachments")
    finally:
        empty.close()


def test_failed_export_leaves_no_file(filled: tuple[Store, Path, int], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store, attachments, _ = filled
    target = tmp_path / "all.zip"
    target.write_bytes(b"the previous archive")
    written = 0

    def disk_fills_up(self: F.Codec, row: Any) -> dict[str, Any]:
        nonlocal written
        written += 1
        if written > 50:
            raise OSError(28, "No space left on device")
        return original(self, row)

    original = F.Codec.dump
    monkeypatch.setattr(F.Codec, "dump", disk_fills_up)
    with pytest.raises(ValidationError, match=r"cannot write .*all\.zip: No space left"):
        export_archive(store, attachments, target)
    assert target.read_bytes() == b"the previous archive"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".all.zip")] == []


def test_export_client_holds_one_person_only(filled: tuple[Store, Path, int],
                                             tmp_path: Path) -> None:
    store, attachments, case_id = filled
    with store.reading() as session:
        reference, client_id = session.execute(sa.text(
            'SELECT reference, client_id FROM "case" WHERE id = :i'), {"i": case_id}).one()
    assert client_for_reference(store, reference) == client_id
    assert client_for_reference(store, str(client_id)) == client_id
    result = export_client(store, attachments, client_id, tmp_path / "chan.zip")
    with zipfile.ZipFile(result.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        rows = {t: json.loads(archive.read(f"tables/{t}.json")) for t in manifest["tables"]}
        files = [n for n in archive.namelist() if n.startswith("attachments/")]
    assert manifest["scope"] == "client"
    assert [c["chinese_name"] for c in rows["client"]] == ["陳大文"]
    assert {c["id"] for c in rows["case"]} == {case_id}
    assert {i["case_id"] for i in rows["checklist_item"]} == {case_id}
    assert len(rows["document"]) == 2 and len(files) == 2
    assert rows["audit_entry"] and all(
        e["client_id"] == client_id or e["case_id"] == case_id for e in rows["audit_entry"])
    assert rows["consultant"] == [] and rows["counter"] == []
    # Nobody else's passport, case or stay.
    everything = _everything(store)
    assert len(everything["client"]) > 1
    numbers = {d["number"] for d in rows["travel_document"]}
    others = {d["number"] for d in everything["travel_document"] if d["client_id"] != client_id}
    assert not numbers & others
