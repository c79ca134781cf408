"""One call computes everything the faces show: `evaluate(framework, assessment, ...)`.

The app, the CLI and the PDF all read a `Results`; none of them computes a score itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from cemassess.domain.assessment import Assessment
from cemassess.domain.benchmark import BenchmarkPack, Comparison, Segment, best_segments, compare
from cemassess.domain.framework import Check, Framework, Role
from cemassess.domain.nps import NpsResult, nps_from_counts
from cemassess.domain.phases import PhaseResult, assess_phases
from cemassess.domain.roadmap import Roadmap, build_roadmap
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


@dataclass(frozen=True)
class CheckResult:
    check: Check
    fired: bool | None  # None: not enough answers to tell
    mean_level: float | None
    evidence: tuple[str, ...]  # practice ids with a level


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

    def strongest(self, k: int = 3) -> list[str]:
        scored = [(d, s.score) for d, s in self.dimensions.items() if s.score is not None]
        return [d for d, _ in sorted(scored, key=lambda x: (-x[1], x[0]))[:k]]

    def weakest(self, k: int = 5) -> list[str]:
        scored = [(d, s.score) for d, s in self.dimensions.items() if s.score is not None]
        return [d for d, _ in sorted(scored, key=lambda x: (x[1], x[0]))[:k]]


def evaluate_checks(fw: Framework, prof: Profile) -> list[CheckResult]:
    out = []
    for c in fw.checks:
        levels = [(pid, prof.practices[pid].level) for pid in c.practices
                  if prof.practices[pid].level is not None]
        if not levels:
            out.append(CheckResult(c, None, None, ()))
            continue
        mean = sum(lv for _, lv in levels) / len(levels)  # type: ignore[misc]
        out.append(CheckResult(c, mean <= c.threshold + 1e-9, mean, tuple(p for p, _ in levels)))
    return out


def evaluate(
    fw: Framework,
    assessment: Assessment,
    *,
    benchmarks: BenchmarkPack | None = None,
    segment_id: str | None = None,
    method: ConsensusMethod = "median",
) -> Results:
    prof = profile(fw, assessment, method=method)
    phase = assess_phases(fw, prof.practices)
    roles = role_profiles(fw, assessment, method=method)
    pgaps, dgaps = perception_gaps(fw, roles)
    nps = nps_from_counts(assessment.metrics.nps.counts) if (
        assessment.metrics.nps is not None and sum(assessment.metrics.nps.counts) > 0) else None
    bench = None
    if benchmarks is not None:
        seg = benchmarks.segment(segment_id) if segment_id else None
        seg = seg or benchmarks.segments[0]
        scores = {d: s.score for d, s in prof.dimensions.items()}
        bench = BenchmarkContext(benchmarks, seg, compare(scores, seg),
                                 best_segments(benchmarks, [d.id for d in fw.dimensions]))
    roadmap = build_roadmap(fw, assessment, prof.practices, prof.dimensions, phase,
                            bench.comparisons if bench else None)
    return Results(fw, assessment, prof, phase, roles, pgaps, dgaps, evaluate_checks(fw, prof),
                   nps, completion(fw, assessment), bench, roadmap)
