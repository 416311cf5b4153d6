"""``hkcase info``: paths, schema revision and record counts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.services.context import open_app
from hkcase.services.info import app_info


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
    for name, path in info.paths.items():
        label = f"{name}:"
        print(f"{label:<13}{path}")
    print("records:")
    width = max(len(name) for name in info.counts)
    for name, count in info.counts.items():
        print(f"  {name.replace('_', ' '):<{width}}  {count:>10,}")
    return 0
