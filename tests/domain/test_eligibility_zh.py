"""The eligibility explanation in Chinese: fresh results said in the process's language, kept
(English) results said again, and the English and the JSON word-for-word as before."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from hkcase.domain.eligibility import assess, parse_profile
from hkcase.domain.eligibility.wording import (
    said_effect,
    said_reason,
    said_text,
    stored_dict,
)
from hkcase.domain.messages import Message, catalogue, set_language
from hkcase.domain.vocab import Scheme
from tests.eligibility_support import STRONG

ROOT = Path(__file__).resolve().parents[2]
#: English that may stay in a Chinese explanation: names, codes, the technology areas and
#: the scheme's and list's own names.
PROPER = {"hkcase", "STEM", "TTPS", "QMAS", "IANG", "PDF", "Oxford", "University"}
WORD = re.compile(r"[A-Za-z][A-Za-z'_-]{2,}")

# One profile whose explanation has every kind of sentence: not met (age, income), a
# review (the QMAS list judged from the TTPS list), unknown facts, cautions (the TTPS
# list's, the after-graduation rule's), scheme notes, and dates on which the answer changes.
PROFILE: dict[str, Any] = dict(
    STRONG, date_of_birth="1975-01-10", annual_income_hkd=900_000,
    postgrad_from_qmas_eligible_university=None, master_institution_on_ttps_list=True,
    bachelor_institution_on_ttps_list=None, years_experience_last_5y=2.5,
    owns_business_annual_profit_hkd=6_000_000, achievement=True)
for _fact in ("criminal_record", "job_offer", "spouse_degree"):
    PROFILE.pop(_fact)
SCHEMES = [Scheme.TTPS, Scheme.QMAS_GPT, Scheme.QMAS_ABPT, Scheme.GEP, Scheme.ASSG]


#: Rule-set ids (``EXCLUDED-2023-10-25``) and addresses are names, not words.
NAMES = re.compile(r"[A-Z_]+(?:-before)?-\d{4}-\d{2}-\d{2}|https?://\S+?(?=[）；，]|$)")


def _english_words(text: str) -> list[str]:
    return [w for w in WORD.findall(NAMES.sub("", text))
            if w not in PROPER and not w.startswith("University")]


def _sentences(data: dict[str, Any]) -> list[str]:
    """Every sentence of an explanation (as ``as_dict`` holds it), criterion texts aside."""
    found: list[str] = []
    for c in data["criteria"]:
        found += [c["detail"], *(c["cautions"])] + ([c["review"]] if c.get("review") else [])
    found += data["reasons"] + data["cautions"] + [ch["effect"] for ch in data["changes_on"]]
    return [s for s in found if s]


def _assess(lang: str) -> list[Any]:
    set_language(lang)
    profile = parse_profile(PROFILE)
    return assess(profile, SCHEMES).results


def test_every_kind_of_sentence_is_in_the_profile() -> None:
    results = {r.scheme: r.as_dict() for r in _assess("en")}
    ttps, qmas = results["TTPS"], results["QMAS_GPT"]
    assert any(r.startswith("category A: not met: ") for r in ttps["reasons"])
    assert any(r.startswith("review: ") for r in results["QMAS_ABPT"]["reasons"])
    assert any(c.get("review") for c in qmas["criteria"])
    assert any(r.startswith("unknown: ") for r in results["GEP"]["reasons"])
    assert ttps["cautions"] and qmas["cautions"] and ttps["changes_on"]
    assert any(c["detail"].startswith("needs ") for c in results["GEP"]["criteria"])


@pytest.mark.parametrize("lang", ["zh-hk", "zh-cn"])
def test_a_profiles_explanation_is_chinese(lang: str) -> None:
    for result in _assess(lang):
        data = result.as_dict()
        sentences = _sentences(data)
        assert sentences, result.scheme
        for sentence in sentences:  # "HK$900,000 < HK$2,500,000" needs no words
            assert not _english_words(sentence), (result.scheme, sentence)
        chinese = [s for s in sentences if re.search("[\u4e00-\u9fff]", s)]
        assert len(chinese) >= 0.7 * len(sentences), (result.scheme, sentences)


def test_traditional_and_simplified_differ() -> None:
    hk = [s for r in _assess("zh-hk") for s in _sentences(r.as_dict())]
    cn = [s for r in _assess("zh-cn") for s in _sentences(r.as_dict())]
    assert len(hk) == len(cn) and hk != cn
    assert any("準則" in s or "資料" in s for s in hk)
    assert any("准则" in s or "资料" in s for s in cn)


def test_the_english_and_the_json_are_unchanged_and_kept_in_english() -> None:
    english_results = [r.as_dict() for r in _assess("en")]
    chinese = _assess("zh-hk")
    # what the database keeps from a Chinese desktop: the English, word for word
    assert [stored_dict(r.as_dict()) for r in chinese] == english_results
    assert all(type(v) is str for r in chinese for v in _values(stored_dict(r.as_dict())))
    # and a result made in English, after Chinese ones (caches keyed by language)
    assert [r.as_dict() for r in _assess("en")] == english_results
    ttps = next(r for r in english_results if r["scheme"] == "TTPS")
    assert "category A: not met: annual income of HK$2,500,000 or more in the year before " \
        "applying (HK$900,000 < HK$2,500,000)" in ttps["reasons"]


def _values(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _values(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("lang", ["zh-hk", "zh-cn"])
def test_a_kept_english_result_is_said_again_in_chinese(lang: str) -> None:
    kept = [r.as_dict() for r in _assess("en")]  # as the database holds it
    fresh = [r.as_dict() for r in _assess(lang)]
    set_language("en")
    for old, new in zip(kept, fresh, strict=True):
        criteria = old["criteria"]
        for c_old, c_new in zip(criteria, new["criteria"], strict=True):
            assert said_text(c_old["detail"], lang) == c_new["detail"], c_old["id"]
            if c_old.get("review"):
                assert said_text(c_old["review"], lang) == c_new["review"]
            assert [said_text(x, lang) for x in c_old["cautions"]] == c_new["cautions"]
        assert [said_reason(r, criteria, lang) for r in old["reasons"]] == new["reasons"]
        assert [said_text(x, lang) for x in old["cautions"]] == new["cautions"]
        assert [said_effect(ch["effect"], ch["criterion"], lang) for ch in old["changes_on"]] \
            == [ch["effect"] for ch in new["changes_on"]]


def test_a_fresh_message_is_said_in_any_language() -> None:
    (ttps,) = [r for r in _assess("zh-hk") if r.scheme == "TTPS"]
    reason = ttps.reasons[0]
    assert isinstance(reason, Message)
    assert said_text(reason, "en") == reason.into("en")
    assert re.search("[\u4e00-\u9fff]", said_text(reason, "zh-cn"))


def test_every_rule_data_note_and_caution_has_chinese() -> None:
    known = catalogue()
    texts = []
    for path in sorted((ROOT / "resources" / "eligibility").glob("*.toml")):
        for rule_set in tomllib.loads(path.read_text("utf-8")).get("rule_set", []):
            texts += rule_set.get("notes", []) + rule_set.get("cautions", [])
    missing = sorted({t for t in texts if t not in known})
    assert not missing, f"add to resources/messages/eligibility.toml: {missing}"
