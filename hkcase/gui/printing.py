"""The case's printed outputs from the GUI: save as PDF, print with a preview, bulk export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QThreadPool
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from hkcase.app import AppContext
from hkcase.domain.checklists import Lang
from hkcase.gui.support.i18n import error_text
from hkcase.gui.support.prompts import Prompts
from hkcase.gui.support.worker import Job, Relay
from hkcase.services.errors import StoreError, ValidationError
from hkcase.services.outputs.render import (
    BulkOutcome,
    PreviewUnavailable,
    RenderedPdf,
    client_chinese,
    export_packs,
    page_images,
    print_checklists,
    render_case_checklist,
    render_letter,
    render_pack,
)

Render = Callable[[Path | None], RenderedPdf]
translate = QCoreApplication.translate


def _report(prompts: Prompts, parent: QWidget, title: str, result: RenderedPdf) -> None:
    notes = list(result.all_warnings)
    if notes:
        prompts.info(parent, title, translate("printing", "Done ({pages} pages), with notes:")
                     .format(pages=result.pages) + "\n• " + "\n• ".join(notes))


def save_pdf(prompts: Prompts, parent: QWidget, title: str, suggested: str,
             render: Render) -> Path | None:
    """Ask where to save, render there, and tell the user what to know about the result."""
    name = prompts.save_file(parent, title, suggested, translate("printing", "PDF (*.pdf)"))
    if not name:
        return None
    try:
        result = render(Path(name))
    except (ValidationError, StoreError, OSError) as exc:
        prompts.error(parent, title, error_text(exc))
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
        prompts.error(parent, title, error_text(exc))
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
        # The client's own Chinese (Simplified for Mainland residents), as the letter's.
        "checklist_zh": lambda target: render_case_checklist(
            ctx.store, case_id, client_chinese(ctx.store, case_id), target=target,
            actor=ctx.actor),
        "letter": lambda target: render_letter(ctx.store, case_id, chinese=None,
                                               signer=ctx.settings.consultant_name or None,
                                               target=target),
    }


def bulk_export(ctx: AppContext, prompts: Prompts, parent: QWidget, case_ids: Sequence[int],
                *, checklists: bool = False) -> QThreadPool | None:
    """A document pack (or the client's checklist) for every selected case, into a folder.

    The files are written on a pool thread while a progress dialog shows how far it got;
    the window stays responsive. Returns the pool (``waitForDone`` to wait), or None.
    """
    what = "checklists" if checklists else "packs"
    say = {  # each sentence whole, so a translation can order it as its language needs
        "title": translate("printing", "Save checklists") if checklists
        else translate("printing", "Save packs"),
        "folder": translate("printing", "Save checklists into folder") if checklists
        else translate("printing", "Save packs into folder"),
        "writing": translate("printing", "Writing checklists…") if checklists
        else translate("printing", "Writing packs…"),
        "written": translate("printing", "{count} checklists written to {folder}.") if checklists
        else translate("printing", "{count} packs written to {folder}."),
        "broke": translate("printing", "The checklists could not be written ({reason}). Files "
                           "already written are kept.") if checklists
        else translate("printing", "The packs could not be written ({reason}). Files already "
                       "written are kept."),
    }
    folder = QFileDialog.getExistingDirectory(parent, say["folder"])
    if not folder:
        return None
    progress = QProgressDialog(say["writing"], "", 0, len(case_ids), parent)
    progress.setObjectName("bulkExportProgress")
    progress.setCancelButton(None)  # type: ignore[arg-type]
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Owned by the window, not the dialog: the window's close waits for the pool.
    relay = Relay(parent)
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    store, attachments, actor = ctx.store, ctx.locations.attachments_dir, ctx.actor
    ids, target = list(case_ids), Path(folder)

    def work() -> list[BulkOutcome]:
        def step(done: int, total: int) -> None:
            relay.progress.emit(done, total)

        if checklists:
            return print_checklists(store, ids, target, progress=step, actor=actor)
        return export_packs(store, attachments, ids, target, progress=step, actor=actor)

    def finished(outcomes: list[BulkOutcome]) -> None:
        progress.close()
        failed = [f"{o.reference}: {o.error}" for o in outcomes if not o.ok]
        prompts.info(parent, say["title"], say["written"].format(
            count=len(outcomes) - len(failed), folder=folder)
            + ("\n" + translate("printing", "Not written:") + "\n" + "\n".join(failed)
               if failed else ""))

    def broke(message: str) -> None:
        progress.close()
        prompts.error(parent, say["title"], say["broke"].format(reason=message))

    relay.progress.connect(lambda done, _total: progress.setValue(done))
    relay.done.connect(finished)
    relay.failed.connect(broke)
    progress.show()
    pool.start(Job(work, relay, f"bulk export of {what}"))
    return pool
