"""A report set: the PDF, the Word report and the slides from one Results, with the charts
drawn once and shared by the PDF and the Word report (drawing them is most of each file's
cost); the slides draw theirs at the room's type size (`pptx_writer.SLIDE_FONT_SCALE`). The
format of each file follows its extension: .pdf, .docx or .pptx."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cemassess.domain.results import Results
from cemassess.report.theme import Branding, ChartTheme

FORMATS = (".pdf", ".docx", ".pptx")


def build_set(res: Results, lang: str, formats: Sequence[str], branding: Branding | None = None, *,
              anonymous: bool = False, trend: Any = None, invariant: bool = False) -> dict[str, bytes]:
    """format (".pdf"...) -> the file's bytes."""
    from cemassess.report.office import chart_images

    branding = branding or Branding()
    if anonymous:
        from cemassess.report.anonymity import anonymise

        res = anonymise(res)  # the charts (heatmap) are drawn from the anonymised results too
    images = chart_images(res, lang, ChartTheme(accent=branding.accent), trend=trend)
    out: dict[str, bytes] = {}
    kw: dict[str, Any] = {"trend": trend, "images": images, "anonymised": anonymous}
    for fmt in dict.fromkeys(f.lower() for f in formats):
        if fmt == ".pdf":
            from cemassess.report.pdf import ReportRenderer

            out[fmt] = ReportRenderer(res, lang, branding, invariant=invariant, **kw).generate()
        elif fmt == ".docx":
            from cemassess.report.docx_writer import DocxWriter

            out[fmt] = DocxWriter(res, lang, branding, **kw).build()
        elif fmt == ".pptx":
            from cemassess.report.pptx_writer import PptxWriter

            out[fmt] = PptxWriter(res, lang, branding, **kw).build()
        else:
            raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    return out


def write_set(res: Results, lang: str, paths: Sequence[Path | str], branding: Branding | None = None, *,
              anonymous: bool = False, trend: Any = None) -> list[Path]:
    """Write each file atomically; the format follows the extension."""
    from cemassess.exchange.atomic import atomic_write_bytes

    paths = [Path(p) for p in paths]
    data = build_set(res, lang, [p.suffix for p in paths], branding, anonymous=anonymous, trend=trend)
    for p in paths:
        atomic_write_bytes(p, data[p.suffix.lower()])
    return paths
