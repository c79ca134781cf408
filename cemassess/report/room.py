"""Event-mode reports: the room's anonymous summary and each participant's personal PDF.

The personal PDF is the standard report's renderer with a shorter story, and with the room
itself as the benchmark: a measured pack built from the room's distributions, so the radar,
the percentiles and the gaps read "you against the room" with no second implementation.
The summary names no company. With fewer than five participants no group figure is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from cemassess.domain.assessment import Assessment, Company
from cemassess.domain.benchmark import MIN_N, BenchmarkPack, Segment
from cemassess.domain.results import Results, evaluate
from cemassess.i18n import Catalogue, pct, tr
from cemassess.report import charts as ch
from cemassess.report import sections_back as back
from cemassess.report import sections_front as front
from cemassess.report.flow import Ctx, fmt_int, fmt_score, guard_tails
from cemassess.report.pdf import ReportRenderer
from cemassess.report.text import esc
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
    # --- h15 ---
    "room.common_gaps": "The room's most common gaps",
    "room.common_gaps_note": ("How many participants have the dimension among their three weakest. Counts "
                              "below five are not shown."),
    "room.common_actions": "The room's most common first actions",
    "room.common_actions_note": ("How many participants have the action among the first three of their roadmap. "
                                 "Counts below five are not shown."),
    "room.none_common": "No gap or action is shared by five participants or more.",
    "room.count_col": "Participants",
    "room.partial": ("{k} of {n} participants answered fewer than {pct} of the practices. They receive their "
                     "personal report, marked as partial, but are left out of the room's figures, which "
                     "describe the other {m}."),
    "room.partial_you": ("Partial: you answered {answered} of {total} practices, so your result is not part of "
                         "the room's figures."),
    "room.few": "fewer than 5",
    "room.phase_hidden": "Phases reached by fewer than five participants are not shown.",
    # --- look15 ---
    "room.no_common_gaps": "No dimension is among the three weakest of five participants or more.",
    "room.no_common_actions": "No action is among the first three of five participants or more.",
    "room.withheld": "not shown",
    "room.phase_hidden_more": ("Phases reached by fewer than five participants are not shown, nor one more "
                               "count: with the room's size known, it would give them away."),
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
        # the privacy floor per dimension: no box, no dot where fewer than MIN_N scored it
        # (the table hides those figures; a dot is one company's exact score)
        data = [vals if len(vals) >= MIN_N else [] for vals in (profile.scores.get(d.id, []) for d in dims)]
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
            # outside the plot: inside it the legend's diamond reads as one more data point
            fig.legend(loc="outside upper right", frameon=False)
        ax.set_yticks(pos, [ch._wrap(d.title(lang), ch._label_width(lang, 30), 2) for d in dims])
        ax.set_xlim(0, 100)
        ax.grid(axis="x")
        ax.set_xlabel(tr("score", lang))
        return fig


def phase_hidden(counts: list[int]) -> list[bool]:
    """Which of the phase mix's counts are withheld. A phase reached by 1-4 participants would
    single them out; so would a 0 shown beside them, or a lone withheld count, since the room's
    size is printed: the hidden one would be the size minus the others. So every count below
    the floor (0 too) is "fewer than 5", and a lone one takes the next smallest with it."""
    hidden = [c < MIN_N for c in counts]
    if sum(hidden) == 1 and len(counts) > 1:
        k = min((c, i) for i, c in enumerate(counts) if not hidden[i])[1]
        hidden[k] = True
    return hidden


def phase_mix(profile: RoomProfile, lang: str, theme: ChartTheme | None = None) -> Figure | None:
    if not profile.shown:
        return None
    theme = theme or ChartTheme()
    with ch._LOCK, ch.matplotlib.rc_context(ch._rc(theme)):
        fig = ch._figure(theme, 7.2, 2.2)
        ax = fig.add_subplot()
        labels = [_s("room.phase0", lang)] + [_s("room.phase_n", lang, n=n) for n in (1, 2, 3)]
        counts = [profile.phase_mix.get(n, 0) for n in range(4)]
        hidden = phase_hidden(counts)
        shown = [0 if h else c for c, h in zip(counts, hidden, strict=True)]
        bars = ax.barh(labels[::-1], shown[::-1], color=theme.accent)
        ax.bar_label(bars, labels=[str(c) if not h else _s("room.few", lang) if c < MIN_N else _s("room.withheld", lang)
                                   for c, h in zip(counts[::-1], hidden[::-1], strict=True)], padding=3)
        ax.set_xlabel(_s("room.participants", lang))
        ax.set_xlim(0, max(shown + [MIN_N]) * 1.3 + 1)
        return fig


@dataclass
class RoomDigest:
    """What the trainer presents beyond the distributions; counts below MIN_N are withheld."""

    n: int  # participants with a report
    counted: int  # in the room's figures (not partial)
    partial: int
    gaps: list[tuple[str, int]] = field(default_factory=list)  # dimension title, participants
    actions: list[tuple[str, int]] = field(default_factory=list)  # action title, participants


def digest(room: Any, lang: str, k: int = 5) -> RoomDigest:
    """The most common gaps (a dimension among a participant's three weakest) and first actions
    (among the first three of a participant's roadmap), over the participants counted."""
    fw = room.framework
    counted = room.complete_results
    d = RoomDigest(len(room.results), len(counted), len(room.partial))
    if len(counted) < MIN_N:
        return d
    gaps: Counter[str] = Counter()
    acts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for r in counted:
        gaps.update(r.weakest(3))
        for it in r.roadmap.included[:3]:
            act = fw.actions.get(it.id)
            if act is not None and not it.custom:
                acts[it.id] += 1
                titles[it.id] = act.title(lang)
    d.gaps = [(fw.dimensions_by_id[x].title(lang), c) for x, c in gaps.most_common() if c >= MIN_N][:k]
    d.actions = [(titles[x], c) for x, c in acts.most_common() if c >= MIN_N][:k]
    return d


class RoomSummaryRenderer(ReportRenderer):
    """The room summary: anonymous distributions, the phase mix, the figures as a table."""

    def __init__(self, fw: Framework, profile: RoomProfile, lang: str, event: str = "",
                 branding: Branding | None = None, digest: RoomDigest | None = None, **kw: Any) -> None:
        title = event or _s("room.title", lang)
        shell = Assessment(framework=fw.id, company=Company(name=title), date=dt.date.today(), status="complete")
        kw.setdefault("anonymous", True)
        super().__init__(evaluate(fw, shell), lang, branding, **kw)
        self.profile, self.event, self.digest = profile, event, digest

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
        dg = self.digest
        if dg is not None and dg.partial:
            from cemassess.workshop import PARTIAL_BELOW

            flow.append(ctx.u(_s("room.partial", lang, k=dg.partial, n=dg.n, pct=pct(PARTIAL_BELOW, lang),
                                 m=dg.counted), "note"))
        if dg is not None:
            flow += self._common(ctx, dg)
        img = ctx.chart("strips", ctx.width)
        flow += ctx.h2(_s("room.dist", lang), need=max(300, img.draw_height + 50) if img is not None else 300)
        if img is not None:  # the heading stays with its chart
            flow += [img, ctx.u(_s("room.dist_note", lang), "caption")]
        flow += ctx.h2(_s("room.phases", lang), need=160)
        img = ctx.chart("phase_mix", ctx.width * 0.85)
        if img is not None:
            flow.append(img)
            counts = [prof.phase_mix.get(n, 0) for n in range(4)]
            hidden = phase_hidden(counts)
            if any(h and c >= MIN_N for c, h in zip(counts, hidden, strict=True)):
                flow.append(ctx.u(_s("room.phase_hidden_more", lang), "caption"))
            elif any(hidden):
                flow.append(ctx.u(_s("room.phase_hidden", lang), "caption"))
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


    def _common(self, ctx: Ctx, dg: RoomDigest) -> list[Flowable]:
        lang, w = ctx.lang, ctx.width
        out: list[Flowable] = []
        if not dg.gaps and not dg.actions:
            return ctx.h2(_s("room.common_gaps", lang), need=120) + [ctx.u(_s("room.none_common", lang), "body")]
        for title, note, rows in (("room.common_gaps", "room.common_gaps_note", dg.gaps),
                                  ("room.common_actions", "room.common_actions_note", dg.actions)):
            if not rows:  # said, not left out: the trainer is asked about it
                out += ctx.h2(_s(title, lang), need=80) + [
                    ctx.u(_s("room.no_common_gaps" if title == "room.common_gaps" else "room.no_common_actions", lang),
                          "body")]
                continue
            out += ctx.h2(_s(title, lang), need=150)
            body = [[ctx.th(tr("dimension", lang) if title == "room.common_gaps" else ctx.s("m.action")),
                     ctx.th(_s("room.count_col", lang), "r")]]
            body += [[ctx.u(t, "cell"), ctx.u(str(c), "cell_r")] for t, c in rows]
            out += [ctx.table(body, [w * 0.8, w * 0.2]), ctx.u(_s(note, lang), "caption")]
        return out


class PersonalRenderer(ReportRenderer):
    """One participant's report: the standard sections that matter at an event, the room as
    the benchmark, where they sit in each dimension's distribution, and the actions to start
    now (the full roadmap stays in their own assessment). Built by the hundred, so charts are
    drawn at 120 dpi."""

    def __init__(self, res: Results, profile: RoomProfile, lang: str, *, event: str = "", partial: bool = False,
                 **kw: Any) -> None:
        kw.setdefault("theme", ChartTheme(dpi=120))
        kw.setdefault("anonymous", True)
        super().__init__(res, lang, **kw)
        self.profile, self.event, self.partial = profile, event, partial
        if event:
            self.extra_facts = [(_s("room.event", self.lang), event)]
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
        from cemassess.report import sections_exec as ex

        flow: list[Flowable] = front.cover(ctx) + [NextPageTemplate("portrait")]
        if self.partial:
            c = self.res.completion
            flow.append(ctx.p("<b>" + esc(_s("room.partial_you", ctx.lang, answered=c.answered, total=c.total))
                              + "</b>", "warn"))
        for section in (lambda c: ex.executive(c, c.model), front.profile, front.phases):
            part = section(ctx)
            if part:
                flow += [PageBreak()] + part
        img = ctx.chart("strips", ctx.width)
        if img is not None:
            flow += [PageBreak()] + ctx.h1(_s("room.personal_title", ctx.lang)) + [
                img, ctx.u(_s("room.dist_note", ctx.lang), "caption")]
        road = back.roadmap(ctx)
        if road:
            flow += [NextPageTemplate("landscape"), PageBreak()] + guard_tails(road)
        return flow
