"""Words printed on checklists, packs and letters: English, Traditional and Simplified Chinese.

Vocabulary values (schemes, application types, checklist states …) come from the one
catalogue, ``hkcase.domain.labels`` (``words``, ``scheme_name`` …); this module keeps only
the printed outputs' own headings and sentences. Dates and money: ``domain.locale_format``.
"""

from __future__ import annotations

import re
from typing import Any

from hkcase.domain.checklists import Lang, OfficialList, Texts, template_by_id
from hkcase.domain.eligibility.wording import said_effect, said_reason, said_text
from hkcase.domain.labels import entry
from hkcase.domain.labels import label as vocab_label
from hkcase.domain.locale_format import long_date, money_hkd
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme

__all__ = ["COVERAGE", "ELIGIBILITY", "LABELS", "application_name", "change_line",
           "criterion_detail", "criterion_name", "eligibility_word", "explanation",
           "fact_names", "label", "long_date", "money_hkd", "page_of", "reason_line",
           "reason_text", "scheme_name", "state_name", "template_names", "words"]

_T = Texts

LABELS: dict[str, Texts] = {
    "checklist": _T("Document checklist", "文件清單", "文件清单"),
    "client": _T("Client", "客戶", "客户"),
    "case": _T("Case", "個案", "个案"),
    "date": _T("Date", "日期", "日期"),
    "no": _T("No.", "編號", "编号"),
    "document": _T("Document", "文件", "文件"),
    "form": _T("Form", "表格", "表格"),
    "required": _T("Required", "必須", "必须"),
    "if_applicable": _T("If applicable", "如適用", "如适用"),
    "status": _T("Status", "狀況", "状况"),
    "tick_help": _T("Tick each document when you have it ready.",
                    "請在備妥的文件旁加上剔號。", "请在备妥的文件旁打勾。"),
    "practice_mark": _T(
        "† Based on practice, not on ImmD's published list.",
        "† 根據一般做法列出，並非入境事務處公布的清單。",
        "† 根据一般做法列出，并非入境事务处公布的清单。"),
    "notes": _T("Please note", "注意事項", "注意事项"),
    "page": _T("Page {page} of {total}", "第 {page} 頁，共 {total} 頁",
               "第 {page} 页，共 {total} 页"),
    "made_for_case": _T("hkcase checklist of case {case}", "hkcase 個案 {case} 的文件清單",
                        "hkcase 个案 {case} 的文件清单"),
    "made_from": _T(" (from {templates})", "（來自{templates}）", "（来自{templates}）"),
    "made_blank": _T("hkcase checklist {templates}", "hkcase 文件清單：{templates}",
                     "hkcase 文件清单：{templates}"),
}

#: What a printed checklist says when ImmD's own list was not fully available.
COVERAGE: dict[OfficialList, Texts] = {
    OfficialList.COMPLETE: _T("", "", ""),
    OfficialList.TRUNCATED: _T(
        "Only part of ImmD's list for this application could be read; the items marked † "
        "fill the gap from practice. ImmD may ask for other documents.",
        "入境事務處就此申請公布的清單只能讀取部分內容；標有 † 的項目根據一般做法補充。"
        "入境事務處或會要求其他文件。",
        "入境事务处就此申请公布的清单只能读取部分内容；标有 † 的项目根据一般做法补充。"
        "入境事务处或会要求其他文件。"),
    OfficialList.SECOND_HAND: _T(
        "ImmD's own list for this application was not available; this list follows other "
        "published lists and practice. ImmD may ask for other documents.",
        "未能取得入境事務處就此申請公布的清單；本清單根據其他已公布的清單及一般做法編製。"
        "入境事務處或會要求其他文件。",
        "未能取得入境事务处就此申请公布的清单；本清单根据其他已公布的清单及一般做法编制。"
        "入境事务处或会要求其他文件。"),
    OfficialList.NOT_FOUND: _T(
        "No official list for this application was found; this list is based on practice. "
        "ImmD may ask for other documents.",
        "未能找到此申請的官方文件清單；本清單根據一般做法編製。入境事務處或會要求其他文件。",
        "未能找到此申请的官方文件清单；本清单根据一般做法编制。入境事务处或会要求其他文件。"),
}


def words(value: object, *, vocab: str | None = None, long: bool = True) -> Texts:
    """A vocabulary value in the three languages, from the one catalogue (``domain/labels``).

    ``long`` (the default here): the printed form, e.g. a scheme's full name.
    """
    return _T(vocab_label(value, Lang.EN, vocab=vocab, long=long, capital=True),
              vocab_label(value, Lang.ZH_HK, vocab=vocab, long=long),
              vocab_label(value, Lang.ZH_CN, vocab=vocab, long=long))


