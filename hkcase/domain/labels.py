"""Vocabulary values as a person reads them: the one place that turns ``not_assessed`` into
"not assessed" and ``mainland_china`` into "Mainland China".

Screens, printed outputs and messages call ``label``; no internal identifier is shown as is.
"""

from __future__ import annotations

from enum import Enum

#: Values whose words are not simply the identifier's: proper names, abbreviations.
NAMES = {
    "mainland_china": "Mainland China",
    "hong_kong": "Hong Kong",
    "macao": "Macao",
    "taiwan": "Taiwan",
    "greater_bay_area": "Greater Bay Area",
    "hkid": "HKID",
    "hksar_passport": "HKSAR passport",
    "immd_file_ref": "ImmD file reference",
    "ugc_funded": "UGC-funded",
    "br_number": "BR number",
    # Schemes as a screen names them in short (the printed outputs use the full names).
    "QMAS_GPT": "QMAS (general points test)",
    "QMAS_ABPT": "QMAS (achievement-based)",
    "TECHTAS": "TechTAS",
    "NEW_CIES": "New CIES",
    "DEPENDANT": "Dependant",
}


def label(value: object, *, capital: bool = False) -> str:
    """``value`` (an enum member or an identifier) in words; ``capital``: first letter upper."""
    text = value.value if isinstance(value, Enum) else str(value)
    words = NAMES.get(text) or text.replace("_", " ")
    return words[:1].upper() + words[1:] if capital else words
