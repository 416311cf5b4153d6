"""Argument types shared by every command (dates, counts, schemes)."""

from __future__ import annotations

import argparse
from datetime import date

from hkcase.domain.vocab import Scheme


def iso_date(text: str) -> date:
    """A date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def whole_number(text: str, *, minimum: int) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}")
    return value


def positive(text: str) -> int:
    """A whole number of at least 1."""
    return whole_number(text, minimum=1)


def not_negative(text: str) -> int:
    """A whole number of at least 0."""
    return whole_number(text, minimum=0)


def scheme(text: str) -> Scheme:
    """A scheme id, any case: ``gep``, ``TTPS``, ``qmas_gpt``."""
    try:
        return Scheme(text.strip().upper().replace("-", "_"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a scheme (one of {', '.join(s.value for s in Scheme)})") from None
