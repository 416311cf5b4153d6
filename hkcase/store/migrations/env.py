"""Alembic environment: always run in code, on the connection ``open_store`` hands over."""

from alembic import context

import hkcase.store.models  # noqa: F401  (registers every table)
from hkcase.store.base import Base, include_in_migrations

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "hkcase migrations run through hkcase.store.open_store (or hkcase.store.revision), "
        "not the alembic command line"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_in_migrations,
)
with context.begin_transaction():
    context.run_migrations()
