"""Verdicts without explanations: each scheme's outcome, category and score from codes.

``VERDICTS[scheme](profile)`` gives a result whose criteria, reasons, missing
facts and cautions are built (by the scheme's assessor) only when read, or None
where the assessor must run at once. ``tests/services/test_eligibility_verdicts.py`` checks
that both agree on every golden profile.
"""

from __future__ import annotations

from collections.abc import Callable

from hkcase.domain.eligibility.model import SchemeResult
from hkcase.domain.eligibility.profile import Profile
from hkcase.domain.eligibility.verdicts import conjunctive, counted
from hkcase.domain.vocab import Scheme

VerdictFn = Callable[[Profile], SchemeResult | None]

VERDICTS: dict[Scheme, VerdictFn] = {
    Scheme.ASMTP: conjunctive.asmtp,
    Scheme.GEP: conjunctive.gep,
    Scheme.QMAS_GPT: counted.qmas_gpt,
    Scheme.QMAS_ABPT: conjunctive.qmas_abpt,
    Scheme.TTPS: counted.ttps,
    Scheme.TECHTAS: conjunctive.techtas,
    Scheme.IANG: counted.iang,
    Scheme.ASSG: conjunctive.assg,
    Scheme.NEW_CIES: conjunctive.new_cies,
    Scheme.DEPENDANT: conjunctive.dependant,
}

__all__ = ["VERDICTS", "VerdictFn"]
