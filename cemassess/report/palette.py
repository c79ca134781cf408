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


# -- what the colours mean: the same in the charts, the PDF and the app ----------------------
# The score scale of the role heatmap, 0 (the traditional practice) to 100 (CEM practised
# fully): warm at the low end, a neutral middle, the accent at the top. A band (a named
# maturity level) takes the scale's colour at its score.
SCORE_LOW = "#c8553d"
SCORE_LOW_MID = "#f2d0a4"
SCORE_MID = "#f7f7f2"
DETRACTOR = SCORE_LOW  # NPS answer mix: detractors, passives, promoters (the accent)
PASSIVE = "#b8b8b8"
PHASE_STATES = ("attained", "current", "ahead")


def score_stops(accent: str = ACCENT) -> tuple[str, str, str, str, str]:
    """The heatmap's five colours, evenly spaced from 0 to 100."""
    return SCORE_LOW, SCORE_LOW_MID, SCORE_MID, tint(accent, 0.45), accent


def mix(a: str, b: str, amount: float) -> str:
    """`a` moved towards `b` (amount 0 = a, 1 = b)."""
    ra, rb = rgb(a), rgb(b)
    return "#{:02x}{:02x}{:02x}".format(*(round(x + (y - x) * amount) for x, y in zip(ra, rb, strict=True)))


def score_colour(score: float | None, accent: str = ACCENT) -> str | None:
    """A 0-100 score's colour on the heatmap's scale (None: no score, no colour)."""
    if score is None or score != score:
        return None
    stops = score_stops(accent)
    x = min(1.0, max(0.0, score / 100)) * (len(stops) - 1)
    i = min(len(stops) - 2, int(x))
    return mix(stops[i], stops[i + 1], x - i)


def phase_colour(state: str, accent: str = ACCENT) -> str:
    """A phase's colour in the phase chart: attained in the accent, the current one a little
    lighter, the ones ahead pale."""
    return {"attained": accent, "current": tint(accent, 0.25), "ahead": tint(accent, 0.65)}[state]


def horizon_colour(horizon: str, accent: str = ACCENT) -> str:
    """A roadmap horizon's colour in the timeline: now in the accent, next and later lighter."""
    return {"now": accent, "next": tint(accent, 0.4), "later": tint(accent, 0.7)}[horizon]


def ink_on(background: str) -> str:
    """Text colour for a coloured background: white or black, whichever reads better (every
    colour of the scales above then reads at 4.5:1 or more)."""
    return WHITE if contrast(background, WHITE) >= contrast(background, "#000000") else "#000000"
