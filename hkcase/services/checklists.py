"""A case's checklist: created from the scheme's template, then edited by the consultant.

Every write is one transaction with its audit entry. Items are never deleted
once they come from a template (mark them not applicable instead); an item the
consultant added may be removed while it has no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.checklists import (
    FORM_NO_MAX,
    TITLE_MAX,
    NoTemplateError,
    template_for,
)
from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.messages import tr
from hkcase.domain.vocab import AuditAction, ChecklistState, ItemBasis
from hkcase.services.documents import version_of
from hkcase.services.edits import Edited
from hkcase.services.errors import ValidationError
from hkcase.store import Store, audit
from hkcase.store.models import Case, ChecklistItem, Document


@dataclass(frozen=True)
class NewItem:
    """An item the consultant adds to one case's checklist."""

    title_en: str
    title_zh: str | None = None
    title_zh_cn: str | None = None
    form_no: str | None = None
    mandatory: bool = False
    notes: str | None = None


def case_id_for_reference(store: Store, reference: str) -> int:
    """The id of the case with this reference (``2026-000123``); ``ValidationError`` if none."""
    with store.reading() as session:
        found = session.scalar(sa.select(Case.id).where(Case.reference == reference.strip()))
    if found is None:
        raise ValidationError("case", tr("there is no case {reference}", reference=reference))
    return found


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError("case_id", tr("there is no case number {case_id}", case_id=case_id))
    return case


def _item(session: Session, item_id: int) -> ChecklistItem:
    item = session.get(ChecklistItem, item_id)
    if item is None:
        raise ValidationError("item_id", tr("there is no checklist item number {item_id}",
                                             item_id=item_id))
    return item


def _entries(session: Session, items: list[ChecklistItem]) -> list[ChecklistEntry]:
    ids = [i.id for i in items]
    latest: dict[int, Document] = {}
    counts: dict[int, int] = {}
    if ids:
        for doc in session.scalars(sa.select(Document).where(Document.checklist_item_id.in_(ids))
                                   .order_by(Document.version_no)):
            latest[doc.checklist_item_id] = doc
            counts[doc.checklist_item_id] = counts.get(doc.checklist_item_id, 0) + 1
    return [ChecklistEntry(
        i.id, i.case_id, i.code, i.position, i.title_en, i.title_zh, i.title_zh_cn, i.form_no,
        i.mandatory, i.state, i.notes, i.source, i.basis, i.template_id, counts.get(i.id, 0),
        version_of(latest[i.id]) if i.id in latest else None) for i in items]


def _case_items(session: Session, case_id: int) -> list[ChecklistItem]:
    return list(session.scalars(sa.select(ChecklistItem).where(ChecklistItem.case_id == case_id)
                                .order_by(ChecklistItem.position, ChecklistItem.id)))


def list_checklist(store: Store, case_id: int) -> list[ChecklistEntry]:
    """A case's checklist in order, each item with its newest file and version count."""
    with store.reading() as session:
        _case(session, case_id)
        return _entries(session, _case_items(session, case_id))


def create_checklist(store: Store, case_id: int, *, actor: str, on: date | None = None
                     ) -> list[ChecklistEntry]:
    """Fill a case's checklist from the template for its scheme and application type.

    Idempotent: items already on the case (by code) are left as they are, so
    running it again only adds what a newer template added. Raises
    ``ValidationError`` if no template covers the case.
    """
    with store.transaction() as session:
        fill_checklist(session, case_id, actor=actor, on=on)
        return _entries(session, _case_items(session, case_id))


