"""Country codes said back in words: English as before, Hong Kong Traditional and Simplified
Chinese from the shipped CLDR table; an unknown code stays as it is."""

from __future__ import annotations

import pytest

from hkcase.domain.checklists import Lang
from hkcase.domain.countries import (
    STATELESS,
    UnknownCountryError,
    country_name,
    normalise_country,
)
from hkcase.domain.messages import set_language


@pytest.mark.parametrize(("code", "en", "zh_hk", "zh_cn"), [
    ("GB", "United Kingdom", "英國", "英国"),
    ("CN", "China", "中國", "中国"),
    ("US", "United States", "美國", "美国"),
    ("KP", "Korea, Democratic People's Republic of", "北韓", "朝鲜"),  # HK usage, not 朝鮮
    ("PH", "Philippines", "菲律賓", "菲律宾"),
    (STATELESS, "stateless", "無國籍", "无国籍"),
])
def test_a_code_in_three_languages(code: str, en: str, zh_hk: str, zh_cn: str) -> None:
    assert country_name(code) == en  # English as it always read (pycountry's name)
    assert country_name(code, "en") == en
    assert country_name(code, "zh-hk") == country_name(code, Lang.ZH_HK) == zh_hk
    assert country_name(code, "zh_CN") == country_name(code, Lang.ZH_CN) == zh_cn
    assert country_name(code.lower(), "zh-hk") == zh_hk


@pytest.mark.parametrize("lang", ["en", "zh-hk", "zh-cn"])
def test_an_unknown_code_stays_as_it_is(lang: str) -> None:
    assert country_name("QQ", lang) == "QQ"
    assert country_name("??", lang) == "??"


@pytest.mark.parametrize("lang", ["zh-hk", "zh-cn"])
def test_every_chinese_name_reads_back_as_its_code(lang: str) -> None:
    """A screen may show the name in a field; typed back, it is the same country."""
    import pycountry

    for country in pycountry.countries:
        code = str(country.alpha_2)
        name = country_name(code, lang)
        assert name != code and not name.isascii(), (code, name)
        assert normalise_country(name) == code, (code, name)


def test_the_errors_are_said_in_the_interface_language() -> None:
    try:
        set_language("zh-hk")
        with pytest.raises(UnknownCountryError) as found:
            normalise_country("Atlantis")
        assert "不是 ISO 3166-1 所列的國家或地區" in str(found.value)
        assert "'Atlantis'" in str(found.value)
        with pytest.raises(UnknownCountryError, match="未填寫國家或地區"):
            normalise_country("  ")
        set_language("zh-cn")
        with pytest.raises(UnknownCountryError, match="国家或地区"):
            normalise_country("Narnia")
    finally:
        set_language("en")
    with pytest.raises(UnknownCountryError, match=r"^'Atlantis' is not an ISO 3166-1 country "
                       r"\(use a code such as CN, GB or USA, or a name in English or Chinese\)$"):
        normalise_country("Atlantis")
