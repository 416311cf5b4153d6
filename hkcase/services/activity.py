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

from hkcase.domain.labels import entry as label_entry
from hkcase.domain.labels import label
from hkcase.domain.messages import StoredText, current_language, tr
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



def _entity_words(entity: str) -> str | None:
    """A record's kind in words, in the current language (None: not one of these)."""
    words = {
        "case": lambda: tr("Case"), "client": lambda: tr("Client"),
        "travel_document": lambda: tr("Travel document"), "education": lambda: tr("Education"),
        "employment": lambda: tr("Employment"), "relationship": lambda: tr("Family link"),
        "checklist_item": lambda: tr("Checklist item"), "document": lambda: tr("Document"),
        "note": lambda: tr("Note"), "eligibility_run": lambda: tr("Eligibility check"),
        "reminder": lambda: tr("Reminder"), "stay": lambda: tr("Stay"),
        "case_facts": lambda: tr("Case facts"),
    }.get(entity)
    return words() if words is not None else None


def _field_words(name: str) -> str | None:
    """A changed field in words, in the current language (None: not one of these)."""
    words = {
        "limit_of_stay": lambda: tr("limit"), "granted_on": lambda: tr("granted on"),
        "entry_date": lambda: tr("entry date"),
        "condition_of_stay": lambda: tr("condition of stay"),
        "extension_number": lambda: tr("extension number"),
        "family_name": lambda: tr("family name"), "given_names": lambda: tr("given names"),
        "chinese_name": lambda: tr("Chinese name"),
        "date_of_birth": lambda: tr("date of birth"), "expiry_date": lambda: tr("expiry"),
        "issue_date": lambda: tr("issue date"), "doc_type": lambda: tr("type"),
        "immd_file_ref": lambda: tr("ImmD reference"),
        "submitted_on": lambda: tr("submitted on"), "decided_on": lambda: tr("decided on"),
        "closed_on": lambda: tr("closed on"), "contract_end": lambda: tr("contract end"),
        "consultant_id": lambda: tr("consultant"),
        "snoozed_until": lambda: tr("snoozed until"), "title_en": lambda: tr("title"),
        "original_name": lambda: tr("file"), "hkid": lambda: tr("HKID"),
        "mainland_id": lambda: tr("Mainland ID"),
    }.get(name)
    return words() if words is not None else None

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
        return tr("{what} by {who}", what=self.what, who=self.who) if self.who else self.what


def case_activity(store: Store, case_id: int, *, limit: int = DEFAULT_LIMIT
                  ) -> list[ActivityRow]:
    """Every audited change of the case, its client and its documents, newest first."""
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
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
                self._names[("stay", sid)] = tr("Stay {number}", number=number + 1)
        if wanted.get("checklist_item"):
            for iid, title in session.execute(
                    sa.select(ChecklistItem.id, ChecklistItem.title_en)
                    .where(ChecklistItem.id.in_(wanted["checklist_item"]))):
                self._names[("checklist_item", iid)] = tr("Checklist item «{title}»",
                                                          title=title)
        if wanted.get("document"):
            for did, name, version, title in session.execute(
                    sa.select(Document.id, Document.original_name, Document.version_no,
                              ChecklistItem.title_en)
                    .join(ChecklistItem, ChecklistItem.id == Document.checklist_item_id)
                    .where(Document.id.in_(wanted["document"]))):
                self._names[("document", did)] = tr("Document «{name}» (v{version}, {title})",
                                                    name=name, version=version, title=title)
        if wanted.get("reminder"):
            for rid, title in session.execute(sa.select(Reminder.id, Reminder.title)
                                              .where(Reminder.id.in_(wanted["reminder"]))):
                self._names[("reminder", rid)] = tr("Reminder «{title}»",
                                                    title=StoredText(title))

    def of(self, entry: AuditEntry) -> str:
        found = self._names.get((entry.entity, entry.entity_id))
        if found is not None:
            return found
        return _entity_words(entry.entity) or label(entry.entity,
                                                     current_language()).capitalize()