def fill_checklist(session: Session, case_id: int, *, actor: str, on: date | None = None
                   ) -> int:
    """``create_checklist`` inside the caller's transaction; the number of items added.

    Raises ``ValidationError`` before writing anything if no template covers the case.
    """
    day = on or date.today()
    case = _case(session, case_id)
    try:
        template = template_for(case.scheme, case.application_type, day)
    except NoTemplateError as exc:
        raise ValidationError("checklist", tr("case {reference}: {reason}",
                                               reference=case.reference, reason=exc)) from None
    items = _case_items(session, case_id)
    have = {i.code for i in items}
    position = max((i.position for i in items), default=0)
    added = []
    for entry in template.items:
        if entry.code in have:
            continue
        position += 1
        row = ChecklistItem(
            case_id=case_id, code=entry.code, position=position,
            title_en=entry.title.en, title_zh=entry.title.zh, title_zh_cn=entry.title.zh_cn,
            form_no=entry.form_no, mandatory=entry.mandatory, state=ChecklistState.MISSING,
            notes=entry.notes or None, source=entry.source, basis=entry.basis,
            template_id=template.id)
        session.add(row)
        added.append(row)
    if added:
        session.flush()
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=case,
                     changes={"checklist_from": template.id,
                              "items": [r.code for r in added]})
    return len(added)


def _check_texts(title_en: str | None, title_zh: str | None, title_zh_cn: str | None,
                 form_no: str | None) -> None:
    if title_en is not None and not title_en.strip():
        raise ValidationError("title_en", tr("the item needs an English title"))
    for field, value in (("title_en", title_en), ("title_zh", title_zh),
                         ("title_zh_cn", title_zh_cn)):
        if value is not None and len(value) > TITLE_MAX:
            raise ValidationError(field, tr("at most {most} characters", most=TITLE_MAX))
    if form_no is not None and len(form_no) > FORM_NO_MAX:
        raise ValidationError("form_no", tr("at most {most} characters", most=FORM_NO_MAX))


def add_item(store: Store, case_id: int, item: NewItem, *, actor: str) -> ChecklistEntry:
    """Add an item of the consultant's own to the end of a case's checklist."""
    _check_texts(item.title_en, item.title_zh, item.title_zh_cn, item.form_no)
    with store.transaction() as session:
        _case(session, case_id)
        items = _case_items(session, case_id)
        codes = {i.code for i in items}
        number = 1 + sum(1 for c in codes if c.startswith("custom_"))
        while f"custom_{number}" in codes:
            number += 1
        row = ChecklistItem(
            case_id=case_id, code=f"custom_{number}",
            position=max((i.position for i in items), default=0) + 1,
            title_en=item.title_en.strip(), title_zh=(item.title_zh or "").strip() or None,
            title_zh_cn=(item.title_zh_cn or "").strip() or None,
            form_no=(item.form_no or "").strip() or None, mandatory=item.mandatory,
            state=ChecklistState.MISSING, notes=item.notes, source=None,
            basis=ItemBasis.CONSULTANT, template_id=None)
        session.add(row)
        audit.record(session, actor=actor, action=AuditAction.CREATE, obj=row)
        (entry,) = _entries(session, [row])
        return entry


_EDITABLE = frozenset({"title_en", "title_zh", "title_zh_cn", "form_no", "mandatory", "notes"})


def update_item(store: Store, item_id: int, *, actor: str, **changes: object) -> ChecklistEntry:
    """Change an item's titles, form number, mandatory flag or notes."""
    _check_fields(changes)
    with store.transaction() as session:
        item = _item(session, item_id)
        _assign_fields(item, changes)
        return _audited_entry(session, item, actor)


def _check_fields(changes: dict[str, object]) -> None:
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ValidationError(sorted(unknown)[0], tr("this field cannot be changed here"))
    texts = {k: v for k, v in changes.items() if k != "mandatory"}
    if any(v is not None and not isinstance(v, str) for v in texts.values()):
        raise ValidationError("item", tr("titles, form number and notes must be text"))
    if "mandatory" in changes and not isinstance(changes["mandatory"], bool):
        raise ValidationError("mandatory", tr("must be true or false"))
    strings: dict[str, str | None] = {k: v for k, v in texts.items()
                                       if v is None or isinstance(v, str)}
    _check_texts(strings.get("title_en"), strings.get("title_zh"), strings.get("title_zh_cn"),
                 strings.get("form_no"))
    if "title_en" in changes and changes["title_en"] is None:
        raise ValidationError("title_en", tr("the item needs an English title"))


