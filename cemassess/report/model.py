"""The report model: what the executive pages say, decided once from the domain `Results`.

The PDF, DOCX and PPTX writers read this model and never decide what to say, only how it
looks. Everything here is plain data (strings, numbers, dates) in the report's language:
the headline with its coverage, the phase in words, three strengths and three gaps, the
one-page roadmap of the top actions (owner, due date, KPI, what it depends on, why in a
plain sentence), the perception gaps, and the cover facts. No reportlab, no Office library.

Rules decided here (and stated in the report where a reader needs them):
- The CEM index may be withheld (too little answered: `overall.score` None, a reason when
  the domain gives one): the headline says so and shows the coverage instead of a number.
- A due date the consultant did not set defaults to the end of the action's horizon
  (Now: 3 months, Next: 9, Later: 18, from the assessment date) and is marked as such.
- The executive roadmap holds at most `TOP_ACTIONS` actions, Now first; the full list is
  in the appendix.
- Anonymous: respondents are named by role and a code (R1, R2...), never by name.
- Numbers are written in the report's language (`cemassess.i18n.num`/`pct`): 3,5 and 86 %
  in Russian, 3.5 and 86% in English; a level has at most one decimal (`lv`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cemassess.domain.results import Results
from cemassess.domain.roadmap import HORIZON_MONTHS, RoadmapItem
from cemassess.i18n import date_text, num, pct, role_name, tr
from cemassess.labels import industry_label, segment_title
from cemassess.report.limits import TEXT_CAP, cap
from cemassess.report.strings import STRINGS

if TYPE_CHECKING:
    from cemassess.domain.assessment import Answer
    from cemassess.domain.trend import Trend
    from cemassess.report.sections_trend import TrendWords

TOP_ACTIONS = 8
POINTS = 3
ANSWER_COLS = 14  # respondents per block of the all-answers matrix (PDF and Word, landscape)


@dataclass(frozen=True)
class Headline:
    score: float | None  # None: withheld or not computable
    band: str
    meaning: str
    answered: int
    total: int
    withheld: str  # why the index is not shown ("" when it is)
    sentence: str  # the headline in one or two plain sentences
    coverage: str  # "48 of 50 practices answered (96 %)": known of applicable (OverallScore.coverage)
    band_note: str = ""  # why the band is lower than the index alone gives (explain.band_note)


@dataclass(frozen=True)
class PhaseWords:
    attained: int  # 0..3
    working_on: int  # 1..3
    title: str  # the phase being worked on (or the last, when all are attained)
    label: str  # "Phase 1 of 3 in progress: no phase attained yet"
    sentence: str


@dataclass(frozen=True)
class Point:
    """One strength or gap: a dimension, its score and what it means."""

    dimension_id: str
    title: str
    score: float | None
    band: str
    sentence: str


@dataclass(frozen=True)
class ActionRow:
    rank: int
    title: str
    horizon: str  # "Now (0-3 months)"
    horizon_id: str
    dimension: str
    owner: str
    due: dt.date
    due_default: bool  # True: the end of the horizon, not a date the consultant set
    kpi: str
    depends_on: tuple[str, ...]  # titles of the actions that must come first
    why: str  # one plain sentence
    tag: str  # "" | "added by the consultant" | "edited"
    description: str
    note: str


@dataclass(frozen=True)
class GapRow:
    practice: str
    dimension: str
    high: str  # "Management: 4"
    low: str
    gap: float


@dataclass(frozen=True)
class MatrixRow:
    number: str  # "2" for a dimension, "2.3" for a practice
    label: str  # the dimension's title or the practice's statement
    cells: tuple[str, ...]  # one answer code per respondent ("" on a dimension row)
    group: bool = False  # a dimension's row, above its practices


@dataclass(frozen=True)
class AnswerMatrix:
    """Every answer: practices (grouped by dimension) x respondents (R1, R2...), as codes:
    the level, N/A, DK or "–", with "!" for marked for review and "*" for a comment."""

    codes: tuple[str, ...]  # R1..Rn, the column heads
    rows: tuple[MatrixRow, ...]
    legend: str

    def blocks(self, k: int = ANSWER_COLS) -> list[tuple[int, int]]:
        """Column ranges [start, end) of at most `k` respondents, for pages that hold k."""
        return [(i, min(i + k, len(self.codes))) for i in range(0, len(self.codes), k)]


@dataclass
class ReportModel:
    lang: str
    company: str
    title: str
    date: dt.date
    draft: bool
    status: str
    firm: str  # the one firm/person line on the cover
    facts: list[tuple[str, str]]  # cover facts, label -> value
    headline: Headline
    phase: PhaseWords
    strengths: list[Point]
    gaps: list[Point]
    roadmap: list[ActionRow]  # the executive roadmap (top actions)
    roadmap_all: list[ActionRow]  # every included action, for the appendix
    roadmap_more: int  # included actions not on the executive page
    perception: list[GapRow]
    anonymous: bool
    dimensions: list[tuple[str, float | None, str, float | None]] = field(default_factory=list)
    # (title, score, band, target) per dimension
    comments: list[tuple[str, str, str]] = field(default_factory=list)  # (practice, who, text capped)
    cut: int = 0  # comments shortened to TEXT_CAP
    trend: TrendWords | None = None  # a re-assessment: the change since the last assessment
    matrix: AnswerMatrix | None = None  # every answer (None without respondents)
    respondents: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, name, role, "12 / 50"


def s(key: str, lang: str, **fmt: object) -> str:
    return tr(key, lang, STRINGS, **fmt)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return dt.date(year, month, 28)  # pragma: no cover - 28 always exists


def default_due(start: dt.date, horizon: str) -> dt.date:
    return add_months(start, HORIZON_MONTHS.get(horizon, (0, 3))[1])


def respondent_label(res: Results, rid: str, lang: str, anonymous: bool) -> str:
    """A respondent as the report shows them: "Name, role", or "R2, role" when anonymous."""
    for n, r in enumerate(res.assessment.respondents, 1):
        if r.id == rid:
            role = role_name(r.role.value, lang)
            return f"R{n}, {role}" if anonymous else f"{r.name or r.id}, {role}"
    return rid


def _headline(res: Results, lang: str) -> Headline:
    """The index as the scoring rules give it (cemassess.explain): shown with its (phase-capped)
    band, or withheld with the reason; the coverage is the rules' own (known of applicable)."""
    from cemassess import explain

    ov = res.overall
    cov = ov.coverage
    if cov is not None:
        known, total = cov.known, cov.applicable
    else:
        known, total = res.completion.answered, res.completion.total
    share = pct(known / total if total else 0, lang)
    coverage = s("m.coverage", lang, answered=known, total=total, pct=share)
    company = res.assessment.company.name or s("sum.the_company", lang)
    band = ov.band
    note = explain.band_note(ov, lang)
    if ov.score is not None and band is not None:
        withheld = ""
        sentence = s("m.headline", lang, company=company, score=num(ov.score, lang, 1), band=band.name(lang),
                     meaning=band.meaning(lang))
        if note:
            sentence += " " + note
        return Headline(ov.score, band.name(lang), band.meaning(lang), known, total, "", sentence, coverage, note)
    if ov.withheld and cov is not None:
        withheld = explain.headline(ov, lang)  # "Not enough answers (10 of 51)"
        sentence = s("m.headline_withheld", lang, company=company, reason=withheld[:1].lower() + withheld[1:] + ".")
    else:
        withheld = s("m.withheld_default", lang)
        sentence = s("m.headline_withheld", lang, company=company, reason=withheld)
    return Headline(None, "", "", known, total, withheld, sentence, coverage, "")


