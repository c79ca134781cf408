"""Report sections 1-5: cover, executive summary, profile, phases, one section per dimension."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph, Spacer, Table

from cemassess.domain.nps import PUBLISHED_B2B_NPS
from cemassess.domain.results import Results
from cemassess.explain import (
    band_note,
    headline,
    no_actions,
    withheld_lines,
)
from cemassess.i18n import num, pct, tr
from cemassess.labels import segment_title
from cemassess.report.charts import action_title
from cemassess.report.detail import incomplete, quoted
from cemassess.report.flow import Ctx, WidowTable, fmt_score
from cemassess.report.limits import short
from cemassess.report.model import signed
from cemassess.report.styles import RULE, WARN, WARN_BG, tint
from cemassess.report.text import esc


# -- shared facts -----------------------------------------------------------------------------
def owner_of(res: Results, item, lang: str) -> str:
    act = res.framework.actions.get(item.id)
    return item.owner or (act.owner(lang) if act is not None and not item.custom else "")


def kpi_of(res: Results, item, lang: str) -> str:
    act = res.framework.actions.get(item.id)
    return item.kpi or (act.kpi(lang) if act is not None and not item.custom else "")


def start_now(res: Results, k: int = 3):
    inc = res.roadmap.included
    now = [i for i in inc if i.horizon == "now"]
    return (now or inc)[:k]


def incomplete_box(ctx: Ctx) -> Flowable | None:
    """The report model's incomplete-answers notice (detail.incomplete) as a tinted box."""
    box = ctx.model.detail.incomplete if ctx.model is not None else incomplete(ctx.res, ctx.lang)
    if box is None:
        return None
    body = [ctx.u(box.title, "warn_b")] + [ctx.u(line, "warn") for line in box.lines]
    t = Table([[body]], colWidths=[ctx.width])
    t.setStyle([("BACKGROUND", (0, 0), (-1, -1), WARN_BG), ("LINEBEFORE", (0, 0), (0, -1), 2.5, WARN),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)])
    return t


def benchmark_caption(ctx: Ctx) -> list[Flowable]:
    pw = ctx.model.detail.profile  # the report model's words (detail.profile_words)
    out = [ctx.p(f"<b>{esc(pw.illustrative)}</b>", "warn")] if pw.illustrative else []
    out.append(ctx.u(pw.caption, "caption"))
    if pw.too_few:
        out.append(ctx.u(pw.too_few, "caption"))
    return out


# -- 1 cover ----------------------------------------------------------------------------------
def cover(ctx: Ctx) -> list[Flowable]:
    a = ctx.res.assessment
    name = a.company.name or ctx.s("cover.no_company")
    size = 22 if len(name) <= 60 else 16 if len(name) <= 160 else 11
    company_style = ctx.st["cover_company"].clone("cc", fontSize=size, leading=size * 1.22)
    story: list[Flowable] = [
        Spacer(1, 38 * mm),
        ctx.u(ctx.s("cover.kicker").upper(), "cover_kicker"),
        ctx.u(ctx.s("cover.title"), "cover_title"),
        ctx.u(ctx.s("cover.subtitle"), "cover_sub"),
        Paragraph(esc(name), company_style),
    ]
    if a.title:
        story.append(ctx.u(a.title, "lead"))
    m = ctx.model
    rows = [[ctx.u(k, "cover_meta_k"), ctx.u(v, "cover_meta_v")] for k, v in m.facts
            if not (ctx.branding.consultant and k == ctx.s("m.by"))]  # the letterhead names the firm
    if rows:
        t = Table(rows, colWidths=[42 * mm, ctx.width - 42 * mm], hAlign="LEFT")
        t.setStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, ctx.st.accent),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
        story += [Spacer(1, 8 * mm), t]
    return [KeepInFrame(ctx.width, ctx.height - 30 * mm, story, mode="shrink")]


