"""The PDF's executive pages, drawn from the report model (cemassess.report.model): the
headline with its coverage, the phase in words, three strengths and three gaps, then a
one-page roadmap of the top actions. The PDF writer decides only how they look."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from cemassess.explain import action_why_brief, no_actions
from cemassess.i18n import tr
from cemassess.report.flow import Ctx
from cemassess.report.model import ReportModel
from cemassess.report.sections_front import incomplete_box
from cemassess.report.styles import tint
from cemassess.report.text import esc


def _below(ctx: Ctx, head: list[Flowable]) -> float:
    """The page's height below its heading: what a one-page section may fill before it shrinks."""
    used = sum(f.wrap(ctx.width, ctx.height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
    return ctx.height - used - 2


def _tile(ctx: Ctx, label: str, value: str, note: str) -> list[Flowable]:
    return [ctx.u(label.upper(), "kpi_label"), ctx.p(value, "kpi_value"), Spacer(1, 3), ctx.u(note, "kpi_note")]


def tiles(ctx: Ctx, m: ReportModel) -> Table:
    w = ctx.width

    def value(t) -> str:  # the report model's tile (detail.tiles): a figure and its unit, or words
        if t.words:
            return f'<font size="13">{esc(t.value)}</font>'
        return esc(t.value) + (f'<font size="10">{esc(t.unit)}</font>' if t.unit else "")

    cells = [_tile(ctx, t.label, value(t), t.note) for t in m.detail.tiles]
    t = Table([cells], colWidths=[w / len(cells)] * len(cells), hAlign="LEFT")
    t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEABOVE", (0, 0), (-1, 0), 2, ctx.st.accent),
                ("BACKGROUND", (0, 0), (-1, -1), tint(ctx.st.accent, 0.94)),
                ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)])
    return t


def executive(ctx: Ctx, m: ReportModel) -> list[Flowable]:
    """Page 1 after the cover: what a board member reads first."""
    w = ctx.width
    story: list[Flowable] = [tiles(ctx, m), Spacer(1, 10)]
    box = incomplete_box(ctx)
    if box is not None:
        story += [box, Spacer(1, 8)]
    story += [ctx.u(ctx.s("m.headline_title"), "h2_tight"), ctx.u(m.headline.sentence, "lead"),
              ctx.u(m.headline.coverage + ".", "small")]
    story += [ctx.u(ctx.s("m.phase_title"), "h2_tight"), ctx.p(f"<b>{esc(m.phase.label)}.</b>", "body"),
              ctx.u(m.phase.sentence, "body")]
    half = (w - 8 * mm) / 2

    def column(title: str, points) -> list[Flowable]:
        out: list[Flowable] = [ctx.u(title, "h2_tight")]
        if not points:
            out.append(ctx.u(tr("not_scored", ctx.lang), "body"))
        out += [Paragraph(esc(p.sentence), ctx.st["bullet"], bulletText="•") for p in points]
        return out

    pair = Table([[column(ctx.s("m.strengths"), m.strengths), column(ctx.s("m.gaps"), m.gaps)]],
                 colWidths=[half + 8 * mm, half], hAlign="LEFT")
    pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm), ("RIGHTPADDING", (1, 0), (1, 0), 0)])
    story += [Spacer(1, 4), pair]
    head = ctx.h1(ctx.s("sec.summary"))
    return head + [KeepInFrame(w, _below(ctx, head), story, mode="shrink")]


def _brief(ctx: Ctx, r) -> str:
    """The row's why in brief (explain.action_why_brief): the one-page roadmap must fit its page
    at the body's type size; the full why, with the practice's statement, is in the appendix."""
    it = next((i for i in ctx.res.roadmap.items if i.rank == r.rank), None)
    if it is None or it.custom or it.why is None or it.practice_id not in ctx.res.framework.practices:
        return r.why
    return action_why_brief(ctx.res.framework, it, ctx.lang)


def roadmap_rows(ctx: Ctx, rows, *, with_why: bool = True) -> list[list]:
    head = [ctx.th("#"), ctx.th(ctx.s("m.action")), ctx.th(tr("owner", ctx.lang)), ctx.th(tr("due", ctx.lang)),
            ctx.th(tr("kpi", ctx.lang))]
    out = [head]
    for n, r in enumerate(rows, 1):
        cell: list[Flowable] = [ctx.u(r.title, "cell_b")]
        if r.tag:  # the horizon stands under the due date: one line less per action
            cell.append(ctx.u(r.tag, "cell_small"))
        why = _brief(ctx, r) if with_why else ""
        if why:
            cell.append(ctx.u(why, "cell"))
        if r.depends_on and not all(d in why for d in r.depends_on):  # said once: the why may say it
            cell.append(ctx.u(f"{ctx.s('m.depends')}: " + "; ".join(r.depends_on), "cell_small"))
        due = [ctx.u(r.due.isoformat(), "cell"), ctx.u(r.horizon, "cell_small")]
        if r.due_default:
            due.append(ctx.u(ctx.s("m.due_default"), "cell_small"))
        out.append([ctx.u(str(n), "cell_b"), cell, ctx.u(r.owner or "–", "cell"), due, ctx.u(r.kpi or "–", "cell")])
    return out


def top_roadmap(ctx: Ctx, m: ReportModel) -> list[Flowable]:
    """Page 2: the top actions on one page (shrunk rather than spilled)."""
    w = ctx.width
    story: list[Flowable] = []
    if not m.roadmap:
        story.append(ctx.u(no_actions(ctx.res.overall, ctx.lang) or ctx.s("sum.no_actions"), "lead"))
    else:
        story.append(ctx.table(roadmap_rows(ctx, m.roadmap), [7 * mm, w * 0.45, w * 0.17, w * 0.13,
                                                              w * 0.25 - 7 * mm]))
        if m.roadmap_more:
            story.append(ctx.u(ctx.s("m.roadmap_more", n=m.roadmap_more), "small"))
        story.append(ctx.u(ctx.s("m.due_rule"), "caption"))
    head = ctx.h1(ctx.s("m.roadmap_title"))
    return head + [KeepInFrame(w, _below(ctx, head), story, mode="shrink")]
