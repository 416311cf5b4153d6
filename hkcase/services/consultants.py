"""The firm's consultants, as the lists and pickers show them."""

from __future__ import annotations

from hkcase.store import Store
from hkcase.store.case_list import ConsultantRow, consultants

__all__ = ["ConsultantRow", "active_consultants"]


def active_consultants(store: Store) -> list[ConsultantRow]:
    """Active consultants by name, read in one short transaction."""
    with store.reading() as session:
        return consultants(session)
