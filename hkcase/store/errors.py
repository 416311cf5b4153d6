"""Errors the store raises, each with a message fit to show a consultant."""


class StoreError(Exception):
    """The database cannot be used as asked; ``str()`` explains why in plain words."""


class NotAnHkcaseDatabaseError(StoreError):
    """The file exists but is not an hkcase database (corrupt, or another program's)."""


class NewerSchemaError(StoreError):
    """The database was written by a newer hkcase than this one."""


class ConflictError(StoreError):
    """Someone else saved the same record first (optimistic locking)."""


class DamagedDatabaseError(NotAnHkcaseDatabaseError):
    """The file is an SQLite database but fails its integrity check; ``path`` names it."""

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.path = path


class EmptyDatabaseFileError(NotAnHkcaseDatabaseError):
    """The database file exists but holds zero bytes (a failed copy, a full disk)."""


class DatabaseBusyError(StoreError):
    """Another program held the database longer than the busy timeout."""


class DiskFullError(StoreError):
    """The disk (or the user's file-size limit) has no room for the write."""


class ReadOnlyDatabaseError(StoreError):
    """The database file or its folder cannot be written."""


class BackupError(StoreError):
    """A backup or restore could not be made; nothing partial was left behind."""