def _name_from(entity: str, values: dict[str, Any]) -> str:
    if entity == "stay" and isinstance(values.get("extension_number"), int):
        return tr("Stay {number}", number=values["extension_number"] + 1)
    if entity == "travel_document" and values.get("doc_type"):
        code = current_language()
        if code != "en":
            return label(str(values["doc_type"]), code, vocab="TravelDocumentType")
        return _DOCUMENT_TYPES.get(str(values["doc_type"]), "Travel document")
    if entity == "checklist_item" and values.get("title_en"):
        return tr("Checklist item «{title}»", title=values["title_en"])
    if entity == "document" and values.get("original_name"):
        return tr("Document «{name}»", name=values["original_name"])
    return _entity_words(entity) or label(entity, current_language(), capital=True)


def _value(value: Any) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    code = current_language()
    if isinstance(value, str) and (value.islower() or (code != "en" and label_entry(value))):
        return label(value, code)  # QMAS_ABPT too in Chinese; English reads as it always did
    return str(value)


def _field(name: str) -> str:
    return _field_words(name) or label(name, current_language())


def describe(entry: AuditEntry, subject: str) -> str:
    """One entry in a consultant's words (without who: see ``ActivityRow.text``)."""
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    if entry.entity == "case" and "checklist_from" in changes:
        items = changes.get("items") or []
        template = _template_words(str(changes["checklist_from"]))
        if len(items) == 1:
            return tr("Checklist created from {template} ({n} item)",
                      template=template, n=len(items))
        return tr("Checklist created from {template} ({n} items)",
                  template=template, n=len(items))
    if entry.action is AuditAction.CREATE:
        return _created(entry.entity, subject, changes)
    if entry.action is AuditAction.DELETE:
        return tr("{subject} deleted", subject=subject)
    pairs = [(k, v) for k, v in changes.items()
             if k not in _QUIET and isinstance(v, list) and len(v) == 2]
    if entry.entity == "reminder" and pairs:
        state = dict(pairs).get("state")
        until = dict(pairs).get("snoozed_until")
        if state and state[1] == "snoozed":
            return tr("{subject} snoozed until {day}", subject=subject,
                      day=until[1] if until else "?")
        if state:
            return tr("{subject} marked {state}", subject=subject, state=_value(state[1]))
    if not pairs:
        return tr("{subject} changed", subject=subject)
    if len(pairs) == 1:
        name, (old, new) = pairs[0]
        return tr("{subject} {field} changed {old} → {new}", subject=subject,
                  field=_field(name), old=_value(old), new=_value(new))
    return tr("{subject} changed: {changes}", subject=subject, changes="; ".join(
        f"{_field(name)} {_value(old)} → {_value(new)}" for name, (old, new) in pairs))


def _template_words(template_id: str) -> str:
    """A checklist template's id (``qmas_new@2026-12-02``) as its title in the current
    language with its date, in Chinese; English reads the id as it always did."""
    from hkcase.domain.checklists import Lang, template_by_id

    code = current_language()
    template = template_by_id(template_id) if code != "en" else None
    if template is None:
        return template_id
    return tr("{title} ({day})", title=template.title.get(Lang(code)),
              day=template.effective_from)


def _created(entity: str, subject: str, values: dict[str, Any]) -> str:
    if entity == "case":
        scheme, kind = values.get("scheme"), values.get("application_type")
        detail = [_value(v) for v in (scheme, kind) if v]  # joined ", " (English), "、"
        return tr("Case created ({detail})", detail=detail) if detail else tr("Case created")
    if entity == "stay":
        return tr("{subject} recorded: limit {limit}", subject=subject,
                  limit=values.get("limit_of_stay", "?"))
    if entity == "note":
        body = str(values.get("body", "")).strip().replace("\n", " ")
        return tr("Note added: {body}", body=body[:120] + "…" if len(body) > 120 else body)
    if entity == "document":
        return tr("{subject} uploaded", subject=subject)
    if entity == "eligibility_run":
        outcome = _value(values.get("outcome")) if values.get("outcome") else tr("kept")
        rules = values.get("rule_set_id")
        if rules:
            return tr("Eligibility checked: {outcome} (rules {rules})", outcome=outcome,
                      rules=rules)
        return tr("Eligibility checked: {outcome}", outcome=outcome)
    if entity == "client":
        return tr("Client created")
    return tr("{subject} added", subject=subject)
