"""Re-assessment: the same company assessed again, linked to its earlier assessments.

A trend is the chain of assessments ordered by date, each evaluated with the same
framework; the change table compares the latest with the one before, and the roadmap's
actions are marked with whether their dimension moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cemassess.domain.assessment import Assessment
from cemassess.domain.results import Results

MOVED = 2.5  # points: a change smaller than a tenth of a level is noise


def chain(latest: Assessment, by_id: dict[str, Assessment]) -> list[Assessment]:
    """The latest assessment and its predecessors (via `previous`), oldest first; cycles stop."""
    out = [latest]
    seen = {latest.id}
    cur = latest
    while cur.previous and cur.previous in by_id and cur.previous not in seen:
        cur = by_id[cur.previous]
        seen.add(cur.id)
        out.append(cur)
    return sorted(out, key=lambda a: (a.date, a.created))


@dataclass(frozen=True)
class Change:
    dimension_id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def direction(self) -> str:
        d = self.delta
        if d is None:
            return "new" if self.before is None and self.after is not None else "unknown"
        return "up" if d >= MOVED else "down" if d <= -MOVED else "flat"


@dataclass(frozen=True)
class Trend:
    dates: list[str]
    series: dict[str, list[float | None]]  # dimension -> scores, oldest first
    overall: list[float | None]
    changes: list[Change]  # latest vs the one before (empty with a single assessment)

    def moved(self, dimension_id: str) -> str:
        return next((c.direction for c in self.changes if c.dimension_id == dimension_id), "unknown")


def trend(results: Sequence[Results]) -> Trend:
    """`results` oldest first, all of one framework."""
    if not results:
        raise ValueError("a trend needs at least one assessment")
    fw = results[-1].framework
    dims = [d.id for d in fw.dimensions]
    series = {d: [r.dimensions[d].score if d in r.dimensions else None for r in results] for d in dims}
    changes = []
    if len(results) >= 2:
        prev, last = results[-2], results[-1]
        changes = [Change(d, prev.dimensions[d].score if d in prev.dimensions else None,
                          last.dimensions[d].score) for d in dims]
    return Trend([r.assessment.date.isoformat() for r in results], series,
                 [r.overall.score for r in results], changes)