def _phase(res: Results, lang: str) -> PhaseWords:
    fw, ph = res.framework, res.phase
    working = ph.current
    title = fw.phase(working).title(lang)
    if ph.attained == 0:
        label = s("m.phase_none", lang, n=working, title=title)
        sentence = s("sum.no_phase", lang, title=title, desc=fw.phase(1).description(lang))
    elif ph.attained >= 3:
        label = s("m.phase_all", lang)
        sentence = s("sum.all_phases", lang)
    else:
        label = s("m.phase_some", lang, k=ph.attained, n=working, title=title)
        sentence = s("sum.phase", lang, n=ph.attained, title=fw.phase(ph.attained).title(lang), nxt=working,
                     next_title=title, desc=fw.phase(working).description(lang))
    if ph.attained < 3 and ph.blocking:
        sentence += " " + s("sum.blocking", lang, k=len(ph.blocking), n=working)
    return PhaseWords(ph.attained, working, title, label, sentence)


def _points(res: Results, lang: str, ids: list[str], strong: bool) -> list[Point]:
    """Strongest or weakest dimensions, as the domain ranks them (Results.strongest/weakest)."""
    from cemassess import explain

    fw = res.framework
    out = []
    for did in ids:
        d = res.dimensions[did]
        title = fw.dimensions_by_id[did].title(lang)
        band = d.band.name(lang) if d.band else ""
        key = "m.strength" if strong else "m.gap"
        target = res.roadmap.targets.get(did)
        sentence = s(key, lang, title=title, score=explain.dimension_cell(d, lang), band=band or "–",
                     target=num(target, lang, 1, none="–"))
        out.append(Point(did, title, d.score, band, sentence))
    return out


