"""Online filing services on a real SQLite store: checklist on demand, attach by number (CLI),
pre-filing checks and fees from the records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hkcase.domain.filing.checks import CheckStatus
from hkcase.domain.vocab import ApplicationType, ChecklistState, Residence, Scheme
from hkcase.services import checklists as C
from hkcase.services.errors import ValidationError
from hkcase.services.filing.checklist import attach, ensure_checklist, item_by_number, numbered
from hkcase.services.filing.checks import readiness, readiness_json
from hkcase.store import Store, open_store, sqlite_url
from tests.filing_support import ACTOR, filing_case
from tests.pdf_support import make_pdf

FILING = date(2027, 1, 15)


def test_a_case_gets_its_checklist_when_first_needed(sqlite_store: Store) -> None:
    case_id, _ = filing_case(sqlite_store)
    assert C.list_checklist(sqlite_store, case_id) == []
    entries = ensure_checklist(sqlite_store, case_id, actor=ACTOR, on=date(2026, 12, 1))
    assert [e.code for e in entries][:2] == ["travel_document", "hkid"]
    assert {e.template_id for e in entries} == {"gep_asmtp_extension@2026-12-01"}
    again = ensure_checklist(sqlite_store, case_id, actor=ACTOR)
    assert [e.id for e in again] == [e.id for e in entries]


def test_item_numbers_are_as_printed(sqlite_store: Store) -> None:
    case_id, reference = filing_case(sqlite_store)
    entries = ensure_checklist(sqlite_store, case_id, actor=ACTOR, on=date(2026, 12, 1))
    C.mark_not_applicable(sqlite_store, entries[0].id, actor=ACTOR)
    entries = C.list_checklist(sqlite_store, case_id)
    assert item_by_number(entries, 1, reference).code == "hkid"  # N/A items are not printed
    assert len(numbered(entries)) == len(entries) - 1
    shown = len(entries) - 1
    with pytest.raises(ValidationError, match=f"no checklist item 9 .items 1 to {shown}"):
        item_by_number(entries, 9, reference)


def test_attach_by_number_and_accept(sqlite_store: Store, tmp_path: Path) -> None:
    _, reference = filing_case(sqlite_store)
    done = attach(sqlite_store, tmp_path / "att", reference, 2, make_pdf(tmp_path / "id.pdf"),
                  actor=ACTOR, state=ChecklistState.ACCEPTED)
    assert done.item.code == "hkid" and done.item.state is ChecklistState.ACCEPTED
    assert done.version.version_no == 1 and done.item.latest is not None
    with pytest.raises(ValidationError, match="received or accepted"):
        attach(sqlite_store, tmp_path / "att", reference, 1, tmp_path / "id.pdf", actor=ACTOR,
               state=ChecklistState.REVIEWED)


def _hkcase(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=180, env={**os.environ})


def test_attach_command(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        case_id, reference = filing_case(store)
    finally:
        store.close()
    scan = make_pdf(tmp_path / "passport.pdf", 2, "passport")
    result = _hkcase("--data-dir", str(folder), "attach", reference, "1", str(scan),
                     "--state", "accepted")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("attached passport.pdf to item 1 (Valid travel document")
    assert result.stdout.rstrip().endswith("as version 1; state accepted")
    again = _hkcase("--data-dir", str(folder), "attach", reference, "1", str(scan))
    assert again.returncode == 0 and "version 2; state received" in again.stdout
    assert "same file as version 1" in again.stderr
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        first = C.list_checklist(store, case_id)[0]
        assert first.version_count == 2 and first.state is ChecklistState.RECEIVED
    finally:
        store.close()
    for args, status, words in (
            ((reference, "99", str(scan)), 1, "has no checklist item 99"),
            ((reference, "zero", str(scan)), 2, "is not an item number"),
            ((reference, "1", str(scan), "--state", "reviewed"), 2, "received or accepted"),
            (("1999-000001", "1", str(scan)), 1, "there is no case 1999-000001"),
            ((reference, "1", str(tmp_path / "missing.pdf")), 2, "missing.pdf")):
        bad = _hkcase("--data-dir", str(folder), "attach", *args)
        assert bad.returncode == status, (args, bad.stderr)
        lines = bad.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (args, bad.stderr)


def test_readiness_from_the_records(sqlite_store: Store, tmp_path: Path) -> None:
    case_id, reference = filing_case(sqlite_store, passport_expiry=date(2027, 4, 14))
    entries = ensure_checklist(sqlite_store, case_id, actor=ACTOR, on=date(2026, 12, 1))
    for entry in entries[:2]:
        attach(sqlite_store, tmp_path / "att", reference, entries.index(entry) + 1,
               make_pdf(tmp_path / f"{entry.code}.pdf"), actor=ACTOR,
               state=ChecklistState.ACCEPTED)
    result = readiness(sqlite_store, case_id, filing_date=FILING, in_hong_kong=True)
    by_code = {c.code: c for c in result.checks}
    # 2027-04-14 is one day short of three months after 2027-01-15.
    assert by_code["passport_validity"].status is CheckStatus.FAIL
    assert by_code["mandatory_items"].status is CheckStatus.PASS
    assert by_code["limit_of_stay"].status is CheckStatus.PASS
    assert not result.ready
    assert result.fees.on_filing_total == 600
    assert result.decision is not None and result.decision.around == date(2027, 2, 5)
    data = readiness_json(result)
    json.dumps(data)
    assert data["checks"][1]["code"] == "passport_validity" and data["ready"] is False
    later = readiness(sqlite_store, case_id, filing_date=date(2027, 2, 2), in_hong_kong=True)
    limit = {c.code: c for c in later.checks}["limit_of_stay"]
    assert limit.status is CheckStatus.FAIL and "online extension is closed" in limit.message


def test_family_fees_and_the_ttps_dependant_forms(sqlite_store: Store, tmp_path: Path) -> None:
    sponsor_id, _ = filing_case(sqlite_store, scheme=Scheme.TTPS)
    dependant_id, _ = filing_case(
        sqlite_store, scheme=Scheme.DEPENDANT, sponsor_case_id=sponsor_id, family="Lam",
        given="Hoi Ting", residence=Residence.HONG_KONG)
    ensure_checklist(sqlite_store, dependant_id, actor=ACTOR, on=date(2026, 12, 1))
    result = readiness(sqlite_store, sponsor_id, filing_date=FILING)
    assert result.fees.on_filing_total == 1200  # principal and dependant, HK$600 each
    assert len(result.fees.lines) == 2
    dep = readiness(sqlite_store, dependant_id, filing_date=FILING)
    id481 = {c.code: c for c in dep.checks}["id481"]
    assert id481.status is CheckStatus.FAIL and "ID 481A" in id481.message
    assert {c.code: c for c in dep.checks}["in_hong_kong"].status is CheckStatus.CONFIRM


def test_presence_in_hong_kong_is_the_case_fact(sqlite_store: Store) -> None:
    from hkcase.services.cases.facts import load_case_facts, save_case_facts
    from hkcase.services.filing.presence import confirm_in_hong_kong, in_hong_kong

    case_id, _ = filing_case(sqlite_store)
    assert in_hong_kong(sqlite_store, case_id) is None
    before = load_case_facts(sqlite_store, case_id).version
    assert confirm_in_hong_kong(sqlite_store, case_id, True, actor=ACTOR) is True
    assert load_case_facts(sqlite_store, case_id).values["applying_from"] == "hong_kong"
    assert load_case_facts(sqlite_store, case_id).version > before
    check = {c.code: c for c in readiness(sqlite_store, case_id, filing_date=FILING).checks}
    assert check["in_hong_kong"].status is CheckStatus.PASS
    assert confirm_in_hong_kong(sqlite_store, case_id, False, actor=ACTOR) is None
    check = {c.code: c for c in readiness(sqlite_store, case_id, filing_date=FILING).checks}
    assert check["in_hong_kong"].status is CheckStatus.CONFIRM
    # A place elsewhere is the records' own statement: unticking leaves it, and it fails.
    version = load_case_facts(sqlite_store, case_id).version
    save_case_facts(sqlite_store, case_id, version, {"applying_from": "overseas"}, actor=ACTOR)
    assert confirm_in_hong_kong(sqlite_store, case_id, False, actor=ACTOR) is False
    check = {c.code: c for c in readiness(sqlite_store, case_id, filing_date=FILING).checks}
    assert check["in_hong_kong"].status is CheckStatus.FAIL


def test_a_qmas_case_asks_for_its_items_to_be_reviewed(sqlite_store: Store) -> None:
    case_id, _ = filing_case(sqlite_store, scheme=Scheme.QMAS_GPT, kind=ApplicationType.NEW,
                             limit=None)
    entries = ensure_checklist(sqlite_store, case_id, actor=ACTOR, on=date(2026, 12, 2))
    assert entries[0].code == "guidance_notes_checklist"
    assert entries[0].template_id == "qmas_new@2026-12-02"
    check = {c.code: c for c in readiness(sqlite_store, case_id, filing_date=FILING).checks}
    review = check["items_to_review"]
    assert review.status is CheckStatus.CONFIRM and review.items[:2] == (1, 2)
    assert "Part III" in review.message
    gep_id, _ = filing_case(sqlite_store, kind=ApplicationType.CHANGE_OF_EMPLOYMENT,
                            family="Chan")
    codes = [e.code for e in ensure_checklist(sqlite_store, gep_id, actor=ACTOR,
                                              on=date(2026, 12, 2))]
    assert codes[:3] == ["travel_document", "hkid", "new_employer_documents"]
