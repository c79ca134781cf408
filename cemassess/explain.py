"""'How this was computed': every figure explains itself, in plain words, in the reader's language.

The app's explanation pop-ups, the PDF appendix and `cemassess score --explain` read these.
They describe the domain's own computation (terms, weights, exclusions); nothing here
recomputes a score. The words are catalogue entries (S, translated in the gettext catalogues).
"""

from __future__ import annotations

from cemassess.domain.framework import PHASE_THRESHOLD, Framework, Practice, anchor_levels, band_cap
from cemassess.domain.nps import PUBLISHED_B2B_NPS
from cemassess.domain.phases import Blocker, PhaseResult
from cemassess.domain.roadmap import EFFORT_COST, NOW_MAX, RoadmapItem
from cemassess.domain.scoring import DimensionScore, OverallScore, PracticeResult
from cemassess.i18n import Catalogue, effort_name, num, pct, tr
from cemassess.labels import published_label, published_source

S: Catalogue = {
    "dim.no_terms": "No practice has a level yet: no score.",
    "dim.term": "level {level} → {points} pts × weight share {share} = {contribution}",
    "dim.sum": "Sum = {sum}",
    "overall.missing": "Not scored (left out): ",
    "phase.attained": "Phase {n} attained: {title}",
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


def method_lines(lang: str, now_max: int = NOW_MAX, fw: Framework | None = None) -> list[str]:
    """Every rule behind the figures, as printed in "how this was computed" (docs/scoring.md)."""
    names = [b.name(lang) for b in fw.bands] if fw is not None else []
    # without a framework at hand, the bands are named by their number from the bottom
    bands = {f"b{i}": (names[band_cap(i - 1, len(names))] if names else f"{band_cap(i - 1, 5) + 1}/5")
             for i in range(1, 5)}
    return [
        tr("x.rule.scale", lang), tr("x.rule.dimension", lang), tr("x.rule.index", lang),
        tr("x.rule.band", lang, **bands), tr("x.rule.phase", lang), tr("x.rule.metrics", lang),
        tr("x.rule.checks", lang), tr("x.rule.roadmap", lang, cap=now_max),
    ]


def headline(ov: OverallScore, lang: str) -> str:
    """The index as a figure, or why there is none ("not enough answers (n of N)")."""
    cov = ov.coverage
    if ov.score is not None or cov is None:
        return _f(ov.score, lang)
    if ov.withheld == "not_applicable":
        return tr("x.too_many_na", lang, n=cov.not_applicable, total=cov.total)
    return tr("x.not_enough", lang, n=cov.known, total=cov.applicable)


def withheld_lines(ov: OverallScore, lang: str) -> list[str]:
    """The long form of a withheld headline, with the coverage."""
    cov = ov.coverage
    if cov is None:
        return []
    out = []
    if ov.withheld == "not_applicable":
        out.append(tr("x.too_many_na_long", lang, n=cov.not_applicable, total=cov.total, allowed=cov.na_allowed))
    elif ov.withheld == "coverage":
        out.append(tr("x.not_enough_long", lang, n=cov.known, total=cov.applicable, need=cov.needed))
    share = pct(cov.known / cov.applicable if cov.applicable else 0, lang)
    out.append(tr("x.coverage", lang, n=cov.known, total=cov.applicable, pct=share))
    return out


def band_note(ov: OverallScore, lang: str) -> str:
    """Why the band is lower than the index alone would give ("" when it is not capped)."""
    if ov.band_cap_phase is None or ov.band is None or ov.uncapped_band is None:
        return ""
    return tr("x.band_capped", lang, band=ov.band.name(lang), raw=ov.uncapped_band.name(lang),
              attained=ov.band_cap_phase)


def dimension_cell(ds: DimensionScore, lang: str) -> str:
    """A dimension's score, or what is known when it is withheld."""
    if ds.score is not None:
        return _f(ds.score, lang)
    if ds.withheld:
        return tr("x.dim_withheld", lang, n=ds.known, total=ds.applicable, need=ds.min_known)
    return tr("not_scored", lang)


def level_text(practice: Practice, level: float, lang: str) -> str:
    """The anchor text for a consensus level; between two levels, both anchors (never one)."""
    levels = anchor_levels(level)
    if len(levels) == 1:
        return practice.anchors[levels[0] - 1](lang)
    lo, hi = levels
    return (tr("x.between", lang, lo=lo, hi=hi) + ": " + practice.anchors[lo - 1](lang) + " / "
            + practice.anchors[hi - 1](lang))


def level_label(level: float | None, lang: str) -> str:
    """"level 3" or "between level 3 and 4"."""
    if level is None:
        return "-"
    levels = anchor_levels(level)
    if len(levels) == 1 and abs(level - levels[0]) < 1e-9:
        return tr("x.level_n", lang, n=levels[0])
    if len(levels) == 1:
        return tr("x.level_n", lang, n=_f(level, lang))
    return tr("x.between", lang, lo=levels[0], hi=levels[1])


def blocker_text(fw: Framework, b: Blocker, lang: str) -> str:
    """One thing that keeps a phase open, in plain words."""
    if b.reason == "metric":
        value = num(b.value, lang, 0, sign=True) if b.metric == "nps" else num(b.value, lang, 1)
        return tr(f"x.blk.{b.metric}", lang, value=value)
    if b.reason == "na_share":
        return tr("x.blk.na_share", lang, pct=pct(b.value or 0, lang))
    what = (tr("x.blk.below", lang, level=_f(b.level, lang)) if b.reason == "below"
            else tr("x.blk.na_no_reason", lang) if b.reason == "na_no_reason"
            else tr("dk" if b.reason == "dk" else "unanswered", lang))
    return f"{fw.practices[b.practice_id].statement(lang)} ({what})"


def no_actions(ov: OverallScore, lang: str) -> str:
    """Why a roadmap is empty: unknown practices cannot be sized ("" when all are known)."""
    cov = ov.coverage
    if cov is None or cov.known >= cov.applicable:
        return ""
    return tr("x.no_actions_unknown", lang, n=cov.applicable - cov.known)


def check_status(cr, lang: str) -> str:
    """met / partly met / not met, found / not found, or not enough answers."""
    return tr(f"x.check.{cr.status}", lang)


def explain_percentile(c, segment_title: str, lang: str) -> str:
    return tr("x.percentile", lang, pct=num(c.percentile, lang, 0), n=c.n, segment=segment_title)


def explain_target(dimension_id: str, target: float, overrides, lang: str) -> str:
    key = "x.target_override" if dimension_id in overrides else "x.target"
    return tr(key, lang, target=num(target, lang, 1))


def nps_comparisons(score: float | None, lang: str) -> list[str]:
    """Each published B2B NPS figure with its source and year, beside the company's NPS."""
    out = []
    for p in PUBLISHED_B2B_NPS:
        label = published_label(p, lang)
        value = (num(p.value, lang, 0, sign=True) if p.value is not None
                 else f"{num(p.low, lang, 0, sign=True)}…{num(p.high, lang, 0, sign=True)}")
        year = str(p.year) if p.year else tr("x.no_year", lang)
        out.append(tr("x.nps_vs", lang, score=num(score, lang, 0, sign=True) if score is not None else "—", label=label,
                      value=value, source=published_source(p, lang), year=year))
    return out


def explain_dimension(fw: Framework, ds: DimensionScore, lang: str) -> list[str]:
    dim = fw.dimensions_by_id[ds.dimension_id]
    out = [f"{dim.title(lang)}: {dimension_cell(ds, lang)}" + (f" ({ds.band.name(lang)})" if ds.band else "")]
    if not ds.terms:
        out.append(_s("dim.no_terms", lang))
    elif ds.withheld:
        mean = ds.known_mean
        out.append("  " + tr("x.dim_known", lang, n=ds.known, total=ds.applicable,
                               mean=_f(mean, lang) if mean is not None else "-"))
    for t in ds.terms:
        p = fw.practices[t.practice_id]
        if not t.known:
            what = tr("dk" if t.practice_id in ds.dont_know else "unanswered", lang)
            out.append(f"  {p.statement(lang).rstrip(' .')}: {what} → 0 × {num(t.share, lang, 3)} = 0")
            continue
        out.append(f"  {p.statement(lang).rstrip(' .')}: "  # no "anything.: level 3"
                   + _s("dim.term", lang, level=_f(t.level, lang), points=_f(t.points, lang),
                        share=num(t.share, lang, 3), contribution=_f(t.contribution, lang, 2)))
    if ds.terms:
        out.append("  " + _s("dim.sum", lang, sum=_f(sum(t.contribution for t in ds.terms), lang, 2)))
    if ds.not_applicable:
        out.append(f"  {tr('na', lang)}: " + "; ".join(fw.practices[i].statement(lang) for i in ds.not_applicable))
    return out


def explain_overall(fw: Framework, ov: OverallScore, lang: str) -> list[str]:
    out = [f"{tr('overall', lang)}: {headline(ov, lang)}"]
    out += ["  " + line for line in withheld_lines(ov, lang)]
    if ov.score is None:
        return out  # withheld: what is known is shown per dimension, not as a partial index
    for dim_id, score, share in ov.parts:
        out.append(f"  {fw.dimensions_by_id[dim_id].title(lang)}: {_f(score, lang)} × {num(share, lang, 3)} "
                   f"= {_f(score * share, lang, 2)}")
    if ov.parts and ov.value is not None:
        out.append("  " + _s("dim.sum", lang, sum=_f(ov.value, lang, 2)))
    if ov.missing:
        out.append("  " + _s("overall.missing", lang)
                   + ", ".join(fw.dimensions_by_id[d].title(lang) for d in ov.missing))
    note = band_note(ov, lang)
    if note:
        out.append("  " + note)
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
        st = ph.phases[ph.current - 1]
        out.append(tr("x.phase_open", lang, n=ph.current, title=fw.phase(ph.current).title(lang),
                      k=len(ph.blocking)))
        for b in ph.blocking:
            out.append(f"  - {blocker_text(fw, b, lang)}")
        out.append(tr("x.progress_expl", lang, pct=pct(ph.progress, lang), n=ph.current,
                      at=st.at_threshold, total=st.applicable))
    for st in ph.phases:
        for pid, reason in st.na_reasons:
            out.append(tr("x.na_reason", lang, practice=fw.practices[pid].statement(lang), reason=reason))
    return out


def action_why(fw: Framework, item: RoadmapItem, lang: str) -> str:
    """Why an action is on the roadmap, as sentences a manager reads (no formula)."""
    if item.why is None:
        return tr("x.added_by_user", lang)
    w = item.why
    p = fw.practices[w.practice_id]
    target = _f(w.target, lang, 0) if abs(w.target - round(w.target)) < 1e-9 else _f(w.target, lang)
    parts = [tr("x.why.sentence", lang, practice=p.statement(lang).rstrip(". "), level=level_label(w.level, lang),
                target=target)]
    if w.blocks_phase:
        parts.append(tr("x.why.blocks", lang, n=w.practice_phase, title=fw.phase(w.practice_phase).title(lang)))
    elif w.target >= 5 - 1e-9 and w.level >= PHASE_THRESHOLD:
        parts.append(tr("x.why.polish", lang))
    if w.spread >= 2 and w.respondents > 1:
        parts.append(tr("x.why.split", lang, n=w.respondents, spread=num(w.spread, lang, 0)))
    if w.after:
        titles = "; ".join(fw.actions[a].title(lang) for a in w.after if a in fw.actions)
        parts.append(tr("x.why.after", lang, titles=titles))
    if w.moved_to_next:
        parts.append(tr("x.why.moved", lang))
    if w.benchmark_gap > 0:  # measured packs only; never part of the priority
        parts.append(tr("x.why.bench", lang, gap=num(w.benchmark_gap, lang, 0)))
    return " ".join(x for x in parts if x)


def action_why_brief(fw: Framework, item: RoadmapItem, lang: str) -> str:
    """`action_why` for the one-page roadmap: the dimension instead of the practice's full
    statement, whether it blocks a phase and whether the answers disagree; what it builds on
    is shown beside it, the rest (and the statement) in the appendix."""
    if item.why is None:
        return tr("x.added_by_user", lang)
    w = item.why
    target = _f(w.target, lang, 0) if abs(w.target - round(w.target)) < 1e-9 else _f(w.target, lang)
    where = fw.dimension_of[w.practice_id].title(lang) if w.practice_id in fw.dimension_of else ""
    parts = [tr("x.why.sentence", lang, practice=where, level=level_label(w.level, lang), target=target)]
    if w.blocks_phase:
        parts.append(tr("x.why.blocks", lang, n=w.practice_phase, title=fw.phase(w.practice_phase).title(lang)))
    return " ".join(x for x in parts if x)


def explain_action(fw: Framework, item: RoadmapItem, lang: str) -> str:
    """How the action's priority was computed (for "how this was computed")."""
    if item.why is None:
        return tr("x.added_by_user", lang)
    w = item.why
    return tr("x.formula", lang, prio=num(item.priority, lang, 2), gap=_f(w.gap, lang, 2), target=_f(w.target, lang),
              level=_f(w.level, lang, 2), weight=num(w.weight, lang, 0 if w.weight == int(w.weight) else 2),
              effort=effort_name(item.effort, lang).lower(), cost=num(EFFORT_COST[item.effort], lang, 0))


def moved_note(trend, dimension_id: str, lang: str) -> str:
    """For the roadmap: did this action's dimension move since the last assessment?
    `trend` is a cemassess.domain.trend.Trend (or None)."""
    if trend is None or not trend.changes:
        return ""
    c = next((c for c in trend.changes if c.dimension_id == dimension_id), None)
    if c is None or c.delta is None or c.direction not in _MOVED:
        return ""
    return _s("moved.note", lang, word=_s(f"moved.{c.direction}", lang), delta=num(c.delta, lang, 1, sign=True))
