"""Reading a CSV or XLSX file into header and rows, with the spreadsheet's own row numbers."""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hkcase.domain.messages import tr
from hkcase.services.errors import ValidationError

log = logging.getLogger(__name__)

#: Encodings the import reads; ``big5`` is read as Big5-HKSCS (its superset).
ENCODINGS = ("utf-8", "utf-8-sig", "big5", "big5hkscs", "gb18030", "gbk", "gb2312")
_CANONICAL = {"big5": "big5hkscs", "gbk": "gb18030", "gb2312": "gb18030", "utf-8": "utf-8-sig"}
#: More than this many rows is not a firm's client list; refuse before reading it all.
MAX_ROWS = 200_000
MAX_BYTES = 100 * 1024 * 1024

Cell = str | int | float | date | datetime | bool | None


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows; ``rows[i]`` is spreadsheet row ``numbers[i]``."""

    headers: list[str]
    rows: list[list[Cell]]
    numbers: list[int]
    encoding: str | None  # None for xlsx


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes; else Big5-HKSCS or GB18030 by detection."""
    try:
        data.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["big5hkscs", "big5", "gb18030"]).best()
    if best is None:
        raise ValidationError("encoding", tr("cannot tell the file's encoding: save it as "
                                             "UTF-8, or give --encoding big5 or --encoding "
                                             "gb18030"))
    return _CANONICAL.get(best.encoding, best.encoding)


def _csv(path: Path, encoding: str | None) -> Sheet:
    data = path.read_bytes()
    if encoding is None:
        chosen = detect_encoding(data)
    else:
        chosen = _CANONICAL.get(encoding.lower().replace("_", "-"), encoding.lower())
        if chosen.replace("-", "") not in {e.replace("-", "") for e in (*ENCODINGS, "utf-8-sig")}:
            raise ValidationError("encoding", tr("{encoding} is not an encoding the import "
                                                 "reads (utf-8, big5, big5hkscs, gb18030)",
                                                 encoding=repr(encoding)))
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        raise ValidationError("encoding", tr("{name} is not {encoding} (byte {byte} cannot be "
                                             "read); try another --encoding", name=path.name,
                                             encoding=chosen, byte=exc.start)) from None
    dialect: type[csv.Dialect] | csv.Dialect
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records = list(csv.reader(io.StringIO(text), dialect))
    return _sheet(path, [list(r) for r in records], chosen)


def _xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        log.info("workbook not read: %s", exc.__class__.__name__)  # the cause, for support
        raise ValidationError("file", tr("{name} cannot be read as an Excel workbook: save it "
                                         "again from Excel as .xlsx, or as CSV",
                                         name=path.name)) from None
    try:
        sheet = book.worksheets[0]
        records: list[list[Cell]] = []
        for row in sheet.iter_rows(values_only=True):
            records.append([_cell(value) for value in row])
            if len(records) > MAX_ROWS + 1:
                break
    finally:
        book.close()
    return _sheet(path, records, None)


def _cell(value: object) -> Cell:
    """An Excel cell as text, a number, a date or None (rich text and the like as text)."""
    if value is None or isinstance(value, str | int | float | date | datetime | bool):
        return value
    return str(value)


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(path: Path, records: list[list[Cell]], encoding: str | None) -> Sheet:
    first = next((i for i, r in enumerate(records) if not all(_blank(c) for c in r)), None)
    if first is None:
        raise ValidationError("file", tr("{name} is empty", name=path.name))
    if len(records) > MAX_ROWS + 1:
        raise ValidationError("file", tr("{name} has more than {most:,} rows", name=path.name,
                                         most=MAX_ROWS))
    headers = ["" if c is None else str(c).strip() for c in records[first]]
    rows, numbers = [], []
    for index in range(first + 1, len(records)):
        row = records[index]
        if all(_blank(c) for c in row):
            continue
        rows.append(list(row) + [None] * (len(headers) - len(row)))
        numbers.append(index + 1)  # the spreadsheet's row number (header is row 1)
    return Sheet(headers, rows, numbers, encoding)


def read_sheet(path: Path, *, encoding: str | None = None) -> Sheet:
    """The file's header and rows; ``ValidationError`` for a file that cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", tr("{path} is not a file", path=path))
    size = path.stat().st_size
    if size == 0:
        raise ValidationError("file", tr("{name} is empty", name=path.name))
    if size > MAX_BYTES:
        raise ValidationError("file", tr("{name} is larger than {most} MB", name=path.name,
                                         most=MAX_BYTES // 2**20))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv(path, encoding)
    raise ValidationError("file", tr("{name}: the import reads .csv and .xlsx files (save an "
                                     ".xls or .numbers file as .xlsx first)", name=path.name))
