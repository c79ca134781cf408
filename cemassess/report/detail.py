"""What the report's pages after the executive summary say, decided once for every writer.

The report model (cemassess.report.model) holds the executive pages; this module adds the
rest of the report as plain data in the report's language, which the PDF sections
(sections_front/back/exec) and the Word report (through `model.sections`) both read: the
key-figure tiles, the incomplete-answers notice, the profile table with the benchmark, the
key metrics, the phases with what blocks the current one, the perception gaps (by role and
by respondent), the Voice-of-Customer checks, the full roadmap by horizon, each dimension
in detail, the appendix of how every figure was computed, every comment and every agreed
answer with its dissent.

No reportlab and no Office library here: strings, numbers already written in the language
(`i18n.num`/`pct`, `model.lv`) and tuples of them. User text is capped at `limits.TEXT_CAP`
(the XLSX keeps it whole) and counted, so the report can say how many texts were shortened.
Anonymous results (`anonymity.anonymise`) name respondents by code, so nothing here names
a person the results do not name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cemassess.domain.results import Results
from cemassess.domain.roadmap import HORIZONS
from cemassess.i18n import date_text, num, pct, role_name, tr
from cemassess.labels import pack_note, pack_source, pack_title, segment_title
from cemassess.report.limits import cap

if TYPE_CHECKING:
    from cemassess.domain.roadmap import RoadmapItem
    from cemassess.report.model import ActionRow, ReportModel

GAP_ROWS = 10  # practices in each perception-gap table (the rest are counted)
SHORT = 80  # a practice's statement where it only names the practice


def _s(key: str, lang: str, **fmt: object) -> str:
    from cemassess.report.model import s

    return s(key, lang, **fmt)


def action_title(res: Results, item: RoadmapItem, lang: str) -> str:
    """An action's title: the framework's, or the consultant's own words for their action."""
    act = res.framework.actions.get(item.id)
    return act.title(lang) if act is not None and not item.custom else item.title


def short(text: str, n: int = SHORT) -> str:
    """`text` cut to `n` characters with an ellipsis, after a whole word (a practice named in
    a narrow cell; cemassess.report.limits.short)."""
    from cemassess.report.limits import short as cut

    return cut(text, n)


def quoted(text: str, lang: str) -> str:
    """A user's words in the language's quotation marks."""
    return f"«{text}»" if lang in ("ru", "uk") else f"“{text}”"


def score(x: float | None, lang: str) -> str:
    """A score with one decimal (40.1; 40,1 in Russian): 19.85 rounded to 20 would contradict its level."""
    return num(x, lang, 1)


def whole(x: float | None, lang: str) -> str:
    return num(x, lang, 0)


class Cuts:
    """Caps user texts for the page and counts the ones shortened, each once however often it
    is shown (`key`: where it comes from, e.g. ("dissent", practice id))."""

    def __init__(self) -> None:
        self.seen: set[object] = set()

    @property
    def n(self) -> int:
        return len(self.seen)

    def __call__(self, text: object, key: object) -> str:
        out, was_cut = cap(text)
        if was_cut:
            self.seen.add(key)
        return out


# -- the executive page: tiles and the incomplete-answers notice ------------------------------
@dataclass(frozen=True)
class Tile:
    label: str
    value: str  # the figure ("40.0", "0", "100 %", "-4") or words when `words`
    unit: str  # " / 100", " / 3" or ""
    note: str
    words: bool = False  # the index is withheld: the value is a short phrase, not a figure


def tiles(res: Results, m: ReportModel) -> tuple[Tile, ...]:
    lang, h, ph = m.lang, m.headline, m.phase
    if h.score is not None:
        index = Tile(tr("overall", lang), score(h.score, lang), " / 100", h.band or h.withheld)
    else:
        index = Tile(tr("overall", lang), _s("m.withheld_tile", lang), "", h.band or h.withheld, words=True)
    nps = res.nps
    return (index,
            Tile(_s("m.phase_title", lang), str(ph.attained), " / 3", ph.label),
            Tile(_s("m.coverage_tile", lang), pct(h.answered / h.total, lang) if h.total else "–", "", h.coverage),
            Tile("NPS", num(nps.score, lang, 0, sign=True) if nps else "–", "",
                 _s("sum.nps_n", lang, n=nps.n) if nps else _s("sum.not_measured", lang)))


