"""``hkcase demo``: fill the store with synthetic clients for trying the app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hkcase.cli.arg_types import positive
from hkcase.services.context import open_app
from hkcase.services.demo import generate_demo


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="add realistic synthetic clients, cases and stays (for trying hkcase)",
    )
    parser.add_argument("--clients", type=positive, default=1000, metavar="N",
                        help="how many clients to add, dependants included (default 1000)")
    parser.add_argument("--seed", type=int, default=2026,
                        help="random seed; the same seed gives the same data")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    interactive = sys.stderr.isatty()

    def progress(done: int) -> None:
        if interactive:
            print(f"\r  {done:,} / {args.clients:,} clients", end="", file=sys.stderr)

    try:
        report = generate_demo(ctx.store, args.clients, seed=args.seed, progress=progress)
    finally:
        ctx.close()
    if interactive:
        print(file=sys.stderr)
    print(f"added {report.clients:,} clients, {report.cases:,} cases and {report.stays:,} stays "
          f"in {report.seconds:.1f} s")
    return 0
