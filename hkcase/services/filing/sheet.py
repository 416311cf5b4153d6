"""The filing data sheet: every value ImmD's e-form asks for, from the records, in its order.

Each value is read from the records (client, travel document, education, employment, the
case's job-offer facts, dependants' cases, stays); a missing one is kept as ``None`` and
marked. The printed sheet doubles as the client's confirmation (``sheet_render``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.checklists import Lang
from hkcase.domain.countries import country_name
from hkcase.domain.filing.rules import sheet_sections
from hkcase.domain.locale_format import money_hkd
from hkcase.domain.vocab import Residence
from hkcase.services.errors import ValidationError
from hkcase.services.filing.sheet_labels import label, section_title, value_text
from hkcase.store import Store
from hkcase.store.models import (
    Case,
    Client,
    Education,
    Employment,
    Relationship,
    Stay,
    TravelDocument,
)

#: Fields holding an ISO 3166-1 alpha-2 code: shown as the country's name and the code.
COUNTRY_KEYS = frozenset({"nationality", "issuing_country", "country"})


@dataclass(frozen=True)
class SheetField:
    key: str
    label: str
    value: str | None  # None: missing from the records
    #: The value in words where it differs (a country: "United Kingdom (GB)").
    shown: str | None = None

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def display(self) -> str | None:
        """What the sheet shows and prints (None: missing)."""
        return self.shown if self.shown is not None and self.value is not None else self.value


@dataclass(frozen=True)
class SheetSection:
    code: str
    title: str
    fields: tuple[SheetField, ...]


@dataclass(frozen=True)
class FilingSheet:
    case_id: int
    reference: str
    client_name: str
    scheme: str
    application_type: str
    lang: Lang
    on: date
    sections: tuple[SheetSection, ...]

    @property
    def missing(self) -> list[SheetField]:
        return [f for s in self.sections for f in s.fields if f.missing]

    def in_order(self) -> list[SheetField]:
        """Every value in the e-form's order (for "copy all")."""
        return [f for s in self.sections for f in s.fields]


def _text(value: Any, lang: Lang) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return value_text("yes" if value else "no", lang)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value_text(value, lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _country(code: Any, lang: Lang) -> str | None:
    """A country code as the e-form is filled in: the name in ``lang``, then the code."""
    if not isinstance(code, str) or not code:
        return None
    name = country_name(code, lang)
    if name == code:
        return None
    return f"{name} ({code})" if lang is Lang.EN else f"{name}（{code}）"


def _vocab(value: Any, lang: Lang) -> Any:
    """A stored vocabulary value (case facts hold plain strings) as words."""
    return value_text(value, lang) if isinstance(value, str) else value


def _fields(pairs: list[tuple[str, Any]], lang: Lang, prefix: str = "") -> list[SheetField]:
    return [SheetField(f"{prefix}{key}", label(key, lang), _text(value, lang),
                       _country(value, lang) if key in COUNTRY_KEYS else None)
            for key, value in pairs]


def _case_facts(store: Store, case_id: int) -> dict[str, Any]:
    try:
        from hkcase.services.cases.facts import load_case_facts
    except ImportError:  # case facts not in this build: the case's own employer/contract end
        return {}
    return dict(load_case_facts(store, case_id).values)


def _travel_document(session: Session, client: Client, on: date) -> TravelDocument | None:
    docs = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client.id)).all()
    valid = [d for d in docs if d.expiry_date is None or d.expiry_date >= on]
    pool = valid or list(docs)
    return max(pool, key=lambda d: d.expiry_date or date.max, default=None)


def _personal(client: Client, facts: dict[str, Any], lang: Lang) -> list[SheetField]:
    return _fields([("family_name", client.family_name), ("given_names", client.given_names),
                    ("chinese_name", client.chinese_name), ("sex", client.sex),
                    ("date_of_birth", client.date_of_birth),
                    ("nationality", client.nationality), ("residence", client.residence),
                    ("marital_status", _vocab(facts.get("marital_status"), lang)),
                    ("hkid", client.hkid)]
                   # The Mainland ID only where it applies (a Mainland resident, or recorded).
                   + ([("mainland_id", client.mainland_id)]
                      if client.mainland_id or client.residence is Residence.MAINLAND_CHINA
                      else []), lang)


def _travel(doc: TravelDocument | None, lang: Lang) -> list[SheetField]:
    if doc is None:
        return _fields([("doc_type", None), ("doc_number", None), ("issuing_country", None),
                        ("issue_date", None), ("expiry_date", None)], lang)
    return _fields([("doc_type", doc.doc_type), ("doc_number", doc.number),
                    ("issuing_country", doc.issuing_country), ("issue_date", doc.issue_date),
                    ("expiry_date", doc.expiry_date)], lang)


def _education(session: Session, client: Client, lang: Lang) -> list[SheetField]:
    rows = session.scalars(sa.select(Education).where(Education.client_id == client.id)
                           .order_by(Education.award_date.desc(), Education.id)).all()
    if not rows:
        return _fields([("institution", None)], lang)
    out: list[SheetField] = []
    for n, e in enumerate(rows, start=1):
        out += _fields([("level", e.level), ("institution", e.institution),
                        ("country", e.country), ("field_of_study", e.field_of_study),
                        ("full_time", e.full_time), ("award_date", e.award_date)], lang,
                       prefix=f"education{n}.")
    return out