def scheme_name(scheme: Scheme | str, lang: Lang) -> str:
    """A scheme's full printed name (``Top Talent Pass Scheme (TTPS)``, 高端人才通行證計劃)."""
    return vocab_label(Scheme(scheme), lang, long=True)


def application_name(kind: ApplicationType | str, lang: Lang) -> str:
    """An application type as printed (``Extension of stay``)."""
    return vocab_label(ApplicationType(kind), lang, long=True, capital=True)


def state_name(state: ChecklistState, lang: Lang) -> str:
    """A checklist state as a client's checklist prints it (``Please send again``)."""
    return vocab_label(state, lang, long=True, capital=True)


def label(key: str, lang: Lang) -> str:
    """A printed label in ``lang``."""
    return LABELS[key].get(lang)


def page_of(page: int, total: int, lang: Lang) -> str:
    """``Page 3 of 40`` in ``lang``."""
    return label("page", lang).format(page=page, total=total)


#: The eligibility report of a pack (``printing/pack/sections.py``).
ELIGIBILITY: dict[str, Texts] = {
    "eligibility": _T("Eligibility", "資格評估", "资格评估"),
    "no_check": _T("No eligibility check is kept with this case, and none could be made from "
                   "the client's records.", "此個案沒有保存資格評估，亦未能根據客戶紀錄作出評估。",
                   "此个案没有保存资格评估，亦未能根据客户记录作出评估。"),
    "scheme": _T("Scheme", "計劃", "计划"),
    "outcome": _T("Outcome", "結果", "结果"),
    "category": _T("Category", "類別", "类别"),
    "score": _T("Score", "分數", "分数"),
    "pass_mark": _T(" (pass mark {mark})", "（合格分數 {mark}）", "（合格分数 {mark}）"),
    "assessed_on": _T("Assessed on", "評估日期", "评估日期"),
    "rule_set": _T("Rule set", "所用規則", "所用规则"),
    "in_force_from": _T("{id}, in force from {date}", "{id}，自{date}起生效",
                        "{id}，自{date}起生效"),
    "none_in_force": _T("none in force on the assessment date", "評估日期並無生效的規則",
                        "评估日期并无生效的规则"),
    "record": _T("Record", "紀錄", "记录"),
    "computed": _T("Computed for this pack on {date} from the client's records; not kept with "
                   "the case.", "於{date}根據客戶紀錄為本文件包計算；未有保存於個案。",
                   "于{date}根据客户记录为本文件包计算；未有保存于个案。"),
    "kept": _T("Check no. {run}, kept with the case on {date}{who}.",
               "第 {run} 號評估，於{date}保存於個案{who}。",
               "第 {run} 号评估，于{date}保存于个案{who}。"),
    "kept_by": _T(" by {who}", "（{who}）", "（{who}）"),
    "criterion": _T("Criterion", "準則", "准则"),
    "status": _T("Status", "狀況", "状况"),
    "reason": _T("Reason", "原因", "原因"),
    "review": _T("Review: {text}", "覆核：{text}", "复核：{text}"),
    "why": _T("Why", "理由", "理由"),
    "missing": _T("Facts that would settle the unknown criteria: {facts}",
                  "可確定未知準則的資料：{facts}", "可确定未知准则的资料：{facts}"),
    "changes": _T("Dates on which the answer changes", "評估結果會改變的日期",
                  "评估结果会改变的日期"),
    "sources": _T("Sources of the rules", "規則來源", "规则来源"),
    "needs": _T("needs {facts}", "需要：{facts}", "需要：{facts}"),
    "change_outcome": _T("outcome", "結果", "结果"),
    "change_category": _T("category", "類別", "类别"),
    "none": _T("none", "沒有", "没有"),
    "immd_decides": _T(
        "The Immigration Department decides every application. This is the consultant's "
        "assessment against the published criteria, not a decision.",
        "每宗申請均由入境事務處決定。本評估由顧問根據已公布的準則作出，並非入境事務處的決定。",
        "每宗申请均由入境事务处决定。本评估由顾问根据已公布的准则作出，并非入境事务处的决定。"),
}


def eligibility_word(key: str, lang: Lang, **values: object) -> str:
    """A word or sentence of the pack's eligibility report in ``lang``."""
    return ELIGIBILITY[key].get(lang).format(**values)


def _separator(lang: Lang) -> str:
    return ", " if lang is Lang.EN else "、"


