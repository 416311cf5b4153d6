"""The case pane's Eligibility tab: the verdict, criteria as ImmD groups them, the fact
that settles each open criterion with an input beside it, the case facts and every
fact's source. All through ``services.eligibility`` and ``services.case_facts``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hkcase.app import AppContext
from hkcase.domain.case_facts import (
    PROFILE_SOURCE,
    SCHEME_GROUPS,
    SPEC_BY_KEY,
    SPECS,
    choice_words,
    fact_words,
    group_words,
)
from hkcase.domain.eligibility import FIELDS
from hkcase.domain.eligibility.model import Criterion, SchemeResult, Status
from hkcase.domain.eligibility.wording import change_subject, criterion_name, group_name
from hkcase.domain.messages import current_language
from hkcase.domain.vocab import Scheme
from hkcase.gui.case.eligibility_facts import FactRow, FactsModel
from hkcase.gui.case.fact_inputs import FactInput, profile_choices
from hkcase.gui.case.wrap_delegate import WrapDelegate
from hkcase.gui.dialogs.conflict import ConflictDialog, ask_about_conflict
from hkcase.gui.support.forms import load_form
from hkcase.gui.support.i18n import error_text, label
from hkcase.gui.support.prompts import Prompts
from hkcase.services.cases.facts import (
    CaseFactsView,
    ListQuestion,
    load_case_facts,
    save_answers,
    ttps_list_question,
)
from hkcase.services.conflicts import review_case_facts
from hkcase.services.eligibility.run import (
    CaseEligibility,
    case_eligibility,
    fact_label,
    list_runs,
    parse_override,
    record_check,
)
from hkcase.services.errors import ConflictError, StoreError, ValidationError

STATUS_MARK = {Status.MET: QT_TRANSLATE_NOOP("EligibilityTab", "✓ met"),
               Status.NOT_MET: QT_TRANSLATE_NOOP("EligibilityTab", "✗ not met"),
               Status.UNKNOWN: QT_TRANSLATE_NOOP("EligibilityTab", "? unknown")}
OUTCOME_COLOUR = {"eligible": "#067647", "not_eligible": "#b42318", "needs_review": "#b54708"}
STATUS_COLOUR = {Status.MET: "#067647", Status.NOT_MET: "#b42318", Status.UNKNOWN: "#b54708"}
LIST_FACT = "bachelor_institution_on_ttps_list"
SETTLE_HINT = QT_TRANSLATE_NOOP("EligibilityTab", "Answer the open criteria under ↳, then save.")
translate = QCoreApplication.translate
LABEL_WIDTH = 210  # case-fact labels wrap beyond this


@dataclass
class SettleInput:
    """An input under an open criterion: a case fact, an override, or the list question."""

    target: str  # "case_facts", "override" or "list"
    key: str
    input: FactInput
    label: str


class EligibilityTab(QWidget):
    """Emits ``changed`` (the case id) after anything it kept."""

    changed = Signal(int)

    eligibilityOutcome: QLabel
    runCheckButton: QPushButton
    criteriaTree: QTreeWidget
    settleBox: QWidget
    settleFields: QWidget
    settleMessage: QLabel
    settleSaveButton: QPushButton
    factTabs: QTabWidget
    factsScroll: QScrollArea
    factsForm: QWidget
    factsMessage: QLabel
    factsSaveButton: QPushButton
    factsView: QTableView
    runsList: QListWidget

    def __init__(self, ctx: AppContext, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("eligibility_tab", self)
        self.ctx = ctx
        self.prompts = prompts
        self.case_id: int | None = None
        self.scheme: Scheme | None = None
        self.checked: CaseEligibility | None = None
        self.stored: CaseFactsView | None = None
        self.result: SchemeResult | None = None
        self.settle_inputs: list[SettleInput] = []
        self.fact_inputs: dict[str, FactInput] = {}
        self.conflict_dialog: ConflictDialog | None = None  # open after a colleague's save
        self.settleFields.hide()  # the inputs sit in the criteria tree, under their criterion
        self.facts = FactsModel(self, self)
        self.factsView.setModel(self.facts)
        self.factsView.horizontalHeader().setStretchLastSection(True)
        self.factsView.verticalHeader().setVisible(False)
        self.factsView.setEditTriggers(QTableView.EditTrigger.DoubleClicked
                                       | QTableView.EditTrigger.EditKeyPressed
                                       | QTableView.EditTrigger.SelectedClicked)
        WrapDelegate.install(self.criteriaTree)
        header = self.criteriaTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # to the marks shown
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.eligibilityOutcome.setOpenExternalLinks(True)
        self.eligibilityOutcome.setSizePolicy(QSizePolicy.Policy.Ignored,
                                              QSizePolicy.Policy.Preferred)
        self.runCheckButton.clicked.connect(self.run_check)
        self.settleSaveButton.clicked.connect(self.save_settle)
        self.factsSaveButton.clicked.connect(self.save_case_facts)

    # Loading --------------------------------------------------------------
    def show_case(self, case_id: int, scheme: Scheme) -> None:
        """Assess the case as ``hkcase check --case`` does and show it."""
        self.case_id, self.scheme = case_id, scheme
        self.stored = load_case_facts(self.ctx.store, case_id)
        self._build_case_facts_editor()
        self.reload()

    def reload(self) -> None:
        """Re-assess and refresh the verdict, criteria, open facts and sources."""
        if self.case_id is None:
            return
        self.stored = load_case_facts(self.ctx.store, self.case_id)
        try:
            self.checked = case_eligibility(self.ctx.store, self.case_id)
        except ValidationError as exc:
            self.checked = self.result = None
            self.eligibilityOutcome.setText(self.tr("Cannot assess: {reason}").format(
                reason=exc.message))
            return
        self.result = self.checked.result
        self._show_result(self.result)
        self._fill_tree(self.result)
        overrides = self.stored.overrides
        self.facts.set_rows([FactRow(name, self.checked.facts.get(name), overrides.get(name))
                             for name in FIELDS if name != "assessment_date"])
        self._size_fact_columns()
        self.runsList.clear()
        for run in list_runs(self.ctx.store, self.case_id):
            self.runsList.addItem(f"{run.assessment_date} · {label(run.outcome)} · "
                                  f"{run.rule_set_id or self.tr('no rule set')} · "
                                  f"{run.created_by or ''}")

    def _show_result(self, result: SchemeResult) -> None:
        colour = OUTCOME_COLOUR.get(result.outcome.value, "#101828")
        scheme = label(result.scheme, vocab="Scheme")
        head = (f"<b>{scheme}: <span style='color:{colour}'>"
                f"{label(result.outcome.value)}</span></b>")
        if result.category:
            head += self.tr(" (category {category})").format(category=result.category)
        if result.score is not None and result.pass_mark is not None:
            points = any(c.id == "age_points" for c in result.criteria)
            head += (self.tr(" — {score} points, pass mark {pass_mark}") if points
                     else self.tr(" — {score} criteria met, pass mark {pass_mark}")).format(
                score=result.score, pass_mark=result.pass_mark)
        lines = [head]
        if result.initial_stay_months:
            lines.append(self.tr("Initial stay on approval: {months} months").format(
                months=result.initial_stay_months))
        if result.rule_set:
            lines.append(self.tr("Rules {rules} in force from {date} · sources: {sources}")
                         .format(rules=result.rule_set.id, date=result.rule_set.effective_from,
                                 sources=_source_links(result.rule_set.sources)))
        lines += [f"⚠ {c}" for c in getattr(result, "cautions", ())]
        texts = {c.id: _name(c) for c in result.criteria}
        lines += [self.tr("From {date}: {criterion} — {effect}").format(
            date=c.date, criterion=texts.get(c.criterion) or change_subject(c.criterion),
            effect=label(c.effect)) for c in result.changes_on[:3]]
        lines.append(self.tr("<i>ImmD decides every application.</i>"))
        self.eligibilityOutcome.setText("<br>".join(lines))

    def _size_fact_columns(self) -> None:
        """Columns as wide as their content, within the pane; long text wraps."""
        view = self.factsView
        view.resizeColumnsToContents()
        room = max(240, view.viewport().width())
        for column, share in ((0, 0.34), (1, 0.22), (2, 0.26)):
            if view.columnWidth(column) > room * share:
                view.setColumnWidth(column, int(room * share))
        view.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.facts.rowCount():
            self._size_fact_columns()

    def _fill_tree(self, result: SchemeResult) -> None:
        """Criteria under ImmD's headings; under each open one, the fact that settles it
        with its input."""
        assert self.checked is not None and self.case_id is not None
        tree = self.criteriaTree
        tree.clear()
        self.settle_inputs = []
        self.settleMessage.setText(self.tr(SETTLE_HINT))
        question = ttps_list_question(self.ctx.store, self.case_id)
        seen: set[str] = set()
        marks: list[str] = []
        groups = result.groups() if hasattr(result, "groups") else [("", result.criteria)]
        for group, criteria in groups:
            parent = QTreeWidgetItem(tree, [group_name(group) if group
                                            else label(result.scheme, vocab="Scheme"), "", ""])
            parent.setFirstColumnSpanned(True)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for c in criteria:
                mark = self.tr(STATUS_MARK[c.status]) + (self.tr(" · review")
                                                         if c.review else "")
                item = QTreeWidgetItem(parent, [mark, _name(c), _why(c)])
                item.setForeground(0, QBrush(QColor(STATUS_COLOUR[c.status])))
                marks.append(item.text(0))
                notes = [c.review or "", *getattr(c, "cautions", ())]
                tip = "\n".join(n for n in notes if n)
                for column in range(3):
                    item.setToolTip(column, tip or c.text)  # the rule's own (English) words
                if c.status is Status.UNKNOWN and c.needs:
                    name = next((n for n in c.needs if n not in self.checked.facts), c.needs[0])
                    if name not in seen:
                        seen.add(name)
                        self._settle_item(item, name, c, question)
                item.setExpanded(True)
            parent.setExpanded(True)
        tree.header().resizeSection(0, max((tree.fontMetrics().horizontalAdvance(m)
                                            for m in marks), default=60)
                                    + 2 * tree.indentation() + 14)
        self.settleBox.setVisible(bool(self.settle_inputs))

    def _settle_item(self, item: QTreeWidgetItem, name: str, c: Criterion,
                     question: ListQuestion | None) -> None:
        assert self.scheme is not None
        key = PROFILE_SOURCE.get(name)
        if name == LIST_FACT and question is not None:
            listed = ", ".join(question.candidates)
            text = (self.tr("Is {institution} on the TTPS list as {listed}?") if listed
                    else self.tr("Is {institution} on the TTPS list?")).format(
                institution=repr(question.typed), listed=listed)
            entry = FactInput("choice", (("yes", self.tr("Yes, it is on the list")),
                                         ("no", self.tr("No, it is not on the list"))))
            target, key = "list", LIST_FACT
            tip = self.tr("Asked once: the answer is kept with the education record "
                          "({version}).").format(version=question.list_version)
        elif key is not None and SPEC_BY_KEY[key].group in SCHEME_GROUPS[self.scheme]:
            spec = SPEC_BY_KEY[key]
            entry = FactInput(spec.kind, choice_words(spec, current_language()))
            target, text = "case_facts", fact_words(spec, current_language())
            tip = self.tr("Kept with the case facts.")
        else:
            field = FIELDS[name]
            entry = FactInput(field.kind, profile_choices(field.choices))
            target, key, text = "override", name, fact_label(name)
            tip = self.tr("Kept with the case as the consultant's override.")
        child = QTreeWidgetItem(item, ["", f"↳ {text}", ""])
        settles = self.tr("Settles: {criterion}").format(criterion=_name(c))
        child.setToolTip(1, f"{settles}\n{tip}")
        entry.widget.setToolTip(f"{settles}\n{tip}")
        self.criteriaTree.setItemWidget(child, 2, _centred(entry.widget))
        self.settle_inputs.append(SettleInput(target, key, entry, text))

    def save_settle(self) -> None:
        """Keep the answers typed beside the open criteria (one transaction)."""
        facts: dict[str, Any] = {}
        overrides: dict[str, Any] = {}
        confirmation: Any = None
        asked = False
        try:
            for item in self.settle_inputs:
                if item.input.value() is None:
                    continue
                if item.target == "case_facts":
                    facts[item.key] = item.input.value()
                elif item.target == "override":
                    overrides[item.key] = parse_override(item.key, item.input.text())
                else:
                    asked, confirmation = True, item.input.value() == "yes"
        except ValidationError as exc:
            self.settleMessage.setText(self.tr("Not saved — {field}: {reason}").format(
                field=fact_label(exc.field), reason=exc.message))
            return
        if not facts and not overrides and not asked:
            self.settleMessage.setText(self.tr("Nothing entered."))
            return
        extra = {"ttps_list_confirmed": confirmation} if asked else {}
        if self._keep(self.settleMessage, case_facts=facts, overrides=overrides, **extra):
            self.settleMessage.setText(self.tr("Saved."))

    # Case facts editor ----------------------------------------------------
    def _build_case_facts_editor(self) -> None:
        assert self.scheme is not None and self.stored is not None
        layout = self.factsForm.layout()
        assert isinstance(layout, QVBoxLayout)
        while layout.count():
            old = layout.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fact_inputs = {}
        for group in SCHEME_GROUPS[self.scheme]:
            box = QGroupBox(group_words(group, current_language()), self.factsForm)
            form = QFormLayout(box)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for spec in (s for s in SPECS if s.group == group):
                entry = FactInput(spec.kind, choice_words(spec, current_language()), box)
                entry.set_value(self.stored.values.get(spec.key))
                words = fact_words(spec, current_language())
                caption = QLabel(words, box)
                caption.setWordWrap(True)  # longer labels wrap; short ones stay on one line
                caption.setMinimumWidth(min(caption.fontMetrics().horizontalAdvance(words) + 4,
                                            LABEL_WIDTH))
                caption.setBuddy(entry.widget)
                form.addRow(caption, entry.widget)
                self.fact_inputs[spec.key] = entry
            layout.addWidget(box)
        layout.addStretch(1)
        self.factsMessage.setText("")

    def save_case_facts(self) -> None:
        """Keep the case facts as edited (empty fields are cleared)."""
        assert self.stored is not None
        changes = {key: entry.value() for key, entry in self.fact_inputs.items()
                   if entry.value() != self.stored.values.get(key)}
        if not changes:
            self.factsMessage.setText(self.tr("No change."))
            return
        if self._keep(self.factsMessage, case_facts=changes):
            self.factsMessage.setText(self.tr("Saved."))

    def override_fact(self, name: str, text: str) -> bool:
        """Keep (or, with empty text, clear) a consultant's override of one fact."""
        try:
            value = parse_override(name, text)
        except ValidationError as exc:
            self.prompts.error(self, self.tr("Override not accepted"), f"{fact_label(name)}: "
                               f"{exc.message}")
            return False
        # After the editor has finished committing into the model.
        QTimer.singleShot(0, lambda: self._keep(self.factsMessage, overrides={name: value}))
        return True

    def _keep(self, message: QLabel, version: int | None = None, **answers: Any) -> bool:
        """Save ``answers`` at the version shown (or ``version``, after a review)."""
        assert self.case_id is not None and self.stored is not None
        try:
            save_answers(self.ctx.store, self.case_id,
                         self.stored.version if version is None else version,
                         actor=self.ctx.actor, **answers)
        except ValidationError as exc:
            spec = SPEC_BY_KEY.get(exc.field)
            message.setText(self.tr("Not saved — {reason}").format(reason=exc.message)
                            if spec else self.tr("Not saved — {field}: {reason}").format(
                                field=fact_label(exc.field), reason=exc.message))
            return False
        except ConflictError as exc:
            self._conflict(message, error_text(exc), answers)
            return False
        self._reload_all()
        self.changed.emit(self.case_id)
        return True

    def _conflict(self, message: QLabel, text: str, answers: dict[str, Any]) -> None:
        """A colleague saved the case first: Reload shows theirs; Review offers Keep mine."""
        assert self.case_id is not None
        case_id = self.case_id
        message.setText(self.tr("Not saved — {reason}").format(reason=text))

        def keep_mine(version: int) -> None:
            if self._keep(message, version, **answers):
                message.setText(self.tr("Saved."))

        self.conflict_dialog = ask_about_conflict(
            self, text, lambda: review_case_facts(self.ctx.store, case_id, **answers),
            reload=self._reload_all, keep_mine=keep_mine)

    def _reload_all(self) -> None:
        assert self.case_id is not None and self.scheme is not None
        self.show_case(self.case_id, self.scheme)

    def run_check(self) -> None:
        """Assess as shown and keep the run with the case."""
        if self.case_id is None:
            return
        try:
            record_check(self.ctx.store, self.case_id, actor=self.ctx.actor)
        except (ValidationError, StoreError) as exc:
            self.prompts.error(self, self.tr("Check not kept"), error_text(exc))
            return
        self.reload()
        self.changed.emit(self.case_id)


def _centred(widget: QWidget) -> QWidget:
    """The input at its own height, centred in a tree row that may be taller."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 2, 2, 2)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder


def _source_links(urls: tuple[str, ...] | list[str]) -> str:
    """Each source as a link named by its site (numbered when a site has several)."""
    hosts = [urlparse(url).netloc.removeprefix("www.") or url for url in urls]
    links = []
    for n, (url, host) in enumerate(zip(urls, hosts, strict=True)):
        name = host if hosts.count(host) == 1 else f"{host}&nbsp;({hosts[:n + 1].count(host)})"
        links.append(f'<a href="{url}">{name}</a>')
    return ", ".join(links) or translate("eligibility", "none recorded")


def _name(c: Criterion) -> str:
    """A criterion as the tab names it: its full text in English, its name in Chinese."""
    return criterion_name(c.text, c.id)


def _why(c: Criterion) -> str:
    if c.status is Status.UNKNOWN and c.needs and c.detail.startswith("needs "):
        return translate("eligibility", "Needs: {facts}").format(
            facts=", ".join(dict.fromkeys(fact_label(n) for n in c.needs)))
    return c.detail