def why_sentence(res: Results, it: RoadmapItem, lang: str) -> str:
    """Why this action, in plain sentences from the scoring rules (explain.action_why); the
    formula's terms are in the appendix. An action without a computed why was added by hand."""
    from cemassess.explain import action_why

    if it.custom or it.why is None:
        return s("m.why_own", lang, horizon=tr(f"horizon.{it.horizon}", lang))
    return action_why(res.framework, it, lang)


def _short(text: str, n: int) -> str:
    from cemassess.report.limits import short

    return short(text, n)  # after a whole word, never mid-word


def _actions(res: Results, lang: str) -> list[ActionRow]:
    fw = res.framework
    inc = res.roadmap.included
    titles = {}
    for it in res.roadmap.items:
        act = fw.actions.get(it.id)
        titles[it.id] = act.title(lang) if act is not None and not it.custom else it.title
    start = res.assessment.date
    rows = []
    for it in inc:
        act = fw.actions.get(it.id)
        own = it.custom or act is None
        # the roadmap's own dependencies (Why.after: actions in this roadmap that come first)
        after = it.why.after if it.why is not None and not own else ()
        deps = tuple(titles.get(dep) or (fw.actions[dep].title(lang) if dep in fw.actions else dep)
                     for dep in after)
        due = it.due or default_due(start, it.horizon)
        tag = s("m.own", lang) if it.custom else s("rm.edited", lang) if it.edited else ""
        desc = it.description if it.custom else (act.description(lang) if act is not None else "")
        rows.append(ActionRow(
            rank=it.rank, title=titles[it.id], horizon=tr(f"horizon.{it.horizon}", lang), horizon_id=it.horizon,
            dimension=fw.dimensions_by_id[it.dimension_id].title(lang) if it.dimension_id in fw.dimensions_by_id
            else it.dimension_id,
            owner=it.owner or ("" if own else act.owner(lang)), due=due, due_default=it.due is None,
            kpi=it.kpi or ("" if own else act.kpi(lang)), depends_on=deps, why=why_sentence(res, it, lang),
            tag=tag, description=desc, note=it.note))
    return rows


def _top(rows: list[ActionRow], k: int = TOP_ACTIONS) -> list[ActionRow]:
    order = {"now": 0, "next": 1, "later": 2}
    return sorted(rows, key=lambda r: (order.get(r.horizon_id, 3), r.rank))[:k]


