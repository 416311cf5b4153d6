"""Shared helpers for the checklist, document and PDF tests: records, files, poppler tools."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex, TravelDocumentType
from hkcase.services.records import (
    CaseInput,
    ClientInput,
    StayInput,
    TravelDocumentInput,
    create_case,
    create_client,
    record_stay,
)
from hkcase.store import Store

ACTOR = "tester"
#: Traditional with an HKSCS character (鄺), and one with 峯; a Simplified name.
HK_NAME = "鄺志峯"
CN_NAME = "张伟"


def santos_case(store: Store, actor: str = ACTOR) -> int:
    """A GEP case of a Philippine national whose passport was issued in the United Kingdom
    (two countries to name in Chinese, and codes that must not be printed alone)."""
    client = create_client(store, ClientInput(
        family_name="Santos", given_names="Maria", sex=Sex.FEMALE,
        date_of_birth=date(1990, 3, 4), nationality="PH", residence=Residence.OVERSEAS,
        travel_documents=[TravelDocumentInput(TravelDocumentType.PASSPORT, "P1234567A", "GB",
                                              date(2022, 1, 5), date(2032, 1, 4))]),
        actor=actor)
    return create_case(store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                        date(2026, 6, 1)), actor=actor).id


def make_case(store: Store, *, scheme: Scheme = Scheme.TTPS,
              kind: ApplicationType = ApplicationType.EXTENSION, chinese_name: str = HK_NAME,
              family: str = "Kwong", given: str = "Chi Fung", sex: Sex = Sex.MALE,
              residence: Residence = Residence.HONG_KONG, limit: date | None = None,
              opened: date = date(2026, 1, 5)) -> tuple[int, str]:
    """A client with a case (and a stay when ``limit`` is given); returns (case id, reference)."""
    client = create_client(store, ClientInput(
        family_name=family, given_names=given, sex=sex, date_of_birth=date(1990, 3, 4),
        nationality="GB", residence=residence, chinese_name=chinese_name), actor=ACTOR)
    ref = create_case(store, CaseInput(client_id=client, scheme=scheme, application_type=kind,
                                       opened_on=opened, employer="Acme Ltd"), actor=ACTOR)
    if limit is not None:
        record_stay(store, StayInput(case_id=ref.id, granted_on=date(2024, 1, 2),
                                     limit_of_stay=limit), actor=ACTOR)
    return ref.id, ref.reference


def make_pdf(path: Path, pages: int = 1, label: str = "scan") -> Path:
    """A small real PDF with text on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from hkcase.printing import fonts as pdf_fonts

    pdf_fonts.fonts()  # an embedded font, so a pack made of these has only embedded fonts
    canvas = Canvas(str(path), pagesize=A4, initialFontName=pdf_fonts.LATIN)
    for number in range(1, pages + 1):
        canvas.setFont(pdf_fonts.LATIN, 14)
        canvas.drawString(72, 760, f"{label} page {number}")
        canvas.showPage()
    canvas.save()
    return path


def make_image(path: Path, fmt: str, size: tuple[int, int] = (600, 800), frames: int = 1
               ) -> Path:
    """A JPEG, PNG or (multi-frame) TIFF with a few lines drawn on it."""
    images = []
    for n in range(frames):
        image = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(image)
        for i in range(12):
            draw.line([(40, 60 + i * 40), (size[0] - 40 - n * 20, 60 + i * 40)], fill="black",
                      width=3)
        images.append(image)
    images[0].save(path, fmt, save_all=frames > 1, append_images=images[1:])
    return path


def make_corrupt_pdf(path: Path) -> Path:
    """A file that starts like a PDF but is cut off and scrambled."""
    buffer = io.BytesIO()
    make_pdf(path, 2)
    data = path.read_bytes()
    buffer.write(data[: len(data) // 3])
    buffer.write(b"\x00garbage" * 20)
    path.write_bytes(buffer.getvalue())
    return path


def make_encrypted_pdf(path: Path, user_password: str = "secret") -> Path:
    """A real PDF that needs a password to open."""
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(path.with_suffix(".plain.pdf"), 2, "secret")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as stream:
        writer.write(stream)
    plain.unlink()
    return path


def make_owner_locked_pdf(path: Path) -> Path:
    """A PDF with only an owner password (opens without one, like many bank statements)."""
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(path.with_suffix(".plain.pdf"), 1, "statement")
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="bank", algorithm="RC4-128")
    with path.open("wb") as stream:
        writer.write(stream)
    plain.unlink()
    return path


def poppler(tool: str) -> str:
    """Path of a poppler tool; fails under CI when missing, skips otherwise."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} not found: install poppler-utils (scripts/bootstrap.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdftotext(path: Path) -> str:
    result = subprocess.run([poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"],
                            capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


def words(text: str) -> str:
    """Extracted text with line breaks and runs of spaces as single spaces (English checks)."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Extracted text with every space and line break removed (Chinese checks)."""
    return "".join(text.split())


def pdffonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows as dicts (name, type, emb, sub, uni)."""
    result = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, text=True,
                            check=True, timeout=60)
    rows = []
    for line in result.stdout.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 6:
            continue
        # name, type (may be two words), encoding, emb, sub, uni, object, id
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        rows.append({"name": parts[0], "emb": emb, "sub": sub, "uni": uni, "line": line})
    return rows


def pdftoppm(path: Path, out_prefix: Path, dpi: int = 60) -> list[Path]:
    subprocess.run([poppler("pdftoppm"), "-png", "-r", str(dpi), str(path), str(out_prefix)],
                   capture_output=True, check=True, timeout=120)
    return sorted(out_prefix.parent.glob(f"{out_prefix.name}-*.png"))
