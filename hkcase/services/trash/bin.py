"""Deleting any record to the Trash, restoring it with the same ids, purging it for good.

A deletion is one transaction: the record and everything that goes with it (a
case's stays, reminders, checklist and files) are copied into a ``trash_entry``,
deleted, and audited. Attached files stay in the attachments folder until the
entry is purged and no other document or trash entry refers to them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hkcase.domain.messages import StoredText, tr
from hkcase.domain.vocab import AuditAction
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.conflicts import conflict
from hkcase.services.errors import ValidationError
from hkcase.services.trash.graph import Graph, RestoreError, check_parents, collect, delete, insert
from hkcase.services.trash.labels import KINDS, contents_of, label_of, owners_of
from hkcase.store import Store, audit
from hkcase.store.base import utcnow
from hkcase.store.models import Case, Client, Document, TrashEntry
from hkcase.store.queries import search

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deletion:
    """What a deletion takes: shown before asking, returned after doing it."""

    kind: str
    id: int
    label: str
    #: What goes with it ("2 stays", "5 checklist items", "3 files").
    contents: tuple[str, ...]
    trash_id: int | None = None

    @property
    def question(self) -> str:
        """The one confirmation asked: "Delete case 2026-000001? With it: 2 stays, 3 files."

        In the interface's language; the label and contents are the stored English, said
        again."""
        if self.contents:
            return tr("Delete {record}? With it: {contents}. It can be restored from File ▸ "
                      "Trash.", record=StoredText(self.label),
                      contents=[StoredText(c) for c in self.contents])
        return tr("Delete {record}? It can be restored from File ▸ Trash.",
                  record=StoredText(self.label))


@dataclass(frozen=True)
class TrashItem:
    id: int
    kind: str
    entity_id: int
    label: str
    contents: tuple[str, ...]
    deleted_at: datetime
    deleted_by: str
    client_id: int | None = None


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", tr("{kind} records cannot be deleted here",
                                         kind=repr(kind)))


def _graph(session: Session, kind: str, row_id: int) -> Graph:
    graph = collect(session, kind, row_id)
    if not graph.rows.get(kind):
        raise ValidationError(kind, tr("that record no longer exists (deleted meanwhile?)"))
    return graph


def preview(store: Store, kind: str, row_id: int) -> Deletion:
    """What deleting this record would take with it, for the confirmation."""
    _check_kind(kind)
    with store.reading() as session:
        graph = _graph(session, kind, row_id)
        return Deletion(kind, row_id, label_of(session, kind, graph.rows[kind][0]),
                        tuple(contents_of(graph, kind)))


def _bump_owners(session: Session, client_ids: set[int], case_ids: set[int]) -> None:
    owners: list[Client | Case | None] = [session.get(Client, i) for i in client_ids]
    owners += [session.get(Case, i) for i in case_ids]
    for owner in owners:
        if owner is not None:
            owner.updated_at = utcnow()


def _owner_to_bump(session: Session, kind: str, row: dict[str, Any]
                   ) -> tuple[set[int], set[int]]:
    """Owners whose version a deletion (or restore) of this child raises."""
    if kind in ("travel_document", "education", "employment"):
        return {row["client_id"]}, set()
    if kind == "relationship":
        return {row["sponsor_id"], row["dependant_id"]}, set()
    if kind == "stay":
        return set(), {row["case_id"]}
    return set(), set()


def delete_record(store: Store, kind: str, row_id: int, *, actor: str,
                  expected_version: int | None = None) -> Deletion:
    """Move a record and what goes with it to the Trash; returns what was deleted.

    ``expected_version`` is the owner's version (the client of a travel document,
    the case of a stay) or the record's own (client, case): a stale one raises
    ``ConflictError``.
    """
    with store.transaction() as session:
        return trash_record(session, kind, row_id, actor=actor,
                            expected_version=expected_version)


def trash_record(session: Session, kind: str, row_id: int, *, actor: str,
                 expected_version: int | None = None) -> Deletion:
    """``delete_record`` inside the caller's transaction (flush the caller's changes first)."""
    _check_kind(kind)
    graph = _graph(session, kind, row_id)
    row = graph.rows[kind][0]
    label = label_of(session, kind, row)
    contents = tuple(contents_of(graph, kind))
    client_id, case_id = owners_of(session, kind, row)
    clients, cases = _owner_to_bump(session, kind, row)
    if expected_version is not None:
        owner: Client | Case | None = (
            session.get(Client, row_id) if kind == "client"
            else session.get(Case, row_id) if kind == "case"
            else session.get(Client, min(clients)) if clients
            else session.get(Case, min(cases)) if cases else None)
        if owner is not None and owner.version != expected_version:
            raise conflict(owner, session)  # names the colleague, as every other save
    _bump_owners(session, clients, cases)
    session.flush()
    entry = TrashEntry(deleted_by=actor, entity=kind, entity_id=row_id, label=label[:300],
                       contents=list(contents), snapshot=graph.as_json(),
                       client_id=client_id, case_id=case_id)
    session.add(entry)
    session.flush()
    session.expunge_all()  # the rows go by SQL; no stale objects may flush afterwards
    delete(session, graph)
    audit.record_values(session, actor=actor, action=AuditAction.DELETE, entity=kind,
                        entity_id=row_id, changes={**row, "trash_entry": entry.id,
                                                   "with": list(contents)},
                        client_id=client_id, case_id=case_id)
    if kind != "client" and client_id is not None:
        # After a case goes, a client left without one is found as a client.
        search.refresh_client(session, client_id)
    return Deletion(kind, row_id, label, contents, entry.id)


def list_trash(store: Store) -> list[TrashItem]:
    """Everything in the Trash, newest first."""
    with store.reading() as session:
        return [_item(e)
                for e in session.scalars(sa.select(TrashEntry)
                                         .order_by(TrashEntry.deleted_at.desc(),
                                                   TrashEntry.id.desc()))]


def _item(entry: TrashEntry) -> TrashItem:
    return TrashItem(entry.id, entry.entity, entry.entity_id, entry.label,
                     tuple(entry.contents), entry.deleted_at, entry.deleted_by, entry.client_id)


def _entry(session: Session, trash_id: int) -> TrashEntry:
    entry = session.get(TrashEntry, trash_id)
    if entry is None:
        raise ValidationError("trash", tr("that item is no longer in the Trash"))
    return entry


def restore(store: Store, trash_id: int, *, actor: str) -> TrashItem:
    """Put a trashed record back with its ids (a reused id gets a new one); one transaction."""
    with store.transaction() as session:
        entry = _entry(session, trash_id)
        item = _item(entry)
        graph = Graph.from_json(entry.snapshot)
        try:
            check_parents(session, graph, entry.entity)
            moved = insert(session, graph)
            session.flush()
        except RestoreError as exc:
            raise ValidationError("trash", tr("{record} cannot be restored: {reason}",
                                              record=StoredText(entry.label),
                                              reason=exc.args[0])) from None
        except IntegrityError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else ""
            raise ValidationError("trash", tr("{record} cannot be restored: it clashes with a "
                                              "record added since ({reason})",
                                              record=StoredText(entry.label), reason=reason)
                                  ) from None
        row = graph.rows[entry.entity][0]
        new_id = moved.get((entry.entity, entry.entity_id), entry.entity_id)
        clients, cases = _owner_to_bump(session, entry.entity, row)
        _bump_owners(session, clients, cases)
        audit.record_values(session, actor=actor, action=AuditAction.CREATE,
                            entity=entry.entity, entity_id=new_id,
                            changes={"restored_from_trash": entry.id,
                                     "with": list(entry.contents)},
                            client_id=entry.client_id, case_id=entry.case_id)
        if entry.client_id is not None:
            client_id = moved.get(("client", entry.client_id), entry.client_id)
            if session.get(Client, client_id) is not None:
                search.refresh_client(session, client_id)
        session.delete(entry)
        return item


def _files(graph: Graph) -> set[tuple[str, str]]:
    return {(str(d["sha256"]), str(d["stored_path"])) for d in graph.rows.get("document", [])}


def purge(store: Store, trash_id: int, attachments_dir: Path, *, actor: str) -> TrashItem:
    """Delete a trashed record for good, and its files no other record uses."""
    with store.transaction() as session:
        entry = _entry(session, trash_id)
        item = _item(entry)
        files = _files(Graph.from_json(entry.snapshot))
        audit.record_values(session, actor=actor, action=AuditAction.DELETE,
                            entity="trash_entry", entity_id=entry.id,
                            changes={"purged": entry.entity, "entity_id": entry.entity_id,
                                     "files": len(files)},
                            client_id=entry.client_id, case_id=entry.case_id)
        session.delete(entry)
        session.flush()
        unused = _unused(session, files)
        shared.forget_content(session, unused)  # the shared store's copies (PostgreSQL)
    for relative in unused:
        try:
            attachment_files.remove_stored(attachments_dir, relative)
        except OSError:  # a file that cannot be removed is only wasted space
            log.warning("could not remove purged attachment %s", relative)
    return item


def _unused(session: Session, files: set[tuple[str, str]]) -> list[str]:
    if not files:
        return []
    used = set(session.scalars(sa.select(Document.sha256).where(
        Document.sha256.in_([sha for sha, _ in files]))))
    for (snapshot,) in session.execute(sa.select(TrashEntry.snapshot)):
        used |= {sha for sha, _ in _files(Graph.from_json(snapshot))}
    return sorted(path for sha, path in files if sha not in used)
