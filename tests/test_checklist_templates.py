"""Checklist templates: every shipped file is well formed, sourced, bilingual and honest."""

from __future__ import annotations

from datetime import date

import pytest

from hkcase.domain.checklists import (
    CODE_PATTERN,
    Lang,
    NoTemplateError,
    OfficialList,
    TemplateDataError,
    Texts,
    all_templates,
    covered_pairs,
    general_notes,
    parse_template_file,
    template_for,
)
from hkcase.domain.vocab import ApplicationType, ItemBasis, Scheme

TODAY = date(2026, 11, 22)
TYPES = (ApplicationType.NEW, ApplicationType.EXTENSION, ApplicationType.CHANGE_OF_EMPLOYMENT,
         ApplicationType.DEPENDANT)
#: Pairs with no template, each for a stated reason (docs/documents-and-pdfs.md).
NOT_COVERED = {
    # New CIES: no document list of any kind in the sources.
    (Scheme.NEW_CIES, ApplicationType.NEW), (Scheme.NEW_CIES, ApplicationType.EXTENSION),
    # Change of employment needs ImmD's approval only under GEP/ASMTP (IANG, TTPS, QMAS and
    # ASSG holders change freely or have no employer condition; TechTAS's rule was not found).
    *((s, ApplicationType.CHANGE_OF_EMPLOYMENT) for s in Scheme
      if s not in (Scheme.GEP, Scheme.ASMTP)),
    # A dependant's case is a new application or an extension under DEPENDANT.
}
#: Characters that exist only in Traditional Chinese: a Simplified title must not use them.
TRADITIONAL_ONLY = set("證書學歷請與經關屆滿簽區國體職業僱傭務處館檔續當單計劃實稅額資"
                       "產淨權謄戶門灣護點適應屬養記錄齊遞據財構層")


def test_every_template_loads_and_is_dated() -> None:
    templates = all_templates()
    assert len(templates) >= 15
    for template in templates:
        assert template.effective_from <= TODAY
        assert template.sources
        assert template.items
        assert template.id == f"{template.name}@{template.effective_from.isoformat()}"


def test_every_application_type_of_every_scheme_is_covered_or_explained() -> None:
    wanted = {(s, t) for s in Scheme for t in TYPES} - {
        (Scheme.DEPENDANT, ApplicationType.CHANGE_OF_EMPLOYMENT)}
    missing = wanted - set(covered_pairs()) - NOT_COVERED
    assert missing == set()
    assert set(covered_pairs()) & NOT_COVERED == set()


@pytest.mark.parametrize("template", all_templates(), ids=lambda t: t.id)
def test_items_are_sourced_bilingual_and_marked(template: object) -> None:
    from hkcase.domain.checklists import ChecklistTemplate

    assert isinstance(template, ChecklistTemplate)
    for item in template.items:
        assert CODE_PATTERN.match(item.code)
        assert item.source.startswith("http")
        assert item.title.en and item.title.zh and item.title.zh_cn
        if item.basis is ItemBasis.IMMD:
            assert ".gov.hk" in item.source or "//gov.hk" in item.source
        else:
            assert item.basis is ItemBasis.PRACTICE and item.notes
        leaked = set(item.title.zh_cn or "") & TRADITIONAL_ONLY
        assert not leaked, f"{item.code}: Simplified title uses {leaked}"
    if template.official_list is not OfficialList.COMPLETE:
        assert template.coverage_note
        # Where the official list was not found, nothing may claim to be ImmD's text.
    if template.official_list is OfficialList.NOT_FOUND:
        assert all(i.basis is ItemBasis.PRACTICE for i in template.items)


def test_no_template_invents_certified_copies_or_six_month_rules() -> None:
    # document_checklists.md: neither is an ImmD rule (only the translation rule is).
    for template in all_templates():
        for item in template.items:
            text = f"{item.title.en} {item.notes}".lower()
            assert "certified cop" not in text and "notari" not in text
            assert "within 6 months" not in text and "issued within" not in text


def test_lookup_by_scheme_type_and_date() -> None:
    gep = template_for(Scheme.GEP, ApplicationType.NEW, TODAY)
    assert gep.name == "gep_new"
    assert [i.code for i in gep.items][:2] == ["form_id990a", "form_id990b"]
    assert template_for(Scheme.ASMTP, ApplicationType.EXTENSION, TODAY).name == \
        "gep_asmtp_extension"
    assert template_for(Scheme.TTPS, ApplicationType.DEPENDANT, TODAY).name == "dependant_new"
    assert template_for(Scheme.DEPENDANT, ApplicationType.EXTENSION, TODAY).name == \
        "dependant_extension"
    with pytest.raises(NoTemplateError, match="NEW_CIES new"):
        template_for(Scheme.NEW_CIES, ApplicationType.NEW, TODAY)
    with pytest.raises(NoTemplateError, match="starts on 2026-11-22"):
        template_for(Scheme.GEP, ApplicationType.NEW, date(2020, 1, 1))


