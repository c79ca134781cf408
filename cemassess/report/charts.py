"""The charts, one drawing function each, shared by the app (Qt canvas) and the PDF (PNG).

Every function takes `(res, lang, theme)` and returns a `matplotlib.figure.Figure`, or None
when there is nothing to draw. Only `matplotlib.figure.Figure` is used, never pyplot, so no
figure outlives its caller. Fonts and colours are set through a temporary rc context while
the figure is built (the values are copied into the artists then), behind a lock because
rcParams are process-wide and the app may draw on the GUI thread while a worker builds a PDF.
User text (custom action titles) is drawn with mathtext off, so a "$" prints as a "$".
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import textwrap
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from cemassess.domain.nps import PUBLISHED_B2B_NPS
from cemassess.domain.roadmap import HORIZON_MONTHS, HORIZONS, RoadmapItem
from cemassess.i18n import num, pct, role_name, tr
from cemassess.labels import published_label, published_source
from cemassess.report import palette
from cemassess.report.strings import STRINGS
from cemassess.report.theme import ChartTheme

if TYPE_CHECKING:
    from cemassess.domain.results import Results

FONT = "DejaVu Sans"  # ships inside matplotlib; has Cyrillic
BASE_PT = 8.5
_LOCK = threading.RLock()


def _s(key: str, lang: str, **fmt: object) -> str:
    return tr(key, lang, STRINGS, **fmt)


def _rc(theme: ChartTheme) -> dict[str, Any]:
    size = BASE_PT * theme.font_scale
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "font.size": size,
        "axes.titlesize": size * 1.1,
        "axes.labelsize": size,
        "xtick.labelsize": size * 0.92,
        "ytick.labelsize": size * 0.92,
        "legend.fontsize": size * 0.92,
        "text.parse_math": False,
        "text.color": theme.fg,
        "axes.labelcolor": theme.fg,
        "axes.edgecolor": theme.muted,
        "axes.facecolor": theme.bg,
        "figure.facecolor": theme.bg,
        "savefig.facecolor": theme.bg,
        "xtick.color": theme.fg,
        "ytick.color": theme.fg,
        "grid.color": theme.grid,
        "legend.frameon": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _chart(fn: Callable[..., Figure | None]) -> Callable[..., Figure | None]:
    @functools.wraps(fn)
    def wrapper(res: Results, lang: str, theme: ChartTheme | None = None) -> Figure | None:
        theme = theme or ChartTheme()
        with _LOCK, matplotlib.rc_context(_rc(theme)):
            return fn(res, lang, theme)

    return wrapper


def _figure(theme: ChartTheme, w: float, h: float) -> Figure:
    # Presentation mode enlarges the text; the canvas grows with it so labels still fit.
    k = max(1.0, theme.font_scale ** 0.5)
    return Figure(figsize=(w * k, h * k), dpi=theme.dpi, layout="constrained", facecolor=theme.bg)


def _wrap(text: str, width: int, max_lines: int = 4) -> str:
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(lines) > max_lines:  # the last line ends after a whole word, with "…"
        from cemassess.report.limits import short

        rest = " ".join(lines[max_lines - 1:])
        lines = lines[:max_lines - 1] + [short(rest, max(2, width))]
    return "\n".join(lines)


def _label_width(lang: str, base: int) -> int:
    return base if lang == "en" else int(base * 1.2)  # Cyrillic and most others run longer


def _tint(color: str, amount: float) -> tuple[float, float, float]:
    """Mix a colour with white (amount 0 = colour, 1 = white)."""
    r, g, b = to_rgb(color)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _gap(gap: float, lang: str = "en") -> str:
    gap = max(0.0, gap)
    return num(gap, lang, 0 if gap >= 1 else 1)


def action_title(res: Results, item: RoadmapItem, lang: str) -> str:
    from cemassess.report.detail import action_title as title

    return title(res, item, lang)


# -- radar ---------------------------------------------------------------------------------
@_chart
def radar(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    fw = res.framework
    dims = list(fw.dimensions)
    if not dims:
        return None
    n = len(dims)
    angles = [2 * math.pi * i / n for i in range(n)]
    closed = angles + angles[:1]

    def ring(values: list[float | None]) -> list[float]:
        v = [np.nan if x is None else x for x in values]
        return v + v[:1]

    fig = _figure(theme, 6.6, 5.4)
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 100)
    ax.set_yticks([25, 50, 75, 100])
    ax.set_yticklabels(["25", "50", "75", "100"], color=theme.muted, fontsize=BASE_PT * theme.font_scale * 0.8)
    ax.set_rlabel_position(180 / n)
    ax.set_xticks(angles)
    ax.set_xticklabels([])
    ax.grid(True, color=theme.grid, linewidth=0.7)
    ax.spines["polar"].set_color(theme.grid)

    b = res.benchmark
    shown = b is not None and any(c.shown for c in b.comparisons.values())
    if shown:
        assert b is not None
        comps = [b.comparisons.get(d.id) for d in dims]
        p10 = ring([c.p10 if c is not None and c.shown else None for c in comps])
        p90 = ring([c.p90 if c is not None and c.shown else None for c in comps])
        med = ring([c.median if c is not None and c.shown else None for c in comps])
        suffix = f" ({_s('chart.illustrative', lang)})" if b.pack.illustrative else ""
        ax.fill_between(closed, p10, p90, color=theme.band, alpha=0.55, linewidth=0,
                        label=_s("chart.band", lang) + suffix)
        ax.plot(closed, med, color=theme.muted, linewidth=1.3, linestyle="--",
                label=_s("chart.median", lang) + suffix)

    scores = ring([res.dimensions[d.id].score for d in dims])
    ax.plot(closed, scores, color=theme.accent, linewidth=2.2, marker="o", markersize=4,
            label=_s("chart.company", lang), zorder=5)
    ax.fill(closed, [0 if np.isnan(x) else x for x in scores], color=theme.accent, alpha=0.12, zorder=4)

    width = _label_width(lang, 16)
    for ang, d in zip(angles, dims, strict=True):
        s = res.dimensions[d.id].score
        label = _wrap(d.title(lang), width, 4) + "\n" + (num(s, lang, 1) if s is not None else _s("chart.not_scored", lang))
        disp = math.pi / 2 - ang  # angle on screen, counter-clockwise from the right
        c, si = math.cos(disp), math.sin(disp)
        ha = "left" if c > 0.15 else "right" if c < -0.15 else "center"
        va = "bottom" if si > 0.5 else "top" if si < -0.5 else "center"
        ax.text(ang, 112, label, ha=ha, va=va, fontsize=BASE_PT * theme.font_scale * 0.9,
                color=theme.fg, linespacing=1.1)
    # at the room's type size (slides, presentation mode) three entries side by side run past
    # the figure's edges: one under the other
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3 if shown and theme.font_scale <= 1.25 else 1,
              handlelength=1.6, columnspacing=1.2)
    return fig


# -- gaps to target -----------------------------------------------------------------------------
@_chart
def gap_bars(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    fw = res.framework
    targets = res.roadmap.targets
    rows = []
    for d in fw.dimensions:
        s = res.dimensions[d.id].score
        t = targets.get(d.id)
        if t is None:
            continue
        rows.append((d, s, t, (t - s) if s is not None else t))
    if not rows:
        return None
    # the roadmap's order: the dimension whose first action comes first leads (phase 1 first),
    # not the biggest distance to an arbitrary band floor
    first = {}
    for it in res.roadmap.items:
        if it.included and it.why is not None:
            first.setdefault(it.dimension_id, it.rank)
    rows.sort(key=lambda r: (first.get(r[0].id, 10**6), -r[3], r[0].id))
    h = 0.9 + 0.42 * len(rows)
    fig = _figure(theme, 6.6, h)
    ax = fig.add_subplot()
    y = np.arange(len(rows))[::-1]
    tgt = [r[2] for r in rows]
    cur = [r[1] or 0.0 for r in rows]
    ax.barh(y, tgt, height=0.62, color=_tint(theme.accent, 0.78) if not theme.dark else theme.band,
            label=_s("chart.target", lang))
    ax.barh(y, cur, height=0.62, color=theme.accent, label=_s("chart.current", lang))
    width = _label_width(lang, 26)
    ax.set_yticks(y, [_wrap(r[0].title(lang), width, 2) for r in rows])
    for yi, (_d, s, t, gap) in zip(y, rows, strict=True):
        # an unscored dimension's target of 0 (nothing known yet) is no target: no "→ 0"
        text = (f"{num(s, lang, 1)} → {t:.0f}  (+{_gap(gap, lang)})" if s is not None
                else _s("chart.not_scored", lang) + (f" → {t:.0f}" if t > 0 else ""))
        ax.text(min(t, 100) + 1.5, yi, text, va="center", ha="left",
                fontsize=BASE_PT * theme.font_scale * 0.85, color=theme.fg)
    ax.set_xlim(0, 122)  # room for the labels right of the bars
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.spines["bottom"].set_bounds(0, 100)  # the scale ends at 100, not where the labels end
    ax.grid(axis="x", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08 * 10 / max(6, len(rows)) - 0.02), ncol=2)
    return fig


# -- roles x dimensions ---------------------------------------------------------------------
@_chart
def role_heatmap(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    roles = list(res.roles)
    if len(roles) < 2:
        return None
    fw = res.framework
    dims = list(fw.dimensions)
    data = np.array([[res.roles[r].dimensions[d.id].score if res.roles[r].dimensions[d.id].score is not None
                      else np.nan for r in roles] for d in dims], dtype=float)
    h = 1.1 + 0.36 * len(dims)
    fig = _figure(theme, 6.6, h)
    ax = fig.add_subplot()
    cmap = LinearSegmentedColormap.from_list("cem", list(palette.score_stops(theme.accent))).with_extremes(
        bad=theme.grid)
    ax.imshow(data, cmap=cmap, vmin=0, vmax=100, aspect="auto")
    ax.set_xticks(range(len(roles)), [role_name(r.value, lang) for r in roles])
    ax.xaxis.tick_top()
    width = _label_width(lang, 30)
    ax.set_yticks(range(len(dims)), [_wrap(d.title(lang), width, 2) for d in dims])
    ax.tick_params(length=0)
    for sp in ax.spines.values():
        sp.set_visible(False)
    for i in range(len(dims)):
        for j in range(len(roles)):
            v = data[i, j]
            txt = "–" if np.isnan(v) else f"{v:.0f}"
            dark_cell = not np.isnan(v) and (v > 80 or v < 12)
            ax.text(j, i, txt, ha="center", va="center", fontsize=BASE_PT * theme.font_scale,
                    color="white" if dark_cell else "#222222")
    ax.set_xticks(np.arange(-0.5, len(roles)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(dims)), minor=True)
    ax.grid(which="minor", color=theme.bg, linewidth=2)
    ax.tick_params(which="minor", length=0)
    return fig


# -- NPS ---------------------------------------------------------------------------------
@_chart
def nps_panel(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    nps = res.nps
    if nps is None:
        return None
    fig = _figure(theme, 6.6, 2.9)
    gs = fig.add_gridspec(2, 1, height_ratios=[4.2, 1.25])
    ax = fig.add_subplot(gs[0])
    rows: list[tuple[str, float | None, float | None, float | None, bool]] = [
        (_s("chart.nps_company", lang) + f" (n={nps.n})", nps.score, None, None, True)]
    for p in PUBLISHED_B2B_NPS:
        rows.append((published_label(p, lang), p.value, p.low, p.high, False))
    y = np.arange(len(rows))[::-1]
    lo = min(-20.0, math.floor((nps.score - 10) / 10) * 10)
    for yi, (_label, val, low, high, own) in zip(y, rows, strict=True):
        if low is not None and high is not None:
            ax.plot([low, high], [yi, yi], color=theme.muted, linewidth=6, alpha=0.45, solid_capstyle="butt")
            ax.text(high + 2, yi, f"{low:.0f}–{high:.0f}", va="center", ha="left",
                    fontsize=BASE_PT * theme.font_scale * 0.8, color=theme.muted)
        if val is not None:
            ax.plot([val], [yi], marker="o", markersize=9 if own else 7,
                    color=theme.accent if own else theme.fg, zorder=5)
            ax.text(val, yi + 0.32, f"{val:+.0f}", ha="center", va="bottom",
                    fontsize=BASE_PT * theme.font_scale * (1.0 if own else 0.85),
                    fontweight="bold" if own else "normal", color=theme.accent if own else theme.fg)
    ax.axvline(0, color=theme.grid, linewidth=1)
    ax.set_xlim(lo, 100)
    ax.set_ylim(-0.6, len(rows) - 0.3)
    ax.set_yticks(y, [r[0] for r in rows])
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.grid(axis="x", linewidth=0.5)
    ax.set_axisbelow(True)

    mix = fig.add_subplot(gs[1])
    parts = [(nps.pct_detractors, palette.DETRACTOR, _s("chart.detractors", lang)),
             (nps.pct_passives, palette.PASSIVE, _s("chart.passives", lang)),
             (nps.pct_promoters, theme.accent, _s("chart.promoters", lang))]
    left = 0.0
    for share, color, label in parts:
        mix.barh([0], [share], left=left, color=color, height=0.55)
        if share >= 9:
            mix.text(left + share / 2, 0, f"{label} {pct(share / 100, lang)}", ha="center", va="center",
                     fontsize=BASE_PT * theme.font_scale * 0.8, color="white" if color != palette.PASSIVE else "#222222")
        left += share
    # the answer mix is a share (0-100 %), not an NPS: its own scale and label, so it cannot be
    # read against the -20...100 axis above it
    mix.set_xlim(0, 100)
    mix.set_yticks([0], [_s("chart.nps_mix_axis", lang)])
    mix.tick_params(axis="y", length=0)
    mix.set_xticks([0, 25, 50, 75, 100], [pct(x / 100, lang) for x in (0, 25, 50, 75, 100)])
    mix.tick_params(axis="x", labelsize=BASE_PT * theme.font_scale * 0.7, colors=theme.muted, length=2)
    for name, sp in mix.spines.items():
        sp.set_visible(name == "bottom")
    sources = sorted({published_source(p, lang) for p in PUBLISHED_B2B_NPS})
    fig.get_layout_engine().set(h_pad=0.04)
    mix.set_xlabel(_s("chart.nps_source", lang) + ": " + "; ".join(sources),
                   fontsize=BASE_PT * theme.font_scale * 0.72, color=theme.muted, wrap=True)
    return fig


# -- phases ---------------------------------------------------------------------------------
@_chart
def phase_progress(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    fw = res.framework
    ph = res.phase
    fig = _figure(theme, 6.6, 2.3)
    ax = fig.add_subplot()
    y = np.arange(3)[::-1]
    labels = []
    width = _label_width(lang, 24)
    for yi, st in zip(y, ph.phases, strict=True):
        attained = st.number <= ph.attained
        current = st.number == ph.current and not attained
        color = palette.phase_colour("attained" if attained else "current" if current else "ahead", theme.accent)
        ax.barh([yi], [100], color=theme.grid, height=0.55)
        ax.barh([yi], [st.progress * 100], color=color, height=0.55)
        state = _s("chart.phase_attained" if attained else "chart.phase_current" if current
                   else "chart.phase_later", lang)
        ax.text(101.5, yi, f"{pct(st.progress, lang)} · {state}\n"
                + _s("chart.phase_at4", lang, at=st.at_threshold, n=st.applicable),
                va="center", ha="left", fontsize=BASE_PT * theme.font_scale * 0.82, color=theme.fg,
                fontweight="bold" if current or (attained and st.number == ph.attained) else "normal")
        labels.append(_wrap(f"{tr('phase', lang)} {st.number}. {fw.phase(st.number).title(lang)}", width, 3))
    ax.set_yticks(y, labels)
    # room for the labels right of the bars grows with the type (presentation mode)
    ax.set_xlim(0, 100 + 55 * max(1.0, theme.font_scale))
    ax.set_xticks([0, 25, 50, 75, 100], [pct(x / 100, lang) for x in (0, 25, 50, 75, 100)])  # 25 % in ru, uk
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    return fig


# -- roadmap timeline ---------------------------------------------------------------------
PER_ACTION_MAX = 22  # above this many actions the timeline shows one row per dimension


def _months(res: Results, due: dt.date | None) -> float | None:
    if due is None:
        return None
    return (due - res.assessment.date).days / 30.44


@_chart
def timeline(res: Results, lang: str, theme: ChartTheme) -> Figure | None:
    items = res.roadmap.included
    if not items:
        return None
    fw = res.framework
    colors = {hz: palette.horizon_colour(hz, theme.accent) for hz in ("now", "next", "later")}
    per_action = len(items) <= PER_ACTION_MAX
    if per_action:
        rows = [(action_title(res, it, lang), [it]) for it in items]
        width = _label_width(lang, 38)
    else:
        by_dim: dict[str, list[RoadmapItem]] = {}
        for it in items:
            by_dim.setdefault(it.dimension_id, []).append(it)
        rows = [(fw.dimensions_by_id[d.id].title(lang), by_dim[d.id]) for d in fw.dimensions if d.id in by_dim]
        width = _label_width(lang, 30)
    h = 1.2 + 0.3 * len(rows)
    fig = _figure(theme, 6.6, h)
    ax = fig.add_subplot()
    y = np.arange(len(rows))[::-1]
    for yi, (_label, group) in zip(y, rows, strict=True):
        for hz in HORIZONS:
            here = [it for it in group if it.horizon == hz]
            if not here:
                continue
            a, b = HORIZON_MONTHS[hz]
            ax.barh([yi], [b - a - 0.25], left=a + 0.125, height=0.6, color=colors[hz])
            if not per_action:
                # the count alone: "3 actions" does not fit the 3-month bar, the caption says what it is
                ax.text((a + b) / 2, yi, str(len(here)), ha="center", va="center",
                        fontsize=BASE_PT * theme.font_scale * 0.75,
                        color="white" if hz == "now" else "#222222")
        for it in group:
            m = _months(res, it.due)
            if m is not None and 0 <= m <= 18:
                ax.plot([m], [yi], marker="D", markersize=4.5, color=theme.fg, zorder=5)
    ax.set_yticks(y, [_wrap(r[0], width, 2) for r in rows])
    ax.set_xlim(0, 18)
    ax.set_xticks([0, 3, 6, 9, 12, 15, 18])
    ax.set_xlabel(_s("chart.months", lang) + ("" if per_action else "  ·  " + _s("chart.bar_count", lang)))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines["left"].set_visible(False)
    for a, _b in HORIZON_MONTHS.values():
        ax.axvline(a, color=theme.muted, linewidth=0.8)
    handles = [Patch(color=colors[hz], label=tr(f"horizon.{hz}", lang)) for hz in HORIZONS]
    if any(_months(res, it.due) is not None for it in items):
        handles.append(Line2D([], [], marker="D", linestyle="", color=theme.fg,
                                               markersize=4.5, label=_s("chart.due", lang)))
    # Russian horizon names are long: two columns keep the legend inside the figure
    ncol = len(handles) if lang != "ru" and theme.font_scale <= 1.2 else 2
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=ncol,
              handlelength=1.2, columnspacing=1.0)
    return fig


ALL_CHARTS: dict[str, Callable[..., Figure | None]] = {
    "radar": radar,
    "gap_bars": gap_bars,
    "role_heatmap": role_heatmap,
    "nps_panel": nps_panel,
    "phase_progress": phase_progress,
    "timeline": timeline,
}
