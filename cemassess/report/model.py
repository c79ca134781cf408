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
from cemassess.report.detail import (
    GAP_ROWS,
    Comment,
    Cuts,
    Detail,
    Notice,
    Tile,
    action_title,
    short,
)
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
    note: str  # the consultant's note, capped (limits.TEXT_CAP)
    lifts: str = ""  # the dimension of the practice the action lifts (the why quotes the practice itself)
    effort: str = ""  # Small / Medium / Large
    moved: str = ""  # a re-assessment: how the action's dimension moved since the last assessment

    def after(self, lang: str) -> str:
        """"after: A; B" for the actions that come first, or "" when there are none or the why
        already names them all."""
        if not self.depends_on or all(d in self.why for d in self.depends_on):
            return ""
        return s("m.depends", lang) + ": " + "; ".join(self.depends_on)


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
    comments: list[Comment] = field(default_factory=list)  # every comment, capped and quoted
    cut: int = 0  # user texts (comments, notes, dissent) shortened to TEXT_CAP, each counted once
    trend: TrendWords | None = None  # a re-assessment: the change since the last assessment
    matrix: AnswerMatrix | None = None  # every answer (None without respondents)
    respondents: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, name, role, "12 / 50"
    detail: Detail = field(default_factory=Detail)  # the pages after the executive ones
    confidential: str = ""  # the cover's closing line: who prepared it, for whom


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


def _actions(res: Results, lang: str, trend: Trend | None = None, cut: Cuts | None = None) -> list[ActionRow]:
    from cemassess.explain import moved_note

    fw = res.framework
    inc = res.roadmap.included
    titles = {it.id: action_title(res, it, lang) for it in res.roadmap.items}
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
        # the consultant's own words, capped like comments (the XLSX holds them whole)
        desc = cut(desc, ("description", it.id)) if cut is not None else cap(desc)[0]
        note = cut(it.note, ("note", it.id)) if cut is not None else cap(it.note)[0]
        lifts = fw.dimension_of[it.practice_id].title(lang) if it.practice_id in fw.dimension_of else ""
        rows.append(ActionRow(
            rank=it.rank, title=titles[it.id], horizon=tr(f"horizon.{it.horizon}", lang), horizon_id=it.horizon,
            dimension=fw.dimensions_by_id[it.dimension_id].title(lang) if it.dimension_id in fw.dimensions_by_id
            else it.dimension_id,
            owner=it.owner or ("" if own else act.owner(lang)), due=due, due_default=it.due is None,
            kpi=it.kpi or ("" if own else act.kpi(lang)), depends_on=deps, why=why_sentence(res, it, lang),
            tag=tag, description=desc, note=note, lifts=lifts, effort=tr(f"effort.{it.effort}", lang),
            moved=moved_note(trend, it.dimension_id, lang)))
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
    from cemassess.report import detail as dt_

    cut = dt_.Cuts()
    rows = _actions(res, lang, trend, cut)
    top = _top(rows)
    dims = [(d.title(lang), res.dimensions[d.id].score,
             res.dimensions[d.id].band.name(lang) if res.dimensions[d.id].band else "",
             res.roadmap.targets.get(d.id)) for d in fw.dimensions]
    comments = dt_.all_comments(res, lang, cut)
    m = ReportModel(
        comments=comments,
        confidential=s("cover.footer", lang, brand=consultant) if consultant else s("cover.footer_plain", lang),
        lang=lang, company=a.company.name or s("cover.no_company", lang), title=a.title, date=a.date,
        draft=draft, status=status, firm=firm, facts=facts, headline=_headline(res, lang), phase=_phase(res, lang),
        strengths=_points(res, lang, res.strongest(POINTS), True),
        gaps=_points(res, lang, res.weakest(POINTS), False),
        roadmap=top, roadmap_all=rows, roadmap_more=len(rows) - len(top), perception=_perception(res, lang),
        anonymous=anonymous, dimensions=dims, trend=trend_words(fw, trend, lang), matrix=answer_matrix(res, lang),
        respondents=respondent_rows(res, lang))
    m.detail = dt_.Detail(
        tiles=dt_.tiles(res, m), incomplete=dt_.incomplete(res, lang), profile=dt_.profile_words(res, lang),
        metrics=dt_.metrics_words(res, lang), phases=dt_.phases_words(res, lang),
        perception=dt_.perception_words(res, lang), checks=dt_.check_groups(res, lang),
        roadmap=dt_.roadmap_appendix(res, lang, rows),
        dimensions=dt_.dimension_details(res, lang, comments, cut), figures=dt_.figures_appendix(res, lang),
        agreed=dt_.agreed_rows(res, lang, cut))
    m.cut = cut.n
    return m


