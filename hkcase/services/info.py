"""What ``hkcase info`` reports: where things are, the schema revision, the counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hkcase import __version__
from hkcase.services.context import AppContext
from hkcase.store.migrate import head_revision
from hkcase.store.queries import summarise


@dataclass(frozen=True)
class AppInfo:
    version: str
    database: str
    schema_revision: str | None
    schema_head: str
    paths: dict[str, str]
    counts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "database": self.database,
            "schema_revision": self.schema_revision,
            "schema_head": self.schema_head,
            "paths": self.paths,
            "counts": self.counts,
        }


def app_info(ctx: AppContext) -> AppInfo:
    """Collect the information shown by ``hkcase info``."""
    with ctx.store.reading() as session:
        summary = summarise(session)
    loc = ctx.locations
    return AppInfo(
        version=__version__,
        database=ctx.store.display_url,
        schema_revision=summary.revision,
        schema_head=head_revision(),
        paths={
            "data": str(loc.data_dir),
            "config": str(loc.config_dir),
            "settings": str(loc.settings_file),
            "logs": str(loc.log_file),
            "backups": str(loc.backup_dir),
            "attachments": str(loc.attachments_dir),
        },
        counts=summary.counts,
    )
