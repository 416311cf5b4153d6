"""Reading what the printed outputs show from templates and the store (no reportlab)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.checklists import (
    Lang,
    NoTemplateError,
    Texts,
    general_notes,
    template_for,
)
from hkcase.domain.documents import ChecklistEntry
from hkcase.domain.messages import tr
from hkcase.domain.names import full_name
from hkcase.domain.stay.extension_window import extension_window
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme, Sex
from hkcase.printing.data import (
    EligibilityReport,
    LetterData,
    LetterLine,
    PackData,
    Person,
    PrintChecklist,
    PrintItem,
    StayLine,
    TravelLine,
    Window,
)
from hkcase.printing.text import words
from hkcase.services.checklists import list_checklist
from hkcase.services.documents import EXPIRY_NOTICE_DAYS, expiry_warnings
from hkcase.services.errors import ValidationError
from hkcase.store import Store
from hkcase.store.models import Case, Client, EligibilityRun, Stay, TravelDocument

#: States in which a document is still wanted from the client.
OUTSTANDING = (ChecklistState.MISSING, ChecklistState.REQUESTED, ChecklistState.REJECTED)


def english_name(client: Client) -> str:
    """``CHAN Tai Man``: family name in capitals, as on a passport."""
    return f"{client.family_name.upper()} {client.given_names}".strip()


def _heading(scheme: Scheme, kind: ApplicationType) -> Texts:
    s, k = words(scheme), words(kind)
    return Texts(f"{s.en}: {k.en.lower()}", f"{s.zh}：{k.zh}", f"{s.get(Lang.ZH_CN)}："
                 f"{k.get(Lang.ZH_CN)}")


def blank_checklist(scheme: Scheme, kind: ApplicationType, on: date) -> PrintChecklist:
    """A blank checklist from the template in force on ``on``."""
    try:
        template = template_for(scheme, kind, on)
    except NoTemplateError as exc:
        raise ValidationError("checklist", str(exc)) from None
    items = tuple(PrintItem(i.title, i.form_no, i.mandatory, i.basis) for i in template.items)
    return PrintChecklist(heading=template.title, items=items, notes=general_notes(),
                          official_list=template.official_list,
                          provenance=f"hkcase checklist {template.id}", on=on,
                          templates=(template.id,))


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError("case_id", tr("there is no case number {case_id}", case_id=case_id))
    return case


def chinese_for(residence: Residence | None) -> Lang:
    """The client's Chinese: Simplified for Mainland residents, Traditional otherwise."""
    return Lang.ZH_CN if residence is Residence.MAINLAND_CHINA else Lang.ZH_HK


def client_chinese(store: Store, case_id: int) -> Lang:
    """The Chinese a case's client reads (``chinese_for`` their residence)."""
    with store.reading() as session:
        return chinese_for(_case(session, case_id).client.residence)


def case_checklist(store: Store, case_id: int, on: date) -> PrintChecklist:
    """A case's own checklist to print for the client: its items (not the N/A ones), ticked
    where the document is in."""
    entries = list_checklist(store, case_id)
    with store.reading() as session:
        case = _case(session, case_id)
        client, reference = case.client, case.reference
        name = full_name(english_name(client), client.chinese_name)
        scheme, kind = case.scheme, case.application_type
    if not entries:
        raise ValidationError("checklist", tr("case {reference} has no checklist yet; create "
                                              "it from the template first",
                                              reference=reference))
    items = tuple(PrintItem(Texts(e.title_en, e.title_zh or e.title_en, e.title_zh_cn),
                            e.form_no, e.mandatory, e.basis, e.state)
                  for e in entries if e.state is not ChecklistState.NOT_APPLICABLE)
    templates = sorted({e.template_id for e in entries if e.template_id})
    official = None
    with contextlib.suppress(NoTemplateError):
        official = template_for(scheme, kind, on).official_list
    provenance = f"hkcase checklist of case {reference}" + (
        f" (from {', '.join(templates)})" if templates else "")
    return PrintChecklist(heading=_heading(scheme, kind), items=items, notes=general_notes(),
                          official_list=official, provenance=provenance, on=on, client=name,
                          case_reference=reference, templates=tuple(templates))


def _current_stay(session: Session, case_id: int) -> Stay | None:
    return session.scalars(sa.select(Stay).where(Stay.case_id == case_id)
                           .order_by(Stay.extension_number.desc()).limit(1)).first()


def _window(case: Case, stay: Stay) -> Window:
    sponsor = case.sponsor_case.scheme if case.sponsor_case is not None else None
    found = extension_window(case.scheme, stay.limit_of_stay, sponsor_scheme=sponsor)
    return Window(stay.limit_of_stay, found.opens, found.rule, found.review, found.sources)


def _person(session: Session, client: Client, on: date) -> Person:
    documents = session.scalars(sa.select(TravelDocument).where(
        TravelDocument.client_id == client.id)).all()
    valid = sorted((d for d in documents if d.expiry_date is None or d.expiry_date >= on),
                   key=lambda d: d.expiry_date or date.max)
    travel = None
    if valid:
        doc = valid[-1]
        travel = TravelLine(doc.doc_type, doc.number, doc.issuing_country, doc.expiry_date)
    return Person(english_name(client), client.chinese_name, client.sex,
                  client.date_of_birth, client.nationality, client.residence,
                  client.hkid, client.mainland_id, travel)