# -- 2 executive summary ----------------------------------------------------------------------
def _tile(ctx: Ctx, label: str, value: str, note: str) -> list[Flowable]:
    return [ctx.u(label.upper(), "kpi_label"), ctx.p(value, "kpi_value"), Spacer(1, 3), ctx.p(note, "kpi_note")]


def _nps_ref(ctx: Ctx) -> str:
    """The published B2B figures in a few words (values from domain.nps, not retyped)."""
    ref = {p.key: p for p in PUBLISHED_B2B_NPS}
    best = ref["b2b_best"]
    return ctx.s("sum.nps_ref", avg15=signed(ref["b2b_avg_2015"].value, ctx.lang),
                 avg5=signed(ref["b2b_avg_5y"].value, ctx.lang), lo=num(best.low, ctx.lang, 0),
                 hi=num(best.high, ctx.lang, 0))


def summary(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    ov, ph, m = res.overall, res.phase, res.assessment.metrics
    w = ctx.width
    tiles = [
        _tile(ctx, tr("overall", lang), fmt_score(ov.score, ctx.lang) + '<font size="10"> / 100</font>',
              esc(ov.band.name(lang)) if ov.band else esc(tr("not_scored", lang)))
        if ov.score is not None else
        _tile(ctx, tr("overall", lang), '<font size="12">' + esc(headline(ov, lang)) + "</font>",
              esc(" ".join(withheld_lines(ov, lang)[1:]))),
        _tile(ctx, tr("current_phase", lang), f"{ph.current}" + '<font size="10"> / 3</font>',
              esc(fw.phase(ph.current).title(lang)) + "<br/>"
              + esc(ctx.s("sum.phase_progress", pct=pct(ph.progress, lang), attained=ph.attained))),
        _tile(ctx, "NPS", signed(res.nps.score, lang) if res.nps else "–",
              (esc(ctx.s("sum.nps_n", n=res.nps.n)) + "<br/>" + esc(_nps_ref(ctx))) if res.nps
              else esc(ctx.s("sum.not_measured"))),
        _tile(ctx, ctx.s("sum.retention"), pct(m.retention_rate / 100, lang) if m.retention_rate is not None else "–",
              esc(", ".join(x for x in (
                  ctx.s("sum.churn", v=pct(m.churn_rate / 100, lang)) if m.churn_rate is not None else "",
                  m.period) if x)) if m.retention_rate is not None or m.churn_rate is not None
              else esc(ctx.s("sum.not_measured"))),
    ]
    kpis = Table([tiles], colWidths=[w / 4] * 4, hAlign="LEFT")
    kpis.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEABOVE", (0, 0), (-1, 0), 2, ctx.st.accent),
                   ("BACKGROUND", (0, 0), (-1, -1), tint(ctx.st.accent, 0.94)),
                   ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                   ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)])

    # what it means, in plain words: the level (and the benchmark), then the phase
    company = res.assessment.company.name or ctx.s("sum.the_company")
    level, phase = "", ""
    if ov.score is not None and ov.band is not None:
        level = esc(ctx.s("sum.index", company=company, score=fmt_score(ov.score, ctx.lang),
                          band=ov.band.name(lang), meaning=ov.band.meaning(lang)))
        if band_note(ov, lang):
            level += " " + esc(band_note(ov, lang))
    elif ov.withheld:
        level = esc(" ".join(withheld_lines(ov, lang)))
    if res.benchmark is not None:
        ahead = [c for c in res.benchmark.comparisons.values()
                 if c.shown and c.gap_to_median is not None and c.gap_to_median < 0]
        shown = [c for c in res.benchmark.comparisons.values() if c.shown and c.score is not None]
        if shown:
            level += (" " + esc(ctx.s("sum.bench", ahead=len(ahead), n=len(shown),
                                      segment=segment_title(res.benchmark.segment, lang)))
                      + (f" <b>{esc(tr('illustrative', lang))}.</b>" if res.benchmark.pack.illustrative else ""))
    if ph.attained == 0:
        phase = esc(ctx.s("sum.no_phase", title=fw.phase(1).title(lang), desc=fw.phase(1).description(lang)))
    elif ph.attained == 3:
        phase = esc(ctx.s("sum.all_phases"))
    else:
        phase = esc(ctx.s("sum.phase", n=ph.attained, title=fw.phase(ph.attained).title(lang),
                          nxt=ph.current, next_title=fw.phase(ph.current).title(lang),
                          desc=fw.phase(ph.current).description(lang)))
    if ph.attained < 3 and ph.blocking:
        phase += " " + esc(ctx.s("sum.blocking", k=len(ph.blocking), n=ph.current))
    meaning = [x for x in (level.strip(), phase) if x]

    def dim_table(title: str, ids: list[str], width: float) -> Table:
        rows = [[ctx.th(title), ctx.th(tr("score", lang), "r"), ctx.th(tr("level", lang))]]
        widths = [width * 0.50, width * 0.15, width * 0.35]
        for did in ids:
            s = res.dimensions[did]
            rows.append([ctx.u(fw.dimensions_by_id[did].title(lang), "cell"), ctx.u(fmt_score(s.score, ctx.lang), "cell_r"),
                         ctx.u(s.band.name(lang) if s.band else "–", "cell")])
        if len(rows) == 1:
            rows.append([ctx.u(tr("not_scored", lang), "cell"), "", ""])
        return ctx.table(rows, widths)

    half = (w - 8 * mm) / 2
    strong = dim_table(ctx.s("sum.strongest"), res.strongest(3), half)
    weak = dim_table(ctx.s("sum.weakest"), res.weakest(5), half)
    pair = Table([[strong, weak]], colWidths=[half + 8 * mm, half], hAlign="LEFT")
    pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm), ("RIGHTPADDING", (1, 0), (1, 0), 0)])

    story: list[Flowable] = [kpis, Spacer(1, 10)]
    box = incomplete_box(ctx)
    if box is not None:
        story += [box, Spacer(1, 8)]
    story += [ctx.u(ctx.s("sum.meaning"), "h2_tight")] + [ctx.p(x, "body") for x in meaning]
    story += [Spacer(1, 4), pair, Spacer(1, 6)]
    actions = start_now(res)
    story.append(ctx.u(ctx.s("sum.start_now"), "h2_tight"))
    if actions:
        rows = [[ctx.th("#"), ctx.th(ctx.s("rm.action")), ctx.th(tr("owner", lang)), ctx.th(tr("kpi", lang))]]
        for n, it in enumerate(actions, 1):
            rows.append([ctx.u(str(n), "cell_b"), ctx.u(action_title(res, it, lang), "cell_b"),
                         ctx.u(owner_of(res, it, lang), "cell"), ctx.u(kpi_of(res, it, lang), "cell")])
        story.append(ctx.table(rows, [8 * mm, w * 0.42, w * 0.24, w * 0.34 - 8 * mm]))
    else:
        story.append(ctx.u(no_actions(res.overall, lang) or ctx.s("sum.no_actions"), "body"))
    # One page, whatever the names' lengths: shrink rather than spill.
    return ctx.h1(ctx.s("sec.summary")) + [KeepInFrame(w, ctx.height - 30 * mm, story, mode="shrink")]


