"""Report sections 6-9: perception gaps, Voice-of-Customer pitfalls, roadmap, appendix."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from cemassess.i18n import tr
from cemassess.report.detail import GAP_ROWS as MAX_GAP_ROWS
from cemassess.report.flow import Ctx, fmt_level
from cemassess.report.model import ANSWER_COLS
from cemassess.report.sections_front import _short
from cemassess.report.styles import tint
from cemassess.report.text import TEXT_CAP, esc


# -- 6 perception gaps ------------------------------------------------------------------------
def perception(ctx: Ctx) -> list[Flowable]:
    pw = ctx.model.detail.perception  # the report model's words (detail.perception_words)
    if pw is None:
        return []
    w = ctx.width
    story = ctx.h1(pw.title)
    story.append(ctx.u(pw.intro, "lead"))
    story.append(ctx.u(pw.facts, "caption"))
    img = ctx.chart("role_heatmap", w * 0.95, max_height=ctx.height * 0.5)
    if img is not None:
        story += [img, ctx.u(pw.heat_caption, "caption")]
    if pw.roles_title:
        story += ctx.h2(pw.roles_title)
        if ctx.model.perception:
            rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("gap.high")), ctx.th(ctx.s("gap.low")),
                     ctx.th(ctx.s("gap.gap"), "r")]]
            for g in ctx.model.perception[:MAX_GAP_ROWS]:  # the report model's words (model._perception)
                rows.append([[ctx.u(g.practice, "cell"), ctx.u(g.dimension, "cell_small")],
                             ctx.u(g.high, "cell"), ctx.u(g.low, "cell"), ctx.u(fmt_level(g.gap, ctx.lang), "cell_r")])
            story.append(ctx.table(rows, [w * 0.52, w * 0.18, w * 0.18, w * 0.12]))
            if pw.more:
                story.append(ctx.u(pw.more, "caption"))
        else:
            story.append(ctx.u(pw.none_roles, "body"))
    story += ctx.h2(pw.people_title)
    if not pw.people:
        story.append(ctx.u(pw.none_people, "body"))
        return story
    rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("gap.answers")), ctx.th(ctx.s("gap.spread"), "r")]]
    for r in pw.people:
        rows.append([[ctx.u(r.practice, "cell"), ctx.u(r.dimension, "cell_small")],
                     [ctx.u(r.levels, "cell"), ctx.u(r.who, "cell_small")], ctx.u(r.spread, "cell_r")])
    story.append(ctx.table(rows, [w * 0.50, w * 0.40, w * 0.10]))
    return story


# -- 7 Voice-of-Customer pitfalls -----------------------------------------------------------------
def pitfalls(ctx: Ctx) -> list[Flowable]:
    groups = ctx.model.detail.checks  # the report model's words (detail.check_groups)
    if not groups:
        return []
    story = ctx.h1(ctx.s("sec.voc"))
    for g in groups:
        lead: list[Flowable] = []  # the heading and the intro go with the first card, never alone
        if g.title:
            head = ctx.h2(g.title)
            story += head[:-1]
            lead += head[-1:]
        if g.intro:
            lead.append(ctx.u(g.intro, "lead"))
        if not g.cards:
            story += lead
        for c in g.cards:
            block = lead + [ctx.u(c.title, "h3"), ctx.u(c.description, "body"), ctx.p(f"<b>{esc(c.finding)}</b>", "body"),
                     ctx.p(f"<b>{esc(c.status)}</b>", "small")]
            block += [Paragraph(esc(e), ctx.st["small"], bulletText="–") for e in c.evidence]
            story.append(KeepTogether(block))
            lead = []
        if g.unknown:
            story.append(ctx.u(g.unknown, "note"))
    return story


# -- 8 roadmap (landscape) ----------------------------------------------------------------------
def roadmap(ctx: Ctx, title: str | None = None) -> list[Flowable]:
    ra = ctx.model.detail.roadmap  # the report model's words (detail.roadmap_appendix, model.ActionRow)
    w = ctx.lwidth
    story = ctx.h1(title or tr("roadmap", ctx.lang))
    story.append(ctx.u(ra.intro, "body"))
    story.append(ctx.u(ra.counts, "small"))
    if ra.empty:
        story.append(ctx.u(ra.empty, "lead"))
        return story
    widths = [9 * mm, w * 0.27, w * 0.30, w * 0.13, w * 0.13, 20 * mm, 20 * mm]
    widths[2] = w - sum(widths) + widths[2]
    n, action, why, owner, kpi, effort, due = ra.head
    for horizon, items in ra.groups:
        story += ctx.h2(horizon, need=140)
        rows = [[ctx.th(n), ctx.th(action), ctx.th(why), ctx.th(owner), ctx.th(kpi), ctx.th(effort, "c"),
                 ctx.th(due)]]
        for r in items:
            cell = [ctx.u(r.title, "cell_b")]
            if r.tag:
                cell.append(ctx.p(f"<i>{esc(r.tag)}</i>", "cell_small"))
            if r.description:
                cell.append(ctx.u(r.description, "cell_small"))
            if r.note:
                cell.append(ctx.p(f"<b>{esc(ctx.s('rm.note'))}:</b> {esc(r.note)}", "cell_small"))
            reason = [ctx.u(r.lifts, "cell")] if r.lifts else []
            reason.append(ctx.u(r.why, "cell_small"))
            if r.moved:
                reason.append(ctx.p(f"<i>{esc(r.moved)}</i>", "cell_small"))
            rows.append([ctx.u(str(r.rank), "cell_small"), cell, reason, ctx.u(r.owner, "cell"),
                         ctx.u(r.kpi, "cell"), ctx.u(r.effort, "cell_c"),
                         [ctx.u(r.due.isoformat(), "cell")]
                         + ([ctx.u(ctx.s("m.due_default"), "cell_small")] if r.due_default else [])])
        story.append(ctx.table(rows, widths))
    img = ctx.chart("timeline", w * 0.8, max_height=ctx.lheight - 30 * mm)
    if img is not None:
        story += ctx.h2(ra.timeline_title, need=img.draw_height + 40) + [img]
        story.append(ctx.u(ra.timeline_caption, "caption"))
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
    """The CEM index's terms, as computed by the domain (OverallScore.parts, detail.figures_appendix)."""
    fa, w = ctx.model.detail.figures, ctx.width
    head = [ctx.th(h, "r" if k else "") for k, h in enumerate(fa.overall_head)]
    rows = [head] + [[ctx.u(r[0], "cell")] + list(r[1:]) for r in fa.overall_rows]
    rows.append([ctx.u(fa.overall_total[0], "cell_b")] + list(fa.overall_total[1:]))
    return ctx.table(rows, [w * 0.55, w * 0.15, w * 0.15, w * 0.15],
                     extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def terms_table(ctx: Ctx, terms) -> Flowable:
    """A dimension score's terms (DimensionScore.terms): level, points, weight share, contribution."""
    fa, w = ctx.model.detail.figures, ctx.width
    rows = [[ctx.th(h, "r" if k else "") for k, h in enumerate(fa.terms_head)]]
    rows += [[ctx.u(r[0], "cell")] + list(r[1:]) for r in terms.rows]
    rows.append([ctx.u(terms.total[0], "cell_b")] + list(terms.total[1:]))
    return ctx.table(rows, [w * 0.42, w * 0.11, w * 0.1, w * 0.11, w * 0.12, w * 0.14],
                     extra=[("LINEABOVE", (0, -1), (-1, -1), 0.9, ctx.st.accent), ("ALIGN", (1, 1), (-1, -1), "RIGHT")])


def appendix(ctx: Ctx) -> list[Flowable]:
    fa = ctx.model.detail.figures  # the report model's words (detail.figures_appendix)
    w = ctx.width
    story = ctx.h1(fa.title)
    story += ctx.h2(fa.method_title)
    story += [Paragraph(esc(line), ctx.st["bullet"], bulletText="•") for line in fa.method]
    rows = [[ctx.th(fa.bands_head[0]), ctx.th(fa.bands_head[1], "r"), ctx.th(fa.bands_head[2])]]
    for name, start, meaning in fa.bands:
        rows.append([ctx.u(name, "cell_b"), ctx.u(start, "cell_r"), ctx.u(meaning, "cell")])
    story += [Spacer(1, 4), ctx.table(rows, [w * 0.22, w * 0.1, w * 0.68])]
    story.append(ctx.u(fa.horizons, "small"))
    story += ctx.h2(fa.overall_title)
    story += _lines(ctx, list(fa.overall_lines)) + [overall_table(ctx)]
    story += ctx.h2(fa.phases_title) + _lines(ctx, list(fa.phase_lines))
    head = ctx.h2(fa.dims_title)  # the heading goes with the first block, never alone
    story += head[:-1]
    for terms in fa.dims:
        story.append(KeepTogether(head[-1:] + [Paragraph(esc(terms.title), ctx.st["h3"]), terms_table(ctx, terms)]
                                  + [ctx.p(f"<b>{esc(what)}</b> {esc(rest)}", "small") for what, rest in terms.exclusions]
                                  + [Spacer(1, 4)]))
        head = []
    if fa.bench_title:
        story += ctx.h2(fa.bench_title)
        story += [ctx.u(line, "body") for line in fa.bench]
        if fa.bench_illustrative:
            story.append(ctx.p(f"<b>{esc(fa.bench_illustrative)}</b>", "warn"))
        story += [ctx.u(line, "small") for line in fa.bench_notes]
    story += figures_explained(ctx)
    story += backlog(ctx)
    story += respondents_table(ctx)
    return story


def figures_explained(ctx: Ctx) -> list[Flowable]:
    """Targets, percentile ranks and NPS comparisons (with the year of each published figure)."""
    fa = ctx.model.detail.figures
    if not fa.figures_title:
        return []
    return ctx.h2(fa.figures_title) + [Paragraph(esc(x), ctx.st["small"], bulletText="•") for x in fa.figures]


def backlog(ctx: Ctx) -> list[Flowable]:
    """The full list of actions with how each priority was computed (Now shows only the first)."""
    fa = ctx.model.detail.figures
    if not fa.backlog_title:
        return []
    return ctx.h2(fa.backlog_title) + [Paragraph(esc(x), ctx.st["small"]) for x in fa.backlog]


def respondents_table(ctx: Ctx) -> list[Flowable]:
    title = ctx.model.detail.figures.respondents_title
    if not title:
        return []
    w = ctx.width
    story = ctx.h2(title)
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
    lang = ctx.lang
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
    m = ctx.model
    if m.comments:  # the report model's comments (capped, quoted) and agreed answers
        story += ctx.h2(ctx.s("app.comments"))
        rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(ctx.s("app.name")), ctx.th(ctx.s("dim.comments"))]]
        for c in m.comments:
            rows.append([ctx.u(_short(c.practice, 120), "cell"), ctx.u(c.who, "cell"), ctx.u(c.text, "cell")])
        story.append(ctx.table(rows, [w * 0.35, w * 0.2, w * 0.45]))
    if m.detail.agreed:
        story += ctx.h2(ctx.s("app.agreed"))
        rows = [[ctx.th(ctx.s("dim.practice")), ctx.th(tr("level", lang), "c"), ctx.th(ctx.s("dim.dissent"))]]
        for practice, level, dissent in m.detail.agreed:
            rows.append([ctx.u(practice, "cell"), ctx.u(level, "cell_c"), ctx.u(dissent, "cell")])
        story.append(ctx.table(rows, [w * 0.45, w * 0.1, w * 0.45]))
    if m.cut:
        story.append(ctx.u(ctx.s("app.cut", n=m.cut, limit=TEXT_CAP), "small"))
    story.append(ctx.u(ctx.s("app.end"), "small"))
    return story
