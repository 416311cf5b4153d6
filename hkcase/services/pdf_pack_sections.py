"""The eligibility report of a pack: each criterion, its status, why, and the rules used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from hkcase.domain.vocab import Scheme
from hkcase.services.pdf_layout import FRAME_WIDTH, Mark, Text, grid, key_values
from hkcase.services.pdf_text import SCHEMES
from hkcase.services.print_data import EligibilityReport

OUTCOMES = {"eligible": "Eligible", "not_eligible": "Not eligible",
            "needs_review": "Needs review"}
STATUSES = {"met": "Met", "not_met": "Not met", "unknown": "Unknown"}
IMMD_DECIDES = (
    "The Immigration Department decides every application. This is the consultant's "
    "assessment against the published criteria, not a decision.",
    "每宗申請均由入境事務處決定。本評估由顧問根據已公布的準則作出，並非入境事務處的決定。",
)


def _scheme_name(value: str) -> str:
    try:
        return SCHEMES[Scheme(value)].en
    except ValueError:
        return value


def _provenance(report: EligibilityReport) -> str:
    if not report.kept:
        return (f"Computed for this pack on {report.assessment_date.isoformat()} from the "
                "client's records; not kept with the case.")
    when = report.created_at.date().isoformat() if report.created_at else "?"
    who = f" by {report.created_by}" if report.created_by else ""
    return f"Check no. {report.run_id}, kept with the case on {when}{who}."


def _criteria(text: Text, result: dict[str, Any]) -> Table | None:
    s = text.styles
    criteria = result.get("criteria") or []
    if not criteria:
        return None
    rows: list[list[Any]] = [[text(h, s.cell_head, where="eligibility", bold=True)
                              for h in ("Criterion", "Status", "Reason")]]
    for c in criteria:
        reason = [(str(c.get("detail") or ""), s.cell, False)]
        if c.get("review"):
            reason.append((f"Review: {c['review']}", s.cell_small, False))
        reason = [r for r in reason if r[0]] or [("", s.cell, False)]
        rows.append([text(str(c.get("text", c.get("id", ""))), s.cell, where="eligibility"),
                     text(STATUSES.get(str(c.get("status")), str(c.get("status"))), s.cell,
                          where="eligibility", bold=c.get("status") == "not_met"),
                     text.stack(reason, where="eligibility")])
    return grid(rows, [62 * mm, 20 * mm, FRAME_WIDTH - 82 * mm])


def eligibility_section(text: Text, report: EligibilityReport | None, marks: dict[str, int],
                        note: Callable[[Text, list[str]], Any]) -> list[Any]:
    """The eligibility pages (ending with a page break)."""
    s = text.styles
    story: list[Any] = [Mark(marks, "eligibility"),
                        text("Eligibility", s.h1, where="eligibility", bold=True)]
    if report is None:
        story += [text("No eligibility check is kept with this case, and none could be made "
                       "from the client's records.", s.body, where="eligibility"),
                  note(text, list(IMMD_DECIDES)), PageBreak()]
        return story
    result = report.result
    rule_set = result.get("rule_set") or {}
    score = ""
    if result.get("score") is not None:
        score = f"{result['score']}" + (f" (pass mark {result['pass_mark']})"
                                         if result.get("pass_mark") is not None else "")
    story.append(key_values(text, [
        ("Scheme", _scheme_name(str(result.get("scheme", "")))),
        ("Outcome", OUTCOMES.get(str(result.get("outcome")), str(result.get("outcome")))),
        ("Category", str(result.get("category") or "")),
        ("Score", score),
        ("Assessed on", report.assessment_date.isoformat()),
        ("Rule set", f"{rule_set['id']}, in force from {rule_set['effective_from']}"
         if rule_set else "none in force on the assessment date"),
        ("Record", _provenance(report)),
    ], where="eligibility", label_width=30 * mm))
    story.append(Spacer(1, 3 * mm))
    table = _criteria(text, result)
    if table is not None:
        story.append(table)
    reasons = [str(r) for r in result.get("reasons") or []]
    if reasons:
        story.append(text("Why", s.h2, where="eligibility", bold=True))
        story += [text.bullet(r, where="eligibility") for r in reasons]
    missing = result.get("missing") or []
    if missing:
        story.append(text(f"Facts that would settle the unknown criteria: "
                          f"{', '.join(map(str, missing))}", s.body, where="eligibility"))
    changes = result.get("changes_on") or []
    if changes:
        story.append(text("Dates on which the answer changes", s.h2, where="eligibility",
                          bold=True))
        story += [text.bullet(f"{c.get('date')}: {c.get('criterion')} {c.get('effect')}",
                              where="eligibility") for c in changes]
    sources = rule_set.get("sources") or []
    if sources:
        story.append(text("Sources of the rules", s.h2, where="eligibility", bold=True))
        story += [text(str(u), s.small, where="eligibility") for u in sources]
    story += [Spacer(1, 4 * mm), note(text, list(IMMD_DECIDES)), PageBreak()]
    return story
