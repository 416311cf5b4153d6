# ruff: noqa: E501  (a table of labels: one entry a line reads best)
"""Labels of the filing data sheet in English, Traditional and Simplified Chinese."""

from __future__ import annotations

from enum import StrEnum

from hkcase.domain.checklists import Lang
from hkcase.domain.labels import entry

# key: (English, Traditional, Simplified)
_LABELS: dict[str, tuple[str, str, str]] = {
    "family_name": ("Surname", "姓", "姓"),
    "given_names": ("Given names", "名", "名"),
    "chinese_name": ("Name in Chinese", "中文姓名", "中文姓名"),
    "sex": ("Sex", "性別", "性别"),
    "date_of_birth": ("Date of birth", "出生日期", "出生日期"),
    "nationality": ("Nationality", "國籍", "国籍"),
    "residence": ("Place of residence", "居住地", "居住地"),
    "marital_status": ("Marital status", "婚姻狀況", "婚姻状况"),
    "hkid": ("Hong Kong identity card no.", "香港身份證號碼", "香港身份证号码"),
    "mainland_id": ("Mainland resident identity card no.", "內地居民身份證號碼", "内地居民身份证号码"),
    "doc_type": ("Travel document", "旅行證件", "旅行证件"),
    "doc_number": ("Document no.", "證件號碼", "证件号码"),
    "issuing_country": ("Place of issue", "簽發地", "签发地"),
    "issue_date": ("Date of issue", "簽發日期", "签发日期"),
    "expiry_date": ("Date of expiry", "屆滿日期", "届满日期"),
    "email": ("E-mail", "電郵", "电邮"),
    "phone": ("Telephone", "電話", "电话"),
    "level": ("Qualification", "學歷", "学历"),
    "institution": ("Institution", "院校", "院校"),
    "country": ("Country or territory", "國家或地區", "国家或地区"),
    "field_of_study": ("Field of study", "主修", "主修"),
    "full_time": ("Full-time", "全日制", "全日制"),
    "award_date": ("Date of award", "頒授日期", "颁授日期"),
    "employer": ("Employer", "僱主", "雇主"),
    "position": ("Position", "職位", "职位"),
    "start_date": ("From", "由", "由"),
    "end_date": ("To", "至", "至"),
    "annual_income_hkd": ("Annual income (HK$)", "全年收入（港幣）", "全年收入（港币）"),
    "employer_name": ("Employer in Hong Kong", "香港僱主", "香港雇主"),
    "employer_br_number": ("Business Registration no.", "商業登記號碼", "商业登记号码"),
    "offer_position": ("Position offered", "受聘職位", "受聘职位"),
    "salary": ("Salary", "薪金", "薪金"),
    "package_hkd": ("Remuneration package (HK$ a year)", "薪酬福利（每年港幣）", "薪酬福利（每年港币）"),
    "offer_start_date": ("Start date", "開始日期", "开始日期"),
    "contract_end": ("Contract ends", "合約屆滿", "合同届满"),
    "offer_full_time": ("Full-time post", "全職", "全职"),
    "dependants": ("Dependants", "受養人", "受养人"),
    "dependant_name": ("Dependant", "受養人", "受养人"),
    "relationship": ("Relationship", "關係", "关系"),
    "dependant_case": ("Dependant's case", "受養人個案", "受养人个案"),
    "sponsor_name": ("Sponsor", "保證人", "保证人"),
    "sponsor_scheme": ("Sponsor's scheme", "保證人所屬計劃", "保证人所属计划"),
    "sponsor_case": ("Sponsor's case", "保證人個案", "保证人个案"),
    "previous_stays": ("Previous stays", "過往逗留", "过往逗留"),
    "stay_scheme": ("Scheme", "計劃", "计划"),
    "granted_on": ("Granted on", "批准日期", "批准日期"),
    "entry_date": ("Entry", "入境日期", "入境日期"),
    "limit_of_stay": ("Limit of stay", "逗留期限", "逗留期限"),
    "condition_of_stay": ("Condition of stay", "逗留條件", "逗留条件"),
}

