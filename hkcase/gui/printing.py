"""The case's printed outputs from the GUI: save as PDF, print with a preview, bulk export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget

from hkcase.domain.checklists import Lang
from hkcase.gui.prompts import Prompts
from hkcase.services.context import AppContext
from hkcase.services.errors import ValidationError
from hkcase.services.outputs import (
    PreviewUnavailable,
    export_packs,
    page_images,
    print_checklists,
    render_case_checklist,
    render_letter,
    render_pack,
)
from hkcase.services.pdf_result import RenderedPdf
from hkcase.store import StoreError

Render = Callable[[Path | None], RenderedPdf]


def _report(prompts: Prompts, parent: QWidget, title: str, result: RenderedPdf) -> None:
    notes = list(result.all_warnings)
    if notes:
        prompts.info(parent, title, f"Done ({result.pages} pages), with notes:\n• "
                     + "\n• ".join(notes))


def save_pdf(prompts: Prompts, parent: QWidget, title: str, suggested: str,
             render: Render) -> Path | None:
    """Ask where to save, render there, and tell the user what to know about the result."""
    name = prompts.save_file(parent, title, suggested, "PDF (*.pdf)")
    if not name:
        return None
    try:
        result = render(Path(name))
    except (ValidationError, StoreError, OSError) as exc:
        prompts.error(parent, title, str(exc))
        return None
    _report(prompts, parent, title, result)
    return result.path


def print_pdf(prompts: Prompts, parent: QWidget, title: str, render: Render, *,
              preview: bool = True) -> bool:
    """Print a rendered PDF through Qt's print dialog, with a preview first."""
    try:
        result = render(None)
        images = page_images(result.data, dpi=150)
    except (ValidationError, StoreError, PreviewUnavailable) as exc:
        prompts.error(parent, title, str(exc))
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)

    def paint(target: QPrinter) -> None:
        painter = QPainter(target)
        for number, png in enumerate(images):
            if number:
                target.newPage()
            image = QImage.fromData(png)
            page = QRectF(target.pageRect(QPrinter.Unit.DevicePixel))
            scaled = image.size().scaled(page.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(page.topLeft(), scaled.toSizeF()), image)
        painter.end()

    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(paint)
        accepted = bool(dialog.exec())
    else:
        chooser = QPrintDialog(printer, parent)
        accepted = bool(chooser.exec())
        if accepted:
            paint(printer)
    _report(prompts, parent, title, result)
    return accepted


def renderers(ctx: AppContext, case_id: int) -> dict[str, Render]:
    """The case's outputs, each a function of the target path (None: bytes only)."""
    attachments = ctx.locations.attachments_dir
    return {
        "pack": lambda target: render_pack(ctx.store, attachments, case_id, target=target,
                                             actor=ctx.actor),
        "checklist_en": lambda target: render_case_checklist(ctx.store, case_id, Lang.EN,
                                                             target=target, actor=ctx.actor),
        "checklist_zh": lambda target: render_case_checklist(ctx.store, case_id, Lang.ZH_HK,
                                                             target=target, actor=ctx.actor),
        "letter": lambda target: render_letter(ctx.store, case_id, chinese=None,
                                               signer=ctx.settings.consultant_name or None,
                                               target=target),
    }


def bulk_export(ctx: AppContext, prompts: Prompts, parent: QWidget, case_ids: Sequence[int],
                *, checklists: bool = False) -> None:
    """A document pack (or the client's checklist) for every selected case, into a folder."""
    what = "checklists" if checklists else "packs"
    folder = QFileDialog.getExistingDirectory(parent, f"Save {what} into folder")
    if not folder:
        return
    progress = QProgressDialog(f"Writing {what}…", "", 0, len(case_ids), parent)
    progress.setCancelButton(None)  # type: ignore[arg-type]
    progress.setWindowModality(Qt.WindowModality.WindowModal)

    def step(done: int, total: int) -> None:
        progress.setValue(done)
        QApplication.processEvents()

    if checklists:
        outcomes = print_checklists(ctx.store, case_ids, Path(folder), progress=step,
                                    actor=ctx.actor)
    else:
        outcomes = export_packs(ctx.store, ctx.locations.attachments_dir, case_ids,
                                Path(folder), progress=step, actor=ctx.actor)
    progress.close()
    failed = [f"{o.reference}: {o.error}" for o in outcomes if not o.ok]
    prompts.info(parent, f"Save {what}", f"{len(outcomes) - len(failed)} {what} written to "
                 f"{folder}." + ("\nNot written:\n" + "\n".join(failed) if failed else ""))
