"""Keeping ``search_entry`` up to date and turning typed text into SQL conditions.

Services call :func:`refresh_client` (or :func:`refresh_cases`) in the same
transaction whenever a client, one of its travel documents or one of its cases
changes or is restored; deleting a client or case deletes its entries (foreign keys
with ``ON DELETE CASCADE``, and the FTS triggers follow), and :func:`forget` does it
explicitly where rows go by other means.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.search_text import (
    QueryPart,
    fragment_document,
    query_parts,
    search_document,
    tokens,
)
from hkcase.store.models import Case, Client, SearchEntry, TravelDocument

_CHUNK = 500
_ROWS_PER_INSERT = 400  # 5 parameters a row, well under SQLite's limit
IdSet = sa.Select[Any] | sa.CompoundSelect[Any]


def _join(*texts: str) -> str:
    return " ".join(t for t in texts if t)


def _entries(session: Session, client_ids: list[int]) -> list[dict[str, Any]]:
    clients = session.execute(
        sa.select(Client.id, Client.family_name, Client.given_names, Client.chinese_name,
                  Client.hkid, Client.mainland_id).where(Client.id.in_(client_ids))).all()
    passports: dict[int, list[str]] = {}
    for client_id, number in session.execute(
            sa.select(TravelDocument.client_id, TravelDocument.number)
            .where(TravelDocument.client_id.in_(client_ids)).order_by(TravelDocument.id)):
        passports.setdefault(client_id, []).append(number)
    cases: dict[int, list[tuple[int, str, str | None]]] = {}
    for case_id, client_id, reference, immd in session.execute(
            sa.select(Case.id, Case.client_id, Case.reference, Case.immd_file_ref)
            .where(Case.client_id.in_(client_ids))):
        cases.setdefault(client_id, []).append((case_id, reference, immd))
    rows: list[dict[str, Any]] = []
    for client_id, family, given, chinese, hkid, mainland in clients:
        numbers = [hkid, mainland, *passports.get(client_id, [])]
        # The client's words and fragments once; each case adds its references in front.
        words = _join(search_document([family, given, chinese]), search_document(numbers))
        fragments = fragment_document(numbers)
        if client_id not in cases:  # found as a client only until it has a case
            rows.append({"id": -client_id, "client_id": client_id, "case_id": None,
                         "document": words, "fragments": fragments})
        for case_id, reference, immd in cases.get(client_id, []):
            rows.append({"id": case_id, "client_id": client_id, "case_id": case_id,
                         "document": _join(search_document([reference, immd]), words),
                         "fragments": _join(fragment_document([reference, immd]), fragments)})
    return rows


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert entries in multi-row statements, not ``executemany``.

    SQLite runs the FTS triggers of each statement in a savepoint, and FTS5 flushes
    its pending index at every savepoint: row by row is ten times slower. The SQL is
    written out because SQLAlchemy compiles a multi-row VALUES anew every time.
    """
    rows.sort(key=lambda row: row["id"])
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"
    columns = ("id", "client_id", "case_id", "document", "fragments")
    for first in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[first:first + _ROWS_PER_INSERT]
        values = ", ".join(["(" + ", ".join([mark] * len(columns)) + ")"] * len(chunk))
        session.connection().exec_driver_sql(
            f"INSERT INTO search_entry ({', '.join(columns)}) VALUES {values}",
            tuple(row[c] for row in chunk for c in columns))


