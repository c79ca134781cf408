"""Re-assessment: trend lines per dimension and the change since the last assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from reportlab.platypus import Flowable

from cemassess.explain import moved_note  # noqa: F401  (re-exported for the report)
from cemassess.i18n import Catalogue, num, plural, tr
from cemassess.report import charts as ch
from cemassess.report.flow import Ctx, fmt_score
from cemassess.report.theme import ChartTheme

if TYPE_CHECKING:
    from cemassess.domain.framework import Framework
    from cemassess.domain.trend import Trend

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


def trend_chart(fw: Framework, trend: Trend, lang: str, theme: ChartTheme | None = None) -> Figure | None:
    if len(trend.dates) < 2:
        return None
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
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=ch.BASE_PT * theme.font_scale * 0.75)
        return fig


def trend_section(ctx: Ctx, trend: Trend | None, charts: dict[str, Any]) -> list[Flowable]:
    if trend is None or len(trend.dates) < 2:
        return []
    lang, fw, w = ctx.lang, ctx.res.framework, ctx.width
    story = ctx.h1(_s("trend.title", lang))
    n = len(trend.dates)
    story.append(ctx.u(_s("trend.intro", lang, n=n, before=trend.dates[-2]), "body"))
    img = charts.get("trend")
    if img is not None:
        from cemassess.report.flow import ChartImage

        story.append(ChartImage(img, w))
    rows = [[ctx.th(tr("dimension", lang)), ctx.th(_s("trend.before", lang), "r"),
             ctx.th(_s("trend.after", lang), "r"), ctx.th(_s("trend.change", lang), "r"), ctx.th("")]]
    for c in trend.changes:
        rows.append([ctx.u(fw.dimensions_by_id[c.dimension_id].title(lang), "cell"),
                     ctx.u(fmt_score(c.before, ctx.lang), "cell_r"), ctx.u(fmt_score(c.after, ctx.lang), "cell_r"),
                     ctx.u(num(c.delta, ctx.lang, 1, sign=True), "cell_r"),
                     ctx.u(_s(f"trend.{c.direction}", lang), "cell")])
    story.append(ctx.table(rows, [w * 0.42, w * 0.12, w * 0.12, w * 0.12, w * 0.22]))
    return story
