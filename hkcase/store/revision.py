"""Developer tool: write a new migration by comparing the models with the newest schema.

Usage: ``python -m hkcase.store.revision "add client search key"``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from hkcase.store.engine import create_engine, sqlite_url
from hkcase.store.migrate import alembic_config, head_revision, upgrade_to_head


def next_revision_id(script_location: str | None = None) -> str:
    """Revisions are numbered 0001, 0002 … so their order reads at a glance."""
    try:
        current = head_revision(script_location)
    except Exception:
        return "0001"
    return f"{int(current) + 1:04d}"


def main(argv: list[str] | None = None) -> int:
    """Autogenerate a migration against a scratch SQLite database at head."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print('usage: python -m hkcase.store.revision "what changed"', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(sqlite_url(Path(scratch) / "head.sqlite3"))
        if next_revision_id() != "0001":
            upgrade_to_head(engine, backup_dir=Path(scratch))
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(
                config, message=args[0], autogenerate=True, rev_id=next_revision_id()
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
