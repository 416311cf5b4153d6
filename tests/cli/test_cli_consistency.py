"""One command line: the same exit status for the same kind of failure in every command
(2 bad usage, 1 everything else), one scheme vocabulary, the same filters, and
``--done`` / ``--reopen`` that undo each other. Table-driven, through ``main([...])``."""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest

from hkcase.cli.args import scheme, scheme_words, schemes
from hkcase.cli.main import build_parser, main
from hkcase.domain.labels import label
from hkcase.domain.vocab import Scheme

USAGE, FAILURE = 2, 1

#: A command line each command runs on the populated folder ({case}, {client}: real ones).
#: A command not here fails ``test_every_command_is_in_the_tables``.
VALID: dict[str, tuple[str, ...]] = {
    "info": (),
    "demo": ("--clients", "1"),
    "check": ("--case", "{case}"),
    "stay": ("--scheme", "GEP", "--entry-date", "2026-01-01"),
    "remind": (),
    "calendar": ("-o", "{tmp}/c.ics"),
    "export-pack": ("{case}", "-o", "{tmp}/p.pdf"),
    "checklist": ("--case", "{case}", "-o", "{tmp}/c.pdf"),
    "letter": ("{case}", "-o", "{tmp}/l.pdf"),
    "backup": (),
    "restore": ("{tmp}/good.sqlite3", "--yes"),
    "export": ("-o", "{tmp}/e.zip"),
    "import-archive": ("{tmp}/garbage.zip",),
    "export-client": ("{client}", "-o", "{tmp}/c.zip"),
    "import": ("{tmp}/rows.csv", "--dry-run"),
    "retention": ("--older-than", "7"),
    "recheck": (),
    "attach": ("{case}", "1", "{tmp}/scan.pdf"),
    "upload-set": ("{case}", "-o", "{tmp}/upload"),
    "filing-sheet": ("{case}",),
    "search": ("chan",),
    "show": ("{case}",),
    "encrypt": (),
    "migrate": (),
}
#: Commands another part of the code base owns: only the generic rows apply.
ELSEWHERE = {"migrate-files"}
#: Commands that never open the data folder with these arguments, or whose point is to
#: replace a damaged database (restore) or rewrite it (encrypt).
NO_DAMAGED_ROW = {"stay", "restore", "encrypt"}


class Row(NamedTuple):
    args: tuple[str, ...]
    status: int
    says: str


