"""SQLAlchemy models. Importing this package registers every table on ``Base.metadata``."""

from hkcase.store.models.activity import AuditEntry, EligibilityRun, Note, Reminder, TrashEntry
from hkcase.store.models.blobs import AttachmentBlob, AttachmentChunk
from hkcase.store.models.case_facts import CaseFactOverride, CaseFacts
from hkcase.store.models.cases import Case, Consultant, Counter, Stay
from hkcase.store.models.documents import ChecklistItem, Document
from hkcase.store.models.people import Client, Education, Employment, Relationship, TravelDocument
from hkcase.store.models.reminder_basis import ReminderBasis, ReminderRefresh
from hkcase.store.models.search import SearchEntry

__all__ = [
    "AttachmentBlob",
    "AttachmentChunk",
    "AuditEntry",
    "Case",
    "CaseFactOverride",
    "CaseFacts",
    "ChecklistItem",
    "Client",
    "Consultant",
    "Counter",
    "Document",
    "Education",
    "EligibilityRun",
    "Employment",
    "Note",
    "Relationship",
    "Reminder",
    "ReminderBasis",
    "ReminderRefresh",
    "SearchEntry",
    "Stay",
    "TrashEntry",
    "TravelDocument",
]
