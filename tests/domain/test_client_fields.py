"""One rule per client field: the dialog's mark and the service's refusal say the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hkcase.domain.client_fields import FAMILY_NAME_REQUIRED, field_problem
from hkcase.domain.labels import label
from hkcase.domain.vocab import Residence, Sex
from hkcase.services.errors import ValidationError
from hkcase.services.records import ClientInput, create_client
from hkcase.store import Store

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("field", "text", "wrong"), [
    ("family_name", "  ", True), ("family_name", "CHAN", False),
    ("date_of_birth", "", True), ("date_of_birth", "31/02/1990", True),
    ("date_of_birth", "02/12/2026", True), ("date_of_birth", "01/12/2026", False),
    ("date_of_birth", "1990-02-03", False),
    ("nationality", "Atlantis", True), ("nationality", "CA", False),
    ("issuing_country", "", False), ("issuing_country", "Atlantis", True),
    ("hkid", "", False), ("hkid", "A123456(3)", False), ("hkid", "A123456(4)", True),
    ("expiry_date", "", False), ("expiry_date", "2031-13-01", True),
])
def test_each_field_on_both_sides(field: str, text: str, wrong: bool) -> None:
    problem = field_problem(field, text, today=TODAY)
    assert (problem is not None) is wrong
    assert problem is None or (problem and "Traceback" not in problem)


def test_the_service_refuses_with_the_dialogs_words(sqlite_store: Store) -> None:
    data = ClientInput(family_name=" ", given_names="Tai Man", sex=Sex.MALE,
                       date_of_birth=date(1990, 1, 1), nationality="CN",
                       residence=Residence.MAINLAND_CHINA)
    with pytest.raises(ValidationError) as refused:
        create_client(sqlite_store, data, actor="amy")
    assert (refused.value.field, refused.value.message) == ("family_name",
                                                            FAMILY_NAME_REQUIRED)
    assert field_problem("family_name", " ") == FAMILY_NAME_REQUIRED


def test_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        field_problem("shoe_size", "42")


def test_labels_read_as_words() -> None:
    assert label(Residence.MAINLAND_CHINA) == "Mainland China"
    assert label("not_assessed") == "not assessed"
    assert label("hong_kong", capital=True) == "Hong Kong"
    assert label("change_of_employment", capital=True) == "Change of employment"
    assert label(Path("x").name) == "x"
