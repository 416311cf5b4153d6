"""Retention: closed cases older than N years, listed, then purged with their files.

A purge deletes the cases (and everything that belongs to them: stays,
checklists, documents, notes, reminders, eligibility runs, trash entries) and
the attached files no other document uses. A client goes too when none of
their cases remains and no family link ties them to a client who stays. The
identity numbers in the audit entries of what was purged are replaced by
``[removed]``; the entries themselves are kept (who did what, when), and the
purge is audited itself, without any number. One transaction; files are
removed only after it committed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.messages import tr
from hkcase.domain.vocab import AuditAction, Stage
from hkcase.services.archives import format as archive_format
from hkcase.services.attachments import files as attachment_files
from hkcase.services.attachments import shared
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import (
    AuditEntry,
    Case,
    ChecklistItem,
    Client,
    Document,
    Relationship,
    TravelDocument,
)

log = logging.getLogger(__name__)

REMOVED = "[removed]"
_CHUNK = 500


@dataclass(frozen=True)
class Candidate:
    """A closed case old enough to purge."""

    case_id: int
    reference: str
    client_id: int
    client_name: str
    scheme: str
    closed_on: date
    documents: int
    client_goes: bool  # no other case (and no family link to one who stays)

    def as_json(self) -> dict[str, Any]:
        return {"reference": self.reference, "client": self.client_name,
                "scheme": self.scheme, "closed_on": self.closed_on.isoformat(),
                "documents": self.documents, "client_removed": self.client_goes}


@dataclass(frozen=True)
class PurgeReport:
    cases: int
    clients: int
    files_removed: int
    audit_entries_scrubbed: int


def _years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _chunks(values: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def _candidates(session: Session, years: int, today: date) -> list[Candidate]:
    if years < 1:
        raise ValidationError("years", tr("keep closed cases at least one year"))
    cutoff = _years_before(today, years)
    closed = sa.func.coalesce(Case.closed_on, Case.decided_on)
    rows = session.execute(
        sa.select(Case.id, Case.reference, Case.client_id, Client.family_name,
                  Client.given_names, Case.scheme, closed)
        .join(Client, Client.id == Case.client_id)
        .where(Case.stage == Stage.CLOSED, closed.is_not(None), closed <= cutoff)
        .order_by(closed, Case.reference)).all()
    case_ids = {r[0] for r in rows}
    documents: dict[int, int] = {}
    for chunk in _chunks(case_ids):
        for case_id, count in session.execute(
                sa.select(ChecklistItem.case_id, sa.func.count(Document.id))
                .join(Document, Document.checklist_item_id == ChecklistItem.id)
                .where(ChecklistItem.case_id.in_(chunk)).group_by(ChecklistItem.case_id)):
            documents[case_id] = count
    going = _clients_going(session, {r[2] for r in rows}, case_ids)
    return [Candidate(case_id, reference, client_id, f"{family} {given}".strip(),
                      getattr(scheme, "value", str(scheme)), closed_on,
                      documents.get(case_id, 0), client_id in going)
            for case_id, reference, client_id, family, given, scheme, closed_on in rows]


def _clients_going(session: Session, client_ids: set[int], case_ids: set[int]) -> set[int]:
    """Clients all of whose cases are purged and who are linked to no client who stays."""
    staying: set[int] = set()
    for chunk in _chunks(client_ids):
        staying.update(session.scalars(sa.select(Case.client_id).where(
            Case.client_id.in_(chunk), Case.id.not_in(case_ids))))
    going = client_ids - staying
    changed = True
    while changed:  # a family link to someone who stays keeps both
        changed = False
        for sponsor, dependant in session.execute(sa.select(
                Relationship.sponsor_id, Relationship.dependant_id).where(sa.or_(
                Relationship.sponsor_id.in_(going), Relationship.dependant_id.in_(going)))):
            for person, other in ((sponsor, dependant), (dependant, sponsor)):
                if person in going and other not in going:
                    going.discard(person)
                    changed = True
    return going


def closed_cases(store: Store, years: int, *, today: date | None = None) -> list[Candidate]:
    """Closed cases whose closing (or decision) date is at least ``years`` years ago."""
    with store.reading() as session:
        return _candidates(session, years, today or date.today())


def _identity_numbers(session: Session, client_ids: set[int]) -> set[str]:
    numbers: set[str] = set()
    for chunk in _chunks(client_ids):
        for hkid, mainland in session.execute(sa.select(Client.hkid, Client.mainland_id).where(
                Client.id.in_(chunk))):
            numbers.update(n for n in (hkid, mainland) if n)
        numbers.update(session.scalars(sa.select(TravelDocument.number).where(
            TravelDocument.client_id.in_(chunk))))
    return numbers


def _scrubbed(value: Any, numbers: set[str]) -> Any:
    if isinstance(value, str):
        for number in numbers:
            if number in value:
                value = value.replace(number, REMOVED)
        return value
    if isinstance(value, list):
        return [_scrubbed(v, numbers) for v in value]
    if isinstance(value, dict):
        return {k: _scrubbed(v, numbers) for k, v in value.items()}
    return value


def _scrub_audit(session: Session, client_ids: set[int], case_ids: set[int],
                 numbers: set[str]) -> int:
    """Remove identity numbers from the audit entries about these clients and cases."""
    changed = 0
    for client_id in sorted(client_ids):
        changed += audit.scrub_identity_numbers(session, client_id)
    if not numbers:
        return changed
    conditions = [AuditEntry.client_id.in_(c) for c in _chunks(client_ids)]
    conditions += [AuditEntry.case_id.in_(c) for c in _chunks(case_ids)]
    if not conditions:
        return changed
    for entry in session.scalars(sa.select(AuditEntry).where(sa.or_(*conditions))):
        cleaned = _scrubbed(entry.changes, numbers)
        if cleaned != entry.changes:
            entry.changes = cleaned
            changed += 1
    return changed


def _loose_rows(session: Session, client_ids: set[int], case_ids: set[int]) -> None:
    """Delete rows that name a purged client or case without a foreign key (the trash)."""
    for table in archive_format.tables():
        if table.name == "audit_entry" or table.foreign_keys:
            continue
        for owner, ids in (("client_id", client_ids), ("case_id", case_ids)):
            if owner in table.c and ids:
                for chunk in _chunks(ids):
                    session.execute(table.delete().where(table.c[owner].in_(chunk)))


def purge(store: Store, attachments_dir: Path, years: int, *, actor: str,
          today: date | None = None) -> PurgeReport:
    """Purge what ``closed_cases(store, years)`` lists, as it stands now, in one transaction."""
    today = today or date.today()
    with store.transaction() as session:
        candidates = _candidates(session, years, today)
        case_ids = {c.case_id for c in candidates}
        client_ids = {c.client_id for c in candidates if c.client_goes}
        files: set[tuple[str, str]] = set()
        for chunk in _chunks(case_ids):
            files.update((sha, path) for sha, path in session.execute(
                sa.select(Document.sha256, Document.stored_path)
                .join(ChecklistItem, ChecklistItem.id == Document.checklist_item_id)
                .where(ChecklistItem.case_id.in_(chunk))))
        numbers = _identity_numbers(session, client_ids)
        scrubbed = _scrub_audit(session, client_ids, case_ids, numbers)
        _loose_rows(session, client_ids, case_ids)
        for candidate in candidates:
            audit.record_values(session, actor=actor, action=AuditAction.DELETE, entity="case",
                                entity_id=candidate.case_id, client_id=candidate.client_id,
                                case_id=candidate.case_id, changes={
                                    "purged": f"retention: closed {candidate.closed_on} and "
                                              f"kept {years} years",
                                    "reference": candidate.reference})
        for chunk in _chunks(case_ids):
            session.execute(sa.update(Case).where(Case.sponsor_case_id.in_(chunk))
                            .values(sponsor_case_id=None), execution_options={
                                "synchronize_session": False})
            session.execute(sa.delete(Case).where(Case.id.in_(chunk)),
                            execution_options={"synchronize_session": False})
        for chunk in _chunks(client_ids):
            session.execute(sa.delete(Client).where(Client.id.in_(chunk)),
                            execution_options={"synchronize_session": False})
        still_used: set[str] = set()
        shas = sorted({sha for sha, _ in files})
        for start in range(0, len(shas), _CHUNK):
            still_used.update(session.scalars(sa.select(Document.sha256).where(
                Document.sha256.in_(shas[start:start + _CHUNK]))))
        # the shared store's copies (PostgreSQL), in this transaction
        removed = shared.forget_content(session, [p for sha, p in files if sha not in still_used])
    for sha, relative in sorted(files):
        if sha not in still_used:
            with contextlib.suppress(FileNotFoundError):
                attachment_files.absolute_path(attachments_dir, relative).unlink()
                removed += 1
    log.info("retention purge: %d cases, %d clients, %d files", len(case_ids), len(client_ids),
             removed)
    return PurgeReport(len(case_ids), len(client_ids), removed, scrubbed)