@dataclass(frozen=True)
class Notice:
    """A warning box: a title and its lines (the assessment is incomplete)."""

    title: str
    lines: tuple[str, ...]


def is_incomplete(res: Results) -> bool:
    return res.completion.answered < res.completion.total or any(
        d.score is None for d in res.dimensions.values())


def incomplete(res: Results, lang: str) -> Notice | None:
    """What is missing: practices, dimensions, unscored dimensions, respondents not finished."""
    from cemassess.domain.scoring import completion

    if not is_incomplete(res):
        return None
    fw, c = res.framework, res.completion
    lines = [_s("inc.body", lang, answered=c.answered, total=c.total)]
    parts = [f"{d.title(lang)} ({done}/{total})" for d in fw.dimensions
             for done, total in (c.by_dimension[d.id],) if done < total]
    if parts:
        lines.append(_s("inc.dims", lang) + " " + "; ".join(parts) + ".")
    unscored = [d.title(lang) for d in fw.dimensions if res.dimensions[d.id].score is None]
    if unscored:
        lines.append(_s("inc.unscored", lang) + " " + "; ".join(unscored) + ".")
    people = []
    for r in res.assessment.respondents:
        rc = completion(fw, res.assessment, r.id)
        if rc.answered < rc.total:
            people.append(f"{r.name or r.id} ({rc.answered}/{rc.total})")
    if people and len(res.assessment.respondents) > 1:
        lines.append(_s("inc.people", lang) + " " + "; ".join(people[:30]) + ("; …" if len(people) > 30 else "") + ".")
    lines.append(_s("inc.effect", lang))
    return Notice(_s("inc.title", lang), tuple(lines))


# -- the profile ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileWords:
    illustrative: str  # the warning when the benchmark is generated, else ""
    caption: str  # which benchmark the profile is compared with (or that there is none)
    too_few: str  # "" unless a dimension's benchmark figure is withheld
    head: tuple[str, ...]  # dimension, score, level[, P10, median, P90, percentile], target
    align: str  # one letter per column
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]  # the CEM index row
    gaps_title: str
    targets_note: str  # how the targets of the gap chart were set


def profile_words(res: Results, lang: str) -> ProfileWords:
    from cemassess.explain import dimension_cell, headline

    fw, b, ov = res.framework, res.benchmark, res.overall
    if b is None:
        illustrative, caption, too_few = "", _s("bench.none", lang), ""
    else:
        illustrative = tr("illustrative", lang) if b.pack.illustrative else ""
        caption = _s("bench.caption", lang, pack=pack_title(b.pack, lang), segment=segment_title(b.segment, lang),
                     n=b.segment.n, source=pack_source(b.pack, lang))
        too_few = _s("bench.too_few", lang) if any(not c.shown for c in b.comparisons.values()) else ""
    head = [tr("dimension", lang), tr("score", lang), tr("level", lang)]
    if b is not None:
        head += ["P10", _s("prof.median", lang), "P90", _s("prof.pct", lang)]
    head.append(_s("chart.target", lang))
    rows = []
    for d in fw.dimensions:
        ds = res.dimensions[d.id]
        row = [d.title(lang), score(ds.score, lang), ds.band.name(lang) if ds.band else dimension_cell(ds, lang)]
        if b is not None:
            c = b.comparisons.get(d.id)
            row += ([whole(c.p10, lang), whole(c.median, lang), whole(c.p90, lang), whole(c.percentile, lang)]
                    if c is not None and c.shown else ["–"] * 4)
        # no target for a dimension not scored yet (the domain's 0 there means "find out first")
        target = res.roadmap.targets.get(d.id) if ds.score is not None or d.id in res.assessment.targets.overrides \
            else None
        row.append(whole(target, lang))
        rows.append(tuple(row))
    total = (tr("overall", lang), score(ov.score, lang), ov.band.name(lang) if ov.band else headline(ov, lang)) + (
        ("",) * (len(head) - 3))
    note = _s("h11.targets", lang)
    if res.assessment.targets.overrides:
        note += " " + _s("prof.targets_overrides", lang, n=len(res.assessment.targets.overrides))
    return ProfileWords(illustrative, caption, too_few, tuple(head), "lrl" + "r" * (len(head) - 3), tuple(rows),
                        total, _s("prof.gaps", lang), note)


