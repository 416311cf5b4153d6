"""export, import-archive, export-client and retention as commands, in real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

from hkcase.domain.vocab import Stage
from hkcase.services.records import update_case
from hkcase.store import open_store, sqlite_url
from tests.pdf_support import make_case


def _hkcase(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=180, env={**os.environ}, input=stdin)


def _data(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        case_id, reference = make_case(store, opened=date(2010, 1, 4))
        update_case(store, case_id, 1, actor="tester", stage=Stage.CLOSED,
                    closed_on=date(2012, 5, 1))
    finally:
        store.close()
    return folder, reference


def test_export_import_archive_and_export_client(tmp_path: Path) -> None:
    folder, reference = _data(tmp_path)
    archive = tmp_path / "all.zip"
    done = _hkcase("--data-dir", str(folder), "export", "-o", str(archive))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {archive} (") and "schema" in done.stdout
    fresh = tmp_path / "fresh"
    loaded = _hkcase("--data-dir", str(fresh), "import-archive", str(archive))
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith(f"imported {archive} (")
    again = _hkcase("--data-dir", str(fresh), "import-archive", str(archive))
    assert again.returncode == 1 and "the database is not empty" in again.stderr
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(archive.read_bytes()[:200])
    other = tmp_path / "other"
    refused = _hkcase("--data-dir", str(other), "import-archive", str(damaged))
    assert refused.returncode == 1 and "cannot be read as a ZIP archive" in refused.stderr
    assert not other.exists()  # refused before any data folder was made

    person = tmp_path / "person.zip"
    sent = _hkcase("--data-dir", str(folder), "export-client", reference, "-o", str(person))
    assert sent.returncode == 0, sent.stderr
    with zipfile.ZipFile(person) as z:
        assert json.loads(z.read("manifest.json"))["scope"] == "client"
    unknown = _hkcase("--data-dir", str(folder), "export-client", "2099-999999", "-o",
                      str(tmp_path / "x.zip"))
    assert unknown.returncode == 1 and "there is no client or case 2099-999999" in unknown.stderr
    assert not (tmp_path / "x.zip").exists()
    never = tmp_path / "never"
    bad_ref = _hkcase("--data-dir", str(never), "export-client", "Chan", "-o",
                      str(tmp_path / "y.zip"))
    assert bad_ref.returncode == 1 and "neither a client number" in bad_ref.stderr
    assert not never.exists()
    nowhere = _hkcase("--data-dir", str(folder), "export", "-o", str(tmp_path / "no" / "a.zip"))
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr


def test_retention_lists_asks_and_purges(tmp_path: Path) -> None:
    folder, reference = _data(tmp_path)
    listed = _hkcase("--data-dir", str(folder), "retention", "--older-than", "7", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [c["reference"] for c in json.loads(listed.stdout)["cases"]] == [reference]
    needs_yes = _hkcase("--data-dir", str(folder), "retention", "--older-than", "7", "--purge")
    assert needs_yes.returncode == 2 and "--yes" in needs_yes.stderr
    purged = _hkcase("--data-dir", str(folder), "retention", "--older-than", "7", "--purge",
                     "--yes")
    assert purged.returncode == 0, purged.stderr
    assert "purged 1 cases and 1 clients" in purged.stdout
    after = _hkcase("--data-dir", str(folder), "retention", "--older-than", "7", "--json")
    assert json.loads(after.stdout) == {"cases": []}