# -- the whole report as sections of blocks, for the Word report ------------------------------
@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | lead | small | small_b | strong | warn | note | mono
    label: str = ""  # a bold lead-in before the text ("Marked for review:")
    indent: int = 0  # mono: the explanation's indentation (spaces)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    small: bool = False


@dataclass(frozen=True)
class TableBlock:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # shares of the text width, summing to 1
    detail_col: int = -1  # a column whose cells are "title\nsmall print...": the first line stands out
    groups: tuple[int, ...] = ()  # rows (0-based, below the head) that head a group: bold, tinted
    align: str = ""  # one letter per column, l / r / c (figures right, answer codes centred); "" all left
    details: tuple[int, ...] = ()  # more columns like detail_col
    notes: tuple[int, ...] = ()  # columns whose lines after the first are small print
    marked: tuple[int, ...] = ()  # rows marked for review (shaded as a warning)
    total: bool = False  # the last row is a total (bold, a rule above)
    compact: bool = False  # smaller print, to keep a page's worth on one page (the executive roadmap)


@dataclass(frozen=True)
class Chart:
    name: str  # a key of cemassess.report.charts.ALL_CHARTS (or "trend")
    caption: str = ""  # printed under the chart when it is drawn
    width: float = 0.95  # share of the text width
    height: float = 0.0  # at most this share of the page height (0: no limit)


@dataclass(frozen=True)
class Tiles:
    """The key figures side by side (detail.Tile)."""

    items: tuple[Tile, ...]


Block = Para | Bullets | TableBlock | Chart | Tiles | Notice


@dataclass
class Section:
    title: str
    level: int  # 1: chapter, 2: sub-section (both in the table of contents and the PDF's bookmarks), 3: a title
    blocks: list[Block] = field(default_factory=list)
    appendix: bool = False
    landscape: bool = False  # wide tables (the full roadmap, all answers, the comments), as in the PDF


def action_table(rows: list[ActionRow], lang: str, *, why: bool = True) -> TableBlock:
    """The executive roadmap: #, the action (title, horizon, why, what comes first), owner, due, KPI."""
    head = ("#", s("m.action", lang), tr("owner", lang), tr("due", lang), tr("kpi", lang))
    body = []
    for n, r in enumerate(rows, 1):
        action = r.title + "\n" + r.horizon + (f" · {r.tag}" if r.tag else "")
        if why:
            action += "\n" + r.why
        after = r.after(lang) if why else (s("m.depends", lang) + ": " + "; ".join(r.depends_on)
                                           if r.depends_on else "")
        if after:
            action += "\n" + after
        # ISO dates, as the PDF and the slides print them ("2/1/26" is a different day in London)
        due = r.due.isoformat() + (f"\n({s('m.due_default', lang)})" if r.due_default else "")
        body.append((str(n), action, r.owner or "–", due, r.kpi or "–"))
    return TableBlock(head, tuple(body), (0.04, 0.51, 0.15, 0.12, 0.18), detail_col=1, compact=True)


def full_action_table(head: tuple[str, ...], rows: tuple[ActionRow, ...], lang: str) -> TableBlock:
    """One horizon of the full roadmap (landscape): #, action, why, owner, KPI, effort, due."""
    body = []
    for r in rows:
        action = "\n".join(x for x in (r.title, r.tag, r.description,
                                       f"{s('rm.note', lang)}: {r.note}" if r.note else "") if x)
        why = "\n".join(x for x in (r.lifts, r.why, r.moved) if x)
        due = r.due.isoformat() + (f"\n{s('m.due_default', lang)}" if r.due_default else "")
        body.append((str(r.rank), action, why, r.owner, r.kpi, r.effort, due))
    return TableBlock(head, tuple(body), (0.03, 0.25, 0.285, 0.12, 0.13, 0.085, 0.10), details=(1,), notes=(2, 6),
                      align="lllllcl")