def _eligibility(store: Store, session: Session, case: Case, on: date
                 ) -> EligibilityReport | None:
    run = session.scalars(sa.select(EligibilityRun).where(EligibilityRun.case_id == case.id)
                          .order_by(EligibilityRun.created_at.desc(), EligibilityRun.id.desc())
                          .limit(1)).first()
    if run is not None:
        return EligibilityReport(dict(run.result), run.assessment_date, kept=True,
                                 run_id=run.id, created_at=run.created_at,
                                 created_by=run.created_by)
    # The same assessment as the eligibility tab: records, case facts and overrides.
    from hkcase.services.eligibility.run import case_eligibility

    try:
        result = case_eligibility(store, case.id, on=on).result
    except ValidationError:
        return None
    return EligibilityReport(result.as_dict(), on, kept=False)


def pack_data(store: Store, case_id: int, on: date, filing_date: date | None = None
              ) -> PackData:
    """What a case's document pack shows, read in one go."""
    entries = list_checklist(store, case_id)
    with store.reading() as session:
        case = _case(session, case_id)
        client = case.client
        stays = session.scalars(sa.select(Stay).where(Stay.case_id == case_id)
                                .order_by(Stay.extension_number)).all()
        filing = filing_date or case.submitted_on or on
        window = _window(case, stays[-1]) if stays else None
        data = PackData(
            case_reference=case.reference, scheme=case.scheme,
            application_type=case.application_type, stage=case.stage, outcome=case.outcome,
            opened_on=case.opened_on, submitted_on=case.submitted_on,
            immd_file_ref=case.immd_file_ref, employer=case.employer,
            consultant=case.consultant.name if case.consultant else None,
            sponsor_case=case.sponsor_case.reference if case.sponsor_case else None,
            client=_person(session, client, on),
            stays=tuple(StayLine(s.extension_number, s.granted_on, s.entry_date,
                                 s.limit_of_stay, s.condition_of_stay) for s in stays),
            window=window, items=tuple(entries),
            eligibility=_eligibility(store, session, case, on), prepared_on=on,
            filing_date=filing,
            template=", ".join(sorted({e.template_id for e in entries if e.template_id}))
            or None)
    return replace(data, expiry=tuple(expiry_warnings(store, case_id, data.filing_date,
                                                      within_days=EXPIRY_NOTICE_DAYS)))


def _letter_lines(entries: list[ChecklistEntry], case: Case, on: date
                  ) -> tuple[tuple[LetterLine, ...], bool]:
    if entries:
        return tuple(LetterLine(Texts(e.title_en, e.title_zh or e.title_en, e.title_zh_cn),
                                e.mandatory, e.state)
                     for e in entries if e.state in OUTSTANDING), False
    scheme = Scheme.DEPENDANT if case.application_type is ApplicationType.DEPENDANT \
        else case.scheme
    try:
        template = template_for(scheme, ApplicationType.EXTENSION, on)
    except NoTemplateError:
        return (), True
    return tuple(LetterLine(i.title, True, None) for i in template.items if i.mandatory), True


def letter_data(store: Store, case_id: int, on: date, chinese: Lang | None = None,
                signer: str | None = None) -> LetterData:
    """The extension reminder letter for a case's current limit of stay.

    ``chinese`` picks Traditional or Simplified for the Chinese half; by default
    Simplified for clients resident in the Mainland, Traditional otherwise. The
    case's consultant signs it, or ``signer`` when the case has none.
    """
    if chinese is Lang.EN:
        raise ValidationError("lang", tr("the letter is bilingual: choose zh-hk or zh-cn for "
                                         "its Chinese half"))
    entries = list_checklist(store, case_id)
    with store.reading() as session:
        case = _case(session, case_id)
        stay = _current_stay(session, case_id)
        if stay is None:
            raise ValidationError("case", tr("case {reference} has no limit of stay recorded; "
                                             "record the stay first", reference=case.reference))
        client = case.client
        lines, from_template = _letter_lines(entries, case, on)
        window = _window(case, stay)
        title = {Sex.MALE: "Mr", Sex.FEMALE: "Ms"}.get(client.sex)
        family = client.family_name.strip().title()
        salutation = f"{title} {family}" if title else english_name(client)
        consultant = case.consultant.name if case.consultant else (signer or None)
        zh = chinese or chinese_for(client.residence)
        warnings = [tr("extension window: {note}", note=note) for note in window.review]
        if stay.limit_of_stay < on:
            warnings.append(tr("the limit of stay of case {reference} passed on {day}: the "
                               "letter says so and tells the client to contact ImmD now",
                               reference=case.reference, day=stay.limit_of_stay))
        if from_template and not lines:
            warnings.append(tr("case {reference} has no checklist and no extension template "
                               "covers it: the letter lists no documents",
                               reference=case.reference))
        return LetterData(
            today=on, chinese=zh, client_name=english_name(client),
            client_chinese_name=client.chinese_name, salutation=salutation,
            address=client.address, case_reference=case.reference, scheme=case.scheme,
            window=window, outstanding=lines, outstanding_from_template=from_template,
            consultant=consultant, sex=client.sex, warnings=tuple(warnings))