# -- 3 profile --------------------------------------------------------------------------------
def profile(ctx: Ctx) -> list[Flowable]:
    w = ctx.width
    story = ctx.h1(ctx.s("sec.profile"))
    img = ctx.chart("radar", w * 0.92, max_height=ctx.height * 0.45)
    if img is not None:
        story.append(KeepTogether([img] + benchmark_caption(ctx)))
    pw = ctx.model.detail.profile  # the report model's table (detail.profile_words)
    head = [ctx.th(h, "r" if a == "r" else "") for h, a in zip(pw.head, pw.align, strict=True)]
    widths = [w * 0.34, w * 0.08, w * 0.16]
    if len(pw.head) > 4:  # with the benchmark's P10, median, P90 and percentile
        widths = [w * 0.26, w * 0.08, w * 0.18, w * 0.07, w * 0.11, w * 0.07, w * 0.13]
    widths.append(w - sum(widths))
    rows = [head]
    for r in pw.rows + (pw.total,):
        rows.append([ctx.u(r[0], "cell"), ctx.u(r[1], "cell_r"), ctx.u(r[2], "cell")]
                    + [ctx.u(x, "cell_r") if x else "" for x in r[3:]])
    rows[-1][0] = ctx.u(pw.total[0], "cell_b")
    story.append(ctx.table(rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent)]))

    gaps = ctx.chart("gap_bars", w * 0.92)
    if gaps is not None:
        story += ctx.h2(pw.gaps_title, need=200) + [gaps, ctx.u(pw.targets_note, "caption")]
    story += key_metrics(ctx)
    return story


