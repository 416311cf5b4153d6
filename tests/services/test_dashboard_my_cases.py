"""The dashboard's "My cases only" finds the settings' consultant only while they are active.

An inactive consultant (left the office) is off every picker; their name in a desktop's
settings must not quietly narrow the dashboard to the cases they used to have.
"""

from __future__ import annotations

import pytest

from hkcase.services.consultants import add_consultant, rename_consultant, set_active
from hkcase.services.reminders.dashboard import consultant_id_for
from hkcase.store import Store


def test_an_active_consultant_is_found_by_name_in_any_case(any_store: Store) -> None:
    amy = add_consultant(any_store, "Amy Chow", actor="t")
    assert consultant_id_for(any_store, "Amy Chow") == amy
    assert consultant_id_for(any_store, "  amy chow ") == amy
    assert consultant_id_for(any_store, "Ben Lau") is None
    assert consultant_id_for(any_store, " ") is None


@pytest.mark.parametrize("name", ["Amy Chow", "AMY CHOW"])
def test_an_inactive_consultant_has_no_my_cases(any_store: Store, name: str) -> None:
    amy = add_consultant(any_store, "Amy Chow", actor="t")
    set_active(any_store, amy, False, actor="t")
    assert consultant_id_for(any_store, name) is None
    set_active(any_store, amy, True, actor="t")  # back in the office
    assert consultant_id_for(any_store, name) == amy


def test_the_active_one_is_found_beside_inactive_colleagues(any_store: Store) -> None:
    old = add_consultant(any_store, "Amy Chow", actor="t")
    set_active(any_store, old, False, actor="t")
    rename_consultant(any_store, old, "Amy Chow (left 2025)", actor="t")
    new = add_consultant(any_store, "Amy Chow", actor="t")
    ben = add_consultant(any_store, "Ben Lau", actor="t")
    set_active(any_store, ben, False, actor="t")
    assert consultant_id_for(any_store, "Amy Chow") == new
    assert consultant_id_for(any_store, "Amy Chow (left 2025)") is None
    assert consultant_id_for(any_store, "Ben Lau") is None
