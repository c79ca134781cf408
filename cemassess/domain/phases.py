"""The three maturity phases, gated in order (after C2M2's maturity indicator levels).

Phase N is attained only when every applicable practice of phases 1..N has a consensus
level of 4 or more. Unanswered and "don't know" practices block attainment, so an
unfinished assessment cannot overstate itself; "not applicable" practices are left out.
Progress inside the current phase is shown SAMM-style: each practice earns credit
(level - 1) / 3, capped at 1 when it reaches level 4, weighted by practice weight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from cemassess.domain.framework import PHASE_THRESHOLD, Framework
from cemassess.domain.scoring import PracticeResult

BlockReason = Literal["below", "unanswered", "dk"]


@dataclass(frozen=True)
class Blocker:
    practice_id: str
    reason: BlockReason
    level: float | None


@dataclass(frozen=True)
class PhaseStatus:
    number: int
    met: bool  # all its own applicable practices at level 4+ (regardless of lower phases)
    applicable: int
    at_threshold: int
    progress: float  # 0..1
    blockers: tuple[Blocker, ...]


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


def assess_phases(fw: Framework, practices: Mapping[str, PracticeResult]) -> PhaseResult:
    statuses = []
    for number in (1, 2, 3):
        blockers: list[Blocker] = []
        applicable = at = 0
        credit = weight = 0.0
        for p in fw.practices.values():
            if p.phase != number:
                continue
            r = practices.get(p.id)
            status = r.status if r is not None else "unanswered"
            if status == "na":
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
        progress = credit / weight if weight else 1.0
        statuses.append(PhaseStatus(number, not blockers, applicable, at, progress, tuple(blockers)))
    attained = 0
    for s in statuses:
        if not s.met:
            break
        attained = s.number
    current = min(attained + 1, 3)
    progress = 1.0 if attained == 3 else statuses[current - 1].progress
    return PhaseResult(attained, current, progress, tuple(statuses))  # type: ignore[arg-type]