def _perception(res: Results, lang: str) -> list[GapRow]:
    fw = res.framework
    out = []
    for g in res.practice_gaps:
        p = fw.practices[g.practice_id]
        out.append(GapRow(p.statement(lang), fw.dimension_of[p.id].title(lang),
                          f"{role_name(g.high.value, lang)}: {lv(g.by_role[g.high], lang)}",
                          f"{role_name(g.low.value, lang)}: {lv(g.by_role[g.low], lang)}", g.gap))
    return out


def lv(x: float | None, lang: str) -> str:
    """A level with at most one decimal, as the language writes it: 3, 3.5 (3,5 in Russian and
    Ukrainian); "–" for none. The one level format of the PDF, the Word report and the slides."""
    if x is None:
        return "–"
    return num(x, lang, 0 if round(x, 1) == round(x) else 1)


def signed(x: float | None, lang: str) -> str:
    """A whole number with its sign (an NPS, a change): +20, -5, as the language writes it."""
    return num(x, lang, 0, sign=True)


def answer_code(ans: Answer | None, lang: str) -> str:
    """One cell of the all-answers matrix: the level, N/A, DK or "–"; "!" marked for review,
    "*" with a comment."""
    if ans is None or ans.value is None:
        return "–"
    v = ans.value
    text = str(v) if isinstance(v, int) else s("ans.na", lang) if v == "na" else s("ans.dk", lang)
    if ans.review:
        text += "!"
    if ans.comment:
        text += "*"
    return text


def answer_matrix(res: Results, lang: str) -> AnswerMatrix | None:
    a, fw = res.assessment, res.framework
    if not a.respondents:
        return None
    codes = tuple(f"R{n}" for n in range(1, len(a.respondents) + 1))
    rows: list[MatrixRow] = []
    for i, d in enumerate(fw.dimensions, 1):
        rows.append(MatrixRow(str(i), d.title(lang), ("",) * len(codes), group=True))
        for j, p in enumerate(d.practices, 1):
            rows.append(MatrixRow(f"{i}.{j}", p.statement(lang),
                                  tuple(answer_code(a.answers.get(r.id, {}).get(p.id), lang) for r in a.respondents)))
    return AnswerMatrix(codes, tuple(rows), s("app.answers_legend", lang))


def respondent_rows(res: Results, lang: str) -> list[tuple[str, str, str, str]]:
    """The key to the codes: R1, the name (the code again when anonymised), role, answered."""
    from cemassess.domain.scoring import completion

    a = res.assessment
    out = []
    for n, r in enumerate(a.respondents, 1):
        c = completion(res.framework, a, r.id)
        out.append((f"R{n}", r.name or r.id, role_name(r.role.value, lang), f"{c.answered} / {c.total}"))
    return out


def firm_line(consultant: str, assessor: str) -> str:
    """One firm on the cover: the consultant's line (from the report options) replaces the
    assessment's assessor; without it the assessor stands."""
    return consultant.strip() or assessor.strip()


