"""The upload set's printed index: item, files, pages, size and sha256, and what was left out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkcase.domain.messages import say
from hkcase.printing.result import RenderedPdf

if TYPE_CHECKING:
    from hkcase.services.filing.upload_set import UploadSet


def _size(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def render_index(result: UploadSet) -> RenderedPdf:
    """One A4 table per set (reportlab, imported here only)."""
    from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
    from reportlab.platypus import Spacer  # type: ignore[import-untyped, unused-ignore]

    from hkcase.printing.fonts import GlyphLog
    from hkcase.printing.layout import FRAME_WIDTH, Decor, Text, build, grid, key_values

    log = GlyphLog()
    text = Text(log)
    s = text.styles
    story: list[Any] = [
        text("Upload set", s.title, where="title", bold=True),
        key_values(text, [("Case", result.reference),
                          ("Prepared", result.made_on.isoformat()),
                          ("Limit", f"{result.max_bytes:,} bytes a file; "
                                    f"{', '.join(result.types)}")],
                   where="details", label_width=26 * mm),
        Spacer(1, 4 * mm)]
    head = ["No.", "Upload slot", "Files", "Pages", "Size", "sha256"]
    rows: list[list[Any]] = [[text(h, s.cell_head, where="index header", bold=True)
                              for h in head]]
    for item in result.items:
        where = f"item {item.number}"
        title = text(item.upload_slot, s.cell, where=where)
        if not item.files:
            state = "nothing accepted" if item.source_name is None else "left out"
            rows.append([text(str(item.number), s.cell, where=where), title,
                         text(f"({state}: {item.state.value})", s.cell_small, where=where),
                         "", "", ""])
            continue
        for k, f in enumerate(item.files):
            name = f.name.rsplit("/", 1)[-1]
            rows.append([text(str(item.number) if k == 0 else "", s.cell, where=where),
                         title if k == 0 else "", text(name, s.cell_small, where=where),
                         text(str(f.pages), s.cell, where=where),
                         text(_size(f.size_bytes), s.cell, where=where),
                         text("\n".join(f.sha256[i:i + 16] for i in range(0, 64, 16)),
                              s.cell_small, where=where)])
    widths = [10 * mm, 0.0, 46 * mm, 15 * mm, 18 * mm, 32 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    story.append(grid(rows, widths))
    if result.problems:
        story += [Spacer(1, 4 * mm), text("Not included", s.h2, where="problems", bold=True)]
        story += [text.bullet(say(p.message, "en"), where="problems")  # an English index
                  for p in result.problems]
    decor = Decor(header_left=result.reference, header_right="Upload set",
                  footer_left="hkcase upload set index")
    built = build(story, decor, log, title=f"Upload set {result.reference}")
    return RenderedPdf(built.data, built.pages, tuple(log.warnings()))
