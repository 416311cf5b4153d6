"""``hkcase demo``: fill a store with realistic synthetic clients and cases.

Used to try the application and by the benchmarks. Rows go in with Core bulk
inserts, in one transaction, so 100,000 clients load in seconds and a failure
leaves nothing behind.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from hkcase.domain.dates import add_months
from hkcase.domain.ids import normalise_hkid
from hkcase.domain.search_text import search_document
from hkcase.domain.vocab import (
    ApplicationType,
    EducationLevel,
    Outcome,
    RelationshipKind,
    Residence,
    Scheme,
    Sex,
    Stage,
    TravelDocumentType,
)
from hkcase.services import demo_names as names
from hkcase.store import Store
from hkcase.store.counters import CASE_REFERENCE, allocate, case_reference
from hkcase.store.models import (
    Case,
    Client,
    Consultant,
    Education,
    Employment,
    Relationship,
    SearchEntry,
    Stay,
    TravelDocument,
)

CHUNK = 5000

# Months granted by each stay in sequence (schemes.md §0.1, from 2022-12-28).
_PATTERNS: dict[Scheme, tuple[int, ...]] = {
    Scheme.GEP: (36, 36, 24),
    Scheme.ASMTP: (36, 36, 24),
    Scheme.QMAS_GPT: (36, 36, 24),
    Scheme.QMAS_ABPT: (36, 36, 24),
    Scheme.TECHTAS: (36, 36, 24),
    Scheme.TTPS: (24, 36, 36),
    Scheme.IANG: (24, 36, 36),
    Scheme.ASSG: (24, 36, 36),
    Scheme.NEW_CIES: (24, 36, 36),
}

_MAINLAND_SCHEMES = (
    (Scheme.ASMTP, 30), (Scheme.QMAS_GPT, 20), (Scheme.TTPS, 30), (Scheme.IANG, 12),
    (Scheme.TECHTAS, 3), (Scheme.NEW_CIES, 4), (Scheme.QMAS_ABPT, 1),
)
_OVERSEAS_SCHEMES = (
    (Scheme.GEP, 45), (Scheme.QMAS_GPT, 12), (Scheme.TTPS, 20), (Scheme.TECHTAS, 6),
    (Scheme.IANG, 8), (Scheme.ASSG, 5), (Scheme.NEW_CIES, 3), (Scheme.QMAS_ABPT, 1),
)
_OVERSEAS_NATIONALITIES = (
    ("IN", 14), ("US", 10), ("GB", 10), ("AU", 6), ("CA", 6), ("FR", 4), ("DE", 4),
    ("KR", 5), ("JP", 4), ("PH", 3), ("MY", 8), ("SG", 6), ("TW", 6), ("MO", 3),
)
_MAINLAND_AREAS = ("110101", "310104", "440305", "330106", "510107", "420106", "320102")


@dataclass(frozen=True)
class DemoReport:
    clients: int
    cases: int
    stays: int
    seconds: float


@dataclass
class _Chunk:
    principals: list[dict[str, Any]] = field(default_factory=list)
    dependants: list[dict[str, Any]] = field(default_factory=list)
    # Per principal: its cases, oldest first, each with the stays granted on it.
    principal_cases: list[list[tuple[dict[str, Any], list[dict[str, Any]]]]] = field(
        default_factory=list
    )
    # Per dependant: (index of its sponsor among principals, relationship kind, case, stays).
    dependant_links: list[tuple[int, RelationshipKind, dict[str, Any], list[dict[str, Any]]]] = (
        field(default_factory=list)
    )
    documents: list[tuple[bool, int, dict[str, Any]]] = field(default_factory=list)
    education: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    employment: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _weighted(rng: random.Random, options: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _mainland_id(rng: random.Random, born: date, sex: Sex) -> str:
    sequence = rng.randrange(0, 999)
    if (sequence % 2 == 1) != (sex is Sex.MALE):
        sequence = (sequence + 1) % 1000
    body = f"{rng.choice(_MAINLAND_AREAS)}{born:%Y%m%d}{sequence:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def _hkid(rng: random.Random) -> str:
    prefix = rng.choice("ACDEGHKMPRVZ")
    digits = f"{rng.randrange(10**6):06d}"
    for check in "0123456789A":
        try:
            return normalise_hkid(f"{prefix}{digits}({check})")
        except ValueError:
            continue
    raise AssertionError("every HKID body has a check character")


class _Generator:
    def __init__(self, rng: random.Random, today: date, now: datetime, consultants: list[int]):
        self.rng = rng
        self.today = today
        self.now = now
        self.consultants = consultants

    def _person(self, *, mainland: bool, nationality: str, born: date, sex: Sex) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.03 and not mainland:
            family, given, chinese = rng.choice(names.HKSCS_CHINESE_NAMES)
        elif mainland or nationality in ("TW", "MO", "MY", "SG"):
            pinyin, simplified, traditional = rng.choice(names.CHINESE_SURNAMES)
            syllables = rng.sample(names.GIVEN_SYLLABLES, rng.choice((1, 2, 2)))
            given = "".join(s[0] for s in syllables).capitalize()
            if mainland:
                family, chinese = pinyin, simplified + "".join(s[1] for s in syllables)
            else:
                family = names.CANTONESE_SURNAMES.get(traditional, pinyin)
                chinese = traditional + "".join(s[2] for s in syllables)
        else:
            pool = names.WESTERN_SURNAMES.get(nationality) or names.WESTERN_SURNAMES["GB"]
            family, given, chinese = rng.choice(pool), rng.choice(names.WESTERN_GIVEN), None
        return {
            "family_name": family,
            "given_names": given,
            "chinese_name": chinese,
            "sex": sex.value,
            "date_of_birth": born,
            "nationality": nationality,
            "residence": (Residence.MAINLAND_CHINA if mainland else Residence.OVERSEAS).value,
            "hkid": None,
            "mainland_id": _mainland_id(rng, born, sex) if mainland else None,
            "email": None,
            "phone": f"+852 {rng.randrange(5000, 9999)} {rng.randrange(1000, 9999)}",
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def _travel_document(self, mainland: bool, nationality: str) -> dict[str, Any]:
        rng = self.rng
        issued = self.today - timedelta(days=rng.randrange(30, 3000))
        if mainland and rng.random() < 0.5:
            kind, number, years = TravelDocumentType.PRC_EXIT_ENTRY_PERMIT, "C", 10
        elif mainland:
            kind, number, years = TravelDocumentType.PRC_PASSPORT, "E", 10
        else:
            kind, number, years = TravelDocumentType.PASSPORT, rng.choice("KLMNPRST"), 10
        return {
            "doc_type": kind.value,
            "number": f"{number}{rng.randrange(10**7, 10**8)}",
            "issuing_country": "CN" if mainland else nationality,
            "issue_date": issued,
            "expiry_date": add_months(issued, 12 * years) - timedelta(days=1),
        }

    def _case(self, scheme: Scheme, kind: ApplicationType, employer: str | None) -> dict[str, Any]:
        return {
            "scheme": scheme.value,
            "application_type": kind.value,
            "stage": Stage.INTAKE.value,
            "outcome": Outcome.PENDING.value,
            "immd_file_ref": None,
            "employer": employer,
            "consultant_id": self.rng.choice(self.consultants),
            "opened_on": self.today,
            "submitted_on": None,
            "decided_on": None,
            "closed_on": None,
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def _granted_cases(
        self, scheme: Scheme, employer: str | None, limit: date, extensions: int
    ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """Cases for the first grant and each extension, ending at ``limit``."""
        rng = self.rng
        months = _PATTERNS[scheme]
        grants = []
        end = limit
        for number in range(extensions, -1, -1):
            start = add_months(end, -months[min(number, len(months) - 1)])
            grants.append((number, start, end))
            end = start
        grants.reverse()
        result = []
        for number, start, end in grants:
            kind = ApplicationType.NEW if number == 0 else ApplicationType.EXTENSION
            case = self._case(scheme, kind, employer)
            granted = start - timedelta(days=rng.randrange(10, 60))
            opened = granted - timedelta(days=rng.randrange(40, 150))
            case.update(
                opened_on=opened,
                submitted_on=opened + timedelta(days=rng.randrange(7, 30)),
                decided_on=granted,
                outcome=Outcome.APPROVED.value,
                stage=Stage.DECIDED.value if number == extensions else Stage.CLOSED.value,
                closed_on=None if number == extensions else granted + timedelta(days=7),
                immd_file_ref=f"{scheme.value[:2]}{rng.randrange(10**6, 10**7)}",
            )
            stay = {
                "extension_number": number,
                "granted_on": granted,
                "entry_date": start if number == 0 else None,
                "limit_of_stay": end,
                "condition_of_stay": None if scheme in (Scheme.TTPS, Scheme.QMAS_GPT) else
                "employment as approved",
                "created_at": self.now,
            }
            result.append((case, [stay]))
        return result

    def fill(self, chunk: _Chunk, count: int) -> None:
        """Add principals with their dependants until the chunk holds ``count`` clients."""
        rng = self.rng
        made = 0
        while made < count:
            mainland = rng.random() < 0.55
            nationality = "CN" if mainland else _weighted(rng, _OVERSEAS_NATIONALITIES)
            scheme = _weighted(rng, _MAINLAND_SCHEMES if mainland else _OVERSEAS_SCHEMES)
            age = rng.randint(22, 28) if scheme is Scheme.IANG else rng.randint(24, 58)
            born = self.today - timedelta(days=age * 365 + rng.randrange(365))
            sex = rng.choice((Sex.FEMALE, Sex.MALE))
            person = self._person(mainland=mainland, nationality=nationality, born=born, sex=sex)
            index = len(chunk.principals)
            employer, industry = rng.choice(names.EMPLOYERS)
            employer_on_case = employer if scheme in (
                Scheme.GEP, Scheme.ASMTP, Scheme.TECHTAS) else None
            roll = rng.random()
            if roll < 0.82:
                limit = self.today + timedelta(days=rng.randrange(-20, 3 * 365))
                cases = self._granted_cases(
                    scheme, employer_on_case, limit, rng.choice((0, 0, 0, 1, 1, 2))
                )
                person["hkid"] = _hkid(rng) if rng.random() < 0.7 else None
            else:
                case = self._case(scheme, ApplicationType.NEW, employer_on_case)
                opened = self.today - timedelta(days=rng.randrange(0, 150))
                stage = rng.choice((Stage.INTAKE, Stage.PREPARING, Stage.SUBMITTED))
                case.update(opened_on=opened, stage=stage.value)
                if stage is Stage.SUBMITTED:
                    case["submitted_on"] = opened + timedelta(days=rng.randrange(0, 3))
                if roll > 0.97:
                    case.update(stage=Stage.CLOSED.value, outcome=Outcome.WITHDRAWN.value,
                                closed_on=opened + timedelta(days=20))
                cases = [(case, [])]
            chunk.principals.append(person)
            chunk.principal_cases.append(cases)
            chunk.documents.append((True, index, self._travel_document(mainland, nationality)))
            self._history(chunk, index, born, mainland, employer, industry)
            made += 1
            if cases[-1][1] and made < count:
                made += self._dependants(chunk, index, person, cases[-1], count - made)

    def _history(
        self, chunk: _Chunk, index: int, born: date, mainland: bool, employer: str, industry: str
    ) -> None:
        rng = self.rng
        university, country = rng.choice(names.UNIVERSITIES)
        graduated = date(born.year + 22, 7, 1)
        chunk.education.append((index, {
            "level": EducationLevel.BACHELOR.value, "institution": university,
            "country": country, "field_of_study": rng.choice(("Computer Science", "Finance",
                                                                "Biology", "Law", "Economics")),
            "full_time": True, "start_date": date(born.year + 18, 9, 1),
            "award_date": graduated,
        }))
        if rng.random() < 0.4:
            university, country = rng.choice(names.UNIVERSITIES)
            chunk.education.append((index, {
                "level": rng.choice((EducationLevel.MASTER, EducationLevel.DOCTORATE)).value,
                "institution": university, "country": country, "field_of_study": None,
                "full_time": True, "start_date": date(born.year + 23, 9, 1),
                "award_date": date(born.year + 24, 11, 15),
            }))
        start = date(born.year + 23, 8, 1)
        if start < self.today:
            chunk.employment.append((index, {
                "employer": employer, "position": rng.choice(names.POSITIONS),
                "country": "HK", "industry": industry, "start_date": start, "end_date": None,
                "full_time": True, "senior_role": rng.random() < 0.2,
                "multinational": rng.random() < 0.4,
                "annual_income_hkd": rng.randrange(300, 4000) * 1000,
            }))

    def _dependants(
        self, chunk: _Chunk, sponsor: int, person: dict[str, Any],
        sponsor_case: tuple[dict[str, Any], list[dict[str, Any]]], room: int,
    ) -> int:
        rng = self.rng
        made = 0
        sponsor_stay = sponsor_case[1][-1]
        wanted = []
        if rng.random() < 0.25:
            wanted.append(RelationshipKind.SPOUSE)
        if rng.random() < 0.15:
            wanted.append(RelationshipKind.CHILD)
        for kind in wanted[:room]:
            mainland = person["residence"] == Residence.MAINLAND_CHINA.value
            nationality = person["nationality"]
            if kind is RelationshipKind.CHILD:
                born = self.today - timedelta(days=rng.randrange(365, 17 * 365))
            else:
                born = person["date_of_birth"] + timedelta(days=rng.randrange(-1500, 1500))
            sex = rng.choice((Sex.FEMALE, Sex.MALE))
            dependant = self._person(mainland=mainland, nationality=nationality, born=born, sex=sex)
            if kind is RelationshipKind.CHILD:
                dependant["family_name"] = person["family_name"]
            case = self._case(Scheme.DEPENDANT, ApplicationType.DEPENDANT, None)
            granted = sponsor_stay["granted_on"] + timedelta(days=rng.randrange(0, 20))
            case.update(opened_on=granted - timedelta(days=60), stage=Stage.DECIDED.value,
                        outcome=Outcome.APPROVED.value, decided_on=granted,
                        submitted_on=granted - timedelta(days=45))
            stay = {
                "extension_number": 0, "granted_on": granted, "entry_date": None,
                "limit_of_stay": sponsor_stay["limit_of_stay"],
                "condition_of_stay": "dependant", "created_at": self.now,
            }
            dep_index = len(chunk.dependants)
            chunk.dependants.append(dependant)
            chunk.dependant_links.append((sponsor, kind, case, [stay]))
            chunk.documents.append((False, dep_index, self._travel_document(mainland, nationality)))
            made += 1
        return made


def _insert_returning_ids(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    table = model.__table__
    statement = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(sa.insert(model.__table__), rows)


def _ensure_consultants(session: Session) -> list[int]:
    existing = dict(session.execute(sa.select(Consultant.name, Consultant.id)).all())
    for name in names.CONSULTANTS:
        if name not in existing:
            consultant = Consultant(name=name)
            session.add(consultant)
            session.flush()
            existing[name] = consultant.id
    return [existing[name] for name in names.CONSULTANTS]


def _write_chunk(session: Session, chunk: _Chunk) -> tuple[int, int]:
    principal_ids = _insert_returning_ids(session, Client, chunk.principals)
    dependant_ids = _insert_returning_ids(session, Client, chunk.dependants)
    cases = [c for cases in chunk.principal_cases for c in cases]
    cases += [(case, stays) for _, _, case, stays in chunk.dependant_links]
    numbers = allocate(session, CASE_REFERENCE, len(cases)) if cases else range(0)
    owners = [pid for pid, own in zip(principal_ids, chunk.principal_cases, strict=True)
              for _ in own]
    owners += dependant_ids
    for (case, _), number, owner in zip(cases, numbers, owners, strict=True):
        case["reference"] = case_reference(case["opened_on"].year, number)
        case["client_id"] = owner
        case.setdefault("sponsor_case_id", None)
    principal_count = len(cases) - len(chunk.dependant_links)
    principal_case_ids = _insert_returning_ids(
        session, Case, [c for c, _ in cases[:principal_count]]
    )
    # A dependant's case follows its sponsor's current (last) case.
    current_case_of: list[int] = []
    position = 0
    for own in chunk.principal_cases:
        position += len(own)
        current_case_of.append(principal_case_ids[position - 1])
    for sponsor, _, case, _ in chunk.dependant_links:
        case["sponsor_case_id"] = current_case_of[sponsor]
    dependant_case_ids = _insert_returning_ids(
        session, Case, [c for c, _ in cases[principal_count:]]
    )
    stays = []
    for case_id, (_, case_stays) in zip(
        principal_case_ids + dependant_case_ids, cases, strict=True
    ):
        for stay in case_stays:
            stays.append({**stay, "case_id": case_id})
    _insert(session, Stay, stays)
    _insert(session, TravelDocument, [
        {**doc, "client_id": (principal_ids if principal else dependant_ids)[i]}
        for principal, i, doc in chunk.documents
    ])
    _insert(session, Education, [{**row, "client_id": principal_ids[i]}
                                 for i, row in chunk.education])
    _insert(session, Employment, [{**row, "client_id": principal_ids[i]}
                                  for i, row in chunk.employment])
    _insert(session, SearchEntry, _search_rows(
        chunk, cases, principal_case_ids + dependant_case_ids, principal_ids, dependant_ids))
    _insert(session, Relationship, [
        {"sponsor_id": principal_ids[sponsor], "dependant_id": dependant_ids[n],
         "kind": kind.value, "since": None}
        for n, (sponsor, kind, _, _) in enumerate(chunk.dependant_links)
    ])
    return len(cases), len(stays)


def _search_rows(chunk: _Chunk, cases: list[tuple[dict[str, Any], list[dict[str, Any]]]],
                 case_ids: list[int], principal_ids: list[int], dependant_ids: list[int]
                 ) -> list[dict[str, Any]]:
    people = {pid: person for pid, person in zip(principal_ids, chunk.principals, strict=True)}
    people.update(zip(dependant_ids, chunk.dependants, strict=True))
    numbers: dict[int, list[str]] = {}
    for principal, i, doc in chunk.documents:
        owner = (principal_ids if principal else dependant_ids)[i]
        numbers.setdefault(owner, []).append(doc["number"])
    rows = []
    for case_id, (case, _) in zip(case_ids, cases, strict=True):
        person = people[case["client_id"]]
        rows.append({"case_id": case_id, "document": search_document([
            case["reference"], case["immd_file_ref"], person["family_name"],
            person["given_names"], person["chinese_name"], person["hkid"],
            person["mainland_id"], *numbers.get(case["client_id"], [])])})
    return rows


def generate_demo(
    store: Store,
    clients: int,
    *,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> DemoReport:
    """Add ``clients`` synthetic clients (principals and their dependants) with cases and stays.

    Everything is written in one transaction.
    """
    if clients < 1:
        raise ValueError("the number of clients must be at least 1")
    started = datetime.now(UTC)
    rng = random.Random(seed)
    total_cases = total_stays = 0
    with store.transaction() as session:
        generator = _Generator(rng, today or date.today(), started, _ensure_consultants(session))
        done = 0
        while done < clients:
            chunk = _Chunk()
            generator.fill(chunk, min(CHUNK, clients - done))
            cases, stays = _write_chunk(session, chunk)
            done += len(chunk.principals) + len(chunk.dependants)
            total_cases += cases
            total_stays += stays
            if progress is not None:
                progress(done)
    seconds = (datetime.now(UTC) - started).total_seconds()
    return DemoReport(clients=clients, cases=total_cases, stays=total_stays, seconds=seconds)
