"""Errors a use case raises for bad input, in the consultant's terms."""


class ValidationError(ValueError):
    """Input that cannot be saved; ``field`` names what to correct."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class NeedsConfirmation(ValidationError):
    """Input that looks like a typo: ``questions`` to ask; save again with ``confirm=True``."""

    def __init__(self, questions: list[str], field: str) -> None:
        super().__init__(field, " ".join(questions) + " (confirm to save it anyway)")
        self.questions = list(questions)


# The store's errors, re-exported so that the GUI and CLI never import the store.
#: A database driver's error that the store did not translate (the CLI's last defence).
from sqlalchemy.exc import DBAPIError as DatabaseError  # noqa: E402

from hkcase.store.errors import (  # noqa: E402
    ConflictError,
    DamagedDatabaseError,
    StoreError,
)
from hkcase.store.failures import is_translatable, translate  # noqa: E402

__all__ = ["ConflictError", "DamagedDatabaseError", "DatabaseError", "NeedsConfirmation",
           "StoreError", "ValidationError", "is_translatable", "translate"]