def refresh_clients(session: Session, client_ids: Iterable[int]) -> None:
    """Rebuild the entries of these clients and all their cases (in the caller's transaction).

    The one function to call after a client, its travel documents or its cases
    changed, were added, deleted or restored. A client has an entry of its own
    only while it has no case; a client that no longer exists loses its entries.
    """
    session.flush()
    ids = sorted(set(client_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        rows = _entries(session, chunk)
        session.execute(sa.delete(SearchEntry).where(SearchEntry.client_id.in_(chunk)))
        _insert(session, rows)


def refresh_client(session: Session, client_id: int) -> None:
    """Rebuild the entries of one client and its cases (after the client changed)."""
    refresh_clients(session, [client_id])


def refresh_cases(session: Session, case_ids: Iterable[int]) -> None:
    """Rebuild the entries of these cases' clients (after a case was added or changed)."""
    session.flush()
    ids = sorted(set(case_ids))
    clients: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        clients.update(session.scalars(
            sa.select(Case.client_id).where(Case.id.in_(ids[start:start + _CHUNK]))))
    # A case that no longer exists keeps no entry.
    for start in range(0, len(ids), _CHUNK):
        session.execute(sa.delete(SearchEntry).where(
            SearchEntry.case_id.in_(ids[start:start + _CHUNK]),
            ~SearchEntry.case_id.in_(sa.select(Case.id))))
    refresh_clients(session, clients)


def forget(session: Session, *, client_ids: Iterable[int] = (), case_ids: Iterable[int] = ()
           ) -> None:
    """Remove the entries of deleted clients and cases (the foreign keys do it too)."""
    clients, cases = sorted(set(client_ids)), sorted(set(case_ids))
    for start in range(0, max(len(clients), len(cases)), _CHUNK):
        if clients[start:start + _CHUNK]:
            session.execute(sa.delete(SearchEntry).where(
                SearchEntry.client_id.in_(clients[start:start + _CHUNK])))
        if cases[start:start + _CHUNK]:
            session.execute(sa.delete(SearchEntry).where(
                SearchEntry.case_id.in_(cases[start:start + _CHUNK])))


def rebuild_all(session: Session) -> None:
    """Index every client and case again (after a bulk load that wrote no entries)."""
    after = 0
    while True:
        ids = list(session.scalars(sa.select(Client.id).where(Client.id > after)
                                   .order_by(Client.id).limit(2000)))
        if not ids:
            return
        refresh_clients(session, ids)
        after = ids[-1]


# Matching ----------------------------------------------------------------------------
def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts_phrase(phrase: tuple[str, ...]) -> str:
    # Tokens hold only word characters; quoted anyway. The last token is a prefix.
    return _quoted(" ".join(phrase)) + "*"


def _fts_ids(table: str, match: str, *, clients: bool = False) -> sa.Select[Any]:
    """Matching entry ids; with ``clients``, the client ids of client entries only."""
    rowid: sa.ColumnClause[int] = sa.column("rowid")
    ids = (sa.select(-rowid if clients else rowid).select_from(sa.table(table))
           .where(sa.text(f"{table} MATCH :match").bindparams(
               sa.bindparam("match", match, unique=True))))
    # FTS5 reads its doclists in rowid order: a rowid bound is cheap, not a filter.
    return ids.where(rowid < 0) if clients else ids


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entry_ids_sqlite(parts: list[QueryPart], *, clients: bool = False) -> list[IdSet]:
    """Sets of entry ids (or client ids), every one of which must hold a match.

    A chunk that looks like a number is looked up in the fragments only: every
    number is there too, so its word match would add nothing but time.
    """
    words = [_fts_phrase(p.phrase) for p in parts if p.fragment is None]
    sets: list[IdSet] = [_fts_ids("search_fts", " AND ".join(words), clients=clients)] \
        if words else []
    for part in parts:
        if part.fragment is not None:
            sets.append(_fts_ids("search_fts_fragments", _quoted(part.fragment),
                                 clients=clients))
    return sets


# PostgreSQL: the words through a full-text index, the fragments through trigrams (0010).
# ``simple`` keeps each of our tokens as one lexeme (they are folded and split already,
# a Chinese character a token); the expression is the one migration 0010 indexes.
_TS_CONFIG = "'simple'::regconfig"


def _ts_lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


@lru_cache(maxsize=4096)
def _ideograph(token: str) -> bool:
    """Whether ``token`` is one Chinese character: the index holds such a token alone.

    Asked of the tokenizer itself (it splits a Chinese character from anything next to
    it), so this never disagrees with how documents were split.
    """
    return len(token) == 1 and not token.isascii() and tokens("a" + token) == ["a", token]


def _ts_query(parts: list[QueryPart]) -> str | None:
    """Every token of every word phrase, as one ``tsquery`` the GIN index answers exactly.

    The tokens are ANDed, not chained with ``<->``: a phrase operator, like a prefix,
    makes PostgreSQL recheck every candidate row by computing ``to_tsvector`` again
    (≈ 10 µs a row: 150–200 ms for a common surname at 100,000 clients). Only the last
    token of a phrase is a prefix, and not even that when it is a Chinese character
    (one character is a whole token). :func:`_phrase_in_order` keeps the tokens
    adjacent and in order.
    """
    lexemes = [_ts_lexeme(token) + (":*" if last and not _ideograph(token) else "")
               for p in parts if p.fragment is None
               for last, token in ((i == len(p.phrase) - 1, t) for i, t in enumerate(p.phrase))]
    return " & ".join(lexemes) if lexemes else None


def _phrase_in_order(phrase: tuple[str, ...]) -> sa.ColumnElement[bool]:
    """The phrase's tokens adjacent, the last a prefix: ``' ' || document`` holds ``' ' || phrase``.

    ``strpos`` costs a fraction of ``to_tsvector``, so PostgreSQL (which evaluates the
    cheaper condition first) computes the full-text match only for rows that pass it
    when it walks the entries newest first for a common prefix; ``<> 0`` leaves the
    planner's estimate of how many rows match as the full-text index's alone.
    """
    spaced: sa.ColumnElement[str] = sa.literal(" ", sa.Text) + SearchEntry.document
    return sa.func.strpos(spaced, sa.bindparam("phrase", " " + " ".join(phrase),
                                               unique=True, type_=sa.Text)) != 0


def _entry_condition_postgresql(parts: list[QueryPart]) -> list[sa.ColumnElement[bool]]:
    """The same matches as the FTS5 path: words through the GIN full-text index (their
    order checked by :func:`_phrase_in_order`), fragments by trigram ``LIKE``."""
    conditions: list[sa.ColumnElement[bool]] = [
        _phrase_in_order(p.phrase) for p in parts if p.fragment is None]
    query = _ts_query(parts)
    if query is not None:
        config: sa.ColumnElement[Any] = sa.literal_column(_TS_CONFIG)
        conditions.append(sa.func.to_tsvector(config, SearchEntry.document).bool_op("@@")(
            sa.func.to_tsquery(config, sa.bindparam("tsquery", query, unique=True))))
    conditions += [SearchEntry.fragments.like(f"%{_like(p.fragment)}%", escape="\\")
                   for p in parts if p.fragment is not None]
    return conditions


def _entry_conditions(session: Session, parts: list[QueryPart]
                      ) -> list[sa.ColumnElement[bool]]:
    if session.get_bind().dialect.name == "postgresql":
        return _entry_condition_postgresql(parts)
    return _entry_condition_portable(parts)


def _entry_condition_portable(parts: list[QueryPart]) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    for part in parts:
        if part.fragment is not None:
            conditions.append(SearchEntry.fragments.like(f"%{_like(part.fragment)}%",
                                                         escape="\\"))
            continue
        pattern = _like(" ".join(part.phrase))
        conditions.append(sa.or_(SearchEntry.document.like(f"{pattern}%", escape="\\"),
                                 SearchEntry.document.like(f"% {pattern}%", escape="\\")))
    return conditions


def matching_case_ids(session: Session, text: str) -> sa.Select[int | None] | None:
    """The case ids of the entries matching ``text``, from ``search_entry`` alone (not on
    SQLite, whose FTS5 tables answer instead); None for text with nothing searchable.

    Ordered and limited, this picks a page of the case list before anything is joined
    (``store/queries/case_list.py``): on PostgreSQL a short fragment ("2024-00", "07")
    matches thousands of entries, which a join to ``case`` and ``client`` before the sort
    would visit one by one.
    """
    parts = query_parts(text)
    if not parts:
        return None
    return sa.select(SearchEntry.case_id).where(
        SearchEntry.case_id.is_not(None), *_entry_conditions(session, parts))


def matching_cases(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``Case.id`` for cases whose search text matches ``text``.

    SQLite uses the FTS5 indexes (a case's entry id is its id, so no join is
    needed), PostgreSQL its full-text and trigram indexes (migration 0010); other
    databases compare the text of ``search_entry``.
    """
    parts = query_parts(text)
    if not parts:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return sa.and_(*(Case.id.in_(ids) for ids in _entry_ids_sqlite(parts)))
    ids = matching_case_ids(session, text)
    return None if ids is None else Case.id.in_(ids)


FtsDriver = tuple[sa.TableClause, sa.ColumnElement[int], list[sa.ColumnElement[bool]]]


def fts_driver(session: Session, text: str) -> FtsDriver | None:
    """On SQLite, an FTS5 table to drive a case query from, its rowid and the conditions.

    Joining ``case`` to the first match (``case.id = rowid``) and ordering by that
    rowid lets FTS5 hand out its doclist newest first and stop at the page, where
    ``Case.id IN (…)`` materialises every match first (all cases for "2024").
    None on other databases or for text with nothing searchable.
    """
    parts = query_parts(text)
    if not parts or session.get_bind().dialect.name != "sqlite":
        return None
    words = [_fts_phrase(p.phrase) for p in parts if p.fragment is None]
    fragments = [p.fragment for p in parts if p.fragment is not None]
    if words:
        name, match = "search_fts", " AND ".join(words)
    else:
        name, match = "search_fts_fragments", _quoted(fragments.pop(0))
    table = sa.table(name)
    rowid: sa.ColumnElement[int] = sa.literal_column(f"{name}.rowid", sa.Integer)
    conditions: list[sa.ColumnElement[bool]] = [
        sa.and_(sa.text(f"{name} MATCH :match").bindparams(
            sa.bindparam("match", match, unique=True))),
        rowid > 0]
    conditions += [Case.id.in_(_fts_ids("search_fts_fragments", _quoted(f)))
                   for f in fragments]
    return table, rowid, conditions


def matching_clients(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """A condition on ``Client.id`` for clients without a case whose entry matches ``text``."""
    parts = query_parts(text)
    if not parts:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return sa.and_(*(Client.id.in_(ids) for ids in _entry_ids_sqlite(parts, clients=True)))
    return Client.id.in_(sa.select(SearchEntry.client_id).where(
        SearchEntry.case_id.is_(None), *_entry_conditions(session, parts)))


def clients_without_cases(session: Session, text: str, *, limit: int = 200
                          ) -> list[tuple[int, str, str, str | None]]:
    """Clients matching ``text`` who have no case, newest first: (id, family, given, chinese)."""
    condition = matching_clients(session, text)
    if condition is None:
        return []
    rows = session.execute(
        sa.select(Client.id, Client.family_name, Client.given_names, Client.chinese_name)
        .where(condition, ~sa.exists().where(Case.client_id == Client.id))
        .order_by(Client.id.desc()).limit(limit)).all()
    return [(i, f, g, c) for i, f, g, c in rows]
