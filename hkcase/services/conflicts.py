"""A save that lost the race, told in a colleague's name: who changed the record, and when.

Versions detect the conflict (``Case.version``, ``Client.version``); the audit trail,
written in the same transaction as every change, says who made it. The save sites
raise :func:`conflict` instead of a bare ``ConflictError``::

    Changed by Ben Lau at 14:32: reload, or keep yours and review the differences
    (case 2026-000123)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, object_session

from hkcase.domain.labels import label
from hkcase.domain.messages import Message, current_language, tr
from hkcase.services.errors import ValidationError
from hkcase.store import ConflictError, Store
from hkcase.store.engine import CONFLICT_ADVICE
from hkcase.store.engine import local_time as local_time  # re-exported
from hkcase.store.models import AuditEntry, Case, Client, Consultant, Stay

if TYPE_CHECKING:
    from hkcase.services.records import ClientInput

#: What the consultant can do (one wording with the store's own conflict, ``store/engine.py``).
ADVICE = CONFLICT_ADVICE


class ColleagueConflict(ConflictError):
    """A conflict with the colleague and time of the change that won, when the audit knows."""

    def __init__(self, message: str, *, subject: str, changed_by: str | None,
                 changed_at: datetime | None) -> None:
        super().__init__(message)
        self.subject = subject
        self.changed_by = changed_by
        #: Local time of the change (aware), or None.
        self.changed_at = changed_at


def advice() -> Message:
    """``ADVICE`` in the current language."""
    return tr("reload, or keep yours and review the differences")


def subject_label(owner: Case | Client) -> str:
    """How the message names the record: "case 2026-000123" or "CHAN Tai Man"."""
    if isinstance(owner, Case):
        return tr("case {reference}", reference=owner.reference)
    return f"{owner.family_name} {owner.given_names}".strip()


def latest_change(session: Session, owner: Case | Client) -> AuditEntry | None:
    """The newest audit entry of the record or anything filed under it (a passport, a stay).

    Child edits raise the owner's version too, so they are what a conflict can be about.
    """
    if isinstance(owner, Case):
        where = AuditEntry.case_id == owner.id
    else:
        where = sa.and_(AuditEntry.client_id == owner.id, AuditEntry.case_id.is_(None))
    # Read without autoflush: the caller's unsaved edits must not be written to look.
    with session.no_autoflush:
        return session.scalars(sa.select(AuditEntry).where(where)
                               .order_by(AuditEntry.id.desc()).limit(1)).first()


def changed_by(owner: Case | Client, session: Session | None = None
               ) -> tuple[str | None, datetime | None]:
    """Who last changed ``owner`` (or anything filed under it) and when (aware, local)."""
    session = session or object_session(owner)
    entry = latest_change(session, owner) if session is not None else None
    if entry is None:
        return None, None
    at = entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=UTC)
    return entry.actor, at.astimezone()


def conflict(owner: Case | Client, session: Session | None = None) -> ColleagueConflict:
    """The error to raise when ``owner`` was saved by someone else since it was opened."""
    who, at = changed_by(owner, session)
    subject = subject_label(owner)
    if who is None or at is None:
        return ColleagueConflict(tr("Changed by someone else since you opened it: {advice} "
                                    "({subject})", advice=advice(), subject=subject),
                                 subject=subject, changed_by=None, changed_at=None)
    return ColleagueConflict(tr("Changed by {who} at {time}: {advice} ({subject})", who=who,
                                time=local_time(at), advice=advice(), subject=subject),
                             subject=subject, changed_by=who, changed_at=at)


# Reviewing the differences ----------------------------------------------------------
#
# After a conflict the consultant may look at what the colleague saved beside what they
# typed, field by field, then keep theirs (reload) or keep mine: save the typed values
# over the colleague's at the colleague's version (a normal, audited edit whose old
# values are the colleague's), never silently.

EMPTY = "—"


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field that differs: its name in words, the saved value and the typed one."""

    field: str
    label: str
    theirs: str
    mine: str


@dataclass(frozen=True)
class Review:
    """What was saved meanwhile, against what this desktop typed.

    ``version`` is the version the colleague's save produced: keeping mine saves at
    it, so a third save in between is again a conflict, never overwritten unseen.
    """

    subject: str
    version: int
    differences: tuple[FieldDifference, ...]
    changed_by: str | None = None
    changed_at: datetime | None = None


