"""Spreadsheet import on real CSV and XLSX files: matching, refusals, encodings, all or nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from hkcase.domain.vocab import Outcome, Residence, Scheme, Sex, Stage, TravelDocumentType
from hkcase.services.clients import get_client, update_client
from hkcase.services.imports import apply_plan, plan_import
from hkcase.services.records import ClientInput, TravelDocumentInput, create_client
from hkcase.store import ConflictError, Store, open_store, sqlite_url
from hkcase.store.models import AuditEntry, Case, Client, Note, Stay, TravelDocument

TODAY = date(2026, 12, 1)
HEADER = ("family_name,given_names,chinese_name,sex,date_of_birth,nationality,passport_number,"
          "passport_expiry,hkid,email,phone,scheme,limit_of_stay")


def _write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _existing(store: Store) -> tuple[int, int]:
    by_passport = create_client(store, ClientInput(
        family_name="Lee", given_names="Ka Yan", sex=Sex.FEMALE, date_of_birth=date(1991, 6, 1),
        nationality="GB", residence=Residence.OVERSEAS, travel_documents=[TravelDocumentInput(
            TravelDocumentType.PASSPORT, "534123456", "GB", expiry_date=date(2029, 1, 1))]),
        actor="tester")
    by_name = create_client(store, ClientInput(
        family_name="Ho", given_names="Wing", sex=Sex.MALE, date_of_birth=date(1985, 2, 3),
        nationality="CA", residence=Residence.OVERSEAS), actor="tester")
    return by_passport, by_name


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_new_updated_and_rejected_rows(any_store: Store, tmp_path: Path) -> None:
    lee, ho = _existing(any_store)
    source = _write(tmp_path / "clients.csv", [
        HEADER + ",Referred by",
        "Chan,Tai Man,陳大文,M,04/03/1990,GB,123456789,2031-05-31,A123456(3),tm@example.com,"
        "+852 9123 4567,TTPS,2027-08-31,Mr Wong",
        "LEE,Ka Yan,李嘉欣,,,,534123456,2033-01-01,,kayan@example.com,,,,",  # by passport
        "Ho,Wing,何榮,,03/02/1985,,,,,,,,,",  # by name and date of birth
        "Cheung,Siu Ming,,M,1990-01-01,GB,,,A123456(4),,,,,",  # wrong HKID check digit
        "Ng,,,F,31/02/1990,Narnia,,,,,,,,",  # impossible date, unknown country
        "Lam,Ka Ho,,M,1992-05-05,GB,,,,,,QMAS,,",  # QMAS is two schemes
        "Yip,Man,,M,1980-01-01,GB,,,,,,GEP,2082-11-25,",  # the 2082 typo
        "Chan,Tai Man,,M,04/03/1990,GB,123456789,,,,,,,",  # the same person again
        ",,,,,,,,,,,,,",  # blank: skipped, keeps numbering
        "Tse,Wai,,X,1979-12-31,JP,TR1234567,,,,,,,",
        "Young,Kid,,M,2020-01-01,GB,,,,,,TTPS,,",  # a principal aged 6: the editor would ask
    ])
    plan = plan_import(any_store, source, today=TODAY)
    assert plan.ignored == ["Referred by"]
    rejected = {(r.row, r.column): r.reason for r in plan.rejected}
    assert set(rejected) == {(5, "hkid"), (6, "date_of_birth"), (6, "nationality"),
                             (7, "scheme"), (8, "limit_of_stay"), (9, "passport_number"),
                             (12, "date_of_birth")}
    assert rejected[(12, "date_of_birth")].startswith("Is ") and "confirm it there" in \
        rejected[(12, "date_of_birth")]
    assert "wrong check character" in rejected[(5, "hkid")]
    assert "two schemes" in rejected[(7, "scheme")]
    assert "is 2082-11-25 right?" in rejected[(8, "limit_of_stay")]
    assert rejected[(9, "passport_number")] == "the same person as row 2"
    assert [(r.row, r.action, r.client_id) for r in plan.rows] == [
        (2, "new", None), (3, "update", lee), (4, "update", ho), (11, "new", None)]
    assert plan.as_json()["new"] == 2 and plan.as_json()["updated"] == 2

    result = apply_plan(any_store, plan, actor="importer")
    assert result.cases == 1 and result.stays == 1
    with any_store.reading() as session:
        chan = session.scalars(sa.select(Client).where(Client.family_name == "CHAN")).one()
        assert (chan.chinese_name, chan.hkid, chan.phone) == ("陳大文", "A123456(3)",
                                                              "+852 9123 4567")
        assert chan.date_of_birth == date(1990, 3, 4) and chan.residence is Residence.OVERSEAS
        case = session.scalars(sa.select(Case).where(Case.client_id == chan.id)).one()
        assert (case.scheme, case.stage, case.outcome) == (Scheme.TTPS, Stage.DECIDED,
                                                           Outcome.APPROVED)
        stay = session.scalars(sa.select(Stay).where(Stay.case_id == case.id)).one()
        assert (stay.limit_of_stay, stay.granted_on) == (date(2027, 8, 31), TODAY)
        notes = session.scalars(sa.select(Note.body).where(Note.case_id == case.id)).all()
        assert any("no grant date" in n for n in notes)
        kayan = session.get(Client, lee)
        assert kayan is not None and kayan.chinese_name == "李嘉欣"
        assert kayan.email == "kayan@example.com" and kayan.sex is Sex.FEMALE  # blanks kept
        passport = session.scalars(sa.select(TravelDocument).where(
            TravelDocument.client_id == lee)).one()
        assert passport.expiry_date == date(2033, 1, 1)
        wing = session.get(Client, ho)
        assert wing is not None and wing.chinese_name == "何榮" and wing.version == 2
        audited = session.scalars(sa.select(AuditEntry).where(
            AuditEntry.actor == "importer", AuditEntry.entity == "client")).all()
        assert len(audited) == 4
    # Importing the same file again changes nothing and creates no one twice.
    again = plan_import(any_store, source, today=TODAY)
    assert again.new == 0 and again.updated == 4
    apply_plan(any_store, again, actor="importer")
    assert _count(any_store, Client) == 4 and _count(any_store, Stay) == 1


def test_all_or_nothing_when_a_client_changes_meanwhile(any_store: Store,
                                                        tmp_path: Path) -> None:
    lee, _ = _existing(any_store)
    source = _write(tmp_path / "clients.csv", [
        HEADER, "Chan,Tai Man,,M,1990-03-04,GB,,,,,,,",
        "Lee,Ka Yan,李嘉欣,,,,534123456,,,,,,"])
    plan = plan_import(any_store, source, today=TODAY)
    assert (plan.new, plan.updated) == (1, 1)
    record = get_client(any_store, lee)
    record.data.phone = "+44 20 7946 0000"
    update_client(any_store, lee, record.version, record.data, actor="colleague")
    clients, audits = _count(any_store, Client), _count(any_store, AuditEntry)
    with pytest.raises(ConflictError, match="nothing was imported"):
        apply_plan(any_store, plan, actor="importer")
    assert (_count(any_store, Client), _count(any_store, AuditEntry)) == (clients, audits)


@pytest.mark.parametrize("encoding", ["big5hkscs", "gb18030", "utf-8-sig", "utf-8"])
def test_chinese_headers_in_every_encoding(sqlite_store: Store, tmp_path: Path,
                                           encoding: str) -> None:
    traditional = encoding in ("big5hkscs", "utf-8-sig")
    header = ("姓,名,中文姓名,性別,出生日期,國籍,護照號碼,護照屆滿日期,逗留期限,計劃" if traditional
              else "姓,名,中文姓名,性别,出生日期,国籍,护照号码,护照有效期,逗留期限,计划")
    names = ("鄺志峯", "陳美玲", "黃子聰") if traditional else ("张伟", "陈美玲", "黄子聪")
    rows = [header] + [
        f"Family{n},Given,{name},{'男' if n % 2 else '女'},0{n}/05/1990,英國,K0{n}123456,"
        f"2030-01-0{n},2027-0{n}-15,高才通" for n, name in enumerate(names, start=1)]
    source = _write(tmp_path / "clients.csv", rows, encoding)
    plan = plan_import(sqlite_store, source, today=TODAY)
    assert plan.rejected == [] and plan.ignored == []
    assert plan.encoding == ("big5hkscs" if encoding == "big5hkscs" else
                             "gb18030" if encoding == "gb18030" else "utf-8-sig")
    assert [r.values["chinese_name"] for r in plan.rows] == list(names)
    assert {r.values["nationality"] for r in plan.rows} == {"GB"}
    assert plan.rows[0].values["scheme"] is Scheme.TTPS
    assert plan.rows[0].values["sex"] is Sex.MALE


def test_xlsx_date_cells_and_ambiguous_dates(sqlite_store: Store, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Surname", "Given names", "Sex", "Date of birth", "Nationality",
                  "Passport No.", "Passport expiry"])
    sheet.append(["Au", "Yeung", "M", datetime(1990, 3, 4), "GB", "P1", "2031-05-31"])
    sheet.append(["Bo", "Lin", "F", "12/25/1990", "GB", "P2", None])  # month first
    sheet.append(["Cho", "Kit", "F", "03/04/1990", "GB", "P3", None])  # ambiguous beside it
    sheet.append(["Dai", "Ho", "M", 32937, "GB", "P4", None])  # a number, not a date cell
    sheet.append(["Fok", "Yan", "F", "4/3/90", "GB", "P5", None])  # two-digit year
    sheet.append(["Gu", "Ling", "F", "1990年3月4日", "GB", "P6", None])
    source = tmp_path / "clients.xlsx"
    book.save(source)
    plan = plan_import(sqlite_store, source, today=TODAY)
    reasons = {r.row: r.reason for r in plan.rejected}
    assert set(reasons) == {3, 4, 5, 6}
    assert "month first" in reasons[3] and "ambiguous" in reasons[4]
    assert "a number, not a date" in reasons[5] and "two-digit year" in reasons[6]
    assert [(r.row, r.values["date_of_birth"]) for r in plan.rows] == [
        (2, date(1990, 3, 4)), (7, date(1990, 3, 4))]
    assert plan.rows[0].values["passport_expiry"] == date(2031, 5, 31)


def _hkcase(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ})


def test_cli_json_dry_run_and_import(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = _write(tmp_path / "clients.csv", [
        HEADER, "Chan,Tai Man,陳大文,M,04/03/1990,GB,123456789,,A123456(3),,,TTPS,2027-08-31",
        "Ng,,,F,1990-01-01,GB,,,A123456(4),,,,"])
    expected = {"new": 1, "updated": 0, "rejected": [
        {"row": 3, "column": "hkid", "reason": (
            "HKID A123456(4) has a wrong check character: A123456 needs (3); please re-read "
            "the card")}]}
    dry = _hkcase("--data-dir", str(data), "import", str(source), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == expected
    store = open_store(sqlite_url(data / "hkcase.sqlite3"), backup_dir=data / "backups")
    try:
        assert _count(store, Client) == 0
    finally:
        store.close()
    real = _hkcase("--data-dir", str(data), "import", str(source), "--json")
    assert real.returncode == 0, real.stderr
    assert json.loads(real.stdout) == expected
    assert [p.name for p in (data / "backups").glob("*before-import*")]
    store = open_store(sqlite_url(data / "hkcase.sqlite3"), backup_dir=data / "backups")
    try:
        assert _count(store, Client) == 1 and _count(store, Stay) == 1
    finally:
        store.close()
    human = _hkcase("--data-dir", str(data), "import", str(source), "--dry-run")
    assert human.returncode == 0
    assert "would import clients.csv: 0 new, 1 updated, 1 row rejected" in human.stdout
    assert "row 3, hkid: HKID A123456(4) has a wrong check character" in human.stdout
    bad = _hkcase("--data-dir", str(data), "import", str(tmp_path / "missing.csv"))
    assert bad.returncode == 2 and "does not exist" in bad.stderr
    word = tmp_path / "clients.docx"
    word.write_bytes(b"PK\x03\x04 not a spreadsheet")
    never = tmp_path / "never"
    refused = _hkcase("--data-dir", str(never), "import", str(word))
    assert refused.returncode == 1 and "reads .csv and .xlsx files" in refused.stderr
    assert not never.exists()  # refused before a data folder was made
