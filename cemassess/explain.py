"""'How this was computed': every figure explains itself, in plain words, in the reader's language.

The app's explanation pop-ups, the PDF appendix and `cemassess score --explain` read these.
They describe the domain's own computation (terms, weights, exclusions); nothing here
recomputes a score. The words are catalogue entries (S, translated in the gettext catalogues).
"""

from __future__ import annotations

from cemassess.domain.framework import PHASE_THRESHOLD, Framework
from cemassess.domain.phases import PhaseResult
from cemassess.domain.roadmap import EFFORT_COST, RoadmapItem
from cemassess.domain.scoring import DimensionScore, OverallScore, PracticeResult
from cemassess.i18n import Catalogue, effort_name, num, pct, plural, tr

S: Catalogue = {
    "method.scale": "Scale: level 1 = 0 points, level 5 = 100 points, linearly (25 points per level).",
    "method.median": ("With several respondents a practice's answer is the median of their levels; an answer "
                      "agreed by the facilitator replaces the median."),
    "method.dimension": ("A dimension's score is the weighted mean of its practices' points. \"Not applicable\" "
                         "is left out and the remaining weights are renormalised. \"Don't know\" is left out of "
                         "the score and counted as a knowledge gap."),
    "method.index": ("The CEM index is the weighted mean of the dimension scores (dimension weights from the "
                     "framework)."),
    "method.phase": ("Phase N is attained only when every applicable practice of phases 1..N is at level "
                     "{threshold} or above; unanswered and \"don't know\" practices block the phase."),
    "method.priority": ("Action priority = gap (levels) × practice weight × (1 + points behind the benchmark "
                        "median / 100) / effort (small 1, medium 2, large 3). Phase order first, then priority."),
    "dim.no_terms": "No practice has a level yet: no score.",
    "dim.term": "level {level} → {points} pts × weight share {share} = {contribution}",
    "dim.sum": "Sum = {sum}",
    "overall.missing": "Not scored (left out): ",
    "phase.attained": "Phase {n} attained: {title}",
    "phase.blocked": plural("Phase {n} ({title}) is not attained because {k} practice is below "
                            "level {threshold} or unanswered. Progress {progress}.",
                            "Phase {n} ({title}) is not attained because {k} practices are "
                            "below level {threshold} or unanswered. Progress {progress}.", count="k"),
    "action.custom": "Added by the user.",
    "action.base": "Level {level} against a target of {target} (gap {gap}), weight {weight}",
    "action.behind": ", {points} pts behind the benchmark median",
    "action.effort": ", effort: {effort} (÷{cost})",
    "action.answers": plural("; {n} answer, spread {spread}", "; {n} answers, spread {spread}"),
    "action.blocks": "; blocks phase attainment",
    "moved.up": "improved",
    "moved.down": "declined",
    "moved.flat": "stayed about the same",
    "moved.new": "was scored for the first time",
    "moved.note": "Since the last assessment this dimension {word} ({delta})",
}

_MOVED = ("up", "down", "flat", "new")


def _s(key: str, lang: str, **fmt: object) -> str:
    return tr(key, lang, S, **fmt)


def _f(x: float | None, lang: str, nd: int = 1) -> str:
    return num(x, lang, nd, none="-")


def method_lines(lang: str) -> list[str]:
    return [_s("method.scale", lang), _s("method.median", lang), _s("method.dimension", lang),
            _s("method.index", lang), _s("method.phase", lang, threshold=PHASE_THRESHOLD),
            _s("method.priority", lang)]


def explain_dimension(fw: Framework, ds: DimensionScore, lang: str) -> list[str]:
    dim = fw.dimensions_by_id[ds.dimension_id]
    out = [f"{dim.title(lang)}: {_f(ds.score, lang)}" + (f" ({ds.band.name(lang)})" if ds.band else "")]
    if not ds.terms:
        out.append(_s("dim.no_terms", lang))
    for t in ds.terms:
        p = fw.practices[t.practice_id]
        out.append(f"  {p.statement(lang)}: "
                   + _s("dim.term", lang, level=_f(t.level, lang), points=_f(t.points, lang),
                        share=num(t.share, lang, 3), contribution=_f(t.contribution, lang, 2)))
    if ds.terms:
        out.append("  " + _s("dim.sum", lang, sum=_f(sum(t.contribution for t in ds.terms), lang, 2)))
    for label, ids in (("na", ds.not_applicable), ("dk", ds.dont_know), ("unanswered", ds.unanswered)):
        if ids:
            out.append(f"  {tr(label, lang)}: " + "; ".join(fw.practices[i].statement(lang) for i in ids))
    return out


def explain_overall(fw: Framework, ov: OverallScore, lang: str) -> list[str]:
    out = [f"{tr('overall', lang)}: {_f(ov.score, lang)}"]
    for dim_id, score, share in ov.parts:
        out.append(f"  {fw.dimensions_by_id[dim_id].title(lang)}: {_f(score, lang)} × {num(share, lang, 3)} "
                   f"= {_f(score * share, lang, 2)}")
    if ov.missing:
        out.append("  " + _s("overall.missing", lang)
                   + ", ".join(fw.dimensions_by_id[d].title(lang) for d in ov.missing))
    return out


def explain_phase(fw: Framework, ph: PhaseResult, practices: dict[str, PracticeResult], lang: str) -> list[str]:
    out = []
    if ph.attained == 0:
        out.append(tr("no_phase_attained", lang))
    elif ph.attained == 3:
        out.append(tr("all_phases_attained", lang))
    else:
        out.append(_s("phase.attained", lang, n=ph.attained, title=fw.phase(ph.attained).title(lang)))
    if ph.attained < 3:
        cur = fw.phase(ph.current)
        blockers = ph.blocking
        out.append(_s("phase.blocked", lang, n=ph.current, title=cur.title(lang), k=len(blockers),
                      threshold=PHASE_THRESHOLD, progress=pct(ph.progress, lang)))
        for b in blockers:
            what = (f"{tr('level', lang).lower()} {_f(b.level, lang)}" if b.reason == "below"
                    else tr("dk" if b.reason == "dk" else "unanswered", lang))
            out.append(f"  - {fw.practices[b.practice_id].statement(lang)} ({what})")
    return out


def explain_action(fw: Framework, item: RoadmapItem, lang: str) -> str:
    if item.why is None:
        return _s("action.custom", lang)
    w = item.why
    base = _s("action.base", lang, level=_f(w.level, lang), target=_f(w.target, lang), gap=_f(w.gap, lang),
              weight=num(w.weight, lang, 0 if w.weight == int(w.weight) else 2))
    if w.benchmark_gap > 0:
        base += _s("action.behind", lang, points=_f(w.benchmark_gap, lang))
    base += _s("action.effort", lang, effort=effort_name(item.effort, lang).lower(),
               cost=num(EFFORT_COST[item.effort], lang, 0))
    base += f" → {num(item.priority, lang, 2)}"
    if w.respondents:
        base += _s("action.answers", lang, n=w.respondents, spread=w.spread)
    if w.blocks_phase:
        base += _s("action.blocks", lang)
    return base + "."


def moved_note(trend, dimension_id: str, lang: str) -> str:
    """For the roadmap: did this action's dimension move since the last assessment?
    `trend` is a cemassess.domain.trend.Trend (or None)."""
    if trend is None or not trend.changes:
        return ""
    c = next((c for c in trend.changes if c.dimension_id == dimension_id), None)
    if c is None or c.delta is None or c.direction not in _MOVED:
        return ""
    return _s("moved.note", lang, word=_s(f"moved.{c.direction}", lang), delta=num(c.delta, lang, 1, sign=True))
