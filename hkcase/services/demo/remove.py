"""``hkcase demo --remove``: delete every demo client with everything that is theirs."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from hkcase.domain.vocab import AuditAction
from hkcase.store import Store
from hkcase.store.models import AuditEntry, Case, Client
from hkcase.store.queries import search


@dataclass(frozen=True)
class RemovedDemo:
    clients: int
    cases: int


def remove_demo(store: Store, *, actor: str) -> RemovedDemo:
    """Delete the clients ``hkcase demo`` made (marked ``is_demo``), their cases and all
    that goes with them, in one transaction; real clients are never touched.

    A real case that named a demo case as its sponsor case keeps its other data
    (the reference is emptied by the foreign key).
    """
    with store.transaction() as session:
        client_ids = list(session.scalars(sa.select(Client.id).where(Client.is_demo)))
        case_ids = list(session.scalars(sa.select(Case.id).where(
            Case.client_id.in_(sa.select(Client.id).where(Client.is_demo)))))
        if not client_ids:
            return RemovedDemo(0, 0)
        search.forget(session, client_ids=client_ids, case_ids=case_ids)
        plain = {"synchronize_session": False}
        session.execute(sa.delete(Case).where(Case.client_id.in_(
            sa.select(Client.id).where(Client.is_demo))).execution_options(**plain))
        session.execute(sa.delete(Client).where(Client.is_demo).execution_options(**plain))
        # One entry for the whole removal: the demo rows were never audited one by one.
        session.add(AuditEntry(actor=actor, action=AuditAction.DELETE, entity="demo",
                               entity_id=0, changes={"clients": len(client_ids),
                                                     "cases": len(case_ids)}))
        return RemovedDemo(len(client_ids), len(case_ids))