@dataclass(frozen=True)
class MetricsWords:
    title: str
    nps: str  # the NPS in one line with its period and source; "" without an NPS
    nps_def: str
    rates: str  # retention and churn; "" without them


def metrics_words(res: Results, lang: str) -> MetricsWords | None:
    m = res.assessment.metrics
    if res.nps is None and m.retention_rate is None and m.churn_rate is None:
        return None
    nps = nps_def = ""
    if res.nps is not None:
        n = res.nps
        bits = [_s("prof.nps_line", lang, score=num(n.score, lang, 0, sign=True), n=n.n,
                   pro=pct(n.pct_promoters / 100, lang), pas=pct(n.pct_passives / 100, lang),
                   det=pct(n.pct_detractors / 100, lang))]
        if m.nps is not None and (m.nps.period or m.nps.source):
            bits.append(_s("prof.nps_src", lang, period=m.nps.period or "–", source=m.nps.source or "–"))
        nps, nps_def = " ".join(bits), _s("prof.nps_def", lang)
    parts = []
    if m.retention_rate is not None:
        parts.append(f"{tr('retention_rate', lang)}: {pct(m.retention_rate / 100, lang, 1)}")
    if m.churn_rate is not None:
        parts.append(f"{tr('churn_rate', lang)}: {pct(m.churn_rate / 100, lang, 1)}")
    rates = "; ".join(parts) + (f" ({m.period})" if m.period else "") + "." if parts else ""
    return MetricsWords(_s("prof.metrics", lang), nps, nps_def, rates)


# -- the phases -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PhaseCard:
    kicker: str  # "Phase 1"
    title: str
    state: str  # attained | the phase to work on now | ahead
    description: str
    progress: str  # "Progress 87%; 8 of 14 applicable practices at level 4 or above."


@dataclass(frozen=True)
class PhasesWords:
    rule: str
    cards: tuple[PhaseCard, ...]
    na_reasons: tuple[str, ...]  # every "not applicable" with the reason given for it
    done: str  # all three attained: the sentence; else ""
    blocks_title: str  # "What blocks phase 1, ..." ("" when all are attained)
    head: tuple[str, str, str]
    blocking: tuple[tuple[str, str, str], ...]  # practice (or the metric), dimension, what it is at
    progress_note: str  # how the progress of the current phase is computed


def phases_words(res: Results, lang: str) -> PhasesWords:
    from cemassess.explain import blocker_text
    from cemassess.report.model import lv

    fw, ph = res.framework, res.phase
    cards = []
    for st in ph.phases:
        p = fw.phase(st.number)
        state = (_s("ph.attained", lang) if st.number <= ph.attained else
                 _s("ph.current", lang) if st.number == ph.current else _s("ph.ahead", lang))
        cards.append(PhaseCard(f"{tr('phase', lang)} {st.number}", p.title(lang), state, p.description(lang),
                               _s("ph.progress", lang, pct=pct(st.progress, lang), at=st.at_threshold,
                                  n=st.applicable)))
    reasons = tuple(tr("x.na_reason", lang, practice=fw.practices[pid].statement(lang), reason=reason)
                    for st in ph.phases for pid, reason in st.na_reasons)
    head = (_s("dim.practice", lang), tr("dimension", lang), _s("ph.status", lang))
    if ph.attained == 3:
        return PhasesWords(_s("ph.rule", lang), tuple(cards), reasons, tr("all_phases_attained", lang), "", head,
                           (), "")
    rows = []
    for b in ph.blocking:
        if not b.practice_id:  # a metric or the share of N/A: a row of its own
            rows.append((blocker_text(fw, b, lang), "", ""))
            continue
        p = fw.practices[b.practice_id]
        what = (f"{tr('level', lang)} {lv(b.level, lang)}" if b.reason == "below"
                else tr("x.blk.na_no_reason", lang) if b.reason == "na_no_reason"
                else tr("dk" if b.reason == "dk" else "unanswered", lang))
        rows.append((p.statement(lang), fw.dimension_of[p.id].title(lang), what))
    st = ph.phases[ph.current - 1]
    return PhasesWords(_s("ph.rule", lang), tuple(cards), reasons, "",
                       _s("ph.blocks", lang, n=ph.current, title=fw.phase(ph.current).title(lang)), head, tuple(rows),
                       tr("x.progress_expl", lang, pct=pct(ph.progress, lang), n=ph.current, at=st.at_threshold,
                          total=st.applicable))


