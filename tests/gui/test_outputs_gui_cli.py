"""The GUI's Case menu and the CLI print the same letter, checklist and pack for a case."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.domain.vocab import ApplicationType, Residence, Scheme, Sex
from hkcase.gui.printing import renderers
from tests.pdf_support import CN_NAME, make_case, pdftotext


@pytest.fixture
def mainland_case(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "data"
    ctx = open_app(data_dir)
    try:
        _, reference = make_case(ctx.store, scheme=Scheme.GEP, kind=ApplicationType.EXTENSION,
                                 chinese_name=CN_NAME, family="Zhang", given="Wei",
                                 sex=Sex.FEMALE, residence=Residence.MAINLAND_CHINA,
                                 limit=date.today() + timedelta(days=200))
    finally:
        ctx.close()
    return data_dir, reference


@pytest.mark.parametrize(("gui_key", "cli_args"), [
    ("letter", ("letter", "{ref}")),
    ("checklist_en", ("checklist", "--case", "{ref}", "--lang", "en")),
    ("pack", ("export-pack", "{ref}")),
])
def test_gui_and_cli_print_the_same(mainland_case: tuple[Path, str], tmp_path: Path,
                                    gui_key: str, cli_args: tuple[str, ...]) -> None:
    data_dir, reference = mainland_case
    from_cli = tmp_path / "cli.pdf"
    args = [a.format(ref=reference) for a in cli_args]
    assert main(["--data-dir", str(data_dir), *args, "-o", str(from_cli)]) == 0
    from_gui = tmp_path / "gui.pdf"
    ctx = open_app(data_dir)
    try:
        with ctx.store.reading() as session:
            import sqlalchemy as sa

            from hkcase.store.models import Case
            case_id = session.scalar(sa.select(Case.id).where(Case.reference == reference))
        assert case_id is not None
        renderers(ctx, case_id)[gui_key](from_gui)
    finally:
        ctx.close()
    assert pdftotext(from_gui) == pdftotext(from_cli)
    if gui_key == "letter":  # a Mainland resident reads Simplified in both
        assert "阁下" in pdftotext(from_gui).replace(" ", "")
