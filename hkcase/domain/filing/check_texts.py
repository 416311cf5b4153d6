# ruff: noqa: E501  (a table of messages: one entry a line reads best)
"""The pre-filing checks' messages in English, Traditional and Simplified Chinese.

English and Traditional Chinese (Hong Kong usage) are written by hand; Simplified is
the Traditional text converted with OpenCC's ``hk2s``. A parameter is either one text
for every language (a date, a number) or a ``(en, zh-hk, zh-cn)`` triple (an item's
title, a span of months).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Protocol

from hkcase.domain.checklists import Lang

#: One text for every language, or one per language (English, Traditional, Simplified).
Localised = str | tuple[str, str, str]

# key: (English, Traditional Chinese)
_MESSAGES: dict[str, tuple[str, str]] = {
    "only_extension": ("only for an extension", "只適用於延期申請"),
    "passport_missing": ("no valid travel document with an expiry date is recorded: enter the passport the application will use",
                         "沒有記錄載有屆滿日期的有效旅行證件：請輸入申請所用的護照"),
    "passport_too_soon": ("the passport expires on {expiry}, within {span} of filing on {filing}: ImmD refuses the online extension; renew the passport first",
                          "護照於 {expiry} 屆滿，距 {filing} 遞交不足 {span}：入境處會拒絕網上延期申請；請先續領護照"),
    "passport_boundary": ("the passport expires on {expiry}, exactly {span} after filing: ImmD's wording leaves this day open; renew the passport or file a day earlier",
                          "護照於 {expiry} 屆滿，剛好是遞交後 {span}：入境處的字眼未說明這一天是否足夠；請續領護照或提早一天遞交"),
    "passport_ok": ("the passport is valid to {expiry}, more than {span} after filing",
                    "護照有效至 {expiry}，即遞交後超過 {span}"),
    "stay_no_passport": ("no passport expiry recorded", "沒有記錄護照屆滿日期"),
    "stay_no_end": ("the end of the stay applied for is not recorded (contract end): check the passport covers it",
                    "沒有記錄申請逗留期的終止日期（合約屆滿日）：請核對護照有效期是否涵蓋"),
    "stay_passport_short": ("the passport expires on {expiry}, before the stay applied for ends ({end}): ImmD may grant a shorter stay because of the passport's validity; renew it first",
                            "護照於 {expiry} 屆滿，早於申請逗留期的終止日期（{end}）：入境處或會因護照有效期而批出較短的逗留期；請先續領護照"),
    "stay_ok": ("the passport outlasts the stay applied for", "護照有效期長於申請的逗留期"),
    "limit_missing": ("no limit of stay is recorded for this case: record the stay as printed on the visa label or e-Visa",
                      "此個案沒有逗留期限的紀錄：請按簽證標籤或電子簽證所印的資料記錄逗留期限"),
    "limit_passed": ("the limit of stay passed on {limit}: ImmD's online extension is closed and overstaying is an offence. Do not file online; contact {contact} about the client's status now",
                     "逗留期限已於 {limit} 屆滿：入境處的網上延期申請已經關閉，逾期逗留屬違法。請勿在網上遞交；請立即就客戶的身份聯絡 {contact}"),
    "limit_ok": ("the limit of stay is {limit} ({days} days after filing)", "逗留期限為 {limit}（遞交後 {days} 日）"),
    "in_hk_confirm": ("confirm with the client: the applicant must be in Hong Kong when applying, paying and collecting the e-Visa",
                      "請與客戶確認：申請人在申請、繳費及領取電子簽證時必須身在香港"),
    "in_hk_outside": ("the case records say the application is made from outside Hong Kong: the applicant must be in Hong Kong when applying, paying and collecting the e-Visa",
                      "個案紀錄顯示申請是在香港以外地方提出：申請人在申請、繳費及領取電子簽證時必須身在香港"),
    "in_hk_ok": ("the client confirmed being in Hong Kong", "客戶已確認身在香港"),
    "no_checklist": ("the case has no checklist", "此個案沒有文件清單"),
    "mandatory_waiting": ("required items not accepted yet: {names}", "必需文件尚未接納：{names}"),
    "mandatory_ok": ("every required item is accepted", "所有必需文件均已接納"),
    "expired": ("documents expired by the filing date {filing}: {names}", "以下文件在遞交日期 {filing} 前已過期：{names}"),
    "expiry_ok": ("no document has expired by the filing date", "沒有文件在遞交日期前過期"),
    "consent_not_in_checklist": ("the scheme's checklist has no Mainland consent letter", "此計劃的文件清單沒有內地同意書"),
    "consent_not_mainland": ("the client is not a Mainland resident", "客戶並非內地居民"),
    "consent_ok": ("the Mainland consent letter is accepted", "內地同意書已接納"),
    "consent_marked_na": ("the Mainland consent letter is marked not applicable, but the client is a Mainland resident",
                          "內地同意書被標示為不適用，但客戶是內地居民"),
    "consent_waiting": ("the client is a Mainland resident: item {number} ({title}) is {state}",
                        "客戶是內地居民：第 {number} 項（{title}）的狀態為「{state}」"),
    "id481_only_dependant": ("only for a dependant's extension", "只適用於受養人的延期申請"),
    "id481_not_ttps": ("the sponsor is not a TTPS entrant", "保證人並非高端人才通行證計劃的入境者"),
    "id481_not_in_checklist": ("the checklist does not call for ID 481A / ID 481B", "文件清單沒有要求 ID 481A／ID 481B"),
    "id481_waiting": ("ImmD's TTPS page asks every dependant's extension for ID 481A and ID 481B: {names}",
                      "入境處的高端人才通行證計劃網頁要求每名受養人的延期申請提交 ID 481A 及 ID 481B：{names}"),
    "id481_ok": ("ID 481A and ID 481B are accepted", "ID 481A 及 ID 481B 已接納"),
    "review_none": ("no checklist item is marked for review", "沒有文件項目需要覆核"),
    "review_items": ("check these items against ImmD's guidance notes or guidebook before filing (ImmD's own list for them was not available to hkcase): {names}",
                     "遞交前請按入境處的申請指引或指南核對以下項目（hkcase 未能取得入境處就這些項目的清單）：{names}"),
}

# Words put into the messages: checklist states, spans, list punctuation.
_WORDS: dict[str, tuple[str, str]] = {
    "missing": ("missing", "未提交"), "requested": ("requested", "已要求"),
    "received": ("received", "已收到"), "reviewed": ("reviewed", "已審閱"),
    "accepted": ("accepted", "已接納"), "rejected": ("rejected", "請重新提供"),
    "not_applicable": ("not applicable", "不適用"),
    "months": ("{n} months", "{n} 個月"), "years_3_5": ("3.5 years", "3.5 年"),
    "item_state": ("{number}. {title} ({state})", "{number}. {title}（{state}）"),
    "item_expired": ("{number}. {title} (expired {date})", "{number}. {title}（{date} 過期）"),
    "item": ("{number}. {title}", "{number}. {title}"),
    "separator": ("; ", "；"),
    # The one-line summary above the checks (Filing tab, printed sheet).
    "summary": ("{state} on {date} · {fee} · {decision}", "{state}（{date}）· {fee} · {decision}"),
    "ready": ("Ready to file", "可以遞交"), "not_ready": ("Not ready to file", "未可遞交"),
    "fee_one": ("On filing {amount} for {count} applicant (non-refundable)",
                "遞交時繳付 {amount}，共 {count} 名申請人（不設退款）"),
    "fee_many": ("On filing {amount} for {count} applicants (non-refundable)",
                 "遞交時繳付 {amount}，共 {count} 名申請人（不設退款）"),
    "decision_around": ("expected decision around {date}", "預計約於 {date} 有結果"),
    "no_processing_time": ("no processing time published", "入境處沒有公布處理時間"),
}

LANGS = (Lang.EN, Lang.ZH_HK, Lang.ZH_CN)
_INDEX = {lang: i for i, lang in enumerate(LANGS)}


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _simplified() -> _Converter:
    import opencc  # C++ OpenCC with its dictionaries

    converter: _Converter = opencc.OpenCC("hk2s.json")
    return converter


@cache
def _pattern(table: str, key: str, lang: Lang) -> str:
    en, zh = (_MESSAGES if table == "m" else _WORDS)[key]
    if lang is Lang.EN:
        return en
    return zh if lang is Lang.ZH_HK else _simplified().convert(zh)


def _pick(value: Localised, lang: Lang) -> str:
    return value if isinstance(value, str) else value[_INDEX[lang]]


def render(key: str, params: Mapping[str, Localised], lang: Lang) -> str:
    """The message ``key`` in ``lang`` with its parameters filled in."""
    return _pattern("m", key, lang).format(**{k: _pick(v, lang) for k, v in params.items()})


def word(key: str, lang: Lang, **params: str) -> str:
    """One of the words put into messages (a state, a span), in ``lang``."""
    return _pattern("w", key, lang).format(**params)


def per_language(make: Callable[[Lang], str]) -> tuple[str, str, str]:
    """A parameter built once per language."""
    return (make(Lang.EN), make(Lang.ZH_HK), make(Lang.ZH_CN))


def keys() -> frozenset[str]:
    """Every message key (tests check each renders in every language)."""
    return frozenset(_MESSAGES)


def placeholders_match() -> list[str]:
    """Keys whose Chinese text does not use the same placeholders as the English."""
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    return sorted(k for table in (_MESSAGES, _WORDS) for k, (en, zh) in table.items()
                  if names(en) != names(zh))
