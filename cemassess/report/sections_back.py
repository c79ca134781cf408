"""Report sections 6-9: perception gaps, Voice-of-Customer pitfalls, roadmap, appendix."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from cemassess.domain.roadmap import HORIZONS
from cemassess.domain.scoring import disagreements
from cemassess.explain import (
    action_why,
    band_note,
    check_status,
    explain_action,
    explain_dimension,
    explain_percentile,
    explain_phase,
    explain_target,
    headline,
    level_label,
    method_lines,
    moved_note,
    no_actions,
    nps_comparisons,
    withheld_lines,
)
from cemassess.i18n import date_text, num, role_name, tr
from cemassess.labels import pack_note, pack_source, pack_title, segment_title
from cemassess.report.charts import action_title
from cemassess.report.flow import Ctx, fmt_level
from cemassess.report.model import ANSWER_COLS, default_due
from cemassess.report.sections_front import _short, kpi_of, owner_of, quote
from cemassess.report.styles import tint
from cemassess.report.text import TEXT_CAP, esc

MAX_GAP_ROWS = 10


# -- 6 perception gaps ------------------------------------------------------------------------
def perception(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    a = res.assessment
    if len(a.respondents) < 2:
        return []
    w = ctx.width
    story = ctx.h1(tr("perception_gaps", lang))
    story.append(ctx.u(ctx.s("gap.intro"), "lead"))
    story.append(ctx.u(ctx.s("gap.facts"), "caption"))
    img = ctx.chart("role_heatmap", w * 0.95, max_height=ctx.height * 0.5)
    if img is not None:
        counts = {}
        for r in a.respondents:
            counts[r.role] = counts.get(r.role, 0) + 1
        if ctx.model is not None and ctx.model.anonymous:  # small roles were merged into "other"
            from cemassess.domain.framework import Role

            counts[Role.OTHER] = len(a.respondents) - sum(counts.get(r, 0) for r in res.roles if r != Role.OTHER)
        per_role = ", ".join(f"{role_name(r.value, lang)} {counts.get(r, 0)}" for r in res.roles)
        story += [img, ctx.u(ctx.s("gap.heat_caption", roles=per_role), "caption")]
    if len(res.roles) >= 2:
        story += ctx.h2(ctx.s("gap.roles_title"))
        if res.practice_gaps:
            rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("gap.high")), ctx.th(ctx.s("gap.low")),
                     ctx.th(ctx.s("gap.gap"), "r")]]
            for g in ctx.model.perception[:MAX_GAP_ROWS]:  # the report model's words (model._perception)
                rows.append([[ctx.u(g.practice, "cell"), ctx.u(g.dimension, "cell_small")],
                             ctx.u(g.high, "cell"), ctx.u(g.low, "cell"), ctx.u(fmt_level(g.gap, ctx.lang), "cell_r")])
            story.append(ctx.table(rows, [w * 0.52, w * 0.18, w * 0.18, w * 0.12]))
            if len(res.practice_gaps) > MAX_GAP_ROWS:
                story.append(ctx.u(ctx.s("gap.more", n=len(res.practice_gaps) - MAX_GAP_ROWS), "caption"))
        else:
            story.append(ctx.u(ctx.s("gap.none_roles"), "body"))
    split = disagreements(res.profile)[:MAX_GAP_ROWS]
    story += ctx.h2(ctx.s("gap.people_title"))
    if not split:
        story.append(ctx.u(ctx.s("gap.none_people"), "body"))
        return story
    rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("gap.answers")), ctx.th(ctx.s("gap.spread"), "r")]]
    for r in split:
        p = fw.practices[r.practice_id]
        given = [(resp, ans.value) for resp in a.respondents
                 if (ans := a.answers.get(resp.id, {}).get(p.id)) is not None and isinstance(ans.value, int)]
        dist = ", ".join(f"{lv}: ×{sum(1 for _, v in given if v == lv)}" for lv in sorted({v for _, v in given}))
        hi = [x for x, v in given if v == max(r.levels)]
        lo = [x for x, v in given if v == min(r.levels)]
        who = ctx.s("gap.extremes", hi=_names(hi), lo=_names(lo))
        rows.append([[ctx.u(p.statement(lang), "cell"), ctx.u(fw.dimension_of[p.id].title(lang), "cell_small")],
                     [ctx.u(ctx.s("gap.levels") + " " + dist, "cell"), ctx.u(who, "cell_small")],
                     ctx.u(str(r.spread), "cell_r")])
    story.append(ctx.table(rows, [w * 0.50, w * 0.40, w * 0.10]))
    return story


def _names(people) -> str:
    names = [p.name or p.id for p in people]
    return ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")


# -- 7 Voice-of-Customer pitfalls -----------------------------------------------------------------
def pitfalls(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    if not res.checks:
        return []
    story = ctx.h1(ctx.s("sec.voc"))
    for kind, title_key, none_key in (("voc_pitfall", None, "voc.none"),
                                      ("b2b_principle", "voc.b2b_title", "voc.b2b_none")):
        checks = [c for c in res.checks if c.check.kind == kind]
        if not checks:
            continue
        lead: list[Flowable] = []  # the heading and the intro go with the first block, never alone
        if title_key:
            head = ctx.h2(ctx.s(title_key))
            story += head[:-1]
            lead += head[-1:]
        fired = [c for c in checks if c.fired]  # found pitfalls; principles not met or partly met
        if fired:
            lead.append(ctx.u(ctx.s("voc.intro" if kind == "voc_pitfall" else "voc.b2b_intro",
                                    k=len(fired), n=len(checks)), "lead"))
        elif all(c.status in ("met", "not_found") for c in checks):
            lead.append(ctx.u(ctx.s(none_key, n=len(checks)), "lead"))
        if not fired:
            story += lead
        for c in fired:
            block = lead + [ctx.u(c.check.title(lang), "h3"), ctx.u(c.check.description(lang), "body"),
                     ctx.p(f"<b>{esc(c.check.finding(lang))}</b>", "body"),
                     ctx.p(f"<b>{esc(check_status(c, lang))}</b>", "small")]
            block += [Paragraph(esc(_short(fw.practices[pid].statement(lang), 150) + " — "
                                    + level_label(res.practices[pid].level, lang)), ctx.st["small"],
                                bulletText="–") for pid in c.evidence]
            story.append(KeepTogether(block))
            lead = []
        unknown = [c for c in checks if c.fired is None]
        if unknown:
            story.append(ctx.u(ctx.s("voc.unknown") + " " + "; ".join(c.check.title(lang) for c in unknown) + ".",
                               "note"))
    return story


# -- 8 roadmap (landscape) ----------------------------------------------------------------------
def roadmap(ctx: Ctx, title: str | None = None) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    rm = res.roadmap
    w = ctx.lwidth
    story = ctx.h1(title or tr("roadmap", lang))
    groups = rm.by_horizon()
    inc = rm.included
    excluded = len(rm.items) - len(inc)
    story.append(ctx.u(ctx.s("rm.intro"), "body"))
    story.append(ctx.u(ctx.s("rm.counts", n=len(inc), now=len(groups["now"]), next=len(groups["next"]),
                             later=len(groups["later"]), edited=sum(1 for i in inc if i.edited and not i.custom),
                             own=sum(1 for i in inc if i.custom), excluded=excluded), "small"))
    if not inc:
        story.append(ctx.u(no_actions(res.overall, lang) or ctx.s("rm.empty"), "lead"))
        return story
    widths = [9 * mm, w * 0.27, w * 0.30, w * 0.13, w * 0.13, 20 * mm, 20 * mm]
    widths[2] = w - sum(widths) + widths[2]
    for hz in HORIZONS:
        items = groups[hz]
        if not items:
            continue
        story += ctx.h2(tr(f"horizon.{hz}", lang), need=140)
        rows = [[ctx.th("#"), ctx.th(ctx.s("rm.action")), ctx.th(tr("why", lang)), ctx.th(tr("owner", lang)),
                 ctx.th(tr("kpi", lang)), ctx.th(ctx.s("rm.effort"), "c"), ctx.th(tr("due", lang))]]
        for it in items:
            act = fw.actions.get(it.id)
            cell = [ctx.u(action_title(res, it, lang), "cell_b")]
            tag = ctx.s("m.own") if it.custom else ctx.s("rm.edited") if it.edited else ""
            if tag:
                cell.append(ctx.p(f"<i>{esc(tag)}</i>", "cell_small"))
            desc = it.description if it.custom else (act.description(lang) if act is not None else "")
            if desc:
                cell.append(ctx.u(ctx.c(desc), "cell_small"))
            if it.note:
                cell.append(ctx.p(f"<b>{esc(ctx.s('rm.note'))}:</b> {esc(ctx.c(it.note))}", "cell_small"))
            why = []
            if it.practice_id and it.practice_id in fw.practices:  # the why quotes the practice in full
                why.append(ctx.u(fw.dimension_of[it.practice_id].title(lang), "cell_small"))
            why.append(ctx.u(ctx.s("m.why_own", horizon=tr(f"horizon.{it.horizon}", lang)) if it.custom
                             else action_why(fw, it, lang), "cell"))
            moved = moved_note(ctx.trend, it.dimension_id, lang)
            if moved:
                why.append(ctx.p(f"<i>{esc(moved)}</i>", "cell_small"))
            rows.append([ctx.u(str(it.rank), "cell_small"), cell, why, ctx.u(owner_of(res, it, lang), "cell"),
                         ctx.u(kpi_of(res, it, lang), "cell"),
                         ctx.u(tr(f"effort.{it.effort}", lang), "cell_c"),
                         [ctx.u((it.due or default_due(res.assessment.date, it.horizon)).isoformat(), "cell")]
                         + ([] if it.due else [ctx.u(ctx.s("m.due_default"), "cell_small")])])
        story.append(ctx.table(rows, widths))
    img = ctx.chart("timeline", w * 0.8, max_height=ctx.lheight - 30 * mm)
    if img is not None:
        story += ctx.h2(ctx.s("chart.timeline_title"), need=img.draw_height + 40) + [img]
        story.append(ctx.u(ctx.s("rm.timeline_caption"), "caption"))
    return story


# -- 9 appendix ---------------------------------------------------------------------------------
def _lines(ctx: Ctx, lines: list[str]) -> list[Flowable]:
    out = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        st = ctx.st["mono"].clone("m", leftIndent=6 * indent, fontSize=7.8 if indent else 8.2)
        out.append(Paragraph(esc(line.strip()), st))
    return out


def overall_table(ctx: Ctx) -> Flowable:
    """The CEM index's terms, as computed by the domain (OverallScore.parts)."""
    fw, ov, w = ctx.res.framework, ctx.res.overall, ctx.width
    rows = [[ctx.th(tr("dimension", ctx.lang)), ctx.th(tr("score", ctx.lang), "r"), ctx.th(ctx.s("app.share"), "r"),
             ctx.th(ctx.s("app.contribution"), "r")]]
    for dim_id, score, share in (ov.parts if ov.score is not None else ()):  # withheld: no partial index
        rows.append([ctx.u(fw.dimensions_by_id[dim_id].title(ctx.lang), "cell"), num(score, ctx.lang, 1),
                     num(share, ctx.lang, 3), num(score * share, ctx.lang, 2)])
    counted = {p[0] for p in ov.parts} if ov.score is not None else set()
    for dim_id in ov.missing:  # no applicable practice (or the index is withheld): not in the sum
        if dim_id not in counted:
            rows.append([ctx.u(fw.dimensions_by_id[dim_id].title(ctx.lang), "cell"), "–",
                         ctx.s("app.left_out"), ""])
    rows.append([ctx.u(tr("overall", ctx.lang), "cell_b"), "", "",
                 num(ov.score, ctx.lang, 2)])
    return ctx.table(rows, [w * 0.55, w * 0.15, w * 0.15, w * 0.15],
                     extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def terms_table(ctx: Ctx, dim_id: str) -> Flowable:
    """A dimension score's terms (DimensionScore.terms): level, points, weight share, contribution."""
    fw, w = ctx.res.framework, ctx.width
    ds = ctx.res.dimensions[dim_id]
    rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(tr("level", ctx.lang), "r"), ctx.th(ctx.s("app.points"), "r"),
             ctx.th(ctx.s("app.weight"), "r"), ctx.th(ctx.s("app.share"), "r"), ctx.th(ctx.s("app.contribution"), "r")]]
    for t in ds.terms:
        rows.append([ctx.u(_short(fw.practices[t.practice_id].statement(ctx.lang), 110), "cell"),
                     fmt_level(t.level, ctx.lang) if t.known else tr("dk" if t.practice_id in ds.dont_know
                                                                    else "unanswered", ctx.lang),
                     num(t.points, ctx.lang, 1),
                     num(t.weight, ctx.lang, 0 if t.weight == int(t.weight) else 2), num(t.share, ctx.lang, 3),
                     num(t.contribution, ctx.lang, 2)])
    rows.append([ctx.u(ctx.s("app.sum"), "cell_b"), "", "", "", "",
                 num(sum(t.contribution for t in ds.terms), ctx.lang, 2) if ds.terms else "–"])
    return ctx.table(rows, [w * 0.42, w * 0.11, w * 0.1, w * 0.11, w * 0.12, w * 0.14],
                     extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def _exclusions(ctx: Ctx, dim_id: str) -> list[Flowable]:
    """Practices left out of a dimension's score: not applicable, don't know, not answered."""
    ds, fw = ctx.res.dimensions[dim_id], ctx.res.framework
    out = []
    for label, ids in (("na", ds.not_applicable), ("dk", ds.dont_know), ("unanswered", ds.unanswered)):
        if ids:
            how = ctx.s("app.left_out") if label == "na" else ctx.s("h11.counted_zero")
            out.append(ctx.p(f"<b>{esc(tr(label, ctx.lang))}</b> ({esc(how)}): "
                             + esc("; ".join(_short(fw.practices[i].statement(ctx.lang), 70) for i in ids)), "small"))
    return out


def appendix(ctx: Ctx) -> list[Flowable]:
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    w = ctx.width
    story = ctx.h1(ctx.s("sec.appendix"))
    story += ctx.h2(ctx.s("app.method"))
    story += [Paragraph(esc(line), ctx.st["bullet"], bulletText="•")
              for line in method_lines(lang, res.roadmap.now_max, fw)]
    rows = [[ctx.th(tr("level", lang)), ctx.th(ctx.s("app.from"), "r"), ctx.th(ctx.s("app.meaning"))]]
    for b in fw.bands:
        rows.append([ctx.u(b.name(lang), "cell_b"), ctx.u(fmt_level(b.min_score, lang), "cell_r"), ctx.u(b.meaning(lang), "cell")])
    story += [Spacer(1, 4), ctx.table(rows, [w * 0.22, w * 0.1, w * 0.68])]
    story.append(ctx.u(ctx.s("app.horizons"), "small"))
    story += ctx.h2(ctx.s("app.overall"))
    ov = res.overall
    story += _lines(ctx, [f"{tr('overall', lang)}: {headline(ov, lang)}"] + withheld_lines(ov, lang)
                    + ([band_note(ov, lang)] if band_note(ov, lang) else [])) + [overall_table(ctx)]
    story += ctx.h2(ctx.s("app.phases")) + _lines(ctx, explain_phase(fw, res.phase, res.practices, lang))
    head = ctx.h2(ctx.s("app.dimensions"))  # the heading goes with the first block, never alone
    story += head[:-1]
    for d in fw.dimensions:
        lines = explain_dimension(fw, res.dimensions[d.id], lang)
        story.append(KeepTogether(head[-1:] + [Paragraph(esc(lines[0]), ctx.st["h3"]), terms_table(ctx, d.id)]
                                  + _exclusions(ctx, d.id) + [Spacer(1, 4)]))
        head = []
    b = res.benchmark
    if b is not None:
        story += ctx.h2(ctx.s("app.benchmark"))
        story.append(ctx.u(ctx.s("app.bench_line", title=pack_title(b.pack, lang),
                                 created=date_text(b.pack.created, lang),
                                 segment=segment_title(b.segment, lang), n=b.segment.n), "body"))
        story.append(ctx.u(ctx.s("app.bench_source", source=pack_source(b.pack, lang)), "body"))
        if b.pack.illustrative:
            story.append(ctx.p(f"<b>{esc(tr('illustrative', lang))}</b>", "warn"))
        if b.pack.note:
            story.append(ctx.u(pack_note(b.pack, lang), "small"))
        story.append(ctx.u(tr("too_few", lang), "small"))
    story += figures_explained(ctx)
    story += backlog(ctx)
    story += respondents_table(ctx)
    return story


def figures_explained(ctx: Ctx) -> list[Flowable]:
    """Targets, percentile ranks and NPS comparisons (with the year of each published figure)."""
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    lines: list[str] = []
    if res.nps is not None:
        lines += nps_comparisons(res.nps.score, lang)
    b = res.benchmark
    for d in fw.dimensions:
        target = res.roadmap.targets.get(d.id)
        if target is not None:
            lines.append(f"{d.title(lang)}: " + explain_target(d.id, target, res.assessment.targets.overrides, lang))
        c = b.comparisons.get(d.id) if b is not None else None
        if b is not None and c is not None and c.shown and c.percentile is not None:
            lines.append(f"{d.title(lang)}: " + explain_percentile(c, segment_title(b.segment, lang), lang))
    if b is not None and b.pack.illustrative:
        lines.append(tr("x.illustrative_no_advice", lang))
    if not lines:
        return []
    return ctx.h2(tr("x.app.figures", lang)) + [Paragraph(esc(x), ctx.st["small"], bulletText="•") for x in lines]


def backlog(ctx: Ctx) -> list[Flowable]:
    """The full list of actions with how each priority was computed (Now shows only the first)."""
    res, lang = ctx.res, ctx.lang
    items = [it for it in res.roadmap.items if it.why is not None]
    if not items:
        return []
    story = ctx.h2(tr("x.app.backlog", lang, n=len(items)))
    story += [Paragraph(esc(f"{it.rank}. [{tr(f'horizon.{it.horizon}', lang)}] {action_title(res, it, lang)}: "
                            + explain_action(res.framework, it, lang)), ctx.st["small"])
              for it in items]
    return story


def respondents_table(ctx: Ctx) -> list[Flowable]:
    a = ctx.res.assessment
    if not a.respondents:
        return []
    w = ctx.width
    story = ctx.h2(ctx.s("app.respondents"))
    rows = [[ctx.th(ctx.s("app.code")), ctx.th(ctx.s("app.name")), ctx.th(ctx.s("app.role")),
             ctx.th(ctx.s("app.answered"), "r")]]
    for code, name, role, answered in ctx.model.respondents:  # the report model's key to the codes
        rows.append([ctx.u(code, "cell_b"), ctx.u(name, "cell"), ctx.u(role, "cell"), ctx.u(answered, "cell_r")])
    table = ctx.table(rows, [w * 0.1, w * 0.5, w * 0.2, w * 0.2])
    # a short list stays whole (with its heading); a long one splits with its header repeated
    return story[:-1] + [KeepTogether([story[-1], table])] if len(rows) <= 25 else story + [table]


def answers(ctx: Ctx) -> list[Flowable]:
    """All answers as a practices x respondents matrix (landscape; the report model's
    `AnswerMatrix`, as the Word report has it), then every comment."""
    res, lang, fw = ctx.res, ctx.lang, ctx.res.framework
    a = res.assessment
    mx = ctx.model.matrix
    if mx is None:
        return []
    w = ctx.lwidth
    story = ctx.h2(ctx.s("app.answers"), need=200)
    story.append(ctx.u(mx.legend, "small"))
    blocks = mx.blocks(ANSWER_COLS)
    for start, end in blocks:
        n_cols = end - start
        col = 12.5 * mm
        label_w = min(w - col * n_cols - 12 * mm, 150 * mm)
        head = [ctx.th("#"), ctx.th(ctx.s("dim.practice"))] + [ctx.th(c, "c") for c in mx.codes[start:end]]
        rows = [head]
        extra = []
        for r in mx.rows:
            if r.group:
                rows.append([ctx.u(r.number, "cell_b"), ctx.u(r.label, "cell_b")] + [""] * n_cols)
                extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), tint(ctx.st.accent, 0.86)))
                # a dimension's row never ends a page: it stays with its first practice
                extra.append(("NOSPLIT", (0, len(rows) - 1), (-1, len(rows))))
            else:  # the codes are safe strings the model makes (no Paragraph: 0.3 s for 30 respondents)
                rows.append([ctx.u(r.number, "cell_small"), ctx.u(_short(r.label, 170), "cell")]
                            + list(r.cells[start:end]))
        if len(blocks) > 1:
            story += ctx.h3(ctx.s("app.block", a=start + 1, b=end), need=120)
        extra.append(("ALIGN", (2, 1), (-1, -1), "CENTER"))  # the answer codes are plain strings
        story.append(ctx.table(rows, [12 * mm, label_w] + [col] * n_cols, extra=extra, zebra=False))
        story.append(Spacer(1, 8))
    comments = [(d, p, r, ans) for d in fw.dimensions for p in d.practices for r in a.respondents
                if (ans := a.answers.get(r.id, {}).get(p.id)) is not None and ans.comment]
    if comments:
        story += ctx.h2(ctx.s("app.comments"))
        rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("app.name")), ctx.th(ctx.s("dim.comments"))]]
        for _d, p, r, ans in comments:
            rows.append([ctx.u(_short(p.statement(lang), 120), "cell"),
                         ctx.u(f"{r.name or r.id} ({role_name(r.role.value, lang)})", "cell"),
                         ctx.p(quote(ctx, ans.comment), "cell")])
        story.append(ctx.table(rows, [w * 0.35, w * 0.2, w * 0.45]))
    dissent = [(pid, ag) for pid, ag in a.agreed.items() if pid in fw.practices]
    if dissent:
        story += ctx.h2(ctx.s("app.agreed"))
        rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(tr("level", lang), "c"), ctx.th(ctx.s("dim.dissent"))]]
        for pid, ag in dissent:
            v = ag.value if isinstance(ag.value, int) else tr(ag.value, lang)
            rows.append([ctx.u(_short(fw.practices[pid].statement(lang), 120), "cell"), ctx.u(str(v), "cell_c"),
                         ctx.u(ctx.c(ag.dissent) or "–", "cell")])
        story.append(ctx.table(rows, [w * 0.45, w * 0.1, w * 0.45]))
    if ctx.cut:
        story.append(ctx.u(ctx.s("app.cut", n=ctx.cut, limit=TEXT_CAP), "small"))
    story.append(ctx.u(ctx.s("app.end"), "small"))
    return story
