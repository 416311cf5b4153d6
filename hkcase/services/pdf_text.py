"""Words printed on checklists, packs and letters: English, Traditional and Simplified Chinese."""

from __future__ import annotations

from datetime import date

from hkcase.domain.checklists import Lang, OfficialList, Texts
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme

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

SCHEMES: dict[Scheme, Texts] = {
    Scheme.ASMTP: _T("Admission Scheme for Mainland Talents and Professionals (ASMTP)",
                     "輸入內地人才計劃", "输入内地人才计划"),
    Scheme.GEP: _T("General Employment Policy (GEP)", "一般就業政策", "一般就业政策"),
    Scheme.QMAS_GPT: _T("Quality Migrant Admission Scheme (QMAS), General Points Test",
                        "優秀人才入境計劃（綜合計分制）", "优秀人才入境计划（综合计分制）"),
    Scheme.QMAS_ABPT: _T("Quality Migrant Admission Scheme (QMAS), Achievement-based Points Test",
                         "優秀人才入境計劃（成就計分制）", "优秀人才入境计划（成就计分制）"),
    Scheme.TTPS: _T("Top Talent Pass Scheme (TTPS)", "高端人才通行證計劃", "高端人才通行证计划"),
    Scheme.TECHTAS: _T("Technology Talent Admission Scheme (TechTAS)", "科技人才入境計劃",
                       "科技人才入境计划"),
    Scheme.IANG: _T("Immigration Arrangements for Non-local Graduates (IANG)",
                    "非本地畢業生留港／回港就業安排", "非本地毕业生留港／回港就业安排"),
    Scheme.ASSG: _T("Admission Scheme for the Second Generation of Chinese Hong Kong Permanent "
                    "Residents (ASSG)", "輸入中國籍香港永久性居民第二代計劃",
                    "输入中国籍香港永久性居民第二代计划"),
    Scheme.NEW_CIES: _T("New Capital Investment Entrant Scheme (New CIES)",
                        "新資本投資者入境計劃", "新资本投资者入境计划"),
    Scheme.DEPENDANT: _T("Entry for residence as a dependant", "以受養人身份來港居留",
                         "以受养人身份来港居留"),
}

APPLICATION_TYPES: dict[ApplicationType, Texts] = {
    ApplicationType.NEW: _T("New application", "新申請", "新申请"),
    ApplicationType.EXTENSION: _T("Extension of stay", "延期逗留", "延期逗留"),
    ApplicationType.CHANGE_OF_EMPLOYMENT: _T("Change of employment", "轉換僱主", "转换雇主"),
    ApplicationType.DEPENDANT: _T("Dependant", "受養人", "受养人"),
    ApplicationType.PERMANENT_RESIDENCE: _T("Permanent residence", "永久性居民身份",
                                            "永久性居民身份"),
}

STATES: dict[ChecklistState, Texts] = {
    ChecklistState.MISSING: _T("Missing", "未提交", "未提交"),
    ChecklistState.REQUESTED: _T("Requested", "已要求", "已要求"),
    ChecklistState.RECEIVED: _T("Received", "已收到", "已收到"),
    ChecklistState.REVIEWED: _T("Reviewed", "已審閱", "已审阅"),
    ChecklistState.ACCEPTED: _T("Accepted", "已接納", "已接纳"),
    ChecklistState.REJECTED: _T("Please send again", "請重新提供", "请重新提供"),
    ChecklistState.NOT_APPLICABLE: _T("Not applicable", "不適用", "不适用"),
}


def label(key: str, lang: Lang) -> str:
    """A printed label in ``lang``."""
    return LABELS[key].get(lang)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(day: date, lang: Lang) -> str:
    """``15 March 2027`` or ``2027年3月15日`` (month names never depend on the locale)."""
    if lang is Lang.EN:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def page_of(page: int, total: int, lang: Lang) -> str:
    """``Page 3 of 40`` in ``lang``."""
    return label("page", lang).format(page=page, total=total)