def _sec_executive(m: ReportModel, lang: str, no_action: str) -> list[Section]:
    d = m.detail
    first: list[Block] = [Tiles(d.tiles)]
    if d.incomplete is not None:
        first.append(d.incomplete)
    out = [Section(s("sec.summary", lang), 1, first),
           Section(s("m.headline_title", lang), 3, [Para(m.headline.sentence, "lead"),
                                                   Para(m.headline.coverage + ".", "small")]),
           Section(s("m.phase_title", lang), 3, [Para(m.phase.label + ".", "strong"), Para(m.phase.sentence)])]
    for title, points in ((s("m.strengths", lang), m.strengths), (s("m.gaps", lang), m.gaps)):
        out.append(Section(title, 3, [Bullets(tuple(p.sentence for p in points))] if points
                           else [Para(tr("not_scored", lang))]))
    road: list[Block] = [action_table(m.roadmap, lang)] if m.roadmap else [Para(no_action, "lead")]
    if m.roadmap:
        if m.roadmap_more:
            road.append(Para(s("m.roadmap_more", lang, n=m.roadmap_more), "small"))
        road.append(Para(s("m.due_rule", lang), "small"))
    out.append(Section(s("m.roadmap_title", lang), 1, road))
    return out


def _sec_profile(m: ReportModel, lang: str) -> list[Section]:
    pw, mw = m.detail.profile, m.detail.metrics
    assert pw is not None
    blocks: list[Block] = [Chart("radar", height=0.4)]
    if pw.illustrative:
        blocks.append(Para(pw.illustrative, "warn"))
    blocks += [Para(pw.caption, "small")] + ([Para(pw.too_few, "small")] if pw.too_few else [])
    n = len(pw.head)
    widths = (0.26, 0.08, 0.18, 0.07, 0.11, 0.07, 0.13, 0.10) if n == 8 else (0.5, 0.12, 0.24, 0.14)
    blocks.append(TableBlock(pw.head, pw.rows + (pw.total,), widths, align=pw.align, total=True))
    out = [Section(s("sec.profile", lang), 1, blocks),
           Section(pw.gaps_title, 2, [Chart("gap_bars", pw.targets_note)])]
    if mw is not None:
        kb: list[Block] = []
        if mw.nps:
            kb += [Chart("nps_panel"), Para(mw.nps), Para(mw.nps_def, "small")]
        if mw.rates:
            kb.append(Para(mw.rates))
        out.append(Section(mw.title, 2, kb))
    return out


def _sec_phases(m: ReportModel, lang: str) -> list[Section]:
    pw = m.detail.phases
    assert pw is not None
    cards = pw.cards
    blocks: list[Block] = [Para(pw.rule), Chart("phase_progress", width=0.78)]
    if cards:
        blocks.append(TableBlock(tuple(c.kicker for c in cards),
                                 (tuple(c.title + "\n" + c.state for c in cards), tuple(c.description for c in cards),
                                  tuple(c.progress for c in cards)), (1 / len(cards),) * len(cards),
                                 details=tuple(range(len(cards)))))
    blocks += [Para(x, "small") for x in pw.na_reasons]
    out = [Section(s("sec.phases", lang), 1, blocks)]
    if pw.done:
        blocks.append(Para(pw.done, "lead"))
        return out
    out.append(Section(pw.blocks_title, 3, [TableBlock(pw.head, pw.blocking, (0.58, 0.26, 0.16)),
                                            Para(pw.progress_note, "note")]))
    return out


def _sec_perception(m: ReportModel, lang: str) -> list[Section]:
    pw = m.detail.perception
    if pw is None:
        return []
    out = [Section(pw.title, 1, [Para(pw.intro, "lead"), Para(pw.facts, "small"),
                                 Chart("role_heatmap", pw.heat_caption, height=0.5)])]
    if pw.roles_title:
        if m.perception:
            blocks: list[Block] = [TableBlock(
                (s("dim.practice", lang), s("gap.high", lang), s("gap.low", lang), s("gap.gap", lang)),
                tuple((g.practice + "\n" + g.dimension, g.high, g.low, lv(g.gap, lang))
                      for g in m.perception[:GAP_ROWS]), (0.50, 0.17, 0.17, 0.16), notes=(0,), align="lllr")]
            if pw.more:
                blocks.append(Para(pw.more, "small"))
        else:
            blocks = [Para(pw.none_roles)]
        out.append(Section(pw.roles_title, 2, blocks))
    out.append(Section(pw.people_title, 2, [TableBlock(
        (s("dim.practice", lang), s("gap.answers", lang), s("gap.spread", lang)),
        tuple((r.practice + "\n" + r.dimension, r.levels + "\n" + r.who, r.spread) for r in pw.people),
        (0.5, 0.4, 0.1), notes=(0, 1), align="llr")] if pw.people else [Para(pw.none_people)]))
    return out


