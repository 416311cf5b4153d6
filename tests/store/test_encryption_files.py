"""An encrypted data folder end to end, on real files and real processes: attachments
sealed on write and read back by the pack, the upload set, the viewer and exports;
backups, restore (also into a new folder from ``backup -o FILE``), sealed archives,
the pre-upgrade backup; and no key, passphrase or ID number in any log or output."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hkcase.store import crypto

pytest.importorskip("sqlcipher3")

PASSPHRASE = "correct horse battery"
PASSPORT = "K12345678"
MARK = "MARKERTEXT"
ENV = {**os.environ, "HKCASE_KEY": PASSPHRASE}
OUTPUTS: list[str] = []  # every stdout and stderr, scanned by the last test
FOLDERS: set[Path] = set()  # every data folder used: their logs are scanned too


def hk(data: Path, *args: str, env: dict[str, str] | None = None
       ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), *args],
                          env=env if env is not None else ENV, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=180)
    OUTPUTS.extend((done.stdout, done.stderr))
    FOLDERS.add(data)
    return done


def ok(data: Path, *args: str) -> str:
    done = hk(data, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, f"{MARK} passport {PASSPORT}")
    canvas.showPage()
    canvas.save()
    return path


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (400, 300), (200, 30, 30)).save(path)
    return path


def _case(data: Path) -> str:
    conn = sqlite3.connect(data / "hkcase.sqlite3")
    try:
        return str(conn.execute('SELECT reference FROM "case" ORDER BY id').fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A demo folder with a PDF attached while plain, then encrypted, then a PNG attached."""
    root = tmp_path_factory.mktemp("encrypted")
    data = root / "data"
    ok(data, "demo", "--clients", "12")
    case = _case(data)
    ok(data, "attach", case, "1", str(_pdf(root / "passport.pdf")), "--state", "accepted")
    ok(data, "encrypt")
    ok(data, "attach", case, "2", str(_png(root / "photo.png")), "--state", "accepted")
    return data, case


@pytest.fixture
def folder(template: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    shutil.copytree(template[0], data)
    return data, template[1]


def _keys(data: Path) -> crypto.Keys:
    header = crypto.read_header(data)
    assert header is not None and header.state == crypto.ENCRYPTED
    return header.derive(PASSPHRASE)


def _stored(data: Path) -> list[Path]:
    return sorted(p for p in (data / "attachments").rglob("*") if p.is_file())


def test_attachments_are_sealed_and_named_by_their_plain_hash(folder: tuple[Path, str]
                                                              ) -> None:
    data, _case_ref = folder
    keys = _keys(data)
    stored = _stored(data)
    assert len(stored) == 2
    for path in stored:
        raw = path.read_bytes()
        assert raw.startswith(crypto.MAGIC) and MARK.encode() not in raw
        assert crypto.plain_sha256(path, keys.files) == path.name.split(".")[0]
    conn_rows = hk(data, "info")
    assert conn_rows.returncode == 0
    # the backup copies stay sealed, by the same names
    ok(data, "backup")
    backed = sorted(p for p in (data / "backups" / "attachments").rglob("*") if p.is_file())
    assert [p.name for p in backed] == [p.name for p in stored]
    assert all(p.read_bytes().startswith(crypto.MAGIC) for p in backed)


def test_the_pack_and_the_upload_set_read_encrypted_attachments(folder: tuple[Path, str],
                                                                tmp_path: Path) -> None:
    from pypdf import PdfReader

    data, case = folder
    pack = tmp_path / "pack.pdf"
    ok(data, "export-pack", case, "-o", str(pack))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pack).pages)
    assert MARK in text  # the PDF attachment's own page
    assert "passport.pdf (v1)" in text and "photo.png (v1)" in text  # the image's page too
    upload = tmp_path / "upload"
    ok(data, "upload-set", case, "-o", str(upload))
    parts = sorted(p for p in upload.rglob("*-part*") if p.is_file())
    assert len(parts) == 2
    pdf_part = next(p for p in parts if p.suffix == ".pdf")
    assert MARK in (PdfReader(pdf_part).pages[0].extract_text() or "")
    png_part = next(p for p in parts if p.suffix == ".png")
    from PIL import Image

    with Image.open(png_part) as image:
        assert image.size == (400, 300)
    # no decrypted copy is left behind anywhere in the data folder
    assert not [p for p in data.rglob("*") if p.is_file() and p.name.startswith("plain")]


