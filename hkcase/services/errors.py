"""Errors a use case raises for bad input, in the consultant's terms."""


# The store's errors, re-exported so that the GUI and CLI never import the store.
#: A database driver's error that the store did not translate (the CLI's last defence).
from sqlalchemy.exc import DBAPIError as DatabaseError

from hkcase.domain.errors import NeedsConfirmation, ValidationError
from hkcase.store.errors import (
    ConflictError,
    DamagedDatabaseError,
    StoreError,
)
from hkcase.store.failures import is_translatable, translate

__all__ = ["ConflictError", "DamagedDatabaseError", "DatabaseError", "NeedsConfirmation",
           "StoreError", "ValidationError", "is_translatable", "translate"]