def _sec_checks(m: ReportModel, lang: str) -> list[Section]:
    groups = m.detail.checks
    if not groups:
        return []
    out = [Section(s("sec.voc", lang), 1, [])]
    for g in groups:
        if g.title:
            out.append(Section(g.title, 2, []))
        sec = out[-1]
        if g.intro:
            sec.blocks.append(Para(g.intro, "lead"))
        for c in g.cards:
            out.append(Section(c.title, 3, [Para(c.description), Para(c.finding, "strong"),
                                            Para(c.status, "small_b"),
                                            Bullets(c.evidence, small=True)]))
        if g.unknown:
            out[-1].blocks.append(Para(g.unknown, "note"))
    return out


def _sec_full_roadmap(m: ReportModel, lang: str) -> list[Section]:
    ra = m.detail.roadmap
    assert ra is not None
    blocks: list[Block] = [Para(ra.intro), Para(ra.counts, "small")]
    if ra.empty:
        blocks.append(Para(ra.empty, "lead"))
    out = [Section(s("m.full_roadmap", lang), 1, blocks, appendix=True, landscape=True)]
    for title, rows in ra.groups:
        out.append(Section(title, 2, [full_action_table(ra.head, rows, lang)], appendix=True, landscape=True))
    if ra.groups:
        out.append(Section(ra.timeline_title, 2, [Chart("timeline", ra.timeline_caption, width=0.8, height=0.75)],
                           appendix=True, landscape=True))
    return out


def _sec_dimensions(m: ReportModel, lang: str) -> list[Section]:
    out = [Section(s("sec.dimensions", lang), 1, [Para(s("dim.howto", lang), "lead")], appendix=True)]
    for d in m.detail.dimensions:
        head = (f"{tr('score', lang)}: {d.score} / 100 · {tr('level', lang)}: {d.level}"
                + (f" — {d.meaning}" if d.meaning else ""))
        blocks: list[Block] = [Para(head, "strong")]
        if d.bench:
            blocks.append(Para(d.bench + (f" ({d.illustrative})" if d.illustrative else "")))
        blocks.append(TableBlock((s("dim.traditional", lang), s("dim.cem", lang)), ((d.traditional, d.cem),),
                                 (0.5, 0.5)))
        if d.incomplete:
            blocks.append(Para(d.incomplete, "warn"))
        rows = []
        for x in d.lines:
            cell = "\n".join(y for y in (x.statement, x.anchor,
                                         f"{s('dim.dissent', lang)}: {x.dissent}" if x.dissent else "") if y)
            rows.append((x.number, cell, x.phase, x.level + (f"\n{x.agreed}" if x.agreed else ""), x.answers))
        blocks.append(TableBlock(("#", s("dim.practice", lang), tr("phase", lang), tr("level", lang),
                                  s("dim.answers", lang)), tuple(rows), (0.07, 0.53, 0.09, 0.11, 0.20),
                                 notes=(1,), align="llccl",
                                 marked=tuple(i for i, x in enumerate(d.lines) if x.review)))
        out.append(Section(f"{d.number}. {d.title}", 2, blocks, appendix=True))
        tail: list[Block] = [Para(f"{c.text} — {c.who} ({short(c.practice)})") for c in d.comments]
        if d.comments:
            out.append(Section(s("dim.comments", lang), 3, tail, appendix=True))
        if d.review:
            out[-1].blocks.append(Para("; ".join(d.review), "warn", label=s("dim.review", lang)))
    return out


def _sec_figures(m: ReportModel, lang: str) -> list[Section]:
    fa = m.detail.figures
    assert fa is not None
    out = [Section(fa.title, 1, [], appendix=True),
           Section(fa.method_title, 2, [Bullets(fa.method), TableBlock(fa.bands_head, fa.bands, (0.22, 0.1, 0.68),
                                                                       align="lrl", details=(0,)),
                                        Para(fa.horizons, "small")], appendix=True)]
    out.append(Section(fa.overall_title, 2, [_sec_mono(x) for x in fa.overall_lines] + [TableBlock(
        fa.overall_head, fa.overall_rows + (fa.overall_total,), (0.55, 0.13, 0.16, 0.16), align="lrrr", total=True)],
        appendix=True))
    out.append(Section(fa.phases_title, 2, [_sec_mono(x) for x in fa.phase_lines], appendix=True))
    out.append(Section(fa.dims_title, 2, [], appendix=True))
    for t in fa.dims:
        out.append(Section(t.title, 3, [TableBlock(fa.terms_head, t.rows + (t.total,),
                                                   (0.46, 0.09, 0.09, 0.09, 0.13, 0.14), align="lrrrrr", total=True)]
                           + [Para(rest, "small", label=what) for what, rest in t.exclusions], appendix=True))
    if fa.bench_title:
        blocks: list[Block] = [Para(x) for x in fa.bench]
        if fa.bench_illustrative:
            blocks.append(Para(fa.bench_illustrative, "warn"))
        out.append(Section(fa.bench_title, 2, blocks + [Para(x, "small") for x in fa.bench_notes], appendix=True))
    if fa.figures_title:
        out.append(Section(fa.figures_title, 2, [Bullets(fa.figures, small=True)], appendix=True))
    if fa.backlog_title:
        out.append(Section(fa.backlog_title, 2, [Para(x, "small") for x in fa.backlog], appendix=True))
    if fa.respondents_title:
        out.append(Section(fa.respondents_title, 2, [_sec_respondents(m, lang)], appendix=True))
    return out