_SECTIONS: dict[str, tuple[str, str, str]] = {
    "personal": ("Personal particulars", "個人資料", "个人资料"),
    "travel_document": ("Travel document", "旅行證件", "旅行证件"),
    "contact": ("Contact", "聯絡資料", "联络资料"),
    "education": ("Education", "學歷", "学历"),
    "employment": ("Employment", "工作經驗", "工作经验"),
    "job_offer": ("Job offer in Hong Kong", "香港聘用資料", "香港聘用资料"),
    "dependants": ("Dependants", "受養人", "受养人"),
    "sponsor": ("Sponsor", "保證人", "保证人"),
    "previous_stays": ("Previous stays in Hong Kong", "過往在港逗留", "过往在港逗留"),
}

#: The sheet's own words; every vocabulary value comes from the label catalogue.
_VALUES: dict[str, tuple[str, str, str]] = {
    "yes": ("Yes", "是", "是"), "no": ("No", "否", "否"),
    "current": ("current", "現職", "现职"), "none_recorded": ("none recorded", "沒有紀錄", "没有纪录"),
}
#: Where a stored value that comes without its enum (case facts hold plain strings) is
#: looked up in the catalogue, in this order.
_VOCABULARIES = ("Sex", "Residence", "TravelDocumentType", "EducationLevel", "RelationshipKind",
                 "MaritalStatus", "SalaryPeriod", "DependantRelationship", "SponsorStatus",
                 "Scheme", "ApplicationType")

_INDEX = {Lang.EN: 0, Lang.ZH_HK: 1, Lang.ZH_CN: 2}


def label(key: str, lang: Lang) -> str:
    """The label of a field (``education2.institution`` → "Institution")."""
    base = key.rsplit(".", 1)[-1]
    return _LABELS[base][_INDEX[lang]] if base in _LABELS else base


def section_title(code: str, lang: Lang) -> str:
    return _SECTIONS[code][_INDEX[lang]]


def value_text(value: str | StrEnum, lang: Lang) -> str:
    """A vocabulary value as words (the catalogue's printed form); anything else as it is."""
    if isinstance(value, StrEnum):
        found = entry(value)
    elif value in _VALUES:
        return _VALUES[value][_INDEX[lang]]
    else:
        found = next((e for e in (entry(value, v) for v in _VOCABULARIES) if e is not None),
                     None)
    if found is None:
        return str(value)
    words = found.text(lang, long=found.vocabulary != "Scheme")
    if lang is not Lang.EN or found.vocabulary == "SalaryPeriod":  # "HK$95,000 (a month)"
        return words
    return words[:1].upper() + words[1:]


_TEXTS: dict[str, tuple[str, str, str]] = {
    "title": ("Filing data sheet", "網上申請資料表", "网上申请资料表"),
    "confirm": ("These are the particulars we will submit to the Immigration Department for "
                "you. Please check every line; tell us of any mistake before you sign.",
                "以下是我們將代閣下向入境事務處遞交的資料。請逐項核對，如有錯誤請於簽署前告知我們。",
                "以下是我们将代阁下向入境事务处递交的资料。请逐项核对，如有错误请于签署前告知我们。"),
    "missing": ("missing", "欠缺", "欠缺"),
    "signature": ("Signature of the applicant", "申請人簽署", "申请人签署"),
    "date": ("Date", "日期", "日期"),
    "checks": ("Before filing", "遞交前檢查", "递交前检查"),
    "case": ("Case", "個案", "个案"),
    "client": ("Client", "客戶", "客户"),
    "application": ("Application", "申請", "申请"),
    "missing_count": ("values missing from the records", "項資料欠缺", "项资料欠缺"),
}


def text(key: str, lang: Lang) -> str:
    return _TEXTS[key][_INDEX[lang]]
