"""``hkcase demo``: fill the store with synthetic clients for trying the app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hkcase.app import open_app
from hkcase.cli.args import positive
from hkcase.services.demo.generate import generate_demo
from hkcase.services.demo.remove import remove_demo


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
    parser.add_argument("--remove", action="store_true",
                        help="delete every demo client, with their cases, instead of adding")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, data_dir: str | None) -> int:
    ctx = open_app(data_dir)
    if args.remove:
        try:
            removed = remove_demo(ctx.store, actor=ctx.actor)
        finally:
            ctx.close()
        print(f"removed {removed.clients:,} demo clients and {removed.cases:,} cases")
        return 0
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
