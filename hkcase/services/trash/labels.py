"""How a deleted record and what goes with it are named to the consultant."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.labels import label
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

#: Singular and plural of what goes with a record; other tables read as "N <table> rows".
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
        return f"client {row['family_name']} {row['given_names']}".strip()
    if kind == "case":
        return (f"case {row['reference']} ({row['scheme']}, "
                f"{_client_name(session, row['client_id'])})")
    if kind == "stay":
        return (f"stay {row['extension_number']} of case {_case_ref(session, row['case_id'])} "
                f"(limit {row['limit_of_stay']})")
    if kind == "note":
        body = str(row["body"]).splitlines()[0] if row["body"] else ""
        where = (f"case {_case_ref(session, row['case_id'])}" if row.get("case_id")
                 else _client_name(session, row.get("client_id")))
        return f"note on {where}: “{body[:60]}”"
    if kind == "checklist_item":
        return (f"checklist item “{row['title_en']}” of case "
                f"{_case_ref(session, row['case_id'])}")
    if kind == "document":
        return f"file {row['original_name']} (version {row['version_no']})"
    if kind == "travel_document":
        return (f"{label(row['doc_type'])} {row['number']} of "
                f"{_client_name(session, row['client_id'])}")
    if kind == "education":
        return (f"{label(row['level'])} from {row['institution']} of "
                f"{_client_name(session, row['client_id'])}")
    if kind == "employment":
        return f"job at {row['employer']} of {_client_name(session, row['client_id'])}"
    if kind == "relationship":
        return (f"family link: {_client_name(session, row['dependant_id'])} follows "
                f"{_client_name(session, row['sponsor_id'])} "
                f"({label(row['kind'])})")
    return f"{label(kind)} {row.get('id')}"


def contents_of(graph: Graph, root: str) -> list[str]:
    """What goes with the root, table by table: ``["2 stays", "5 reminders", "3 files"]``."""
    out = []
    order = {name: n for n, name in enumerate(NOUNS)}
    for table, rows in sorted(graph.rows.items(), key=lambda t: order.get(t[0], len(order))):
        count = len(rows) - (1 if table == root else 0)
        if count <= 0:
            continue
        one, many = NOUNS.get(table, (f"{label(table)} row",
                                      f"{label(table)} rows"))
        text = f"{count} {one if count == 1 else many}"
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