def build_model(res: Results, lang: str, *, consultant: str = "", anonymous: bool = False,
                trend: Trend | None = None) -> ReportModel:
    """The report model. `anonymous`: `res` has been through `anonymity.anonymise` (the
    writers do it), so respondents are codes; `trend`: earlier assessments of the company."""
    from cemassess.report.sections_trend import trend_words

    a = res.assessment
    fw = res.framework
    draft = a.status == "draft"
    c = res.completion
    if c.answered < c.total:
        status = s("cover.incomplete", lang, answered=c.answered, total=c.total)
        if draft:
            status = s("m.draft", lang) + " · " + status
    else:
        status = s("m.status_draft", lang) if draft else s("cover.complete", lang)
    firm = firm_line(consultant, a.assessor)
    facts: list[tuple[str, str]] = [(s("cover.date", lang), date_text(a.date, lang))]
    if firm:
        facts.append((s("m.by", lang), firm))
    for key, value in (("cover.industry", industry_label(a.company.industry, lang) if a.company.industry else ""),
                       ("cover.country", ", ".join(x for x in (a.company.country, a.company.region) if x)),
                       ("cover.respondents", str(len(a.respondents))),
                       ("cover.framework", f"{fw.title(lang)} {fw.version}")):
        if value:
            facts.append((s(key, lang), value))
    if res.benchmark is not None:
        b = res.benchmark
        facts.append((s("cover.benchmark", lang),
                      segment_title(b.segment, lang) + (f" ({tr('illustrative', lang)})" if b.pack.illustrative else "")))
    facts.append((s("cover.status", lang), status))
    rows = _actions(res, lang)
    top = _top(rows)
    dims = [(d.title(lang), res.dimensions[d.id].score,
             res.dimensions[d.id].band.name(lang) if res.dimensions[d.id].band else "",
             res.roadmap.targets.get(d.id)) for d in fw.dimensions]
    comments, cut = [], 0
    for d in fw.dimensions:
        for p in d.practices:
            for r in a.respondents:
                ans = a.answers.get(r.id, {}).get(p.id)
                if ans is not None and ans.comment:
                    text, was_cut = cap(ans.comment)
                    cut += was_cut
                    comments.append((p.statement(lang), respondent_label(res, r.id, lang, anonymous), text))
    return ReportModel(
        comments=comments, cut=cut,
        lang=lang, company=a.company.name or s("cover.no_company", lang), title=a.title, date=a.date,
        draft=draft, status=status, firm=firm, facts=facts, headline=_headline(res, lang), phase=_phase(res, lang),
        strengths=_points(res, lang, res.strongest(POINTS), True),
        gaps=_points(res, lang, res.weakest(POINTS), False),
        roadmap=top, roadmap_all=rows, roadmap_more=len(rows) - len(top), perception=_perception(res, lang),
        anonymous=anonymous, dimensions=dims, trend=trend_words(fw, trend, lang), matrix=answer_matrix(res, lang),
        respondents=respondent_rows(res, lang))


# -- the whole report as sections of blocks, for the Office writers (DOCX, PPTX) ----------------
@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | lead | small | strong


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # shares of the text width, summing to 1
    detail_col: int = -1  # a column whose cells are "title\nsmall print...": the first line stands out
    groups: tuple[int, ...] = ()  # rows (0-based, below the head) that head a group: bold, tinted
    align: str = ""  # one letter per column, l / r / c (figures right, answer codes centred); "" all left


@dataclass(frozen=True)
class Chart:
    name: str  # a key of cemassess.report.charts.ALL_CHARTS
    caption: str = ""


Block = Para | Bullets | TableBlock | Chart


@dataclass
class Section:
    title: str
    level: int  # 1: chapter, 2: sub-section
    blocks: list[Block] = field(default_factory=list)
    appendix: bool = False
    landscape: bool = False  # wide tables (the all-answers matrix, the comments), as in the PDF


def action_table(rows: list[ActionRow], lang: str, *, why: bool = True) -> TableBlock:
    head = ("#", s("m.action", lang), tr("owner", lang), tr("due", lang), tr("kpi", lang))
    body = []
    for n, r in enumerate(rows, 1):
        action = r.title + "\n" + r.horizon + (f" · {r.tag}" if r.tag else "")
        if why:
            action += "\n" + r.why
        if r.depends_on and not (why and all(d in r.why for d in r.depends_on)):  # the why may say it
            action += "\n" + s("m.depends", lang) + ": " + "; ".join(r.depends_on)
        # ISO dates, as the PDF and the slides print them ("2/1/26" is a different day in London)
        due = r.due.isoformat() + (f"\n({s('m.due_default', lang)})" if r.due_default else "")
        body.append((str(n), action, r.owner or "–", due, r.kpi or "–"))
    return TableBlock(head, tuple(body), (0.04, 0.41, 0.19, 0.16, 0.20), detail_col=1)


