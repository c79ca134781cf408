"""Event-mode reports: the room's anonymous summary and each participant's personal PDF.

The personal PDF is the standard report's renderer with a shorter story, and with the room
itself as the benchmark: a measured pack built from the room's distributions, so the radar,
the percentiles and the gaps read "you against the room" with no second implementation.
The summary names no company. With fewer than five participants no group figure is drawn.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from cemassess.domain.assessment import Assessment, Company
from cemassess.domain.benchmark import BenchmarkPack, Segment
from cemassess.domain.results import Results, evaluate
from cemassess.i18n import Catalogue, tr
from cemassess.report import charts as ch
from cemassess.report import sections_back as back
from cemassess.report import sections_front as front
from cemassess.report.flow import Ctx, fmt_int, fmt_score
from cemassess.report.pdf import ReportRenderer
from cemassess.report.theme import Branding, ChartTheme

if TYPE_CHECKING:
    from cemassess.domain.framework import Framework
    from cemassess.domain.room import RoomProfile

S: Catalogue = {
    "room.title": "The room's CEM profile",
    "room.kicker": "Event report",
    "room.intro": ("{n} participants assessed their own companies with the same framework. "
                   "The figures below describe the room as a whole; no company is named."),
    "room.too_few": ("Only {n} participants: group figures are shown from five participants upwards, "
                     "so that nobody can be recognised."),
    "room.dist": "Distribution per dimension",
    "room.dist_note": ("Each dot is one participant; the box spans the middle half of the room, "
                       "the line is the median."),
    "room.phases": "Phase mix",
    "room.phase0": "No phase yet",
    "room.phase_n": "Phase {n} attained",
    "room.participants": "participants",
    "room.table": "The room in figures",
    "room.you": "You",
    "room.segment": "This room",
    "room.source": "Self-assessments of {n} participants at {event} (this room)",
    "room.personal_title": "Your result against the room",
    "room.event": "Event",
}


def _s(key: str, lang: str, **fmt: object) -> str:
    return tr(key, lang, S, **fmt)


def room_pack(fw: Framework, profile: RoomProfile, event: str, lang: str = "en") -> BenchmarkPack | None:
    """The room as a measured benchmark pack (None below the 5-participant floor)."""
    if not profile.shown:
        return None
    seg = Segment(id="room", label=_s("room.segment", "en"), label_ru=_s("room.segment", "ru"),
                  overall=profile.overall, dimensions=profile.dimensions)
    return BenchmarkPack(
        id="room", title=f"{_s('room.segment', 'en')}: {event}"[:200],
        title_ru=f"{_s('room.segment', 'ru')}: {event}"[:200], framework=fw.id,
        created=dt.date.today(), provenance="measured",
        source=_s("room.source", lang, n=profile.n, event=event or "—")[:2000], segments=(seg,))


def strips(fw: Framework, profile: RoomProfile, lang: str, theme: ChartTheme | None = None,
           you: dict[str, float | None] | None = None) -> Figure | None:
    """Box and strip plot per dimension; `you` highlights one participant."""
    if not profile.shown:
        return None
    theme = theme or ChartTheme()
    with ch._LOCK, ch.matplotlib.rc_context(ch._rc(theme)):
        dims = fw.dimensions
        fig = ch._figure(theme, 7.2, 0.42 * len(dims) + 1.0)
        ax = fig.add_subplot()
        data = [profile.scores.get(d.id, []) for d in dims]
        pos = list(range(len(dims), 0, -1))
        ax.boxplot(data, positions=pos, orientation="horizontal", widths=0.55, showfliers=False, patch_artist=True,
                   boxprops={"facecolor": ch._tint(theme.accent, 0.8), "edgecolor": theme.muted},
                   medianprops={"color": theme.accent, "linewidth": 2},
                   whiskerprops={"color": theme.muted}, capprops={"color": theme.muted})
        rng = ch.np.random.default_rng(7)  # fixed jitter: the same picture every time
        for y, vals in zip(pos, data, strict=True):
            if vals:
                ax.scatter(vals, y + rng.uniform(-0.18, 0.18, len(vals)), s=9, color=theme.fg,
                           alpha=0.35, linewidths=0, zorder=3)
        if you:
            xs = [(you.get(d.id), y) for d, y in zip(dims, pos, strict=True) if you.get(d.id) is not None]
            ax.scatter([x for x, _ in xs], [y for _, y in xs], marker="D", s=46, color=theme.accent,
                       edgecolors=theme.bg, linewidths=1.2, zorder=4, label=_s("room.you", lang))
            ax.legend(loc="lower right")
        ax.set_yticks(pos, [ch._wrap(d.title(lang), ch._label_width(lang, 30), 2) for d in dims])
        ax.set_xlim(0, 100)
        ax.grid(axis="x")
        ax.set_xlabel(tr("score", lang))
        return fig


def phase_mix(profile: RoomProfile, lang: str, theme: ChartTheme | None = None) -> Figure | None:
    if not profile.shown:
        return None
    theme = theme or ChartTheme()
    with ch._LOCK, ch.matplotlib.rc_context(ch._rc(theme)):
        fig = ch._figure(theme, 7.2, 2.2)
        ax = fig.add_subplot()
        labels = [_s("room.phase0", lang)] + [_s("room.phase_n", lang, n=n) for n in (1, 2, 3)]
        counts = [profile.phase_mix.get(n, 0) for n in range(4)]
        bars = ax.barh(labels[::-1], counts[::-1], color=theme.accent)
        ax.bar_label(bars, padding=3)
        ax.set_xlabel(_s("room.participants", lang))
        ax.set_xlim(0, max(counts) * 1.15 + 1)
        return fig


class RoomSummaryRenderer(ReportRenderer):
    """The room summary: anonymous distributions, the phase mix, the figures as a table."""

    def __init__(self, fw: Framework, profile: RoomProfile, lang: str, event: str = "",
                 branding: Branding | None = None, **kw: Any) -> None:
        title = event or _s("room.title", lang)
        shell = Assessment(framework=fw.id, company=Company(name=title), date=dt.date.today())
        super().__init__(evaluate(fw, shell), lang, branding, **kw)
        self.profile, self.event = profile, event

    def on_first_page(self, canvas: Any, doc: Any) -> None:
        # not a client's report: no cover band, no "confidential to the assessed company"
        self.on_later_pages(canvas, doc)

    def render_charts(self) -> dict[str, Any]:
        from cemassess.report.raster import figure_to_image

        out = {}
        for name, fig in (("strips", strips(self.res.framework, self.profile, self.lang, self.theme)),
                          ("phase_mix", phase_mix(self.profile, self.lang, self.theme))):
            if fig is not None:
                out[name] = figure_to_image(fig)
        self._tick(0.6)
        return out

    def story(self, ctx: Ctx) -> list[Flowable]:
        lang, prof, fw = ctx.lang, self.profile, self.res.framework
        flow: list[Flowable] = [ctx.u(_s("room.kicker", lang).upper(), "cover_kicker")]
        flow += ctx.h1(_s("room.title", lang))
        if self.event:
            flow.append(ctx.u(self.event, "cover_sub"))
        flow.append(ctx.u(dt.date.today().isoformat(), "caption"))
        flow += [NextPageTemplate("portrait"), Spacer(1, 12)]
        if not prof.shown:
            return flow + [ctx.u(_s("room.too_few", lang, n=prof.n), "body")]
        flow.append(ctx.u(_s("room.intro", lang, n=prof.n), "body"))
        flow += ctx.h2(_s("room.dist", lang), need=300)
        img = ctx.chart("strips", ctx.width)
        if img is not None:
            flow += [img, ctx.u(_s("room.dist_note", lang), "caption")]
        flow += ctx.h2(_s("room.phases", lang), need=160)
        img = ctx.chart("phase_mix", ctx.width * 0.85)
        if img is not None:
            flow.append(img)
        w = ctx.width
        rows = [[ctx.th(tr("dimension", lang)), ctx.th("n", "r"), ctx.th("P10", "r"),
                 ctx.th("P25", "r"), ctx.th(ctx.s("prof.median"), "r"), ctx.th("P75", "r"), ctx.th("P90", "r")]]
        for d in fw.dimensions:
            dist = prof.dimensions.get(d.id)
            if dist is None:
                rows.append([ctx.u(d.title(lang), "cell")] + [ctx.u("–", "cell_r")] * 6)
                continue
            rows.append([ctx.u(d.title(lang), "cell"), ctx.u(str(dist.n), "cell_r")]
                        + [ctx.u(fmt_int(v, ctx.lang), "cell_r") for v in (dist.p10, dist.p25, dist.median, dist.p75, dist.p90)])
        if prof.overall is not None:
            o = prof.overall
            rows.append([ctx.u(tr("overall", lang), "cell_b"), ctx.u(str(o.n), "cell_r")]
                        + [ctx.u(fmt_score(v, ctx.lang), "cell_r") for v in (o.p10, o.p25, o.median, o.p75, o.p90)])
        flow += ctx.h2(_s("room.table", lang), need=260) + [
            ctx.table(rows, [w * 0.34] + [w * 0.11] * 6)]
        return flow


class PersonalRenderer(ReportRenderer):
    """One participant's report: the standard sections that matter at an event, the room as
    the benchmark, where they sit in each dimension's distribution, and the actions to start
    now (the full roadmap stays in their own assessment). Built by the hundred, so charts are
    drawn at 120 dpi."""

    def __init__(self, res: Results, profile: RoomProfile, lang: str, **kw: Any) -> None:
        kw.setdefault("theme", ChartTheme(dpi=120))
        super().__init__(res, lang, **kw)
        self.profile = profile
        res.roadmap.items = [i for i in res.roadmap.items if i.horizon == "now"]

    def render_charts(self) -> dict[str, Any]:
        from cemassess.report.raster import figure_to_image

        out: dict[str, Any] = {}
        for name in ("radar", "gap_bars", "phase_progress"):
            fig = ch.ALL_CHARTS[name](self.res, self.lang, self.theme)
            if fig is not None:
                out[name] = figure_to_image(fig)
        you = {d: s.score for d, s in self.res.dimensions.items()}
        fig = strips(self.res.framework, self.profile, self.lang, self.theme, you=you)
        if fig is not None:
            out["strips"] = figure_to_image(fig)
        self._tick(0.6)
        return out

    def story(self, ctx: Ctx) -> list[Flowable]:
        flow: list[Flowable] = front.cover(ctx) + [NextPageTemplate("portrait")]
        for section in (front.summary, front.profile, front.phases):
            part = section(ctx)
            if part:
                flow += [PageBreak()] + part
        img = ctx.chart("strips", ctx.width)
        if img is not None:
            flow += [PageBreak()] + ctx.h1(_s("room.personal_title", ctx.lang)) + [
                img, ctx.u(_s("room.dist_note", ctx.lang), "caption")]
        road = back.roadmap(ctx)
        if road:
            flow += [NextPageTemplate("landscape"), PageBreak()] + road
        return flow
