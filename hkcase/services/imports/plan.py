"""From rows to a plan: which rows make new clients, which update existing ones, which are refused.

Nothing is written here; ``apply.apply_plan`` writes a plan in one transaction.
A row matches an existing client by passport number, or else by family name,
given names and date of birth (case ignored). The same person twice in one
file is refused the second time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from hkcase.domain.countries import UnknownCountryError, normalise_country
from hkcase.domain.ids import IdNumberError, normalise_hkid, parse_mainland_id
from hkcase.domain.messages import say, tr
from hkcase.domain.plausibility import longest_stay_months
from hkcase.domain.vocab import Residence, Scheme, TravelDocumentType
from hkcase.services.errors import NeedsConfirmation, ValidationError
from hkcase.services.imports import values as V
from hkcase.services.imports.columns import COLUMNS, DATE_COLUMNS, column_for
from hkcase.services.imports.progress import CHECKING, READING, Progress, silent
from hkcase.services.imports.reading import Sheet, read_sheet
from hkcase.services.records import ClientInput, TravelDocumentInput, check_person
from hkcase.store import Store
from hkcase.store.models import Case, Client, Stay, TravelDocument

NEW = "new"
UPDATE = "update"
_CHUNK = 500


@dataclass(frozen=True)
class Rejection:
    """Why a row is not imported: its spreadsheet row number, the column, the reason (in the
    interface's language; the JSON says it in English)."""

    row: int
    column: str
    reason: str
    #: Who the row is about, as typed (shown in the preview; not in the JSON).
    name: str = field(default="", compare=False)

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": say(self.reason, "en")}


@dataclass
class RowPlan:
    """An accepted row: what it will create or change."""

    row: int
    action: str  # NEW or UPDATE
    values: dict[str, Any]  # the parsed non-blank cells, by column
    client_id: int | None = None
    version: int | None = None
    name: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    """What importing a file would do; ``apply.apply_plan`` does it."""

    source: Path
    encoding: str | None
    columns: dict[int, str]  # position in the file → column
    ignored: list[str]  # headers not recognised (reported, never guessed)
    rows: list[RowPlan]
    rejected: list[Rejection]
    today: date

    @property
    def new(self) -> int:
        return sum(r.action == NEW for r in self.rows)

    @property
    def updated(self) -> int:
        return sum(r.action == UPDATE for r in self.rows)

    def as_json(self) -> dict[str, Any]:
        """``{"new": N, "updated": N, "rejected": [{"row", "column", "reason"}]}``."""
        return {"new": self.new, "updated": self.updated,
                "rejected": [r.as_json() for r in self.rejected]}


def _map_columns(sheet: Sheet) -> tuple[dict[int, str], list[str]]:
    columns: dict[int, str] = {}
    ignored: list[str] = []
    seen: dict[str, str] = {}
    for index, header in enumerate(sheet.headers):
        if not header:
            continue
        name = column_for(header)
        if name is None:
            ignored.append(header)
            continue
        if name in seen:
            raise ValidationError("file", tr("columns {first} and {second} both give {name}; "
                                             "keep one of them", first=repr(seen[name]),
                                             second=repr(header), name=name))
        seen[name] = header
        columns[index] = name
    for needed in ("family_name", "date_of_birth"):
        if needed not in seen:
            raise ValidationError("file", tr("the file has no {column} column (headers "
                                             "{headers}; see the template)", column=needed,
                                             headers=", ".join(COLUMNS)))
    return columns, ignored


def _month_first_columns(sheet: Sheet, columns: dict[int, str]) -> set[int]:
    found = set()
    for index, name in columns.items():
        if name in DATE_COLUMNS:
            cells = (row[index] for row in sheet.rows)
            if any(isinstance(c, str) and V.us_order_only(c) for c in cells):
                found.add(index)
    return found


def _parse_cell(name: str, cell: Any, month_first: bool) -> Any:
    """One cell's value, or ``CellError`` with the reason."""
    if name in DATE_COLUMNS:
        return V.parse_date(cell, month_first_seen=month_first)
    value = V.text(cell)
    if value is None:
        return None
    try:
        match name:
            case "family_name":
                return value.upper()
            case "sex":
                return V.parse_sex(value)
            case "nationality":
                return normalise_country(value)
            case "passport_number":
                return "".join(value.split()).upper()
            case "hkid":
                return normalise_hkid(value)
            case "mainland_id":
                return parse_mainland_id(value).number
            case "email":
                return V.parse_email(value)
            case "scheme":
                return V.parse_scheme(value)
            case "residence":
                return V.parse_residence(value)
    except (IdNumberError, UnknownCountryError) as exc:
        raise V.CellError(exc.args[0] if exc.args else str(exc)) from None
    return value


def _parse_row(row: list[Any], number: int, columns: dict[int, str], month_first: set[int]
               ) -> tuple[dict[str, Any], list[Rejection]]:
    values: dict[str, Any] = {}
    errors: list[Rejection] = []
    for index, name in columns.items():
        try:
            value = _parse_cell(name, row[index] if index < len(row) else None,
                                index in month_first)
        except V.CellError as exc:
            errors.append(Rejection(number, name, exc.args[0] if exc.args else str(exc)))
            continue
        if value is not None:
            values[name] = value
    if "passport_expiry" in values and "passport_number" not in values:
        errors.append(Rejection(number, "passport_expiry", tr(
            "a passport expiry needs the passport number beside it")))
    if "limit_of_stay" in values and "scheme" not in values:
        errors.append(Rejection(number, "scheme", tr(
            "a limit of stay needs the scheme it was granted under")))
    if "granted_on" in values and "limit_of_stay" not in values:
        errors.append(Rejection(number, "granted_on",
                                tr("a grant date needs the limit of stay")))
    return values, errors


@dataclass
class _Existing:
    by_passport: dict[str, int]
    by_identity: dict[tuple[str, str, date], list[int]]
    clients: dict[int, tuple[int, str, str, date]]  # id → version, family, given, born


def _existing(store: Store, parsed: list[dict[str, Any]]) -> _Existing:
    numbers = sorted({v["passport_number"] for v in parsed if "passport_number" in v})
    births = sorted({v["date_of_birth"] for v in parsed if "date_of_birth" in v})
    found = _Existing({}, defaultdict(list), {})
    with store.reading() as session:
        for start in range(0, len(numbers), _CHUNK):
            for number, client_id in session.execute(
                    sa.select(TravelDocument.number, TravelDocument.client_id).where(
                        TravelDocument.number.in_(numbers[start:start + _CHUNK]))):
                found.by_passport.setdefault(number, client_id)
        wanted = set(found.by_passport.values())
        for start in range(0, len(births), _CHUNK):
            for client_id, family, given, born in session.execute(
                    sa.select(Client.id, Client.family_name, Client.given_names,
                              Client.date_of_birth).where(
                        Client.date_of_birth.in_(births[start:start + _CHUNK]))):
                found.by_identity[(family.upper(), (given or "").upper(), born)].append(client_id)
                wanted.add(client_id)
        ids = sorted(wanted)
        for start in range(0, len(ids), _CHUNK):
            for client_id, version, family, given, born in session.execute(
                    sa.select(Client.id, Client.version, Client.family_name, Client.given_names,
                              Client.date_of_birth).where(
                        Client.id.in_(ids[start:start + _CHUNK]))):
                found.clients[client_id] = (version, family, given or "", born)
    return found


def _identity(values: dict[str, Any]) -> tuple[str, str, date] | None:
    if "family_name" not in values or "date_of_birth" not in values:
        return None
    return (values["family_name"], values.get("given_names", "").upper(),
            values["date_of_birth"])


def _check_new(number: int, values: dict[str, Any], today: date) -> list[Rejection]:
    """A new client needs what the client editor needs, checked by the same service."""
    errors = [Rejection(number, name, what)
              for name, what in (("family_name", tr("a new client needs a family name")),
                                 ("sex", tr("a new client needs their sex")),
                                 ("date_of_birth", tr("a new client needs a date of birth")),
                                 ("nationality", tr("a new client needs a nationality")))
              if name not in values]
    if errors:
        return errors
    try:
        check_person(client_input(values), today, principal=values.get("scheme") not in (
            None, Scheme.DEPENDANT), confirm=False)
    except NeedsConfirmation as exc:  # the editor would ask; a file cannot answer
        return [Rejection(number, exc.field if exc.field in values else "date_of_birth",
                          tr("{questions} Correct the row, or add the client in the app and "
                             "confirm it there.", questions=" ".join(exc.questions)))]
    except ValidationError as exc:
        return [Rejection(number, exc.field if exc.field in values else "date_of_birth",
                          exc.message)]
    return []


def residence_of(values: dict[str, Any]) -> tuple[Residence, bool]:
    """The row's residence, or one taken from the nationality (True: to be confirmed)."""
    if "residence" in values:
        return values["residence"], False
    return V.RESIDENCE_FROM_NATIONALITY.get(values.get("nationality", ""),
                                            Residence.OVERSEAS), True


def passport_type(nationality: str | None) -> TravelDocumentType:
    return TravelDocumentType.PRC_PASSPORT if nationality == "CN" else \
        TravelDocumentType.PASSPORT


def client_input(values: dict[str, Any]) -> ClientInput:
    """The row as the client editor's input (for the shared checks and for saving)."""
    docs = []
    if "passport_number" in values:
        docs.append(TravelDocumentInput(
            passport_type(values.get("nationality")), values["passport_number"],
            values.get("nationality", "XX"), expiry_date=values.get("passport_expiry")))
    return ClientInput(
        family_name=values.get("family_name", ""), given_names=values.get("given_names", ""),
        sex=values["sex"], date_of_birth=values["date_of_birth"],
        nationality=values.get("nationality", ""), residence=residence_of(values)[0],
        chinese_name=values.get("chinese_name"), hkid=values.get("hkid"),
        mainland_id=values.get("mainland_id"), email=values.get("email"),
        phone=values.get("phone"), travel_documents=docs)


def _match(number: int, values: dict[str, Any], existing: _Existing
           ) -> tuple[int | None, list[Rejection]]:
    by_number = existing.by_passport.get(values.get("passport_number", ""))
    if by_number is not None:
        _, family, given, born = existing.clients[by_number]
        if "date_of_birth" in values and values["date_of_birth"] != born:
            return None, [Rejection(number, "date_of_birth", tr(
                "passport {passport} belongs to client {client} ({name}), born {born}, not "
                "{given}: check the row", passport=values["passport_number"], client=by_number,
                name=f"{family} {given}", born=born, given=values["date_of_birth"]))]
        return by_number, []
    identity = _identity(values)
    candidates = existing.by_identity.get(identity, []) if identity else []
    if len(set(candidates)) > 1:
        return None, [Rejection(number, "family_name", tr(
            "matches several existing clients with this name and date of birth (numbers "
            "{numbers}): add the passport number",
            numbers=", ".join(map(str, sorted(set(candidates))))))]
    return (candidates[0] if candidates else None), []


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def _check_stay(number: int, values: dict[str, Any], today: date,
                stays: dict[tuple[int, Scheme], list[date]], client_id: int | None
                ) -> list[Rejection]:
    """A limit of stay that cannot be right is refused (the 2082-for-2028 kind of typo)."""
    limit = values.get("limit_of_stay")
    if limit is None:
        return []
    granted = values.get("granted_on")
    if granted is not None and limit <= granted:
        return [Rejection(number, "limit_of_stay",
                          tr("the limit of stay must fall after the grant date"))]
    if granted is None and limit <= today:
        return [Rejection(number, "limit_of_stay", tr(
            "the limit of stay {limit} has passed: give the grant date in a granted_on column, "
            "or record the stay in the case", limit=limit))]
    longest = longest_stay_months(values["scheme"])
    start = granted or today
    if longest is not None and limit > _add_months(start, longest + 1):
        return [Rejection(number, "limit_of_stay", tr(
            "is {limit} right? {scheme} grants at most {months} months at a time, so the limit "
            "should fall before {before}", limit=limit, scheme=values["scheme"].value,
            months=longest, before=_add_months(start, longest + 1)))]
    recorded = stays.get((client_id, values["scheme"]), []) if client_id is not None else []
    if recorded and limit not in recorded and limit < max(recorded):
        return [Rejection(number, "limit_of_stay", tr(
            "{limit} is earlier than the limit already recorded ({recorded}); hkcase keeps the "
            "later one: correct it in the case", limit=limit, recorded=max(recorded)))]
    return []


def case_stays(store: Store, client_ids: list[int]) -> dict[tuple[int, Scheme], list[date]]:
    """The limits of stay already recorded per (client, scheme)."""
    found: dict[tuple[int, Scheme], list[date]] = defaultdict(list)
    with store.reading() as session:
        for start in range(0, len(client_ids), _CHUNK):
            for client_id, scheme, limit in session.execute(
                    sa.select(Case.client_id, Case.scheme, Stay.limit_of_stay)
                    .join(Stay, Stay.case_id == Case.id)
                    .where(Case.client_id.in_(client_ids[start:start + _CHUNK]))):
                found[(client_id, scheme)].append(limit)
    return found


def _typed_name(row: list[Any], columns: dict[int, str]) -> str:
    parts = {name: V.text(row[i]) for i, name in columns.items()
             if name in ("family_name", "given_names", "chinese_name") and i < len(row)}
    return " ".join(p for k in ("family_name", "given_names", "chinese_name")
                    if (p := parts.get(k)))


def plan_rows(store: Store, sheet: Sheet, source: Path, *, today: date | None = None,
              progress: Progress = silent) -> ImportPlan:
    """The plan for an already read sheet (``progress`` may raise ``Cancelled``)."""
    today = today or date.today()
    columns, ignored = _map_columns(sheet)
    month_first = _month_first_columns(sheet, columns)
    total = 2 * len(sheet.rows)  # parsing, then matching and checking
    parsed = []
    for position, (cells, number) in enumerate(zip(sheet.rows, sheet.numbers, strict=True)):
        if position % _CHUNK == 0:
            progress(CHECKING, position, total)
        parsed.append(_parse_row(cells, number, columns, month_first))
    existing = _existing(store, [values for values, _ in parsed])
    stays = case_stays(store, sorted(existing.clients))
    plan = ImportPlan(source, sheet.encoding, columns, ignored, [], [], today)
    first_seen: dict[Any, int] = {}
    for position, (number, (values, errors)) in enumerate(
            zip(sheet.numbers, parsed, strict=True)):
        if position % _CHUNK == 0:
            progress(CHECKING, len(parsed) + position, total)
        keys = [("passport", values["passport_number"])] if "passport_number" in values else []
        if (identity := _identity(values)) is not None:
            keys.append(("identity", identity))
        earlier = next((first_seen[k] for k in keys if k in first_seen), None)
        if not errors and earlier is not None:
            errors = [Rejection(number, "passport_number" if keys[0][0] == "passport"
                                else "family_name",
                                tr("the same person as row {row}", row=earlier))]
        if not errors:
            client_id, errors = _match(number, values, existing)
            if not errors and client_id is None:
                errors = _check_new(number, values, today)
            if not errors:
                errors = _check_stay(number, values, today, stays, client_id)
        if errors:
            who = _typed_name(sheet.rows[position], columns)
            plan.rejected.extend(Rejection(e.row, e.column, e.reason, who) for e in errors)
            continue
        for key in keys:
            first_seen.setdefault(key, number)
        name = " ".join(str(values[k]) for k in ("family_name", "given_names", "chinese_name")
                        if k in values)
        if client_id is None:
            row = RowPlan(number, NEW, values, name=name)
            residence, assumed = residence_of(values)
            if assumed:
                row.notes.append(tr("residence {residence} taken from the nationality (no "
                                    "residence column): confirm it",
                                    residence=residence.value))
        else:
            version, family, given, _ = existing.clients[client_id]
            row = RowPlan(number, UPDATE, values, client_id, version,
                          name or f"{family} {given}".strip())
        plan.rows.append(row)
    progress(CHECKING, total, total)
    return plan


def plan_import(store: Store, source: Path, *, encoding: str | None = None,
                today: date | None = None, progress: Progress = silent) -> ImportPlan:
    """Read ``source`` (CSV or XLSX) and work out what importing it would do."""
    progress(READING, 0, 0)
    sheet = read_sheet(Path(source), encoding=encoding)
    return plan_rows(store, sheet, Path(source), today=today, progress=progress)
