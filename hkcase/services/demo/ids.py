"""Synthetic identity numbers and travel documents for demo clients (valid check digits,
never real ones)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from hkcase.domain.dates import add_months
from hkcase.domain.ids import normalise_hkid
from hkcase.domain.vocab import Sex, TravelDocumentType

_MAINLAND_AREAS = ("110101", "310104", "440305", "330106", "510107", "420106", "320102")


def mainland_id(rng: random.Random, born: date, sex: Sex) -> str:
    sequence = rng.randrange(0, 999)
    if (sequence % 2 == 1) != (sex is Sex.MALE):
        sequence = (sequence + 1) % 1000
    body = f"{rng.choice(_MAINLAND_AREAS)}{born:%Y%m%d}{sequence:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def hkid(rng: random.Random) -> str:
    prefix = rng.choice("ACDEGHKMPRVZ")
    digits = f"{rng.randrange(10**6):06d}"
    for check in "0123456789A":
        try:
            return normalise_hkid(f"{prefix}{digits}({check})")
        except ValueError:
            continue
    raise AssertionError("every HKID body has a check character")


def travel_document(rng: random.Random, today: date, mainland: bool, nationality: str
                    ) -> dict[str, Any]:
    """A passport or exit-entry permit issued in the last eight years."""
    issued = today - timedelta(days=rng.randrange(30, 3000))
    if mainland and rng.random() < 0.5:
        kind, number, years = TravelDocumentType.PRC_EXIT_ENTRY_PERMIT, "C", 10
    elif mainland:
        kind, number, years = TravelDocumentType.PRC_PASSPORT, "E", 10
    else:
        kind, number, years = TravelDocumentType.PASSPORT, rng.choice("KLMNPRST"), 10
    return {
        "doc_type": kind.value,
        "number": f"{number}{rng.randrange(10**7, 10**8)}",
        "issuing_country": "CN" if mainland else nationality,
        "issue_date": issued,
        "expiry_date": add_months(issued, 12 * years) - timedelta(days=1),
    }
