"""Logging to a rotating file, with identity numbers masked before they are written."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

# HKID (A123456(3)), Mainland ID (18 characters) and passport-like numbers
# (one or two letters and 6-9 digits). Over-masking a harmless token is fine;
# leaking a passport number is not.
_SENSITIVE = re.compile(
    r"\b[A-Z]{1,2}[0-9]{6}\(?[0-9A]\)?"
    r"|\b[0-9]{17}[0-9Xx]\b"
    r"|\b[A-Z]{1,2}[0-9]{6,9}\b"
)
MASK = "[redacted]"


def redact(text: str) -> str:
    """``text`` with anything shaped like an identity or passport number masked."""
    return _SENSITIVE.sub(MASK, text)


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
            record.exc_text = redact(record.exc_text)
        return True


def configure_logging(log_file: Path, *, level: int = logging.INFO) -> logging.Handler:
    """Send hkcase's logs to ``log_file`` (1 MB × 5 files), masking identity numbers."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
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
