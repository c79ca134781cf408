"""The prioritised improvement roadmap.

Targets. Each dimension gets a target score: by default the floor of the next named level
up; with mode "top_quartile", the chosen benchmark's P75 when it is higher than today (the
next level up otherwise); a per-dimension override wins over both. A practice's target
level is the dimension's target mapped back to a level, and never less than 4 for
practices of the phases up to the current one (4 is what phase attainment needs).

Priority. Every action of a practice below its target gets
    priority = gap x weight x (1 + benchmark gap / 100) / effort cost
where gap is target level - current level, weight the practice's weight, benchmark gap the
points by which the dimension trails the benchmark median (0 without a benchmark, or when
ahead) and effort cost S=1, M=2, L=3. Actions are ordered by phase first, then priority:
no phase-2 or phase-3 action ranks above an open phase-1 gap ("don't surprise customers
with new promotions while the call centre does not answer the phone").

Horizons. Relative to the current phase: actions of the current phase (or an earlier one)
are Now (0-3 months), or Next when their effort is L; actions one phase ahead are Next
(Later when L); anything further is Later (9-18 months).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from cemassess.domain.assessment import Assessment, Horizon
from cemassess.domain.benchmark import Comparison
from cemassess.domain.framework import PHASE_THRESHOLD, Framework, score_to_level
from cemassess.domain.phases import PhaseResult
from cemassess.domain.scoring import DimensionScore, PracticeResult

EFFORT_COST = {"S": 1.0, "M": 2.0, "L": 3.0}
HORIZONS: tuple[Horizon, ...] = ("now", "next", "later")
HORIZON_MONTHS = {"now": (0, 3), "next": (3, 9), "later": (9, 18)}


@dataclass(frozen=True)
class Why:
    """The evidence behind an action."""

    practice_id: str
    level: float
    target: float
    gap: float
    weight: float
    dimension_score: float | None
    benchmark_gap: float  # points behind the benchmark median (0 if none or ahead)
    respondents: int  # how many numeric answers stand behind the level
    spread: int
    blocks_phase: bool  # the practice keeps its phase from being attained


@dataclass
class RoadmapItem:
    id: str
    dimension_id: str
    practice_id: str | None
    phase: int
    effort: str
    horizon: Horizon
    priority: float
    rank: int = 0
    why: Why | None = None
    # generated values or the user's edits
    owner: str = ""
    kpi: str = ""
    due: dt.date | None = None
    note: str = ""
    included: bool = True
    edited: bool = False
    custom: bool = False
    title: str = ""  # custom actions only; generated ones take the framework's text
    description: str = ""


@dataclass
class Roadmap:
    items: list[RoadmapItem] = field(default_factory=list)
    targets: dict[str, float] = field(default_factory=dict)  # dimension id -> target score

    def by_horizon(self, include_excluded: bool = False) -> dict[str, list[RoadmapItem]]:
        out: dict[str, list[RoadmapItem]] = {h: [] for h in HORIZONS}
        for it in self.items:
            if it.included or include_excluded:
                out[it.horizon].append(it)
        return out

    @property
    def included(self) -> list[RoadmapItem]:
        return [i for i in self.items if i.included]


def dimension_targets(
    fw: Framework,
    assessment: Assessment,
    dims: Mapping[str, DimensionScore],
    comparisons: Mapping[str, Comparison] | None,
) -> dict[str, float]:
    targets: dict[str, float] = {}
    for d in fw.dimensions:
        score = dims[d.id].score or 0.0
        nxt = fw.next_band_floor(score)
        target = nxt if nxt is not None else 100.0
        if assessment.targets.mode == "top_quartile" and comparisons:
            c = comparisons.get(d.id)
            if c is not None and c.shown and c.p75 is not None and c.p75 > score:
                target = c.p75
        if d.id in assessment.targets.overrides:
            target = assessment.targets.overrides[d.id]
        targets[d.id] = target
    return targets


def horizon_for(action_phase: int, current_phase: int, effort: str) -> Horizon:
    ahead = action_phase - current_phase
    if ahead <= 0:
        return "next" if effort == "L" else "now"
    if ahead == 1:
        return "later" if effort == "L" else "next"
    return "later"


def build_roadmap(
    fw: Framework,
    assessment: Assessment,
    practices: Mapping[str, PracticeResult],
    dims: Mapping[str, DimensionScore],
    phases: PhaseResult,
    comparisons: Mapping[str, Comparison] | None = None,
) -> Roadmap:
    targets = dimension_targets(fw, assessment, dims, comparisons)
    blockers = {b.practice_id for s in phases.phases for b in s.blockers}
    items: list[RoadmapItem] = []
    for d in fw.dimensions:
        dim_target_level = score_to_level(targets[d.id])
        c = comparisons.get(d.id) if comparisons else None
        bench_gap = max(0.0, c.gap_to_median) if c is not None and c.gap_to_median is not None else 0.0
        for p in d.practices:
            r = practices.get(p.id)
            if r is None or r.level is None:
                continue  # unanswered, N/A and don't-know practices are not gaps we can size
            target = dim_target_level
            if p.phase <= phases.current:
                target = max(target, float(PHASE_THRESHOLD))
            target = min(5.0, target)
            gap = target - r.level
            if gap <= 1e-9:
                continue
            why = Why(p.id, r.level, target, gap, p.weight, dims[d.id].score, bench_gap,
                      len(r.levels), r.spread, p.id in blockers)
            for a in p.actions:
                prio = gap * p.weight * (1 + bench_gap / 100.0) / EFFORT_COST[a.effort]
                items.append(RoadmapItem(
                    id=a.id, dimension_id=d.id, practice_id=p.id, phase=a.phase, effort=a.effort,
                    horizon=horizon_for(a.phase, phases.current, a.effort), priority=round(prio, 4),
                    why=why,
                ))
    items.sort(key=lambda i: (i.phase, -i.priority, i.id))
    for it in items:
        it.rank = 0
    roadmap = Roadmap(items, targets)
    apply_edits(fw, assessment, roadmap, phases.current)
    return roadmap


def apply_edits(fw: Framework, assessment: Assessment, roadmap: Roadmap, current_phase: int) -> None:
    """Lay the user's edits and own actions over the generated roadmap, then rank.

    The generated order stands unless the user reordered: ids in `order` keep the user's
    order, and items the user never placed follow in generated order within their horizon.
    """
    edits = assessment.roadmap
    for it in roadmap.items:
        e = edits.edits.get(it.id)
        if e is None:
            continue
        it.included = e.included
        it.owner = e.owner if e.owner is not None else it.owner
        it.kpi = e.kpi if e.kpi is not None else it.kpi
        it.horizon = e.horizon or it.horizon
        it.due = e.due
        it.note = e.note
        it.edited = True
    for ca in edits.custom:
        if ca.dimension not in fw.dimensions_by_id:
            continue  # a custom action for a dimension this framework lacks: kept in the file
        roadmap.items.append(RoadmapItem(
            id=ca.id, dimension_id=ca.dimension, practice_id=None, phase=ca.phase, effort=ca.effort,
            horizon=ca.horizon, priority=0.0, owner=ca.owner, kpi=ca.kpi, due=ca.due,
            included=ca.included, edited=True, custom=True, title=ca.title, description=ca.description,
        ))
    position = {aid: i for i, aid in enumerate(edits.order)}
    generated = {id(it): i for i, it in enumerate(roadmap.items)}
    big = len(position) + len(roadmap.items)
    unmoved = sorted(roadmap.items, key=lambda it: (HORIZONS.index(it.horizon), generated[id(it)]))
    default_rank = {id(it): n for n, it in enumerate(unmoved, start=1)}
    roadmap.items.sort(key=lambda it: (
        HORIZONS.index(it.horizon),
        position.get(it.id, big),
        generated[id(it)],
    ))
    for n, it in enumerate(roadmap.items, start=1):
        it.rank = n
        if position and n != default_rank[id(it)]:
            it.edited = True  # moved by the user (Ctrl+Up/Down): an edit like any other
