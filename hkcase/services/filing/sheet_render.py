"""The filing data sheet printed (PDF, through the shared layout and fonts) or as HTML.

The printed sheet is also the client's confirmation: "these are the particulars we will
submit", the pre-filing checks above it, a signature line below.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from hkcase.domain.filing.checks import CheckStatus
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.printing.result import RenderedPdf, write_atomically
from hkcase.printing.text import application_name, scheme_name
from hkcase.services.filing.checks import CaseReadiness, summary
from hkcase.services.filing.sheet import FilingSheet
from hkcase.services.filing.sheet_labels import text

# Plain marks: the embedded fonts have no check-mark glyphs.
MARKS = {CheckStatus.PASS: "[OK]", CheckStatus.FAIL: "[X]", CheckStatus.CONFIRM: "[?]",
         CheckStatus.NOT_APPLICABLE: "[-]"}


def _application(sheet: FilingSheet) -> str:
    """The scheme and application type in the sheet's language."""
    scheme, kind = Scheme(sheet.scheme), ApplicationType(sheet.application_type)
    return f"{scheme_name(scheme, sheet.lang)} · {application_name(kind, sheet.lang)}"


def _missing(sheet: FilingSheet) -> str:
    return f"[{text('missing', sheet.lang)}]"


def render_sheet_pdf(sheet: FilingSheet, readiness: CaseReadiness | None = None, *,
                     target: Path | None = None) -> RenderedPdf:
    """A4 PDF of the sheet with the checks and the client's signature line."""
    from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
    from reportlab.platypus import KeepTogether, Spacer  # type: ignore[import-untyped, unused-ignore]

    from hkcase.printing.fonts import GlyphLog
    from hkcase.printing.layout import Decor, Text, build, grid, key_values

    lang = sheet.lang
    log = GlyphLog()
    t = Text(log)
    s = t.styles
    story: list[Any] = [
        t(text("title", lang), s.title, where="title", bold=True),
        key_values(t, [(text("client", lang), sheet.client_name),
                       (text("case", lang), sheet.reference),
                       (text("application", lang), _application(sheet)),
                       (text("date", lang), sheet.on.isoformat())],
                   where="details", label_width=30 * mm),
        Spacer(1, 3 * mm), t(text("confirm", lang), s.body, where="confirmation")]
    if readiness is not None:
        story.append(t(text("checks", lang), s.h2, where="checks", bold=True))
        story.append(t(summary(readiness, lang), s.body, where="checks"))
        story += [t.bullet(f"{MARKS[c.status]} {c.text(lang)}", where="checks", small=True)
                  for c in readiness.checks if c.status is not CheckStatus.NOT_APPLICABLE]
    if sheet.missing:
        story.append(t(f"{len(sheet.missing)} {text('missing_count', lang)}", s.small,
                       where="missing"))
    for section in sheet.sections:
        rows = [[t(section.title, s.cell_head, where=section.code, bold=True), ""]]
        for field in section.fields:
            value = field.display if field.display is not None else _missing(sheet)
            rows.append([t(field.label, s.cell, where=field.key),
                         t(value, s.cell, where=field.key, bold=field.missing)])
        story += [Spacer(1, 3 * mm), grid(rows, [62 * mm, 110 * mm])]
    signature = [Spacer(1, 12 * mm),
                 t("_" * 40 + "        " + "_" * 20, s.body, where="signature"),
                 t(f"{text('signature', lang)}                                        "
                   f"{text('date', lang)}", s.small, where="signature")]
    story.append(KeepTogether(signature))
    decor = Decor(header_left=f"{sheet.client_name} · {sheet.reference}",
                  header_right=text("title", lang),
                  footer_left=f"hkcase filing sheet {sheet.reference}", langs=(lang,))
    built = build(story, decor, log, title=f"{text('title', lang)} {sheet.reference}")
    path = write_atomically(built.data, target) if target is not None else None
    return RenderedPdf(built.data, built.pages, tuple(log.warnings()), path=path)


def render_sheet_html(sheet: FilingSheet, readiness: CaseReadiness | None = None) -> str:
    """The sheet as a self-contained HTML page (every value escaped)."""
    lang = sheet.lang
    parts = [f"<!DOCTYPE html><html lang=\"{escape(lang.value)}\"><head><meta charset=\"utf-8\">"
             f"<title>{escape(text('title', lang))} {escape(sheet.reference)}</title>"
             "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
             "th{text-align:left;background:#1c4573;color:#fff;padding:4px}"
             "td{padding:3px 6px;border-bottom:1px solid #ccc}.missing{color:#b00;"
             "font-weight:bold}table{border-collapse:collapse;width:100%;margin:1em 0}"
             "</style></head><body>",
             f"<h1>{escape(text('title', lang))}</h1>",
             f"<p>{escape(sheet.client_name)} · {escape(sheet.reference)} · "
             f"{escape(_application(sheet))} · "
             f"{sheet.on.isoformat()}</p>",
             f"<p>{escape(text('confirm', lang))}</p>"]
    if readiness is not None:
        parts.append(f"<h2>{escape(text('checks', lang))}</h2>"
                     f"<p>{escape(summary(readiness, lang))}</p><ul>")
        parts += [f"<li>{MARKS[c.status]} {escape(c.text(lang))}</li>" for c in readiness.checks
                  if c.status is not CheckStatus.NOT_APPLICABLE]
        parts.append("</ul>")
    for section in sheet.sections:
        parts.append(f"<table><tr><th colspan=\"2\">{escape(section.title)}</th></tr>")
        for f in section.fields:
            value = (f"<span class=\"missing\">{escape(_missing(sheet))}</span>"
                     if f.display is None else escape(f.display))
            parts.append(f"<tr><td>{escape(f.label)}</td><td>{value}</td></tr>")
        parts.append("</table>")
    parts.append(f"<p style=\"margin-top:4em\">____________________________ &nbsp; "
                 f"____________<br>{escape(text('signature', lang))} &nbsp; "
                 f"{escape(text('date', lang))}</p></body></html>")
    return "".join(parts)