#: Failure kinds beyond the generic ones (unknown option, damaged database), per command.
#: Usage (2): what the command line itself says wrongly — an unknown or missing option,
#: a malformed value (date, number, scheme, item number), contradicting options, a path
#: that cannot be read or written. Everything else (1): what is found once the data is
#: open — an unknown case, client, reminder or consultant, a file whose content is wrong,
#: a damaged database, a declined confirmation, no passphrase.
ROWS: dict[str, list[Row]] = {
    "info": [],
    "demo": [Row(("demo", "--clients", "0"), USAGE, "at least 1"),
             Row(("demo", "--clients", "x"), USAGE, "not a whole number")],
    "check": [Row(("check",), USAGE, "required"),
              Row(("check", "--case", "{case}", "--scheme", "GEP"), USAGE, "--profile only"),
              Row(("check", "--profile", "{tmp}/p.json", "--scheme", "XYZ"), USAGE,
                  "not a scheme"),
              Row(("check", "--profile", "{tmp}/missing.json"), USAGE, "missing.json"),
              Row(("check", "--profile", "{tmp}/p.json", "--on", "0001-01-01"), USAGE,
                  "out of range"),
              Row(("check", "--case", "2099-999999"), FAILURE, "2099-999999")],
    "stay": [Row(("stay", "--entry-date", "2026-01-01"), USAGE, "required"),
             Row(("stay", "--scheme", "XYZ", "--entry-date", "2026-01-01"), USAGE,
                 "not a scheme"),
             Row(("stay", "--scheme", "GEP", "--qmas-test", "general", "--entry-date",
                  "2026-01-01"), USAGE, "only to QMAS"),
             Row(("stay", "--scheme", "GEP", "--entry-date", "9999-01-01"), USAGE,
                 "out of range")],
    "remind": [Row(("remind", "--done", "0"), USAGE, "at least 1"),
               Row(("remind", "--within", "x"), USAGE, "not a whole number"),
               Row(("remind", "--snooze", "1"), USAGE, "--until"),
               Row(("remind", "--done", "1", "--reopen", "1"), USAGE, "both"),
               Row(("remind", "--done", "987654"), FAILURE, "987654"),
               Row(("remind", "--consultant", "Nobody Here"), FAILURE, "Nobody Here")],
    "calendar": [Row(("calendar",), USAGE, "required"),
                 Row(("calendar", "-o", "{tmp}"), USAGE, "is a folder"),
                 Row(("calendar", "-o", "{tmp}/nowhere/c.ics"), USAGE, "does not exist"),
                 Row(("calendar", "-o", "{tmp}/c.ics", "--within", "x"), USAGE,
                     "not a whole number"),
                 Row(("calendar", "-o", "{tmp}/c.ics", "--consultant", "Nobody Here"),
                     FAILURE, "Nobody Here")],
    "export-pack": [Row(("export-pack", "{case}", "-o", "{tmp}/nowhere/p.pdf"), USAGE,
                        "does not exist"),
                    Row(("export-pack", "2099-999999", "-o", "{tmp}/p.pdf"), FAILURE,
                        "2099-999999")],
    "checklist": [Row(("checklist", "--scheme", "XYZ", "--type", "new", "-o", "{tmp}/c.pdf"),
                      USAGE, "not a scheme"),
                  Row(("checklist", "--case", "{case}", "--scheme", "GEP", "-o",
                       "{tmp}/c.pdf"), USAGE, "not both"),
                  Row(("checklist", "--case", "2099-999999", "-o", "{tmp}/c.pdf"), FAILURE,
                      "2099-999999")],
    "letter": [Row(("letter", "{case}", "-o", "{tmp}"), USAGE, "is a folder"),
               Row(("letter", "2099-999999", "-o", "{tmp}/l.pdf"), FAILURE, "2099-999999")],
    "backup": [Row(("backup", "-o", "{tmp}/nowhere/b.sqlite3"), USAGE, "does not exist")],
    "restore": [Row(("restore", "{tmp}/none.sqlite3", "--yes"), USAGE, "does not exist"),
                Row(("restore", "{tmp}/garbage.zip", "--yes"), FAILURE,
                    "not an hkcase backup")],
    "export": [Row(("export", "-o", "{tmp}"), USAGE, "is a folder")],
    "import-archive": [Row(("import-archive", "{tmp}/none.zip"), USAGE, "does not exist"),
                       Row(("import-archive", "{tmp}/garbage.zip"), FAILURE, "ZIP")],
    "export-client": [Row(("export-client", "{client}", "-o", "{tmp}/nowhere/c.zip"), USAGE,
                          "does not exist"),
                      Row(("export-client", "nobody", "-o", "{tmp}/c.zip"), FAILURE,
                          "nobody")],
    "import": [Row(("import", "{tmp}/none.csv"), USAGE, "does not exist"),
               Row(("import", "{tmp}/bad.csv"), FAILURE, "family_name")],
    "retention": [Row(("retention", "--older-than", "0"), USAGE, "at least 1")],
    "recheck": [Row(("recheck", "--on", "9999-01-01"), USAGE, "out of range")],
    "attach": [Row(("attach", "{case}", "x", "{tmp}/scan.pdf"), USAGE, "item number"),
               Row(("attach", "{case}", "1", "{tmp}/none.pdf"), USAGE, "does not exist"),
               Row(("attach", "2099-999999", "1", "{tmp}/scan.pdf"), FAILURE,
                   "2099-999999")],
    "upload-set": [Row(("upload-set", "{case}", "-o", "{tmp}/nowhere/u"), USAGE,
                       "does not exist"),
                   Row(("upload-set", "{case}", "-o", "{tmp}"), USAGE, "not an empty folder"),
                   Row(("upload-set", "2099-999999", "-o", "{tmp}/u"), FAILURE,
                       "2099-999999")],
    "filing-sheet": [Row(("filing-sheet", "{case}", "-o", "{tmp}/nowhere/f.pdf"), USAGE,
                         "does not exist"),
                     Row(("filing-sheet", "{case}", "-o", "{tmp}/f.txt"), USAGE, ".pdf"),
                     Row(("filing-sheet", "2099-999999"), FAILURE, "2099-999999")],
    "search": [Row(("search",), USAGE, "required"),
               Row(("search", "chan", "--limit", "0"), USAGE, "at least 1")],
    "show": [Row(("show", "2099-999999"), FAILURE, "2099-999999"),
             Row(("show", "{case}", "--today", "x"), USAGE, "not a date")],
    "encrypt": [Row(("encrypt",), FAILURE, "passphrase")],
    "migrate": [Row(("migrate", "--database-url", "nodriver://x/y"), FAILURE, "nodriver")],
}


