"""The app's charts as pixels, without Qt: the report's own chart functions drawn with Agg at
the size and pixel ratio of a slot on screen.

`cemassess.ui.charts` turns the pixels into a QImage on its drawing thread; the live room's
child process (cemassess.live.worker) draws the Event room's charts here, so the app's
process need not load matplotlib or hold its interpreter lock for them while phones answer.
matplotlib is imported by the first call, never on import.
"""

from __future__ import annotations

import warnings
from typing import Any

SCREEN_DPI = 96
MAX_WIDEN = 2.2  # a wide slot widens a chart up to this factor (same type size)
MAX_ENLARGE = 1.7  # or, on a projector, enlarges it whole up to this factor


def draw_chart(kind: str, res: Any, lang: str, theme: Any) -> Any:
    """The report layer's chart `kind` for these results: a matplotlib Figure, or None.

    Most kinds take `Results`; the event room's and the re-assessment's take what their
    report functions take: "strips" (framework, room profile), "phase_mix" (room profile),
    "trend" (framework, trend)."""
    if kind == "strips":
        from cemassess.report.room import strips

        fw, profile = res
        return strips(fw, profile, lang, theme)
    if kind == "phase_mix":
        from cemassess.report.room import phase_mix

        return phase_mix(res, lang, theme)
    if kind == "trend":
        from cemassess.report.sections_trend import trend_chart

        fw, trend = res
        return trend_chart(fw, trend, lang, theme)
    from cemassess.report import charts

    return getattr(charts, kind)(res, lang, theme)


def rasterize(fig: Any, width_px: int, ratio: float, enlarge: bool = False) -> tuple[bytes, int, int]:
    """Render the figure `width_px` logical pixels wide at most (`ratio` device pixels each):
    RGBA bytes, width, height (device pixels). A wider slot widens the chart, or with
    `enlarge` (the projector) scales all of it up."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    w_in, h_in = fig.get_size_inches()
    slot_in = width_px / SCREEN_DPI
    if enlarge:
        scale = max(0.6, min(MAX_ENLARGE, slot_in / w_in))
    elif slot_in >= w_in:  # a wider slot: the same type size, the layout spreads out
        fig.set_size_inches(min(slot_in, w_in * MAX_WIDEN), h_in)
        scale = 1.0
    else:  # a narrower one: everything shrinks a little
        scale = max(0.6, slot_in / w_in)
    fig.set_dpi(SCREEN_DPI * scale * ratio)
    canvas = FigureCanvasAgg(fig)
    with warnings.catch_warnings():  # a tight slot squeezes constrained layout: not worth a warning
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    return bytes(canvas.buffer_rgba()), w, h


def render_rgba(kind: str, res: Any, lang: str, theme: Any, width_px: int, ratio: float,
                enlarge: bool = False) -> tuple[bytes, int, int] | None:
    """draw_chart + rasterize; None when the chart has nothing to show."""
    fig = draw_chart(kind, res, lang, theme)
    return None if fig is None else rasterize(fig, width_px, ratio, enlarge)
