"""Printed checklists (blank and a case's own), read back in English and Chinese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from hkcase.domain.checklists import Lang, all_templates, covered_pairs, template_for
from hkcase.domain.vocab import ApplicationType, ChecklistState, Scheme
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.services.errors import ValidationError
from hkcase.services.outputs import render as outputs
from hkcase.store import Store
from tests.pdf_support import (
    ACTOR,
    HK_NAME,
    make_case,
    make_pdf,
    pdffonts,
    pdftotext,
    squeezed,
    words,
)

TODAY = date(2026, 11, 22)
HEADINGS = {Lang.EN: "Document checklist", Lang.ZH_HK: "文件清單", Lang.ZH_CN: "文件清单"}


@pytest.mark.parametrize("lang", list(Lang), ids=lambda lang: lang.value)
def test_blank_checklist_in_each_language(lang: Lang, tmp_path: Path) -> None:
    target = tmp_path / f"gep-{lang.value}.pdf"
    result = outputs.render_blank_checklist(Scheme.GEP, ApplicationType.NEW, lang, on=TODAY,
                                            target=target)
    assert result.path == target and result.warnings == ()
    assert len(PdfReader(target).pages) == result.pages >= 1
    text = pdftotext(target)
    template = template_for(Scheme.GEP, ApplicationType.NEW, TODAY)
    assert HEADINGS[lang] in text
    title = template.items[0].title.get(lang)
    assert title in words(text) if lang is Lang.EN else squeezed(title) in squeezed(text)
    assert "ID 990A" in text and "†" in text
    if lang is not Lang.EN:
        assert "GEP: new application" in text  # English beside the Chinese, for the consultant
    note = {Lang.EN: "certified as true", Lang.ZH_HK: "核證為真確譯本",
            Lang.ZH_CN: "核证为真确译本"}[lang]
    assert note in words(text) if lang is Lang.EN else note in squeezed(text)
    # The footer names the template version in words (issue 15: no ids on the page).
    version = {Lang.EN: "GEP: new application, version of 22 November 2026",
               Lang.ZH_HK: "一般就業政策：新申請（2026年11月22日版）",
               Lang.ZH_CN: "一般就业政策：新申请（2026年11月22日版）"}[lang]
    assert squeezed(version) in squeezed(text) and "gep_new" not in text
    fonts = pdffonts(target)
    assert fonts and {f["emb"] for f in fonts} == {"yes"}
    assert (lang is Lang.EN) or any("UMingHK" in f["name"] for f in fonts)


def test_every_template_prints_in_every_language_without_missing_glyphs() -> None:
    # Both the 2026-11-22 lists and those rebuilt from ImmD's pages (2026-12-01).
    for on in (TODAY, date(2026, 12, 1)):
        for scheme, kind in covered_pairs():
            if not any((scheme, kind) in t.applies_to and t.covers(on)
                       for t in all_templates()):
                continue
            for lang in Lang:
                result = outputs.render_blank_checklist(scheme, kind, lang, on=on)
                assert result.warnings == (), (scheme, kind, lang)
                assert result.data.startswith(b"%PDF-")


def test_no_template_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="NEW_CIES new"):
        outputs.render_blank_checklist(Scheme.NEW_CIES, ApplicationType.NEW, on=TODAY)


def test_a_cases_checklist_ticks_what_is_in_and_drops_what_is_not_needed(
        sqlite_store: Store, tmp_path: Path) -> None:
    case_id, reference = make_case(sqlite_store)
    entries = {e.code: e for e in C.create_checklist(sqlite_store, case_id, actor=ACTOR,
                                                     on=TODAY)}
    documents.attach_file(sqlite_store, tmp_path / "att", entries["hkid"].id,
                          make_pdf(tmp_path / "id.pdf"), actor=ACTOR)
    C.mark_not_applicable(sqlite_store, entries["other_supporting"].id, actor=ACTOR)
    C.set_item_state(sqlite_store, entries["income_and_tax"].id, ChecklistState.REJECTED,
                     actor=ACTOR)
    target = tmp_path / "case.pdf"
    result = outputs.render_case_checklist(sqlite_store, case_id, Lang.ZH_HK, on=TODAY,
                                           target=target)
    text = pdftotext(target)
    assert f"KWONG Chi Fung {HK_NAME}" in text and reference in text
    assert "已收到" in text and "請重新提供" in text and "未提交" in text
    assert "其他證明文件" not in text  # not applicable: left off the client's list
    assert result.pages == 1


def test_bulk_checklists_and_a_case_without_one(sqlite_store: Store, tmp_path: Path) -> None:
    with_list, ref = make_case(sqlite_store)
    C.create_checklist(sqlite_store, with_list, actor=ACTOR, on=TODAY)
    without, _ = make_case(sqlite_store, family="Ho", chinese_name="何")
    outcomes = outputs.print_checklists(sqlite_store, [with_list, without], tmp_path,
                                        Lang.ZH_CN, on=TODAY)
    assert outcomes[0].ok and outcomes[0].path == tmp_path / f"{ref}-checklist-zh-cn.pdf"
    assert not outcomes[1].ok and "has no checklist yet" in (outcomes[1].error or "")


def test_page_images_for_a_print_preview(tmp_path: Path) -> None:
    from tests.pdf_support import poppler

    poppler("pdftoppm")
    result = outputs.render_blank_checklist(Scheme.GEP, ApplicationType.NEW, on=TODAY)
    images = outputs.page_images(result.data, dpi=40)
    assert len(images) == result.pages
    assert all(image.startswith(b"\x89PNG") for image in images)
