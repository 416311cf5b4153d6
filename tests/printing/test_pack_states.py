"""The pack's checklist prints every state whole: "Not applicable", never "Not applic/able"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme
from hkcase.services import checklists as C
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.pdf_support import ACTOR, make_case, pdftotext

TODAY = date(2026, 11, 22)


def test_not_applicable_is_printed_on_one_line(sqlite_store: Store, tmp_path: Path) -> None:
    case_id, _reference = make_case(sqlite_store, scheme=Scheme.QMAS_GPT,
                                    kind=ApplicationType.NEW, limit=date(2027, 2, 15))
    entries = C.create_checklist(sqlite_store, case_id, actor=ACTOR, on=TODAY)
    states = (ChecklistState.NOT_APPLICABLE, ChecklistState.REQUESTED,
              ChecklistState.REVIEWED)
    for entry, state in zip(entries, states, strict=False):
        C.set_item_state(sqlite_store, entry.id, state, actor=ACTOR)
    target = tmp_path / "pack.pdf"
    outputs.render_pack(sqlite_store, tmp_path / "attachments", case_id, on=TODAY,
                        target=target)
    lines = [line.strip() for line in pdftotext(target).splitlines()]
    for word in ("Not applicable", "Requested", "Reviewed"):
        assert word in lines, f"{word!r} is not printed whole on a line of its own cell"
    assert "applic" not in lines and "able" not in lines
