"""A case's checklist when first needed, its items by printed number, attaching by number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hkcase.domain.documents import ChecklistEntry, DocumentVersion
from hkcase.domain.messages import tr
from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists, documents
from hkcase.services.errors import ValidationError
from hkcase.store import Store

#: States ``hkcase attach --state`` may leave the item in.
ATTACH_STATES = (ChecklistState.RECEIVED, ChecklistState.ACCEPTED)


def ensure_checklist(store: Store, case_id: int, *, actor: str, on: date | None = None
                     ) -> list[ChecklistEntry]:
    """The case's checklist, created from its scheme's template first if it has none.

    Used wherever a checklist is first needed (attach, upload set, pack, checklist tab).
    Raises ``ValidationError`` when no template covers the case.
    """
    entries = checklists.list_checklist(store, case_id)
    if entries:
        return entries
    return checklists.create_checklist(store, case_id, actor=actor, on=on)


def numbered(entries: list[ChecklistEntry]) -> list[tuple[int, ChecklistEntry]]:
    """Items with their numbers as printed on the case's checklist (not-applicable ones unnumbered
    and left out, as the printed list leaves them out)."""
    shown = [e for e in entries if e.state is not ChecklistState.NOT_APPLICABLE]
    return list(enumerate(shown, start=1))


def item_by_number(entries: list[ChecklistEntry], number: int, reference: str
                   ) -> ChecklistEntry:
    """The item printed as ``number`` on the case's checklist; ``ValidationError`` if none."""
    rows = numbered(entries)
    for printed, entry in rows:
        if printed == number:
            return entry
    raise ValidationError("item", tr("case {reference} has no checklist item {number} (items 1 "
                                     "to {last})", reference=reference, number=number,
                                     last=len(rows)))


@dataclass(frozen=True)
class Attached:
    """What ``attach`` did."""

    number: int
    item: ChecklistEntry
    version: DocumentVersion


def attach(store: Store, attachments_dir: Path, reference: str, number: int, source: Path, *,
           actor: str, state: ChecklistState = ChecklistState.RECEIVED,
           expiry_date: date | None = None) -> Attached:
    """Attach ``source`` to item ``number`` of case ``reference`` (the GUI's drop, by number).

    The file goes through ``documents.attach_file`` (validation, storage, version, audit in
    one transaction); with ``state=accepted`` the item is then accepted in a second one, so a
    failure there leaves the file attached and the item ``received``.
    """
    if state not in ATTACH_STATES:
        raise ValidationError("state", tr("the state after attaching is received or accepted"))
    case_id = checklists.case_id_for_reference(store, reference)
    entries = ensure_checklist(store, case_id, actor=actor)
    entry = item_by_number(entries, number, reference)
    version = documents.attach_file(store, attachments_dir, entry.id, source, actor=actor,
                                    expiry_date=expiry_date)
    if state is ChecklistState.ACCEPTED:
        entry = checklists.set_item_state(store, entry.id, ChecklistState.ACCEPTED, actor=actor)
    else:
        entry = next(e for e in checklists.list_checklist(store, case_id) if e.id == entry.id)
    return Attached(number, entry, version)