def sections(res: Results, m: ReportModel) -> list[Section]:
    """The report in the PDF's order, as plain blocks: executive pages, profile, phases,
    perception gaps, then the appendix (full roadmap, per-practice detail, method)."""
    from cemassess.explain import check_status, dimension_cell, method_lines, no_actions

    lang, fw = m.lang, res.framework
    out: list[Section] = []
    ex = Section(s("sec.summary", lang), 1, [Para(m.headline.sentence, "lead"), Para(m.headline.coverage + ".", "small")])
    out.append(ex)
    out.append(Section(s("m.phase_title", lang), 2, [Para(m.phase.label + ".", "strong"), Para(m.phase.sentence)]))
    out.append(Section(s("m.strengths", lang), 2, [Bullets(tuple(p.sentence for p in m.strengths))]))
    out.append(Section(s("m.gaps", lang), 2, [Bullets(tuple(p.sentence for p in m.gaps))]))
    road: list[Block] = [action_table(m.roadmap, lang)] if m.roadmap else [Para(no_actions(res.overall, lang) or s("sum.no_actions", lang))]
    if m.roadmap_more:
        road.append(Para(s("m.roadmap_more", lang, n=m.roadmap_more), "small"))
    road.append(Para(s("m.due_rule", lang), "small"))
    out.append(Section(s("m.roadmap_title", lang), 1, road))
    dims = TableBlock((tr("dimension", lang), tr("score", lang), tr("level", lang), s("chart.target", lang)),
                      tuple((d.title(lang), dimension_cell(res.dimensions[d.id], lang), band or "–",
                             num(tg, lang, 1, none="–"))
                            for d, (_t, _sc, band, tg) in zip(fw.dimensions, m.dimensions, strict=True)),
                      (0.5, 0.15, 0.2, 0.15), align="lrlr")
    out.append(Section(s("sec.profile", lang), 1, [Chart("radar"), dims, Chart("gap_bars")]))
    if res.nps is not None:
        n = res.nps
        out.append(Section(s("prof.metrics", lang), 2, [Chart("nps_panel"), Para(s(
            "prof.nps_line", lang, score=signed(n.score, lang), n=n.n, pro=pct(n.pct_promoters / 100, lang),
            pas=pct(n.pct_passives / 100, lang), det=pct(n.pct_detractors / 100, lang))),
            Para(s("prof.nps_def", lang), "small")]))
    if m.trend is not None:
        tw = m.trend
        out.append(Section(tw.title, 1, [Para(tw.intro), Chart("trend"), TableBlock(
            tw.head, tuple((r.dimension, r.before, r.after, r.change, r.direction) for r in tw.rows),
            (0.40, 0.12, 0.12, 0.15, 0.21), align="lrrrl")]))
    ph = res.phase
    rows = []
    for st in ph.phases:
        state = (s("ph.attained", lang) if st.number <= ph.attained else
                 s("ph.current", lang) if st.number == ph.current else s("ph.ahead", lang))
        rows.append((str(st.number), fw.phase(st.number).title(lang), state, pct(st.progress, lang)))
    out.append(Section(s("sec.phases", lang), 1, [Para(m.phase.sentence), Chart("phase_progress"),
                                                  TableBlock((tr("phase", lang), "", s("ph.status", lang),
                                                              tr("progress", lang)), tuple(rows),
                                                             (0.12, 0.48, 0.22, 0.18), align="lllr")]))
    if m.perception:
        gaps = TableBlock((s("dim.practice", lang), tr("dimension", lang), s("gap.high", lang), s("gap.low", lang),
                           s("gap.gap", lang)),
                          tuple((g.practice, g.dimension, g.high, g.low, lv(g.gap, lang)) for g in m.perception[:10]),
                          (0.4, 0.2, 0.15, 0.15, 0.1), align="llllr")
        out.append(Section(tr("perception_gaps", lang), 1, [Para(s("m.gap_intro", lang)), Chart("role_heatmap"),
                                                             gaps]))
    if res.checks:
        voc: list[Block] = []
        for kind, intro, none in (("voc_pitfall", "voc.intro", "voc.none"),
                                  ("b2b_principle", "voc.b2b_intro", "voc.b2b_none")):
            checks = [c for c in res.checks if c.check.kind == kind]
            if not checks:
                continue
            fired = [c for c in checks if c.fired]
            voc.append(Para(s(intro, lang, k=len(fired), n=len(checks)) if fired
                            else s(none, lang, n=len(checks)), "strong"))
            if fired:
                voc.append(Bullets(tuple(f"{c.check.title(lang)}: {c.check.finding(lang)}" for c in fired)))
        # every check with its status (met / partly met / not met, found / not found, unknown)
        voc.append(TableBlock((s("sec.voc", lang), s("cover.status", lang)),
                              tuple((c.check.title(lang), check_status(c, lang)) for c in res.checks), (0.7, 0.3)))
        out.append(Section(s("sec.voc", lang), 1, voc))
    if m.roadmap_all:
        out.append(Section(s("m.full_roadmap", lang), 1, [action_table(m.roadmap_all, lang)], appendix=True))
    detail = Section(s("sec.dimensions", lang), 1, [], appendix=True)
    out.append(detail)
    for i, d in enumerate(fw.dimensions, 1):
        ds = res.dimensions[d.id]
        blocks: list[Block] = [Para(f"{tr('score', lang)}: {dimension_cell(ds, lang)}"
                                    f"{' / 100' if ds.score is not None else ''} · {tr('level', lang)}: "
                                    f"{ds.band.name(lang) if ds.band else tr('not_scored', lang)}", "strong")]
        prow = []
        for j, p in enumerate(d.practices, 1):
            r = res.practices.get(p.id)
            level = lv(r.level, lang) if r is not None and r.level is not None else (
                tr(r.status, lang) if r is not None and r.status in ("na", "dk") else "–")
            prow.append((f"{i}.{j}", p.statement(lang), level))
        blocks.append(TableBlock(("#", s("dim.practice", lang), tr("level", lang)), tuple(prow), (0.08, 0.77, 0.15),
                                  align="llr"))
        out.append(Section(f"{i}. {d.title(lang)}", 2, blocks, appendix=True))
    if m.matrix is not None:
        out.append(Section(s("app.answers", lang), 1, answer_blocks(m, lang), appendix=True, landscape=True))
    if m.comments:
        blocks = [TableBlock((s("dim.practice", lang), s("app.name", lang), s("dim.comments", lang)),
                             tuple((_short(p, 120), who, text) for p, who, text in m.comments), (0.3, 0.18, 0.52))]
        if m.cut:
            blocks.append(Para(s("app.cut", lang, n=m.cut, limit=TEXT_CAP), "small"))
        out.append(Section(s("app.comments", lang), 1, blocks, appendix=True, landscape=True))
    out.append(Section(s("app.method", lang), 1, [Bullets(tuple(method_lines(lang, fw=fw)))], appendix=True))
    return out


def answer_blocks(m: ReportModel, lang: str) -> list[Block]:
    """The all-answers appendix as blocks: who R1, R2... are, the legend, then the matrix in
    blocks of ANSWER_COLS respondents (a page's width)."""
    mx = m.matrix
    if mx is None:
        return []
    out: list[Block] = [TableBlock((s("app.code", lang), s("app.name", lang), s("app.role", lang),
                                    s("app.answered", lang)), tuple(m.respondents), (0.1, 0.5, 0.2, 0.2),
                                   align="lllr"),
                        Para(mx.legend, "small")]
    groups = tuple(i for i, r in enumerate(mx.rows) if r.group)
    blocks = mx.blocks()
    for a, b in blocks:
        if len(blocks) > 1:
            out.append(Para(s("app.block", lang, a=a + 1, b=b), "strong"))
        cols = b - a
        code_w = min(0.055, 0.62 / cols)
        label_w = 1 - 0.05 - code_w * cols
        out.append(TableBlock(("#", s("dim.practice", lang)) + mx.codes[a:b],
                              tuple((r.number, _short(r.label, 170)) + r.cells[a:b] for r in mx.rows),
                              (0.05, label_w) + (code_w,) * cols, groups=groups, align="ll" + "c" * cols))
    return out