def shown(value: Any) -> str:
    """A stored or typed value as the review table shows it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, Enum):
        return label(value, current_language())
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def differences(theirs: Mapping[str, Any], mine: Mapping[str, Any],
                labels: Mapping[str, str] | None = None) -> list[FieldDifference]:
    """The fields of ``mine`` whose shown value differs from ``theirs``, in ``mine``'s order.

    Pure: values are compared as shown (an empty text and no value are the same;
    names compare without regard to case, as the store keeps them upper-case).
    """
    found = []
    for name, typed in mine.items():
        saved = theirs.get(name)
        a, b = shown(saved), shown(typed)
        if a == b or (name in _CASELESS and a.casefold() == b.casefold()):
            continue
        words = (labels or {}).get(name) or label(name, current_language(), capital=True)
        found.append(FieldDifference(name, words, a, b))
    return found


_CASELESS = frozenset({"family_name", "given_names", "nationality", "issuing_country",
                       "hkid", "number"})


def _client_labels() -> dict[str, str]:
    return {"chinese_name": tr("Chinese name"), "mainland_id": tr("Mainland ID"),
            "email": tr("E-mail"), "hkid": tr("HKID")}


def _document_labels() -> dict[str, str]:
    return {"doc_type": tr("document type"), "number": tr("number"),
            "issuing_country": tr("issuing country"), "issue_date": tr("issue date"),
            "expiry_date": tr("expiry date")}


def _client_values(data: ClientInput, document_ids: Sequence[int | None]
                   ) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {f.name: getattr(data, f.name) for f in fields(data)
                              if f.name != "travel_documents"}
    labels = _client_labels()
    by_id = {d.id: d for d in data.travel_documents}
    for position, doc_id in enumerate(document_ids):
        doc = by_id.get(doc_id)
        for name, words in _document_labels().items():
            key = f"travel_document.{position}.{name}"
            values[key] = getattr(doc, name) if doc is not None else None
            labels[key] = tr("Travel document: {field}", field=words) if doc_id is not None \
                else tr("New travel document: {field}", field=words)
    return values, labels


def review_client(store: Store, client_id: int, mine: ClientInput) -> Review:
    """The client as saved now against the editor's ``mine`` (the travel documents it edits)."""
    from hkcase.services.clients import get_client  # clients imports this module

    theirs = get_client(store, client_id)
    ids = [d.id for d in mine.travel_documents]
    saved, labels = _client_values(theirs.data, ids)
    typed, _ = _client_values(mine, ids)
    with store.reading() as session:
        client = session.get(Client, client_id)
        entry = latest_change(session, client) if client is not None else None
        subject = (subject_label(client) if client is not None
                   else tr("client {client_id}", client_id=client_id))
        return _review(subject, theirs.version, differences(saved, typed, labels), entry)


STAY_FIELDS = ("extension_number", "granted_on", "entry_date", "limit_of_stay",
               "condition_of_stay")


def review_stay(store: Store, stay_id: int, mine: Mapping[str, Any]) -> Review:
    """A stay as saved now against the stay dialog's values; ``version`` is the case's."""
    with store.reading() as session:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise ValidationError("stay", tr("that stay no longer exists (deleted meanwhile?)"))
        case = session.get_one(Case, stay.case_id)
        saved = {name: getattr(stay, name) for name in STAY_FIELDS}
        entry = latest_change(session, case)
        return _review(tr("{subject}, stay {number}", subject=subject_label(case),
                          number=stay.extension_number), case.version,
                       differences(saved, {k: v for k, v in mine.items()
                                           if k in STAY_FIELDS}), entry)


CASE_FIELDS = ("stage", "outcome", "immd_file_ref", "employer", "consultant_id",
               "submitted_on", "decided_on", "contract_end")


def review_case(store: Store, case_id: int, mine: Mapping[str, Any]) -> Review:
    """A case's overview as saved now against the overview's typed values."""
    with store.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise ValidationError("case_id", tr("there is no case number {case_id}",
                                                case_id=case_id))
        names: dict[int | None, str] = {
            i: n for i, n in session.execute(sa.select(Consultant.id, Consultant.name))}
        saved = {name: getattr(case, name) for name in CASE_FIELDS}
        typed = {k: v for k, v in mine.items() if k in CASE_FIELDS}
        for values in (saved, typed):
            if "consultant_id" in values:
                values["consultant_id"] = names.get(values["consultant_id"])
        entry = latest_change(session, case)
        return _review(subject_label(case), case.version,
                       differences(saved, typed, {"consultant_id": tr("Consultant"),
                                                  "immd_file_ref": tr("ImmD file reference")}),
                       entry)


