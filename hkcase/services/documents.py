"""Files attached to checklist items: versions, where they are stored, expiry warnings.

Attaching copies the file into the attachments folder under its sha256 (see
``attachment_files``) and then records a new ``document`` version in one
transaction with its audit entry. If the database write fails, a file this call
created is removed again unless another document already refers to it.

On PostgreSQL (a shared office) the content goes into the database instead
(``attachments.shared``), in the same transaction as the document row: a file
attached on one desktop is there for every other, and a failed write leaves
nothing behind. Two consultants attaching to the same item at once: the second
is told who attached first, and when (``conflicts.conflict``).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from hkcase.domain.documents import DocumentVersion, ExpiryWarning
from hkcase.domain.messages import tr
from hkcase.domain.vocab import AuditAction, ChecklistState
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.attachments.files import ONLINE_UPLOAD_LIMIT
from hkcase.services.conflicts import conflict
from hkcase.services.edits import Edited
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit, crypto
from hkcase.store.models import Case, ChecklistItem, Document

log = logging.getLogger(__name__)

#: States in which an item no longer waits for the client.
DONE_STATES = frozenset({ChecklistState.RECEIVED, ChecklistState.REVIEWED,
                         ChecklistState.ACCEPTED, ChecklistState.NOT_APPLICABLE})


def version_of(doc: Document, warnings: tuple[str, ...] = ()) -> DocumentVersion:
    """A document row as a plain value."""
    return DocumentVersion(doc.id, doc.checklist_item_id, doc.version_no, doc.sha256,
                           doc.size_bytes, doc.original_name, doc.stored_path, doc.media_type,
                           doc.expiry_date, doc.uploaded_at, doc.uploaded_by, warnings)


def _attach_warnings(name: str, size: int, expiry: date | None, today: date,
                     same_as: int | None) -> tuple[str, ...]:
    warnings = []
    if size > ONLINE_UPLOAD_LIMIT:
        warnings.append(tr("{name} is {size:.1f} MB: GovHK's online upload takes files "
                           "of 5 MB or less", name=name, size=size / 2**20))
    if expiry is not None and expiry < today:
        warnings.append(tr("{name} expired on {day}", name=name, day=expiry))
    if same_as is not None:
        warnings.append(tr("{name} is the same file as version {version} of this item",
                           name=name, version=same_as))
    return tuple(warnings)


def _clean_name(source: Path, original_name: str | None) -> str:
    name = (original_name or source.name).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise ValidationError("original_name", tr("the file needs a name"))
    if len(name) > 255:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 254 - len(ext)] + dot + ext) if dot and len(ext) < 20 else name[:255]
    return name


def attach_file(store: Store, attachments_dir: Path, item_id: int, source: Path, *, actor: str,
                expiry_date: date | None = None, original_name: str | None = None
                ) -> DocumentVersion:
    """Attach ``source`` to a checklist item as its next version; returns that version.

    The item goes back to ``received`` (a new file needs review). Raises
    ``ValidationError`` for an unknown item or a file that is not PDF, JPEG, PNG
    or TIFF (by content, not by name); the message names the file. The returned
    version carries warnings (over GovHK's 5 MB upload limit, already expired,
    same content as an earlier version).
    """
    name = _clean_name(source, original_name)
    with store.reading() as session:
        if session.get(ChecklistItem, item_id) is None:
            raise ValidationError("item_id", tr("there is no checklist item number {item_id}",
                                                 item_id=item_id))
    if shared.in_database(store):  # the shared store: content and row in one transaction
        prepared = shared.prepare(source)
        stored = attachment_files.StoredFile(prepared.sha256, prepared.size_bytes,
                                             prepared.media_type, prepared.relative_path,
                                             created=False)
        return _record(store, item_id, stored, name, expiry_date, actor, prepared)
    stored = attachment_files.store_file(attachments_dir, source)
    try:
        return _record(store, item_id, stored, name, expiry_date, actor)
    except BaseException:
        if stored.created:
            _discard_unreferenced(store, attachments_dir, stored.sha256, stored.relative_path)
        raise


def _record(store: Store, item_id: int, stored: attachment_files.StoredFile, name: str,
            expiry_date: date | None, actor: str,
            content: shared.Prepared | None = None) -> DocumentVersion:
    with store.transaction() as session:
        item = session.get(ChecklistItem, item_id)
        if item is None:
            raise ValidationError("item_id", tr("there is no checklist item number {item_id}",
                                                 item_id=item_id))
        if content is not None:
            shared.put_prepared(session, content)
        latest = session.execute(
            sa.select(Document.version_no, Document.sha256)
            .where(Document.checklist_item_id == item_id)
            .order_by(Document.version_no.desc()).limit(1)).first()
        doc = Document(
            checklist_item_id=item_id,
            version_no=(latest[0] + 1) if latest else 1,
            sha256=stored.sha256,
            size_bytes=stored.size_bytes,
            original_name=name,
            stored_path=stored.relative_path,
            media_type=stored.media_type,
            expiry_date=expiry_date,
            uploaded_by=actor,
        )
        savepoint = session.begin_nested()  # a colleague's version with the same number
        session.add(doc)
        try:
            session.flush()
        except IntegrityError:
            savepoint.rollback()
            case = session.get(Case, item.case_id)
            assert case is not None
            raise conflict(case, session) from None  # names who attached first, and when
        savepoint.commit()
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=doc)
        if item.state is not ChecklistState.RECEIVED:
            old = item.state
            item.state = ChecklistState.RECEIVED
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=item,
                         changes={"state": [old.value, item.state.value],
                                  "document_version": doc.version_no})
        same_as = latest[0] if latest and latest[1] == stored.sha256 else None
        warnings = _attach_warnings(name, stored.size_bytes, expiry_date, date.today(), same_as)
        return version_of(doc, warnings)


def _discard_unreferenced(store: Store, attachments_dir: Path, sha256: str,
                          relative_path: str) -> None:
    try:
        with store.reading() as session:
            used = session.scalar(sa.select(sa.func.count()).select_from(Document)
                                  .where(Document.sha256 == sha256))
    except Exception:  # the database is failing: keep the file rather than risk a reference
        log.warning("could not check whether %s is still used; kept", relative_path)
        return
    if not used:
        attachment_files.remove_stored(attachments_dir, relative_path)


def list_versions(store: Store, item_id: int) -> list[DocumentVersion]:
    """Every version attached to an item, newest first."""
    with store.reading() as session:
        docs = session.scalars(sa.select(Document).where(Document.checklist_item_id == item_id)
                               .order_by(Document.version_no.desc())).all()
        return [version_of(d) for d in docs]


def get_version(store: Store, document_id: int) -> DocumentVersion:
    """One document version; ``ValidationError`` if there is none with this id."""
    with store.reading() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise ValidationError("document_id", tr("there is no document number {document_id}",
                                                     document_id=document_id))
        return version_of(doc)


def stored_file(store: Store, attachments_dir: Path, document_id: int) -> Path:
    """The stored file of a document version, to open in the system viewer.

    In an encrypted data folder: a decrypted copy, 0600 in a private temporary
    folder removed when hkcase exits. Raises ``ValidationError`` if the document
    is unknown, its file is missing or fails its encryption check.
    """
    version = get_version(store, document_id)
    content = shared.Attachments(store, attachments_dir)
    if content.shared:
        return _shared_copy(content, version)
    path = version.path(attachments_dir)
    if not path.is_file():
        raise ValidationError("document_id", tr("the file of {name} (version {version}) is "
                                                "missing: {path}", name=version.original_name,
                                                version=version.version_no, path=path))
    if not crypto.is_encrypted(path):
        return path
    name = _viewer_name(version, path.suffix)
    try:
        return attachment_files.decrypted_copy(path, name)
    except crypto.TamperedFileError:
        raise ValidationError("document_id", tr(
            "the stored file of {name} (version {version}) has been changed or damaged (it "
            "fails its encryption check); restore it from a backup",
            name=version.original_name, version=version.version_no)) from None


def _viewer_name(version: DocumentVersion, suffix: str) -> str:
    name = Path(version.original_name.replace("\\", "/")).name
    if Path(name).suffix.lower() != suffix or name.startswith("."):
        name = f"document-{version.id}{suffix}"
    return name


def _shared_copy(content: shared.Attachments, version: DocumentVersion) -> Path:
    """The viewer's copy of content kept in the database (the shared store)."""
    suffix = Path(version.stored_path).suffix
    try:
        return content.viewer_copy(version.sha256, version.stored_path,
                                   _viewer_name(version, suffix))
    except shared.StoredFileProblem as problem:
        if problem.kind == shared.MISSING:
            raise ValidationError("document_id", tr(
                "the file of {name} (version {version}) is missing from the shared store: run "
                "'hkcase migrate-files' on the desktop it was attached on",
                name=version.original_name, version=version.version_no)) from None
        raise ValidationError("document_id", tr(
            "the stored file of {name} (version {version}) has been changed or damaged (it "
            "fails its checksum)", name=version.original_name,
            version=version.version_no)) from None


