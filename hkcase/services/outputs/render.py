"""Printed outputs for the GUI and the CLI: document packs, checklists, reminder letters.

Every ``render_*`` function returns a ``RenderedPdf`` (bytes, page count,
warnings, skipped attachments) and, given ``target``, also writes the file
atomically. The GUI can print or preview the bytes (``page_images`` turns them
into PNG pages). reportlab and pypdf are imported only when something is
rendered, so starting the CLI or the GUI does not pay for them.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hkcase.domain.checklists import Lang
from hkcase.domain.messages import tr
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.printing.result import RenderedPdf, SkippedAttachment, write_atomically
from hkcase.services.errors import ValidationError
from hkcase.services.outputs import loaders as print_loaders
from hkcase.store import Store
from hkcase.store.models import Case

log = logging.getLogger(__name__)

__all__ = [
    "BulkOutcome",
    "PreviewUnavailable",
    "RenderedPdf",
    "SkippedAttachment",
    "client_chinese",
    "export_packs",
    "page_images",
    "print_checklists",
    "render_blank_checklist",
    "render_case_checklist",
    "render_letter",
    "render_pack",
    "write_atomically",
]


def _finish(result: RenderedPdf, target: Path | None) -> RenderedPdf:
    if target is None:
        return result
    path = write_atomically(result.data, Path(target))
    return RenderedPdf(result.data, result.pages, result.warnings, result.skipped, path)


def render_blank_checklist(scheme: Scheme, application_type: ApplicationType,
                           lang: Lang = Lang.EN, *, on: date | None = None,
                           target: Path | None = None) -> RenderedPdf:
    """A blank checklist with tick boxes for a scheme and application type, to give a client."""
    from hkcase.printing.checklist import checklist_pdf

    data = print_loaders.blank_checklist(scheme, application_type, on or date.today())
    return _finish(checklist_pdf(data, lang), target)


def client_chinese(store: Store, case_id: int) -> Lang:
    """The Chinese the case's client reads, for their checklist and letter: the one rule."""
    return print_loaders.client_chinese(store, case_id)


def render_case_checklist(store: Store, case_id: int, lang: Lang = Lang.EN, *,
                          on: date | None = None, target: Path | None = None,
                          actor: str | None = None) -> RenderedPdf:
    """A case's own checklist for the client: its items with tick boxes, ticked where received.

    With an ``actor``, a case without a checklist first gets its scheme's checklist.
    """
    from hkcase.printing.checklist import checklist_pdf

    if actor is not None:
        _ensure_checklist(store, case_id, actor)

    data = print_loaders.case_checklist(store, case_id, on or date.today())
    return _finish(checklist_pdf(data, lang), target)


def render_pack(store: Store, attachments_dir: Path, case_id: int, *, on: date | None = None,
                filing_date: date | None = None, target: Path | None = None,
                actor: str | None = None, lang: Lang = Lang.EN) -> RenderedPdf:
    """A case's document pack in ``lang``: cover, summary, checklist, eligibility, accepted
    documents.

    Attachments that are corrupt, password-protected or missing are left out
    and named in ``skipped`` (and in the pack). Expiry warnings are against
    ``filing_date`` (default: the case's submission date, else ``on``). With an
    ``actor``, a case without a checklist first gets its scheme's checklist.
    """
    from hkcase.printing.pack.document import pack_pdf as render
    from hkcase.services.outputs.enclosures import open_enclosures

    if actor is not None:
        _ensure_checklist(store, case_id, actor)

    data = print_loaders.pack_data(store, case_id, on or date.today(), filing_date)
    enclosures = open_enclosures(data.items, Path(attachments_dir), store)
    return _finish(render(data, enclosures, lang), target)


def render_letter(store: Store, case_id: int, *, chinese: Lang | None = None,
                  signer: str | None = None, on: date | None = None,
                  target: Path | None = None) -> RenderedPdf:
    """The bilingual extension reminder letter for a case's current limit of stay.

    Raises ``ValidationError`` if the case has no stay or its limit has passed.
    """
    from hkcase.printing.letter import letter_pdf as render

    data = print_loaders.letter_data(store, case_id, on or date.today(), chinese, signer)
    return _finish(render(data), target)


@dataclass(frozen=True)
class BulkOutcome:
    """What happened to one case in a bulk export."""

    case_id: int
    reference: str | None
    path: Path | None
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def _references(store: Store, case_ids: Sequence[int]) -> dict[int, str]:
    import sqlalchemy as sa

    with store.reading() as session:
        rows = session.execute(sa.select(Case.id, Case.reference)
                               .where(Case.id.in_(list(case_ids)))).all()
    return {case_id: reference for case_id, reference in rows}


