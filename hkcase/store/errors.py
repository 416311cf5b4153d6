"""Errors the store raises, each with a message fit to show a consultant."""


class StoreError(Exception):
    """The database cannot be used as asked; ``str()`` explains why in plain words."""


class NotAnHkcaseDatabaseError(StoreError):
    """The file exists but is not an hkcase database (corrupt, or another program's)."""


class NewerSchemaError(StoreError):
    """The database was written by a newer hkcase than this one."""


class ConflictError(StoreError):
    """Someone else saved the same record first (optimistic locking)."""
