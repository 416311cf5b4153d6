"""The fixed vocabularies of hkcase, shared by every layer.

Values are the strings stored in the database and used in JSON and on the CLI;
renaming one needs a migration.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache


@lru_cache(maxsize=4096)
def fold_choice(text: str) -> str:
    """A typed choice in the form choice values take: "International trade" → "international_trade".

    Case, surrounding spaces, inner spaces and hyphens do not matter.
    """
    return re.sub(r"[\s\-]+", "_", text.strip()).casefold()


class Scheme(StrEnum):
    """Admission schemes an application can be made under."""

    ASMTP = "ASMTP"
    GEP = "GEP"
    QMAS_GPT = "QMAS_GPT"
    QMAS_ABPT = "QMAS_ABPT"
    TTPS = "TTPS"
    TECHTAS = "TECHTAS"
    IANG = "IANG"
    ASSG = "ASSG"
    NEW_CIES = "NEW_CIES"
    DEPENDANT = "DEPENDANT"


class ApplicationType(StrEnum):
    NEW = "new"
    EXTENSION = "extension"
    CHANGE_OF_EMPLOYMENT = "change_of_employment"
    DEPENDANT = "dependant"
    PERMANENT_RESIDENCE = "permanent_residence"


class Stage(StrEnum):
    """Where the consultant's own work on a case stands."""

    INTAKE = "intake"
    PREPARING = "preparing"
    SUBMITTED = "submitted"
    DECIDED = "decided"
    CLOSED = "closed"


class Outcome(StrEnum):
    """The government's decision, kept apart from the stage."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


#: Stages at which an outcome other than ``pending`` may be recorded.
DECIDED_STAGES: frozenset[Stage] = frozenset({Stage.DECIDED, Stage.CLOSED})


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


class Residence(StrEnum):
    MAINLAND_CHINA = "mainland_china"
    HONG_KONG = "hong_kong"
    MACAO = "macao"
    TAIWAN = "taiwan"
    OVERSEAS = "overseas"


class TravelDocumentType(StrEnum):
    PASSPORT = "passport"
    PRC_PASSPORT = "prc_passport"
    PRC_EXIT_ENTRY_PERMIT = "prc_exit_entry_permit"
    TAIWAN_ENTRY_PERMIT = "taiwan_entry_permit"
    DOCUMENT_OF_IDENTITY = "document_of_identity"
    OTHER = "other"


class EducationLevel(StrEnum):
    SECONDARY = "secondary"
    SUB_DEGREE = "sub_degree"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"
    OTHER = "other"


class RelationshipKind(StrEnum):
    """How a dependant is related to a sponsor."""

    SPOUSE = "spouse"
    SAME_SEX_SPOUSE = "same_sex_spouse"
    CIVIL_PARTNER = "civil_partner"
    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"


class ChecklistState(StrEnum):
    MISSING = "missing"
    REQUESTED = "requested"
    RECEIVED = "received"
    REVIEWED = "reviewed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    NOT_APPLICABLE = "not_applicable"


#: An item that needs nothing more: its document accepted, or not needed for this case.
SETTLED_CHECKLIST_STATES = frozenset({ChecklistState.ACCEPTED, ChecklistState.NOT_APPLICABLE})


class ItemBasis(StrEnum):
    """Where a checklist item comes from."""

    IMMD = "immd"  # ImmD's or GovHK's own published document list
    PRACTICE = "practice"  # second-hand or practice: the official list was not found or cut off
    CONSULTANT = "consultant"  # added to one case by the consultant


class ReminderKind(StrEnum):
    """Why a reminder exists; reminders are generated, never typed."""

    BEFORE_LIMIT = "before_limit"
    WINDOW_OPENS = "window_opens"
    FINAL_WEEK = "final_week"
    TRAVEL_DOCUMENT_EXPIRY = "travel_document_expiry"
    DOCUMENT_EXPIRY = "document_expiry"
    SPONSOR_LIMIT_CHANGED = "sponsor_limit_changed"
    PERMANENT_RESIDENCE = "permanent_residence"


class ReminderState(StrEnum):
    PENDING = "pending"
    SNOOZED = "snoozed"
    DONE = "done"
    DISMISSED = "dismissed"


class NoteKind(StrEnum):
    NOTE = "note"
    ACTIVITY = "activity"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
