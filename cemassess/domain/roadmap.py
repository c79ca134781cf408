"""The prioritised improvement roadmap (docs/scoring.md, "The roadmap").

Targets follow the phase logic. A practice below level 4 (what phase attainment needs)
targets level 4, whatever its phase; once every phase is attained, practices target level 5.
A per-dimension override (the user's explicit choice, a 0-100 score) raises the target of
every practice of that dimension to the override's level. A dimension's target is the value
it reaches when every practice with an action reaches its target. Benchmarks never set a
target or a priority: they are shown beside the scores, for information.

Priority. Every practice whose gap (target - level) is at least MIN_GAP gets its actions,
each with priority = gap x practice weight / effort cost (S=1, M=2, L=3). Gaps under half a
level create no action (a consensus between two levels is not a gap worth a project).
Actions are ordered by phase first, then priority: no phase-2 or phase-3 action ranks above
an open phase-1 gap ("don't surprise customers with new promotions while the call centre
does not answer the phone"). An action never comes before an action it names in `after`
(a CX owner before the work the CX owner leads), nor in an earlier horizon.

Horizons. Relative to the current phase: actions of the current phase (or an earlier one)
are Now (0-3 months), or Next when their effort is L; actions one phase ahead are Next
(Later when L); anything further is Later (9-18 months). Now holds at most `now_max`
actions (NOW_MAX = 8 by default: what a client can start in one quarter); the rest of the
Now candidates move to Next, in order. The full list is always kept (backlog).

What a horizon works on (`Roadmap.effect`): the practices behind its included actions, the
sum of their gaps in levels beside the whole roadmap's, and how many of them hold back a
phase (the Roadmap screen's dashboard; no score is computed there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from cemassess.domain.assessment import Assessment, Horizon
from cemassess.domain.benchmark import Comparison
from cemassess.domain.framework import PHASE_THRESHOLD, Framework, level_to_score, score_to_level
from cemassess.domain.phases import PhaseResult
from cemassess.domain.scoring import DimensionScore, PracticeResult

EFFORT_COST = {"S": 1.0, "M": 2.0, "L": 3.0}
NOW_MAX = 8  # actions in Now by default
MIN_GAP = 0.5  # levels: a smaller gap creates no action
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
    respondents: int  # how many numeric answers stand behind the level
    spread: int
    blocks_phase: bool  # the practice keeps its phase from being attained
    practice_phase: int = 1
    moved_to_next: bool = False  # a Now candidate moved to Next by the cap on Now
    after: tuple[str, ...] = ()  # actions in this roadmap that must come first
    # points the dimension trails a *measured* benchmark's median (0 without one, or ahead):
    # shown for information only, never part of the priority
    benchmark_gap: float = 0.0


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
    now_max: int = NOW_MAX  # the cap on Now this roadmap was built with

    def by_horizon(self, include_excluded: bool = False) -> dict[str, list[RoadmapItem]]:
        out: dict[str, list[RoadmapItem]] = {h: [] for h in HORIZONS}
        for it in self.items:
            if it.included or include_excluded:
                out[it.horizon].append(it)
        return out

    @property
    def included(self) -> list[RoadmapItem]:
        return [i for i in self.items if i.included]

    def effect(self, horizon: Horizon = "now", phase: int | None = None) -> HorizonEffect:
        """What a horizon's included actions work on: the practices behind them, the gap
        (target - level, in levels) of those practices, and how many of them hold back a
        phase (`phase` only, e.g. the current one; any phase when None), each beside the whole
        roadmap's. A practice counts once however many of its actions the horizon holds; an
        action of the user's own has no measured gap."""
        def practices(items: list[RoadmapItem]) -> dict[str, Why]:
            return {i.why.practice_id: i.why for i in items if i.why is not None}

        here = practices([i for i in self.items if i.included and i.horizon == horizon])
        everywhere = practices(self.included)
        blocking = {pid for pid, w in practices(self.items).items()
                    if w.blocks_phase and (phase is None or w.practice_phase == phase)}
        return HorizonEffect(
            horizon=horizon, actions=sum(1 for i in self.included if i.horizon == horizon),
            practices=tuple(here), gap=round(sum(w.gap for w in here.values()), 4),
            total_gap=round(sum(w.gap for w in everywhere.values()), 4),
            blockers=sum(1 for pid in here if pid in blocking), total_blockers=len(blocking), phase=phase)