def _employment(session: Session, client: Client, lang: Lang) -> list[SheetField]:
    rows = session.scalars(sa.select(Employment).where(Employment.client_id == client.id)
                           .order_by(Employment.start_date.desc(), Employment.id)).all()
    if not rows:
        return _fields([("employer", None)], lang)
    out: list[SheetField] = []
    for n, e in enumerate(rows, start=1):
        out += _fields([("employer", e.employer), ("position", e.position),
                        ("country", e.country), ("start_date", e.start_date),
                        ("end_date", e.end_date or value_text("current", lang)),
                        ("full_time", e.full_time),
                        ("annual_income_hkd", e.annual_income_hkd)], lang,
                       prefix=f"employment{n}.")
    return out


def _job_offer(case: Case, facts: dict[str, Any], lang: Lang) -> list[SheetField]:
    salary = facts.get("salary_hkd")
    period = facts.get("salary_period")
    salary_text = None if salary is None else (
        money_hkd(salary, lang) + ((f" ({value_text(str(period), lang)})" if lang is Lang.EN
                                    else f"（{value_text(str(period), lang)}）")
                                   if period else ""))
    package = facts.get("package_hkd")
    return [*_fields([("employer_name", facts.get("employer_name", case.employer)),
                      ("employer_br_number", facts.get("employer_br_number")),
                      ("offer_position", facts.get("position"))], lang),
            SheetField("salary", label("salary", lang), salary_text),
            SheetField("package_hkd", label("package_hkd", lang),
                       None if package is None else money_hkd(package, lang)),
            *_fields([("offer_start_date", facts.get("start_date")),
                      ("contract_end", facts.get("contract_end", case.contract_end)),
                      ("offer_full_time", facts.get("full_time"))], lang)]


def _dependants(session: Session, case: Case, lang: Lang) -> list[SheetField]:
    kinds = {r.dependant_id: r.kind for r in session.scalars(
        sa.select(Relationship).where(Relationship.sponsor_id == case.client_id))}
    cases = session.scalars(sa.select(Case).where(Case.sponsor_case_id == case.id)
                            .order_by(Case.id)).all()
    out: list[SheetField] = []
    for n, dep in enumerate(cases, start=1):
        c = dep.client
        out += _fields([("dependant_name", f"{c.family_name} {c.given_names}".strip()),
                        ("chinese_name", c.chinese_name),
                        ("relationship", kinds.get(c.id)),
                        ("date_of_birth", c.date_of_birth),
                        ("dependant_case", dep.reference)], lang, prefix=f"dependant{n}.")
    if not out:
        out.append(SheetField("dependants", label("dependants", lang),
                              value_text("none_recorded", lang)))
    return out


def _sponsor(case: Case, lang: Lang) -> list[SheetField]:
    sponsor = case.sponsor_case
    if sponsor is None:
        return _fields([("sponsor_name", None), ("sponsor_case", None)], lang)
    c = sponsor.client
    return _fields([("sponsor_name", f"{c.family_name} {c.given_names}".strip()),
                    ("chinese_name", c.chinese_name), ("sponsor_scheme", sponsor.scheme),
                    ("sponsor_case", sponsor.reference)], lang, prefix="sponsor.")


def _stays(session: Session, client: Client, lang: Lang) -> list[SheetField]:
    rows = session.execute(sa.select(Stay, Case.reference, Case.scheme).join(
        Case, Case.id == Stay.case_id).where(Case.client_id == client.id)
        .order_by(Stay.granted_on, Stay.extension_number)).all()
    out: list[SheetField] = []
    for n, (stay, _reference, scheme) in enumerate(rows, start=1):
        out += _fields([("stay_scheme", scheme), ("granted_on", stay.granted_on),
                        ("entry_date", stay.entry_date), ("limit_of_stay", stay.limit_of_stay),
                        ("condition_of_stay", stay.condition_of_stay)], lang,
                       prefix=f"stay{n}.")
    if not out:
        out.append(SheetField("previous_stays", label("previous_stays", lang),
                              value_text("none_recorded", lang)))
    return out


def filing_sheet(store: Store, case_id: int, lang: Lang = Lang.EN, *, on: date | None = None
                 ) -> FilingSheet:
    """The case's data sheet in ``lang``, sections in the e-form's order for its type."""
    day = on or date.today()
    facts = _case_facts(store, case_id)
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", f"there is no case number {case_id}")
        client = case.client
        builders = {
            "personal": lambda: _personal(client, facts, lang),
            "travel_document": lambda: _travel(_travel_document(session, client, day), lang),
            "contact": lambda: _fields([("email", client.email), ("phone", client.phone)],
                                       lang),
            "education": lambda: _education(session, client, lang),
            "employment": lambda: _employment(session, client, lang),
            "job_offer": lambda: _job_offer(case, facts, lang),
            "dependants": lambda: _dependants(session, case, lang),
            "sponsor": lambda: _sponsor(case, lang),
            "previous_stays": lambda: _stays(session, client, lang),
        }
        sections = tuple(SheetSection(code, section_title(code, lang), tuple(builders[code]()))
                         for code in sheet_sections(case.application_type, day))
        return FilingSheet(case.id, case.reference,
                           f"{client.family_name} {client.given_names}".strip(),
                           case.scheme.value, case.application_type.value, lang, day, sections)


def sheet_json(sheet: FilingSheet) -> dict[str, Any]:
    return {"case": sheet.reference, "client": sheet.client_name, "scheme": sheet.scheme,
            "application_type": sheet.application_type, "lang": sheet.lang.value,
            "on": sheet.on.isoformat(), "missing": len(sheet.missing),
            "sections": [{"code": s.code, "title": s.title,
                          # "value" as stored (a country's code); "text" as shown.
                          "fields": [{"key": f.key, "label": f.label, "value": f.value,
                                      "text": f.display, "missing": f.missing}
                                     for f in s.fields]}
                         for s in sheet.sections]}
