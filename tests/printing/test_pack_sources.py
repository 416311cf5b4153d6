"""The client's pack cites ImmD's pages only; the consultant's report keeps every source.

QMAS (General Points Test)'s rule set in force rests on ImmD's pages and on a third-party
page (``asym.immiknow.com``). The pack, read back from the PDF, names ImmD's page and not
the other; ``hkcase check --case`` (the consultant's report) names both.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from hkcase.app import open_app
from hkcase.cli.main import main
from hkcase.domain.eligibility.rulesets import rule_set_on
from hkcase.domain.vocab import ApplicationType, Scheme
from hkcase.printing.pack.sections import client_sources
from hkcase.services.outputs import render as outputs
from tests.pdf_support import make_case, pdftotext, squeezed

TODAY = date(2026, 11, 22)


def _official(url: str) -> bool:
    parts = urlsplit(url)
    return parts.hostname in ("www.immd.gov.hk", "immd.gov.hk", "www.gov.hk")


def _qmas_sources() -> list[str]:
    rule_set = rule_set_on("qmas_gpt", TODAY)
    assert rule_set is not None
    return list(rule_set.sources)


def test_the_rule_set_used_here_has_both_kinds_of_source() -> None:
    sources = _qmas_sources()
    assert any(_official(u) for u in sources) and any(not _official(u) for u in sources), (
        "pick a rule set with an ImmD page and a third-party page for this test")


def test_client_sources_keeps_immd_and_govhk_pages_only() -> None:
    assert client_sources([
        "https://www.immd.gov.hk/eng/services/visas/GEP.html",
        "http://immd.gov.hk/eng/services/visas/secondgenerationhkpr.html",
        "https://www.gov.hk/en/residents/immigration/",
        "https://www.icc.org.hk/faq",
        "https://www.immd.gov.hk.example.com/fake",
        "http://www.news.gov.hk/eng/2018/09/20180918/20180918_141748_275.html",
        "https://asym.immiknow.com/zgxgyj/24110126707.html",
    ]) == ["https://www.immd.gov.hk/eng/services/visas/GEP.html",
           "http://immd.gov.hk/eng/services/visas/secondgenerationhkpr.html",
           "https://www.gov.hk/en/residents/immigration/"]
    assert client_sources(None) == [] and client_sources("https://www.immd.gov.hk/") == []


@pytest.fixture
def qmas_case(tmp_path: Path) -> tuple[Path, int, str]:
    data = tmp_path / "data"
    ctx = open_app(data)
    try:
        case_id, reference = make_case(ctx.store, scheme=Scheme.QMAS_GPT,
                                       kind=ApplicationType.NEW, limit=date(2027, 2, 15))
    finally:
        ctx.close()
    return data, case_id, reference


def test_pack_cites_immd_pages_and_no_third_party_page(qmas_case: tuple[Path, int, str],
                                                       tmp_path: Path) -> None:
    data, case_id, _reference = qmas_case
    ctx = open_app(data)
    try:
        target = tmp_path / "pack.pdf"
        outputs.render_pack(ctx.store, ctx.locations.attachments_dir, case_id, on=TODAY,
                            target=target)
    finally:
        ctx.close()
    text = squeezed(pdftotext(target))
    sources = _qmas_sources()
    official = [u for u in sources if _official(u)]
    others = [u for u in sources if not _official(u)]
    assert "QMAS_GPT" in text  # the eligibility section is there, with its rule set
    for url in official:
        assert squeezed(url) in text, f"the pack should cite {url}"
    for url in others:
        host = urlsplit(url).hostname or url
        assert host not in text, f"the client's pack cites a third-party page: {url}"
    assert "immiknow" not in text


def test_consultants_report_keeps_every_source(qmas_case: tuple[Path, int, str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data, _case_id, reference = qmas_case
    assert main(["--data-dir", str(data), "check", "--case", reference,
                 "--on", TODAY.isoformat()]) in (0, 1)
    out = capsys.readouterr().out
    for url in _qmas_sources():
        assert url in out, f"hkcase check should name {url}"