def test_a_tampered_attachment_is_left_out_of_the_pack_by_name(folder: tuple[Path, str],
                                                               tmp_path: Path) -> None:
    from pypdf import PdfReader

    data, case = folder
    target = next(p for p in _stored(data) if p.suffix == ".pdf")
    raw = bytearray(target.read_bytes())
    raw[200] ^= 0x01
    target.write_bytes(bytes(raw))
    pack = tmp_path / "pack.pdf"
    done = hk(data, "export-pack", case, "-o", str(pack))
    assert done.returncode == 0, done.stderr
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pack).pages)
    assert MARK not in text and "passport.pdf" in text


def test_the_viewer_gets_a_private_decrypted_copy(folder: tuple[Path, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.app import open_app
    from hkcase.services.documents import stored_file

    data, _case_ref = folder
    monkeypatch.setenv("HKCASE_KEY", PASSPHRASE)
    ctx = open_app(data, daily_backup=False)
    try:
        conn = ctx.store.engine.raw_connection()
        try:
            doc_id = conn.cursor().execute(
                "SELECT id FROM document WHERE original_name = 'passport.pdf'").fetchone()[0]
        finally:
            conn.close()
        copy = stored_file(ctx.store, ctx.locations.attachments_dir, doc_id)
    finally:
        ctx.close()
        crypto.forget_keys(data)
    assert copy.name == "passport.pdf" and data not in copy.parents
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.parent.stat().st_mode) == 0o700
    import hashlib

    stored = next(p for p in _stored(data) if p.suffix == ".pdf")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored.name.split(".")[0]


def test_restore_of_encrypted_and_plain_backups_keeps_the_database_encrypted(
        folder: tuple[Path, str], tmp_path: Path) -> None:
    data, _case_ref = folder
    db = data / "hkcase.sqlite3"
    ok(data, "backup")
    encrypted = max((data / "backups").glob("*-manual.sqlite3"))
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    ok(data, "demo", "--clients", "5")
    done = ok(data, "restore", str(encrypted), "--yes")
    assert "restored" in done and "12 clients" in done
    assert "before-restore" in done  # the current database was kept, encrypted too
    kept = max((data / "backups").glob("*-before-restore.sqlite3"))
    assert not kept.read_bytes().startswith(b"SQLite format 3")
    assert not db.read_bytes().startswith(b"SQLite format 3")
    # a plain backup (taken before the folder was encrypted) is encrypted on the way in
    plain = min(p for p in (data / "backups").glob("*.sqlite3") if "before-encrypt" in p.name)
    from hkcase.store.sqlcipher import connect_file

    conn = connect_file(plain, _keys(data))  # encrypt converted the old backups too
    conn.close()
    outside = tmp_path / "plain.sqlite3"
    other = tmp_path / "other"
    hk(other, "demo", "--clients", "3", env={k: v for k, v in ENV.items() if k != "HKCASE_KEY"})
    shutil.copy(other / "hkcase.sqlite3", outside)
    assert "3 clients" in ok(data, "restore", str(outside), "--yes")
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert not list(data.rglob(".restore-*"))
    # an encrypted backup cannot go into a plain folder: said in words, nothing changed
    plain_env = {k: v for k, v in ENV.items() if k != "HKCASE_KEY"}
    before = (other / "hkcase.sqlite3").read_bytes()
    refused = hk(other, "restore", str(encrypted), "--yes", env=plain_env)
    assert refused.returncode == 1 and "encrypted" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (other / "hkcase.sqlite3").read_bytes() == before


def test_backup_to_a_file_restores_into_a_new_folder_with_the_passphrase(
        folder: tuple[Path, str], tmp_path: Path) -> None:
    data, case = folder
    usb = tmp_path / "usb"
    usb.mkdir()
    out = ok(data, "backup", "-o", str(usb / "office.sqlite3"))
    assert "office.sqlite3.attachments" in out
    beside = usb / "office.sqlite3.attachments"
    assert (beside / crypto.HEADER_FILENAME).is_file()
    assert sorted(p.name for p in beside.rglob("*") if p.suffix in (".pdf", ".png")) == \
        sorted(p.name for p in _stored(data))
    fresh = tmp_path / "new"
    wrong = hk(fresh, "restore", str(usb / "office.sqlite3"), "--yes",
               env={**ENV, "HKCASE_KEY": "not it"})
    assert wrong.returncode == 1 and wrong.stderr.strip() == "hkcase: error: wrong passphrase"
    assert not (fresh / "hkcase.sqlite3").exists()
    done = ok(fresh, "restore", str(usb / "office.sqlite3"), "--yes")
    assert "attachments copied back: 2" in done
    assert not (fresh / "hkcase.sqlite3").read_bytes().startswith(b"SQLite format 3")
    pack = tmp_path / "pack.pdf"
    ok(fresh, "export-pack", case, "-o", str(pack))
    from pypdf import PdfReader

    assert MARK in "\n".join(p.extract_text() or "" for p in PdfReader(pack).pages)


def test_exports_are_sealed_and_import_with_the_passphrase(folder: tuple[Path, str],
                                                           tmp_path: Path) -> None:
    data, case = folder
    archive = tmp_path / "all.zip"
    assert "encrypted" in ok(data, "export", "-o", str(archive))
    raw = archive.read_bytes()
    assert raw.startswith(crypto.SEALED_MAGIC) and MARK.encode() not in raw
    assert PASSPORT.encode() not in raw
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(raw))
    client = tmp_path / "client.zip"
    ok(data, "export-client", case, "-o", str(client))
    assert client.read_bytes().startswith(crypto.SEALED_MAGIC)
    plain_copy = tmp_path / "plain.zip"
    ok(data, "export", "-o", str(plain_copy), "--unencrypted")
    assert zipfile.is_zipfile(plain_copy)
    # a wrong passphrase and a changed archive are refused before anything is created
    target = tmp_path / "target"
    wrong = hk(target, "import-archive", str(archive), env={**ENV, "HKCASE_KEY": "no"})
    assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr
    assert not target.exists()
    changed = bytearray(raw)
    changed[len(changed) // 2] ^= 0x10
    (tmp_path / "changed.zip").write_bytes(bytes(changed))
    bad = hk(target, "import-archive", str(tmp_path / "changed.zip"))
    assert bad.returncode == 1 and "changed" in bad.stderr and not target.exists()
    # into a new plain folder with the passphrase: every row and file
    ok(target, "import-archive", str(archive))
    pack = tmp_path / "pack.pdf"
    ok(target, "export-pack", case, "-o", str(pack))
    from pypdf import PdfReader

    assert MARK in "\n".join(p.extract_text() or "" for p in PdfReader(pack).pages)
    stored = sorted(p for p in (target / "attachments").rglob("*") if p.is_file())
    assert [p.name for p in stored] == [p.name for p in _stored(data)]
    assert not [p for p in stored if crypto.is_encrypted(p)]  # this folder is plain


def test_the_pre_upgrade_backup_of_an_encrypted_database_is_encrypted(
        folder: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from hkcase.app import open_app
    from hkcase.services.backups import inspect_backup
    from hkcase.store.migrate import backup_sqlite

    data, _case_ref = folder
    monkeypatch.setenv("HKCASE_KEY", PASSPHRASE)
    ctx = open_app(data, daily_backup=False)
    try:
        assert ctx.store.file is not None
        copy = backup_sqlite(ctx.store.file, data / "backups", "schema-0009",
                             engine=ctx.store.engine)
        info = inspect_backup(copy, _keys(data))
    finally:
        ctx.close()
        crypto.forget_keys(data)
    assert info.clients > 0
    assert not copy.read_bytes().startswith(b"SQLite format 3")


def test_no_key_passphrase_or_id_number_in_any_log_or_output(template: tuple[Path, str]
                                                             ) -> None:
    """Runs last in this file: everything above wrote logs and printed output."""
    data, _case_ref = template
    keys = _keys(data)
    secrets = [PASSPHRASE, PASSPORT, keys.database.hex(), keys.files.hex(), keys.to_secret()]
    texts = list(OUTPUTS)
    for root in (f for f in FOLDERS if f.exists()):
        for log in root.rglob("*.log*"):
            texts.append(log.read_text(encoding="utf-8", errors="replace"))
        for crash in root.rglob("crash*"):
            if crash.is_file():
                texts.append(crash.read_text(encoding="utf-8", errors="replace"))
    assert len(texts) > 10
    for text in texts:
        for secret in secrets:
            assert secret.lower() not in text.lower()
    header = (data / crypto.HEADER_FILENAME).read_text()
    assert keys.files.hex() not in header and PASSPHRASE not in header
