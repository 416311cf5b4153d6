"""The eligibility tab's "all facts and sources" table: every profile fact with its value,
where it came from, and the consultant's override (edited in place, kept by the tab)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt

from hkcase.domain.eligibility import FIELDS
from hkcase.gui.models.records import Column, RecordTableModel
from hkcase.gui.support.i18n import label
from hkcase.services.eligibility.run import Fact, fact_label

translate = QCoreApplication.translate


@dataclass
class FactRow:
    """A row of the facts table: the fact as assessed, and the kept override if any."""

    name: str
    fact: Fact | None
    override: Any = None


class Overrides(Protocol):
    """Where an edited override is kept (the eligibility tab)."""

    def override_fact(self, name: str, text: str) -> bool: ...


def _shown(value: Any) -> str:
    """A fact's value as a person reads it: yes/no, a list joined, a code in words."""
    if isinstance(value, bool):
        return translate("eligibility", "yes") if value else translate("eligibility", "no")
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, str) and value.isidentifier() and value.islower():
        return label(value)  # ``sub_degree`` → "sub degree" / 副學位
    return str(value)


def _value(row: FactRow) -> str:
    return "" if row.fact is None else _shown(row.fact.value)


class FactsModel(RecordTableModel[FactRow]):
    """Every fact with its value and source; the override column is editable and kept."""

    def __init__(self, keeper: Overrides, parent: QObject) -> None:
        super().__init__([
            Column(translate("eligibility", "Fact"), lambda r: fact_label(r.name),
                   tooltip=lambda r: FIELDS[r.name].meaning),
            Column(translate("eligibility", "Value"), _value),
            Column(translate("eligibility", "Source"),
                   lambda r: r.fact.source if r.fact else translate("eligibility", "not known"),
                   tooltip=lambda r: r.fact.detail if r.fact else None),
            Column(translate("eligibility", "Override (double-click)"),
                   lambda r: "" if r.override is None else _shown(r.override)),
        ], parent=parent)
        self._keeper = keeper

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 3 else base

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 3:
            return False
        return self._keeper.override_fact(self.row_object(index.row()).name, str(value))
