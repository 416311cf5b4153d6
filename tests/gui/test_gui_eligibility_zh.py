"""The eligibility tab on a Chinese desktop (issue 15): started in zh_HK, the consultant runs
the check with the tab's own button; criteria, their reasons and the cautions read in
Chinese, and the run kept in the database stays English."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from hkcase.app import AppContext
from hkcase.domain.vocab import Scheme
from hkcase.gui.case.eligibility_tab import EligibilityTab
from hkcase.store.models import EligibilityRun
from tests.gui_support import ScriptedPrompts, app_context, started_in_chinese
from tests.services.test_case_facts import gep_case

ctx = app_context()
CHINESE = re.compile("[\u4e00-\u9fff]")
#: English an explanation may keep: codes, names, numbers, the rule set's id.
NAMES = re.compile(r"[A-Z_]+(?:-before)?-\d{4}-\d\d-\d\d|HK\$[\d,]+|STEM|TTPS|Univ\. of Toronto|"
                   r"University of Toronto|\bIN\b|\bCA\b|hkcase|PDF|https?://\S+")
WORD = re.compile(r"[A-Za-z]{3,}")


def _rows(tab: EligibilityTab) -> list[QTreeWidgetItem]:
    tree = tab.criteriaTree
    return [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())]


def _english(text: str) -> list[str]:
    return WORD.findall(NAMES.sub(" ", text))


@pytest.fixture
def chinese_desktop(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The desktop starts as a Hong Kong consultant's does: the setting says zh_HK."""
    with started_in_chinese(ctx, monkeypatch) as app:
        yield app


def test_the_check_reads_in_chinese_and_is_kept_in_english(
        qtbot: QtBot, ctx: AppContext, chinese_desktop: object) -> None:
    case_id = gep_case(ctx.store, scheme=Scheme.TTPS)
    prompts = ScriptedPrompts()
    tab = EligibilityTab(ctx, prompts)
    qtbot.addWidget(tab)
    tab.show_case(case_id, Scheme.TTPS)
    tab.show()
    qtbot.mouseClick(tab.runCheckButton, Qt.MouseButton.LeftButton)
    assert not prompts.asked  # no "Check not kept"
    assert tab.runsList.count() == 1

    rows = _rows(tab)
    assert rows
    headings = [tab.criteriaTree.topLevelItem(i).text(0)
                for i in range(tab.criteriaTree.topLevelItemCount())]
    assert "甲類" in headings, headings
    for row in rows:
        name, why = row.text(1), row.text(2)
        assert CHINESE.search(name) and not _english(name), name
        assert not _english(why), (name, why)
        tip = row.toolTip(0)
        if CHINESE.search(tip):  # a review or caution, else the rule's own English text
            assert not _english(tip), tip
    whys = [row.text(2) for row in rows]
    assert "HK$700,000 < HK$2,500,000" in whys, whys
    assert any(w.startswith("需要：") for w in whys), whys

    shown = tab.eligibilityOutcome.text()
    cautions = [line for line in shown.split("<br>") if line.startswith("⚠")]
    assert cautions and all(CHINESE.search(c) and not _english(c) for c in cautions), cautions
    changes = [line for line in shown.split("<br>") if "→" in line]
    for line in changes:
        assert not _english(line.split("：", 1)[-1]), line

    # What the database keeps is English, whatever the desktop's language.
    with ctx.store.reading() as session:
        run = session.scalars(sa.select(EligibilityRun).where(
            EligibilityRun.case_id == case_id)).one()
        reasons = list(run.result["reasons"])
        details = [c["detail"] for c in run.result["criteria"]]
    assert reasons and not any(CHINESE.search(r) for r in reasons), reasons
    assert any(re.match(r"category [ABC]: (not met|unknown): ", r) for r in reasons), reasons
    assert not any(CHINESE.search(d) for d in details), details


def test_the_case_facts_editor_reads_in_chinese(
        qtbot: QtBot, ctx: AppContext, chinese_desktop: object) -> None:
    from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel

    from hkcase.domain.case_facts import GROUPS, SPECS

    case_id = gep_case(ctx.store, scheme=Scheme.TTPS)
    tab = EligibilityTab(ctx, ScriptedPrompts())
    qtbot.addWidget(tab)
    tab.show_case(case_id, Scheme.TTPS)
    tab.show()
    bar = tab.factTabs.tabBar()
    index = tab.factTabs.indexOf(tab.factTabs.findChild(QWidget, "caseFactsPage"))
    assert index >= 0
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    boxes = [b.title() for b in tab.factsForm.findChildren(QGroupBox)]
    assert boxes and all(CHINESE.search(t) for t in boxes), boxes
    assert not set(boxes) & set(GROUPS.values()), boxes
    captions = {c.text() for c in tab.factsForm.findChildren(QLabel)}
    english = {s.label for s in SPECS}
    assert captions and not captions & english, captions & english
    salary_per = [c for c in tab.factsForm.findChildren(QComboBox)
                  if c.findText("每月") >= 0]
    assert salary_per, "the salary period's choices in Chinese"