# -- perception gaps --------------------------------------------------------------------------
@dataclass(frozen=True)
class SplitRow:
    """A practice the respondents answer two levels or more apart."""

    practice: str
    dimension: str
    levels: str  # "Levels given: 1: ×1, 3: ×3"
    who: str  # "Highest: R1. Lowest: R3, R5." (codes in an anonymous report)
    spread: str


@dataclass(frozen=True)
class PerceptionWords:
    title: str
    intro: str
    facts: str
    heat_caption: str  # under the heatmap: respondents per role
    roles_title: str  # "" with fewer than two role groups (no role table)
    more: str  # "...and n more practices..." beyond GAP_ROWS; ""
    none_roles: str  # said instead of the role table when no practice shows a gap
    people_title: str
    people: tuple[SplitRow, ...]
    none_people: str  # said instead of the respondent table when nobody differs


def _names(people: list) -> str:
    names = [p.name or p.id for p in people]
    return ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")


def perception_words(res: Results, lang: str) -> PerceptionWords | None:
    """None with fewer than two respondents. Roles with fewer than two people are one group
    ("Other") in an anonymous report: the results say so (anonymity.anonymise)."""
    from cemassess.domain.scoring import disagreements

    fw, a = res.framework, res.assessment
    if len(a.respondents) < 2:
        return None
    counts: dict = {}
    for r in a.respondents:
        counts[r.role] = counts.get(r.role, 0) + 1
    per_role = ", ".join(f"{role_name(r.value, lang)} {counts.get(r, 0)}" for r in res.roles)
    more = len(res.practice_gaps) - GAP_ROWS
    people = []
    for r in disagreements(res.profile)[:GAP_ROWS]:
        p = fw.practices[r.practice_id]
        given = [(resp, ans.value) for resp in a.respondents
                 if (ans := a.answers.get(resp.id, {}).get(p.id)) is not None and isinstance(ans.value, int)]
        dist = ", ".join(f"{v}: ×{sum(1 for _, x in given if x == v)}" for v in sorted({x for _, x in given}))
        hi = [x for x, v in given if v == max(r.levels)]
        lo = [x for x, v in given if v == min(r.levels)]
        people.append(SplitRow(p.statement(lang), fw.dimension_of[p.id].title(lang), _s("gap.levels", lang) + " " + dist,
                               _s("gap.extremes", lang, hi=_names(hi), lo=_names(lo)), str(r.spread)))
    return PerceptionWords(
        tr("perception_gaps", lang), _s("gap.intro", lang), _s("gap.facts", lang),
        _s("gap.heat_caption", lang, roles=per_role), _s("gap.roles_title", lang) if len(res.roles) >= 2 else "",
        _s("gap.more", lang, n=more) if more > 0 else "", _s("gap.none_roles", lang),
        _s("gap.people_title", lang), tuple(people), _s("gap.none_people", lang))


# -- Voice-of-Customer checks -----------------------------------------------------------------
@dataclass(frozen=True)
class CheckCard:
    title: str
    description: str
    finding: str
    status: str
    evidence: tuple[str, ...]  # "practice — level 3"