def fact_names(facts: list[str] | tuple[str, ...], lang: Lang) -> str:
    """Profile facts (``job_offer``) as words, listed in ``lang``."""
    return _separator(lang).join(vocab_label(f, lang, vocab="ProfileFact") for f in facts)


_NEEDS = re.compile(r"^needs ([a-z0-9_]+(?:, [a-z0-9_]+)*)$")
_NEEDS_INSIDE = re.compile(r"\bneeds ([a-z0-9_]+(?:, [a-z0-9_]+)*)")


def _fact_words(match: re.Match[str]) -> str:
    facts = match.group(1).split(", ")
    return "needs " + ", ".join(vocab_label(f, Lang.EN, vocab="ProfileFact")
                                if entry(f, "ProfileFact") else f for f in facts)


def criterion_detail(detail: object, lang: Lang) -> str:
    """A criterion's detail in ``lang`` with no fact identifier in it ("needs job_offer" in
    words); ``detail`` is a fresh result's (a ``Message``) or a kept one's (English)."""
    if lang is not Lang.EN:
        return said_text(detail, lang)
    english = said_text(detail, Lang.EN)
    found = _NEEDS.match(english)
    if found is None:
        return reason_text(english)
    return eligibility_word("needs", lang, facts=fact_names(found.group(1).split(", "), lang))


def reason_text(reason: object) -> str:
    """A rule's English sentence with the facts it needs in words, not as identifiers
    ("unknown: … (needs years_experience)" → "(needs Years of work experience)")."""
    return _NEEDS_INSIDE.sub(_fact_words, said_text(reason, Lang.EN))


def reason_line(reason: object, criteria: list[dict[str, Any]], lang: Lang) -> str:
    """A result's reason in ``lang`` (English as ``reason_text`` gives it)."""
    if lang is Lang.EN:
        return reason_text(reason)
    return said_reason(reason, criteria, lang)


def explanation(text: object, lang: Lang) -> str:
    """A review, caution or note of a result in ``lang``."""
    return said_text(text, lang)


def criterion_name(criterion: dict[str, object], lang: Lang) -> str:
    """A criterion of a result as printed: its rule's text in English, its name in Chinese."""
    code = str(criterion.get("id", ""))
    if lang is Lang.EN:
        return str(criterion.get("text") or vocab_label(code, lang, vocab="Criterion"))
    return vocab_label(code, lang, vocab="Criterion")


def _answer(value: str, lang: Lang) -> str:
    for vocab in ("EligibilityStatus", "EligibilityOutcome", "EligibilityCategory"):
        found = entry(value, vocab)
        if found is not None:
            return found.text(lang)
    return eligibility_word("none", lang) if value == "none" else value


_CHANGE = re.compile(r"^(\w+) → (\w+)(?:: (.*))?$", re.S)


def change_line(change: dict[str, object], lang: Lang) -> str:
    """``2027-03-01: criterion 1: age met → not met: turns 51`` with no identifier in it."""
    subject = str(change.get("criterion", ""))
    if subject in ("outcome", "category"):
        name = eligibility_word(f"change_{subject}", lang)
    else:
        name = vocab_label(subject, lang, vocab="Criterion")
    raw = change.get("effect", "")
    day = change.get("date")
    if lang is not Lang.EN:
        return f"{day}：{name} {said_effect(raw, subject, lang)}"
    effect = said_text(raw, Lang.EN)
    found = _CHANGE.match(effect)
    if found is not None:
        old, new, why = found.groups()
        effect = f"{_answer(old, lang)} → {_answer(new, lang)}" + (f": {why}" if why else "")
    return f"{day}: {name} {effect}"


_VERSION = _T("version of {date}", "{date}版", "{date}版")


def template_names(ids: str | list[str] | tuple[str, ...] | None, lang: Lang) -> str:
    """Checklist template versions as a reader knows them (``ttps_new@2026-12-01`` →
    "TTPS: new application, version of 1 December 2026"); an id not shipped stays as is."""
    if not ids:
        return ""
    wanted = [i.strip() for i in ids.split(",")] if isinstance(ids, str) else list(ids)
    names = []
    for template_id in wanted:
        template = template_by_id(template_id)
        if template is None:
            names.append(template_id)
            continue
        version = _VERSION.get(lang).format(date=long_date(template.effective_from, lang))
        names.append(f"{template.title.get(lang)}, {version}" if lang is Lang.EN
                     else f"{template.title.get(lang)}（{version}）")
    return ("; " if lang is Lang.EN else "；").join(names)
