"""Two consultants, two desktops, one database: the second save is told who got there first."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.app import AppContext, open_app
from hkcase.config.locations import Locations
from hkcase.config.settings import Settings, save_settings
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.services.cases.facts import load_case_facts, save_case_facts
from hkcase.services.clients import get_client, update_client
from hkcase.services.conflicts import ADVICE, ColleagueConflict, local_time
from hkcase.services.records import CaseInput, ClientInput, create_case, create_client, update_case
from hkcase.store import ConflictError, sqlite_url
from hkcase.store.models import AuditEntry, Case, Client
from tests.pg_server import PostgresServer

Desktops = tuple[AppContext, AppContext]


def _desktop(folder: Path, name: str) -> AppContext:
    save_settings(Settings(consultant_name=name), Locations.resolve(folder).settings_file)
    return open_app(folder, daily_backup=False)


def _two_desktops(tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
                  ) -> Iterator[Desktops]:
    # Two data folders (two desktops' settings), one database URL.
    monkeypatch.setenv("HKCASE_DATABASE_URL", url)
    ben = _desktop(tmp_path / "ben-desktop", "Ben Lau")
    amy = _desktop(tmp_path / "amy-desktop", "Amy Chow")
    yield ben, amy
    ben.close()
    amy.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desktops(request: pytest.FixtureRequest, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[Desktops]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path / "office.sqlite3")
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        url = server.create_database()
    yield from _two_desktops(tmp_path, url, monkeypatch)


def _client_and_case(ctx: AppContext) -> tuple[int, int]:
    client = create_client(ctx.store, ClientInput(
        family_name="CHAN", given_names="Tai Man", sex=Sex.MALE, date_of_birth=date(1985, 1, 1),
        nationality="HK", residence=Residence.HONG_KONG, chinese_name="陳大文"), actor=ctx.actor)
    case = create_case(ctx.store, CaseInput(client, Scheme.GEP, ApplicationType.NEW,
                                            date(2026, 11, 2)), actor=ctx.actor)
    return client, case.id


def _case_version(ctx: AppContext, case_id: int) -> int:
    with ctx.store.reading() as session:
        return session.get_one(Case, case_id).version


def _named(caught: pytest.ExceptionInfo[ConflictError], who: str, subject: str) -> None:
    error = caught.value
    assert isinstance(error, ColleagueConflict)
    assert error.changed_by == who
    assert error.changed_at is not None
    # The colleague's save of a moment ago, in this desktop's time zone (not shifted).
    assert abs(datetime.now(UTC) - error.changed_at) < timedelta(minutes=2)
    # "Changed by Ben Lau at 14:32: reload, or keep yours and review the differences"
    assert re.fullmatch(rf"Changed by {who} at \d\d:\d\d: {re.escape(ADVICE)} "
                        rf"\({re.escape(subject)}\)", str(error)), str(error)
    assert f"at {error.changed_at:%H:%M}:" in str(error)


def test_the_second_save_of_a_case_names_the_colleague(desktops: Desktops) -> None:
    ben, amy = desktops
    _, case_id = _client_and_case(amy)
    opened = _case_version(amy, case_id)  # both open the case
    assert _case_version(ben, case_id) == opened
    update_case(ben.store, case_id, opened, actor=ben.actor, immd_file_ref="GE/1/2026")
    with pytest.raises(ConflictError) as caught:
        update_case(amy.store, case_id, opened, actor=amy.actor, immd_file_ref="GE/2/2026")
    _named(caught, "Ben Lau", "case 2026-000001")
    with amy.store.reading() as session:  # never a silent overwrite
        assert session.get_one(Case, case_id).immd_file_ref == "GE/1/2026"


def test_the_second_save_of_case_facts_names_the_colleague(desktops: Desktops) -> None:
    ben, amy = desktops
    _, case_id = _client_and_case(ben)
    opened = load_case_facts(amy.store, case_id).version
    save_case_facts(amy.store, case_id, opened, {"salary_hkd": 60_000,
                                                 "salary_period": "monthly"}, actor=amy.actor)
    with pytest.raises(ConflictError) as caught:
        save_case_facts(ben.store, case_id, opened, {"salary_hkd": 1,
                                                     "salary_period": "monthly"}, actor=ben.actor)
    _named(caught, "Amy Chow", "case 2026-000001")


def test_the_second_save_of_a_client_names_the_colleague(desktops: Desktops) -> None:
    ben, amy = desktops
    client_id, _ = _client_and_case(ben)
    opened_by_ben, opened_by_amy = get_client(ben.store, client_id), get_client(amy.store,
                                                                                 client_id)
    update_client(amy.store, client_id, opened_by_amy.version,
                  dataclasses.replace(opened_by_amy.data, phone="+852 9123 4567"),
                  actor=amy.actor)
    with pytest.raises(ConflictError) as caught:
        update_client(ben.store, client_id, opened_by_ben.version,
                      dataclasses.replace(opened_by_ben.data, email="chan@example.com"),
                      actor=ben.actor)
    _named(caught, "Amy Chow", "CHAN Tai Man")
    with ben.store.reading() as session:
        client = session.get_one(Client, client_id)
        assert (client.phone, client.email) == ("+852 9123 4567", None)


def test_each_desktops_consultant_is_the_audit_actor(desktops: Desktops) -> None:
    ben, amy = desktops
    assert (ben.actor, amy.actor) == ("Ben Lau", "Amy Chow")
    _, case_id = _client_and_case(ben)
    update_case(amy.store, case_id, _case_version(amy, case_id), actor=amy.actor,
                immd_file_ref="GE/9/2026")
    with ben.store.reading() as session:
        actors = session.execute(sa.select(AuditEntry.entity, AuditEntry.actor)
                                 .order_by(AuditEntry.id)).all()
    assert [tuple(row) for row in actors] == [("client", "Ben Lau"), ("case", "Ben Lau"),
                                              ("case", "Amy Chow")]


def test_without_an_audit_entry_the_message_still_explains(desktops: Desktops) -> None:
    ben, amy = desktops
    _, case_id = _client_and_case(ben)
    opened = _case_version(amy, case_id)
    with ben.store.transaction() as session:  # a change the audit does not know
        session.execute(sa.delete(AuditEntry))
        session.get_one(Case, case_id).immd_file_ref = "GE/5/2026"
    with pytest.raises(ConflictError, match=r"^Changed by someone else since you opened it: "
                       + re.escape(ADVICE)):
        update_case(amy.store, case_id, opened, actor=amy.actor, immd_file_ref="GE/6/2026")


@pytest.mark.parametrize(("delta", "shape"), [
    (timedelta(minutes=-5), r"\d\d:\d\d"),
    (timedelta(days=-40), r"\d{1,2} [A-Z][a-z]{2} \d\d:\d\d"),
    (timedelta(days=-800), r"\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d")])
def test_the_time_is_the_desktops_local_time(delta: timedelta, shape: str) -> None:
    now = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
    moment = now + delta
    text = local_time(moment.replace(tzinfo=None), now=now)  # naive values are UTC
    assert re.fullmatch(shape, text)
    assert text.endswith(moment.astimezone().strftime("%H:%M"))


