"""Encryption at rest on real files: SQLCipher database, AES-GCM attachments and backups."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hkcase.store import crypto

pytest.importorskip("sqlcipher3")

NAME = b"Tai Man"
PASSPORT = b"K12345678"
ENV = {**os.environ, "HKCASE_KEY": "correct horse"}


def hk(data: Path, *args: str, env: dict[str, str] | None = None,
       stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(data), *args],
                          env=env if env is not None else ENV, capture_output=True, text=True,
                          stdin=stdin, timeout=120)


def _plain_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert hk(data, "demo").returncode == 0
    conn = sqlite3.connect(data / "hkcase.sqlite3")
    conn.execute("UPDATE client SET family_name = 'CHAN', given_names = 'Tai Man', "
                 "notes = 'passport K12345678' "
                 "WHERE id = 1")
    conn.commit()
    conn.close()
    stored = data / "attachments" / "ab" / ("ab" + "0" * 62 + ".pdf")
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"%PDF-1.4 " + NAME + b" " + PASSPORT + b"\n" * 3_000_000)
    return data


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    from hkcase.store.sqlcipher import row_counts
    return row_counts(conn)


def test_stream_round_trip_many_chunks_and_tampering_detected() -> None:
    key = os.urandom(32)
    for size in (0, 1, 100, crypto.CHUNK, 3 * crypto.CHUNK + 7):
        plain = os.urandom(size)
        sealed = io.BytesIO()
        crypto.encrypt_stream(io.BytesIO(plain), sealed, key)
        out = io.BytesIO()
        crypto.decrypt_stream(io.BytesIO(sealed.getvalue()), out, key)
        assert out.getvalue() == plain
    blob = bytearray(sealed.getvalue())
    for damage in (lambda b: b.__setitem__(100, b[100] ^ 1),  # a flipped bit
                   lambda b: b.__delitem__(slice(len(b) - 20, None))):  # truncated
        changed = bytearray(blob)
        damage(changed)
        with pytest.raises(crypto.TamperedFileError):
            crypto.decrypt_stream(io.BytesIO(bytes(changed)), io.BytesIO(), key)
    cut = bytes(blob[: 20 + crypto.CHUNK + 16])  # whole chunks dropped from the end
    with pytest.raises(crypto.TamperedFileError):
        crypto.decrypt_stream(io.BytesIO(cut), io.BytesIO(), key)
    with pytest.raises(crypto.TamperedFileError):
        crypto.decrypt_stream(io.BytesIO(bytes(blob)), io.BytesIO(), os.urandom(32))


def test_header_wrong_passphrase(tmp_path: Path) -> None:
    header, keys = crypto.new_header("right")
    crypto.write_header(tmp_path, header)
    again = crypto.read_header(tmp_path)
    assert again is not None and again.derive("right") == keys
    with pytest.raises(crypto.WrongPassphraseError, match=r"^wrong passphrase$"):
        again.derive("wrong")


def test_encrypt_folder_round_trip_and_refusals(tmp_path: Path) -> None:
    data = _plain_folder(tmp_path)
    db = data / "hkcase.sqlite3"
    plain = sqlite3.connect(db)
    before = _counts(plain)
    plain.close()
    assert NAME in db.read_bytes()
    done = hk(data, "encrypt")
    assert done.returncode == 0, done.stderr
    assert "is encrypted" in done.stdout
    for path in [db, *(data / "backups").glob("*.sqlite3"), *(data / "attachments").rglob("*.pdf"),
                 *(data / "backups" / "attachments").rglob("*.pdf")]:
        raw = path.read_bytes()
        assert NAME not in raw and PASSPORT not in raw, path
        assert b"CHAN" not in raw
    assert list((data / "backups").glob("*.sqlite3"))
    from hkcase.store.sqlcipher import connect_file
    header = crypto.read_header(data)
    assert header is not None and header.state == crypto.ENCRYPTED
    keys = header.derive("correct horse")
    conn = connect_file(db, keys)
    assert _counts(conn) == before
    conn.close()
    # the right key opens; the wrong one is one line; no key says how to give it
    ok = hk(data, "info")
    assert ok.returncode == 0, ok.stderr
    wrong = hk(data, "info", env={**ENV, "HKCASE_KEY": "nope"})
    assert wrong.returncode == 1 and wrong.stderr.strip() == "hkcase: error: wrong passphrase"
    nokey = hk(data, "info", env={k: v for k, v in ENV.items() if k != "HKCASE_KEY"})
    assert nokey.returncode == 1 and "is encrypted: give its passphrase" in nokey.stderr
    # a backup taken now is encrypted too, and the attachment decrypts to its content
    assert hk(data, "backup").returncode == 0
    newest = max((data / "backups").glob("*-manual.sqlite3"))
    assert NAME not in newest.read_bytes()
    stored = next((data / "attachments").rglob("*.pdf"))
    assert b"".join(crypto.iter_plain(stored, keys.files)).startswith(b"%PDF-1.4 " + NAME)
    # tampering with the encrypted attachment is detected
    raw = bytearray(stored.read_bytes())
    raw[5000] ^= 0x40
    stored.write_bytes(bytes(raw))
    with pytest.raises(crypto.TamperedFileError):
        crypto.plain_sha256(stored, keys.files)
    # an unencrypted database put in place, or none at all, is refused, never recreated
    db.unlink()
    gone = hk(data, "info")
    assert gone.returncode == 1 and "missing" in gone.stderr and not db.exists()


def test_killed_midway_leaves_a_usable_folder_and_resumes(tmp_path: Path) -> None:
    data = _plain_folder(tmp_path)
    plain = sqlite3.connect(data / "hkcase.sqlite3")
    before = _counts(plain)
    plain.close()
    cmd = [sys.executable, "-m", "hkcase", "--data-dir", str(data), "encrypt"]
    for delay in (0.6, 0.9, 1.2, 1.5):
        proc = subprocess.Popen(cmd, env=ENV, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        usable = hk(data, "info")
        if usable.returncode != 0 and "already encrypted" not in usable.stderr:
            raise AssertionError(f"after a kill at {delay} s: {usable.stderr}")
    finish = hk(data, "encrypt")
    assert finish.returncode == 0 or "already encrypted" in finish.stderr, finish.stderr
    header = crypto.read_header(data)
    assert header is not None and header.state == crypto.ENCRYPTED
    from hkcase.store.sqlcipher import connect_file
    conn = connect_file(data / "hkcase.sqlite3", header.derive("correct horse"))
    assert _counts(conn) == before
    conn.close()
    assert not list(data.glob("*.encrypting"))
