"""The demo's synthetic people and their cases, stays, documents and histories, in memory.

``Generator.fill`` adds rows to a ``Chunk`` (plain dicts, the shape of the tables); the
bulk writer (``bulk.py``) inserts them. Every choice comes from the one seeded ``rng``, in
a fixed order: the same seed and day give the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from hkcase.domain.dates import add_months
from hkcase.domain.vocab import (
    ApplicationType,
    EducationLevel,
    Outcome,
    RelationshipKind,
    Residence,
    Scheme,
    Sex,
    Stage,
)
from hkcase.services.demo import names
from hkcase.services.demo.facts import (
    Applicant,
    dependant_facts,
    list_lookup_answer,
    principal_facts,
)
from hkcase.services.demo.ids import hkid as _hkid
from hkcase.services.demo.ids import mainland_id as _mainland_id
from hkcase.services.demo.ids import travel_document

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


@dataclass
class Chunk:
    """One batch of rows to insert together (``bulk.write_chunk``)."""

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


def _first_grant(scheme: Scheme, limit: date, extensions: int) -> date:
    months = _PATTERNS[scheme]
    for number in range(extensions, -1, -1):
        limit = add_months(limit, -months[min(number, len(months) - 1)])
    return limit - timedelta(days=60)


class Generator:
    """Makes principals with their dependants, cases and histories from ``rng``."""

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
            "is_demo": True,
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
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
            "contract_end": None,
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def _limit(self, scheme: Scheme, extensions: int) -> date:
        """The current limit of stay: spread over the coming years, a realistic few passed.

        The stay it ends began at least two months ago, so its grant, decision and the
        case's opening all lie in the past."""
        rng = self.rng
        if rng.random() < 0.03:
            return self.today - timedelta(days=rng.randrange(1, 45))
        months = _PATTERNS[scheme][min(extensions, len(_PATTERNS[scheme]) - 1)]
        latest = min(add_months(self.today, months) - timedelta(days=61),
                     self.today + timedelta(days=3 * 365))
        return self.today + timedelta(days=rng.randrange(1, (latest - self.today).days))

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

    def fill(self, chunk: Chunk, count: int) -> None:
        """Add principals with their dependants until the chunk holds ``count`` clients."""
        rng = self.rng
        made = 0
        while made < count:
            mainland = rng.random() < 0.55
            nationality = "CN" if mainland else _weighted(rng, names.OVERSEAS_NATIONALITIES)
            scheme = _weighted(rng, names.MAINLAND_SCHEMES if mainland else names.OVERSEAS_SCHEMES)
            age = rng.randint(22, 28) if scheme is Scheme.IANG else rng.randint(20, 42) \
                if scheme is Scheme.ASSG else rng.randint(24, 58)
            born = self.today - timedelta(days=age * 365 + rng.randrange(365))
            sex = rng.choice((Sex.FEMALE, Sex.MALE))
            person = self._person(mainland=mainland, nationality=nationality, born=born, sex=sex)
            index = len(chunk.principals)
            employer, industry = rng.choice(names.EMPLOYERS)
            employer_on_case = employer if scheme in (
                Scheme.GEP, Scheme.ASMTP, Scheme.TECHTAS) else None
            roll = rng.random()
            if roll < 0.82:
                extensions = rng.choice((0, 0, 0, 1, 1, 2))
                limit = self._limit(scheme, extensions)
                while extensions and _first_grant(scheme, limit, extensions) < names.LAUNCHED.get(
                        scheme, date.min):
                    extensions -= 1  # no stay granted before the scheme began
                    limit = self._limit(scheme, extensions)
                cases = self._granted_cases(scheme, employer_on_case, limit, extensions)
                person["hkid"] = _hkid(rng) if rng.random() < 0.7 else None
            else:
                case = self._case(scheme, ApplicationType.NEW, employer_on_case)
                opened = self.today - timedelta(days=rng.randrange(0, 150))
                stage = rng.choice((Stage.INTAKE, Stage.PREPARING, Stage.SUBMITTED))
                case.update(opened_on=opened, stage=stage.value)
                if stage is Stage.SUBMITTED:
                    case["submitted_on"] = min(self.today,
                                               opened + timedelta(days=rng.randrange(0, 3)))
                if roll > 0.97:
                    case.update(stage=Stage.CLOSED.value, outcome=Outcome.WITHDRAWN.value,
                                closed_on=min(self.today, opened + timedelta(days=20)))
                cases = [(case, [])]
            chunk.principals.append(person)
            chunk.principal_cases.append(cases)
            document = travel_document(rng, self.today, mainland, nationality)
            chunk.documents.append((True, index, document))
            graduated = cases[0][0]["opened_on"] - timedelta(days=rng.randrange(20, 150)) \
                if scheme is Scheme.IANG else None
            applicant = self._history(chunk, index, born, nationality, employer, industry,
                                      graduated, stem=scheme is Scheme.TECHTAS)
            for case, stays in cases:
                case["_facts"] = principal_facts(rng, scheme, applicant, self.today)
                if stays and "start_date" in case["_facts"].facts:  # the job began then
                    case["_facts"].facts["start_date"] = stays[0]["granted_on"]
                if case["_facts"].facts.get("start_date") and case["stage"] != "decided" \
                        and case["stage"] != "closed":
                    case["contract_end"] = add_months(case["_facts"].facts["start_date"],
                                                      rng.choice((24, 36))) - timedelta(days=1)
            made += 1
            if cases[-1][1] and made < count:
                made += self._dependants(chunk, index, person, cases[-1], count - made)

    def _history(
        self, chunk: Chunk, index: int, born: date, nationality: str, employer: str,
        industry: str, graduated_hk: date | None, stem: bool = False,
    ) -> Applicant:
        mainland = nationality == "CN"
        rng = self.rng
        university, country = rng.choice(names.UNIVERSITIES)
        graduated = date(born.year + 22, 7, 1)
        bachelor = {
            "level": EducationLevel.BACHELOR.value, "institution": university,
            "country": country, "field_of_study": rng.choice(
                names.STEM_FIELDS if stem else names.FIELDS_OF_STUDY),
            "full_time": True, "start_date": date(born.year + 18, 9, 1),
            "award_date": graduated,
        }
        bachelor.update(list_lookup_answer(rng, university))
        chunk.education.append((index, bachelor))
        highest = "bachelor"
        if graduated_hk is not None:  # IANG: a Hong Kong degree just before the first case
            highest = "master"
            chunk.education.append((index, {
                "level": EducationLevel.MASTER.value, "country": "HK",
                "institution": rng.choice(names.HK_UNIVERSITIES), "field_of_study": None,
                "full_time": True, "start_date": graduated_hk - timedelta(days=420),
                "award_date": graduated_hk}))
        elif rng.random() < 0.4:
            university, country = rng.choice(names.UNIVERSITIES)
            level = rng.choice((EducationLevel.MASTER, EducationLevel.DOCTORATE))
            highest = level.value
            chunk.education.append((index, {
                "level": level.value,
                "institution": university, "country": country, "field_of_study": None,
                "full_time": True, "start_date": date(born.year + 23, 9, 1),
                "award_date": date(born.year + 24, 11, 15),
            }))
        start = graduated_hk + timedelta(days=30) if graduated_hk else date(born.year + 23, 8, 1)
        position = rng.choice(names.POSITIONS)
        abroad = 0.0 if graduated_hk else rng.choice((0.0, 0.0, 1.5, 2.5, 4.0))
        income: int | None = None
        if abroad:
            chunk.employment.append((index, {
                "employer": rng.choice(names.EMPLOYERS)[0], "position": position,
                "country": "SG" if mainland else "GB", "industry": industry,
                "start_date": start - timedelta(days=int(abroad * 365.25)),
                "end_date": start - timedelta(days=1), "full_time": True,
                "senior_role": False, "multinational": True, "annual_income_hkd": None}))
        if start < self.today:
            income = rng.choice((4, 6, 8, 10, 12, 15, 18, 22, 26, 30, 40)) * 100_000
            chunk.employment.append((index, {
                "employer": employer, "position": position,
                "country": "HK", "industry": industry, "start_date": start, "end_date": None,
                "full_time": True, "senior_role": rng.random() < 0.2,
                "multinational": rng.random() < 0.4,
                "annual_income_hkd": income,
            }))
        return Applicant(nationality=nationality, mainland=mainland, born=born,
                         income_hkd=income, highest=highest, position=position,
                         employer=employer, years_abroad=abroad)

    def _dependants(
        self, chunk: Chunk, sponsor: int, person: dict[str, Any],
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
                # The child's surname, English and Chinese, is the sponsor's.
                dependant["family_name"] = person["family_name"]
                parent_zh, child_zh = person["chinese_name"], dependant["chinese_name"]
                dependant["chinese_name"] = parent_zh[0] + child_zh[1:] \
                    if parent_zh and child_zh else None
            case = self._case(Scheme.DEPENDANT, ApplicationType.DEPENDANT, None)
            granted = min(self.today,
                          sponsor_stay["granted_on"] + timedelta(days=rng.randrange(0, 20)))
            case.update(opened_on=granted - timedelta(days=60), stage=Stage.DECIDED.value,
                        outcome=Outcome.APPROVED.value, decided_on=granted,
                        submitted_on=granted - timedelta(days=45))
            stay = {
                "extension_number": 0, "granted_on": granted, "entry_date": None,
                "limit_of_stay": sponsor_stay["limit_of_stay"],
                "condition_of_stay": "dependant", "created_at": self.now,
            }
            case["_facts"] = dependant_facts(rng, kind.value, Scheme(sponsor_case[0]["scheme"]),
                                             self.today)
            dep_index = len(chunk.dependants)
            chunk.dependants.append(dependant)
            chunk.dependant_links.append((sponsor, kind, case, [stay]))
            document = travel_document(rng, self.today, mainland, nationality)
            chunk.documents.append((False, dep_index, document))
            made += 1
        return made

