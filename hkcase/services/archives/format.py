"""The hkcase archive: an open ZIP format for every row and file, checked member by member.

Layout::

    manifest.json               format, scope, schema revision, every member's sha256 and size
    README.txt                  what the archive holds, in plain words
    tables/<table>.json         one JSON array per table, one object per row (column → value)
    attachments/<aa>/<sha>.ext  the stored files, as in the attachments folder

Values are JSON: dates and timestamps ISO 8601 (timestamps in UTC with the
offset), enumerations their stored value, decimals as strings (exact), binary
data base64, JSON columns as JSON. The tables come from the models' metadata,
so a table added to the models is archived without a change here.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

import sqlalchemy as sa

from hkcase.domain.messages import tr
from hkcase.services.errors import ValidationError
from hkcase.store.base import Base

FORMAT = "hkcase-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"
TABLES_DIR = "tables/"
ATTACHMENTS_DIR = "attachments/"

#: Scopes: everything (restorable with ``import-archive``) or one person's data (PDPO).
FULL = "full"
CLIENT = "client"


class ArchiveError(ValidationError):
    """An archive that cannot be written or read; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__("archive", message)


#: Tables archived as files, not rows: the shared store's attachment content (its
#: files are the archive's ``attachments/`` members, whichever store wrote them).
CONTENT_TABLES = frozenset({"attachment_blob", "attachment_chunk"})


def tables() -> list[sa.Table]:
    """Every table the models define, parents before children (not the content tables)."""
    import hkcase.store.models  # noqa: F401  (registers every table)

    return [t for t in Base.metadata.sorted_tables if t.name not in CONTENT_TABLES]


def member_for(table: sa.Table) -> str:
    return f"{TABLES_DIR}{table.name}.json"


def _kind(column_type: sa.types.TypeEngine[Any]) -> str:
    """How values of a column type are written: one of the codec names below."""
    if isinstance(column_type, sa.TypeDecorator):
        return _kind(column_type.impl_instance)
    checks: tuple[tuple[type[Any], str], ...] = (
        (sa.Enum, "enum"), (sa.JSON, "json"), (sa.Boolean, "bool"), (sa.DateTime, "datetime"),
        (sa.Date, "date"), (sa.Time, "time"), (sa.Float, "float"), (sa.Numeric, "decimal"),
        (sa.Integer, "int"), (sa.LargeBinary, "binary"), (sa.String, "str"),
    )
    for cls, kind in checks:
        if isinstance(column_type, cls):
            return kind
    raise ArchiveError(f"the archive cannot hold columns of type {column_type!r}")


def _dump_datetime(value: datetime) -> str:
    return (value.astimezone(UTC) if value.tzinfo else value).isoformat()


_DUMP: dict[str, Callable[[Any], Any]] = {
    "enum": lambda v: v.value if isinstance(v, Enum) else v,
    "datetime": _dump_datetime,
    "date": lambda v: v.isoformat(), "time": lambda v: v.isoformat(),
    "decimal": str, "binary": lambda v: base64.b64encode(bytes(v)).decode("ascii"),
}


def _load_datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


_LOAD: dict[str, Callable[[Any], Any]] = {
    "datetime": _load_datetime, "date": date.fromisoformat, "time": time.fromisoformat,
    "decimal": Decimal, "binary": lambda v: base64.b64decode(v),
}


@dataclass(frozen=True)
class Codec:
    """Turns one table's rows into JSON objects and back."""

    table: sa.Table
    kinds: dict[str, str]

    @classmethod
    def of(cls, table: sa.Table) -> Codec:
        return cls(table, {c.name: _kind(c.type) for c in table.columns})

    def dump(self, row: Mapping[str, Any] | sa.RowMapping) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind in self.kinds.items():
            value = row[name]
            dump = _DUMP.get(kind)
            out[name] = value if value is None or dump is None else dump(value)
        return out

    def load(self, data: dict[str, Any]) -> dict[str, Any]:
        unknown = set(data) - set(self.kinds)
        if unknown:
            raise ArchiveError(tr("table {table} in the archive has columns this hkcase does "
                                  "not know: {columns}", table=self.table.name,
                                  columns=", ".join(sorted(unknown))))
        out: dict[str, Any] = {}
        for name, kind in self.kinds.items():
            if name not in data and self.table.c[name].default is not None:
                continue  # a column newer than the archive: its insert default fills it
            value = data.get(name)
            if value is not None:
                if kind == "enum":
                    enum_class = getattr(self.table.c[name].type, "enum_class", None)
                    value = enum_class(value) if enum_class is not None else value
                elif kind in _LOAD:
                    value = _LOAD[kind](value)
            out[name] = value
        return out


def dumps(value: Any) -> bytes:
    """Compact, stable JSON (keys sorted, Chinese kept as characters)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def readme(scope: str, revision: str) -> str:
    what = ("every record and attached file of this hkcase database" if scope == FULL else
            "the personal data hkcase holds about one person (a data access request under "
            "the Personal Data (Privacy) Ordinance)")
    return (
        f"hkcase archive ({scope}), schema revision {revision}\n\n"
        f"This archive holds {what}.\n\n"
        "tables/<name>.json   one JSON array per table; each row is an object of column values\n"
        "attachments/         the attached documents (scans, PDFs) under their sha256\n"
        "manifest.json        the sha256 and size of every file in this archive\n\n"
        "Dates are YYYY-MM-DD; times are ISO 8601 in UTC. Any JSON reader or spreadsheet\n"
        "program with a JSON import opens the tables; no hkcase is needed to read them.\n"
    )
