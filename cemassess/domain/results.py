"""One call computes everything the faces show: `evaluate(framework, assessment, ...)`.

The app, the CLI and the PDF all read a `Results`; none of them computes a score itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from cemassess.domain.assessment import Assessment
from cemassess.domain.benchmark import BenchmarkPack, Comparison, Segment, best_segments, compare
from cemassess.domain.framework import PHASE_THRESHOLD, Check, Framework, Role, band_cap
from cemassess.domain.nps import NpsResult, nps_from_counts
from cemassess.domain.phases import PhaseResult, assess_phases
from cemassess.domain.roadmap import NOW_MAX, Roadmap, build_roadmap
from cemassess.domain.scoring import (
    Completion,
    ConsensusMethod,
    DimensionGap,
    PracticeGap,
    Profile,
    completion,
    perception_gaps,
    profile,
    role_profiles,
)

PITFALL_LEVEL = 2  # a pitfall is found when any of its practices is at this level or below
PRINCIPLE_LEVEL = PHASE_THRESHOLD  # a principle is met only when all its practices are at 4+
CheckStatus = Literal["found", "not_found", "met", "partly_met", "not_met", "unknown"]


@dataclass(frozen=True)
class CheckResult:
    """A VoC pitfall: "found" when any evidence practice is at level 2 or below, "not_found"
    otherwise. A B2B principle: "met" when every applicable evidence practice is at level 4+,
    "not_met" when any is at 2 or below or none reaches 4, "partly_met" otherwise (some at 4+,
    none at 2 or below, or some not known). "unknown": no evidence practice has a level."""

    check: Check
    fired: bool | None  # pitfall found / principle not fully met; None: not enough answers to tell
    mean_level: float | None
    evidence: tuple[str, ...]  # practice ids with a level
    status: CheckStatus = "unknown"
    low: tuple[str, ...] = ()  # evidence practices at level 2 or below
    unknown: tuple[str, ...] = ()  # applicable evidence practices without a level


@dataclass(frozen=True)
class BenchmarkContext:
    pack: BenchmarkPack
    segment: Segment
    comparisons: dict[str, Comparison]
    best: dict[str, tuple[Segment, float]]


@dataclass(frozen=True)
class Results:
    framework: Framework
    assessment: Assessment
    profile: Profile  # all respondents, agreed answers applied
    phase: PhaseResult
    roles: dict[Role, Profile]
    practice_gaps: list[PracticeGap]
    dimension_gaps: list[DimensionGap]
    checks: list[CheckResult]
    nps: NpsResult | None
    completion: Completion
    benchmark: BenchmarkContext | None
    roadmap: Roadmap

    @property
    def overall(self):
        return self.profile.overall

    @property
    def dimensions(self):
        return self.profile.dimensions

    @property
    def practices(self):
        return self.profile.practices

    @property
    def knowledge_gaps(self) -> list[str]:
        """Practices somebody answered "don't know": what the company should find out."""
        return [pid for pid, r in self.practices.items() if r.n_dk > 0]

    @property
    def for_review(self) -> list[str]:
        return [pid for pid, r in self.practices.items() if r.review]

    def _ranked(self) -> list[str]:
        scored = [(d, s.score) for d, s in self.dimensions.items() if s.score is not None]
        return [d for d, _ in sorted(scored, key=lambda x: (-x[1], x[0]))]

    def strongest(self, k: int = 3) -> list[str]:
        """The top dimensions; at most half of the scored ones, so that no dimension is ever
        listed both as strongest and as weakest."""
        ranked = self._ranked()
        return ranked[:min(k, len(ranked) // 2)]

    def weakest(self, k: int = 5) -> list[str]:
        ranked = self._ranked()
        rest = ranked[len(self.strongest()):]
        return list(reversed(rest))[:k]


def evaluate_checks(fw: Framework, prof: Profile) -> list[CheckResult]:
    out = []
    for c in fw.checks:
        levels = [(pid, prof.practices[pid].level) for pid in c.practices
                  if prof.practices[pid].level is not None]
        unknown = tuple(pid for pid in c.practices
                        if prof.practices[pid].level is None and prof.practices[pid].status != "na")
        if not levels:
            out.append(CheckResult(c, None, None, (), "unknown", (), unknown))
            continue
        mean = sum(lv for _, lv in levels) / len(levels)  # type: ignore[misc]
        low = tuple(p for p, lv in levels if lv <= PITFALL_LEVEL + 1e-9)  # type: ignore[operator]
        high = [p for p, lv in levels if lv >= PRINCIPLE_LEVEL - 1e-9]  # type: ignore[operator]
        status: CheckStatus
        if c.kind == "voc_pitfall":
            status = "found" if low else "not_found"
        elif len(high) == len(levels) and not unknown:
            status = "met"
        elif low or not high:
            status = "not_met"
        else:
            status = "partly_met"
        fired = status in ("found", "not_met", "partly_met")
        out.append(CheckResult(c, fired, mean, tuple(p for p, _ in levels), status, low, unknown))
    return out


def cap_band(fw: Framework, prof: Profile, phase: PhaseResult) -> Profile:
    """Band and phase agree: the band is lowered to what the attained phase allows."""
    ov = prof.overall
    if ov.band is None:
        return prof
    idx = fw.bands.index(ov.band)
    cap = band_cap(phase.attained, len(fw.bands))
    if idx <= cap:
        return prof
    return replace(prof, overall=replace(ov, band=fw.bands[cap], band_cap_phase=phase.attained))


def evaluate(
    fw: Framework,
    assessment: Assessment,
    *,
    benchmarks: BenchmarkPack | None = None,
    segment_id: str | None = None,
    method: ConsensusMethod = "median",
    now_max: int = NOW_MAX,
) -> Results:
    prof = profile(fw, assessment, method=method)
    nps = nps_from_counts(assessment.metrics.nps.counts) if (
        assessment.metrics.nps is not None and sum(assessment.metrics.nps.counts) > 0) else None
    phase = assess_phases(fw, prof.practices, assessment.metrics, nps)
    prof = cap_band(fw, prof, phase)
    roles = role_profiles(fw, assessment, method=method)
    pgaps, dgaps = perception_gaps(fw, roles)
    bench = None
    if benchmarks is not None:
        seg = benchmarks.segment(segment_id) if segment_id else None
        seg = seg or benchmarks.segments[0]
        scores = {d: s.score for d, s in prof.dimensions.items()}
        # generated (illustrative) figures never suggest where to look for examples
        best = {} if benchmarks.illustrative else best_segments(benchmarks, [d.id for d in fw.dimensions])
        bench = BenchmarkContext(benchmarks, seg, compare(scores, seg), best)
    # benchmarks inform (a measured pack's gap is shown beside an action); they never set its
    # priority, and generated figures are not even shown there
    info = bench.comparisons if bench is not None and not bench.pack.illustrative else None
    roadmap = build_roadmap(fw, assessment, prof.practices, prof.dimensions, phase, info, now_max=now_max)
    return Results(fw, assessment, prof, phase, roles, pgaps, dgaps, evaluate_checks(fw, prof),
                   nps, completion(fw, assessment), bench, roadmap)
