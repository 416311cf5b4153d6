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
#: The versions rebuilt from ImmD's own scheme pages (revised Nov 2025 - Jan 2026).
REBUILT = date(2026, 12, 1)
TYPES = (ApplicationType.NEW, ApplicationType.EXTENSION, ApplicationType.CHANGE_OF_EMPLOYMENT,
         ApplicationType.DEPENDANT)
#: Pairs with no template, each for a stated reason (docs/documents-and-pdfs.md).
NOT_COVERED = {
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
        assert template.effective_from <= date(2026, 12, 2)  # the last versions shipped
        assert template.sources
        assert template.items
        assert template.id == f"{template.name}@{template.effective_from.isoformat()}"


def test_every_application_type_of_every_scheme_is_covered_or_explained() -> None:
    wanted = {(s, t) for s in Scheme for t in TYPES} - {
        (Scheme.DEPENDANT, ApplicationType.CHANGE_OF_EMPLOYMENT)}
    missing = wanted - set(covered_pairs()) - NOT_COVERED - {
        # New CIES: ImmD's page lists documents only from the 2026-12-01 reading on.
        (Scheme.NEW_CIES, ApplicationType.NEW), (Scheme.NEW_CIES, ApplicationType.EXTENSION)}
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
    with pytest.raises(NoTemplateError, match="NEW_CIES new checklist starts on 2026-12-01"):
        template_for(Scheme.NEW_CIES, ApplicationType.NEW, TODAY)
    with pytest.raises(NoTemplateError, match="QMAS_GPT change_of_employment"):
        template_for(Scheme.QMAS_GPT, ApplicationType.CHANGE_OF_EMPLOYMENT, REBUILT)
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


# --- The versions rebuilt from ImmD's "documents to be uploaded" lists (issue 13) ----------

def _rebuilt() -> list[object]:
    return [t for t in all_templates() if t.effective_from == REBUILT]


@pytest.mark.parametrize("template", _rebuilt(), ids=lambda t: t.id)  # type: ignore[attr-defined]
def test_rebuilt_items_are_immd_text_with_page_slot_and_revision(template: object) -> None:
    from hkcase.domain.checklists import UPLOADERS, ChecklistTemplate

    assert isinstance(template, ChecklistTemplate)
    assert template.official_list is OfficialList.COMPLETE
    assert all(s.startswith("https://www.immd.gov.hk/eng/services/visas/")
               for s in template.sources)
    for item in template.items:
        assert item.basis is ItemBasis.IMMD
        assert item.source in template.sources
        assert item.source_revised is not None
        assert date(2025, 11, 1) <= item.source_revised <= date(2026, 1, 31)
        assert item.upload_slot and item.uploader in UPLOADERS
        assert len(item.title.en) <= 300  # paraphrased rows, never ImmD's text at length


def test_what_was_in_force_before_stays() -> None:
    for name in ("ttps_new", "ttps_extension", "gep_new", "dependant_extension"):
        versions = [t for t in all_templates() if t.name == name]
        old, new = versions
        assert old.effective_to == date(2026, 11, 30) and new.effective_from == REBUILT
    assert template_for(Scheme.TTPS, ApplicationType.NEW, TODAY).id == "ttps_new@2026-11-22"
    assert template_for(Scheme.TTPS, ApplicationType.NEW, REBUILT).id == "ttps_new@2026-12-01"
    # QMAS's page sends applicants to its Guidance Notes: the old list stays in force.
    assert template_for(Scheme.QMAS_GPT, ApplicationType.NEW, REBUILT).id == \
        "qmas_new@2026-11-22"


def test_ttps_lists_about_a_dozen_items_by_category() -> None:
    new = template_for(Scheme.TTPS, ApplicationType.NEW, REBUILT)
    by_code = {i.code: i for i in new.items}
    assert 10 <= len(new.items) <= 14
    assert by_code["annual_income"].categories == ("A",)
    assert by_code["degree_verification"].categories == ("B", "C")
    assert by_code["work_experience"].categories == ("B",)
    assert by_code["photo"].categories == () and by_code["photo"].mandatory
    assert not by_code["mainland_consent"].mandatory  # Mainland residents only
    ext = template_for(Scheme.TTPS, ApplicationType.EXTENSION, REBUILT)
    codes = [i.code for i in ext.items]
    assert codes[:2] == ["travel_document", "hkid"]
    assert {"employer_letter", "salary_proof", "top_tier_tax", "beneficial_ownership"} <= \
        set(codes)


def test_forms_still_uploaded_keep_their_numbers_and_paper_forms_go() -> None:
    gep = template_for(Scheme.GEP, ApplicationType.NEW, REBUILT)
    assert not any(i.form_no for i in gep.items)  # the e-form replaces ID 990A/990B
    dep = {i.code: i for i in
           template_for(Scheme.DEPENDANT, ApplicationType.EXTENSION, REBUILT).items}
    assert dep["form_id481a"].form_no == "ID 481A" and dep["form_id481b"].form_no == "ID 481B"
    assert dep["form_id91"].form_no == "ID 91" and not dep["form_id91"].mandatory
    asmtp = {i.code: i for i in template_for(Scheme.ASMTP, ApplicationType.NEW, REBUILT).items}
    assert asmtp["mainland_consent"].form_no == "ID 991 annex"
    cies = template_for(Scheme.NEW_CIES, ApplicationType.NEW, REBUILT)
    assert {"net_asset_proof", "investment_proof"} <= {i.code for i in cies.items}


def test_item_lookup_by_template_id() -> None:
    from hkcase.domain.checklists import template_by_id, template_item

    assert template_by_id("ttps_new@2026-12-01") is not None
    assert template_by_id("ttps_new@1999-01-01") is None
    item = template_item("ttps_new@2026-12-01", "degree_verification")
    assert item is not None and item.upload_slot == "Degree verification"
    assert template_item(None, "photo") is None
    assert template_item("ttps_new@2026-12-01", "custom_1") is None


@pytest.mark.parametrize(("line", "message"), [
    ('uploader = "lawyer"', "uploader"), ('categories = ["D"]', "categories"),
    ('source_revised = "yesterday"', "source_revised"), ('upload_slot = ""', "upload_slot")])
def test_upload_fields_are_checked(line: str, message: str) -> None:
    with pytest.raises(TemplateDataError, match=message):
        parse_template_file("x", GOOD.replace('mandatory = true', f'mandatory = true\n{line}'))


# --- QMAS new and GEP/ASMTP change of employment from ImmD's pages (issue 13) ----------------

#: The first day of the versions whose lists ImmD keeps in guidebooks not in the sources.
GUIDEBOOK_GAP = date(2026, 12, 2)
QMAS_PAGE = "https://www.immd.gov.hk/eng/services/visas/quality_migrant_admission_scheme.html"
GEP_PAGE = "https://www.immd.gov.hk/eng/services/visas/GEP.html"


def test_qmas_new_ships_immds_pointer_and_marks_the_rest_for_review() -> None:
    before = template_for(Scheme.QMAS_GPT, ApplicationType.NEW, GUIDEBOOK_GAP.replace(day=1))
    assert before.id == "qmas_new@2026-11-22" and before.effective_to == date(2026, 12, 1)
    for scheme in (Scheme.QMAS_GPT, Scheme.QMAS_ABPT):
        new = template_for(scheme, ApplicationType.NEW, GUIDEBOOK_GAP)
        assert new.id == "qmas_new@2026-12-02"
    assert new.official_list is OfficialList.TRUNCATED  # a pointer, not the list
    assert "ID(E) 982" in new.coverage_note and "review" in new.coverage_note
    assert QMAS_PAGE in new.sources
    by_code = {i.code: i for i in new.items}
    pointer = by_code["guidance_notes_checklist"]
    assert pointer.basis is ItemBasis.IMMD and pointer.source == QMAS_PAGE
    assert pointer.source_revised == date(2025, 12, 15) and pointer.mandatory
    assert "Part III" in pointer.title.en and "ID(E) 982" in pointer.title.en
    assert "第 III 部" in pointer.title.zh and pointer.review
    consent = by_code["mainland_consent_after_selection"]
    assert consent.basis is ItemBasis.IMMD and not consent.mandatory
    assert "mainland_consent" not in by_code  # asked after selection: no filing-time check
    # Everything not on ImmD's page is practice and says what to review; no upload slot is
    # invented where ImmD names none.
    for item in new.items:
        assert item.review, item.code
        if item.basis is ItemBasis.PRACTICE:
            assert "ID(E) 982" in item.review
        assert item.upload_slot is None
    # The codes a case already holds keep their meaning.
    assert {i.code for i in before.items} <= set(by_code)


def test_change_of_employment_ships_immds_rows_and_marks_the_gap() -> None:
    for scheme in (Scheme.GEP, Scheme.ASMTP):
        assert template_for(scheme, ApplicationType.CHANGE_OF_EMPLOYMENT,
                            date(2026, 12, 1)).id == "gep_asmtp_change_of_employment@2026-11-22"
        new = template_for(scheme, ApplicationType.CHANGE_OF_EMPLOYMENT, GUIDEBOOK_GAP)
        assert new.id == "gep_asmtp_change_of_employment@2026-12-02"
    assert new.official_list is OfficialList.TRUNCATED
    assert "Part VII(B)" in new.coverage_note and "prior approval" in new.coverage_note
    assert set(new.sources) == {GEP_PAGE, "https://www.immd.gov.hk/eng/services/visas/ASMTP.html"}
    codes = [i.code for i in new.items]
    assert codes[:3] == ["travel_document", "hkid", "new_employer_documents"]
    assert "form_id990b" not in codes  # on none of ImmD's lists: the e-service replaces it
    by_code = {i.code: i for i in new.items}
    part = by_code["new_employer_documents"]
    assert part.basis is ItemBasis.IMMD and part.mandatory and "ID(E) 991" in part.title.en
    assert part.review and part.upload_slot == "New employer's documents"
    for item in new.items:
        assert item.source == GEP_PAGE and item.source_revised == date(2025, 11, 27)
        assert item.upload_slot and item.uploader in ("applicant", "employer")
        if item.basis is ItemBasis.PRACTICE:  # ImmD's employer rows of a new application
            assert item.uploader == "employer" and "Part VII(B)" in item.review
            assert not item.mandatory
    assert {c for c, i in by_code.items() if i.basis is ItemBasis.IMMD} == \
        {"travel_document", "hkid", "new_employer_documents"}


def test_ttps_categories_cite_immds_criteria_and_keep_the_open_row_for_review() -> None:
    new = template_for(Scheme.TTPS, ApplicationType.NEW, REBUILT)
    by_code = {i.code: i for i in new.items}
    assert by_code["degree_certificate"].categories == ("B", "C")
    assert "criteria (b) and (c)" in by_code["degree_certificate"].notes
    assert "note 3" in by_code["degree_verification"].notes
    assert "criterion (a)" in by_code["annual_income"].notes
    experience = by_code["work_experience"]
    assert experience.categories == ("B",) and "Category C" in experience.review
    assert "did not survive" in new.coverage_note
    assert [c for c, i in by_code.items() if i.review] == ["work_experience"]


def test_review_is_checked() -> None:
    with pytest.raises(TemplateDataError, match="review"):
        parse_template_file("x", GOOD.replace("mandatory = true",
                                              "mandatory = true\nreview = 3"))
    (version,) = parse_template_file("x", GOOD.replace(
        "mandatory = true", 'mandatory = true\nreview = "check it"'))
    assert version.items[0].review == "check it"