def test_official_marks_follow_the_sources() -> None:
    ttps = template_for(Scheme.TTPS, ApplicationType.EXTENSION, TODAY)
    by_code = {i.code: i for i in ttps.items}
    assert by_code["travel_document"].basis is ItemBasis.IMMD
    assert by_code["travel_document"].mandatory  # GovHK's *
    assert not by_code["hkid"].mandatory  # listed without the *
    assert by_code["income_and_tax"].basis is ItemBasis.PRACTICE
    assert ttps.official_list is OfficialList.TRUNCATED
    assg = template_for(Scheme.ASSG, ApplicationType.NEW, TODAY)
    assert assg.official_list is OfficialList.COMPLETE
    assert all(i.basis is ItemBasis.IMMD for i in assg.items)


def test_texts_pick_a_language_and_fall_back() -> None:
    both = Texts("Photo", "近照", "近照")
    assert both.get(Lang.EN) == "Photo" and both.get(Lang.ZH_CN) == "近照"
    assert Texts("Form", "表格").get(Lang.ZH_CN) == "表格"


def test_general_notes_are_sourced() -> None:
    notes = {n.code: n for n in general_notes()}
    assert {"translations", "more_documents", "online_upload"} <= set(notes)
    assert all("gov.hk" in n.source for n in notes.values())


GOOD = '''
name_en = "X"
name_zh = "乙"
name_zh_cn = "乙"
applies_to = ["GEP/new"]
[[version]]
effective_from = 2026-01-01
official_list = "complete"
sources = ["https://www.gov.hk/x"]
[[version.item]]
code = "photo"
title_en = "Photo"
title_zh = "近照"
mandatory = true
basis = "immd"
source = "https://www.gov.hk/x"
'''


def test_a_well_formed_file_parses() -> None:
    (version,) = parse_template_file("x", GOOD)
    assert version.items[0].title.zh_cn is None
    assert version.covers(date(2030, 1, 1))


@pytest.mark.parametrize(("change", "message"), [
    (('basis = "immd"\nsource = "https://www.gov.hk/x"',
      'basis = "immd"\nsource = "https://example.com/x"'), "needs a gov.hk source"),
    (('basis = "immd"', 'basis = "practice"'), "must say in notes"),
    (('basis = "immd"', 'basis = "consultant"'), "basis must be"),
    (('basis = "immd"', 'basis = "official"'), "basis must be"),
    (('code = "photo"', 'code = "Photo!"'), "code"),
    (('official_list = "complete"', 'official_list = "truncated"'), "coverage_note"),
    (('official_list = "complete"', 'official_list = "partial"'), "official_list"),
    (('applies_to = ["GEP/new"]', 'applies_to = ["GEP/renewal"]'), "SCHEME/type"),
    (('mandatory = true', 'mandatory = "yes"'), "mandatory"),
    (('title_zh = "近照"', 'title_zh = ""'), "title_zh"),
    (('title_en = "Photo"', 'title_en = "Photo"\ncolour = "red"'), "unknown keys"),
])
def test_malformed_files_are_refused_with_a_reason(change: tuple[str, str], message: str
                                                   ) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(TemplateDataError, match=message):
        parse_template_file("x", GOOD.replace(old, new, 1))


def test_repeated_codes_and_overlapping_versions_are_refused() -> None:
    item = GOOD[GOOD.index("[[version.item]]"):]
    with pytest.raises(TemplateDataError, match="repeated: photo"):
        parse_template_file("x", GOOD + item)
    version = GOOD[GOOD.index("[[version]]"):].replace("2026-01-01", "2027-01-01")
    with pytest.raises(TemplateDataError, match="overlaps"):
        parse_template_file("x", GOOD + version)
    closed = GOOD.replace("effective_from = 2026-01-01",
                          "effective_from = 2026-01-01\neffective_to = 2026-12-31")
    first, second = parse_template_file("x", closed + version)
    assert not first.covers(date(2027, 1, 1)) and second.covers(date(2027, 1, 1))
