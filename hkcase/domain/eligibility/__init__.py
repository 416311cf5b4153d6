"""The eligibility engine: dated rule sets, tri-state criteria, time-aware answers.

Pure Python; the rules are data in ``resources/eligibility``.
"""

from hkcase.domain.eligibility.engine import ASSESSORS, assess
from hkcase.domain.eligibility.model import (
    Assessment,
    Change,
    Criterion,
    SchemeResult,
    Status,
    Verdict,
)
from hkcase.domain.eligibility.profile import FIELDS, Profile, ProfileError, parse_profile

__all__ = [
    "ASSESSORS",
    "FIELDS",
    "Assessment",
    "Change",
    "Criterion",
    "Profile",
    "ProfileError",
    "SchemeResult",
    "Status",
    "Verdict",
    "assess",
    "parse_profile",
]
