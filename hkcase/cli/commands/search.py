"""``hkcase search TEXT [--json]``: the clients and cases the search box finds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import positive
from hkcase.services.cases.listing import searchable
from hkcase.services.search import DEFAULT_LIMIT, SearchResult, search


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "search", parents=[common],
        help="find clients and cases by name, Chinese name, passport, HKID or reference",
        description="Print the clients and cases the main window's search box finds for "
        "TEXT: English names by word, Chinese names by character (Traditional and "
        "Simplified alike: 陳 finds 陈), passport, HKID, Mainland ID and reference numbers "
        "by any part of at least three characters. Clients without a case come first, "
        "then cases newest first.")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="what to look for")
    parser.add_argument("--json", action="store_true",
                        help='print {"hits": [{"kind", "reference", "name", "chinese_name", '
                        '...}], "more": ...}')
    parser.add_argument("--limit", type=positive, default=DEFAULT_LIMIT, metavar="N",
                        help=f"at most N clients and N cases (default {DEFAULT_LIMIT})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    text = " ".join(args.text)
    ctx = open_app(data_dir)
    try:
        result = search(ctx.store, text, limit=args.limit)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        print(render(result, text))
    return 0


def render(result: SearchResult, text: str) -> str:
    """The hits as aligned lines, one per client or case."""
    if not searchable(text):
        return "Type at least two characters (one Latin letter or digit matches too much)."
    if not result.hits:
        return f"No client or case matches {text.strip()!r}."
    lines = []
    for hit in result.hits:
        if hit.kind == "client":
            lines.append(f"client  {'(no case)':<12} {hit.name}  {hit.chinese_name or ''}"
                         .rstrip())
        else:
            limit = f"limit of stay {hit.limit_of_stay.isoformat()}" if hit.limit_of_stay \
                else "no stay recorded"
            lines.append(f"case    {hit.reference or '':<12} {hit.name}  "
                         f"{hit.chinese_name or ''}  {hit.scheme} · {hit.stage} · {limit}")
    if result.more:
        lines.append("… more cases match: narrow the search or use --limit")
    return "\n".join(lines)