@dataclass(frozen=True)
class CheckGroup:
    title: str  # "" for the pitfalls (the section's own title), "B2B principles not met"
    intro: str  # how many were found / not met, or that none was; ""
    cards: tuple[CheckCard, ...]  # found pitfalls, principles not met or partly met
    unknown: str  # "Not enough answers to judge: ..." or ""


def check_groups(res: Results, lang: str) -> list[CheckGroup]:
    from cemassess.explain import check_status, level_label

    fw = res.framework
    out = []
    for kind, title_key, intro_key, none_key in (("voc_pitfall", "", "voc.intro", "voc.none"),
                                                 ("b2b_principle", "voc.b2b_title", "voc.b2b_intro", "voc.b2b_none")):
        checks = [c for c in res.checks if c.check.kind == kind]
        if not checks:
            continue
        fired = [c for c in checks if c.fired]
        intro = (_s(intro_key, lang, k=len(fired), n=len(checks)) if fired
                 else _s(none_key, lang, n=len(checks)) if all(c.status in ("met", "not_found") for c in checks)
                 else "")
        cards = tuple(CheckCard(c.check.title(lang), c.check.description(lang), c.check.finding(lang),
                                check_status(c, lang),
                                tuple(short(fw.practices[pid].statement(lang), 150) + " — "
                                      + level_label(res.practices[pid].level, lang) for pid in c.evidence))
                      for c in fired)
        unknown = [c.check.title(lang) for c in checks if c.fired is None]
        out.append(CheckGroup(_s(title_key, lang) if title_key else "", intro, cards,
                              _s("voc.unknown", lang) + " " + "; ".join(unknown) + "." if unknown else ""))
    return out


# -- the full roadmap -------------------------------------------------------------------------
@dataclass(frozen=True)
class RoadmapAppendix:
    intro: str
    counts: str
    empty: str  # no action: why ("" when there are actions)
    head: tuple[str, ...]  # #, action, why, owner, KPI, effort, due
    groups: tuple[tuple[str, tuple[ActionRow, ...]], ...]  # (horizon, its actions) for each horizon with actions
    timeline_title: str
    timeline_caption: str


def roadmap_appendix(res: Results, lang: str, rows: list[ActionRow]) -> RoadmapAppendix:
    from cemassess.explain import no_actions

    rm = res.roadmap
    groups = rm.by_horizon()
    inc = rm.included
    counts = _s("rm.counts", lang, n=len(inc), now=len(groups["now"]), next=len(groups["next"]),
                later=len(groups["later"]), edited=sum(1 for i in inc if i.edited and not i.custom),
                own=sum(1 for i in inc if i.custom), excluded=len(rm.items) - len(inc))
    by = tuple((tr(f"horizon.{hz}", lang), tuple(r for r in rows if r.horizon_id == hz)) for hz in HORIZONS)
    head = ("#", _s("rm.action", lang), tr("why", lang), tr("owner", lang), tr("kpi", lang), _s("rm.effort", lang),
            tr("due", lang))
    return RoadmapAppendix(_s("rm.intro", lang), counts,
                           "" if inc else (no_actions(res.overall, lang) or _s("rm.empty", lang)), head,
                           tuple(g for g in by if g[1]), _s("chart.timeline_title", lang),
                           _s("rm.timeline_caption", lang))


# -- the dimensions in detail -----------------------------------------------------------------
@dataclass(frozen=True)
class PracticeLine:
    number: str  # "2.3"
    statement: str
    anchor: str  # what the consensus level means (both anchors between two levels); ""
    dissent: str  # an agreed answer's dissent, capped; ""
    phase: str
    level: str  # "3.5", N/A, don't know or "–"
    agreed: str  # "agreed" when the facilitator agreed the answer, else ""
    answers: str  # "2–5 (n=5); N/A ×1"
    review: bool  # marked for review (the row is shaded)
    scored: bool  # the practice has a level (printed bold)


