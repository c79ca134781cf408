"""Re-assessment: trend lines per dimension and the change since the last assessment.

What the trend section says (`trend_words`: the title, the intro, the change table's rows,
every number in the reader's language) is decided here once, for the report model
(cemassess.report.model) that every writer reads: the PDF (`trend_section`), the Word report
and the debrief slides. The module imports no reportlab and no matplotlib at import time, so
the report model can use it; the chart and the PDF section import them when called.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cemassess.explain import moved_note  # noqa: F401  (re-exported for the report)
from cemassess.i18n import Catalogue, num, plural, tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from reportlab.platypus import Flowable

    from cemassess.domain.framework import Framework
    from cemassess.domain.trend import Trend
    from cemassess.report.flow import Ctx
    from cemassess.report.theme import ChartTheme

S: Catalogue = {
    "trend.title": "Change over time",
    "trend.intro": plural("This company has been assessed {n} time. The lines show each "
                          "dimension's score at each assessment; the table compares the latest "
                          "with the one before ({before}).",
                          "This company has been assessed {n} times. The lines show each "
                          "dimension's score at each assessment; the table compares the latest "
                          "with the one before ({before})."),
    "trend.before": "Before",
    "trend.after": "Now",
    "trend.change": "Change",
    "trend.up": "improved",
    "trend.down": "declined",
    "trend.flat": "about the same",
    "trend.new": "first scored now",
    "trend.unknown": "not comparable",
}


def _s(key: str, lang: str, **fmt: object) -> str:
    return tr(key, lang, S, **fmt)


@dataclass(frozen=True)
class TrendRow:
    dimension: str
    before: str  # "40,1" in Russian; "–" when not scored
    after: str
    change: str  # "+3,5"
    direction: str  # "improved", "declined"...
    direction_id: str  # up | down | flat | new | unknown


@dataclass(frozen=True)
class TrendWords:
    """The trend section as every writer shows it (None from `trend_words` without one)."""

    title: str
    intro: str
    head: tuple[str, str, str, str, str]  # dimension, before, now, change, ""
    rows: tuple[TrendRow, ...]
    dates: tuple[str, ...]


def trend_words(fw: Framework, trend: Trend | None, lang: str) -> TrendWords | None:
    """What the trend section says; None for a first assessment (nothing to compare)."""
    if trend is None or len(trend.dates) < 2:
        return None
    rows = tuple(TrendRow(fw.dimensions_by_id[c.dimension_id].title(lang) if c.dimension_id in fw.dimensions_by_id
                          else c.dimension_id,
                          num(c.before, lang, 1), num(c.after, lang, 1), num(c.delta, lang, 1, sign=True),
                          _s(f"trend.{c.direction}", lang), c.direction)
                 for c in trend.changes)
    head = (tr("dimension", lang), _s("trend.before", lang), _s("trend.after", lang), _s("trend.change", lang), "")
    return TrendWords(_s("trend.title", lang), _s("trend.intro", lang, n=len(trend.dates), before=trend.dates[-2]),
                      head, rows, tuple(trend.dates))


def trend_chart(fw: Framework, trend: Trend, lang: str, theme: ChartTheme | None = None) -> Figure | None:
    if len(trend.dates) < 2:
        return None
    from cemassess.report import charts as ch
    from cemassess.report.theme import ChartTheme

    theme = theme or ChartTheme()
    with ch._LOCK, ch.matplotlib.rc_context(ch._rc(theme)):
        fig = ch._figure(theme, 7.0, 3.6)
        ax = fig.add_subplot()
        x = list(range(len(trend.dates)))
        cmap = ch.matplotlib.colormaps["tab10"]
        for i, d in enumerate(fw.dimensions):
            ys = trend.series.get(d.id, [])
            pts = [(xi, y) for xi, y in zip(x, ys, strict=False) if y is not None]
            if pts:
                ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", markersize=3.5,
                        color=cmap(i % 10), linewidth=1.4, label=ch._wrap(d.title(lang), 34, 2))
        ov = [(xi, y) for xi, y in zip(x, trend.overall, strict=False) if y is not None]
        if ov:
            ax.plot([p[0] for p in ov], [p[1] for p in ov], color=theme.fg, linewidth=2.6,
                    label=tr("overall", lang))
        ax.set_xticks(x, trend.dates)
        ax.set_ylim(0, 100)
        ax.set_ylabel(tr("score", lang))
        ax.grid(axis="y")
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=ch.BASE_PT * theme.font_scale * 0.85)
        return fig


def trend_section(ctx: Ctx, trend: Trend | None, charts: dict[str, Any]) -> list[Flowable]:
    """The PDF's trend section, from the report model's words."""
    words = ctx.model.trend if ctx.model is not None else trend_words(ctx.res.framework, trend, ctx.lang)
    if words is None:
        return []
    w = ctx.width
    story = ctx.h1(words.title)
    story.append(ctx.u(words.intro, "body"))
    img = charts.get("trend")
    if img is not None:
        from reportlab.platypus import Spacer

        from cemassess.report.flow import ChartImage

        story += [ChartImage(img, w), Spacer(1, 8)]  # the dates under the chart clear of the table
    dim, before, after, change, _ = words.head
    rows = [[ctx.th(dim), ctx.th(before, "r"), ctx.th(after, "r"), ctx.th(change, "r"), ctx.th("")]]
    for r in words.rows:
        rows.append([ctx.u(r.dimension, "cell"), ctx.u(r.before, "cell_r"), ctx.u(r.after, "cell_r"),
                     ctx.u(r.change, "cell_r"), ctx.u(r.direction, "cell")])
    story.append(ctx.table(rows, [w * 0.42, w * 0.12, w * 0.12, w * 0.12, w * 0.22]))
    return story
