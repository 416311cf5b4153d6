"""A case's activity: every audited change of the case, its client and its documents, readable.

Audit entries name the client and case they belong to (``audit_entry.client_id``,
``case_id``), so one indexed query finds them all: the case's own records (stays,
checklist items, documents, reminders, notes, eligibility runs) and the client's
(client, travel documents, education, employment, family links). Each entry is
worded for a person: "Stay 2 limit changed 2082-11-25 → 2028-11-25 by Ben Lau".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.labels import label
from hkcase.domain.vocab import AuditAction
from hkcase.services.errors import ValidationError
from hkcase.store import Store
from hkcase.store.models import (
    AuditEntry,
    Case,
    ChecklistItem,
    Document,
    Reminder,
    Stay,
)

DEFAULT_LIMIT = 500

_ENTITY = {
    "case": "Case", "client": "Client", "travel_document": "Travel document",
    "education": "Education", "employment": "Employment", "relationship": "Family link",
    "checklist_item": "Checklist item", "document": "Document", "note": "Note",
    "eligibility_run": "Eligibility check", "reminder": "Reminder", "stay": "Stay",
    "case_facts": "Case facts",
}
_FIELD = {
    "limit_of_stay": "limit", "granted_on": "granted on", "entry_date": "entry date",
    "condition_of_stay": "condition of stay", "extension_number": "extension number",
    "family_name": "family name", "given_names": "given names",
    "chinese_name": "Chinese name", "date_of_birth": "date of birth",
    "expiry_date": "expiry", "issue_date": "issue date", "doc_type": "type",
    "immd_file_ref": "ImmD reference", "submitted_on": "submitted on",
    "decided_on": "decided on", "closed_on": "closed on", "contract_end": "contract end",
    "consultant_id": "consultant", "snoozed_until": "snoozed until", "title_en": "title",
    "original_name": "file", "hkid": "HKID", "mainland_id": "Mainland ID",
}
_QUIET = {"id", "version", "updated_at", "created_at", "uploaded_at", "stored_path",
          "sha256", "case_id", "client_id", "checklist_item_id", "stay_id", "position"}
_DOCUMENT_TYPES = {"passport": "Passport", "prc_passport": "PRC passport",
                   "prc_exit_entry_permit": "Exit-entry permit",
                   "taiwan_entry_permit": "Taiwan entry permit",
                   "document_of_identity": "Document of identity"}


@dataclass(frozen=True)
class ActivityRow:
    """One audited change, worded for the case's activity tab."""

    at: datetime
    who: str | None
    what: str  # "Stay 2 limit changed 2082-11-25 → 2028-11-25"
    entity: str
    action: AuditAction

    @property
    def text(self) -> str:
        return f"{self.what} by {self.who}" if self.who else self.what


def case_activity(store: Store, case_id: int, *, limit: int = DEFAULT_LIMIT
                  ) -> list[ActivityRow]:
    """Every audited change of the case, its client and its documents, newest first."""
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        client_id = case.client_id
        entries = list(session.scalars(
            sa.select(AuditEntry).where(sa.or_(
                AuditEntry.case_id == case_id,
                sa.and_(AuditEntry.client_id == client_id, AuditEntry.case_id.is_(None)),
                # Entries written before audit entries named their owners.
                sa.and_(AuditEntry.entity == "case", AuditEntry.entity_id == case_id),
                sa.and_(AuditEntry.entity == "client", AuditEntry.entity_id == client_id),
            )).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)))
        labels = _Labels(session, entries)
        return [ActivityRow(e.at, e.actor, describe(e, labels.of(e)), e.entity, e.action)
                for e in entries]


