"""The one palette: colours shared by the charts, the PDF, the Office files (DOCX, PPTX) and
the app's stylesheet, as #rrggbb strings (no drawing library imported here)."""

from __future__ import annotations

ACCENT = "#1f5f8b"  # the default accent; a consultant's branding replaces it
INK = "#1d2330"  # body text
MUTED = "#5f6673"  # captions, secondary text
RULE = "#d5d9e0"  # table rules
ZEBRA = "#f4f6f9"  # alternate table rows
WARN = "#a4461f"  # warnings (incomplete answers)
WARN_BG = "#fbeee6"
WHITE = "#ffffff"


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def tint(hex_colour: str, amount: float) -> str:
    """Mix with white (amount 0 = the colour, 1 = white)."""
    r, g, b = rgb(hex_colour)
    return "#{:02x}{:02x}{:02x}".format(*(round(c + (255 - c) * amount) for c in (r, g, b)))


def _lum(c: int) -> float:
    x = c / 255
    return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4


def contrast(a: str, b: str = WHITE) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la = 0.2126 * _lum(rgb(a)[0]) + 0.7152 * _lum(rgb(a)[1]) + 0.0722 * _lum(rgb(a)[2])
    lb = 0.2126 * _lum(rgb(b)[0]) + 0.7152 * _lum(rgb(b)[1]) + 0.0722 * _lum(rgb(b)[2])
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


MIN_CONTRAST = 4.5  # WCAG AA for text against the white page


def readable(hex_colour: str, minimum: float = MIN_CONTRAST) -> str:
    """The colour darkened (hue kept) until it reaches `minimum` contrast against white;
    the colour itself when it already does."""
    if contrast(hex_colour) >= minimum:
        return "#" + "".join(f"{c:02x}" for c in rgb(hex_colour))
    r, g, b = rgb(hex_colour)
    for step in range(1, 101):
        k = 1 - step / 100
        out = f"#{round(r * k):02x}{round(g * k):02x}{round(b * k):02x}"
        if contrast(out) >= minimum:
            return out
    return INK
