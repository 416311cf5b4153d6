"""Data in and out: spreadsheet import and full export, each against the bare sqlite3 way."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from benchmarks.harness import Result
from hkcase.services.archives.export import export_archive
from hkcase.services.archives.format import tables
from hkcase.services.demo.generate import generate_demo
from hkcase.services.imports import apply_plan, plan_import
from hkcase.store import open_store, sqlite_url

HEADER = ["family_name", "given_names", "chinese_name", "sex", "date_of_birth", "nationality",
          "passport_number", "passport_expiry", "hkid", "email", "phone", "scheme",
          "limit_of_stay"]
_SURNAMES = ("CHAN", "WONG", "LEE", "CHEUNG", "LAU", "NG", "HO", "LAM", "YIP", "TSANG")
_CHINESE = ("陳", "黃", "李", "張", "劉", "吳", "何", "林", "葉", "曾")


def _hkid(rng: random.Random) -> str:
    letter = chr(ord("A") + rng.randrange(26))
    digits = f"{rng.randrange(10**6):06d}"
    total = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(d) * w for d, w in
                                                  zip(digits, range(7, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return f"{letter}{digits}({'A' if check == 10 else check})"


def write_csv(path: Path, rows: int, today: date) -> Path:
    """``rows`` distinct clients, a third of them with a TTPS stay, as a firm's list would be."""
    rng = random.Random(11)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for n in range(rows):
            born = date(1960, 1, 1) + timedelta(days=rng.randrange(14_000))
            stay = n % 3 == 0
            writer.writerow([
                _SURNAMES[n % 10], f"Given{n}", _CHINESE[n % 10] + "大文", "MF"[n % 2],
                born.strftime("%d/%m/%Y"), "GB", f"K{n:08d}",
                (today + timedelta(days=900 + n % 500)).isoformat(), _hkid(rng),
                f"client{n}@example.com", f"+852 9{n:07d}",
                "TTPS" if stay else "", (today + timedelta(days=200 + n % 400)).isoformat()
                if stay else ""])
    return path


def _bare_import(source: Path, database: Path) -> float:
    """The same rows parsed with csv and inserted with executemany (client + passport)."""
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    started = time.perf_counter()
    with source.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    clients, documents = [], []
    for n, row in enumerate(rows, start=1):
        day, month, year = row["date_of_birth"].split("/")
        clients.append((n, row["family_name"], row["given_names"], row["chinese_name"],
                        row["sex"], f"{year}-{month}-{day}", row["nationality"], "overseas",
                        row["hkid"], row["email"], row["phone"], now, now))
        documents.append((n, "passport", row["passport_number"], "GB",
                          row["passport_expiry"]))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO client (id, family_name, given_names, chinese_name, sex, date_of_birth, "
        "nationality, residence, hkid, email, phone, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", clients)
    conn.executemany("INSERT INTO travel_document (client_id, doc_type, number, "
                     "issuing_country, expiry_date) VALUES (?, ?, ?, ?, ?)", documents)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def _bare_export(database: Path, target: Path) -> float:
    """Every table selected with sqlite3 and written as JSON into a ZIP (no types, no files)."""
    started = time.perf_counter()
    conn = sqlite3.connect(database)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for table in tables():
            cursor = conn.execute(f'SELECT * FROM "{table.name}"')
            names = [d[0] for d in cursor.description]
            with archive.open(f"tables/{table.name}.json", "w", force_zip64=True) as member:
                member.write(b"[")
                for i, row in enumerate(cursor):
                    member.write((b",\n" if i else b"\n") + json.dumps(
                        dict(zip(names, row, strict=True)), ensure_ascii=False).encode())
                member.write(b"\n]\n")
    conn.close()
    return time.perf_counter() - started


def _fresh(folder: Path, name: str) -> Path:
    path = folder / name
    open_store(sqlite_url(path), backup_dir=folder).close()
    return path


def run(quick: bool) -> Iterator[Result]:
    rows = 2_000 if quick else 10_000
    clients = 10_000 if quick else 100_000
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="hkcase-bench-") as scratch:
        folder = Path(scratch)
        source = write_csv(folder / "clients.csv", rows, today)
        store = open_store(sqlite_url(_fresh(folder, "import.sqlite3")), backup_dir=folder)
        started = time.perf_counter()
        plan = plan_import(store, source)
        apply_plan(store, plan, actor="bench")
        imported = time.perf_counter() - started
        store.close()
        assert plan.new == rows and not plan.rejected, plan.rejected[:3]
        bare = _bare_import(source, _fresh(folder, "bare.sqlite3"))
        yield Result(f"import_csv_{rows}_rows", imported, "s", bare)

        database = _fresh(folder, "demo.sqlite3")
        store = open_store(sqlite_url(database), backup_dir=folder)
        generate_demo(store, clients, seed=1)
        started = time.perf_counter()
        export_archive(store, folder / "attachments", folder / "all.zip")
        exported = time.perf_counter() - started
        store.close()
        bare = _bare_export(database, folder / "bare.zip")
        yield Result(f"export_{clients}_clients", exported, "s", bare)
