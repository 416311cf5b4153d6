"""The import's columns and the headers they are recognised by (English, 繁體, 简体).

Headers are matched exactly after folding case, spaces, underscores,
punctuation and full-width forms; an unlisted header is reported and ignored,
never guessed. The first thirteen columns are the issue's list; ``residence``,
``mainland_id`` and ``granted_on`` are optional extras.
"""

from __future__ import annotations

import unicodedata

COLUMNS = ("family_name", "given_names", "chinese_name", "sex", "date_of_birth", "nationality",
           "passport_number", "passport_expiry", "hkid", "email", "phone", "scheme",
           "limit_of_stay")
EXTRA_COLUMNS = ("residence", "mainland_id", "granted_on")
DATE_COLUMNS = frozenset({"date_of_birth", "passport_expiry", "limit_of_stay", "granted_on"})

_ALIASES: dict[str, tuple[str, ...]] = {
    "family_name": ("surname", "last name", "family name", "lastname", "姓", "姓氏", "英文姓",
                    "英文姓氏"),
    "given_names": ("given name", "given names", "first name", "first names", "forename",
                    "forenames", "other names", "名", "名字", "英文名"),
    "chinese_name": ("chinese name", "name in chinese", "中文姓名", "中文名", "中文名字"),
    "sex": ("gender", "性別", "性别"),
    "date_of_birth": ("dob", "birth date", "date of birth", "birthday", "出生日期", "出生日"),
    "nationality": ("citizenship", "國籍", "国籍"),
    "passport_number": ("passport", "passport no", "passport number", "passport num",
                        "護照號碼", "护照号码", "護照號", "护照号", "護照編號", "护照编号"),
    "passport_expiry": ("passport expiry", "passport expiry date", "passport expiration",
                        "passport expiration date", "passport valid until",
                        "護照屆滿日期", "护照届满日期", "護照有效期", "护照有效期",
                        "護照有效期至", "护照有效期至", "護照到期日", "护照到期日"),
    "hkid": ("hkid", "hkid no", "hkid number", "hk id", "hk identity card", "hong kong identity "
             "card number", "香港身份證號碼", "香港身份证号码", "香港身份證", "香港身份证"),
    "email": ("e-mail", "email address", "e-mail address", "電郵", "电邮", "電子郵件", "电子邮件",
              "電郵地址", "电邮地址", "電子郵箱", "电子邮箱"),
    "phone": ("telephone", "tel", "mobile", "phone number", "contact number", "電話", "电话",
              "手提電話", "手机", "手機", "聯絡電話", "联系电话", "電話號碼", "电话号码"),
    "scheme": ("visa scheme", "admission scheme", "計劃", "计划", "入境計劃", "入境计划",
               "申請計劃", "申请计划"),
    "limit_of_stay": ("limit of stay", "limit of stay date", "逗留期限", "逗留期限至",
                      "準許逗留至", "准许逗留至", "獲准逗留至", "获准逗留至"),
    "residence": ("residence", "place of residence", "居住地", "居住地區", "居住地区", "常住地"),
    "mainland_id": ("mainland id", "prc id", "resident identity card number",
                    "內地身份證號碼", "内地身份证号码", "居民身份證號碼", "居民身份证号码"),
    "granted_on": ("granted on", "grant date", "date granted", "visa granted on", "批准日期",
                   "獲批日期", "获批日期"),
}


def fold(header: str) -> str:
    """A header folded for matching: NFKC, lower case, no spaces, ``_ - . : ( ) #`` or ``：``."""
    text = unicodedata.normalize("NFKC", header).strip().lower()
    for mark in " _-.:()#/\u3000":
        text = text.replace(mark, "")
    return text


_BY_FOLDED: dict[str, str] = {}
for _name in (*COLUMNS, *EXTRA_COLUMNS):
    for _alias in (_name, *_ALIASES.get(_name, ())):
        _BY_FOLDED.setdefault(fold(_alias), _name)


def column_for(header: str) -> str | None:
    """The column a header names, or None if it is not one hkcase knows."""
    return _BY_FOLDED.get(fold(header))


def known_headers() -> dict[str, tuple[str, ...]]:
    """Every column with the headers it is recognised by (for the docs and the dialog)."""
    return {name: (name, *_ALIASES.get(name, ())) for name in (*COLUMNS, *EXTRA_COLUMNS)}