def key_metrics(ctx: Ctx) -> list[Flowable]:
    mw = ctx.model.detail.metrics  # the report model's words (detail.metrics_words)
    if mw is None:
        return []
    block: list[Flowable] = []
    if mw.nps:
        img = ctx.chart("nps_panel", ctx.width * 0.92)
        if img is not None:
            block.append(img)
        block.append(ctx.u(mw.nps, "body"))
        block.append(ctx.u(mw.nps_def, "caption"))
    if mw.rates:
        block.append(ctx.u(mw.rates, "body"))
    # a short block: keep it whole, heading included
    head = ctx.h2(mw.title, need=120)
    return head[:-1] + [KeepTogether(head[-1:] + block)]


# -- 4 phases ---------------------------------------------------------------------------------
def phases(ctx: Ctx) -> list[Flowable]:
    ph = ctx.res.phase
    pw = ctx.model.detail.phases  # the report model's words (detail.phases_words)
    w = ctx.width
    story = ctx.h1(ctx.s("sec.phases"))
    story.append(ctx.u(pw.rule, "body"))
    img = ctx.chart("phase_progress", w * 0.78)
    if img is not None:
        story += [img, Spacer(1, 8)]
    cols = []
    for c in pw.cards:
        cols.append([ctx.u(c.kicker, "kicker"), ctx.u(c.title, "cell_b"), ctx.u(c.state, "cell_small"), Spacer(1, 3),
                     ctx.u(c.description, "cell"), Spacer(1, 3), ctx.u(c.progress, "cell_small")])
    gap = 5 * mm
    cw = (w - 2 * gap) / 3
    t = Table([cols], colWidths=[cw + gap, cw + gap, cw], hAlign="LEFT")
    t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (1, 0), gap), ("RIGHTPADDING", (2, 0), (2, 0), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, ctx.st.accent), ("TOPPADDING", (0, 0), (-1, -1), 5)]
               + [("LINEABOVE", (ph.current - 1, 0), (ph.current - 1, 0), 3, ctx.st.accent)])
    story.append(t)
    for reason in pw.na_reasons:  # every "not applicable" with the reason given for it
        story.append(ctx.u(reason, "small"))
    if pw.done:
        story.append(ctx.u(pw.done, "lead"))
        return story
    story += ctx.h2(pw.blocks_title, outline=False)
    rows = [[ctx.th(h) for h in pw.head]]
    for practice, dimension, what in pw.blocking:
        rows.append([ctx.u(practice, "cell"), ctx.u(dimension, "cell") if dimension else "",
                     ctx.u(what, "cell") if what else ""])
    story.append(ctx.table(rows, [w * 0.58, w * 0.26, w * 0.16]))
    story.append(ctx.u(pw.progress_note, "note"))
    return story


