"""Persistence: SQLAlchemy models, migrations and queries. Imports no Qt."""

from hkcase.store.engine import Store, create_engine, open_store, sqlite_path, sqlite_url
from hkcase.store.errors import (
    ConflictError,
    NewerSchemaError,
    NotAnHkcaseDatabaseError,
    StoreError,
)

__all__ = [
    "ConflictError",
    "NewerSchemaError",
    "NotAnHkcaseDatabaseError",
    "Store",
    "StoreError",
    "create_engine",
    "open_store",
    "sqlite_path",
    "sqlite_url",
]
