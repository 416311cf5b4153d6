"""Shared steps of every edit: assign checked values, take the diff, lock the owner, ask.

An edit of a child record (a travel document, a stay) raises its owner's
``version`` so that optimistic locking on the client or case sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hkcase.domain.countries import UnknownCountryError
from hkcase.domain.ids import IdNumberError
from hkcase.domain.messages import tr
from hkcase.domain.plausibility import Impossible, Question
from hkcase.services.conflicts import conflict
from hkcase.services.errors import NeedsConfirmation, ValidationError
from hkcase.store.base import Base, utcnow
from hkcase.store.models import Case, Client

Owner = Client | Case


@dataclass(frozen=True)
class Edited:
    """What an edit changed: enough to show it and to undo it."""

    kind: str
    id: int
    old: dict[str, Any]
    new: dict[str, Any]
    #: The owner's (client's or case's) version after the edit; None if it has none.
    owner_version: int | None = None
    warnings: tuple[str, ...] = field(default=())
    #: Whose version ``owner_version`` is, where a row has two owners (a family link).
    owner_id: int | None = None


def assign(obj: Base, changes: Mapping[str, Any], editable: Iterable[str]) -> None:
    """Set ``changes`` on ``obj``; unknown fields and values the model refuses are named."""
    allowed = set(editable)
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], tr("this field cannot be changed here"))
    for name, value in changes.items():
        try:
            setattr(obj, name, value)
        except (IdNumberError, UnknownCountryError) as exc:
            raise ValidationError(name, str(exc)) from None


def old_values(obj: Base, names: Iterable[str]) -> dict[str, Any]:
    """The current (Python) values of ``names``, to undo an edit with."""
    return {name: getattr(obj, name) for name in names}


def check_version(owner: Owner, expected: int | None) -> None:
    """``ConflictError`` when ``owner`` was saved by someone else since ``expected``."""
    if expected is not None and owner.version != expected:
        raise conflict(owner)  # names the colleague and the time, from the audit


def touch(owner: Owner) -> None:
    """Make the owner's row change, so its version goes up with the child's edit."""
    owner.updated_at = utcnow()


def impossible(exc: Impossible) -> ValidationError:
    return ValidationError(exc.field, exc.message)


def ask(questions: list[Question], confirm: bool) -> None:
    """Raise ``NeedsConfirmation`` unless the consultant confirmed these questions."""
    if questions and not confirm:
        raise NeedsConfirmation([q.text for q in questions], questions[0].field)
