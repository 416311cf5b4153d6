"""Dated rule data for online filing: fees, processing times, upload limits, checks, sections.

Read from ``resources/filing/*.toml`` (format in that folder's README). Every file
holds dated ``[[version]]`` blocks; the one in force on a date is used.

Pure Python: reads packaged resources only.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from hkcase.domain.rules.kernel import RuleDataError, in_force
from hkcase.domain.vocab import ApplicationType, Scheme


class FilingDataError(RuleDataError):
    """A filing rule file that breaks its format; the message names the file."""


class NotInForce(LookupError):
    """No version of a rule file is in force on the date asked about."""


@dataclass(frozen=True)
class FeeTable:
    """ImmD's fees for specified-scheme applications, from one date."""

    effective_from: date
    effective_to: date | None
    schemes: frozenset[Scheme]
    application_fee: int
    refundable: bool
    issuance_fee_long: int
    issuance_fee_short: int
    long_stay_over_days: int
    source: str
    source_revised: date
    notes: str


@dataclass(frozen=True)
class ProcessingTime:
    """ImmD's published processing time for one scheme and application type, in weeks."""

    scheme: str  # a Scheme value, or "*" for any
    application_type: ApplicationType
    weeks_from: int
    weeks_to: int
    note: str
    source: str
    source_revised: date


@dataclass(frozen=True)
class UploadRules:
    """What ImmD's online upload takes, and hkcase's practice for making scans fit."""

    effective_from: date
    types: tuple[str, ...]
    max_bytes: int
    source: str
    colour_note: str
    scan_dpi: tuple[int, int]
    jpeg_quality: tuple[int, int]
    practice_note: str


@dataclass(frozen=True)
class PrefilingRules:
    """Thresholds and sources of the pre-filing checks."""

    effective_from: date
    passport_months_after_filing: int
    passport_source: str
    cies_extension_passport_months: int
    cies_source: str
    in_hong_kong_source: str
    limit_passed_source: str
    immd_contact: str
    ttps_dependant_forms_source: str


def _read(name: str) -> dict[str, Any]:
    text = files("hkcase.resources").joinpath(f"filing/{name}.toml").read_text("utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FilingDataError(f"filing/{name}.toml: {exc}") from None


def _in_force(name: str, raw: Mapping[str, Any], on: date) -> Mapping[str, Any]:
    versions = raw.get("version")
    if not isinstance(versions, list) or not versions:
        raise FilingDataError(f"filing/{name}.toml: no [[version]]")
    for entry in sorted(versions, key=lambda v: v["effective_from"], reverse=True):
        start, end = entry.get("effective_from"), entry.get("effective_to")
        if not isinstance(start, date):
            raise FilingDataError(f"filing/{name}.toml: effective_from must be a date")
        if in_force(start, end, on):
            return dict(entry)
    first = min(v["effective_from"] for v in versions)
    raise NotInForce(f"filing/{name}.toml has no version in force on {on.isoformat()} "
                     f"(the first starts on {first.isoformat()})")


def _pair(raw: Any, name: str) -> tuple[int, int]:
    if (not isinstance(raw, list) or len(raw) != 2
            or not all(isinstance(v, int) for v in raw)):
        raise FilingDataError(f"filing/{name}.toml: expected a pair of whole numbers")
    return raw[0], raw[1]


@cache
def _raw(name: str) -> dict[str, Any]:
    return _read(name)


def fee_table(on: date) -> FeeTable:
    """The fee table in force on ``on``; ``NotInForce`` before 2025-02-26."""
    v = _in_force("fees", _raw("fees"), on)
    return FeeTable(v["effective_from"], v.get("effective_to"),
                    frozenset(Scheme(s) for s in v["schemes"]), int(v["application_fee"]),
                    bool(v["refundable"]), int(v["issuance_fee_long"]),
                    int(v["issuance_fee_short"]), int(v["long_stay_over_days"]), v["source"],
                    v["source_revised"], str(v.get("notes", "")))


def processing_time(scheme: Scheme, application_type: ApplicationType, on: date
                    ) -> ProcessingTime | None:
    """ImmD's published time for the pair on ``on``, or None where none is published."""
    try:
        v = _in_force("processing_times", _raw("processing_times"), on)
    except NotInForce:
        return None
    found: ProcessingTime | None = None
    for t in v.get("time", []):
        kind = ApplicationType(t["application_type"])
        if kind is not application_type or t["scheme"] not in (scheme.value, "*"):
            continue
        weeks = _pair(t["weeks"], "processing_times")
        entry = ProcessingTime(t["scheme"], kind, weeks[0], weeks[1],
                               str(t.get("note", v.get("note", ""))), t["source"],
                               t["source_revised"])
        if t["scheme"] == scheme.value:
            return entry
        found = entry
    return found


def upload_rules(on: date) -> UploadRules:
    """The upload limits in force on ``on`` (the earliest known version before its date)."""
    raw = _raw("uploads")
    try:
        v = _in_force("uploads", raw, on)
    except NotInForce:
        v = min(raw["version"], key=lambda e: e["effective_from"])
    practice = v.get("practice", {})
    return UploadRules(v["effective_from"], tuple(v["types"]), int(v["max_bytes"]), v["source"],
                       str(v.get("colour_note", "")),
                       _pair(practice.get("scan_dpi"), "uploads"),
                       _pair(practice.get("jpeg_quality"), "uploads"),
                       str(practice.get("note", "")))


def prefiling_rules(on: date) -> PrefilingRules:
    """Thresholds and sources of the pre-filing checks (the earliest version before its date)."""
    raw = _raw("prefiling")
    try:
        v = _in_force("prefiling", raw, on)
    except NotInForce:
        v = min(raw["version"], key=lambda e: e["effective_from"])
    return PrefilingRules(v["effective_from"], int(v["passport_months_after_filing"]),
                          v["passport_source"], int(v["cies_extension_passport_months"]),
                          v["cies_source"], v["in_hong_kong_source"], v["limit_passed_source"],
                          v["immd_contact"], v["ttps_dependant_forms_source"])


SECTIONS = ("personal", "travel_document", "contact", "education", "employment", "job_offer",
            "dependants", "sponsor", "previous_stays")


def sheet_sections(application_type: ApplicationType, on: date) -> tuple[str, ...]:
    """The data sheet's sections for an application type, in the e-form's order."""
    raw = _raw("e_service_sections")
    try:
        v = _in_force("e_service_sections", raw, on)
    except NotInForce:
        v = min(raw["version"], key=lambda e: e["effective_from"])
    sections = tuple(v["sections"].get(application_type.value, ()))
    unknown = set(sections) - set(SECTIONS)
    if unknown or not sections:
        raise FilingDataError(f"filing/e_service_sections.toml: bad sections for "
                              f"{application_type.value}: {sorted(unknown)}")
    return sections
