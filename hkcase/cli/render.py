"""The shape every "read one case, print it" command shares: JSON for scripts or lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from hkcase.app import open_app
from hkcase.services.checklists import case_id_for_reference
from hkcase.services.storage import Store

T = TypeVar("T")


def print_case_report(data_dir: str | None, case_ref: str, read: Callable[[Store, int], T], *,
                      as_json: bool, to_json: Callable[[T], Any],
                      render: Callable[[T], str]) -> int:
    """Open the store, read the case ``case_ref`` with ``read``, close, then print it."""
    ctx = open_app(data_dir)
    try:
        report = read(ctx.store, case_id_for_reference(ctx.store, case_ref))
    finally:
        ctx.close()
    print(json.dumps(to_json(report), indent=2, ensure_ascii=False) if as_json
          else render(report))
    return 0
