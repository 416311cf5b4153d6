"""Cell values in the consultant's terms: dates, sex, scheme, residence; each refusal says why."""

from __future__ import annotations

import re
from datetime import date, datetime

from hkcase.domain.messages import tr
from hkcase.domain.vocab import Residence, Scheme, Sex
from hkcase.services.imports.reading import Cell


class CellError(ValueError):
    """A cell that cannot be read; the message is the reason shown for its row and column."""


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        value = date(year, month, day)
    except ValueError:
        raise CellError(tr("{text} is not a real date", text=repr(text))) from None
    if not 1900 <= value.year <= 2100:
        raise CellError(tr("{text} is outside the years 1900–2100", text=repr(text)))
    return value


def us_order_only(text: str) -> bool:
    """True for a slash date that can only be month first (12/25/2025)."""
    match = _DMY.match(text.strip())
    return match is not None and int(match.group(1)) <= 12 < int(match.group(2))


def parse_date(cell: Cell, *, month_first_seen: bool = False) -> date | None:
    """A date from an Excel date cell, ``DD/MM/YYYY``, ``YYYY-MM-DD`` or ``YYYY年M月D日``.

    Refused, not guessed: two-digit years, numbers that are not date cells, a
    ``DD/MM`` date whose day and month could be swapped in a column where other
    dates are written month first (``month_first_seen``), and a month-first date.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, datetime):
        if cell.time() != datetime.min.time():
            raise CellError(tr("{cell} has a time of day: a date was expected",
                               cell=cell.isoformat(sep=" ")))
        return _make(cell.year, cell.month, cell.day, cell.date().isoformat())
    if isinstance(cell, date):
        return _make(cell.year, cell.month, cell.day, cell.isoformat())
    if isinstance(cell, bool | int | float):
        raise CellError(tr("{cell} is a number, not a date: format the cell as a date or "
                           "write DD/MM/YYYY", cell=repr(cell)))
    text = str(cell).strip()
    if match := _ISO.match(text) or _CHINESE.match(text):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
    if match := _DMY.match(text):
        first, second, year = (int(g) for g in match.groups())
        if len(match.group(3)) != 4:
            raise CellError(tr("{text} has a two-digit year: write the year in full "
                               "(DD/MM/YYYY)", text=repr(text)))
        if second > 12:
            raise CellError(tr("{text} reads month first (MM/DD/YYYY); write DD/MM/YYYY or "
                               "YYYY-MM-DD", text=repr(text)))
        if month_first_seen and first <= 12 and first != second:
            raise CellError(tr("{text} is ambiguous: other dates in this column are month "
                               "first, so day and month cannot be told apart; write YYYY-MM-DD",
                               text=repr(text)))
        return _make(year, second, first, text)
    raise CellError(tr("{text} is not a date (write DD/MM/YYYY or YYYY-MM-DD)",
                       text=repr(text)))


def text(cell: Cell) -> str | None:
    """A cell as trimmed text (numbers without a trailing .0), or None when blank."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    value = " ".join(str(cell).split())
    return value or None


_SEX = {"m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "男": Sex.MALE, "男性": Sex.MALE,
        "f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE, "女": Sex.FEMALE,
        "女性": Sex.FEMALE, "x": Sex.UNSPECIFIED, "unspecified": Sex.UNSPECIFIED}


def parse_sex(value: str) -> Sex:
    found = _SEX.get(value.strip().lower())
    if found is None:
        raise CellError(tr("{value} is not a sex hkcase records (M, F or X; 男 or 女)",
                           value=repr(value)))
    return found