@dataclass(frozen=True)
class Comment:
    dimension_id: str
    practice: str  # the statement in full
    who: str  # "Name, role" ("R2, role" in an anonymous report)
    text: str  # capped, in quotation marks


@dataclass(frozen=True)
class DimensionDetail:
    number: int
    title: str
    score: str  # "38.6"
    level: str  # the band, or "not scored"
    meaning: str  # the band's meaning, ""
    bench: str  # the benchmark line, ""
    illustrative: str  # "illustrative" after the benchmark line, ""
    traditional: str
    cem: str
    incomplete: str  # "Incomplete: 3 of 5 practices answered." or ""
    lines: tuple[PracticeLine, ...]
    comments: tuple[Comment, ...]
    review: tuple[str, ...]  # the practices marked for review (short)


def _answers_cell(r, lang: str) -> str:
    if r is None:
        return "–"
    bits = []
    if r.levels:
        lo, hi = min(r.levels), max(r.levels)
        bits.append((f"{lo}–{hi}" if hi > lo else f"{lo}") + f" (n={len(r.levels)})")
    if r.n_na:
        bits.append(_s("dim.na_n", lang, n=r.n_na))
    if r.n_dk:
        bits.append(_s("dim.dk_n", lang, n=r.n_dk))
    return "; ".join(bits) or tr("unanswered", lang)


def dimension_details(res: Results, lang: str, comments: list[Comment], cut: Cuts) -> list[DimensionDetail]:
    from cemassess.explain import level_text
    from cemassess.report.model import lv

    fw, b = res.framework, res.benchmark
    out = []
    for i, d in enumerate(fw.dimensions, 1):
        ds = res.dimensions[d.id]
        c = b.comparisons.get(d.id) if b is not None else None
        bench = illustrative = ""
        if c is not None and c.shown:
            bench = _s("dim.bench", lang, median=whole(c.median, lang), p10=whole(c.p10, lang),
                       p90=whole(c.p90, lang), pct=whole(c.percentile, lang))
            illustrative = _s("chart.illustrative", lang) if b is not None and b.pack.illustrative else ""
        done, total = res.completion.by_dimension[d.id]
        lines = []
        for j, p in enumerate(d.practices, 1):
            r = res.practices.get(p.id)
            known = r is not None and r.level is not None
            level = lv(r.level, lang) if known else (
                tr("na", lang) if r is not None and r.status == "na" else
                tr("dk", lang) if r is not None and r.status == "dk" else "–")
            lines.append(PracticeLine(
                f"{i}.{j}", p.statement(lang), level_text(p, r.level, lang) if known else "",
                cut(r.dissent, ("dissent", p.id)) if r is not None and r.agreed and r.dissent else "", str(p.phase), level,
                _s("dim.agreed", lang) if r is not None and r.agreed else "", _answers_cell(r, lang),
                bool(r is not None and r.review), known))
        out.append(DimensionDetail(
            i, d.title(lang), score(ds.score, lang), ds.band.name(lang) if ds.band else tr("not_scored", lang),
            ds.band.meaning(lang) if ds.band is not None else "", bench, illustrative, d.traditional(lang), d.cem(lang),
            _s("dim.incomplete", lang, done=done, total=total) if done < total or ds.score is None else "",
            tuple(lines), tuple(x for x in comments if x.dimension_id == d.id),
            tuple(short(p.statement(lang)) for p in d.practices
                  if res.practices.get(p.id) is not None and res.practices[p.id].review)))
    return out


# -- the appendix: how every figure was computed ----------------------------------------------
@dataclass(frozen=True)
class DimensionTerms:
    title: str  # "Role of content: 17.6 (Traditional)"
    rows: tuple[tuple[str, ...], ...]  # practice, level, points, weight, share, contribution
    total: tuple[str, ...]
    exclusions: tuple[tuple[str, str], ...]  # (what: N/A, don't know, unanswered; "(how it counts): practices")