# -- 5 dimensions -----------------------------------------------------------------------------
def dimensions(ctx: Ctx) -> list[Flowable]:
    lang = ctx.lang
    w = ctx.width
    story = ctx.h1(ctx.s("sec.dimensions"))
    story.append(ctx.u(ctx.s("dim.howto"), "lead"))
    for d in ctx.model.detail.dimensions:  # the report model's words (detail.dimension_details)
        part: list[Flowable] = ctx.h2(f"{d.number}. {d.title}", need=260)
        line = (f"<b>{esc(tr('score', lang))}: {esc(d.score)}</b> / 100 · "
                f"{esc(tr('level', lang))}: <b>{esc(d.level)}</b>")
        if d.meaning:
            line += f" — {esc(d.meaning)}"
        if d.bench:
            line += "<br/>" + esc(d.bench)
            if d.illustrative:
                line += f" <i>({esc(d.illustrative)})</i>"
        part.append(ctx.p(line, "body"))
        contrast = Table([[ctx.th(ctx.s("dim.traditional")), ctx.th(ctx.s("dim.cem"))],
                          [ctx.u(d.traditional, "cell"), ctx.u(d.cem, "cell")]],
                         colWidths=[w / 2, w / 2], hAlign="LEFT")
        contrast.setStyle(ctx.st.table(zebra=False, extra=[
            ("BACKGROUND", (0, 0), (0, 0), tint(ctx.st.accent, 0.45)),
            ("BACKGROUND", (0, 1), (-1, 1), tint(ctx.st.accent, 0.94))]))
        part += [contrast, Spacer(1, 6)]
        if d.incomplete:
            part.append(ctx.p("<b>" + esc(d.incomplete) + "</b>", "warn"))
            part.append(Spacer(1, 4))
        rows = [[ctx.th("#"), ctx.th(ctx.s("dim.practice")), ctx.th(tr("phase", lang), "c"),
                 ctx.th(tr("level", lang), "c"), ctx.th(ctx.s("dim.answers"))]]
        review_rows = []
        for x in d.lines:
            cell = [ctx.u(x.statement, "cell")]
            if x.anchor:  # between two levels: both anchors
                cell.append(ctx.u(x.anchor, "cell_small"))
            if x.dissent:
                cell.append(ctx.p(f"<i>{esc(ctx.s('dim.dissent'))}: {esc(x.dissent)}</i>", "cell_small"))
            level = x.level + (f"\n{x.agreed}" if x.agreed else "")
            rows.append([ctx.u(x.number, "cell_small"), cell, ctx.u(x.phase, "cell_c"),
                         ctx.u(level, "cell_b" if x.scored else "cell"), ctx.u(x.answers, "cell")])
            if x.review:
                review_rows.append(len(rows) - 1)
        extra = [("BACKGROUND", (0, k), (-1, k), WARN_BG) for k in review_rows]
        table = ctx.table(rows, [w * 0.07, w * 0.55, w * 0.08, w * 0.11, w * 0.19], extra=extra)
        part.append(table)
        notes: list[Flowable] = []
        if d.comments:
            notes += ctx.h3(ctx.s("dim.comments"))
            for c in d.comments:
                notes.append(ctx.p(f"{esc(c.text)} — {esc(c.who)} "
                                   f"<font color='#5f6673'>({esc(_short(c.practice))})</font>", "body"))
        if d.review:
            notes.append(ctx.p("<b>" + esc(ctx.s("dim.review")) + "</b> " + esc("; ".join(d.review)), "warn"))
        if notes:  # the comments' heading and the first of them never start a page without the table's rows
            table.min_tail, table.after = WidowTable.MIN_TAIL, tuple(notes[:3])
        story += part + notes
    return story


def quote(ctx: Ctx, text: str) -> str:
    """A user's comment in the language's quotation marks, escaped, at a readable length."""
    return esc(quoted(ctx.c(text), ctx.lang))


def _short(text: str, n: int = 80) -> str:
    return short(text, n)  # after a whole word, never mid-word
