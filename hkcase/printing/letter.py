"""The extension reminder letter: English, then Chinese (Traditional or Simplified)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from hkcase.domain.checklists import Lang
from hkcase.domain.labels import label
from hkcase.domain.names import full_name
from hkcase.domain.vocab import Sex
from hkcase.printing.data import LetterData
from hkcase.printing.fonts import GlyphLog
from hkcase.printing.layout import Decor, Text, build
from hkcase.printing.result import RenderedPdf
from hkcase.printing.text import long_date, scheme_name

WORDS: dict[str, dict[Lang, str]] = {
    "ref": {Lang.EN: "Our reference: {ref}", Lang.ZH_HK: "本所檔案編號：{ref}",
            Lang.ZH_CN: "本所档案编号：{ref}"},
    "subject": {Lang.EN: "Extension of stay: your limit of stay ends on {limit}",
                Lang.ZH_HK: "延期逗留：閣下的逗留期限於{limit}屆滿",
                Lang.ZH_CN: "延期逗留：阁下的逗留期限于{limit}届满"},
    # A limit that has passed (corrections-2026-12 item 19; ImmD's contact from the FAQ,
    # Q17, of https://www.immd.gov.hk/eng/evisaonline.html). Nothing beyond what ImmD says.
    "subject_passed": {Lang.EN: "Urgent: your limit of stay ended on {limit}",
                       Lang.ZH_HK: "緊急：閣下的逗留期限已於{limit}屆滿",
                       Lang.ZH_CN: "紧急：阁下的逗留期限已于{limit}届满"},
    "limit_passed": {Lang.EN: "Our records show that your limit of stay in Hong Kong, granted "
                              "under the {scheme}, ended on {limit}. It has passed.",
                     Lang.ZH_HK: "根據我們的紀錄，閣下按{scheme}獲准在香港逗留，逗留期限已於"
                                 "{limit}屆滿。",
                     Lang.ZH_CN: "根据我们的记录，阁下按{scheme}获准在香港逗留，逗留期限已于"
                                 "{limit}届满。"},
    "passed_now": {Lang.EN: "The Immigration Department's online extension of stay is closed "
                            "once the limit of stay has passed, and overstaying is an offence. "
                            "Please contact the Immigration Department now (Information and "
                            "Liaison Section: (852) 2824 6111, enquiry@immd.gov.hk) and "
                            "contact us today.",
                   Lang.ZH_HK: "逗留期限屆滿後，入境事務處不再接受網上延期逗留申請，而逾期"
                               "逗留屬違法。請立即聯絡入境事務處資料及聯絡科（電話 (852) "
                               "2824 6111，電郵 enquiry@immd.gov.hk），並於今天與我們聯絡。",
                   Lang.ZH_CN: "逗留期限届满后，入境事务处不再接受网上延期逗留申请，而逾期"
                               "逗留属违法。请立即联络入境事务处资料及联络科（电话 (852) "
                               "2824 6111，电邮 enquiry@immd.gov.hk），并于今天与我们联络。"},
    "passed_update": {Lang.EN: "If you have left Hong Kong or have been granted a new limit of "
                               "stay, please tell us so that we can update our records.",
                      Lang.ZH_HK: "如閣下已離開香港或已獲批新的逗留期限，請告知我們，以便更新"
                                  "紀錄。",
                      Lang.ZH_CN: "如阁下已离开香港或已获批新的逗留期限，请告知我们，以便更新"
                                  "纪录。"},
    "dear": {Lang.EN: "Dear {name},", Lang.ZH_HK: "{name}：", Lang.ZH_CN: "{name}："},
    "limit": {Lang.EN: "Our records show that your current limit of stay in Hong Kong, granted "
                       "under the {scheme}, ends on {limit}.",
              Lang.ZH_HK: "根據我們的紀錄，閣下按{scheme}獲准在香港逗留，現時的逗留期限於{limit}"
                          "屆滿。",
              Lang.ZH_CN: "根据我们的记录，阁下按{scheme}获准在香港逗留，现时的逗留期限于{limit}"
                          "届满。"},
    "window": {Lang.EN: "An application to extend your stay can be filed from {opens}, "
                        "{period} before the limit.",
               Lang.ZH_HK: "延期逗留申請可於{opens}起遞交，即逗留期限屆滿前{period}內。",
               Lang.ZH_CN: "延期逗留申请可于{opens}起递交，即逗留期限届满前{period}内。"},
    "open_now": {Lang.EN: "That window is open now.", Lang.ZH_HK: "現已可以遞交申請。",
                 Lang.ZH_CN: "现已可以递交申请。"},
    "missing": {Lang.EN: "To prepare your application, we still need these documents:",
                Lang.ZH_HK: "為準備申請，我們仍需要以下文件：",
                Lang.ZH_CN: "为准备申请，我们仍需要以下文件："},
    "template": {Lang.EN: "To prepare your application, we will need these documents:",
                 Lang.ZH_HK: "為準備申請，我們需要以下文件：",
                 Lang.ZH_CN: "为准备申请，我们需要以下文件："},
    "complete": {Lang.EN: "We have all the documents we asked you for. We will contact you "
                          "to file the application.",
                 Lang.ZH_HK: "我們已收齊所需文件，稍後會與閣下聯絡，以便遞交申請。",
                 Lang.ZH_CN: "我们已收齐所需文件，稍后会与阁下联络，以便递交申请。"},
    "if_applicable": {Lang.EN: " (if applicable)", Lang.ZH_HK: "（如適用）",
                      Lang.ZH_CN: "（如适用）"},
    "resend": {Lang.EN: " (please send it again)", Lang.ZH_HK: "（請重新提供）",
               Lang.ZH_CN: "（请重新提供）"},
    "send": {Lang.EN: "Please send them to us as soon as you can, before {opens} if possible, "
                      "so that we can file on time.",
             Lang.ZH_HK: "請盡快把文件交給我們，最好在{opens}之前，以便我們及時遞交申請。",
             Lang.ZH_CN: "请尽快把文件交给我们，最好在{opens}之前，以便我们及时递交申请。"},
    "send_now": {Lang.EN: "Please send them to us now, so that we can file before {limit}.",
                 Lang.ZH_HK: "請立即把文件交給我們，以便我們在{limit}之前遞交申請。",
                 Lang.ZH_CN: "请立即把文件交给我们，以便我们在{limit}之前递交申请。"},
    "changes": {Lang.EN: "If anything has changed (your employer, address or travel document), "
                         "please tell us.",
                Lang.ZH_HK: "如閣下的情況有變（例如僱主、住址或旅行證件），請告知我們。",
                Lang.ZH_CN: "如阁下的情况有变（例如雇主、住址或旅行证件），请告知我们。"},
    "immd": {Lang.EN: "The Immigration Department decides every application. The dates above "
                      "follow the limit of stay on your visa label and the Department's "
                      "published rules.",
             Lang.ZH_HK: "每宗申請均由入境事務處決定。以上日期根據閣下簽證標籤上的逗留期限及"
                         "入境事務處公布的規則計算。",
             Lang.ZH_CN: "每宗申请均由入境事务处决定。以上日期根据阁下签证标签上的逗留期限及"
                         "入境事务处公布的规则计算。"},
    "close": {Lang.EN: "Yours sincerely,", Lang.ZH_HK: "顧問", Lang.ZH_CN: "顾问"},
    "title": {Lang.EN: "Extension of stay", Lang.ZH_HK: "延期逗留", Lang.ZH_CN: "延期逗留"},
}


def _w(key: str, lang: Lang, **values: str) -> str:
    return WORDS[key][lang].format(**values)


def _chinese_name(data: LetterData) -> str:
    name = data.client_chinese_name or data.client_name
    honorific = {Sex.MALE: "先生", Sex.FEMALE: "女士"}.get(data.sex) if data.sex else None
    return f"{name}{honorific}" if honorific else name


def _part(text: Text, data: LetterData, lang: Lang) -> list[Any]:
    s = text.styles
    where = f"letter ({lang.value})"
    w = data.window
    dates = {"limit": long_date(w.limit_of_stay, lang), "opens": long_date(w.opens, lang)}
    recipient = data.client_name if lang is Lang.EN else _chinese_name(data)
    addressee = [recipient] + ([data.address] if data.address else [])
    story: list[Any] = [
        text(long_date(data.today, lang), s.body, where=where),
        text("\n".join(addressee), s.body, where=f"{where}: address"),
        text(_w("ref", lang, ref=data.case_reference), s.small, where=where),
        Spacer(1, 4 * mm),
        # Chinese has no bold face here: a bold heading would embolden only its digits.
        text(_w("subject_passed" if data.limit_passed else "subject", lang, **dates), s.h2,
             where=where, bold=lang is Lang.EN),
        text(_w("dear", lang, name=data.salutation if lang is Lang.EN else recipient), s.body,
             where=where),
    ]
    if data.limit_passed:
        story += _passed(text, data, lang, dates, where)
        return story + _closing(text, data, lang, where)
    body = _w("limit", lang, scheme=scheme_name(data.scheme, lang), **dates) + " " + _w(
        "window", lang, period=label(w.rule, lang, vocab="WindowRule"), **dates)
    is_open = data.today >= w.opens
    if is_open:
        body += " " + _w("open_now", lang)
    if lang is not Lang.EN:
        body = body.replace(" ", "")
    story.append(text(body, s.body, where=where))
    if data.outstanding:
        story.append(text(_w("template" if data.outstanding_from_template else "missing", lang),
                          s.body, where=where))
        for line in data.outstanding:
            extra = _w("if_applicable", lang) if not line.mandatory else ""
            if line.state is not None and line.state.value == "rejected":
                extra += _w("resend", lang)
            story.append(text.bullet(f"{line.title.get(lang)}{extra}",
                                     where=f"{where}: documents"))
        story.append(text(_w("send_now" if is_open else "send", lang, **dates), s.body,
                          where=where))
    elif not data.outstanding_from_template:
        story.append(text(_w("complete", lang), s.body, where=where))
    story += [text(_w("changes", lang), s.body, where=where),
              text(_w("immd", lang), s.small, where=where), Spacer(1, 6 * mm)]
    return story + _closing(text, data, lang, where)


def _passed(text: Text, data: LetterData, lang: Lang, dates: dict[str, str], where: str
            ) -> list[Any]:
    """The limit has passed: said first and plainly, with what to do now (no window)."""
    s = text.styles
    limit = _w("limit_passed", lang, scheme=scheme_name(data.scheme, lang), **dates)
    if lang is not Lang.EN:
        limit = limit.replace(" ", "")
    return [text(limit, s.body, where=where, bold=lang is Lang.EN),
            text(_w("passed_now", lang), s.body, where=where, bold=lang is Lang.EN),
            text(_w("passed_update", lang), s.body, where=where),
            text(_w("immd", lang), s.small, where=where), Spacer(1, 6 * mm)]


def _closing(text: Text, data: LetterData, lang: Lang, where: str) -> list[Any]:
    s = text.styles
    signer = data.consultant or ""
    closing: list[Flowable] = [text(_w("close", lang), s.body, where=where)]
    if lang is Lang.EN:
        closing += [Spacer(1, 12 * mm), text(signer or "_" * 30, s.body, where=where)]
    else:
        closing = [Spacer(1, 12 * mm), text(f"{_w('close', lang)} {signer or '_' * 20} 謹啟"
                                            if lang is Lang.ZH_HK else
                                            f"{_w('close', lang)} {signer or '_' * 20} 谨启",
                                            s.body, where=where)]
    return [KeepTogether(closing)]


def letter_pdf(data: LetterData) -> RenderedPdf:
    """The letter: English on the first page(s), then the Chinese version."""
    glyphs = GlyphLog()
    text = Text(glyphs)
    story = _part(text, data, Lang.EN) + [PageBreak()] + _part(text, data, data.chinese)
    name = full_name(data.client_name, data.client_chinese_name)
    decor = Decor(header_left=f"{name} · {data.case_reference}",
                  header_right=f"{_w('title', Lang.EN)} · {_w('title', data.chinese)}",
                  footer_left=f"hkcase · {data.today.isoformat()}",
                  langs=(Lang.EN, data.chinese))
    built = build(story, decor, glyphs, title=f"Extension of stay: {name}",
                  subject=data.case_reference)
    return RenderedPdf(built.data, built.pages, tuple([*data.warnings, *glyphs.warnings()]))
