"""The eligibility report of a pack: each criterion, its status, why, and the rules used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table

from hkcase.domain.checklists import Lang
from hkcase.domain.labels import label
from hkcase.domain.vocab import Scheme
from hkcase.printing.data import EligibilityReport
from hkcase.printing.layout import FRAME_WIDTH, Mark, Text, grid, key_values
from hkcase.printing.text import (
    change_line,
    criterion_detail,
    criterion_name,
    eligibility_word,
    explanation,
    fact_names,
    reason_line,
    scheme_name,
)

#: The hosts whose pages a client's pack may cite: the Immigration Department's and the
#: government portal's. Third-party pages a rule set rests on (consultancies, news sites,
#: other bureaux) stay in the consultant's eligibility report (``hkcase check``, the GUI's
#: eligibility tab), never in what the client is handed.
OFFICIAL_HOSTS = frozenset({"www.immd.gov.hk", "immd.gov.hk", "www.gov.hk"})


def client_sources(sources: object) -> list[str]:
    """The rule set's sources that are ImmD's (or GovHK's) own pages, in their order."""
    if not isinstance(sources, (list, tuple)):
        return []
    kept = []
    for source in sources:
        parts = urlsplit(str(source).strip())
        if parts.scheme in ("https", "http") and (parts.hostname or "") in OFFICIAL_HOSTS:
            kept.append(str(source).strip())
    return kept


def _immd_decides(lang: Lang) -> list[str]:
    """ImmD decides: in English and the pack's Chinese (Traditional in an English pack)."""
    chinese = Lang.ZH_HK if lang is Lang.EN else lang
    return [eligibility_word("immd_decides", Lang.EN), eligibility_word("immd_decides", chinese)]


def _word(value: object, vocab: str, lang: Lang) -> str:
    """An eligibility status, outcome or category in words (from the label catalogue)."""
    return label(str(value), lang, vocab=vocab, capital=True)


def _scheme_name(value: str, lang: Lang = Lang.EN) -> str:
    try:
        return scheme_name(Scheme(value), lang)
    except ValueError:
        return value


def _provenance(report: EligibilityReport, lang: Lang = Lang.EN) -> str:
    if not report.kept:
        return eligibility_word("computed", lang, date=report.assessment_date.isoformat())
    when = report.created_at.date().isoformat() if report.created_at else "?"
    who = eligibility_word("kept_by", lang, who=report.created_by) if report.created_by else ""
    return eligibility_word("kept", lang, run=report.run_id, date=when, who=who)


def _criteria(text: Text, result: dict[str, Any], lang: Lang = Lang.EN) -> Table | None:
    s = text.styles
    criteria = result.get("criteria") or []
    if not criteria:
        return None
    bold = lang is Lang.EN  # the Chinese font has no bold face
    rows: list[list[Any]] = [[text(eligibility_word(h, lang), s.cell_head, where="eligibility",
                                   bold=bold) for h in ("criterion", "status", "reason")]]
    for c in criteria:
        reason = [(criterion_detail(c.get("detail") or "", lang), s.cell, False)]
        if c.get("review"):
            reason.append((eligibility_word("review", lang, text=explanation(c["review"], lang)),
                           s.cell_small, False))
        reason = [r for r in reason if r[0]] or [("", s.cell, False)]
        name = [(criterion_name(c, lang), s.cell, False)]
        if lang is not Lang.EN and c.get("text"):
            name.append((str(c["text"]), s.cell_small, False))
        rows.append([text.stack(name, where="eligibility"),
                     text(_word(c.get("status"), "EligibilityStatus", lang), s.cell,
                          where="eligibility", bold=bold and c.get("status") == "not_met"),
                     text.stack(reason, where="eligibility")])
    return grid(rows, [62 * mm, 20 * mm, FRAME_WIDTH - 82 * mm])


def eligibility_section(text: Text, report: EligibilityReport | None, marks: dict[str, int],
                        note: Callable[[Text, list[str]], Any], lang: Lang = Lang.EN
                        ) -> list[Any]:
    """The eligibility pages in ``lang`` (ending with a page break)."""
    s = text.styles
    bold = lang is Lang.EN
    story: list[Any] = [Mark(marks, "eligibility"),
                        text(eligibility_word("eligibility", lang), s.h1, where="eligibility",
                             bold=bold)]
    if report is None:
        story += [text(eligibility_word("no_check", lang), s.body, where="eligibility"),
                  note(text, _immd_decides(lang)), PageBreak()]
        return story
    result = report.result
    rule_set = result.get("rule_set") or {}
    score = ""
    if result.get("score") is not None:
        score = f"{result['score']}" + (
            eligibility_word("pass_mark", lang, mark=result["pass_mark"])
            if result.get("pass_mark") is not None else "")
    category = result.get("category")
    w = eligibility_word
    story.append(key_values(text, [
        (w("scheme", lang), _scheme_name(str(result.get("scheme", "")), lang)),
        (w("outcome", lang), _word(result.get("outcome"), "EligibilityOutcome", lang)),
        (w("category", lang), _word(category, "EligibilityCategory", lang) if category else ""),
        (w("score", lang), score),
        (w("assessed_on", lang), report.assessment_date.isoformat()),
        (w("rule_set", lang), w("in_force_from", lang, id=rule_set["id"],
                                date=rule_set["effective_from"])
         if rule_set else w("none_in_force", lang)),
        (w("record", lang), _provenance(report, lang)),
    ], where="eligibility", label_width=30 * mm))
    story.append(Spacer(1, 3 * mm))
    criteria = list(result.get("criteria") or [])
    table = _criteria(text, result, lang)
    if table is not None:
        story.append(table)
    reasons = list(result.get("reasons") or [])  # Messages kept: they are said in ``lang``
    if reasons:
        story.append(text(w("why", lang), s.h2, where="eligibility", bold=bold))
        story += [text.bullet(reason_line(r, criteria, lang), where="eligibility")
                  for r in reasons]
    missing = result.get("missing") or []
    if missing:
        story.append(text(w("missing", lang, facts=fact_names([str(m) for m in missing], lang)),
                          s.body, where="eligibility"))
    changes = result.get("changes_on") or []
    if changes:
        story.append(text(w("changes", lang), s.h2, where="eligibility", bold=bold))
        story += [text.bullet(change_line(c, lang), where="eligibility") for c in changes]
    sources = client_sources(rule_set.get("sources"))
    if sources:
        story.append(text(w("sources", lang), s.h2, where="eligibility", bold=bold))
        story += [text(str(u), s.small, where="eligibility") for u in sources]
    story += [Spacer(1, 4 * mm), note(text, _immd_decides(lang)), PageBreak()]
    return story
