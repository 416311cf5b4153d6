"""Keeping ``search_entry`` up to date and turning typed text into a SQL condition."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.search_text import query_phrases, search_document
from hkcase.store.models import Case, Client, SearchEntry, TravelDocument


def _documents(session: Session, case_ids: list[int]) -> dict[int, str]:
    rows = session.execute(
        sa.select(Case.id, Case.reference, Case.immd_file_ref, Client.id, Client.family_name,
                  Client.given_names, Client.chinese_name, Client.hkid, Client.mainland_id)
        .join(Client, Client.id == Case.client_id).where(Case.id.in_(case_ids))
    ).all()
    client_ids = {row[3] for row in rows}
    passports: dict[int, list[str]] = {}
    for client_id, number in session.execute(
            sa.select(TravelDocument.client_id, TravelDocument.number)
            .where(TravelDocument.client_id.in_(client_ids))):
        passports.setdefault(client_id, []).append(number)
    return {
        case_id: search_document([reference, immd, family, given, chinese, hkid, mainland,
                                  *passports.get(client_id, [])])
        for case_id, reference, immd, client_id, family, given, chinese, hkid, mainland in rows
    }


def refresh_cases(session: Session, case_ids: Iterable[int]) -> None:
    """Rebuild the search text of these cases (in the caller's transaction)."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        documents = _documents(session, chunk)
        session.execute(sa.delete(SearchEntry).where(SearchEntry.case_id.in_(chunk)))
        if documents:
            session.execute(sa.insert(SearchEntry), [
                {"case_id": case_id, "document": text} for case_id, text in documents.items()])


def refresh_client(session: Session, client_id: int) -> None:
    """Rebuild the search text of every case of a client (after the client changed)."""
    refresh_cases(session, session.scalars(sa.select(Case.id).where(Case.client_id == client_id)))


def _fts_phrase(phrase: list[str]) -> str:
    # Tokens hold only word characters, so quoting is safe; the last token is a prefix.
    return '"' + " ".join(phrase) + '"*'


def matching_cases(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``Case.id`` for cases whose search text matches ``text``.

    SQLite uses the FTS5 index; other databases compare the text (every phrase's
    tokens, in order, within the document).
    """
    phrases = query_phrases(text)
    if not phrases:
        return None
    if session.get_bind().dialect.name == "sqlite":
        match = " AND ".join(_fts_phrase(p) for p in phrases)
        ids: sa.Select[Any] = (
            sa.select(sa.column("rowid")).select_from(sa.table("search_fts"))
            .where(sa.text("search_fts MATCH :match").bindparams(match=match)))
        return Case.id.in_(ids)
    conditions = []
    for phrase in phrases:
        pattern = " ".join(phrase).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(sa.or_(SearchEntry.document.like(f"{pattern}%", escape="\\"),
                                 SearchEntry.document.like(f"% {pattern}%", escape="\\")))
    return Case.id.in_(sa.select(SearchEntry.case_id).where(*conditions))
