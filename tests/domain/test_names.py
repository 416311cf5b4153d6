"""Chinese names in a stated order: pinyin, surnames read as surnames, one key for SQL too."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from hkcase.domain.names import (
    KEY_MAX,
    SORT_RULE,
    chinese_sort_key,
    readings,
    sorted_by_chinese_name,
)


def test_names_sort_by_pinyin_not_by_code_point() -> None:
    names = ["張三", "王小明", "陳大文", "李小龍", "何家勁", "黃大仙", "歐陽修", "艾敬"]
    assert sorted(names) != sorted_by_chinese_name(names)  # code points mean nothing here
    assert sorted_by_chinese_name(names) == [
        "艾敬",    # ai
        "陳大文",  # chen
        "何家勁",  # he
        "黃大仙",  # huang
        "李小龍",  # li
        "歐陽修",  # ou
        "王小明",  # wang
        "張三",    # zhang
    ]
    assert SORT_RULE == "pinyin"


def test_family_names_take_their_reading_as_a_surname() -> None:
    assert readings("曾志偉")[0] == "zeng1"  # not céng
    assert readings("單立文")[0] == "shan4"  # not dān
    assert readings("區嘉雯")[0] == "ou1"    # not qū
    assert readings("尉遲恭")[:2] == ["yu4", "chi2"]
    # Only the family name: 曾 inside a given name keeps its ordinary reading.
    assert readings("李曾")[1] == "ceng2"
    assert sorted_by_chinese_name(["曾志偉", "蔡明", "單立文", "區嘉雯"]) == [
        "蔡明", "區嘉雯", "單立文", "曾志偉"]


def test_traditional_and_simplified_sort_together() -> None:
    ordered = sorted_by_chinese_name(["陳大文", "李明", "陈大文", "陳大明"])
    assert ordered == ["陳大明", "陈大文", "陳大文", "李明"]  # ming < wen; then code points


def test_names_without_chinese_and_rare_characters_come_last() -> None:
    ordered = sorted_by_chinese_name(["Chan Tai Man", "張三", "𨋢記", "陳大文"])
    assert ordered[:2] == ["陳大文", "張三"]
    assert set(ordered[2:]) == {"Chan Tai Man", "𨋢記"}
    assert chinese_sort_key(None) is None
    assert chinese_sort_key("  ") is None
    assert chinese_sort_key("陳 大文") == chinese_sort_key("陳大文")


@given(st.text(min_size=1, max_size=30))
def test_the_key_is_plain_ascii_for_any_collation(name: str) -> None:
    key = chinese_sort_key(name)
    assert key is None or (re.fullmatch(r"[0-9a-z]+", key) and len(key) <= KEY_MAX)


@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                        min_size=1, max_size=4), min_size=2, max_size=8))
def test_the_key_orders_by_readings(names: list[str]) -> None:
    """The string key orders names exactly as their readings, character by character."""
    def by_readings(name: str) -> tuple[list[tuple[str, str]], list[int]]:
        # A character without a reading sorts after every syllable ("~" > any letter).
        return [(r[:-1], r[-1]) if r else ("~", "") for r in readings(name)], [
            ord(c) for c in name]
    assert sorted(names, key=lambda n: chinese_sort_key(n) or "") == sorted(
        names, key=by_readings)
