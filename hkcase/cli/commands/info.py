"""``hkcase info``: paths, schema revision, record counts, and the server and role in use."""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.app import open_app
from hkcase.services.info import ServerInfo, app_info


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "info", parents=[common], help="show where data is kept, the schema revision and counts"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    try:
        info = app_info(ctx)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(info.as_dict(), indent=2, ensure_ascii=False))
        return 0
    print(f"hkcase {info.version}")
    print(f"database:    {info.database}")
    revision = info.schema_revision or "(none)"
    state = "up to date" if info.schema_revision == info.schema_head else f"head {info.schema_head}"
    print(f"schema:      {revision} ({state})")
    print(f"consultant:  {info.consultant} (changes are recorded under this name)")
    if info.server is not None:
        _print_server(info.server)
    for name, path in info.paths.items():
        label = f"{name}:"
        print(f"{label:<13}{path}")
    print("records:")
    width = max(len(name) for name in info.counts)
    for name, count in info.counts.items():
        print(f"  {name.replace('_', ' '):<{width}}  {count:>10,}")
    return 0


def _print_server(server: ServerInfo) -> None:
    where = f"{server.host or 'local socket'}" + (f":{server.port}" if server.port else "")
    print(f"server:      PostgreSQL {server.server_version} at {where}")
    print(f"  database:  {server.database}")
    role = server.role if server.role == server.login_role \
        else f"{server.role} (logged in as {server.login_role})"
    print(f"  role:      {role}")
    tls = {True: "yes (TLS)", False: "no: the connection is not encrypted",
           None: "unknown"}[server.tls]
    print(f"  encrypted: {tls}")
    rights = "yes (an owner role: run migrations with it, not the app)" \
        if server.can_change_schema else "no (an application role)"
    print(f"  can change the schema: {rights}")