@dataclass(frozen=True)
class FiguresAppendix:
    title: str
    method_title: str
    method: tuple[str, ...]
    bands_head: tuple[str, str, str]
    bands: tuple[tuple[str, str, str], ...]  # name, from score, meaning
    horizons: str
    overall_title: str
    overall_lines: tuple[str, ...]
    overall_head: tuple[str, ...]
    overall_rows: tuple[tuple[str, ...], ...]  # dimension, score, share, contribution
    overall_total: tuple[str, ...]
    phases_title: str
    phase_lines: tuple[str, ...]  # indented lines keep their leading spaces
    dims_title: str
    terms_head: tuple[str, ...]
    dims: tuple[DimensionTerms, ...]
    bench_title: str  # "" without a benchmark
    bench: tuple[str, ...]  # the pack, its source
    bench_illustrative: str
    bench_notes: tuple[str, ...]  # the pack's note, the floor
    figures_title: str
    figures: tuple[str, ...]  # targets, percentile ranks, NPS comparisons ("" title when none)
    backlog_title: str
    backlog: tuple[str, ...]  # every ranked action with how its priority was computed
    respondents_title: str


def figures_appendix(res: Results, lang: str) -> FiguresAppendix:
    from cemassess import explain as x
    from cemassess.report.model import lv

    fw, ov, b = res.framework, res.overall, res.benchmark
    overall_rows = [(fw.dimensions_by_id[d].title(lang), num(sc, lang, 1), num(share, lang, 3), num(sc * share, lang, 2))
                    for d, sc, share in (ov.parts if ov.score is not None else ())]  # withheld: no partial index
    counted = {p[0] for p in ov.parts} if ov.score is not None else set()
    overall_rows += [(fw.dimensions_by_id[d].title(lang), "–", _s("app.left_out", lang), "")
                     for d in ov.missing if d not in counted]  # no applicable practice: not in the sum
    dims = []
    for d in fw.dimensions:
        ds = res.dimensions[d.id]
        rows = tuple((short(fw.practices[t.practice_id].statement(lang), 110),
                      lv(t.level, lang) if t.known else tr("dk" if t.practice_id in ds.dont_know else "unanswered", lang),
                      num(t.points, lang, 1), num(t.weight, lang, 0 if t.weight == int(t.weight) else 2),
                      num(t.share, lang, 3), num(t.contribution, lang, 2)) for t in ds.terms)
        total = (_s("app.sum", lang), "", "", "", "",
                 num(sum(t.contribution for t in ds.terms), lang, 2) if ds.terms else "–")
        excl = tuple((tr(label, lang), f"({_s('app.left_out', lang) if label == 'na' else _s('h11.counted_zero', lang)}): "
                      + "; ".join(short(fw.practices[i].statement(lang), 70) for i in ids))
                     for label, ids in (("na", ds.not_applicable), ("dk", ds.dont_know), ("unanswered", ds.unanswered))
                     if ids)
        dims.append(DimensionTerms(x.explain_dimension(fw, ds, lang)[0], rows, total, excl))
    bench_title, bench, bench_ill, bench_notes = "", (), "", ()
    if b is not None:
        bench_title = _s("app.benchmark", lang)
        bench = (_s("app.bench_line", lang, title=pack_title(b.pack, lang), created=date_text(b.pack.created, lang),
                    segment=segment_title(b.segment, lang), n=b.segment.n),
                 _s("app.bench_source", lang, source=pack_source(b.pack, lang)))
        bench_ill = tr("illustrative", lang) if b.pack.illustrative else ""
        bench_notes = ((pack_note(b.pack, lang),) if b.pack.note else ()) + (tr("too_few", lang),)
    figures: list[str] = []
    if res.nps is not None:
        figures += x.nps_comparisons(res.nps.score, lang)
    for d in fw.dimensions:
        target = res.roadmap.targets.get(d.id)
        if target is not None:
            figures.append(f"{d.title(lang)}: " + x.explain_target(d.id, target, res.assessment.targets.overrides, lang))
        c = b.comparisons.get(d.id) if b is not None else None
        if b is not None and c is not None and c.shown and c.percentile is not None:
            figures.append(f"{d.title(lang)}: " + x.explain_percentile(c, segment_title(b.segment, lang), lang))
    if b is not None and b.pack.illustrative:
        figures.append(tr("x.illustrative_no_advice", lang))
    ranked = [it for it in res.roadmap.items if it.why is not None]
    backlog = tuple(f"{it.rank}. [{tr(f'horizon.{it.horizon}', lang)}] {action_title(res, it, lang)}: "
                    + x.explain_action(fw, it, lang) for it in ranked)
    note = x.band_note(ov, lang)
    return FiguresAppendix(
        _s("sec.appendix", lang), _s("app.method", lang), tuple(x.method_lines(lang, res.roadmap.now_max, fw)),
        (tr("level", lang), _s("app.from", lang), _s("app.meaning", lang)),
        tuple((bd.name(lang), lv(bd.min_score, lang), bd.meaning(lang)) for bd in fw.bands), _s("app.horizons", lang),
        _s("app.overall", lang),
        tuple([f"{tr('overall', lang)}: {x.headline(ov, lang)}"] + x.withheld_lines(ov, lang) + ([note] if note else [])),
        (tr("dimension", lang), tr("score", lang), _s("app.share", lang), _s("app.contribution", lang)),
        tuple(overall_rows), (tr("overall", lang), "", "", num(ov.score, lang, 2)),
        _s("app.phases", lang), tuple(x.explain_phase(fw, res.phase, res.practices, lang)),
        _s("app.dimensions", lang),
        (_s("dim.practice", lang), tr("level", lang), _s("app.points", lang), _s("app.weight", lang),
         _s("app.share", lang), _s("app.contribution", lang)), tuple(dims),
        bench_title, bench, bench_ill, bench_notes,
        tr("x.app.figures", lang) if figures else "", tuple(figures),
        tr("x.app.backlog", lang, n=len(ranked)) if ranked else "", backlog,
        _s("app.respondents", lang) if res.assessment.respondents else "")


