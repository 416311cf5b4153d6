"""Attachments in the shared store: attach and read a 50 MB file on PostgreSQL, vs raw psycopg.

hkcase's way (``services.documents.attach_file`` on a PostgreSQL store: the content
check, the sha256, then the content streamed into ``attachment_chunk`` rows of 1 MiB
in the transaction that records the document; and ``documents.stored_file``: the
content streamed back to a private file, its checksum checked) against the bare way
in the same run, on the same server: one psycopg ``INSERT`` of the whole file as one
``bytea`` value (a column stored ``EXTERNAL``, as the chunks are), and one ``SELECT`` of
it written to a file. The bare way holds the
file in memory whole; hkcase never does: the peak Python memory of both is reported
too (``tracemalloc``). ``--quick`` uses a 5 MB file. Without PostgreSQL server
binaries the benchmark says so and yields nothing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from benchmarks.harness import Result

REPEAT = 3


def _big_pdf(path: Path, megabytes: int) -> Path:
    """A real PDF (it passes attach's checks) of about ``megabytes``, distinct content."""
    from pypdf import PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    small = path.with_suffix(".small.pdf")
    canvas = Canvas(str(small))
    canvas.drawString(72, 760, "benchmark scan")
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=str(small))
    writer.add_attachment("scan-data.bin", os.urandom(megabytes * 1024 * 1024))
    with path.open("wb") as stream:
        writer.write(stream)
    small.unlink()
    return path


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Seconds and peak traced Python memory (MB) of one run."""
    tracemalloc.start()
    try:
        started = time.perf_counter()
        work()
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return seconds, peak


def measure(url: str, folder: Path, megabytes: int) -> Iterator[Result]:
    import psycopg

    from hkcase.services import checklists as C
    from hkcase.services import documents
    from hkcase.store import open_store
    from tests.pdf_support import make_case

    store = open_store(url)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        case_id, _ = make_case(store)
        item = C.create_checklist(store, case_id, actor="bench", on=date(2026, 11, 22))[0].id
        attach_s, attach_mb, read_s, read_mb = [], [], [], []
        bare_in_s, bare_in_mb, bare_out_s, bare_out_mb = [], [], [], []
        with psycopg.connect(dsn) as raw:
            raw.execute("CREATE TABLE bench_raw_file (id serial PRIMARY KEY, data bytea)")
            # Stored as hkcase stores its chunks (out of line, no compression attempt), so
            # the comparison is of the access path, not of pglz on incompressible bytes.
            raw.execute("ALTER TABLE bench_raw_file ALTER COLUMN data SET STORAGE EXTERNAL")
            raw.commit()
            for run in range(REPEAT):
                source = _big_pdf(folder / f"scan-{run}.pdf", megabytes)
                made: list[int] = []

                def attach(source: Path = source, made: list[int] = made) -> None:
                    made.append(documents.attach_file(store, folder / "unused", item, source,
                                                      actor="bench").id)

                seconds, peak = _timed(attach)
                attach_s.append(seconds)
                attach_mb.append(peak)

                def read(made: list[int] = made) -> None:
                    copy = documents.stored_file(store, folder / "unused", made[0])
                    copy.unlink()

                seconds, peak = _timed(read)
                read_s.append(seconds)
                read_mb.append(peak)

                def bare_insert(source: Path = source) -> None:
                    data = source.read_bytes()
                    raw.execute("INSERT INTO bench_raw_file (data) VALUES (%s)", (data,))
                    raw.commit()

                seconds, peak = _timed(bare_insert)
                bare_in_s.append(seconds)
                bare_in_mb.append(peak)

                def bare_select(run: int = run) -> None:
                    row = raw.execute("SELECT data FROM bench_raw_file WHERE id = %s",
                                      (run + 1,)).fetchone()
                    assert row is not None
                    (folder / "bare-copy.pdf").write_bytes(row[0])
                    raw.commit()

                seconds, peak = _timed(bare_select)
                bare_out_s.append(seconds)
                bare_out_mb.append(peak)
                source.unlink()
    finally:
        store.close()
    name = f"{megabytes}mb"
    print(f"attach_pg_bench: {megabytes} MB; attach {statistics.median(attach_s):.2f} s "
          f"(bare insert {statistics.median(bare_in_s):.2f} s), read "
          f"{statistics.median(read_s):.2f} s (bare select {statistics.median(bare_out_s):.2f}"
          f" s); peak memory attach {max(attach_mb):.1f} MB, read {max(read_mb):.1f} MB "
          f"(bare {max(bare_in_mb):.1f} / {max(bare_out_mb):.1f} MB)", file=sys.stderr)
    yield Result(f"attach_pg_{name}", statistics.median(attach_s), "s",
                 statistics.median(bare_in_s))
    yield Result(f"read_pg_{name}", statistics.median(read_s), "s",
                 statistics.median(bare_out_s))
    yield Result(f"attach_pg_{name}_peak_memory", max(attach_mb), "MB", max(bare_in_mb))
    yield Result(f"read_pg_{name}_peak_memory", max(read_mb), "MB", max(bare_out_mb))


def run(quick: bool) -> Iterator[Result]:
    from tests.pg_server import PostgresServer, find_postgres_bin

    bindir = find_postgres_bin()
    if bindir is None:
        print("attach_pg_bench: skipped, no PostgreSQL server binaries (initdb, pg_ctl); "
              "install them with 'apt-get install postgresql'", file=sys.stderr)
        return
    workdir = Path(tempfile.mkdtemp(prefix="hkcase-attach-bench-"))
    scratch = Path(tempfile.mkdtemp(prefix="hkcase-attach-bench-files-"))
    server = PostgresServer(bindir, workdir)
    try:
        server.start()
        yield from measure(server.create_database(), scratch, 5 if quick else 50)
    finally:
        if server.datadir.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(result.as_json(), flush=True)