def _review(subject: str, version: int, found: list[FieldDifference],
            entry: AuditEntry | None) -> Review:
    if entry is None:
        return Review(subject, version, tuple(found))
    at = entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=UTC)
    return Review(subject, version, tuple(found), entry.actor, at.astimezone())


# Case facts, history rows and deletes ---------------------------------------------------

def _case_fact_shown(key: str, value: Any) -> Any:
    """A case fact as the editor shows it: a choice by its words, languages joined."""
    from hkcase.domain.case_facts import SPEC_BY_KEY, choice_words

    spec = SPEC_BY_KEY.get(key)
    if spec is not None and spec.kind == "choice" and value is not None:
        return dict(choice_words(spec, current_language())).get(value, value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or None
    return value


def review_case_facts(store: Store, case_id: int, *,
                      case_facts: Mapping[str, Any] | None = None,
                      overrides: Mapping[str, Any] | None = None, **_: Any) -> Review:
    """A case's facts and overrides as saved now against the ones the tab would save.

    Only the facts the consultant changed are compared (their save changes no other);
    ``version`` is the case's, as the colleague's save left it.
    """
    from hkcase.domain.case_facts import SPEC_BY_KEY
    from hkcase.services.cases.facts import load_case_facts  # it imports this module
    from hkcase.services.eligibility.run import fact_label

    theirs = load_case_facts(store, case_id)
    saved: dict[str, Any] = {}
    typed: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for key, value in (case_facts or {}).items():
        saved[key] = _case_fact_shown(key, theirs.values.get(key))
        typed[key] = _case_fact_shown(key, value)
        spec = SPEC_BY_KEY.get(key)
        labels[key] = (label(key, current_language(), capital=True) if spec is None
                       else spec.label if current_language() == "en"
                       else label(key, current_language(), vocab="CaseFact"))
    for name, value in (overrides or {}).items():
        key = f"override.{name}"
        saved[key], typed[key] = theirs.overrides.get(name), value
        labels[key] = tr("{fact} (override)", fact=fact_label(name))
    with store.reading() as session:
        case = session.get_one(Case, case_id)
        return _review(subject_label(case), theirs.version,
                       differences(saved, typed, labels), latest_change(session, case))


def _history_words(kind: str) -> str:
    words = {"travel_document": tr("travel document"), "education": tr("qualification"),
             "employment": tr("job"), "relationship": tr("family link")}
    return words.get(kind, kind)


def review_history_row(store: Store, kind: str, row_id: int,
                       mine: Mapping[str, Any]) -> Review:
    """A history row (qualification, job, family link) as saved now against the typed one.

    ``version`` is the client's whose version the row's edit checks (a family link's
    sponsor, as ``client_history.update_row`` does).
    """
    from hkcase.services import client_history  # it imports this module (through edits)

    theirs = client_history.get_row(store, kind, row_id)
    owner_id = theirs["sponsor_id"] if kind == "relationship" else theirs["client_id"]
    with store.reading() as session:
        client = session.get_one(Client, owner_id)
        subject = tr("{subject}, {what}", subject=subject_label(client),
                     what=_history_words(kind))
        found = differences({k: theirs.get(k) for k in mine},
                            {k: v for k, v in mine.items()
                             if k in client_history.EDITABLE.get(kind, ())})
        return _review(subject, client.version, found, latest_change(session, client))


def delete_refused(exc: ConflictError) -> str:
    """Why a delete did not happen, naming the colleague, with what to do next.

    A delete has nothing to review or keep: the consultant reloads, looks at the
    colleague's change and deletes again if the record should still go.
    """
    subject = getattr(exc, "subject", "")
    who = getattr(exc, "changed_by", None)
    at = getattr(exc, "changed_at", None)
    if who is None or at is None:
        if not subject:
            return tr("Not deleted: changed by someone else since you opened it. Reload to see "
                      "the change, then delete again if it should still go.")
        return tr("Not deleted: changed by someone else since you opened it ({subject}). "
                  "Reload to see the change, then delete again if it should still go.",
                  subject=subject)
    if not subject:
        return tr("Not deleted: changed by {who} at {time}. Reload to see their change, then "
                  "delete again if it should still go.", who=who, time=local_time(at))
    return tr("Not deleted: changed by {who} at {time} ({subject}). Reload to see their "
              "change, then delete again if it should still go.", who=who,
              time=local_time(at), subject=subject)
