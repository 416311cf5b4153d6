"""How a deleted record and what goes with it are named to the consultant.

The names are kept in the Trash and the audit log, so they are ``stored`` (English);
``said_again`` reads them in the consultant's language when shown."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.labels import label
from hkcase.domain.messages import stored
from hkcase.services.trash.graph import Graph
from hkcase.store.base import Base
from hkcase.store.models import (
    Case,
    ChecklistItem,
    Client,
    Document,
    Education,
    Employment,
    Note,
    Relationship,
    Stay,
    TravelDocument,
)

#: The record kinds that can be deleted, by table name.
KINDS: dict[str, type[Base]] = {
    "client": Client, "travel_document": TravelDocument, "education": Education,
    "employment": Employment, "relationship": Relationship, "case": Case, "stay": Stay,
    "note": Note, "checklist_item": ChecklistItem, "document": Document,
}

#: Singular and plural of what goes with a record (in English: ``counted`` says each in
#: words the catalogue holds); other tables read as "N <table> rows".
NOUNS: dict[str, tuple[str, str]] = {
    "case": ("case", "cases"),
    "stay": ("stay", "stays"),
    "reminder": ("reminder", "reminders"),
    "checklist_item": ("checklist item", "checklist items"),
    "document": ("file", "files"),
    "note": ("note", "notes"),
    "eligibility_run": ("kept eligibility check", "kept eligibility checks"),
    "travel_document": ("travel document", "travel documents"),
    "education": ("qualification", "qualifications"),
    "employment": ("job", "jobs"),
    "relationship": ("family link", "family links"),
    "case_facts": ("set of case facts", "sets of case facts"),
    "case_fact_override": ("fact override", "fact overrides"),
}


def _client_name(session: Session, client_id: int | None) -> str:
    if client_id is None:
        return "?"
    client = session.get(Client, client_id)
    return f"{client.family_name} {client.given_names}".strip() if client else f"#{client_id}"


def _case_ref(session: Session, case_id: int | None) -> str:
    if case_id is None:
        return "?"
    return session.scalar(sa.select(Case.reference).where(Case.id == case_id)) or f"#{case_id}"


def label_of(session: Session, kind: str, row: dict[str, Any]) -> str:
    """``case 2026-000001 (GEP, CHAN Tai Man)``, ``stay 1 of case …``, ``file scan.pdf (v2)``."""
    if kind == "client":
        return stored("client {name}", name=f"{row['family_name']} {row['given_names']}"
                      ).strip()
    if kind == "case":
        return stored("case {reference} ({scheme}, {client})", reference=row["reference"],
                      scheme=row["scheme"], client=_client_name(session, row["client_id"]))
    if kind == "stay":
        return stored("stay {number} of case {case} (limit {limit})",
                      number=row["extension_number"], case=_case_ref(session, row["case_id"]),
                      limit=row["limit_of_stay"])
    if kind == "note":
        body = (str(row["body"]).splitlines()[0] if row["body"] else "")[:60]
        if row.get("case_id"):
            return stored("note on case {case}: “{body}”",
                          case=_case_ref(session, row["case_id"]), body=body)
        return stored("note on {client}: “{body}”",
                      client=_client_name(session, row.get("client_id")), body=body)
    if kind == "checklist_item":
        return stored("checklist item “{title}” of case {case}", title=row["title_en"],
                      case=_case_ref(session, row["case_id"]))
    if kind == "document":
        return stored("file {name} (version {version})", name=row["original_name"],
                      version=row["version_no"])
    if kind == "travel_document":
        return stored("{document} {number} of {client}", document=label(row["doc_type"]),
                      number=row["number"], client=_client_name(session, row["client_id"]))
    if kind == "education":
        return stored("{level} from {institution} of {client}", level=label(row["level"]),
                      institution=row["institution"],
                      client=_client_name(session, row["client_id"]))
    if kind == "employment":
        return stored("job at {employer} of {client}", employer=row["employer"],
                      client=_client_name(session, row["client_id"]))
    if kind == "relationship":
        return stored("family link: {dependant} follows {sponsor} ({kind})",
                      dependant=_client_name(session, row["dependant_id"]),
                      sponsor=_client_name(session, row["sponsor_id"]), kind=label(row["kind"]))
    return f"{label(kind)} {row.get('id')}"


def counted(table: str, count: int) -> str:
    """``2 stays``, ``1 file``: ``count`` rows of ``table`` in English words (``NOUNS``)."""
    one = count == 1
    match table:
        case "case":
            return stored("1 case") if one else stored("{count} cases", count=count)
        case "stay":
            return stored("1 stay") if one else stored("{count} stays", count=count)
        case "reminder":
            return stored("1 reminder") if one else stored("{count} reminders", count=count)
        case "checklist_item":
            return (stored("1 checklist item") if one
                    else stored("{count} checklist items", count=count))
        case "document":
            return stored("1 file") if one else stored("{count} files", count=count)
        case "note":
            return stored("1 note") if one else stored("{count} notes", count=count)
        case "eligibility_run":
            return (stored("1 kept eligibility check") if one
                    else stored("{count} kept eligibility checks", count=count))
        case "travel_document":
            return (stored("1 travel document") if one
                    else stored("{count} travel documents", count=count))
        case "education":
            return (stored("1 qualification") if one
                    else stored("{count} qualifications", count=count))
        case "employment":
            return stored("1 job") if one else stored("{count} jobs", count=count)
        case "relationship":
            return (stored("1 family link") if one
                    else stored("{count} family links", count=count))
        case "case_facts":
            return (stored("1 set of case facts") if one
                    else stored("{count} sets of case facts", count=count))
        case "case_fact_override":
            return (stored("1 fact override") if one
                    else stored("{count} fact overrides", count=count))
    return f"{count} {label(table)} {'row' if one else 'rows'}"


def contents_of(graph: Graph, root: str) -> list[str]:
    """What goes with the root, table by table: ``["2 stays", "5 reminders", "3 files"]``."""
    out = []
    order = {name: n for n, name in enumerate(NOUNS)}
    for table, rows in sorted(graph.rows.items(), key=lambda t: order.get(t[0], len(order))):
        count = len(rows) - (1 if table == root else 0)
        if count <= 0:
            continue
        text = counted(table, count)
        if table == "case":
            text += " (" + ", ".join(str(r["reference"]) for r in rows) + ")"
        out.append(text)
    return out


def owners_of(session: Session, kind: str, row: dict[str, Any]) -> tuple[int | None, int | None]:
    """``(client_id, case_id)`` whose file the record belongs to."""
    if kind == "client":
        return int(row["id"]), None
    if kind == "case":
        return int(row["client_id"]), int(row["id"])
    if kind == "relationship":
        return int(row["sponsor_id"]), None
    case_id = row.get("case_id")
    if kind == "document":
        case_id = session.scalar(sa.select(ChecklistItem.case_id).where(
            ChecklistItem.id == row["checklist_item_id"]))
    client_id = row.get("client_id")
    if client_id is None and case_id is not None:
        client_id = session.scalar(sa.select(Case.client_id).where(Case.id == case_id))
    return client_id, case_id
