"""The one way user text enters the PDF: escaped, so reportlab's markup parser prints it literally.

reportlab's Paragraph parses its text as markup (`<b>`, `&amp;`, `<img src=...>`): a company
called `<b>R&D</b> 0.1 <A` would be bold, broken, or raise. Every user string goes through
`esc()`; markup lives only in the templates that call it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth

from cemassess.report.limits import TEXT_CAP, cap

__all__ = ["TEXT_CAP", "cap", "esc", "fit"]


def esc(text: object) -> str:
    """Escape any text for a Paragraph: &, <, > as entities, newlines as <br/>."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline and tab have no glyph and confuse the parser.
    s = "".join(ch for ch in s if ch in "\n\t" or ch >= " ")
    return escape(s).replace("\n", "<br/>")


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line, cut with an ellipsis to fit `width` (for canvas-drawn headers)."""
    s = " ".join(str(text).split())
    if stringWidth(s, font, size) <= width:
        return s
    lo, hi = 0, len(s)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(s[:mid] + "…", font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return s[:lo].rstrip() + "…"