def _sec_mono(line: str) -> Para:
    return Para(line.strip(), "mono", indent=len(line) - len(line.lstrip(" ")))


def _sec_respondents(m: ReportModel, lang: str) -> TableBlock:
    return TableBlock((s("app.code", lang), s("app.name", lang), s("app.role", lang), s("app.answered", lang)),
                      tuple(m.respondents), (0.1, 0.5, 0.2, 0.2), align="lllr", details=(0,))


def _sec_answers(m: ReportModel, lang: str) -> list[Section]:
    if m.matrix is None:
        return []
    out = [Section(s("app.answers", lang), 2, answer_blocks(m, lang), appendix=True, landscape=True)]
    if m.comments:
        out.append(Section(s("app.comments", lang), 2, [TableBlock(
            (s("dim.practice", lang), s("app.name", lang), s("dim.comments", lang)),
            tuple((short(c.practice, 120), c.who, c.text) for c in m.comments), (0.35, 0.2, 0.45))],
            appendix=True, landscape=True))
    if m.detail.agreed:
        out.append(Section(s("app.agreed", lang), 2, [TableBlock(
            (s("dim.practice", lang), tr("level", lang), s("dim.dissent", lang)), tuple(m.detail.agreed),
            (0.45, 0.1, 0.45), align="lcl")], appendix=True, landscape=True))
    if m.cut:
        out[-1].blocks.append(Para(s("app.cut", lang, n=m.cut, limit=TEXT_CAP), "small"))
    out[-1].blocks.append(Para(s("app.end", lang), "small"))
    return out


def sections(res: Results, m: ReportModel) -> list[Section]:
    """The report in the PDF's order and with its content, as plain blocks: the executive
    pages, the profile, the change over time, the phases, the perception gaps, the
    Voice-of-Customer checks, then the appendix (the full roadmap, the dimensions in detail,
    how every figure was computed, all answers). Level 1 and 2 sections are the PDF's
    bookmarks; level 3 its other titles."""
    from cemassess.explain import no_actions

    lang = m.lang
    out = _sec_executive(m, lang, no_actions(res.overall, lang) or s("sum.no_actions", lang))
    out += _sec_profile(m, lang)
    if m.trend is not None:
        tw = m.trend
        out.append(Section(tw.title, 1, [Para(tw.intro), Chart("trend"), TableBlock(
            tw.head, tuple((r.dimension, r.before, r.after, r.change, r.direction) for r in tw.rows),
            (0.42, 0.12, 0.12, 0.12, 0.22), align="lrrrl")]))
    out += _sec_phases(m, lang) + _sec_perception(m, lang) + _sec_checks(m, lang)
    out += _sec_full_roadmap(m, lang) + _sec_dimensions(m, lang) + _sec_figures(m, lang) + _sec_answers(m, lang)
    return out


def answer_blocks(m: ReportModel, lang: str) -> list[Block]:
    """The all-answers appendix as blocks: the legend, then the matrix in blocks of
    ANSWER_COLS respondents (a page's width); who R1, R2... are is the appendix's
    respondents table, before it."""
    mx = m.matrix
    if mx is None:
        return []
    out: list[Block] = [Para(mx.legend, "small")]
    groups = tuple(i for i, r in enumerate(mx.rows) if r.group)
    blocks = mx.blocks()
    for a, b in blocks:
        if len(blocks) > 1:
            out.append(Para(s("app.block", lang, a=a + 1, b=b), "strong"))
        cols = b - a
        code_w = min(0.055, 0.62 / cols)
        label_w = 1 - 0.05 - code_w * cols
        out.append(TableBlock(("#", s("dim.practice", lang)) + mx.codes[a:b],
                              tuple((r.number, short(r.label, 170)) + r.cells[a:b] for r in mx.rows),
                              (0.05, label_w) + (code_w,) * cols, groups=groups, align="ll" + "c" * cols))
    return out
