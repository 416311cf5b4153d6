"""The upload set: one folder per checklist item, each file an allowed type under ImmD's limit.

``prepare_upload_set`` writes ``NN-item-slug/NN-item-slug-partK.ext`` for every accepted
document (latest version) in checklist order, a ``manifest.json`` and a printed
``index.pdf`` (item, files, pages, size, sha256). A document that cannot be made to fit,
or whose stored copy is missing or damaged, is reported by name with the reason. The
stored copies come through ``attachments.shared`` (the data folder, or the database of a
shared PostgreSQL store).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hkcase.domain.checklists import template_item
from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.filing.rules import upload_rules
from hkcase.domain.filing.slots import item_folder, part_name
from hkcase.domain.messages import say, tr
from hkcase.domain.vocab import ChecklistState
from hkcase.printing.result import write_atomically
from hkcase.services.attachments import shared
from hkcase.services.errors import ValidationError
from hkcase.services.filing.checklist import ensure_checklist, numbered
from hkcase.store import Store
from hkcase.store.models import Case

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
INDEX = "index.pdf"


@dataclass(frozen=True)
class UploadFile:
    name: str  # relative to the set's folder: "03-degree-verification/03-…-part1.pdf"
    pages: int
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class Problem:
    """A document left out of the set, and why (``reason``: a ``Message``; the manifest and
    the printed index say it in English)."""

    number: int
    item_title: str
    original_name: str
    reason: str

    @property
    def message(self) -> str:
        """One line in the interface's language."""
        return tr("{file} (item {number}, {item}): {reason}", file=self.original_name,
                  number=self.number, item=self.item_title, reason=self.reason)


@dataclass
class UploadItem:
    number: int
    code: str
    title: str
    upload_slot: str
    uploader: str | None
    folder: str
    state: ChecklistState
    mandatory: bool
    source_name: str | None = None
    source_version: int | None = None
    source_pages: int | None = None
    steps: tuple[str, ...] = ()
    files: list[UploadFile] = field(default_factory=list)


@dataclass(frozen=True)
class UploadSet:
    reference: str
    folder: Path
    made_on: date
    max_bytes: int
    types: tuple[str, ...]
    items: tuple[UploadItem, ...]
    problems: tuple[Problem, ...]
    index_pages: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_target(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ValidationError("output", tr("{folder} exists and is not an empty folder: give "
                                           "a new folder for the upload set", folder=folder))
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise ValidationError("output", tr("folder {folder} does not exist", folder=parent))


def _slot(entry: ChecklistEntry) -> tuple[str, str | None]:
    found = template_item(entry.template_id, entry.code)
    if found is not None and found.upload_slot:
        return found.upload_slot, found.uploader
    return entry.title_en, None


def _problem_words(problem: shared.StoredFileProblem, where: str) -> str:
    if problem.kind == shared.MISSING:
        return (tr("its stored copy is missing from the shared store") if where == "shared store"
                else tr("its stored copy is missing from the attachments folder"))
    return tr("its stored copy is damaged (it no longer matches its checksum)")


def _fit_item(item: UploadItem, entry: ChecklistEntry, content: shared.Attachments,
              folder: Path, on: date) -> Problem | None:
    from hkcase.services.filing.fit import CannotFit, fit_document

    latest = entry.latest
    assert latest is not None
    rules = upload_rules(on)
    reason = None
    fitted = None
    try:
        # the stored file, a decrypted copy, or the shared store's copy: checked first
        with content.opened(latest.sha256, latest.stored_path) as plain:
            fitted = fit_document(plain, latest.media_type, rules.max_bytes,
                                  sorted(rules.scan_dpi, reverse=True), rules.jpeg_quality)
    except shared.StoredFileProblem as problem:
        reason = _problem_words(problem, shared.store_label(content.store))
    except CannotFit as exc:
        reason = tr("it cannot be made to fit: {reason}", reason=exc.args[0])
    except Exception as exc:  # a file no library can read must not stop the set
        # The cause's kind only: an exception's text may quote a file name, i.e. a name.
        log.info("upload set: item %s unreadable: %s", item.number, exc.__class__.__name__)
        reason = tr("it cannot be read as a PDF or an image: scan or save it again")
    if fitted is None:
        return Problem(item.number, item.title, latest.original_name,
                       reason or tr("unknown"))
    item.source_pages, item.steps = fitted.pages, fitted.steps
    for k, part in enumerate(fitted.parts, start=1):
        if len(part.data) > rules.max_bytes:  # the fitting promises this; never ship it
            return Problem(item.number, item.title, latest.original_name,
                           tr("a converted part stayed over the limit"))
        name = f"{item.folder}/{part_name(item.number, item.upload_slot, k, part.extension)}"
        write_atomically(part.data, folder / name)
        item.files.append(UploadFile(name, part.pages, len(part.data), _sha256(part.data)))
    return None


def prepare_upload_set(store: Store, attachments_dir: Path, case_id: int, folder: Path, *,
                       actor: str, on: date | None = None) -> UploadSet:
    """Write the case's upload set into ``folder`` (new or empty); returns what was written."""
    day = on or date.today()
    _check_target(folder)
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        reference = case.reference
    entries = ensure_checklist(store, case_id, actor=actor)
    content = shared.Attachments(store, attachments_dir)
    folder.mkdir(exist_ok=True)
    items: list[UploadItem] = []
    problems: list[Problem] = []
    for number, entry in numbered(entries):
        slot, uploader = _slot(entry)
        item = UploadItem(number, entry.code, entry.title_en, slot, uploader,
                          item_folder(number, slot), entry.state, entry.mandatory)
        items.append(item)
        (folder / item.folder).mkdir(exist_ok=True)
        if entry.state is not ChecklistState.ACCEPTED or entry.latest is None:
            continue
        item.source_name, item.source_version = (entry.latest.original_name,
                                                 entry.latest.version_no)
        problem = _fit_item(item, entry, content, folder, day)
        if problem is not None:
            problems.append(problem)
    rules = upload_rules(day)
    result = UploadSet(reference, folder, day, rules.max_bytes, rules.types, tuple(items),
                       tuple(problems), 0)
    from hkcase.services.filing.upload_index import render_index

    index = render_index(result)
    write_atomically(index.data, folder / INDEX)
    result = UploadSet(reference, folder, day, rules.max_bytes, rules.types, tuple(items),
                       tuple(problems), index.pages)
    write_atomically(json.dumps(manifest(result), ensure_ascii=False, indent=2).encode(),
                     folder / MANIFEST)
    return result


def manifest(result: UploadSet) -> dict[str, Any]:
    """The set as JSON: every item in checklist order with its files, and the problems."""
    return {
        "case": result.reference,
        "made_on": result.made_on.isoformat(),
        "folder": str(result.folder),
        "max_bytes": result.max_bytes,
        "types": list(result.types),
        "index": INDEX,
        "items": [{
            "number": i.number, "code": i.code, "title": i.title, "upload_slot": i.upload_slot,
            "uploader": i.uploader, "folder": i.folder, "state": i.state.value,
            "mandatory": i.mandatory, "source": None if i.source_name is None else {
                "original_name": i.source_name, "version": i.source_version,
                "pages": i.source_pages},
            "steps": list(i.steps),
            "files": [{"name": f.name, "pages": f.pages, "size_bytes": f.size_bytes,
                       "sha256": f.sha256} for f in i.files]} for i in result.items],
        "problems": [{"number": p.number, "item": p.item_title,
                      "original_name": p.original_name, "reason": say(p.reason, "en")}
                     for p in result.problems],
    }
