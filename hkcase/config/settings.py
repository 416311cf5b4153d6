"""User settings: declared once, typed, versioned, stored as JSON in the config folder."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass
class Settings:
    """What a consultant can change in the settings dialog."""

    consultant_name: str = ""
    #: Days before the limit of stay at which reminders fall due, besides the
    #: extension window's own opening (12 weeks, 6 weeks and 1 week by default).
    reminder_lead_days: list[int] = field(default_factory=lambda: [84, 42, 7])
    language: str = "en"


# Version-keyed upgrades: _UPGRADES[n] turns a version-n dict into version n+1.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = int(raw.pop("version", SETTINGS_VERSION))
    while version < SETTINGS_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    return raw


def load_settings(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults (and a log line)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        raw = _upgrade(raw)
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save_settings(settings: Settings, path: Path) -> None:
    """Write settings atomically (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    temporary.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
