"""A case as the case pane shows it, for ``hkcase show``: client, stays, reminders, checklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.reminders.wording import limit_line, limit_passed, shown_title
from hkcase.domain.stay.extension_window import extension_window
from hkcase.services.cases.detail import CaseDetail, get_case
from hkcase.services.checklists import list_checklist
from hkcase.services.eligibility.run import RunSummary, list_runs
from hkcase.services.stays.listing import ReminderRow, case_reminders
from hkcase.store import Store


@dataclass(frozen=True)
class CaseShow:
    """Everything ``hkcase show`` prints, read on ``today``."""

    detail: CaseDetail
    reminders: tuple[ReminderRow, ...]
    checklist: tuple[ChecklistEntry, ...]
    latest_run: RunSummary | None
    today: date

    @property
    def limit_of_stay(self) -> date | None:
        """The current limit: the latest one granted on the case."""
        return max((s.limit_of_stay for s in self.detail.stays), default=None)

    def window_opens(self) -> date | None:
        limit = self.limit_of_stay
        return extension_window(self.detail.scheme, limit).opens if limit else None

    def reminder_title(self, reminder: ReminderRow) -> str:
        return shown_title(reminder.kind, reminder.title, reminder.due_date,
                           self.limit_of_stay, self.today)

    def as_json(self) -> dict[str, Any]:
        d = self.detail
        limit = self.limit_of_stay
        opens = self.window_opens()
        return {
            "reference": d.reference, "scheme": d.scheme.value,
            "application_type": d.application_type.value, "stage": d.stage.value,
            "outcome": d.outcome.value, "immd_file_ref": d.immd_file_ref,
            "employer": d.employer, "consultant": d.consultant, "opened_on": _iso(d.opened_on),
            "submitted_on": _iso(d.submitted_on), "decided_on": _iso(d.decided_on),
            "closed_on": _iso(d.closed_on), "contract_end": _iso(d.contract_end),
            "version": d.version,
            "client": {"id": d.client_id, "name": d.client_name,
                       "chinese_name": d.chinese_name,
                       "date_of_birth": _iso(d.date_of_birth), "nationality": d.nationality,
                       "passport": d.passport},
            "limit_of_stay": _iso(limit), "window_opens": _iso(opens),
            "limit_passed": limit_passed(limit, self.today),
            "limit_line": limit_line(limit, self.today) if limit else None,
            "stays": [{"id": s.id, "extension_number": s.extension_number,
                       "granted_on": _iso(s.granted_on), "entry_date": _iso(s.entry_date),
                       "limit_of_stay": _iso(s.limit_of_stay),
                       "condition_of_stay": s.condition_of_stay} for s in d.stays],
            "reminders": [{"id": r.id, "kind": r.kind.value, "title": self.reminder_title(r),
                           "due_date": _iso(r.due_date), "state": r.state.value,
                           "snoozed_until": _iso(r.snoozed_until)} for r in self.reminders],
            "checklist": [{"number": n, "code": e.code, "title": e.title_en,
                           "title_zh": e.title_zh, "mandatory": e.mandatory,
                           "state": e.state.value, "versions": e.version_count,
                           "file": e.latest.original_name if e.latest else None}
                          for n, e in enumerate(self.checklist, start=1)],
            "latest_verdict": None if self.latest_run is None else {
                "outcome": self.latest_run.outcome, "scheme": self.latest_run.scheme.value,
                "assessment_date": _iso(self.latest_run.assessment_date),
                "rule_set_id": self.latest_run.rule_set_id,
                "checked_at": self.latest_run.created_at.isoformat(timespec="seconds"),
                "checked_by": self.latest_run.created_by},
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def show_case(store: Store, case_id: int, *, today: date | None = None) -> CaseShow:
    """The case with its client, stays, reminders, checklist states and latest kept verdict."""
    with store.snapshot():  # one read transaction: one consistent view of the case
        detail = get_case(store, case_id)
        runs = list_runs(store, case_id)
        return CaseShow(detail, tuple(case_reminders(store, case_id)),
                        tuple(list_checklist(store, case_id)), runs[0] if runs else None,
                        today or date.today())