def _assign_fields(item: ChecklistItem, changes: dict[str, object]) -> None:
    for name, value in changes.items():
        setattr(item, name, (value.strip() or None) if isinstance(value, str) else value)


def _audited_entry(session: Session, item: ChecklistItem, actor: str) -> ChecklistEntry:
    diff = audit.pending_changes(item)
    if diff:
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=item, changes=diff)
    (entry,) = _entries(session, [item])
    return entry


def set_item_state(store: Store, item_id: int, state: ChecklistState, *, actor: str,
                   note: str | None = None) -> ChecklistEntry:
    """Move an item to ``state`` (any state may follow any other); ``note`` is appended."""
    state = _checked_state(state)
    with store.transaction() as session:
        item = _item(session, item_id)
        _assign_state(item, state, note)
        return _audited_entry(session, item, actor)


def _checked_state(state: object) -> ChecklistState:
    try:
        return ChecklistState(str(state))
    except ValueError:
        raise ValidationError("state", tr("{state} is not a checklist state (one of {states})",
                                          state=repr(state),
                                          states=", ".join(s.value for s in ChecklistState))
                              ) from None


def _assign_state(item: ChecklistItem, state: ChecklistState, note: str | None) -> None:
    item.state = state
    if note and note.strip():
        stamp = f"[{date.today().isoformat()} {state.value}] {note.strip()}"
        item.notes = f"{item.notes}\n{stamp}" if item.notes else stamp


def mark_not_applicable(store: Store, item_id: int, *, actor: str, reason: str | None = None
                        ) -> ChecklistEntry:
    """Mark an item not applicable to this case, with the reason in its notes."""
    return set_item_state(store, item_id, ChecklistState.NOT_APPLICABLE, actor=actor,
                          note=reason)


def remove_item(store: Store, item_id: int, *, actor: str) -> None:
    """Delete an item the consultant added, if no file was attached to it."""
    with store.transaction() as session:
        item = _item(session, item_id)
        if item.basis is not ItemBasis.CONSULTANT:
            raise ValidationError("item_id", tr("items from the scheme's checklist cannot be "
                                                "removed; mark them not applicable"))
        if session.scalar(sa.select(sa.func.count()).select_from(Document)
                          .where(Document.checklist_item_id == item_id)):
            raise ValidationError("item_id", tr("this item has files attached; mark it not "
                                                "applicable instead"))
        audit.record(session, actor=actor, action=AuditAction.DELETE, obj=item)
        session.delete(item)


def move_item(store: Store, item_id: int, new_index: int, *, actor: str) -> list[ChecklistEntry]:
    """Move an item to ``new_index`` (0-based) in its case's order; returns the new order."""
    with store.transaction() as session:
        item = _item(session, item_id)
        items = [i for i in _case_items(session, item.case_id) if i.id != item_id]
        items.insert(max(0, min(new_index, len(items))), item)
        for position, row in enumerate(items, start=1):
            row.position = position
        audit.record(session, actor=actor, action=AuditAction.UPDATE, obj=item,
                     changes={"position": item.position})
        return _entries(session, items)


def get_item(store: Store, item_id: int) -> ChecklistEntry:
    """One checklist item, for its details dialog."""
    with store.reading() as session:
        (entry,) = _entries(session, [_item(session, item_id)])
        return entry


def edit_item(store: Store, item_id: int, *, actor: str, **changes: object) -> Edited:
    """``update_item`` and a state change in one transaction, returning the old values (undo)."""
    raw_state = changes.pop("state", None)
    state = None if raw_state is None else _checked_state(raw_state)
    _check_fields(changes)
    with store.transaction() as session:
        item = _item(session, item_id)
        before: dict[str, Any] = {name: getattr(item, name) for name in changes}
        _assign_fields(item, changes)
        if state is not None:
            before["state"] = item.state
            _assign_state(item, state, None)
            changes["state"] = state
        _audited_entry(session, item, actor)
    return Edited("checklist_item", item_id, before, dict(changes))
