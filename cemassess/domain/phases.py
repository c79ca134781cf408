"""The three maturity phases, gated in order (after C2M2's maturity indicator levels).

Phase N is attained only when phases 1..N are each met. A phase is met when
- every applicable practice of it has a consensus level of 4 or more (unanswered and
  "don't know" practices block it, so an unfinished assessment cannot overstate itself);
- at least PHASE_MIN_APPLICABLE of its practices are applicable: "not applicable" is no
  way through a gate (a phase most of whose practices are N/A is not met, reason "na_share");
- for phase 1 only, every "not applicable" answer carries a reason (the comment given with
  it, or the facilitator's note on an agreed N/A); an N/A without one blocks (reason
  "na_no_reason") and the report prints the reasons given;
- for phase 1 only ("stop the bleeding"), the entered customer metrics do not show the
  company losing customers: churn above CHURN_MAX % (or retention below 100 - CHURN_MAX %)
  or an NPS below NPS_MIN from at least NPS_MIN_N answers blocks phase 1 (reason "metric").
Progress inside the current phase is shown SAMM-style: each applicable practice earns
credit (level - 1) / 3, capped at 1 when it reaches level 4, weighted by practice weight
(an N/A without a reason earns none); it reads at most 99% while anything blocks the phase.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from cemassess.domain.assessment import Metrics
from cemassess.domain.framework import PHASE_THRESHOLD, Framework
from cemassess.domain.nps import NpsResult
from cemassess.domain.scoring import PracticeResult

BlockReason = Literal["below", "unanswered", "dk", "na_no_reason", "na_share", "metric"]

PHASE_MIN_APPLICABLE = 0.8  # share of a phase's practices that must be applicable
CHURN_MAX = 15.0  # % of customers lost in the period entered: above this, phase 1 is open
NPS_MIN = 0.0  # an NPS below this (more detractors than promoters) keeps phase 1 open
NPS_MIN_N = 5  # the NPS rule applies from this many survey answers (same floor as group figures)


@dataclass(frozen=True)
class Blocker:
    practice_id: str  # "" for a blocker that is not one practice (na_share, metric)
    reason: BlockReason
    level: float | None
    metric: str = ""  # "churn_rate", "retention_rate" or "nps" for reason "metric"
    value: float | None = None  # the metric's value, or the phase's applicable share


@dataclass(frozen=True)
class PhaseStatus:
    number: int
    met: bool  # its own conditions hold (regardless of lower phases)
    applicable: int
    at_threshold: int
    progress: float  # 0..1
    blockers: tuple[Blocker, ...]
    total: int = 0  # practices of this phase in the framework
    min_applicable: int = 0  # applicable practices it needs
    na_reasons: tuple[tuple[str, str], ...] = ()  # (practice id, reason) for N/A with a reason


@dataclass(frozen=True)
class PhaseResult:
    attained: int  # 0..3: the highest phase attained with all lower ones
    current: int  # 1..3: the phase to work on now (3 when all are attained)
    progress: float  # progress within the current phase, 0..1
    phases: tuple[PhaseStatus, PhaseStatus, PhaseStatus]

    @property
    def blocking(self) -> tuple[Blocker, ...]:
        """What stands between the company and the next phase."""
        return () if self.attained == 3 else self.phases[self.current - 1].blockers


def _credit(level: float) -> float:
    return min(1.0, max(0.0, (level - 1.0) / (PHASE_THRESHOLD - 1.0)))


def metric_blockers(metrics: Metrics | None, nps: NpsResult | None) -> list[Blocker]:
    """Customer metrics that show the company is still losing customers (phase 1 open)."""
    out: list[Blocker] = []
    if metrics is not None:
        if metrics.churn_rate is not None and metrics.churn_rate > CHURN_MAX + 1e-9:
            out.append(Blocker("", "metric", None, "churn_rate", metrics.churn_rate))
        elif metrics.retention_rate is not None and metrics.retention_rate < 100.0 - CHURN_MAX - 1e-9:
            out.append(Blocker("", "metric", None, "retention_rate", metrics.retention_rate))
    if nps is not None and nps.n >= NPS_MIN_N and nps.score < NPS_MIN - 1e-9:
        out.append(Blocker("", "metric", None, "nps", nps.score))
    return out


def assess_phases(
    fw: Framework,
    practices: Mapping[str, PracticeResult],
    metrics: Metrics | None = None,
    nps: NpsResult | None = None,
) -> PhaseResult:
    statuses = []
    for number in (1, 2, 3):
        blockers: list[Blocker] = []
        applicable = at = total = 0
        credit = weight = 0.0
        reasons: list[tuple[str, str]] = []
        for p in fw.practices.values():
            if p.phase != number:
                continue
            total += 1
            r = practices.get(p.id)
            status = r.status if r is not None else "unanswered"
            if status == "na":
                assert r is not None
                if number == 1 and not r.na_reason:
                    blockers.append(Blocker(p.id, "na_no_reason", None))
                    weight += p.weight  # an open practice: it earns no progress credit
                elif r.na_reason:
                    reasons.append((p.id, r.na_reason))
                continue
            applicable += 1
            weight += p.weight
            if status == "level":
                assert r is not None and r.level is not None
                credit += p.weight * _credit(r.level)
                if r.level >= PHASE_THRESHOLD:
                    at += 1
                else:
                    blockers.append(Blocker(p.id, "below", r.level))
            else:
                blockers.append(Blocker(p.id, status, None))  # type: ignore[arg-type]
        need = math.ceil(PHASE_MIN_APPLICABLE * total - 1e-9)
        if applicable < need:
            blockers.append(Blocker("", "na_share", None, value=applicable / total if total else 0.0))
        if number == 1:
            blockers += metric_blockers(metrics, nps)
        progress = credit / weight if weight else (0.0 if blockers else 1.0)
        if blockers:
            progress = min(progress, 0.99)  # never "100%" beside "not attained"
        statuses.append(PhaseStatus(number, not blockers, applicable, at, progress, tuple(blockers),
                                    total, need, tuple(reasons)))
    attained = 0
    for s in statuses:
        if not s.met:
            break
        attained = s.number
    current = min(attained + 1, 3)
    progress = 1.0 if attained == 3 else statuses[current - 1].progress
    return PhaseResult(attained, current, progress, tuple(statuses))  # type: ignore[arg-type]
