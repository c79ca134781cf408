"""The report's fonts: DejaVu Sans shipped in resources/fonts (Cyrillic, four faces, one family).

reportlab's built-in fonts have no Cyrillic (text would come out as black squares), so the
four faces are registered once per process and tied into a family so that <b> and <i> work.
"""

from __future__ import annotations

import threading

from cemassess.resources import resource

FAMILY = "CemSans"
FACES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Italic": "DejaVuSans-Oblique.ttf",
    f"{FAMILY}-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_done = False


def register_fonts() -> str:
    """Register the family (idempotent, thread-safe) and return its name."""
    global _done
    with _lock:
        if _done:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file in FACES.items():
            path = resource("fonts", file)
            if not path.is_file():
                raise FileNotFoundError(f"report font missing: {path}; the installation is incomplete")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=f"{FAMILY}-Bold",
                                      italic=f"{FAMILY}-Italic", boldItalic=f"{FAMILY}-BoldItalic")
        _done = True
        return FAMILY
