"""The eligibility tab driven as a consultant would: answer the open facts, edit the case
facts, override, confirm a list lookup once; what is kept survives reopening the case."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext, open_app
from hkcase.cli.main import main
from hkcase.domain.eligibility import FIELDS
from hkcase.domain.vocab import Scheme
from hkcase.gui.case.eligibility_tab import EligibilityTab
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.eligibility.run import case_eligibility
from hkcase.store.models import Case, Education
from tests.gui_support import ScriptedPrompts, app_context
from tests.services.test_case_facts import COMPLETE_GEP, gep_case

RAW_NAME = re.compile(r"\b[a-z]+(_[a-z0-9]+)+\b")


ctx = app_context()


def _tab(qtbot: QtBot, ctx: AppContext, case_id: int, scheme: Scheme = Scheme.GEP
         ) -> tuple[EligibilityTab, ScriptedPrompts]:
    prompts = ScriptedPrompts()
    tab = EligibilityTab(ctx, prompts)
    qtbot.addWidget(tab)
    tab.show_case(case_id, scheme)
    tab.show()
    return tab, prompts


def _settle_row(tab: EligibilityTab, label: str) -> QComboBox | QLineEdit | QDateEdit:
    """The input shown under an open criterion for the fact labelled ``label``."""
    for item in tab.settle_inputs:
        if label in item.label:
            widget = item.input.widget
            assert isinstance(widget, QComboBox | QLineEdit | QDateEdit)
            assert widget.isVisible()  # in the tree, right under its criterion
            return widget
    raise AssertionError(f"no input for {label!r} among {[i.label for i in tab.settle_inputs]}")


def _settle_labels(tab: EligibilityTab) -> list[str]:
    return [item.label for item in tab.settle_inputs]


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_each_open_criterion_offers_the_fact_that_settles_it(qtbot: QtBot,
                                                             ctx: AppContext) -> None:
    case_id = gep_case(ctx.store)
    save_case_facts(ctx.store, case_id, load_case_facts(ctx.store, case_id).version,
                    {k: v for k, v in COMPLETE_GEP.items() if k != "market_level"},
                    actor="amy")
    tab, _ = _tab(qtbot, ctx, case_id)
    assert "needs review" in tab.eligibilityOutcome.text()
    labels = _settle_labels(tab)
    assert labels == ["Package at the market level"]
    assert not any(RAW_NAME.search(text) for text in labels)
    _choose(_settle_row(tab, "market level"), "yes")  # type: ignore[arg-type]
    _click(qtbot, tab.settleSaveButton)
    assert load_case_facts(ctx.store, case_id).values["market_level"] == "yes"
    assert "eligible" in tab.eligibilityOutcome.text()
    assert "needs review" not in tab.eligibilityOutcome.text()
    assert not tab.settleBox.isVisible()


def test_case_facts_editor_keeps_money_choices_and_dates(qtbot: QtBot,
                                                         ctx: AppContext) -> None:
    case_id = gep_case(ctx.store)
    tab, _ = _tab(qtbot, ctx, case_id)
    inputs = tab.fact_inputs
    _choose(inputs["job_offer"].widget, True)  # type: ignore[arg-type]
    inputs["salary_hkd"].widget.setText("60,000")  # type: ignore[attr-defined]
    _choose(inputs["salary_period"].widget, "monthly")  # type: ignore[arg-type]
    inputs["start_date"].widget.setDate(QDate(2027, 1, 4))  # type: ignore[attr-defined]
    _click(qtbot, tab.factsSaveButton)
    assert tab.factsMessage.text() == "Saved."
    stored = load_case_facts(ctx.store, case_id).values
    assert (stored["salary_hkd"], stored["salary_period"], stored["start_date"]) == (
        60_000, "monthly", date(2027, 1, 4))
    row = next(r for r in tab.facts.rows() if r.name == "offered_salary_hkd")
    assert row.fact is not None and (row.fact.value, row.fact.source) == (720_000, "case facts")
    # The editor reopened shows what was kept, money as typed.
    assert tab.fact_inputs["salary_hkd"].widget.text() == "60,000"  # type: ignore[attr-defined]


def test_bad_case_fact_is_refused_with_its_label(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = gep_case(ctx.store)
    version = load_case_facts(ctx.store, case_id).version
    tab, _ = _tab(qtbot, ctx, case_id)
    tab.fact_inputs["months_resided_overseas"].widget.setText("2000")  # type: ignore
    _click(qtbot, tab.factsSaveButton)
    assert tab.factsMessage.text().startswith("Not saved — Months lived overseas")
    assert load_case_facts(ctx.store, case_id).version == version  # nothing written


def test_overrides_survive_reopening_and_match_check_case(qtbot: QtBot, ctx: AppContext,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    case_id = gep_case(ctx.store, scheme=Scheme.QMAS_GPT)
    tab, _ = _tab(qtbot, ctx, case_id, Scheme.QMAS_GPT)
    _choose(_settle_row(tab, "listed company"), True)  # type: ignore[arg-type]
    _click(qtbot, tab.settleSaveButton)
    assert load_case_facts(ctx.store, case_id).overrides["owns_listed_company"] is True
    ctx.store.close()
    again = open_app(Path(str(ctx.locations.data_dir)))
    try:
        reopened, _ = _tab(qtbot, again, case_id, Scheme.QMAS_GPT)
        row = next(r for r in reopened.facts.rows() if r.name == "owns_listed_company")
        assert row.fact is not None and row.fact.source == "consultant's override"
        assert row.override is True
        shown = reopened.checked
        assert shown is not None
        with again.store.reading() as session:
            reference = session.get_one(Case, case_id).reference
    finally:
        again.close()
    code = main(["check", "--data-dir", str(ctx.locations.data_dir), "--case", reference,
                 "--on", shown.assessment_date.isoformat(), "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == json.loads(json.dumps(shown.as_dict()))


def test_a_loose_list_match_is_asked_once(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = gep_case(ctx.store, scheme=Scheme.TTPS)
    with ctx.store.transaction() as session:
        session.scalars(sa.select(Education)).one().institution = "Tsinghua Univ"
    tab, _ = _tab(qtbot, ctx, case_id, Scheme.TTPS)
    question = _settle_row(tab, "on the TTPS list")
    asked = _settle_labels(tab)
    assert any("'Tsinghua Univ'" in t and "Tsinghua University" in t for t in asked), asked
    _choose(question, "yes")  # type: ignore[arg-type]
    _click(qtbot, tab.settleSaveButton)
    with ctx.store.reading() as session:
        education = session.scalars(sa.select(Education)).one()
        assert (education.ttps_list_confirmed, education.ttps_list_confirmed_for) == (
            True, "Tsinghua Univ")
    again, _ = _tab(qtbot, ctx, case_id, Scheme.TTPS)
    with pytest.raises(AssertionError):
        _settle_row(again, "on the TTPS list")  # not asked again
    assert case_eligibility(ctx.store, case_id).facts[
        "bachelor_institution_on_ttps_list"].source == "client record"


def test_a_stale_tab_is_told_and_reloaded(qtbot: QtBot, ctx: AppContext) -> None:
    case_id = gep_case(ctx.store)
    tab, _ = _tab(qtbot, ctx, case_id)
    save_case_facts(ctx.store, case_id, load_case_facts(ctx.store, case_id).version,
                    {"position": "Director"}, actor="ben")  # a colleague saves first
    _choose(tab.fact_inputs["job_offer"].widget, True)  # type: ignore[arg-type]
    _click(qtbot, tab.factsSaveButton)
    conflict = tab.conflict_dialog  # named, with Reload (tests/gui/test_gui_conflicts_more.py)
    assert conflict is not None and conflict.messageLabel.text().startswith("Changed by ben")
    _click(qtbot, conflict.reloadButton)
    assert load_case_facts(ctx.store, case_id).values["job_offer"] is None
    assert tab.fact_inputs["position"].widget.text() == "Director"  # type: ignore


def test_facts_table_names_every_fact_by_its_label(qtbot: QtBot, ctx: AppContext) -> None:
    tab, _ = _tab(qtbot, ctx, gep_case(ctx.store))
    names = [tab.facts.data(tab.facts.index(r, 0)) for r in range(tab.facts.rowCount())]
    assert len(names) == len(FIELDS) - 1
    assert not any(RAW_NAME.fullmatch(str(n)) for n in names)