@dataclass(frozen=True)
class HorizonEffect:
    """Roadmap.effect(): what one horizon's included actions work on."""

    horizon: Horizon
    actions: int  # included actions in this horizon (own ones too)
    practices: tuple[str, ...]  # the practices they work on, in roadmap order
    gap: float  # levels: the sum of those practices' gaps (target - level)
    total_gap: float  # levels: the same over every included action of the roadmap
    blockers: int  # of those practices, how many hold back the phase (any phase if phase is None)
    total_blockers: int  # practices holding it back that the roadmap has actions for (included or not)
    phase: int | None = None

    @property
    def share(self) -> float:
        """This horizon's part of the roadmap's gap, 0-1."""
        return self.gap / self.total_gap if self.total_gap > 0 else 0.0


def practice_target(level: float, all_attained: bool, override_level: float | None = None) -> float:
    """The level a practice aims at: 4 while below it, 5 once every phase is attained; a
    dimension override raises it. Never below today's level."""
    target = float(PHASE_THRESHOLD) if level < PHASE_THRESHOLD - 1e-9 else (5.0 if all_attained else level)
    if override_level is not None:
        target = max(target, override_level)
    return min(5.0, max(level, target))


def dimension_targets(
    fw: Framework,
    assessment: Assessment,
    dims: Mapping[str, DimensionScore],
    practice_targets: Mapping[str, float],
) -> dict[str, float]:
    """The score each dimension reaches when every practice with an action reaches its target
    (an override wins). Unknown practices stay at 0 points: find out first."""
    targets: dict[str, float] = {}
    for d in fw.dimensions:
        ds = dims[d.id]
        if d.id in assessment.targets.overrides:
            targets[d.id] = assessment.targets.overrides[d.id]
            continue
        if not ds.terms:
            continue
        total = 0.0
        for t in ds.terms:
            lvl = practice_targets.get(t.practice_id, t.level) if t.known else None
            total += t.share * (level_to_score(lvl) if lvl is not None else 0.0)
        targets[d.id] = min(100.0, total)
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
    comparisons: Mapping[str, Comparison] | None = None,  # for information only (Why.benchmark_gap)
    *,
    now_max: int = NOW_MAX,
) -> Roadmap:
    blockers = {b.practice_id for s in phases.phases for b in s.blockers}
    all_attained = phases.attained == 3
    items: list[RoadmapItem] = []
    ptargets: dict[str, float] = {}
    for d in fw.dimensions:
        ov = assessment.targets.overrides.get(d.id)
        ov_level = score_to_level(ov) if ov is not None else None
        c = comparisons.get(d.id) if comparisons else None
        bench_gap = max(0.0, c.gap_to_median) if c is not None and c.gap_to_median is not None else 0.0
        for p in d.practices:
            r = practices.get(p.id)
            if r is None or r.level is None:
                continue  # unanswered, N/A and don't-know practices are not gaps we can size
            target = practice_target(r.level, all_attained, ov_level)
            gap = target - r.level
            if gap < MIN_GAP - 1e-9:
                continue
            ptargets[p.id] = target
            why = Why(p.id, r.level, target, gap, p.weight, dims[d.id].score,
                      len(r.levels), r.spread, p.id in blockers, p.phase, benchmark_gap=bench_gap)
            for a in p.actions:
                prio = gap * p.weight / EFFORT_COST[a.effort]
                items.append(RoadmapItem(
                    id=a.id, dimension_id=d.id, practice_id=p.id, phase=a.phase, effort=a.effort,
                    horizon=horizon_for(a.phase, phases.current, a.effort), priority=round(prio, 4),
                    why=why,
                ))
    items.sort(key=lambda i: (i.phase, -i.priority, i.id))
    items = order_after(fw, items)
    roadmap = Roadmap(items, dimension_targets(fw, assessment, dims, ptargets), now_max)
    apply_edits(fw, assessment, roadmap, phases.current, now_max=now_max)
    return roadmap


