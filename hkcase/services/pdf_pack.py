"""A case's document pack: cover, summary, checklist, eligibility, then the accepted documents.

The generated part is laid out once; its pages are numbered "X of Y" counting
the enclosures that follow, which are merged with pypdf, stamped with their
enclosure label and page number, and bookmarked one by one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from hkcase.domain.checklists import Lang
from hkcase.domain.reminder_wording import limit_passed, limit_passed_title
from hkcase.domain.vocab import ChecklistState, ItemBasis
from hkcase.services.checklists import ChecklistEntry
from hkcase.services.pdf_fonts import LATIN, GlyphLog
from hkcase.services.pdf_layout import (
    FRAME_WIDTH,
    GREY,
    SHADE,
    Decor,
    Mark,
    Text,
    build,
    grid,
    key_values,
)
from hkcase.services.pdf_merge import Enclosure, Section, Unusable, assemble, open_enclosure
from hkcase.services.pdf_pack_sections import eligibility_section
from hkcase.services.pdf_result import RenderedPdf, SkippedAttachment
from hkcase.services.pdf_text import APPLICATION_TYPES, SCHEMES, STATES, long_date
from hkcase.services.print_data import PackData

ALARM_RED = "#b42318"
SECTIONS = (("summary", "Case summary"), ("checklist", "Checklist"),
            ("eligibility", "Eligibility"))


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _enclosures(data: PackData, attachments_dir: Path
                ) -> tuple[list[Enclosure], list[SkippedAttachment], dict[int, int]]:
    enclosures: list[Enclosure] = []
    skipped: list[SkippedAttachment] = []
    numbers: dict[int, int] = {}
    for entry in data.items:
        if entry.state is not ChecklistState.ACCEPTED:
            continue
        doc = entry.latest
        if doc is None:
            skipped.append(SkippedAttachment(entry.title_en, "(no file)",
                                             "accepted, but no file is attached"))
            continue
        try:
            reader = open_enclosure(doc.path(attachments_dir), doc.media_type, doc.sha256)
        except Unusable as exc:
            skipped.append(SkippedAttachment(entry.title_en, doc.original_name, str(exc)))
            continue
        number = len(enclosures) + 1
        numbers[entry.id] = number
        name = f"{doc.original_name} (v{doc.version_no})"
        enclosures.append(Enclosure(
            number, f"Encl. {number} · {_short(entry.title_en, 60)} · {_short(name, 50)}",
            f"{number}. {_short(entry.title_en)} — {doc.original_name}", reader))
    return enclosures, skipped, numbers


def _cover(text: Text, data: PackData, enclosures: list[Enclosure]) -> list[Any]:
    s = text.styles
    client = data.client
    name = client.english_name + (f"  {client.chinese_name}" if client.chinese_name else "")
    pages = sum(e.pages for e in enclosures)
    scheme = SCHEMES[data.scheme]
    kind = APPLICATION_TYPES[data.application_type]
    return [
        Spacer(1, 30 * mm),
        text.lines([("Document pack", s.title, True), ("申請文件", s.subtitle, False)],
                   where="cover"),
        Spacer(1, 10 * mm),
        text(name, s.title, where="cover: client name"),
        Spacer(1, 6 * mm),
        key_values(text, [
            ("Case reference", data.case_reference),
            ("Scheme", f"{scheme.en}\n{scheme.zh}"),
            ("Application", f"{kind.en} · {kind.zh}"),
            ("ImmD file reference", data.immd_file_ref or ""),
            ("Employer", data.employer or ""),
            ("Consultant", data.consultant or ""),
            ("Prepared on", long_date(data.prepared_on, Lang.EN)),
        ], where="cover"),
        Spacer(1, 10 * mm),
        *_alarm(text, data, "cover"),
        text("Contents", s.h2, where="cover", bold=True),
        *(text(line, s.body, where="cover") for line in (
            "1. Case summary", "2. Checklist", "3. Eligibility",
            f"4. Enclosures: {len(enclosures)} document{'s' if len(enclosures) != 1 else ''}, "
            f"{pages} page{'s' if pages != 1 else ''}")),
        text("Bookmarks in the PDF lead to each section and each enclosure.", s.small,
             where="cover"),
        PageBreak(),
    ]


def _alarm(text: Text, data: PackData, where: str) -> list[Any]:
    """A passed limit of stay, said loudly with what to do now (the same words as the pane)."""
    if data.window is None or not limit_passed(data.window.limit_of_stay, data.prepared_on):
        return []
    style = ParagraphStyle("alarm", text.styles.h2, textColor=colors.HexColor(ALARM_RED),
                           borderColor=colors.HexColor(ALARM_RED), borderWidth=1.2,
                           borderPadding=6, spaceBefore=10, spaceAfter=12)
    return [text(limit_passed_title(data.window.limit_of_stay, data.prepared_on), style,
                 where=where, bold=True)]


def _summary(text: Text, data: PackData, marks: dict[str, int]) -> list[Any]:
    s = text.styles
    c = data.client
    story: list[Any] = [Mark(marks, "summary"), text("Case summary", s.h1, where="summary",
                                                      bold=True),
                        text("Client", s.h2, where="summary", bold=True)]
    story.append(key_values(text, [
        ("Name", c.english_name), ("Chinese name", c.chinese_name or ""), ("Sex", c.sex),
        ("Date of birth", c.date_of_birth.isoformat()), ("Nationality", c.nationality),
        ("Residence", c.residence), ("HKID", c.hkid or ""),
        ("Mainland ID", c.mainland_id or ""), ("Travel document", c.travel_document or ""),
    ], where="summary: client"))
    story += [text("Case", s.h2, where="summary", bold=True), key_values(text, [
        ("Reference", data.case_reference), ("Scheme", SCHEMES[data.scheme].en),
        ("Application", APPLICATION_TYPES[data.application_type].en),
        ("Stage", data.stage.value), ("Outcome", data.outcome.value),
        ("Opened", data.opened_on.isoformat()),
        ("Submitted", data.submitted_on.isoformat() if data.submitted_on else ""),
        ("Sponsor's case", data.sponsor_case or ""),
    ], where="summary: case")]
    if data.stays:
        rows: list[list[Any]] = [[text(h, s.cell_head, where="stays", bold=True) for h in (
            "Stay", "Granted", "Entry", "Limit of stay", "Condition")]]
        for stay in data.stays:
            rows.append([text(v, s.cell, where="stays") for v in (
                "first" if stay.extension_number == 0 else f"extension {stay.extension_number}",
                stay.granted_on.isoformat(),
                stay.entry_date.isoformat() if stay.entry_date else "",
                stay.limit_of_stay.isoformat(), stay.condition or "")])
        story += [text("Limits of stay (as printed on the visa labels)", s.h2, where="stays",
                       bold=True),
                  grid(rows, [26 * mm, 25 * mm, 25 * mm, 28 * mm, FRAME_WIDTH - 104 * mm])]
    if data.window is not None and limit_passed(data.window.limit_of_stay, data.prepared_on):
        story += [Spacer(1, 3 * mm), *_alarm(text, data, "window")]
    elif data.window is not None:
        w = data.window
        rule = "four weeks" if w.rule == "4_weeks" else "three months"
        line = (f"Current limit of stay {w.limit_of_stay.isoformat()}; an extension may be "
                f"filed from {w.opens.isoformat()} ({rule} before the limit).")
        story += [Spacer(1, 3 * mm), text(line, s.body, where="window")]
    story.append(PageBreak())
    return story


def _file_cell(text: Text, entry: ChecklistEntry) -> Any:
    s = text.styles
    doc = entry.latest
    if doc is None:
        return ""
    parts = [(f"{doc.original_name} (v{doc.version_no})", s.cell, False)]
    if doc.expiry_date:
        parts.append((f"expires {doc.expiry_date.isoformat()}", s.cell_small, False))
    return text.stack(parts, where="checklist: file")


def _checklist(text: Text, data: PackData, numbers: dict[int, int], marks: dict[str, int]
               ) -> list[Any]:
    s = text.styles
    story: list[Any] = [Mark(marks, "checklist"), text("Checklist", s.h1, where="checklist",
                                                        bold=True)]
    if data.template:
        story.append(text(f"From template {data.template}; state as of "
                          f"{data.prepared_on.isoformat()}.", s.small, where="checklist"))
    head = ["No.", "Document", "Form", "Req.", "State", "Encl.", "File"]
    rows: list[list[Any]] = [[text(h, s.cell_head, where="checklist", bold=True) for h in head]]
    greyed = []
    for number, entry in enumerate(data.items, start=1):
        where = f"checklist item {number}"
        title = [(entry.title_en, s.cell, False)]
        if entry.title_zh:
            title.append((entry.title_zh, s.cell_small, False))
        mark = f"{number}{' †' if entry.basis is ItemBasis.PRACTICE else ''}"
        rows.append([text(mark, s.cell, where=where), text.stack(title, where=where),
                     text(entry.form_no or "", s.cell, where=where),
                     text("yes" if entry.mandatory else "", s.cell, where=where),
                     text(STATES[entry.state].en, s.cell, where=where),
                     text(str(numbers[entry.id]) if entry.id in numbers else
                          "out" if entry.state is ChecklistState.ACCEPTED else "",
                          s.cell_small if entry.id not in numbers else s.cell, where=where),
                     _file_cell(text, entry)])
        if entry.state is ChecklistState.NOT_APPLICABLE:
            greyed.append(("TEXTCOLOR", (0, number), (-1, number), GREY))
    widths = [10 * mm, 0.0, 17 * mm, 12 * mm, 20 * mm, 13 * mm, 34 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    if data.items:
        story.append(grid(rows, widths, extra=greyed))
    else:
        story.append(text("This case has no checklist.", s.body, where="checklist"))
    if any(e.basis is ItemBasis.PRACTICE for e in data.items):
        story.append(text("† Based on practice, not on ImmD's published list.", s.small,
                          where="checklist"))
    if any(e.state is ChecklistState.ACCEPTED and e.id not in numbers for e in data.items):
        story.append(text("Encl. “out”: accepted, but left out of this pack (see Enclosures, "
                          "Not included).", s.small, where="checklist"))
    if data.expiry:
        heading = f"Expiry check against the filing date {data.filing_date.isoformat()}"
        lines: list[Flowable] = [text(heading, s.h2, where="expiry", bold=True)]
        lines += [text.bullet(w.message, where="expiry") for w in data.expiry]
        story += [Spacer(1, 2 * mm), KeepTogether(lines)]
    story.append(PageBreak())
    return story


def _enclosure_index(text: Text, enclosures: list[Enclosure], skipped: list[SkippedAttachment],
                     marks: dict[str, int]) -> list[Any]:
    s = text.styles
    story: list[Any] = [Mark(marks, "enclosures"), text("Enclosures", s.h1, where="enclosures",
                                                         bold=True)]
    if enclosures:
        rows: list[list[Any]] = [[text(h, s.cell_head, where="enclosures", bold=True)
                                  for h in ("Encl.", "Document and file", "Pages")]]
        rows += [[text(str(e.number), s.cell, where="enclosures"),
                  text(e.bookmark.split(". ", 1)[1], s.cell, where="enclosures"),
                  text(str(e.pages), s.cell, where="enclosures")] for e in enclosures]
        story.append(grid(rows, [14 * mm, FRAME_WIDTH - 30 * mm, 16 * mm]))
    else:
        story.append(text("No accepted document could be enclosed.", s.body,
                          where="enclosures"))
    if skipped:
        story += [text("Not included", s.h2, where="enclosures", bold=True)]
        rows = [[text(h, s.cell_head, where="skipped", bold=True)
                 for h in ("Document", "File", "Why")]]
        rows += [[text(k.item_title, s.cell, where="skipped"),
                  text(k.original_name, s.cell, where="skipped"),
                  text(k.reason, s.cell, where="skipped")] for k in skipped]
        story.append(grid(rows, [60 * mm, 45 * mm, FRAME_WIDTH - 105 * mm]))
    return story


def _ruled_note(text: Text, lines: list[str]) -> Table:
    s = text.styles
    box = Table([[text(line, s.cell, where="note")] for line in lines], colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                             ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return box


def render_pack(data: PackData, attachments_dir: Path) -> RenderedPdf:
    """The whole pack as one PDF; never fails because of an attachment (it is listed instead)."""
    glyphs = GlyphLog()
    text = Text(glyphs)
    enclosures, skipped, numbers = _enclosures(data, attachments_dir)
    marks: dict[str, int] = {}
    story = (_cover(text, data, enclosures) + _summary(text, data, marks)
             + _checklist(text, data, numbers, marks)
             + eligibility_section(text, data.eligibility, marks, _ruled_note)
             + _enclosure_index(text, enclosures, skipped, marks))
    client = data.client
    name = client.english_name + (f" {client.chinese_name}" if client.chinese_name else "")
    decor = Decor(header_left=f"{name} · {data.case_reference}", header_right="Document pack",
                  footer_left=f"hkcase · prepared {data.prepared_on.isoformat()}",
                  langs=(Lang.EN, Lang.ZH_HK),
                  pages_after=sum(e.pages for e in enclosures))
    title = f"Document pack {data.case_reference}: {name}"
    built = build(story, decor, glyphs, title=title, subject=SCHEMES[data.scheme].en)
    sections = [Section("Cover", 0)] + [Section(label, marks[key]) for key, label in SECTIONS
                                        if key in marks]
    pdf = assemble(built.data, sections, enclosures, glyphs,
                   parent=Section("Enclosures", marks["enclosures"]),
                   metadata={"Title": title, "Author": "hkcase", "Creator": "hkcase",
                             "Subject": SCHEMES[data.scheme].en})
    pages = built.pages + sum(e.pages for e in enclosures)
    warnings = [w.message for w in data.expiry] + glyphs.warnings()
    return RenderedPdf(pdf, pages, tuple(warnings), tuple(skipped))
