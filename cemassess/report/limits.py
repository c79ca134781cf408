"""How much of a long user text a report prints (the XLSX export holds everything)."""

from __future__ import annotations

TEXT_CAP = 700  # characters of one comment, note or dissent in the PDF, DOCX and PPTX


def cap(text: object, limit: int = TEXT_CAP) -> tuple[str, bool]:
    """`text` cut to about `limit` characters at a word boundary, with " […]"; and whether it was cut.
    A readable length for a page; a 4,000-character comment would fill one on its own."""
    s = "" if text is None else str(text)
    if len(s) <= limit:
        return s, False
    cut = s[:limit]
    space = cut.rfind(" ", int(limit * 0.8))
    if space > 0:
        cut = cut[:space]
    return cut.rstrip() + " […]", True


def short(text: object, n: int) -> str:
    """`text` in at most `n` characters for a table cell or a slide, cut after a whole word
    (never mid-word) with "…"; a single word longer than the room is cut where it must be."""
    s = " ".join(("" if text is None else str(text)).split())
    if len(s) <= n:
        return s
    cut = s[: n - 1]
    space = cut.rfind(" ", int((n - 1) * 0.6))
    if space > 0 and not s[n - 1].isspace():
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"
