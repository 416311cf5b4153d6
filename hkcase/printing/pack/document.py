"""A case's document pack: cover, summary, checklist, eligibility, then the accepted documents.

The generated part is laid out once; its pages are numbered "X of Y" counting
the enclosures that follow, which are merged with pypdf, stamped with their
enclosure label and page number, and bookmarked one by one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from hkcase.domain.checklists import Lang, Texts
from hkcase.domain.countries import country_name
from hkcase.domain.documents import ChecklistEntry, ExpiryWarning
from hkcase.domain.labels import label
from hkcase.domain.messages import Message, said_again, tr
from hkcase.domain.names import full_name
from hkcase.domain.reminders.wording import limit_passed, limit_passed_title
from hkcase.domain.vocab import ChecklistState, ItemBasis
from hkcase.printing.data import PackData
from hkcase.printing.fonts import LATIN, GlyphLog
from hkcase.printing.layout import (
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
from hkcase.printing.pack.merge import Enclosure, Section, assemble
from hkcase.printing.pack.sections import eligibility_section
from hkcase.printing.result import RenderedPdf, SkippedAttachment
from hkcase.printing.text import long_date, template_names, words

ALARM_RED = "#b42318"
SECTIONS = ("summary", "checklist", "eligibility")

_T = Texts
#: The pack's own words; vocabulary values come from the label catalogue. The Chinese is
#: the team's wording (not ImmD's), to be reviewed with the catalogue's.
WORDS: dict[str, Texts] = {
    "pack": _T("Document pack", "申請文件", "申请文件"),
    "cover": _T("Cover", "封面", "封面"),
    "summary": _T("Case summary", "個案摘要", "个案摘要"),
    "checklist": _T("Checklist", "文件清單", "文件清单"),
    "eligibility": _T("Eligibility", "資格評估", "资格评估"),
    "enclosures": _T("Enclosures", "附件", "附件"),
    "case_reference": _T("Case reference", "個案編號", "个案编号"),
    "scheme": _T("Scheme", "計劃", "计划"),
    "application": _T("Application", "申請類別", "申请类别"),
    "immd_file_ref": _T("ImmD file reference", "入境事務處檔案編號", "入境事务处档案编号"),
    "employer": _T("Employer", "僱主", "雇主"),
    "consultant": _T("Consultant", "顧問", "顾问"),
    "prepared_on": _T("Prepared on", "編製日期", "编制日期"),
    "contents": _T("Contents", "目錄", "目录"),
    "contents_enclosures": _T("4. Enclosures: {documents} document{s}, {pages} page{ps}",
                              "4. 附件：{documents} 份文件，共 {pages} 頁",
                              "4. 附件：{documents} 份文件，共 {pages} 页"),
    "bookmarks": _T("Bookmarks in the PDF lead to each section and each enclosure.",
                    "PDF 的書籤可直達各部分及各附件。", "PDF 的书签可直达各部分及各附件。"),
    "client": _T("Client", "客戶", "客户"),
    "name": _T("Name", "姓名", "姓名"),
    "chinese_name": _T("Chinese name", "中文姓名", "中文姓名"),
    "sex": _T("Sex", "性別", "性别"),
    "date_of_birth": _T("Date of birth", "出生日期", "出生日期"),
    "nationality": _T("Nationality", "國籍", "国籍"),
    "residence": _T("Residence", "居住地", "居住地"),
    "hkid": _T("HKID", "香港身份證號碼", "香港身份证号码"),
    "mainland_id": _T("Mainland ID", "內地居民身份證號碼", "内地居民身份证号码"),
    "travel_document": _T("Travel document", "旅行證件", "旅行证件"),
    "valid_to": _T("valid to {date}", "有效期至{date}", "有效期至{date}"),
    "case": _T("Case", "個案", "个案"),
    "reference": _T("Reference", "編號", "编号"),
    "stage": _T("Stage", "進度", "进度"),
    "outcome": _T("Outcome", "結果", "结果"),
    "opened": _T("Opened", "開案日期", "开案日期"),
    "submitted": _T("Submitted", "遞交日期", "递交日期"),
    "sponsor_case": _T("Sponsor's case", "保證人個案", "保证人个案"),
    "stay": _T("Stay", "逗留", "逗留"),
    "granted": _T("Granted", "批准日期", "批准日期"),
    "entry": _T("Entry", "入境日期", "入境日期"),
    "limit_of_stay": _T("Limit of stay", "逗留期限", "逗留期限"),
    "condition": _T("Condition", "逗留條件", "逗留条件"),
    "first_stay": _T("first", "首次", "首次"),
    "extension_no": _T("extension {n}", "第 {n} 次延期", "第 {n} 次延期"),
    "stays_heading": _T("Limits of stay (as printed on the visa labels)",
                        "逗留期限（按簽證標籤所載）", "逗留期限（按签证标签所载）"),
    "window": _T("Current limit of stay {limit}; an extension may be filed from {opens} "
                 "({rule} before the limit).",
                 "現時的逗留期限為{limit}；可於{opens}起申請延期（逗留期限屆滿前{rule}內）。",
                 "现时的逗留期限为{limit}；可于{opens}起申请延期（逗留期限届满前{rule}内）。"),
    # English: reminders.wording.limit_passed_title (the pane's words).
    "limit_passed": _T("",
                       "逗留期限已於{limit}屆滿：逾期逗留屬違法，入境事務處不再接受網上延期"
                       "申請。請立即聯絡入境事務處資料及聯絡科（電話 (852) 2824 6111，電郵 "
                       "enquiry@immd.gov.hk）。",
                       "逗留期限已于{limit}届满：逾期逗留属违法，入境事务处不再接受网上延期"
                       "申请。请立即联络入境事务处资料及联络科（电话 (852) 2824 6111，电邮 "
                       "enquiry@immd.gov.hk）。"),
    "from_template": _T("From template {template}; state as of {date}.",
                        "來自範本 {template}；狀況截至{date}。",
                        "来自范本 {template}；状况截至{date}。"),
    "no": _T("No.", "編號", "编号"),
    "document": _T("Document", "文件", "文件"),
    "form": _T("Form", "表格", "表格"),
    "req": _T("Req.", "必須", "必须"),
    "state": _T("State", "狀況", "状况"),
    "encl": _T("Encl.", "附件", "附件"),
    "file": _T("File", "檔案", "档案"),
    "yes": _T("yes", "是", "是"),
    "out": _T("out", "未附", "未附"),
    "expires": _T("expires {date}", "{date}到期", "{date}到期"),
    "no_checklist": _T("This case has no checklist.", "此個案沒有文件清單。",
                       "此个案没有文件清单。"),
    "practice_mark": _T("† Based on practice, not on ImmD's published list.",
                        "† 根據一般做法列出，並非入境事務處公布的清單。",
                        "† 根据一般做法列出，并非入境事务处公布的清单。"),
    "out_note": _T("Encl. “out”: accepted, but left out of this pack (see Enclosures, "
                   "Not included).",
                   "附件「未附」：已接納，但未收入本文件包（見「附件」之「未收入」）。",
                   "附件“未附”：已接纳，但未收入本文件包（见“附件”之“未收入”）。"),
    "expiry_heading": _T("Expiry check against the filing date {date}",
                         "按遞交日期{date}檢查文件有效期", "按递交日期{date}检查文件有效期"),
    "expired": _T("", "{title}：{file}於{date}到期，早於遞交日期{filing}",
                  "{title}：{file}于{date}到期，早于递交日期{filing}"),
    "expires_soon": _T("", "{title}：{file}於{date}到期，即遞交日期{filing}後不久",
                       "{title}：{file}于{date}到期，即递交日期{filing}后不久"),
    "document_and_file": _T("Document and file", "文件及檔案", "文件及档案"),
    "pages": _T("Pages", "頁數", "页数"),
    "nothing_enclosed": _T("No accepted document could be enclosed.",
                           "沒有可附上的已接納文件。", "没有可附上的已接纳文件。"),
    "not_included": _T("Not included", "未收入", "未收入"),
    "why": _T("Why", "原因", "原因"),
    "prepared_footer": _T("hkcase · prepared {date}", "hkcase · 編製於{date}",
                          "hkcase · 编制于{date}"),
}


def _w(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key].get(lang).format(**values)


def _date(day: date | None, lang: Lang) -> str:
    """ISO dates in the English pack (as before), ``2026年12月2日`` in the Chinese ones."""
    if day is None:
        return ""
    return day.isoformat() if lang is Lang.EN else long_date(day, lang)


def _said(text: str, lang: Lang) -> str:
    """A skip's reason or file in the pack's language: a ``Message`` said again, a stored
    English sentence the catalogue knows in its Chinese; anything else (a file's name) as is."""
    if isinstance(text, Message):
        return label(text, lang)
    return said_again(text, lang) if text.isascii() else text


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(entry: ChecklistEntry, lang: Lang) -> str:
    return entry.title(lang)


def _enclosures(data: PackData, opened: Mapping[int, PdfReader | str], lang: Lang
                ) -> tuple[list[Enclosure], list[SkippedAttachment], dict[int, int]]:
    enclosures: list[Enclosure] = []
    skipped: list[SkippedAttachment] = []
    numbers: dict[int, int] = {}
    encl = _w("encl", lang)
    for entry in data.items:
        if entry.state is not ChecklistState.ACCEPTED:
            continue
        doc = entry.latest
        title = _title(entry, lang)
        if doc is None:
            skipped.append(SkippedAttachment(title, tr("(no file)"),
                                             tr("accepted, but no file is attached")))
            continue
        reader = opened.get(entry.id)
        if reader is None:
            reader = tr("its file was not opened for this pack")
        if isinstance(reader, str):
            skipped.append(SkippedAttachment(title, doc.original_name, reader))
            continue
        number = len(enclosures) + 1
        numbers[entry.id] = number
        name = f"{doc.original_name} (v{doc.version_no})"
        enclosures.append(Enclosure(
            number, f"{encl} {number} · {_short(title, 60)} · {_short(name, 50)}",
            f"{number}. {_short(title)} — {doc.original_name}", reader))
    return enclosures, skipped, numbers


def _cover(text: Text, data: PackData, enclosures: list[Enclosure], lang: Lang) -> list[Any]:
    s = text.styles
    client = data.client
    name = full_name(client.english_name, client.chinese_name, "  ")
    pages = sum(e.pages for e in enclosures)
    scheme, kind = words(data.scheme), words(data.application_type)
    other = Lang.ZH_HK if lang is Lang.EN else Lang.EN  # the second language of the cover
    count = len(enclosures)
    return [
        Spacer(1, 30 * mm),
        text.lines([(_w("pack", lang), s.title, lang is Lang.EN),
                    (_w("pack", other), s.subtitle, False)], where="cover"),
        Spacer(1, 10 * mm),
        text(name, s.title, where="cover: client name"),
        Spacer(1, 6 * mm),
        key_values(text, [
            (_w("case_reference", lang), data.case_reference),
            (_w("scheme", lang), f"{scheme.get(lang)}\n{scheme.get(other)}"),
            (_w("application", lang), f"{kind.get(lang)} · {kind.get(other)}"),
            (_w("immd_file_ref", lang), data.immd_file_ref or ""),
            (_w("employer", lang), data.employer or ""),
            (_w("consultant", lang), data.consultant or ""),
            (_w("prepared_on", lang), long_date(data.prepared_on, lang)),
        ], where="cover"),
        Spacer(1, 10 * mm),
        *_alarm(text, data, "cover", lang),
        text(_w("contents", lang), s.h2, where="cover", bold=lang is Lang.EN),
        *(text(line, s.body, where="cover") for line in (
            f"1. {_w('summary', lang)}", f"2. {_w('checklist', lang)}",
            f"3. {_w('eligibility', lang)}",
            _w("contents_enclosures", lang, documents=count, s="s" if count != 1 else "",
               pages=pages, ps="s" if pages != 1 else ""))),
        text(_w("bookmarks", lang), s.small, where="cover"),
        PageBreak(),
    ]


def _alarm(text: Text, data: PackData, where: str, lang: Lang) -> list[Any]:
    """A passed limit of stay, said loudly with what to do now (the same words as the pane)."""
    if data.window is None or not limit_passed(data.window.limit_of_stay, data.prepared_on):
        return []
    style = ParagraphStyle("alarm", text.styles.h2, textColor=colors.HexColor(ALARM_RED),
                           borderColor=colors.HexColor(ALARM_RED), borderWidth=1.2,
                           borderPadding=6, spaceBefore=10, spaceAfter=12)
    limit = data.window.limit_of_stay
    line = (limit_passed_title(limit, data.prepared_on) if lang is Lang.EN
            else _w("limit_passed", lang, limit=long_date(limit, lang)))
    return [text(line, style, where=where, bold=lang is Lang.EN)]


def _travel(data: PackData, lang: Lang) -> str:
    doc = data.client.travel_document
    if doc is None:
        return ""
    place = country_name(doc.issuing_country, lang)
    line = (f"{label(doc.doc_type, lang)} {doc.number} ({place})" if lang is Lang.EN
            else f"{label(doc.doc_type, lang)} {doc.number}（{place}）")
    if doc.expiry_date:
        line += ("," if lang is Lang.EN else "，") + (" " if lang is Lang.EN else "") + _w(
            "valid_to", lang, date=_date(doc.expiry_date, lang))
    return line


def _summary(text: Text, data: PackData, marks: dict[str, int], lang: Lang) -> list[Any]:
    s = text.styles
    c = data.client
    bold = lang is Lang.EN  # the Chinese font has no bold face
    story: list[Any] = [Mark(marks, "summary"), text(_w("summary", lang), s.h1, where="summary",
                                                      bold=bold),
                        text(_w("client", lang), s.h2, where="summary", bold=bold)]
    story.append(key_values(text, [
        (_w("name", lang), c.english_name), (_w("chinese_name", lang), c.chinese_name or ""),
        (_w("sex", lang), label(c.sex, lang)),
        (_w("date_of_birth", lang), _date(c.date_of_birth, lang)),
        (_w("nationality", lang), country_name(c.nationality, lang)),
        (_w("residence", lang), label(c.residence, lang)), (_w("hkid", lang), c.hkid or ""),
        (_w("mainland_id", lang), c.mainland_id or ""),
        (_w("travel_document", lang), _travel(data, lang)),
    ], where="summary: client"))
    story += [text(_w("case", lang), s.h2, where="summary", bold=bold), key_values(text, [
        (_w("reference", lang), data.case_reference),
        (_w("scheme", lang), words(data.scheme).get(lang)),
        (_w("application", lang), words(data.application_type).get(lang)),
        (_w("stage", lang), label(data.stage, lang)),
        (_w("outcome", lang), label(data.outcome, lang)),
        (_w("opened", lang), _date(data.opened_on, lang)),
        (_w("submitted", lang), _date(data.submitted_on, lang)),
        (_w("sponsor_case", lang), data.sponsor_case or ""),
    ], where="summary: case")]
    if data.stays:
        rows: list[list[Any]] = [[text(_w(h, lang), s.cell_head, where="stays", bold=bold)
                                  for h in ("stay", "granted", "entry", "limit_of_stay",
                                            "condition")]]
        for stay in data.stays:
            rows.append([text(v, s.cell, where="stays") for v in (
                _w("first_stay", lang) if stay.extension_number == 0
                else _w("extension_no", lang, n=stay.extension_number),
                # ISO dates in every language: a Chinese long date wraps in these columns.
                stay.granted_on.isoformat(),
                stay.entry_date.isoformat() if stay.entry_date else "",
                stay.limit_of_stay.isoformat(), stay.condition or "")])
        story += [text(_w("stays_heading", lang), s.h2, where="stays", bold=bold),
                  grid(rows, [26 * mm, 25 * mm, 25 * mm, 28 * mm, FRAME_WIDTH - 104 * mm])]
    if data.window is not None and limit_passed(data.window.limit_of_stay, data.prepared_on):
        story += [Spacer(1, 3 * mm), *_alarm(text, data, "window", lang)]
    elif data.window is not None:
        w = data.window
        line = _w("window", lang, limit=_date(w.limit_of_stay, lang),
                  opens=_date(w.opens, lang), rule=label(w.rule, lang, vocab="WindowRule"))
        story += [Spacer(1, 3 * mm), text(line, s.body, where="window")]
    story.append(PageBreak())
    return story


def _file_cell(text: Text, entry: ChecklistEntry, lang: Lang) -> Any:
    s = text.styles
    doc = entry.latest
    if doc is None:
        return ""
    parts = [(f"{doc.original_name} (v{doc.version_no})", s.cell, False)]
    if doc.expiry_date:
        parts.append((_w("expires", lang, date=_date(doc.expiry_date, lang)), s.cell_small,
                      False))
    return text.stack(parts, where="checklist: file")


def _expiry_line(warning: ExpiryWarning, lang: Lang) -> str:
    if lang is Lang.EN:
        return label(warning.message, lang)  # a Message: said again in the pack's language
    return _w("expired" if warning.expired else "expires_soon", lang,
              title=warning.title(lang), file=warning.original_name,
              date=long_date(warning.expiry_date, lang),
              filing=long_date(warning.filing_date, lang))


def _state_width(style: ParagraphStyle, lang: Lang) -> float:
    """The state column: every state's word whole ("Not applicable", never "applic/able")."""
    widest = max(stringWidth(words(state).get(lang), LATIN, style.fontSize)
                 for state in ChecklistState if len(words(state).get(lang)) <= 16)
    return min(max(20 * mm, widest + 8 + 2), 28 * mm)  # the cell's padding, and a margin


def _checklist(text: Text, data: PackData, numbers: dict[int, int], marks: dict[str, int],
               lang: Lang) -> list[Any]:
    s = text.styles
    bold = lang is Lang.EN
    story: list[Any] = [Mark(marks, "checklist"), text(_w("checklist", lang), s.h1,
                                                        where="checklist", bold=bold)]
    if data.template:
        story.append(text(_w("from_template", lang, template=template_names(data.template, lang),
                             date=_date(data.prepared_on, lang)), s.small, where="checklist"))
    head = [_w(k, lang) for k in ("no", "document", "form", "req", "state", "encl", "file")]
    rows: list[list[Any]] = [[text(h, s.cell_head, where="checklist", bold=bold)
                              for h in head]]
    greyed = []
    for number, entry in enumerate(data.items, start=1):
        where = f"checklist item {number}"
        if lang is Lang.EN:
            title = [(entry.title_en, s.cell, False)]
            if entry.title_zh:
                title.append((entry.title_zh, s.cell_small, False))
        else:
            title = [(entry.title(lang), s.cell, False)]
            if entry.title(lang) != entry.title_en:
                title.append((entry.title_en, s.cell_small, False))
        mark = f"{number}{' †' if entry.basis is ItemBasis.PRACTICE else ''}"
        rows.append([text(mark, s.cell, where=where), text.stack(title, where=where),
                     text(entry.form_no or "", s.cell, where=where),
                     text(_w("yes", lang) if entry.mandatory else "", s.cell, where=where),
                     text(words(entry.state).get(lang), s.cell, where=where),
                     text(str(numbers[entry.id]) if entry.id in numbers else
                          _w("out", lang) if entry.state is ChecklistState.ACCEPTED else "",
                          s.cell_small if entry.id not in numbers else s.cell, where=where),
                     _file_cell(text, entry, lang)])
        if entry.state is ChecklistState.NOT_APPLICABLE:
            greyed.append(("TEXTCOLOR", (0, number), (-1, number), GREY))
    widths = [10 * mm, 0.0, 17 * mm, 12 * mm, _state_width(s.cell, lang), 13 * mm, 34 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    if data.items:
        story.append(grid(rows, widths, extra=greyed))
    else:
        story.append(text(_w("no_checklist", lang), s.body, where="checklist"))
    if any(e.basis is ItemBasis.PRACTICE for e in data.items):
        story.append(text(_w("practice_mark", lang), s.small, where="checklist"))
    if any(e.state is ChecklistState.ACCEPTED and e.id not in numbers for e in data.items):
        story.append(text(_w("out_note", lang), s.small, where="checklist"))
    if data.expiry:
        heading = _w("expiry_heading", lang, date=_date(data.filing_date, lang))
        lines: list[Flowable] = [text(heading, s.h2, where="expiry", bold=bold)]
        lines += [text.bullet(_expiry_line(w, lang), where="expiry") for w in data.expiry]
        story += [Spacer(1, 2 * mm), KeepTogether(lines)]
    story.append(PageBreak())
    return story


def _enclosure_index(text: Text, enclosures: list[Enclosure], skipped: list[SkippedAttachment],
                     marks: dict[str, int], lang: Lang) -> list[Any]:
    s = text.styles
    bold = lang is Lang.EN
    story: list[Any] = [Mark(marks, "enclosures"), text(_w("enclosures", lang), s.h1,
                                                         where="enclosures", bold=bold)]
    if enclosures:
        rows: list[list[Any]] = [[text(_w(h, lang), s.cell_head, where="enclosures", bold=bold)
                                  for h in ("encl", "document_and_file", "pages")]]
        rows += [[text(str(e.number), s.cell, where="enclosures"),
                  text(e.bookmark.split(". ", 1)[1], s.cell, where="enclosures"),
                  text(str(e.pages), s.cell, where="enclosures")] for e in enclosures]
        story.append(grid(rows, [14 * mm, FRAME_WIDTH - 30 * mm, 16 * mm]))
    else:
        story.append(text(_w("nothing_enclosed", lang), s.body, where="enclosures"))
    if skipped:
        story += [text(_w("not_included", lang), s.h2, where="enclosures", bold=bold)]
        rows = [[text(_w(h, lang), s.cell_head, where="skipped", bold=bold)
                 for h in ("document", "file", "why")]]
        rows += [[text(k.item_title, s.cell, where="skipped"),
                  text(_said(k.original_name, lang), s.cell, where="skipped"),
                  text(_said(k.reason, lang), s.cell, where="skipped")] for k in skipped]
        story.append(grid(rows, [60 * mm, 45 * mm, FRAME_WIDTH - 105 * mm]))
    return story


def _ruled_note(text: Text, lines: list[str]) -> Table:
    s = text.styles
    box = Table([[text(line, s.cell, where="note")] for line in lines], colWidths=[FRAME_WIDTH])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LATIN),
                             ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return box


def pack_pdf(data: PackData, opened: Mapping[int, PdfReader | str],
                lang: Lang = Lang.EN) -> RenderedPdf:
    """The whole pack as one PDF in ``lang``; never fails because of an attachment (it is
    listed instead)."""
    glyphs = GlyphLog()
    text = Text(glyphs)
    enclosures, skipped, numbers = _enclosures(data, opened, lang)
    marks: dict[str, int] = {}
    story = (_cover(text, data, enclosures, lang) + _summary(text, data, marks, lang)
             + _checklist(text, data, numbers, marks, lang)
             + eligibility_section(text, data.eligibility, marks, _ruled_note, lang)
             + _enclosure_index(text, enclosures, skipped, marks, lang))
    client = data.client
    name = full_name(client.english_name, client.chinese_name)
    decor = Decor(header_left=f"{name} · {data.case_reference}", header_right=_w("pack", lang),
                  footer_left=_w("prepared_footer", lang,
                                 date=_date(data.prepared_on, lang)),
                  langs=(Lang.EN, Lang.ZH_HK) if lang is Lang.EN else (lang, Lang.EN),
                  pages_after=sum(e.pages for e in enclosures))
    scheme = words(data.scheme).get(lang)
    title = f"{_w('pack', lang)} {data.case_reference}: {name}"
    built = build(story, decor, glyphs, title=title, subject=scheme)
    sections = [Section(_w("cover", lang), 0)] + [Section(_w(key, lang), marks[key])
                                                  for key in SECTIONS if key in marks]
    pdf = assemble(built.data, sections, enclosures, glyphs,
                   parent=Section(_w("enclosures", lang), marks["enclosures"]),
                   metadata={"Title": title, "Author": "hkcase", "Creator": "hkcase",
                             "Subject": scheme})
    pages = built.pages + sum(e.pages for e in enclosures)
    warnings = [w.message for w in data.expiry] + glyphs.warnings()
    return RenderedPdf(pdf, pages, tuple(warnings), tuple(skipped))