def _bulk(store: Store, case_ids: Sequence[int], folder: Path, suffix: str,
          render: Callable[[int, Path], RenderedPdf],
          progress: Callable[[int, int], None] | None) -> list[BulkOutcome]:
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("folder", tr("{folder} is not a folder", folder=folder))
    references = _references(store, case_ids)
    outcomes = []
    for done, case_id in enumerate(case_ids, start=1):
        reference = references.get(case_id)
        if reference is None:
            outcomes.append(BulkOutcome(case_id, None, None,
                                        tr("there is no case number {case_id}",
                                           case_id=case_id)))
        else:
            target = folder / f"{reference}-{suffix}.pdf"
            try:
                result = render(case_id, target)
                outcomes.append(BulkOutcome(case_id, reference, result.path, None,
                                            tuple(result.all_warnings)))
            except ValidationError as exc:
                outcomes.append(BulkOutcome(case_id, reference, None, exc.message))
            except Exception as exc:  # one bad case must not stop the others
                log.exception("bulk %s failed for case %s", suffix, case_id)
                outcomes.append(BulkOutcome(case_id, reference, None,
                                            f"{exc.__class__.__name__}: {exc}"))
        if progress is not None:
            progress(done, len(case_ids))
    return outcomes


def export_packs(store: Store, attachments_dir: Path, case_ids: Sequence[int], folder: Path, *,
                 on: date | None = None, progress: Callable[[int, int], None] | None = None,
                 actor: str | None = None, lang: Lang = Lang.EN) -> list[BulkOutcome]:
    """A document pack per case into ``folder`` (``<reference>-pack.pdf``; in Chinese
    ``<reference>-pack-<lang>.pdf``), one outcome each."""
    suffix = "pack" if lang is Lang.EN else f"pack-{lang.value}"
    return _bulk(store, case_ids, folder, suffix,
                 lambda case_id, target: render_pack(store, attachments_dir, case_id, on=on,
                                                     target=target, actor=actor, lang=lang),
                 progress)


def _ensure_checklist(store: Store, case_id: int, actor: str) -> None:
    """Give a case its scheme's checklist if it has none (a scheme without a template: none)."""
    from hkcase.services.filing.checklist import ensure_checklist

    # No template covers the case: the pack then says its checklist is empty.
    with contextlib.suppress(ValidationError):
        ensure_checklist(store, case_id, actor=actor)


def print_checklists(store: Store, case_ids: Sequence[int], folder: Path, lang: Lang = Lang.EN,
                     *, on: date | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     actor: str | None = None) -> list[BulkOutcome]:
    """Each case's checklist for its client into ``folder``, one outcome per case.

    Files are named ``<reference>-checklist-<lang>.pdf``.
    """
    return _bulk(store, case_ids, folder, f"checklist-{lang.value}",
                 lambda case_id, target: render_case_checklist(
                     store, case_id, lang, on=on, target=target, actor=actor), progress)


class PreviewUnavailable(RuntimeError):
    """No PDF rasteriser on this machine; the message says what to install."""


def page_images(pdf: bytes | Path, *, dpi: int = 100) -> list[bytes]:
    """The pages of a PDF as PNG images, for a print preview.

    Uses pypdfium2 when it is installed, else poppler's ``pdftoppm``; raises
    ``PreviewUnavailable`` when neither is there.
    """
    data = Path(pdf).read_bytes() if isinstance(pdf, Path) else pdf
    try:
        import pypdfium2  # type: ignore[import-untyped]
    except ImportError:
        pypdfium2 = None
    if pypdfium2 is not None:  # pragma: no cover - optional dependency
        import io

        document = pypdfium2.PdfDocument(data)
        images = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=dpi / 72).to_pil().save(buffer, "PNG")
            images.append(buffer.getvalue())
        return images
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable("print preview needs pypdfium2 (pip install pypdfium2) or "
                                 "poppler's pdftoppm")
    with tempfile.TemporaryDirectory(prefix="hkcase-preview-") as scratch:
        source = Path(scratch) / "in.pdf"
        source.write_bytes(data)
        subprocess.run([tool, "-png", "-r", str(dpi), str(source), str(Path(scratch) / "p")],
                       check=True, capture_output=True, timeout=120)
        pages = sorted(Path(scratch).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [page.read_bytes() for page in pages]
