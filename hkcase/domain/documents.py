"""A checklist's lines and their files as plain values: what the services return and print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from hkcase.domain.checklists import Lang
from hkcase.domain.messages import current_language, tr
from hkcase.domain.vocab import ChecklistState, ItemBasis


@dataclass(frozen=True)
class DocumentVersion:
    """One uploaded version of a file for a checklist item."""

    id: int
    item_id: int
    version_no: int
    sha256: str
    size_bytes: int
    original_name: str
    stored_path: str  # relative to the attachments folder
    media_type: str
    expiry_date: date | None
    uploaded_at: datetime
    uploaded_by: str | None
    warnings: tuple[str, ...] = ()

    def path(self, attachments_dir: Path) -> Path:
        """The stored file on this machine."""
        return attachments_dir.joinpath(*PurePosixPath(self.stored_path).parts)


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of a case's checklist, with its newest file (if any)."""

    id: int
    case_id: int
    code: str
    position: int
    title_en: str
    title_zh: str | None
    title_zh_cn: str | None
    form_no: str | None
    mandatory: bool
    state: ChecklistState
    notes: str | None
    source: str | None
    basis: ItemBasis
    template_id: str | None
    version_count: int
    latest: DocumentVersion | None

    def title(self, lang: Lang) -> str:
        """The title in ``lang``, falling back to Traditional Chinese, then English."""
        if lang is Lang.ZH_CN and self.title_zh_cn:
            return self.title_zh_cn
        if lang is not Lang.EN and self.title_zh:
            return self.title_zh
        return self.title_en


@dataclass(frozen=True)
class ExpiryWarning:
    """A document whose latest version expires before (or soon after) the filing date."""

    item_id: int
    item_title: str
    document_id: int
    original_name: str
    version_no: int
    expiry_date: date
    filing_date: date
    expired: bool  # True: expired by the filing date; False: expires within the margin
    item_title_zh: str | None = None
    item_title_zh_cn: str | None = None

    def title(self, lang: Lang) -> str:
        """The item's title in ``lang``, falling back to Traditional Chinese, then English."""
        if lang is Lang.ZH_CN and self.item_title_zh_cn:
            return self.item_title_zh_cn
        if lang is not Lang.EN and self.item_title_zh:
            return self.item_title_zh
        return self.item_title

    @property
    def message(self) -> str:
        """The warning in the interface's language, the item named in it."""
        title = self.title(Lang(current_language()))
        if self.expired:
            return tr("{title}: {file} expires on {day}, before the filing date {filing}",
                      title=title, file=self.original_name, day=self.expiry_date,
                      filing=self.filing_date)
        return tr("{title}: {file} expires on {day}, {days} days after the filing date",
                  title=title, file=self.original_name, day=self.expiry_date,
                  days=(self.expiry_date - self.filing_date).days)