class _Labels:
    """Names of the entries' subjects: live rows first, else what the entries recorded."""

    def __init__(self, session: Session, entries: Iterable[AuditEntry]) -> None:
        snapshots: dict[tuple[str, int], dict[str, Any]] = {}
        wanted: dict[str, set[int]] = {}
        for entry in entries:
            wanted.setdefault(entry.entity, set()).add(entry.entity_id)
            if entry.action is not AuditAction.UPDATE and isinstance(entry.changes, dict):
                snapshots.setdefault((entry.entity, entry.entity_id), entry.changes)
        self._names: dict[tuple[str, int], str] = {}
        for (entity, entity_id), values in snapshots.items():
            self._names[(entity, entity_id)] = _name_from(entity, values)
        self._live(session, wanted)

    def _live(self, session: Session, wanted: dict[str, set[int]]) -> None:
        if wanted.get("stay"):
            for sid, number in session.execute(sa.select(Stay.id, Stay.extension_number)
                                               .where(Stay.id.in_(wanted["stay"]))):
                self._names[("stay", sid)] = f"Stay {number + 1}"
        if wanted.get("checklist_item"):
            for iid, title in session.execute(
                    sa.select(ChecklistItem.id, ChecklistItem.title_en)
                    .where(ChecklistItem.id.in_(wanted["checklist_item"]))):
                self._names[("checklist_item", iid)] = f"Checklist item «{title}»"
        if wanted.get("document"):
            for did, name, version, title in session.execute(
                    sa.select(Document.id, Document.original_name, Document.version_no,
                              ChecklistItem.title_en)
                    .join(ChecklistItem, ChecklistItem.id == Document.checklist_item_id)
                    .where(Document.id.in_(wanted["document"]))):
                self._names[("document", did)] = f"Document «{name}» (v{version}, {title})"
        if wanted.get("reminder"):
            for rid, title in session.execute(sa.select(Reminder.id, Reminder.title)
                                              .where(Reminder.id.in_(wanted["reminder"]))):
                self._names[("reminder", rid)] = f"Reminder «{title}»"

    def of(self, entry: AuditEntry) -> str:
        return self._names.get((entry.entity, entry.entity_id),
                               _ENTITY.get(entry.entity, label(entry.entity)
                                           .capitalize()))


def _name_from(entity: str, values: dict[str, Any]) -> str:
    if entity == "stay" and isinstance(values.get("extension_number"), int):
        return f"Stay {values['extension_number'] + 1}"
    if entity == "travel_document" and values.get("doc_type"):
        return _DOCUMENT_TYPES.get(str(values["doc_type"]), "Travel document")
    if entity == "checklist_item" and values.get("title_en"):
        return f"Checklist item «{values['title_en']}»"
    if entity == "document" and values.get("original_name"):
        return f"Document «{values['original_name']}»"
    return _ENTITY.get(entity, label(entity, capital=True))


def _value(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return label(value) if isinstance(value, str) and value.islower() \
        else str(value)


def _field(name: str) -> str:
    return _FIELD.get(name, label(name))


def describe(entry: AuditEntry, subject: str) -> str:
    """One entry in a consultant's words (without who: see ``ActivityRow.text``)."""
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    if entry.entity == "case" and "checklist_from" in changes:
        items = changes.get("items") or []
        return (f"Checklist created from {changes['checklist_from']} "
                f"({len(items)} item{'s' if len(items) != 1 else ''})")
    if entry.action is AuditAction.CREATE:
        return _created(entry.entity, subject, changes)
    if entry.action is AuditAction.DELETE:
        return f"{subject} deleted"
    pairs = [(k, v) for k, v in changes.items()
             if k not in _QUIET and isinstance(v, list) and len(v) == 2]
    if entry.entity == "reminder" and pairs:
        state = dict(pairs).get("state")
        until = dict(pairs).get("snoozed_until")
        if state and state[1] == "snoozed":
            return f"{subject} snoozed until {until[1] if until else '?'}"
        if state:
            return f"{subject} marked {_value(state[1])}"
    if not pairs:
        return f"{subject} changed"
    if len(pairs) == 1:
        name, (old, new) = pairs[0]
        return f"{subject} {_field(name)} changed {_value(old)} → {_value(new)}"
    return f"{subject} changed: " + "; ".join(
        f"{_field(name)} {_value(old)} → {_value(new)}" for name, (old, new) in pairs)


def _created(entity: str, subject: str, values: dict[str, Any]) -> str:
    if entity == "case":
        scheme, kind = values.get("scheme"), values.get("application_type")
        detail = ", ".join(_value(v) for v in (scheme, kind) if v)
        return f"Case created ({detail})" if detail else "Case created"
    if entity == "stay":
        return f"{subject} recorded: limit {values.get('limit_of_stay', '?')}"
    if entity == "note":
        body = str(values.get("body", "")).strip().replace("\n", " ")
        return "Note added: " + (body[:120] + "…" if len(body) > 120 else body)
    if entity == "document":
        return f"{subject} uploaded"
    if entity == "eligibility_run":
        outcome = _value(values.get("outcome")) if values.get("outcome") else "kept"
        rules = values.get("rule_set_id")
        return f"Eligibility checked: {outcome}" + (f" (rules {rules})" if rules else "")
    if entity == "client":
        return "Client created"
    return f"{subject} added"
