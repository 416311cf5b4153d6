"""``backup -o FILE`` carries the attachments (``FILE.attachments``) and ``restore FILE``
brings them back; rotation prunes backed-up attachments no kept backup names."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.services.backups import backup_now
from hkcase.services.backups.files import list_backups
from hkcase.services.backups.rotation import FRESH_SECONDS, prune_attachments


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo", "--clients", "10"]) == 0
    return folder


def _pdf(path: Path, text: str) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return path


def _case(data: Path) -> str:
    with sqlite3.connect(data / "hkcase.sqlite3") as conn:
        return str(conn.execute('SELECT reference FROM "case" ORDER BY id').fetchone()[0])


def _stored(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.pdf"))


def test_backup_to_a_file_carries_the_attachments_and_restore_brings_them_back(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(data)
    for number, name in ((1, "a.pdf"), (2, "b.pdf")):
        source = _pdf(tmp_path / name, f"document {name}")
        assert main(["--data-dir", str(data), "attach", case, str(number), str(source),
                     "--state", "accepted"]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "office.sqlite3"
    capsys.readouterr()
    assert main(["--data-dir", str(data), "backup", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "office.sqlite3.attachments: 2 copied" in out
    beside = usb / "office.sqlite3.attachments"
    assert _stored(beside) == _stored(data / "attachments")
    for blob in beside.rglob("*.pdf"):
        assert hashlib.sha256(blob.read_bytes()).hexdigest() == blob.stem
        assert oct(blob.stat().st_mode & 0o777) == "0o600"
    assert not (beside / "encryption.json").exists()  # a plain folder has no header
    # again: only new files are copied
    assert main(["--data-dir", str(data), "backup", "-o", str(target)]) == 0
    assert "0 copied, 2 already" in capsys.readouterr().out
    # a new computer: restore FILE brings the database and every attachment back
    fresh = tmp_path / "new"
    assert main(["--data-dir", str(fresh), "restore", str(target), "--yes"]) == 0
    assert "attachments copied back: 2" in capsys.readouterr().out
    assert _stored(fresh / "attachments") == _stored(data / "attachments")
    pack = tmp_path / "pack.pdf"
    assert main(["--data-dir", str(fresh), "export-pack", case, "-o", str(pack)]) == 0
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() or "" for p in PdfReader(pack).pages)
    assert "document a.pdf" in text and "document b.pdf" in text


def test_the_help_says_where_the_attachments_go(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["backup", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "FILE.attachments" in text and "hkcase restore FILE" in text


def _blob(folder: Path, content: bytes, age: float) -> Path:
    digest = hashlib.sha256(content).hexdigest()
    path = folder / digest[:2] / f"{digest}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def test_rotation_prunes_backed_up_attachments_no_kept_backup_names(data: Path,
                                                                    tmp_path: Path) -> None:
    case = _case(data)
    assert main(["--data-dir", str(data), "attach", case, "1",
                 str(_pdf(tmp_path / "kept.pdf", "kept"))]) == 0
    ctx = open_app(data, daily_backup=False)
    try:
        backup_now(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir)
        backed = ctx.locations.backup_dir / "attachments"
        named = next(backed.rglob("*.pdf"))
        old = time.time() - 2 * FRESH_SECONDS
        os.utime(named, (old, old))
        orphan = _blob(backed, b"%PDF-1.4 nobody needs me", 2 * FRESH_SECONDS)
        young = _blob(backed, b"%PDF-1.4 another process is backing me up", 10)
        report = backup_now(ctx.store, ctx.locations.backup_dir, ctx.locations.attachments_dir)
    finally:
        ctx.close()
    assert report.path.exists()
    assert named.exists()  # every kept backup names it
    assert not orphan.exists()  # none does: pruned
    assert young.exists()  # too new to tell
    # a kept backup that cannot be read stops the pruning: it may need any file
    again = _blob(backed, b"%PDF-1.4 orphan again", 2 * FRESH_SECONDS)
    unreadable = list_backups(data / "backups")[0].path
    unreadable.write_bytes(b"not a database at all, but named like a backup....")
    assert prune_attachments(data / "backups", list_backups(data / "backups")) == ()
    assert again.exists()