def set_expiry(store: Store, document_id: int, expiry_date: date | None, *, actor: str
               ) -> DocumentVersion:
    """Set or clear the expiry date of one document version."""
    with store.transaction() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise ValidationError("document_id", tr("there is no document number {document_id}",
                                                     document_id=document_id))
        doc.expiry_date = expiry_date
        changes = audit.pending_changes(doc)
        if changes:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=doc,
                         changes=changes)
        return version_of(doc)


#: How soon after the filing date an expiry is still worth a warning (a document that runs
#: out while the application is pending may need renewing): the tab and the pack say the same.
EXPIRY_NOTICE_DAYS = 30


def expiry_warnings(store: Store, case_id: int, filing_date: date, *, within_days: int = 0
                    ) -> list[ExpiryWarning]:
    """Latest document versions that will have expired by ``filing_date``.

    With ``within_days`` > 0, also those expiring less than that many days after
    it. Items marked not applicable are left out. Soonest expiry first.
    """
    newest = (sa.select(Document.checklist_item_id,
                        sa.func.max(Document.version_no).label("v"))
              .join(ChecklistItem, ChecklistItem.id == Document.checklist_item_id)
              .where(ChecklistItem.case_id == case_id)
              .group_by(Document.checklist_item_id).subquery())
    limit = filing_date + timedelta(days=max(within_days, 0))
    with store.reading() as session:
        rows = session.execute(
            sa.select(ChecklistItem.id, ChecklistItem.title_en, Document.id,
                      Document.original_name, Document.version_no, Document.expiry_date,
                      ChecklistItem.title_zh, ChecklistItem.title_zh_cn)
            .join(Document, Document.checklist_item_id == ChecklistItem.id)
            .join(newest, sa.and_(newest.c.checklist_item_id == Document.checklist_item_id,
                                  newest.c.v == Document.version_no))
            .where(ChecklistItem.state != ChecklistState.NOT_APPLICABLE,
                   Document.expiry_date.is_not(None), Document.expiry_date < limit)
            .order_by(Document.expiry_date, ChecklistItem.position)).all()
    return [ExpiryWarning(item_id, title, doc_id, name, number, expiry, filing_date,
                          expiry < filing_date, title_zh, title_zh_cn)
            for item_id, title, doc_id, name, number, expiry, title_zh, title_zh_cn in rows
            if expiry is not None]


_VERSION_FIELDS = ("original_name", "expiry_date")


def update_version(store: Store, document_id: int, *, actor: str,
                   **changes: object) -> Edited:
    """Correct a document version's name or expiry date (audited old → new)."""
    unknown = set(changes) - set(_VERSION_FIELDS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], tr("this field cannot be changed here"))
    if "original_name" in changes:
        name = str(changes["original_name"] or "").strip()
        if not name:
            raise ValidationError("original_name", tr("the file needs a name"))
        changes["original_name"] = name[:255]
    expiry = changes.get("expiry_date")
    if expiry is not None and not isinstance(expiry, date):
        raise ValidationError("expiry_date", tr("give the expiry as a date"))
    with store.transaction() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise ValidationError("document_id", tr("there is no document number {document_id}",
                                                     document_id=document_id))
        before = {name: getattr(doc, name) for name in changes}
        for name, value in changes.items():
            setattr(doc, name, value)
        diff = audit.pending_changes(doc)
        if diff:
            audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=doc, changes=diff)
        return Edited("document", document_id, before, dict(changes))
