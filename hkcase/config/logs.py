"""Logging to a rotating file, with identity numbers masked before they are written."""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

# What is masked, most specific first (an HKID's check digit must not be left
# behind, nor the ninth digit of a passport: ``E12345678`` becomes ``[redacted]``,
# not ``[redacted]8``). Any case, spaces or hyphens inside. Over-masking a
# harmless token is fine; leaking a passport number is not.
_SEP = r"[ ]?"
# A letter prefix: upper case may be followed by a space ("E 1234 5678"); lower case
# only when joined ("e12345678"), so "on 2022-12-28" stays as it is.
_PREFIX = r"(?<![\w])(?:[A-Z]{1,2}[ ]?|[A-Za-z]{1,2})"
_PATTERNS = (
    # e-mail addresses (not the user part of a URL: postgresql://user@host)
    r"(?<![\w.+/:-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    # Mainland resident ID: 17 digits and a check digit or X, perhaps spaced 6-8-4
    r"(?<![\w])[0-9]{6}" + _SEP + r"[0-9]{8}" + _SEP + r"[0-9]{3}[0-9Xx](?![\w])",
    # HKID: one or two letters, six digits, check digit with or without brackets
    _PREFIX + r"[0-9]{6}" + _SEP + r"(?:\(\s?[0-9Aa]\s?\)|[0-9Aa])(?![\w(])",
    # passports: one or two letters and 6-9 digits, perhaps in groups
    _PREFIX + r"[0-9](?:" + _SEP + r"[0-9]){5,8}(?![\w])",
    # phone numbers: +852 / 86 … and the number; spaced 4 + 4 (Hong Kong); Mainland mobiles
    # (not "-00…" inside a name: a backup's time of day, hkcase-20261202-001219-094992)
    r"(?<![\w-])(?:\+|00)[0-9]{1,3}[ -]?[0-9][0-9 -]{6,14}[0-9](?![\w])",
    r"(?<![\w-])[0-9]{4}[ ][0-9]{4}(?![\w-])",
    r"(?<![\w-])1[3-9][0-9]{9}(?![\w-])",
    # any other run of 9 or more digits (numeric passports, IDs)
    r"(?<![\w-])[0-9]{9,}(?![\w-])",
)
_SENSITIVE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
MASK = "[redacted]"
# Crash reports go further: quoted values, dates and Chinese names too.
_QUOTED = re.compile(r"'[^'\n]{1,200}'|\"[^\"\n]{1,200}\"")
_DATE = re.compile(r"(?<![\w])(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})"
                   r"(?![\w])")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def redact(text: str) -> str:
    """``text`` with identity and passport numbers, e-mail addresses and phones masked."""
    return _SENSITIVE.sub(MASK, text)


def scrub(text: str) -> str:
    """``redact`` and also quoted values, dates and Chinese text: for crash reports,
    whose readers need the code path, never the data."""
    text = _QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[0], redact(text))
    return _CJK.sub("…", _DATE.sub("[date]", text))


#: The lines of a formatted traceback that are its structure, never data.
_TRACEBACK_HEADERS = frozenset({
    "Traceback (most recent call last):",
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
})
_EXCEPTION_LINE = re.compile(r"([A-Za-z_][\w.]*)(:.*)?")
WITHHELD = "[message withheld]"


def mask_traceback(text: str) -> str:
    """A formatted traceback with the code path kept (files, lines and source, identity
    numbers masked) and every exception's message withheld: a message is data (a name
    typed into a form, a row's values), and no pattern tells a name from a word."""
    kept: list[str] = []
    in_message = False
    for line in text.splitlines():
        bare = line.strip()
        if in_message:
            if bare:
                continue  # a message's further lines (SQL parameters, notes)
            in_message = False
        if not bare or bare in _TRACEBACK_HEADERS or line.startswith(" "):
            kept.append(redact(line))
            continue
        match = _EXCEPTION_LINE.fullmatch(bare)
        name = match.group(1) if match else "Exception"
        kept.append(f"{name}: {WITHHELD}" if not match or match.group(2) else name)
        in_message = True
    return "\n".join(kept) + ("\n" if text.endswith("\n") else "")


class RedactingFilter(logging.Filter):
    """Masks identity numbers in the final message, arguments included."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_traceback(record.exc_text)
        return True


def configure_logging(log_file: Path, *, level: int = logging.INFO) -> logging.Handler:
    """Send hkcase's logs to ``log_file`` (1 MB × 5 files), masking identity numbers.

    The files are the owner's only (0600), whatever the umask.
    """
    log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not log_file.exists():
        os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    else:
        os.chmod(log_file, 0o600)
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_hkcase", False)]:
        root.removeHandler(old)
        old.close()
    handler._hkcase = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def logging_configured() -> bool:
    """Whether ``configure_logging`` has set up hkcase's log file in this process."""
    return any(getattr(h, "_hkcase", False) for h in logging.getLogger().handlers)
