"""The one label catalogue: every vocabulary value in English, Traditional and Simplified
Chinese, none of them an internal identifier, the data checked, the English unchanged."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from enum import Enum, StrEnum
from pathlib import Path

import opencc
import pytest

import hkcase.domain
from hkcase.domain import case_facts, checklists, labels, vocab
from hkcase.domain.checklists import Lang
from hkcase.domain.eligibility import model
from hkcase.domain.eligibility.profile import FIELDS
from hkcase.domain.filing import checks
from hkcase.domain.labels import LabelDataError, catalogue, entry, label
from hkcase.domain.reminders import urgency
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme, Sex

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "eligibility_golden_full.json"
CJK = re.compile(r"[\u3400-\u9fff]")
#: What an internal identifier looks like: snake_case, or a CODE_WITH_UNDERSCORES.
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b|\b[A-Z0-9]+(?:_[A-Z0-9]+)+\b")
#: Values whose English label is the value itself and reads as a word: a plain lower-case
#: word ("passport") or a public abbreviation without underscores ("TTPS", "GEP").
READS_AS_IS = re.compile(r"^[a-z]+$|^[A-Z]{2,6}$")


def _enums() -> dict[str, type[Enum]]:
    """Every vocabulary enum of the domain (each module of ``hkcase.domain``), by the
    catalogue's name for it; ``Lang`` is the catalogue's own languages, not a vocabulary."""
    found: dict[str, type[Enum]] = {}
    modules = [importlib.import_module(info.name) for info in pkgutil.walk_packages(
        hkcase.domain.__path__, "hkcase.domain.")]
    assert {vocab, case_facts, model, urgency, checklists, checks} <= set(modules)
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, StrEnum) and cls is not StrEnum and cls.__module__ == \
                    module.__name__ and cls is not checklists.Lang:
                found[labels.vocabulary_of(next(iter(cls)))] = cls
    return found


def _criteria_and_needs() -> tuple[set[str], set[str]]:
    """Criterion codes and needed facts in the golden results (every scheme, many profiles)."""
    criteria, needs = set(), set()
    for runs in json.loads(GOLDEN.read_text("utf-8")).values():
        for run in runs.values():
            for result in run["results"]:
                for c in result["criteria"]:
                    criteria.add(c["id"])
                    needs.update(c.get("needs", []))
                needs.update(result.get("missing", []))
    return criteria, needs


def _all_entries() -> list[labels.Entry]:
    return [e for table in catalogue().values() for e in table.values()]


def test_every_vocabulary_value_has_three_labels_none_an_identifier() -> None:
    enums = _enums()
    assert {"Scheme", "ApplicationType", "Stage", "ChecklistState", "IncomeSource",
            "EligibilityOutcome", "EligibilityStatus", "CheckStatus"} <= set(enums)
    missing = []
    for name, cls in enums.items():
        for member in cls:
            found = entry(member)
            if found is None:
                missing.append(f"{name}.{member.value}")
                continue
            for lang in Lang:
                for long in (False, True):
                    words = label(member, lang, long=long)
                    assert words.strip(), (name, member, lang)
                    assert not IDENTIFIER.search(words), (name, member, lang, words)
                    if lang is Lang.EN:
                        assert words != member.value or READS_AS_IS.match(member.value), \
                            (name, member, words)
                    else:
                        assert words != member.value and CJK.search(words), \
                            (name, member, lang, words)
    assert not missing, f"values without labels: {missing}"


def test_facts_and_criteria_have_three_labels() -> None:
    criteria, needs = _criteria_and_needs()
    criteria |= {"macao_id", "sponsor_limit", "talent_list_points"}  # not in the golden set
    assert len(criteria) > 60
    wanted = ([("Criterion", c) for c in criteria] + [("ProfileFact", f) for f in needs]
              + [("ProfileFact", f) for f in FIELDS]
              + [("CaseFact", s.key) for s in case_facts.SPECS]
              + [("CaseFactGroup", g) for g in case_facts.GROUPS]
              + [("WindowRule", r) for r in ("4_weeks", "3_months")]
              + [("ProfileChoice", c) for f in FIELDS.values() for c in f.choices
                 if entry(c, "ProfileChoice") is not None or not _in_an_enum(c)])
    missing = [f"{v}.{k}" for v, k in wanted if entry(k, v) is None]
    assert not missing, f"without labels: {missing}"
    for vocab_name, key in wanted:
        for lang in Lang:
            words = label(key, lang, vocab=vocab_name)
            assert not IDENTIFIER.search(words), (vocab_name, key, words)
            assert words != key or (lang is Lang.EN and READS_AS_IS.match(key)), \
                (vocab_name, key, words)


def _in_an_enum(value: str) -> bool:
    return any(value in {m.value for m in cls} for cls in _enums().values())


def test_simplified_is_opencc_of_traditional_unless_marked() -> None:
    hk2s = opencc.OpenCC("hk2s")
    for e in _all_entries():
        assert CJK.search(e.zh_hk) and CJK.search(e.zh_cn), e
        if e.zh_cn_edited:
            assert e.zh_cn != hk2s.convert(e.zh_hk), f"{e.vocabulary}.{e.value} needs no mark"
            continue
        assert e.zh_cn == hk2s.convert(e.zh_hk), f"{e.vocabulary}.{e.value}: {e.zh_cn}"
        if e.zh_hk_long:
            assert e.zh_cn_long == hk2s.convert(e.zh_hk_long), e


def test_unchecked_chinese_is_marked_for_review() -> None:
    # ImmD's Chinese pages were not among the sources: every Chinese label waits for review.
    assert all(e.review for e in _all_entries())


def test_english_reads_as_before_the_catalogue() -> None:
    """The screens' English is unchanged, apart from the words that were wrong before."""
    fixed = {("Sex", "F"): "female", ("Sex", "M"): "male", ("Sex", "X"): "unspecified",
             ("TravelDocumentType", "prc_passport"): "PRC passport",
             ("TravelDocumentType", "prc_exit_entry_permit"): "exit-entry permit",
             ("EducationLevel", "sub_degree"): "sub-degree",
             ("HkQualificationLevel", "sub_degree"): "sub-degree",
             ("RelationshipKind", "same_sex_spouse"): "same-sex spouse",
             ("DependantRelationship", "same_sex_spouse"): "same-sex spouse"}
    for name, cls in _enums().items():
        for member in cls:
            before = labels.NAMES.get(member.value) or member.value.replace("_", " ")
            assert label(member) == fixed.get((name, member.value), before), (name, member)
    # Plain identifiers (field names in messages) read exactly as they did.
    assert label("not_assessed") == "not assessed"
    assert label("hong_kong", capital=True) == "Hong Kong"
    assert label("income_source") == "income source"