def _deps(fw: Framework, item: RoadmapItem, present: set[str]) -> tuple[str, ...]:
    act = fw.actions.get(item.id)
    return tuple(dep for dep in act.after if dep in present) if act is not None else ()


def order_after(fw: Framework, items: list[RoadmapItem]) -> list[RoadmapItem]:
    """Stable reorder so that no action precedes one it names in `after` (those not in the
    roadmap are done or not needed and do not hold it back). A cycle keeps the given order."""
    present = {i.id for i in items}
    deps = {id(i): _deps(fw, i, present) for i in items}
    if not any(deps.values()):
        return list(items)
    placed: set[str] = set()
    out: list[RoadmapItem] = []
    pending = list(items)
    while pending:
        # the first action whose dependencies are placed; a cycle keeps the order (index 0)
        k = next((n for n, cand in enumerate(pending) if all(d in placed for d in deps[id(cand)])), 0)
        it = pending.pop(k)
        out.append(it)
        placed.add(it.id)
    return out


def _settle(fw: Framework, roadmap: Roadmap, now_max: int, user_horizon: set[str]) -> None:
    """Dependencies first (order and horizon), then the cap on Now for generated placements."""
    present = {i.id for i in roadmap.items if i.included}
    by_id = {i.id: i for i in roadmap.items}
    # what the user placed in Now stays there and takes its share of the cap first
    now = sum(1 for i in roadmap.items if i.included and i.horizon == "now" and (i.id in user_horizon or i.custom))
    for it in roadmap.items:  # already in dependency order
        for dep in _deps(fw, it, present):
            if it.included and HORIZONS.index(by_id[dep].horizon) > HORIZONS.index(it.horizon):
                it.horizon = by_id[dep].horizon
        if it.why is not None:
            it.why = replace(it.why, after=_deps(fw, it, present))
        if not it.included or it.horizon != "now" or it.id in user_horizon or it.custom:
            continue
        if now >= now_max:
            it.horizon = "next"
            if it.why is not None:
                it.why = replace(it.why, moved_to_next=True)
        else:
            now += 1


def apply_edits(fw: Framework, assessment: Assessment, roadmap: Roadmap, current_phase: int,
                *, now_max: int = NOW_MAX) -> None:
    """Lay the user's edits and own actions over the generated roadmap, then rank.

    The generated order stands unless the user reordered: ids in `order` keep the user's
    order, and items the user never placed follow in generated order within their horizon.
    An action the user placed in Now stays there; generated ones fill Now up to `now_max`.
    Whatever the edits, no action ends up before one it depends on.
    """
    edits = assessment.roadmap
    user_horizon = {aid for aid, e in edits.edits.items() if e.horizon is not None}
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
    _settle(fw, roadmap, now_max, user_horizon)
    unmoved = order_after(fw, sorted(roadmap.items, key=lambda it: (HORIZONS.index(it.horizon),
                                                                     generated[id(it)])))
    default_rank = {id(it): n for n, it in enumerate(unmoved, start=1)}
    roadmap.items.sort(key=lambda it: (
        HORIZONS.index(it.horizon),
        position.get(it.id, big),
        generated[id(it)],
    ))
    roadmap.items[:] = order_after(fw, roadmap.items)
    for n, it in enumerate(roadmap.items, start=1):
        it.rank = n
        if position and n != default_rank[id(it)]:
            it.edited = True  # moved by the user (Ctrl+Up/Down): an edit like any other