# -- every comment and every agreed answer ----------------------------------------------------
def all_comments(res: Results, lang: str, cut: Cuts) -> list[Comment]:
    """Every comment, dimension by dimension, practice by practice, respondent by respondent."""
    from cemassess.report.model import respondent_label

    a, fw = res.assessment, res.framework
    out = []
    for d in fw.dimensions:
        for p in d.practices:
            for r in a.respondents:
                ans = a.answers.get(r.id, {}).get(p.id)
                if ans is not None and ans.comment:
                    out.append(Comment(d.id, p.statement(lang), respondent_label(res, r.id, lang, False),
                                       quoted(cut(ans.comment, ("comment", r.id, p.id)), lang)))
    return out


def agreed_rows(res: Results, lang: str, cut: Cuts) -> list[tuple[str, str, str]]:
    """The facilitator's agreed answers: practice (short), level, the dissent (capped) or "–"."""
    fw = res.framework
    out = []
    for pid, ag in res.assessment.agreed.items():
        if pid in fw.practices:
            v = str(ag.value) if isinstance(ag.value, int) else tr(ag.value, lang)
            out.append((short(fw.practices[pid].statement(lang), 120), v, cut(ag.dissent, ("dissent", pid)) or "–"))
    return out


@dataclass
class Detail:
    """Everything after the executive pages, as `build_model` puts it in the report model."""

    tiles: tuple[Tile, ...] = ()
    incomplete: Notice | None = None
    profile: ProfileWords | None = None
    metrics: MetricsWords | None = None
    phases: PhasesWords | None = None
    perception: PerceptionWords | None = None
    checks: list[CheckGroup] = field(default_factory=list)
    roadmap: RoadmapAppendix | None = None
    dimensions: list[DimensionDetail] = field(default_factory=list)
    figures: FiguresAppendix | None = None
    comments: list[Comment] = field(default_factory=list)
    agreed: list[tuple[str, str, str]] = field(default_factory=list)
    cut: int = 0  # user texts shortened to TEXT_CAP (each once)
