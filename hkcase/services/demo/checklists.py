"""Demo cases' checklists, as ``filing.checklist.ensure_checklist`` would create them.

Calling ``ensure_checklist`` once per case costs two transactions and an audit row each
(minutes for 100,000 clients); the demo writes the same rows — the template in force on the
demo's day, item by item — with one bulk insert per chunk, inside the demo's transaction.
A later ``ensure_checklist`` finds the checklist there and adds nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.checklists import ChecklistTemplate, NoTemplateError, template_for
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme
from hkcase.store.models import ChecklistItem


class ChecklistRows:
    """Builds checklist rows for demo cases, one template look-up per scheme and kind."""

    def __init__(self, on: date) -> None:
        self.on = on
        self._items: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def _template_rows(self, scheme: str, kind: str) -> list[dict[str, Any]]:
        key = (scheme, kind)
        if key not in self._items:
            try:
                template: ChecklistTemplate | None = template_for(
                    Scheme(scheme), ApplicationType(kind), self.on)
            except NoTemplateError:
                template = None  # ensure_checklist refuses such a case too: no checklist
            self._items[key] = [] if template is None else [
                {"code": entry.code, "position": position, "title_en": entry.title.en,
                 "title_zh": entry.title.zh, "title_zh_cn": entry.title.zh_cn,
                 "form_no": entry.form_no, "mandatory": entry.mandatory,
                 "state": ChecklistState.MISSING.value, "notes": entry.notes or None,
                 "source": entry.source, "basis": entry.basis.value,
                 "template_id": template.id}
                for position, entry in enumerate(template.items, start=1)]
        return self._items[key]

    def write(self, session: Session, cases: list[tuple[int, dict[str, Any]]]) -> int:
        """Insert the checklist of each ``(case id, case row)``; the number of items."""
        rows = [{**item, "case_id": case_id} for case_id, case in cases
                for item in self._template_rows(case["scheme"], case["application_type"])]
        if rows:
            session.execute(sa.insert(cast(sa.Table, ChecklistItem.__table__)), rows)
        return len(rows)
