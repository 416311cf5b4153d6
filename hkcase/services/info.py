"""What ``hkcase info`` reports: where things are, the schema revision, the counts.

On a shared PostgreSQL database it also says which server, database and role this
desktop uses, as the server itself reports them (never the password), whether the
connection is encrypted (TLS), and who this desktop records changes as.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase import __version__
from hkcase.services.attachments.shared import in_database
from hkcase.services.workspace import Workspace
from hkcase.store.migrate import head_revision
from hkcase.store.queries.summary import summarise


@dataclass(frozen=True)
class ServerInfo:
    """The PostgreSQL server and role in use, as the connection sees them."""

    host: str | None
    port: int | None
    database: str
    role: str
    #: The role the connection logged in as, when ``SET ROLE`` changed ``role``.
    login_role: str
    server_version: str
    tls: bool | None
    #: Whether the role may change the schema (CREATE on the database's schema).
    can_change_schema: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AppInfo:
    version: str
    database: str
    schema_revision: str | None
    schema_head: str
    paths: dict[str, str]
    counts: dict[str, int]
    #: The name this desktop's changes are recorded under (settings, else the login).
    consultant: str = ""
    server: ServerInfo | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "database": self.database,
            "schema_revision": self.schema_revision,
            "schema_head": self.schema_head,
            "paths": self.paths,
            "counts": self.counts,
            "consultant": self.consultant,
            "server": self.server.as_dict() if self.server is not None else None,
        }


_SERVER_QUERY = sa.text(
    "SELECT current_user, session_user, current_database(), "
    "current_setting('server_version'), "
    "(SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), "
    "has_schema_privilege(current_schema(), 'CREATE')")


def _connected_to(session: Session) -> tuple[str | None, int | None]:
    """Host and port as the driver resolved them (the URL, ``PGHOST``/``PGPORT``, defaults).

    psycopg's ``info`` gives what libpq actually connected to, so a URL without a port
    still shows 5432 and a socket folder shows as such; (None, None) for other drivers.
    """
    raw: Any = session.connection().connection.dbapi_connection
    info = getattr(raw, "info", None)
    host, port = getattr(info, "host", None), getattr(info, "port", None)
    return (str(host) if host else None), (int(port) if port else None)


def server_info(session: Session, *, host: str | None, port: int | None) -> ServerInfo | None:
    """The server and role behind ``session`` (None unless it is PostgreSQL).

    ``host`` and ``port`` are the URL's, used where the driver does not say.
    """
    if session.get_bind().dialect.name != "postgresql":
        return None
    role, login, database, version, tls, create = session.execute(_SERVER_QUERY).one()
    connected_host, connected_port = _connected_to(session)
    return ServerInfo(host=connected_host or host, port=connected_port or port,
                      database=database, role=role, login_role=login, server_version=version,
                      tls=tls, can_change_schema=bool(create))


def app_info(ctx: Workspace) -> AppInfo:
    """Collect the information shown by ``hkcase info``."""
    url = ctx.store.url
    with ctx.store.reading() as session:
        summary = summarise(session)
        server = server_info(session, host=url.host, port=url.port)
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
            # On PostgreSQL the files live in the database, shared by every desktop.
            "attachments": ("in the database (every desktop's files)"
                            if in_database(ctx.store) else str(loc.attachments_dir)),
        },
        counts=summary.counts,
        consultant=ctx.actor,
        server=server,
    )
