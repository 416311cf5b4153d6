"""One search over clients and cases: what the search box and ``hkcase search`` show.

A case is found by its references and by everything its client is found by; a
client who has no case yet is found as a client. Clients come first (there are
few; each opens the client editor), then cases newest first, as the Cases list
sorts them by default.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy.orm import Session

from hkcase.services.cases.listing import CaseFilter, CaseList, CaseListItem, searchable
from hkcase.store import Store
from hkcase.store.queries.search import clients_without_cases

#: How many of each kind one search returns (the Cases list loads more as it scrolls).
DEFAULT_LIMIT = 200


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A client or a case found; ``reference`` and the case's fields are None for a client."""

    kind: Literal["client", "case"]
    reference: str | None
    name: str
    chinese_name: str | None
    client_id: int
    case_id: int | None = None
    scheme: str | None = None
    stage: str | None = None
    limit_of_stay: date | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["limit_of_stay"] = self.limit_of_stay.isoformat() if self.limit_of_stay else None
        return data


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    #: Whether more cases match than were returned.
    more: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"hits": [h.as_json() for h in self.hits], "more": self.more}


def client_name(family_name: str, given_names: str) -> str:
    return f"{family_name} {given_names}".strip()


def case_hit(item: CaseListItem) -> SearchHit:
    row = item.row
    return SearchHit("case", row.reference, item.client_name, row.chinese_name, row.client_id,
                     row.case_id, row.scheme.value, row.stage.value, row.limit_of_stay)


def _client_hits(session: Session, text: str, limit: int) -> list[SearchHit]:
    return [SearchHit("client", None, client_name(family, given), chinese, client_id)
            for client_id, family, given, chinese in clients_without_cases(session, text,
                                                                           limit=limit)]


def client_hits(store: Store, text: str, *, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Clients without a case whose names or numbers match ``text``, newest first."""
    if not searchable(text):
        return []
    with store.reading() as session:
        return _client_hits(session, text, limit)


def search(store: Store, text: str, *, limit: int = DEFAULT_LIMIT,
           today: date | None = None) -> SearchResult:
    """Clients without a case, then cases, matching ``text`` (as the search box shows them).

    Both are read in one transaction: one consistent answer, and on a shared server
    one connection check, ``BEGIN`` and ``ROLLBACK`` instead of two of each.
    """
    if not searchable(text):
        return SearchResult(())
    listing = CaseList(store, CaseFilter(text=text), today=today)
    with store.reading() as session:
        clients = _client_hits(session, text, limit)
        cases = listing.page(0, limit + 1, session=session)
    return SearchResult((*clients, *(case_hit(i) for i in cases[:limit])),
                        more=len(cases) > limit)
