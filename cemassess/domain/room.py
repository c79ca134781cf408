"""Event mode: many companies in one room, each assessing itself, compared with the room.

Anonymous by default: the room profile carries no company names, and no group figure is
produced from fewer than MIN_N participants (the same floor as benchmarks).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cemassess.domain.benchmark import MIN_N, Distribution, distribution_from_scores
from cemassess.domain.framework import Framework
from cemassess.domain.results import Results


@dataclass(frozen=True)
class Position:
    """One participant against the room, per dimension."""

    participant: int  # index in the room (no names)
    overall: float | None
    overall_percentile: float | None
    dimensions: dict[str, tuple[float | None, float | None]]  # dim -> (score, percentile in room)
    attained_phase: int


@dataclass(frozen=True)
class RoomProfile:
    n: int
    shown: bool  # False when fewer than MIN_N participants: no group figures at all
    dimensions: dict[str, Distribution]  # only when shown
    scores: dict[str, list[float]]  # per dimension, the participants' scores (for strip plots), only when shown
    overall: Distribution | None
    phase_mix: dict[int, int]  # attained phase -> participants (only when shown)
    positions: list[Position]


def room_profile(fw: Framework, results: Sequence[Results]) -> RoomProfile:
    n = len(results)
    dims = [d.id for d in fw.dimensions]
    scores: dict[str, list[float]] = {d: [] for d in dims}
    overall: list[float] = []
    for r in results:
        for d in dims:
            s = r.dimensions[d].score
            if s is not None:
                scores[d].append(s)
        if r.overall.score is not None:
            overall.append(r.overall.score)
    shown = n >= MIN_N
    dist = {d: distribution_from_scores(v) for d, v in scores.items() if len(v) >= MIN_N} if shown else {}
    overall_dist = distribution_from_scores(overall) if shown and len(overall) >= MIN_N else None
    positions = []
    for i, r in enumerate(results):
        per = {}
        for d in dims:
            s = r.dimensions[d].score
            per[d] = (s, dist[d].percentile_rank(s) if (s is not None and d in dist) else None)
        ov = r.overall.score
        positions.append(Position(
            i, ov, overall_dist.percentile_rank(ov) if (overall_dist and ov is not None) else None,
            per, r.phase.attained))
    mix = dict(sorted(Counter(r.phase.attained for r in results).items())) if shown else {}
    return RoomProfile(n, shown, dist, {d: sorted(v) for d, v in scores.items()} if shown else {},
                       overall_dist, mix, positions)