_SCHEMES: dict[str, Scheme] = {
    "qmas gpt": Scheme.QMAS_GPT, "qmas general points test": Scheme.QMAS_GPT,
    "qmas abpt": Scheme.QMAS_ABPT, "qmas achievement-based points test": Scheme.QMAS_ABPT,
    "優才(綜合計分制)": Scheme.QMAS_GPT, "优才(综合计分制)": Scheme.QMAS_GPT,
    "優才(成就計分制)": Scheme.QMAS_ABPT, "优才(成就计分制)": Scheme.QMAS_ABPT,
    "高才通": Scheme.TTPS, "高端人才通行證計劃": Scheme.TTPS, "高端人才通行证计划": Scheme.TTPS,
    "一般就業政策": Scheme.GEP, "一般就业政策": Scheme.GEP,
    "輸入內地人才計劃": Scheme.ASMTP, "输入内地人才计划": Scheme.ASMTP,
    "科技人才入境計劃": Scheme.TECHTAS, "科技人才入境计划": Scheme.TECHTAS,
    "非本地畢業生留港/回港就業安排": Scheme.IANG, "非本地毕业生留港/回港就业安排": Scheme.IANG,
    "輸入中國籍香港永久性居民第二代計劃": Scheme.ASSG,
    "输入中国籍香港永久性居民第二代计划": Scheme.ASSG,
    "新資本投資者入境計劃": Scheme.NEW_CIES, "新资本投资者入境计划": Scheme.NEW_CIES,
    "new cies": Scheme.NEW_CIES, "cies": Scheme.NEW_CIES,
    "受養人": Scheme.DEPENDANT, "受养人": Scheme.DEPENDANT, "dependant": Scheme.DEPENDANT,
    "dependent": Scheme.DEPENDANT,
}


def parse_scheme(value: str) -> Scheme:
    cleaned = " ".join(value.replace("_", " ").split())
    key = cleaned.lower().replace("（", "(").replace("）", ")")
    if key in ("qmas", "優才", "优才", "優秀人才入境計劃", "优秀人才入境计划"):
        raise CellError(tr("{value} is two schemes: write QMAS_GPT (general points test) or "
                           "QMAS_ABPT (achievement-based points test)", value=repr(value)))
    try:
        return Scheme(cleaned.upper().replace(" ", "_").replace("-", "_"))
    except ValueError:
        pass
    found = _SCHEMES.get(key)
    if found is None:
        raise CellError(tr("{value} is not a scheme (one of {schemes})", value=repr(value),
                           schemes=", ".join(s.value for s in Scheme)))
    return found


_RESIDENCE = {"mainland": Residence.MAINLAND_CHINA, "mainland china": Residence.MAINLAND_CHINA,
              "內地": Residence.MAINLAND_CHINA, "内地": Residence.MAINLAND_CHINA,
              "中國內地": Residence.MAINLAND_CHINA, "中国内地": Residence.MAINLAND_CHINA,
              "hong kong": Residence.HONG_KONG, "hk": Residence.HONG_KONG,
              "香港": Residence.HONG_KONG, "macao": Residence.MACAO, "macau": Residence.MACAO,
              "澳門": Residence.MACAO, "澳门": Residence.MACAO, "taiwan": Residence.TAIWAN,
              "台灣": Residence.TAIWAN, "台湾": Residence.TAIWAN, "臺灣": Residence.TAIWAN,
              "overseas": Residence.OVERSEAS, "海外": Residence.OVERSEAS}

#: A new client's residence when the file has none: from the nationality, noted for review.
RESIDENCE_FROM_NATIONALITY = {"CN": Residence.MAINLAND_CHINA, "MO": Residence.MACAO,
                              "TW": Residence.TAIWAN}


def parse_residence(value: str) -> Residence:
    cleaned = " ".join(value.replace("_", " ").split()).lower()
    try:
        return Residence(cleaned.replace(" ", "_"))
    except ValueError:
        pass
    found = _RESIDENCE.get(cleaned)
    if found is None:
        raise CellError(tr("{value} is not a residence (mainland_china, hong_kong, macao, "
                           "taiwan or overseas)", value=repr(value)))
    return found


def parse_email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise CellError(tr("{value} is not an e-mail address", value=repr(value)))
    return value
