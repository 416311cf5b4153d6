"""Plain data the PDF renderers draw: checklists, packs and letters (no reportlab, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from hkcase.domain.checklists import GeneralNote, Lang, OfficialList, Texts
from hkcase.domain.documents import ChecklistEntry, ExpiryWarning
from hkcase.domain.vocab import (
    ApplicationType,
    ChecklistState,
    ItemBasis,
    Outcome,
    Residence,
    Scheme,
    Sex,
    Stage,
    TravelDocumentType,
)


@dataclass(frozen=True)
class PrintItem:
    """One line of a printed checklist."""

    title: Texts
    form_no: str | None
    mandatory: bool
    basis: ItemBasis
    state: ChecklistState | None = None  # None on a blank checklist

    @property
    def practice(self) -> bool:
        return self.basis is ItemBasis.PRACTICE


@dataclass(frozen=True)
class PrintChecklist:
    """A checklist to print for a client: blank from a template, or a case's own."""

    heading: Texts
    items: tuple[PrintItem, ...]
    notes: tuple[GeneralNote, ...]
    official_list: OfficialList | None
    provenance: str  # which template (and version) the list came from, in English
    on: date
    client: str | None = None
    case_reference: str | None = None
    #: Ids of the template versions the items came from (the footer names them in words).
    templates: tuple[str, ...] = ()


@dataclass(frozen=True)
class TravelLine:
    """The travel document a pack's summary names (the newest still valid)."""

    doc_type: TravelDocumentType
    number: str
    issuing_country: str
    expiry_date: date | None


@dataclass(frozen=True)
class Person:
    """The client as a pack's summary shows them (vocabulary values as stored: the renderer
    words them in the pack's language)."""

    english_name: str
    chinese_name: str | None
    sex: Sex
    date_of_birth: date
    nationality: str
    residence: Residence
    hkid: str | None
    mainland_id: str | None
    travel_document: TravelLine | None


@dataclass(frozen=True)
class StayLine:
    extension_number: int
    granted_on: date
    entry_date: date | None
    limit_of_stay: date
    condition: str | None


@dataclass(frozen=True)
class Window:
    """When an extension may be filed before the current limit of stay."""

    limit_of_stay: date
    opens: date
    rule: str  # "4_weeks" | "3_months" (vocabulary ``WindowRule`` of the label catalogue)
    review: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class EligibilityReport:
    """A kept eligibility run (or one computed for the pack) as ``SchemeResult.as_dict()``."""

    result: dict[str, Any]
    assessment_date: date
    kept: bool
    run_id: int | None = None
    created_at: datetime | None = None
    created_by: str | None = None


@dataclass(frozen=True)
class PackData:
    """Everything a case's document pack prints, read in one go."""

    case_reference: str
    scheme: Scheme
    application_type: ApplicationType
    stage: Stage
    outcome: Outcome
    opened_on: date
    submitted_on: date | None
    immd_file_ref: str | None
    employer: str | None
    consultant: str | None
    sponsor_case: str | None
    client: Person
    stays: tuple[StayLine, ...]
    window: Window | None
    items: tuple[ChecklistEntry, ...]
    eligibility: EligibilityReport | None
    prepared_on: date
    filing_date: date
    expiry: tuple[ExpiryWarning, ...] = ()
    template: str | None = None  # template ids the items came from ("a, b"; printed by name)


@dataclass(frozen=True)
class LetterLine:
    """A document still needed, in the letter's languages."""

    title: Texts
    mandatory: bool
    state: ChecklistState | None


@dataclass(frozen=True)
class LetterData:
    """An extension reminder letter to one client."""

    today: date
    chinese: Lang  # zh-hk or zh-cn for the Chinese half
    client_name: str
    client_chinese_name: str | None
    salutation: str
    address: str | None
    case_reference: str
    scheme: Scheme
    window: Window
    outstanding: tuple[LetterLine, ...]
    outstanding_from_template: bool  # no checklist on the case: the template's required items
    consultant: str | None
    sex: Sex | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def limit_passed(self) -> bool:
        """The limit of stay is behind the letter's date: it says so, and what to do now."""
        return self.window.limit_of_stay < self.today
