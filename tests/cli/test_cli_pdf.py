"""``hkcase export-pack``, ``checklist`` and ``letter`` run as a user would, in a new process."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from hkcase.domain.vocab import ChecklistState
from hkcase.services import checklists as C
from hkcase.services import documents
from hkcase.store import open_store, sqlite_url
from tests.attachment_support import store_unchecked
from tests.pdf_support import (
    ACTOR,
    HK_NAME,
    make_case,
    make_corrupt_pdf,
    make_pdf,
    pdftotext,
    squeezed,
)


def hkcase(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hkcase", *args], capture_output=True,
                          text=True, timeout=180, env={**os.environ})


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, str]:
    """A data folder with one TTPS case: a stay, a checklist, a good and a corrupt file."""
    folder = tmp_path / "data"
    folder.mkdir()
    store = open_store(sqlite_url(folder / "hkcase.sqlite3"), backup_dir=folder / "backups")
    try:
        limit = date.today() + timedelta(days=60)
        case_id, reference = make_case(store, limit=limit)
        # The TTPS extension list as it stood before ImmD's page was read (2026-11-22).
        items = {e.code: e.id for e in C.create_checklist(store, case_id, actor=ACTOR,
                                                          on=date(2026, 11, 22))}
        documents.attach_file(store, folder / "attachments", items["hkid"],
                              make_pdf(tmp_path / "id.pdf", 1, "identity"), actor=ACTOR)
        # A damaged file stored before attach-time checks (they refuse it now).
        store_unchecked(store, folder / "attachments", items["other_supporting"],
                        make_corrupt_pdf(tmp_path / "bad.pdf"), "application/pdf")
        for code in ("hkid", "other_supporting"):
            C.set_item_state(store, items[code], ChecklistState.ACCEPTED, actor=ACTOR)
    finally:
        store.close()
    return folder, reference


def test_export_pack(data_dir: tuple[Path, str], tmp_path: Path) -> None:
    folder, reference = data_dir
    out = tmp_path / "pack.pdf"
    result = hkcase("--data-dir", str(folder), "export-pack", reference, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {out} (") and "pages)" in result.stdout
    assert "hkcase: warning: bad.pdf (Other supporting documents) left out: it is damaged" \
        in result.stderr
    text = pdftotext(out)
    assert HK_NAME in text and "identity page 1" in text


def test_letter_and_case_checklist(data_dir: tuple[Path, str], tmp_path: Path) -> None:
    folder, reference = data_dir
    out = tmp_path / "letter.pdf"
    result = hkcase("letter", reference, "-o", str(out), "--data-dir", str(folder),
                    "--chinese", "zh-cn")
    assert result.returncode == 0, result.stderr
    assert "阁下" in squeezed(pdftotext(out))
    # TTPS's 3-month window is ImmD's own rule since the 2026-01-01 rule set: nothing to warn.
    assert "hkcase: warning: extension window:" not in result.stderr
    listed = hkcase("--data-dir", str(folder), "checklist", "--case", reference, "--lang",
                    "zh-hk", "-o", str(tmp_path / "case.pdf"))
    assert listed.returncode == 0, listed.stderr
    text = pdftotext(tmp_path / "case.pdf")
    assert "文件清單" in text and "已接納" in text and "未提交" in text


def test_blank_checklist_needs_no_data_folder(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    result = hkcase("--data-dir", str(tmp_path / "never"), "checklist", "--scheme", "gep",
                    "--type", "new", "--lang", "zh-cn", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "文件清单" in pdftotext(out)
    assert not (tmp_path / "never").exists()


@pytest.mark.parametrize(("args", "status", "message"), [
    (("checklist", "--scheme", "GEP", "--type", "renewal", "-o", "x.pdf"), 2,
     "'renewal' is not an application type"),
    (("checklist", "--scheme", "XYZ", "--type", "new", "-o", "x.pdf"), 2, "not a scheme"),
    (("checklist", "--scheme", "GEP", "--type", "new", "--lang", "fr", "-o", "x.pdf"), 2,
     "not a language"),
    (("checklist", "--scheme", "GEP", "-o", "x.pdf"), 2, "--scheme and --type are required"),
    (("checklist", "--scheme", "GEP", "--type", "new"), 2, "-o/--output"),
    (("checklist", "--scheme", "QMAS_GPT", "--type", "change_of_employment", "-o", "x.pdf"), 1,
     "no checklist template for QMAS_GPT change_of_employment"),
    (("checklist", "--scheme", "GEP", "--type", "new", "-o", "missing/dir/x.pdf"), 2,
     "does not exist"),
    (("letter", "1999-000001", "-o", "x.pdf", "--chinese", "en"), 2, "zh-hk or zh-cn"),
])
def test_bad_input_is_one_line_with_the_right_status(tmp_path: Path, args: tuple[str, ...],
                                                     status: int, message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "hkcase", "--data-dir", str(tmp_path),
                             *args], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == status, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hkcase: error: ")
    assert message in lines[0]


def test_unknown_case_is_named(tmp_path: Path) -> None:
    for command in ("export-pack", "letter"):
        result = hkcase("--data-dir", str(tmp_path), command, "1999-000001", "-o",
                        str(tmp_path / "x.pdf"))
        assert result.returncode == 1
        assert result.stderr.strip() == "hkcase: error: case: there is no case 1999-000001"


def test_export_pack_in_chinese(data_dir: tuple[Path, str], tmp_path: Path) -> None:
    folder, reference = data_dir
    words = {}
    for lang in ("en", "zh-hk", "zh-cn"):
        out = tmp_path / f"pack-{lang}.pdf"
        result = hkcase("--data-dir", str(folder), "export-pack", reference, "-o", str(out),
                        "--lang", lang)
        assert result.returncode == 0, result.stderr
        words[lang] = squeezed(pdftotext(out))
    assert "Checklist" in words["en"]
    assert "清單" in words["zh-hk"] and "Checklist" not in words["zh-hk"]
    assert "清单" in words["zh-cn"] and "清單" not in words["zh-cn"]
    bad = hkcase("--data-dir", str(folder), "export-pack", reference, "-o",
                 str(tmp_path / "x.pdf"), "--lang", "fr")
    assert bad.returncode == 2 and "is not a language" in bad.stderr