def test_printed_forms_and_languages() -> None:
    assert label(Scheme.QMAS_ABPT) == "QMAS (achievement-based)"
    assert label(Scheme.QMAS_ABPT, long=True) == (
        "Quality Migrant Admission Scheme (QMAS), Achievement-based Points Test")
    assert label(Scheme.QMAS_ABPT, Lang.ZH_HK) == "優秀人才入境計劃（成就計分制）"
    assert label(Scheme.QMAS_ABPT, "zh-cn") == "优秀人才入境计划（成就计分制）"
    assert label(Scheme.QMAS_ABPT, "zh_HK") == label(Scheme.QMAS_ABPT, Lang.ZH_HK)
    assert label(ApplicationType.NEW, long=True, capital=True) == "New application"
    assert label(ChecklistState.REJECTED, long=True, capital=True) == "Please send again"
    assert label(ChecklistState.REJECTED, Lang.ZH_HK, long=True) == "請重新提供"
    assert label(Residence.MAINLAND_CHINA, Lang.ZH_CN) == "中国内地"
    assert label(Sex.FEMALE, Lang.ZH_HK) == "女"
    assert label("income_source", Lang.EN, vocab="ProfileFact") == "Main source of income"
    assert label("income_source", Lang.ZH_HK, vocab="ProfileFact") == "主要收入來源"
    assert label("c1_age", Lang.ZH_CN, vocab="Criterion") == "准则1：年龄"
    # The eligibility Outcome and Status are their own vocabularies (vocab.Outcome is not).
    assert label(model.Verdict.NEEDS_REVIEW, Lang.ZH_HK) == "需要覆核"
    assert label(vocab.Outcome.PENDING, Lang.ZH_HK) != label(
        vocab.ReminderState.PENDING, Lang.ZH_HK)
    # A plain value with no vocabulary is found in Chinese; an unknown one never shows raw.
    assert label("not_applicable", Lang.ZH_HK) == "不適用"
    assert label("no_such_value", Lang.ZH_HK) == "no such value"


def test_a_language_the_catalogue_has_not_is_refused() -> None:
    with pytest.raises(ValueError, match="choose one of en, zh-hk, zh-cn"):
        label(Scheme.TTPS, "fr")


def test_broken_entries_are_refused_with_the_place_named() -> None:
    with pytest.raises(LabelDataError, match=r"vocab.toml: \[Scheme.X\] has no zh_CN"):
        labels._entry("vocab.toml", "Scheme", "X", {"en": "x", "zh_HK": "乙"})
    with pytest.raises(LabelDataError, match="en must be a non-empty string"):
        labels._entry("vocab.toml", "Scheme", "X", {"en": " ", "zh_HK": "乙", "zh_CN": "乙"})
    with pytest.raises(LabelDataError, match="unknown keys zh_TW"):
        labels._entry("vocab.toml", "Scheme", "X",
                      {"en": "x", "zh_HK": "乙", "zh_CN": "乙", "zh_TW": "乙"})
