"""User settings: declared once, typed, versioned, stored as JSON in the config folder."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2

#: The interface language: the system's (``QLocale.system()``) or one chosen in Settings.
LANGUAGES = ("system", "en", "zh_HK", "zh_CN")


@dataclass
class Settings:
    """What a consultant can change in the settings dialog."""

    consultant_name: str = ""
    #: Days before the limit of stay at which reminders fall due, besides the
    #: extension window's own opening (12 weeks, 6 weeks and 1 week by default).
    reminder_lead_days: list[int] = field(default_factory=lambda: [84, 42, 7])
    #: One of ``LANGUAGES``; applied at the next start.
    language: str = "system"


def _to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 saved ``language: "en"`` without asking (nothing could change it):
    from version 2 an unchosen language follows the system."""
    if raw.get("language") == "en":
        del raw["language"]
    return raw


# Version-keyed upgrades: _UPGRADES[n] turns a version-n dict into version n+1.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _to_2}


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = int(raw.pop("version", SETTINGS_VERSION))
    while version < SETTINGS_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    return raw


@dataclass(frozen=True)
class SettingsRead:
    """Settings as read, and what was wrong with the file, to tell the user."""

    settings: Settings
    problem: str | None = None


def _valid(name: str, value: Any) -> bool:
    if name == "reminder_lead_days":
        return isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 3660 for v in value)
    if name == "language":
        return value in LANGUAGES
    return isinstance(value, str) and len(value) <= 200


def read_settings(path: Path) -> SettingsRead:
    """Read settings; a garbage file is kept aside (renamed), replaced by the defaults and
    reported in ``problem``. A missing file gives the defaults silently."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SettingsRead(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not text"
        return _replace_garbage(path, reason)
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
        raw = _upgrade(raw)
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        return _replace_garbage(path, str(exc).splitlines()[0][:100] or "unreadable")
    known = {f.name for f in fields(Settings)}
    good = {k: v for k, v in raw.items() if k in known and _valid(k, v)}
    bad = sorted(k for k in raw if k in known and k not in good)
    settings = Settings(**good)
    if bad:
        return SettingsRead(settings, f"settings {', '.join(bad)} in {path} were not valid; "
                            "the defaults are used for them")
    return SettingsRead(settings)


def _replace_garbage(path: Path, reason: str) -> SettingsRead:
    aside = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}")
    log.warning("settings file %s unreadable (%s); kept as %s, defaults used",
                path, reason, aside.name)
    try:
        os.replace(path, aside)
        save_settings(Settings(), path)
    except OSError as exc:
        return SettingsRead(Settings(), f"settings file {path} is unreadable ({reason}) and "
                            f"could not be replaced ({exc.strerror}); using the defaults")
    return SettingsRead(Settings(), f"settings file {path} was unreadable ({reason}); it was "
                        f"kept as {aside.name} and the default settings are used")


def load_settings(path: Path) -> Settings:
    """``read_settings`` without the report."""
    return read_settings(path).settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write settings atomically (a crash never leaves half a file), owner-only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(payload, indent=2, ensure_ascii=False))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
