"""What to write so the stored reminders match the plan: pure, tested without a database.

``compare`` takes the planned reminders (``plan.plan_reminders``) and the stored
ones by key, and says which to insert, which to update (their case, stay, kind, date
or title changed; their state is kept) and which to remove (no longer planned and
still open: done and dismissed ones stay as history).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from hkcase.domain.reminders.plan import PlannedReminder
from hkcase.domain.vocab import ReminderState

#: States a reminder no longer planned is removed in; others are kept as history.
OPEN_STATES: frozenset[str] = frozenset({ReminderState.PENDING.value,
                                         ReminderState.SNOOZED.value})


class StoredReminder(NamedTuple):
    """What the comparison needs of one stored reminder.

    The title is kept as its ``hash`` (half a million titles need not stay in memory)
    and the due date as ISO text (as SQLite returns it), so reading is cheap.
    """

    id: int
    case_id: int
    stay_id: int | None
    kind: str
    due_iso: str
    title_hash: int
    state: str


def stored(id: int, case_id: int, stay_id: int | None, kind: str, due: object, title: str,
           state: str) -> StoredReminder:
    """A ``StoredReminder`` from a row's plain values (a date or its ISO text)."""
    return StoredReminder(id, case_id, stay_id, str(kind), str(due), hash(title), str(state))


def same(planned: PlannedReminder, row: StoredReminder) -> bool:
    """Whether the stored row already says what the plan says (its state aside)."""
    return (row.case_id == planned.case_id and row.stay_id == planned.stay_id
            and row.kind == planned.kind.value and row.due_iso == planned.due_date.isoformat()
            and row.title_hash == hash(planned.title))


@dataclass
class ReminderChanges:
    """The writes that bring the stored reminders in line with the plan."""

    planned: int = 0
    inserts: list[PlannedReminder] = field(default_factory=list)
    #: ``(stored id, what it becomes)``.
    updates: list[tuple[int, PlannedReminder]] = field(default_factory=list)
    removals: list[StoredReminder] = field(default_factory=list)

    def cases(self) -> set[int]:
        """The cases whose reminders change."""
        found = {p.case_id for p in self.inserts}
        found.update(p.case_id for _, p in self.updates)
        found.update(r.case_id for r in self.removals)
        return found

    def __bool__(self) -> bool:
        return bool(self.inserts or self.updates or self.removals)


def compare(plan: Iterable[PlannedReminder], stored_by_key: Mapping[str, StoredReminder],
            open_states: Collection[str] = OPEN_STATES) -> ReminderChanges:
    """The inserts, updates and removals that make ``stored_by_key`` match ``plan``.

    A planned key not stored is inserted; a stored one that differs is updated (its
    state kept); a stored key no longer planned is removed while its state is in
    ``open_states``, and kept otherwise.
    """
    changes = ReminderChanges()
    planned_keys = set()
    for p in plan:
        changes.planned += 1
        planned_keys.add(p.key)
        row = stored_by_key.get(p.key)
        if row is None:
            changes.inserts.append(p)
        elif not same(p, row):
            changes.updates.append((row.id, p))
    changes.removals = [row for key, row in stored_by_key.items()
                        if key not in planned_keys and row.state in open_states]
    return changes
