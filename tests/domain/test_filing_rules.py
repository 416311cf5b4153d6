"""Online filing rules (pure): pre-filing checks on both sides of each boundary, fees by date,
processing times, upload-slot names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from hkcase.domain.filing import checks as K
from hkcase.domain.filing.fees import Applicant, expected_decision, fees_for
from hkcase.domain.filing.rules import (
    NotInForce,
    fee_table,
    processing_time,
    sheet_sections,
    upload_rules,
)
from hkcase.domain.filing.slots import item_folder, part_name, slug
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme

FILING = date(2027, 1, 15)
EXT = ApplicationType.EXTENSION


def item(number: int, code: str, state: ChecklistState = ChecklistState.ACCEPTED, *,
         mandatory: bool = True, expiry: date | None = None) -> K.ItemFact:
    return K.ItemFact(number, code, code.replace("_", " "), mandatory, state, expiry)


BASE = K.FilingFacts(
    scheme=Scheme.GEP, application_type=EXT, filing_date=FILING,
    residence=Residence.OVERSEAS, limit_of_stay=date(2027, 2, 1),
    passport_expiry=date(2031, 1, 1), requested_stay_end=date(2029, 2, 1), in_hong_kong=True,
    sponsor_scheme=None,
    items=(item(1, "travel_document"), item(2, "hkid"),
           item(3, "employer_letter", ChecklistState.MISSING, mandatory=False)))


def status(check: K.Check) -> K.CheckStatus:
    return check.status


def test_a_ready_extension_passes_every_check() -> None:
    results = K.run_checks(BASE)
    assert K.ready(results)
    assert {c.code: c.status for c in results}["passport_validity"] is K.CheckStatus.PASS


@pytest.mark.parametrize(("offset", "expected"), [
    (-1, K.CheckStatus.FAIL), (0, K.CheckStatus.CONFIRM), (1, K.CheckStatus.PASS)])
def test_passport_three_months_after_filing(offset: int, expected: K.CheckStatus) -> None:
    expiry = FILING + relativedelta(months=3) + relativedelta(days=offset)
    facts = replace(BASE, passport_expiry=expiry, requested_stay_end=None)
    check = K.passport_after_filing(facts)
    assert check.status is expected
    if expected is K.CheckStatus.FAIL:
        assert "ImmD refuses the online extension" in check.message
        assert check.source.startswith("https://www.gov.hk/")


def test_new_cies_extension_needs_three_and_a_half_years() -> None:
    facts = replace(BASE, scheme=Scheme.NEW_CIES,
                    passport_expiry=FILING + relativedelta(months=42, days=-1))
    assert K.passport_after_filing(facts).status is K.CheckStatus.FAIL
    facts = replace(facts, passport_expiry=FILING + relativedelta(months=42, days=1))
    assert K.passport_after_filing(facts).status is K.CheckStatus.PASS


def test_passport_check_is_for_extensions_and_asks_when_unknown() -> None:
    new = replace(BASE, application_type=ApplicationType.NEW, passport_expiry=FILING)
    assert K.passport_after_filing(new).status is K.CheckStatus.NOT_APPLICABLE
    assert K.passport_after_filing(replace(BASE, passport_expiry=None)).status \
        is K.CheckStatus.CONFIRM


@pytest.mark.parametrize(("end_offset", "expected"), [
    (1, K.CheckStatus.FAIL), (0, K.CheckStatus.PASS), (-1, K.CheckStatus.PASS)])
def test_passport_beyond_the_requested_stay(end_offset: int, expected: K.CheckStatus) -> None:
    expiry = date(2029, 2, 1)
    facts = replace(BASE, passport_expiry=expiry,
                    requested_stay_end=expiry + relativedelta(days=end_offset))
    assert K.passport_covers_stay(facts).status is expected
    assert K.passport_covers_stay(replace(BASE, requested_stay_end=None)).status \
        is K.CheckStatus.CONFIRM


@pytest.mark.parametrize(("limit_offset", "expected"), [
    (-1, K.CheckStatus.FAIL), (0, K.CheckStatus.PASS), (1, K.CheckStatus.PASS)])
def test_limit_of_stay_not_yet_passed(limit_offset: int, expected: K.CheckStatus) -> None:
    facts = replace(BASE, limit_of_stay=FILING + relativedelta(days=limit_offset))
    check = K.limit_not_passed(facts)
    assert check.status is expected
    if expected is K.CheckStatus.FAIL:
        assert "online extension is closed" in check.message
        assert "2824 6111" in check.message  # what ImmD says to do: contact it
        assert not K.ready(K.run_checks(facts))


def test_in_hong_kong_is_a_fact_to_confirm() -> None:
    assert K.in_hong_kong(replace(BASE, in_hong_kong=None)).status is K.CheckStatus.CONFIRM
    assert K.in_hong_kong(replace(BASE, in_hong_kong=False)).status is K.CheckStatus.FAIL
    assert K.in_hong_kong(BASE).status is K.CheckStatus.PASS
    assert K.ready(K.run_checks(replace(BASE, in_hong_kong=None)))  # confirm, not block


def test_every_mandatory_item_accepted() -> None:
    facts = replace(BASE, items=(item(1, "travel_document", ChecklistState.RECEIVED),
                                 item(2, "hkid", ChecklistState.NOT_APPLICABLE),
                                 item(3, "photo", ChecklistState.MISSING, mandatory=False)))
    check = K.mandatory_accepted(facts)
    assert check.status is K.CheckStatus.FAIL and check.items == (1,)
    assert "travel document (received)" in check.message
    assert K.mandatory_accepted(replace(BASE, items=())).status is K.CheckStatus.FAIL


@pytest.mark.parametrize(("offset", "expected"), [
    (-1, K.CheckStatus.FAIL), (0, K.CheckStatus.PASS), (1, K.CheckStatus.PASS)])
def test_documents_not_expired_on_the_filing_date(offset: int, expected: K.CheckStatus
                                                  ) -> None:
    expiry = FILING + relativedelta(days=offset)
    facts = replace(BASE, items=(item(1, "travel_document", expiry=expiry),))
    assert K.documents_valid(facts).status is expected


def test_mainland_consent_where_the_scheme_needs_it() -> None:
    consent = item(4, "mainland_consent", ChecklistState.REQUESTED, mandatory=False)
    facts = replace(BASE, scheme=Scheme.ASMTP, application_type=ApplicationType.NEW,
                    residence=Residence.MAINLAND_CHINA, items=(*BASE.items, consent))
    assert K.mainland_consent(facts).status is K.CheckStatus.FAIL
    accepted = replace(consent, state=ChecklistState.ACCEPTED)
    assert K.mainland_consent(replace(facts, items=(accepted,))).status is K.CheckStatus.PASS
    assert K.mainland_consent(replace(facts, residence=Residence.OVERSEAS)).status \
        is K.CheckStatus.NOT_APPLICABLE
    assert K.mainland_consent(replace(facts, items=BASE.items)).status \
        is K.CheckStatus.NOT_APPLICABLE  # the scheme's list has none (GEP)
    waived = replace(consent, state=ChecklistState.NOT_APPLICABLE)
    assert K.mainland_consent(replace(facts, items=(waived,))).status is K.CheckStatus.FAIL


def test_id481_for_ttps_dependants_extensions() -> None:
    forms = (item(5, "form_id481a", ChecklistState.ACCEPTED, mandatory=False),
             item(6, "form_id481b", ChecklistState.MISSING, mandatory=False))
    facts = replace(BASE, scheme=Scheme.DEPENDANT, sponsor_scheme=Scheme.TTPS,
                    items=(*BASE.items, *forms))
    check = K.ttps_dependant_forms(facts)
    assert check.status is K.CheckStatus.FAIL and check.items == (6,)
    done = (forms[0], replace(forms[1], state=ChecklistState.ACCEPTED))
    assert K.ttps_dependant_forms(replace(facts, items=done)).status is K.CheckStatus.PASS
    assert K.ttps_dependant_forms(replace(facts, sponsor_scheme=Scheme.GEP)).status \
        is K.CheckStatus.NOT_APPLICABLE
    assert K.ttps_dependant_forms(replace(facts, items=BASE.items)).status \
        is K.CheckStatus.NOT_APPLICABLE


def test_fee_table_by_date() -> None:
    with pytest.raises(NotInForce):
        fee_table(date(2025, 2, 25))
    table = fee_table(date(2025, 2, 26))
    assert (table.application_fee, table.issuance_fee_long, table.issuance_fee_short) == \
        (600, 1300, 600)
    assert not table.refundable and table.source == \
        "https://www.immd.gov.hk/eng/specifiedschemes.html"
    assert fee_table(date(2030, 1, 1)).effective_from == date(2025, 2, 26)


def test_fees_for_a_family() -> None:
    people = [Applicant("principal", Scheme.TTPS, EXT, stay_days=1095),
              Applicant("spouse", Scheme.DEPENDANT, EXT, Scheme.TTPS, stay_days=180),
              Applicant("child", Scheme.DEPENDANT, EXT, Scheme.TTPS)]
    fees = fees_for(people, FILING)
    assert fees.on_filing_total == 1800
    principal, spouse, child = fees.lines
    assert principal.on_approval == 1300 and spouse.on_approval == 600  # 180 is not over 180
    assert child.on_approval is None and (child.on_approval_if_long,
                                          child.on_approval_if_short) == (1300, 600)
    assert fees_for([replace(people[0], stay_days=181)], FILING).lines[0].on_approval == 1300
    before = fees_for(people, date(2025, 2, 25))
    assert before.on_filing_total is None and "earlier fee structure" in before.lines[0].note
    unknown = fees_for([Applicant("x", Scheme.DEPENDANT, EXT)], FILING)
    assert unknown.on_filing_total is None and "not recorded" in unknown.lines[0].note


def test_processing_times_and_expected_decision() -> None:
    ttps = processing_time(Scheme.TTPS, ApplicationType.NEW, FILING)
    assert ttps is not None and (ttps.weeks_from, ttps.weeks_to) == (4, 4)
    assert ttps.source.endswith("/TTPS.html") and ttps.source_revised == date(2026, 1, 1)
    assert processing_time(Scheme.QMAS_GPT, ApplicationType.NEW, FILING) is None  # unpublished
    dependant = processing_time(Scheme.TTPS, ApplicationType.DEPENDANT, FILING)
    assert dependant is not None and dependant.weeks_to == 6
    decision = expected_decision(Scheme.GEP, EXT, FILING)
    assert decision is not None and decision.around == date(2027, 2, 5)
    assert decision.earliest == date(2027, 1, 29)
    assert expected_decision(Scheme.GEP, EXT, date(2020, 1, 1)) is None


def test_upload_rules_and_sections() -> None:
    rules = upload_rules(FILING)
    assert rules.types == ("JPEG", "PDF", "GIF", "PNG", "TIF")
    assert rules.max_bytes == 5_000_000 and rules.scan_dpi == (150, 200)
    assert sheet_sections(ApplicationType.NEW, FILING)[:3] == \
        ("personal", "travel_document", "contact")
    assert "sponsor" in sheet_sections(ApplicationType.DEPENDANT, FILING)


def test_upload_slot_names() -> None:
    assert slug("Verification proof of the bachelor's degree") == \
        "verification-proof-of-the-bachelor-s-deg"
    assert slug("香港身份證") == "item"
    assert item_folder(3, "Degree verification") == "03-degree-verification"
    assert part_name(12, "ID 481A", 2, "pdf") == "12-id-481a-part2.pdf"


# --- The messages in three languages -------------------------------------------------------

from hkcase.domain.checklists import Lang  # noqa: E402
from hkcase.domain.filing import check_texts  # noqa: E402

#: Characters only Traditional Chinese uses: none may remain in a Simplified message.
TRADITIONAL_ONLY = set("證護請與屆滿簽續關這個過條資項檢確認紀錄無內網頁後應")


def test_every_message_has_both_written_languages_with_the_same_placeholders() -> None:
    assert check_texts.placeholders_match() == []


def _all_checks() -> list[K.Check]:
    """Every check on each side: the ready case, a failing one and an unknown one."""
    failing = replace(BASE, passport_expiry=date(2027, 3, 1), limit_of_stay=date(2027, 1, 1),
                      in_hong_kong=False, residence=Residence.MAINLAND_CHINA,
                      requested_stay_end=date(2032, 1, 1),
                      items=(item(1, "travel_document", ChecklistState.RECEIVED,
                                  expiry=date(2027, 1, 1)),
                             item(2, "mainland_consent", ChecklistState.MISSING)))
    unknown = replace(BASE, passport_expiry=None, limit_of_stay=None, in_hong_kong=None,
                      items=())
    return [c for facts in (BASE, failing, unknown) for c in K.run_checks(facts)]


@pytest.mark.parametrize("lang", [Lang.ZH_HK, Lang.ZH_CN])
def test_each_check_speaks_the_sheets_language(lang: Lang) -> None:
    checks = _all_checks()
    assert {c.key for c in checks} >= {"passport_too_soon", "limit_passed", "in_hk_outside",
                                       "mandatory_waiting", "expired", "consent_waiting",
                                       "passport_missing", "in_hk_confirm", "no_checklist"}
    for check in checks:
        text = check.text(lang)
        english = check.message
        assert text != english, check.key
        # No English sentence is left: only dates, numbers, form numbers, ImmD's contact.
        leftover = text.replace("ImmD's Information and Liaison Section", "")
        assert not any(w in leftover for w in (" the ", "passport", "item", "required")), \
            (check.key, text)
        if lang is Lang.ZH_CN:
            assert not set(text) & TRADITIONAL_ONLY, (check.key, text)


def test_item_titles_and_states_inside_messages_are_translated() -> None:
    fact = K.ItemFact(3, "travel_document", "Travel document", True, ChecklistState.RECEIVED,
                      None, "旅行證件", "旅行证件")
    check = K.mandatory_accepted(replace(BASE, items=(fact,)))
    assert check.message == "required items not accepted yet: 3. Travel document (received)"
    assert check.text(Lang.ZH_HK) == "必需文件尚未接納：3. 旅行證件（已收到）"
    assert check.text(Lang.ZH_CN) == "必需文件尚未接纳：3. 旅行证件（已收到）"
    span = K.passport_after_filing(replace(BASE, passport_expiry=date(2027, 4, 1)))
    assert "3 months" in span.message and "3 個月" in span.text(Lang.ZH_HK)
    assert "3 个月" in span.text(Lang.ZH_CN)


def test_items_marked_for_review_are_asked_about() -> None:
    plain = K.items_to_review(BASE)
    assert plain.status is K.CheckStatus.NOT_APPLICABLE
    marked = replace(BASE, items=(item(1, "travel_document"), replace(
        item(2, "guidance_notes_checklist"), review="check Part III")))
    check = K.items_to_review(marked)
    assert check.status is K.CheckStatus.CONFIRM and check.items == (2,)
    assert "2. guidance notes checklist" in check.message and not check.blocking
    assert "核對" in check.text(Lang.ZH_HK)
