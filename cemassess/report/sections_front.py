"""Report sections 1-5: cover, executive summary, profile, phases, one section per dimension."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph, Spacer, Table

from cemassess.domain.nps import PUBLISHED_B2B_NPS
from cemassess.domain.results import Results
from cemassess.domain.scoring import completion
from cemassess.explain import (
    band_note,
    blocker_text,
    dimension_cell,
    headline,
    level_text,
    no_actions,
    withheld_lines,
)
from cemassess.i18n import num, pct, role_name, tr
from cemassess.labels import pack_source, pack_title, segment_title
from cemassess.report.charts import action_title
from cemassess.report.flow import Ctx, WidowTable, fmt_int, fmt_level, fmt_score
from cemassess.report.limits import short
from cemassess.report.model import signed
from cemassess.report.styles import RULE, WARN, WARN_BG, tint
from cemassess.report.text import esc


# -- shared facts -----------------------------------------------------------------------------
def is_incomplete(res: Results) -> bool:
    return res.completion.answered < res.completion.total or any(
        s.score is None for s in res.dimensions.values())


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
    res = ctx.res
    if not is_incomplete(res):
        return None
    fw = res.framework
    c = res.completion
    parts = []
    for d in fw.dimensions:
        done, total = c.by_dimension[d.id]
        if done < total:
            parts.append(f"{esc(d.title(ctx.lang))} ({done}/{total})")
    body = [ctx.p(esc(ctx.s("inc.title")), "warn_b"),
            ctx.p(esc(ctx.s("inc.body", answered=c.answered, total=c.total)), "warn")]
    if parts:
        body.append(ctx.p(esc(ctx.s("inc.dims")) + " " + "; ".join(parts) + ".", "warn"))
    unscored = [d.title(ctx.lang) for d in fw.dimensions if res.dimensions[d.id].score is None]
    if unscored:
        body.append(ctx.p(esc(ctx.s("inc.unscored")) + " " + esc("; ".join(unscored)) + ".", "warn"))
    people = []
    for r in res.assessment.respondents:
        rc = completion(fw, res.assessment, r.id)
        if rc.answered < rc.total:
            people.append(f"{esc(r.name or r.id)} ({rc.answered}/{rc.total})")
    if people and len(res.assessment.respondents) > 1:
        body.append(ctx.p(esc(ctx.s("inc.people")) + " " + "; ".join(people[:30])
                          + ("; …" if len(people) > 30 else "") + ".", "warn"))
    body.append(ctx.p(esc(ctx.s("inc.effect")), "warn"))
    t = Table([[body]], colWidths=[ctx.width])
    t.setStyle([("BACKGROUND", (0, 0), (-1, -1), WARN_BG), ("LINEBEFORE", (0, 0), (0, -1), 2.5, WARN),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)])
    return t


def benchmark_caption(ctx: Ctx) -> list[Flowable]:
    b = ctx.res.benchmark
    if b is None:
        return [ctx.p(esc(ctx.s("bench.none")), "caption")]
    title = pack_title(b.pack, ctx.lang)
    out = []
    if b.pack.illustrative:
        out.append(ctx.p(f"<b>{esc(tr('illustrative', ctx.lang))}</b>", "warn"))
    out.append(ctx.p(esc(ctx.s("bench.caption", pack=title, segment=segment_title(b.segment, ctx.lang),
                                n=b.segment.n, source=pack_source(b.pack, ctx.lang))), "caption"))
    if any(not c.shown for c in b.comparisons.values()):
        out.append(ctx.p(esc(ctx.s("bench.too_few")), "caption"))
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
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    w = ctx.width
    story = ctx.h1(ctx.s("sec.profile"))
    img = ctx.chart("radar", w * 0.92, max_height=ctx.height * 0.45)
    if img is not None:
        story.append(KeepTogether([img] + benchmark_caption(ctx)))
    b = res.benchmark
    head = [ctx.th(tr("dimension", lang)), ctx.th(tr("score", lang), "r"), ctx.th(tr("level", lang))]
    widths = [w * 0.34, w * 0.08, w * 0.16]
    if b is not None:
        head += [ctx.th("P10", "r"), ctx.th(ctx.s("prof.median"), "r"), ctx.th("P90", "r"),
                 ctx.th(ctx.s("prof.pct"), "r")]
        widths = [w * 0.26, w * 0.08, w * 0.18, w * 0.07, w * 0.11, w * 0.07, w * 0.13]
    head.append(ctx.th(ctx.s("chart.target"), "r"))
    widths.append(w - sum(widths))
    rows = [head]
    for d in fw.dimensions:
        s = res.dimensions[d.id]
        r = [ctx.u(d.title(lang), "cell"), ctx.u(fmt_score(s.score, ctx.lang), "cell_r"),
             ctx.u(s.band.name(lang) if s.band else dimension_cell(s, lang), "cell")]
        if b is not None:
            c = b.comparisons.get(d.id)
            if c is not None and c.shown:
                r += [ctx.u(fmt_int(c.p10, ctx.lang), "cell_r"), ctx.u(fmt_int(c.median, ctx.lang), "cell_r"),
                      ctx.u(fmt_int(c.p90, ctx.lang), "cell_r"), ctx.u(fmt_int(c.percentile, ctx.lang), "cell_r")]
            else:
                r += [ctx.u("–", "cell_r")] * 4
        # no target for a dimension not scored yet (the domain's 0 there means "find out first")
        target = res.roadmap.targets.get(d.id) if s.score is not None or d.id in res.assessment.targets.overrides else None
        r.append(ctx.u(fmt_int(target, ctx.lang), "cell_r"))
        rows.append(r)
    ov = res.overall
    total = [ctx.u(tr("overall", lang), "cell_b"), ctx.u(fmt_score(ov.score, ctx.lang), "cell_r"),
             ctx.u(ov.band.name(lang) if ov.band else headline(ov, lang), "cell")] + [""] * (len(head) - 3)
    rows.append(total)
    story.append(ctx.table(rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent)]))

    gaps = ctx.chart("gap_bars", w * 0.92)
    if gaps is not None:
        mode = res.assessment.targets
        note = ctx.s("h11.targets")
        if mode.overrides:
            note += " " + ctx.s("prof.targets_overrides", n=len(mode.overrides))
        story += ctx.h2(ctx.s("prof.gaps"), need=200) + [gaps, ctx.u(note, "caption")]
    story += key_metrics(ctx)
    return story


def key_metrics(ctx: Ctx) -> list[Flowable]:
    res, lang = ctx.res, ctx.lang
    m = res.assessment.metrics
    if res.nps is None and m.retention_rate is None and m.churn_rate is None:
        return []
    block: list[Flowable] = []
    if res.nps is not None:
        n = res.nps
        img = ctx.chart("nps_panel", ctx.width * 0.92)
        if img is not None:
            block.append(img)
        bits = [ctx.s("prof.nps_line", score=signed(n.score, lang), n=n.n, pro=pct(n.pct_promoters / 100, lang),
                      pas=pct(n.pct_passives / 100, lang), det=pct(n.pct_detractors / 100, lang))]
        if m.nps is not None and (m.nps.period or m.nps.source):
            bits.append(ctx.s("prof.nps_src", period=m.nps.period or "–", source=m.nps.source or "–"))
        block.append(ctx.u(" ".join(bits), "body"))
        block.append(ctx.u(ctx.s("prof.nps_def"), "caption"))
    parts = []
    if m.retention_rate is not None:
        parts.append(f"{tr('retention_rate', lang)}: {pct(m.retention_rate / 100, lang, 1)}")
    if m.churn_rate is not None:
        parts.append(f"{tr('churn_rate', lang)}: {pct(m.churn_rate / 100, lang, 1)}")
    if parts:
        block.append(ctx.u("; ".join(parts) + (f" ({m.period})" if m.period else "") + ".", "body"))
    # a short block: keep it whole, heading included
    head = ctx.h2(ctx.s("prof.metrics"), need=120)
    return head[:-1] + [KeepTogether(head[-1:] + block)]


# -- 4 phases ---------------------------------------------------------------------------------
def phases(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    ph = res.phase
    w = ctx.width
    story = ctx.h1(ctx.s("sec.phases"))
    story.append(ctx.u(ctx.s("ph.rule"), "body"))
    img = ctx.chart("phase_progress", w * 0.78)
    if img is not None:
        story += [img, Spacer(1, 8)]
    cols = []
    for st in ph.phases:
        p = fw.phase(st.number)
        state = (ctx.s("ph.attained") if st.number <= ph.attained else
                 ctx.s("ph.current") if st.number == ph.current else ctx.s("ph.ahead"))
        cols.append([ctx.u(f"{tr('phase', lang)} {st.number}", "kicker"), ctx.u(p.title(lang), "cell_b"),
                     ctx.u(state, "cell_small"), Spacer(1, 3), ctx.u(p.description(lang), "cell"), Spacer(1, 3),
                     ctx.u(ctx.s("ph.progress", pct=pct(st.progress, ctx.lang), at=st.at_threshold, n=st.applicable),
                           "cell_small")])
    gap = 5 * mm
    cw = (w - 2 * gap) / 3
    t = Table([cols], colWidths=[cw + gap, cw + gap, cw], hAlign="LEFT")
    t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (1, 0), gap), ("RIGHTPADDING", (2, 0), (2, 0), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, ctx.st.accent), ("TOPPADDING", (0, 0), (-1, -1), 5)]
               + [("LINEABOVE", (ph.current - 1, 0), (ph.current - 1, 0), 3, ctx.st.accent)])
    story.append(t)
    for st in ph.phases:  # every "not applicable" with the reason given for it
        for pid, reason in st.na_reasons:
            story.append(ctx.u(tr("x.na_reason", lang, practice=fw.practices[pid].statement(lang),
                                  reason=reason), "small"))
    if ph.attained == 3:
        story.append(ctx.u(tr("all_phases_attained", lang), "lead"))
        return story
    story += ctx.h2(ctx.s("ph.blocks", n=ph.current, title=fw.phase(ph.current).title(lang)), outline=False)
    rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(tr("dimension", lang)), ctx.th(ctx.s("ph.status"))]]
    for b in ph.blocking:
        if not b.practice_id:  # a metric or the share of N/A: a row of its own
            rows.append([ctx.u(blocker_text(fw, b, lang), "cell"), "", ""])
            continue
        p = fw.practices[b.practice_id]
        what = (f"{tr('level', lang)} {fmt_level(b.level, ctx.lang)}" if b.reason == "below"
                else tr("x.blk.na_no_reason", lang) if b.reason == "na_no_reason"
                else tr("dk" if b.reason == "dk" else "unanswered", lang))
        rows.append([ctx.u(p.statement(lang), "cell"), ctx.u(fw.dimension_of[p.id].title(lang), "cell"),
                     ctx.u(what, "cell")])
    story.append(ctx.table(rows, [w * 0.58, w * 0.26, w * 0.16]))
    st = ph.phases[ph.current - 1]
    story.append(ctx.u(tr("x.progress_expl", lang, pct=pct(ph.progress, lang), n=ph.current,
                          at=st.at_threshold, total=st.applicable), "note"))
    return story


# -- 5 dimensions -----------------------------------------------------------------------------
def _answers_cell(ctx: Ctx, r) -> str:
    if r is None:
        return "–"
    bits = []
    if r.levels:
        lo, hi = min(r.levels), max(r.levels)
        bits.append((f"{lo}–{hi}" if hi > lo else f"{lo}") + f" (n={len(r.levels)})")
    if r.n_na:
        bits.append(ctx.s("dim.na_n", n=r.n_na))
    if r.n_dk:
        bits.append(ctx.s("dim.dk_n", n=r.n_dk))
    return "; ".join(bits) or tr("unanswered", ctx.lang)


def dimensions(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    a = res.assessment
    names = {r.id: r for r in a.respondents}
    w = ctx.width
    story = ctx.h1(ctx.s("sec.dimensions"))
    story.append(ctx.u(ctx.s("dim.howto"), "lead"))
    b = res.benchmark
    for i, d in enumerate(fw.dimensions, 1):
        s = res.dimensions[d.id]
        part: list[Flowable] = ctx.h2(f"{i}. {d.title(lang)}", need=260)
        line = (f"<b>{esc(tr('score', lang))}: {fmt_score(s.score, ctx.lang)}</b> / 100 · "
                f"{esc(tr('level', lang))}: <b>{esc(s.band.name(lang) if s.band else tr('not_scored', lang))}</b>")
        if s.band is not None:
            line += f" — {esc(s.band.meaning(lang))}"
        c = b.comparisons.get(d.id) if b is not None else None
        if c is not None and c.shown:
            line += "<br/>" + esc(ctx.s("dim.bench", median=fmt_int(c.median, ctx.lang), p10=fmt_int(c.p10, ctx.lang),
                                        p90=fmt_int(c.p90, ctx.lang), pct=fmt_int(c.percentile, ctx.lang)))
            if b is not None and b.pack.illustrative:
                line += f" <i>({esc(ctx.s('chart.illustrative'))})</i>"
        part.append(ctx.p(line, "body"))
        contrast = Table([[ctx.th(ctx.s("dim.traditional")), ctx.th(ctx.s("dim.cem"))],
                          [ctx.u(d.traditional(lang), "cell"), ctx.u(d.cem(lang), "cell")]],
                         colWidths=[w / 2, w / 2], hAlign="LEFT")
        contrast.setStyle(ctx.st.table(zebra=False, extra=[
            ("BACKGROUND", (0, 0), (0, 0), tint(ctx.st.accent, 0.45)),
            ("BACKGROUND", (0, 1), (-1, 1), tint(ctx.st.accent, 0.94))]))
        part += [contrast, Spacer(1, 6)]
        done, total = res.completion.by_dimension[d.id]
        if done < total or s.score is None:
            part.append(ctx.p("<b>" + esc(ctx.s("dim.incomplete", done=done, total=total)) + "</b>", "warn"))
            part.append(Spacer(1, 4))
        rows = [[ctx.th("#"), ctx.th(ctx.s("dim.practice")), ctx.th(tr("phase", lang), "c"),
                 ctx.th(tr("level", lang), "c"), ctx.th(ctx.s("dim.answers"))]]
        review_rows = []
        for j, p in enumerate(d.practices, 1):
            r = res.practices.get(p.id)
            cell = [ctx.u(p.statement(lang), "cell")]
            if r is not None and r.level is not None:
                anchor = level_text(p, r.level, lang)  # between two levels: both anchors
                cell.append(ctx.u(anchor, "cell_small"))
            if r is not None and r.agreed and r.dissent:
                cell.append(ctx.p(f"<i>{esc(ctx.s('dim.dissent'))}: {esc(ctx.c(r.dissent))}</i>", "cell_small"))
            level = fmt_level(r.level, ctx.lang) if r is not None and r.level is not None else (
                tr("na", lang) if r is not None and r.status == "na" else
                tr("dk", lang) if r is not None and r.status == "dk" else "–")
            if r is not None and r.agreed:
                level += "\n" + ctx.s("dim.agreed")
            rows.append([ctx.u(f"{i}.{j}", "cell_small"), cell, ctx.u(str(p.phase), "cell_c"),
                         ctx.u(level, "cell_b" if r is not None and r.level is not None else "cell"),
                         ctx.u(_answers_cell(ctx, r), "cell")])
            if r is not None and r.review:
                review_rows.append(len(rows) - 1)
        extra = [("BACKGROUND", (0, k), (-1, k), WARN_BG) for k in review_rows]
        table = ctx.table(rows, [w * 0.07, w * 0.55, w * 0.08, w * 0.11, w * 0.19], extra=extra)
        part.append(table)
        notes: list[Flowable] = []
        comments = [(p, rid, text) for p in d.practices
                    for rid, text in (res.practices[p.id].comments if p.id in res.practices else ())]
        if comments:
            notes.append(ctx.u(ctx.s("dim.comments"), "h3"))
            for p, rid, text in comments:
                who = names.get(rid)
                whon = esc(who.name or who.id) + ", " + esc(role_name(who.role.value, lang)) if who else esc(rid)
                notes.append(ctx.p(f"{quote(ctx, text)} — {whon} "
                                   f"<font color='#5f6673'>({esc(_short(p.statement(lang)))})</font>", "body"))
        if review_rows:
            flagged = [p for p in d.practices if res.practices.get(p.id) and res.practices[p.id].review]
            notes.append(ctx.p("<b>" + esc(ctx.s("dim.review")) + "</b> "
                               + esc("; ".join(_short(p.statement(lang)) for p in flagged)), "warn"))
        if notes:  # the comments' heading and the first of them never start a page without the table's rows
            table.min_tail, table.after = WidowTable.MIN_TAIL, tuple(notes[:2])
        story += part + notes
    return story


def quote(ctx: Ctx, text: str) -> str:
    """A user's comment in the language's quotation marks, escaped, at a readable length."""
    text = ctx.c(text)
    return f"«{esc(text)}»" if ctx.lang in ("ru", "uk") else f"“{esc(text)}”"


def _short(text: str, n: int = 80) -> str:
    return short(text, n)  # after a whole word, never mid-word
