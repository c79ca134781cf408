"""Scores: consensus per practice, dimension scores, the overall CEM index, explanations.

Scale: level 1 maps to 0 and level 5 to 100, linearly. A dimension's value is the weighted
mean, over its applicable practices, of their consensus levels mapped so. "Not applicable"
answers leave the practice out and the remaining weights are renormalised. A practice with
no level ("don't know" or not answered) counts as level 1 (0 points): a score claims only
what is known to be in place (C2M2 counts unanswered practices as not implemented), so more
"don't know" never raises a score. Such practices are also reported as knowledge gaps.

Coverage before headline (docs/scoring.md):
- a dimension is scored only when at least DIM_MIN_SHARE of its practices (3 of 5 in the
  shipped framework; never more than it has applicable) have a level;
- the CEM index is shown only when at least OVERALL_MIN_SHARE of the applicable practices
  have a level and no more than MAX_NA_SHARE of all practices are "not applicable". The
  index is the weighted mean (dimension weights) of the values of every dimension with an
  applicable practice, including dimensions with too few answers to be shown on their own
  (leaving them out could only raise it).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.framework import Band, Framework, Role, level_to_score

Status = Literal["level", "na", "dk", "unanswered"]
ConsensusMethod = Literal["median", "mean"]

OVERALL_MIN_SHARE = 0.6  # share of applicable practices with a level before the index is shown
MAX_NA_SHARE = 0.4  # more "not applicable" than this and the framework no longer describes the company
DIM_MIN_SHARE = 0.6  # share of a dimension's practices with a level before it is scored (3 of 5)


@dataclass(frozen=True)
class PracticeResult:
    """The consensus of all respondents (or the facilitator's agreed answer) for a practice."""

    practice_id: str
    status: Status
    level: float | None  # the consensus level when status == "level"
    levels: tuple[int, ...] = ()  # every numeric answer given
    n_na: int = 0
    n_dk: int = 0
    agreed: bool = False  # set by the facilitator rather than computed
    dissent: str = ""
    comments: tuple[tuple[str, str], ...] = ()  # (respondent id, comment)
    review: bool = False  # any respondent marked it for review
    na_reason: str = ""  # why it does not apply: the comment given with "not applicable"

    @property
    def spread(self) -> int:
        """Range of the numeric answers (max - min), 0 with fewer than two."""
        return max(self.levels) - min(self.levels) if len(self.levels) > 1 else 0

    @property
    def score(self) -> float | None:
        return level_to_score(self.level) if self.level is not None else None


def consensus(
    practice_id: str,
    answers: Iterable[tuple[str, Answer]],
    *,
    method: ConsensusMethod = "median",
    agreed: tuple[int | str, str] | None = None,
) -> PracticeResult:
    """Combine several respondents' answers to one practice.

    The numeric answers decide the level (median by default). Only when nobody gave a
    level does the practice count as "don't know" (anyone said so) or "not applicable".
    A facilitator's agreed answer overrides the computation.
    """
    levels: list[int] = []
    n_na = n_dk = 0
    comments: list[tuple[str, str]] = []
    review = False
    na_reason = ""
    for rid, a in answers:
        if isinstance(a.value, int):
            levels.append(a.value)
        elif a.value == "na":
            n_na += 1
            na_reason = na_reason or a.comment.strip()
        elif a.value == "dk":
            n_dk += 1
        if a.comment:
            comments.append((rid, a.comment))
        review = review or a.review
    common = dict(levels=tuple(levels), n_na=n_na, n_dk=n_dk, comments=tuple(comments), review=review,
                  na_reason=na_reason)
    if agreed is not None:
        value, dissent = agreed
        if value == "na" and dissent.strip():  # the facilitator's note on an agreed N/A is its reason
            common["na_reason"] = dissent.strip()
        if isinstance(value, int):
            return PracticeResult(practice_id, "level", float(value), agreed=True, dissent=dissent, **common)
        return PracticeResult(practice_id, value, None, agreed=True, dissent=dissent, **common)  # type: ignore[arg-type]
    if levels:
        lvl = statistics.median(levels) if method == "median" else statistics.fmean(levels)
        return PracticeResult(practice_id, "level", float(lvl), **common)
    if n_dk:
        return PracticeResult(practice_id, "dk", None, **common)
    if n_na:
        return PracticeResult(practice_id, "na", None, **common)
    return PracticeResult(practice_id, "unanswered", None, **common)


@dataclass(frozen=True)
class Term:
    """One practice's part in a dimension score."""

    practice_id: str
    level: float
    weight: float
    points: float  # the level mapped to 0-100
    share: float  # weight / sum of the applicable practices' weights
    contribution: float  # points * share
    known: bool = True  # False: "don't know" or not answered, counted as level 1 (0 points)


@dataclass(frozen=True)
class DimensionScore:
    dimension_id: str
    score: float | None  # None when too few practices have a level (or none is applicable)
    band: Band | None
    terms: tuple[Term, ...]  # every applicable practice; unknown ones count 0 points
    not_applicable: tuple[str, ...]
    dont_know: tuple[str, ...]
    unanswered: tuple[str, ...]
    value: float | None = None  # the computed value even when withheld (None: nothing applicable)
    min_known: int = 0  # practices with a level needed before the score is shown

    @property
    def applicable(self) -> int:
        return len(self.terms)

    @property
    def known(self) -> int:
        return sum(1 for t in self.terms if t.known)

    @property
    def withheld(self) -> bool:
        """Applicable practices exist but too few have a level to show a score."""
        return self.applicable > 0 and self.score is None

    @property
    def coverage(self) -> float:
        """Share of applicable practices that have a level (0..1)."""
        return self.known / self.applicable if self.applicable else 1.0

    @property
    def known_mean(self) -> float | None:
        """Mean level of the practices that have one (what is known, for a withheld dimension)."""
        lv = [t.level for t in self.terms if t.known]
        return sum(lv) / len(lv) if lv else None

    @property
    def level(self) -> float | None:
        return None if self.score is None else 1 + self.score / 25


@dataclass(frozen=True)
class Coverage:
    """How much of the framework the answers cover: `known` of `applicable` have a level."""

    known: int
    applicable: int
    not_applicable: int
    total: int

    @property
    def needed(self) -> int:
        """Practices with a level needed before the index is shown."""
        return math.ceil(OVERALL_MIN_SHARE * self.applicable - 1e-9)

    @property
    def na_allowed(self) -> int:
        return math.floor(MAX_NA_SHARE * self.total + 1e-9)

    @property
    def withheld(self) -> str | None:
        """Why the index is not shown ("coverage" or "not_applicable"), None when it is."""
        if self.not_applicable > self.na_allowed:
            return "not_applicable"
        if self.applicable == 0 or self.known < self.needed:
            return "coverage"
        return None


@dataclass(frozen=True)
class OverallScore:
    score: float | None  # None when withheld (see coverage)
    band: Band | None  # capped by the attained phase once evaluate() knows it
    parts: tuple[tuple[str, float, float], ...]  # (dimension id, value, weight share)
    missing: tuple[str, ...]  # dimensions with no score of their own
    coverage: Coverage | None = None
    value: float | None = None  # the computed index even when withheld
    uncapped_band: Band | None = None  # the band the index alone would give
    band_cap_phase: int | None = None  # the attained phase when it lowered the band

    @property
    def withheld(self) -> str | None:
        return self.coverage.withheld if self.coverage is not None else None


def dimension_score(fw: Framework, dimension_id: str, practices: Mapping[str, PracticeResult]) -> DimensionScore:
    dim = fw.dimensions_by_id[dimension_id]
    counted: list[tuple[str, float | None, float]] = []  # applicable: (id, level or None, weight)
    na: list[str] = []
    dk: list[str] = []
    unanswered: list[str] = []
    for p in dim.practices:
        r = practices.get(p.id)
        if r is not None and r.status == "na":
            na.append(p.id)
            continue
        if r is None or r.status == "unanswered":
            unanswered.append(p.id)
        elif r.status == "dk":
            dk.append(p.id)
        counted.append((p.id, r.level if r is not None and r.status == "level" else None, p.weight))
    total_w = sum(w for _, _, w in counted)
    terms = []
    for pid, lvl, w in counted:
        share = w / total_w
        pts = level_to_score(lvl) if lvl is not None else 0.0
        terms.append(Term(pid, lvl if lvl is not None else 1.0, w, pts, share, pts * share, lvl is not None))
    value = _clamp(sum(t.contribution for t in terms)) if terms else None
    min_known = min(len(terms), math.ceil(DIM_MIN_SHARE * len(dim.practices) - 1e-9))
    known = sum(1 for t in terms if t.known)
    score = value if terms and known >= max(1, min_known) else None
    return DimensionScore(
        dimension_id, score, fw.band(score) if score is not None else None,
        tuple(terms), tuple(na), tuple(dk), tuple(unanswered), value, min_known,
    )


def overall_score(fw: Framework, dims: Mapping[str, DimensionScore]) -> OverallScore:
    cov = Coverage(
        known=sum(dims[d.id].known for d in fw.dimensions),
        applicable=sum(dims[d.id].applicable for d in fw.dimensions),
        not_applicable=sum(len(dims[d.id].not_applicable) for d in fw.dimensions),
        total=len(fw.practices),
    )
    valued = [(d.id, dims[d.id].value, d.weight) for d in fw.dimensions if dims[d.id].value is not None]
    missing = tuple(d.id for d in fw.dimensions if dims[d.id].score is None)
    if not valued:
        return OverallScore(None, None, (), missing, cov)
    total_w = sum(w for _, _, w in valued)
    parts = tuple((i, s, w / total_w) for i, s, w in valued)  # type: ignore[misc]
    value = _clamp(sum(s * share for _, s, share in parts))
    if cov.withheld:
        return OverallScore(None, None, parts, missing, cov, value, fw.band(value))
    return OverallScore(value, fw.band(value), parts, missing, cov, value, fw.band(value))


def _clamp(x: float) -> float:
    return min(100.0, max(0.0, x))


@dataclass(frozen=True)
class Profile:
    """Practice consensus and dimension scores for a group of respondents."""

    practices: dict[str, PracticeResult]
    dimensions: dict[str, DimensionScore]
    overall: OverallScore


def profile(
    fw: Framework,
    assessment: Assessment,
    respondent_ids: Iterable[str] | None = None,
    *,
    method: ConsensusMethod = "median",
    use_agreed: bool = True,
) -> Profile:
    """Score a group of respondents (all of them by default)."""
    rids = [r.id for r in assessment.respondents] if respondent_ids is None else list(respondent_ids)
    practices: dict[str, PracticeResult] = {}
    for pid in fw.practices:
        answers = [(rid, a) for rid in rids if (a := assessment.answers.get(rid, {}).get(pid)) is not None]
        ag = assessment.agreed.get(pid) if use_agreed else None
        practices[pid] = consensus(pid, answers, method=method,
                                   agreed=(ag.value, ag.dissent) if ag is not None else None)
    dims = {d.id: dimension_score(fw, d.id, practices) for d in fw.dimensions}
    return Profile(practices, dims, overall_score(fw, dims))


# -- respondents by role and perception gaps -------------------------------------------------
GAP_LEVELS = 1.5  # roles differing by this many levels or more is a perception gap


@dataclass(frozen=True)
class PracticeGap:
    practice_id: str
    by_role: dict[Role, float]  # the role's median level
    gap: float  # max - min, in levels
    high: Role
    low: Role


@dataclass(frozen=True)
class DimensionGap:
    dimension_id: str
    by_role: dict[Role, float]  # the role's dimension score
    gap: float  # in levels (score difference / 25)
    high: Role
    low: Role


def role_profiles(fw: Framework, assessment: Assessment, *, method: ConsensusMethod = "median") -> dict[Role, Profile]:
    """A profile per role that has respondents (agreed answers ignored: these are views)."""
    out: dict[Role, Profile] = {}
    for role in Role:
        rids = [r.id for r in assessment.respondents if r.role == role]
        if rids:
            out[role] = profile(fw, assessment, rids, method=method, use_agreed=False)
    return out


def perception_gaps(
    fw: Framework, roles: Mapping[Role, Profile], threshold: float = GAP_LEVELS
) -> tuple[list[PracticeGap], list[DimensionGap]]:
    practice_gaps: list[PracticeGap] = []
    for pid in fw.practices:
        by_role = {r: p.practices[pid].level for r, p in roles.items() if p.practices[pid].level is not None}
        if len(by_role) >= 2:
            hi = max(by_role, key=lambda r: by_role[r])  # type: ignore[arg-type,return-value]
            lo = min(by_role, key=lambda r: by_role[r])  # type: ignore[arg-type,return-value]
            gap = by_role[hi] - by_role[lo]  # type: ignore[operator]
            if gap >= threshold - 1e-9:
                practice_gaps.append(PracticeGap(pid, by_role, gap, hi, lo))  # type: ignore[arg-type]
    dim_gaps: list[DimensionGap] = []
    for d in fw.dimensions:
        by_role = {r: p.dimensions[d.id].score for r, p in roles.items() if p.dimensions[d.id].score is not None}
        if len(by_role) >= 2:
            hi = max(by_role, key=lambda r: by_role[r])  # type: ignore[arg-type,return-value]
            lo = min(by_role, key=lambda r: by_role[r])  # type: ignore[arg-type,return-value]
            gap = (by_role[hi] - by_role[lo]) / 25.0  # type: ignore[operator]
            if gap >= threshold - 1e-9:
                dim_gaps.append(DimensionGap(d.id, by_role, gap, hi, lo))  # type: ignore[arg-type]
    practice_gaps.sort(key=lambda g: (-g.gap, g.practice_id))
    dim_gaps.sort(key=lambda g: (-g.gap, g.dimension_id))
    return practice_gaps, dim_gaps


def disagreements(prof: Profile, threshold: int = 2) -> list[PracticeResult]:
    """Practices whose respondents' answers span `threshold` levels or more (merge screen)."""
    return sorted((r for r in prof.practices.values() if r.spread >= threshold),
                  key=lambda r: (-r.spread, r.practice_id))


@dataclass
class Completion:
    answered: int = 0
    total: int = 0
    by_dimension: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.answered / self.total if self.total else 0.0


def completion(fw: Framework, assessment: Assessment, respondent_id: str | None = None) -> Completion:
    """How many practices have an answer (any value, N/A and don't know included)."""
    rids = [respondent_id] if respondent_id else [r.id for r in assessment.respondents]
    c = Completion()
    for d in fw.dimensions:
        done = 0
        for p in d.practices:
            if p.id in assessment.agreed or any(
                assessment.answers.get(rid, {}).get(p.id, Answer()).answered for rid in rids
            ):
                done += 1
        c.by_dimension[d.id] = (done, len(d.practices))
        c.answered += done
        c.total += len(d.practices)
    return c