def _commands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    found: argparse.ArgumentParser = actions[0].choices[name]
    return found


class Folder(NamedTuple):
    data: Path
    case: str
    client: str


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    folder = tmp_path_factory.mktemp("consistency") / "data"
    assert main(["--data-dir", str(folder), "demo", "--clients", "25"]) == 0
    assert main(["--data-dir", str(folder), "remind", "--json"]) == 0
    with sqlite3.connect(folder / "hkcase.sqlite3") as db:
        case, client = db.execute('SELECT reference, client_id FROM "case" ORDER BY id').fetchone()
    return Folder(folder, case, str(client))


def _scratch(tmp: Path, populated: Path) -> Path:
    tmp.mkdir(exist_ok=True)
    (tmp / "p.json").write_text('{"date_of_birth": "1990-01-01"}', encoding="utf-8")
    (tmp / "garbage.zip").write_bytes(b"not an archive" * 100)
    (tmp / "bad.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    (tmp / "rows.csv").write_text("family_name,given_names\nCHAN,Tai Man\n", encoding="utf-8")
    (tmp / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    with sqlite3.connect(populated / "hkcase.sqlite3") as src, \
            sqlite3.connect(tmp / "good.sqlite3") as dst:
        src.backup(dst)
    return tmp


def _run(capsys: pytest.CaptureFixture[str], data: Path, args: tuple[str, ...],
         **names: str) -> tuple[int, str, str]:
    filled = list(args)
    for name, value in names.items():
        filled = [a.replace("{" + name + "}", value) for a in filled]
    capsys.readouterr()
    status = main(["--data-dir", str(data), *filled])
    out, err = capsys.readouterr()
    return status, out, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hkcase: error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_every_command_is_in_the_tables() -> None:
    commands = set(_commands()) - ELSEWHERE
    assert commands == set(VALID) == set(ROWS), commands ^ set(VALID)


def _generic() -> Iterator[tuple[str, str]]:
    for command in _commands():
        yield command, "unknown option"
        if command in VALID and command not in NO_DAMAGED_ROW:
            yield command, "damaged database"


@pytest.mark.parametrize(("command", "kind"), list(_generic()))
def test_generic_failure_kinds_exit_alike(command: str, kind: str, tmp_path: Path,
                                          populated: Folder,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    tmp = _scratch(tmp_path / "scratch", populated.data)
    args = (command, *VALID.get(command, ()))
    if kind == "unknown option":
        status, out, err = _run(capsys, tmp_path / "unused", (*args, "--no-such-option"),
                                tmp=str(tmp), case=populated.case, client=populated.client)
        assert (status, out) == (USAGE, "") and "--no-such-option" in _one_line(err)
        return
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "hkcase.sqlite3").write_bytes(b"\x00garbage" * 1000)
    status, out, err = _run(capsys, damaged, args, tmp=str(tmp), case=populated.case,
                            client=populated.client)
    assert (status, out) == (FAILURE, ""), err
    assert "cannot be read" in _one_line(err)


def _specific() -> Iterator[tuple[str, int]]:
    for command, rows in sorted(ROWS.items()):
        for number in range(len(rows)):
            yield command, number


@pytest.mark.parametrize(("command", "number"), list(_specific()))
def test_each_failure_kind_has_its_exit_status(command: str, number: int, tmp_path: Path,
                                               populated: Folder,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HKCASE_KEY", raising=False)
    row = ROWS[command][number]
    data = tmp_path / "data"
    shutil.copytree(populated.data, data)
    tmp = _scratch(tmp_path / "scratch", populated.data)
    status, out, err = _run(capsys, data, row.args, tmp=str(tmp), case=populated.case,
                            client=populated.client)
    line = _one_line(err)
    assert (status, out) == (row.status, ""), line
    assert row.says in line, line


# --- one scheme vocabulary -------------------------------------------------------------

def _scheme_options() -> list[tuple[str, argparse.Action]]:
    found = []
    for command in _commands():
        for action in _subparser(command)._actions:
            if "scheme" in action.dest:
                found.append((command, action))
    return found


def test_every_scheme_option_reads_the_one_vocabulary() -> None:
    options = _scheme_options()
    assert {c for c, _ in options} >= {"stay", "check", "checklist"}
    for command, action in options:
        assert action.type in (scheme, schemes), (command, action.dest)


def _spellings() -> Iterator[tuple[str, Scheme]]:
    for item in Scheme:
        yield item.value, item
        yield item.value.lower(), item
        yield item.value.replace("_", "-").title(), item
        yield label(item), item  # as the screens show it
        yield label(item).upper(), item
        yield label(item, long=True), item  # as the printed outputs show it
        yield label(item, "zh-hk"), item
        yield label(item, "zh-cn"), item


@pytest.mark.parametrize(("typed", "expected"), list(_spellings()))
def test_a_scheme_spelled_as_users_see_it_is_read_alike_by_every_command(
        typed: str, expected: Scheme) -> None:
    for command, action in _scheme_options():
        assert callable(action.type)
        value = action.type(typed)
        got = value if isinstance(value, list) else [value]
        assert got == [expected], (command, action.dest, typed)


def test_qmas_alone_is_its_two_tests_everywhere(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    assert schemes("QMAS") == schemes("qmas") == [Scheme.QMAS_GPT, Scheme.QMAS_ABPT]
    profile = tmp_path / "p.json"
    profile.write_text('{"date_of_birth": "1990-01-01"}', encoding="utf-8")
    assert main(["check", "--profile", str(profile), "--scheme", "qmas", "--json"]) == 0
    checked = {r["scheme"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert checked == {"QMAS_GPT", "QMAS_ABPT"}
    for test, expected in (("general", "QMAS_GPT"), ("achievement", "QMAS_ABPT")):
        assert main(["stay", "--scheme", "Qmas", "--qmas-test", test, "--entry-date",
                     "2026-01-01", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["scheme"] == expected


def test_a_word_that_is_no_scheme_is_refused_alike(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    profile = tmp_path / "p.json"
    profile.write_text("{}", encoding="utf-8")
    messages = set()
    for args in (["stay", "--scheme", "Nope", "--entry-date", "2026-01-01"],
                 ["check", "--profile", str(profile), "--scheme", "Nope"],
                 ["checklist", "--scheme", "Nope", "--type", "new", "-o", str(tmp_path / "c")]):
        assert main(args) == USAGE
        line = _one_line(capsys.readouterr().err)
        messages.add(line.split("'Nope'", 1)[1].split(" (see ")[0])
    assert len(messages) == 1, messages
    assert len(scheme_words()) > 3 * len(Scheme)


# --- the same filters: remind --consultant as calendar --consultant --------------------

def _consultant_cases(data: Path, name: str) -> set[str]:
    with sqlite3.connect(data / "hkcase.sqlite3") as db:
        return {ref for (ref,) in db.execute(
            'SELECT c.reference FROM "case" c JOIN consultant k ON k.id = c.consultant_id '
            "WHERE k.name = ?", (name,))}


def test_remind_and_calendar_filter_by_consultant_alike(
        populated: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(populated.data / "hkcase.sqlite3") as db:
        name = db.execute("SELECT k.name FROM consultant k JOIN \"case\" c ON c.consultant_id "
                          "= k.id GROUP BY k.name ORDER BY count(*) DESC").fetchone()[0]
    mine = _consultant_cases(populated.data, name)
    status, out, _ = _run(capsys, populated.data, ("remind", "--no-refresh", "--json",
                                                   "--within", "3650"))
    everyone = json.loads(out)
    typed = f"  {name.upper()} "  # any case, spaces alike, as the list has it
    status, out, err = _run(capsys, populated.data, ("remind", "--no-refresh", "--json",
                                                     "--within", "3650", "--consultant", typed))
    assert status == 0, err
    items = json.loads(out)
    assert items and {i["case_ref"] for i in items} <= mine
    assert len(items) < len(everyone)
    ics = tmp_path / "c.ics"
    status, out, err = _run(capsys, populated.data, ("calendar", "--no-refresh", "-o", str(ics),
                                                     "--consultant", typed))
    assert status == 0, err
    text = ics.read_text(encoding="utf-8")
    uids = {line.removeprefix("UID:").removesuffix("@hkcase")
            for line in text.splitlines() if line.startswith("UID:")}
    assert {i["key"] for i in items} <= uids  # the digest's lines are among the events
    # An unknown name: the same status and message from both.
    said = []
    for args in (("remind", "--consultant", "Nobody Here"),
                 ("calendar", "-o", str(ics), "--consultant", "Nobody Here")):
        status, out, err = _run(capsys, populated.data, args)
        assert (status, out) == (FAILURE, "")
        said.append(_one_line(err))
    assert said[0] == said[1] and name in said[0]


# --- --done and --reopen undo each other ------------------------------------------------

def _states(data: Path) -> dict[int, tuple[str, str | None]]:
    with sqlite3.connect(data / "hkcase.sqlite3") as db:
        return {i: (s, u) for i, s, u in db.execute(
            "SELECT id, state, snoozed_until FROM reminder")}


def _line_with_earlier(data: Path) -> int:
    """The latest open extension reminder of a stay that has earlier open ones."""
    with sqlite3.connect(data / "hkcase.sqlite3") as db:
        return int(db.execute(
            "SELECT r.id FROM reminder r JOIN stay s ON s.id = r.stay_id "
            "WHERE r.state = 'pending' AND s.limit_of_stay > date('now', '+7 days') "
            "AND r.kind IN ('before_limit', 'window_opens', 'final_week') AND EXISTS ("
            "SELECT 1 FROM reminder e WHERE e.stay_id = r.stay_id AND e.id != r.id AND "
            "e.state = 'pending' AND e.kind IN ('before_limit', 'window_opens', 'final_week') "
            "AND e.due_date <= r.due_date) ORDER BY r.due_date DESC LIMIT 1").fetchone()[0])


@pytest.fixture
def copy(populated: Folder, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(populated.data, data)
    return data


@pytest.mark.parametrize("close", [("--done",), ("--dismiss",),
                                   ("--snooze", "{id}", "--until", "{tomorrow}")])
def test_reopen_undoes_done_and_done_undoes_reopen(
        close: tuple[str, ...], copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rid = _line_with_earlier(copy)
    before = _states(copy)
    closing = (*close, str(rid)) if len(close) == 1 else close
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    closing = tuple(a.replace("{id}", str(rid)).replace("{tomorrow}", tomorrow)
                    for a in closing)
    status, out, err = _run(capsys, copy, ("remind", *closing))
    assert status == 0, err
    closed = _states(copy)
    changed = {i for i in before if before[i] != closed[i]}
    assert rid in changed and len(changed) > 1  # the stay's earlier ones went with it
    assert "earlier of the same stay" in out
    status, out, err = _run(capsys, copy, ("remind", "--reopen", str(rid)))
    assert status == 0, err
    assert f"reminder {rid} pending (and {len(changed) - 1} earlier of the same stay)" in out
    assert _states(copy) == before  # reopened exactly what closing changed
    status, out, err = _run(capsys, copy, ("remind", *closing))
    assert status == 0 and _states(copy) == closed  # and closing again redoes it


@pytest.mark.parametrize(("value", "status"), [("0", USAGE), ("-3", USAGE), ("x", USAGE),
                                               ("", USAGE), ("987654", FAILURE)])
def test_done_and_reopen_refuse_the_same_inputs_alike(
        value: str, status: int, copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _states(copy)
    said = {}
    for option in ("--done", "--reopen"):
        got, out, err = _run(capsys, copy, ("remind", f"{option}={value}"))
        assert (got, out) == (status, ""), err
        said[option] = _one_line(err).replace(option, "OPTION")
    assert said["--done"] == said["--reopen"]
    assert _states(copy) == before
