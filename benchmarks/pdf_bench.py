"""PDF benchmarks: a document pack (about 20 generated pages + 20 five-page scans), a checklist.

Baselines are the bare libraries doing the nearest same work: the same number of
pages of text drawn with a bare reportlab canvas (same embedded fonts), and the
same twenty scans appended with a bare ``pypdf.PdfWriter`` — no data loading,
no layout, no checks, stamps or bookmarks.
"""

from __future__ import annotations

import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from benchmarks.harness import Result, median_seconds
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme, Sex
from hkcase.services import checklists, documents
from hkcase.services.eligibility import run as eligibility
from hkcase.services.outputs import render as outputs
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store, open_store, sqlite_url

ACTOR = "bench"
ON = date(2026, 11, 22)
SCANS = 20
SCAN_PAGES = 5
#: Extra checklist items (not enclosed) that bring the generated part to about 20 pages.
EXTRA_ITEMS = 130


def _scan_images(count: int) -> list[bytes]:
    """Scan-like A4 greyscale JPEGs at 150 dpi (about 250 KB each)."""
    from PIL import Image, ImageDraw

    images = []
    for seed in range(count):
        rnd = random.Random(seed)
        image = Image.new("L", (1240, 1754), 250)
        draw = ImageDraw.Draw(image)
        for i in range(380):
            y = 90 + i * 4
            draw.line([(110, y), (110 + rnd.randint(200, 1000), y)], fill=rnd.randint(0, 90),
                      width=2)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=70, dpi=(150, 150))
        images.append(buffer.getvalue())
    return images


def _scan_pdf(path: Path, images: list[bytes], number: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from hkcase.printing import fonts as pdf_fonts

    pdf_fonts.fonts()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=pdf_fonts.LATIN)
    for page in range(SCAN_PAGES):
        canvas.drawImage(ImageReader(io.BytesIO(images[(number + page) % len(images)])), 0, 0,
                         *A4)
        canvas.setFont(pdf_fonts.LATIN, 6)
        canvas.drawString(20, 20, f"scan {number} page {page + 1}")  # distinct content
        canvas.showPage()
    canvas.save()
    return path


def _case(store: Store, folder: Path) -> tuple[int, list[Path]]:
    client = create_client(store, ClientInput(
        family_name="Kwong", given_names="Chi Fung", sex=Sex.MALE,
        date_of_birth=date(1988, 5, 6), nationality="GB", residence=Residence.HONG_KONG,
        chinese_name="鄺志峯"), actor=ACTOR)
    case = create_case(store, CaseInput(client_id=client, scheme=Scheme.GEP,
                                        application_type=ApplicationType.NEW,
                                        opened_on=date(2026, 1, 5), employer="Acme Ltd"),
                       actor=ACTOR)
    record_stay(store, StayInput(case_id=case.id, granted_on=date(2024, 1, 2),
                                 limit_of_stay=date(2027, 2, 15)), actor=ACTOR)
    eligibility.record_check(store, case.id, actor=ACTOR, on=ON)
    items = [e.id for e in checklists.create_checklist(store, case.id, actor=ACTOR, on=ON)]
    while len(items) < SCANS:
        items.append(checklists.add_item(store, case.id, checklists.NewItem(
            f"Supporting document {len(items) + 1}"), actor=ACTOR).id)
    for n in range(EXTRA_ITEMS):
        checklists.add_item(store, case.id, checklists.NewItem(
            f"Further evidence {n + 1}: letters, statements and records the consultant "
            "asked for after the first review", title_zh="補充證明文件", mandatory=n % 3 == 0,
            notes="benchmark"), actor=ACTOR)
    images = _scan_images(6)
    scans = [_scan_pdf(folder / f"scan{n:02d}.pdf", images, n) for n in range(SCANS)]
    for item_id, scan in zip(items, scans, strict=False):
        documents.attach_file(store, folder / "attachments", item_id, scan, actor=ACTOR)
        checklists.set_item_state(store, item_id, ChecklistState.ACCEPTED, actor=ACTOR)
    return case.id, scans


def _bare_pack(generated_pages: int, scans: list[Path]) -> bytes:
    """The same page count drawn with a bare canvas, then the scans appended with pypdf."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from hkcase.printing import fonts as pdf_fonts

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=pdf_fonts.LATIN)
    for page in range(generated_pages):
        for line in range(40):
            canvas.setFont(pdf_fonts.LATIN, 9.5)
            canvas.drawString(56, 780 - line * 18, f"{page}.{line} Further evidence: letters, "
                              "statements and records the consultant asked for")
            canvas.setFont(pdf_fonts.CJK, 9)
            canvas.drawString(420, 780 - line * 18, "補充證明文件 鄺志峯")
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for scan in scans:
        writer.append(PdfReader(scan))
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


def _bare_checklist(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from hkcase.printing import fonts as pdf_fonts

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=pdf_fonts.LATIN)
    for _ in range(pages):
        for line in range(30):
            canvas.rect(56, 770 - line * 24, 8, 8)
            canvas.setFont(pdf_fonts.CJK, 10)
            canvas.drawString(80, 770 - line * 24, "有效旅行證件：個人資料、簽發及屆滿日期")
            canvas.setFont(pdf_fonts.LATIN, 8)
            canvas.drawString(80, 760 - line * 24, "Valid travel document: personal particulars")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _median_cpu_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median CPU time of this process (user + system) over ``repeat`` runs of ``work``."""
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        samples.append(time.process_time() - started)
    return statistics.median(samples)


def run(quick: bool) -> Iterator[Result]:
    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="hkcase-pdf-bench-") as scratch:
        folder = Path(scratch)
        store = open_store(sqlite_url(folder / "bench.sqlite3"), backup_dir=folder)
        try:
            case_id, scans = _case(store, folder)
            attachments = folder / "attachments"
            first = outputs.render_pack(store, attachments, case_id, on=ON)  # warm: fonts
            enclosed = SCANS * SCAN_PAGES
            generated = first.pages - enclosed
            assert not first.skipped, first.skipped
            pack = median_seconds(
                lambda: outputs.render_pack(store, attachments, case_id, on=ON), repeat)
            bare = median_seconds(lambda: _bare_pack(generated, scans), repeat)
            yield Result(f"pack_{generated}_generated_{SCANS}x{SCAN_PAGES}_scan_pages", pack,
                         "s", bare)
            # The same in CPU seconds: what a quiet machine's wall time comes to (the work
            # is single-threaded), and what a shared, loaded machine can still measure.
            pack_cpu = _median_cpu_seconds(
                lambda: outputs.render_pack(store, attachments, case_id, on=ON), repeat)
            bare_cpu = _median_cpu_seconds(lambda: _bare_pack(generated, scans), repeat)
            yield Result(f"pack_{generated}_generated_{SCANS}x{SCAN_PAGES}_scan_pages_cpu",
                         pack_cpu, "s", bare_cpu)
        finally:
            store.close()
    checklist = outputs.render_blank_checklist(Scheme.GEP, ApplicationType.NEW, on=ON)
    rendered = median_seconds(lambda: outputs.render_blank_checklist(
        Scheme.GEP, ApplicationType.NEW, on=ON), repeat * 3)
    bare_list = median_seconds(lambda: _bare_checklist(checklist.pages), repeat * 3)
    yield Result("blank_checklist_gep_new", rendered, "s", bare_list)
