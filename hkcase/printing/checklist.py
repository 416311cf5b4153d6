"""A printed checklist with tick boxes, in English, Traditional or Simplified Chinese."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from hkcase.domain.checklists import Lang
from hkcase.printing.data import PrintChecklist, PrintItem
from hkcase.printing.fonts import LATIN, GlyphLog
from hkcase.printing.layout import (
    FRAME_WIDTH,
    SHADE,
    Decor,
    Text,
    TickBox,
    build,
    grid,
    key_values,
)
from hkcase.printing.result import RenderedPdf
from hkcase.printing.text import COVERAGE, label, long_date, state_name, template_names

BLANK = "_" * 28


def _title_cell(text: Text, item: PrintItem, lang: Lang, where: str) -> Any:
    s = text.styles
    main = item.title.get(lang)
    if lang is Lang.EN:
        return text(main, s.cell, where=where)
    return text.stack([(main, s.cell, False), (item.title.en, s.cell_small, False)],
                      where=where)


def _items_table(text: Text, data: PrintChecklist, lang: Lang) -> Table:
    s = text.styles
    with_state = any(item.state is not None for item in data.items)
    head = ["", label("no", lang), label("document", lang), label("form", lang),
            label("required", lang)] + ([label("status", lang)] if with_state else [])
    rows: list[list[Any]] = [[text(h, s.cell_head, where="table header", bold=True)
                              for h in head]]
    for number, item in enumerate(data.items, start=1):
        where = f"item {number}"
        done = item.state is not None and item.state.value in ("received", "reviewed",
                                                               "accepted")
        mark = f"{number}{' †' if item.practice else ''}"
        row = [TickBox(9, ticked=done), text(mark, s.cell, where=where),
               _title_cell(text, item, lang, where), text(item.form_no or "", s.cell, where=where),
               text(label("required" if item.mandatory else "if_applicable", lang), s.cell,
                    where=where)]
        if with_state:
            state = state_name(item.state, lang) if item.state is not None else ""
            row.append(text(state, s.cell, where=where))
        rows.append(row)
    for _ in range(2):  # room to add documents by hand
        rows.append([TickBox(9), "", "", "", ""] + ([""] if with_state else []))
    state_width = 24 * mm if with_state else 0
    widths = [8 * mm, 11 * mm, 0.0, 20 * mm, 25 * mm] + ([state_width] if with_state else [])
    widths[2] = FRAME_WIDTH - sum(widths)
    return grid(rows, widths, extra=[("TOPPADDING", (0, 1), (0, -1), 5)])


def _notice(text: Text, message: str) -> Table:
    box = Table([[text(message, text.styles.cell, where="coverage notice")]],
                colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                             ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("BOX", (0, 0), (-1, -1), 0.6, colors.Color(0.6, 0.6, 0.6)),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def footer(data: PrintChecklist, lang: Lang) -> str:
    """Where the list came from, in ``lang``: the case and the templates by name."""
    names = template_names(data.templates, lang)
    if data.case_reference is None:
        return label("made_blank", lang).format(templates=names) if names else data.provenance
    made = label("made_for_case", lang).format(case=data.case_reference)
    return made + (label("made_from", lang).format(templates=names) if names else "")


def checklist_pdf(data: PrintChecklist, lang: Lang) -> RenderedPdf:
    """Lay out one checklist; returns the PDF and any font warnings."""
    log = GlyphLog()
    text = Text(log)
    s = text.styles
    story: list[Any] = [text(label("checklist", lang), s.title, where="title", bold=True),
                        text(data.heading.get(lang), s.subtitle, where="heading")]
    if lang is not Lang.EN:
        story[-1] = text.lines([(data.heading.get(lang), s.subtitle, False),
                                (data.heading.en, s.small, False)], where="heading")
    story += [key_values(text, [(label("client", lang), data.client or BLANK),
                                (label("case", lang), data.case_reference or BLANK),
                                (label("date", lang), long_date(data.on, lang))],
                         where="details", label_width=24 * mm), Spacer(1, 5 * mm)]
    if data.official_list is not None and COVERAGE[data.official_list].get(lang):
        story += [_notice(text, COVERAGE[data.official_list].get(lang)), Spacer(1, 4 * mm)]
    story += [text(label("tick_help", lang), s.small, where="help"), Spacer(1, 1.5 * mm),
              _items_table(text, data, lang)]
    if any(item.practice for item in data.items):
        story += [Spacer(1, 2 * mm), text(label("practice_mark", lang), s.small,
                                          where="legend")]
    if data.notes:
        notes: list[Flowable] = [text(label("notes", lang), s.h2, where="notes", bold=True)]
        notes += [text.bullet(note.text.get(lang), where=f"note {note.code}", small=True)
                  for note in data.notes]
        story += [Spacer(1, 3 * mm), KeepTogether(notes)]
    header = " · ".join(p for p in (data.client, data.case_reference) if p)
    decor = Decor(header_left=header, header_right=label("checklist", lang),
                  footer_left=footer(data, lang), langs=(lang,))
    built = build(story, decor, log, title=f"{label('checklist', lang)}: "
                  f"{data.heading.get(lang)}", subject=footer(data, Lang.EN))
    return RenderedPdf(built.data, built.pages, tuple(log.warnings()))
