"""Scores: consensus per practice, dimension scores, the overall CEM index, explanations.

Scale: level 1 maps to 0 and level 5 to 100, linearly. A dimension's score is the weighted
mean of its practices' consensus levels mapped so. "Not applicable" answers leave the
practice out and the remaining weights are renormalised; "don't know" answers are left
out of the score too, but counted and reported as knowledge gaps. The overall CEM index is
the weighted mean (dimension weights) of the dimensions that have a score.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.framework import Band, Framework, Role, level_to_score

Status = Literal["level", "na", "dk", "unanswered"]
ConsensusMethod = Literal["median", "mean"]


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
    for rid, a in answers:
        if isinstance(a.value, int):
            levels.append(a.value)
        elif a.value == "na":
            n_na += 1
        elif a.value == "dk":
            n_dk += 1
        if a.comment:
            comments.append((rid, a.comment))
        review = review or a.review
    common = dict(levels=tuple(levels), n_na=n_na, n_dk=n_dk, comments=tuple(comments), review=review)
    if agreed is not None:
        value, dissent = agreed
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
    share: float  # weight / sum of counted weights
    contribution: float  # points * share


@dataclass(frozen=True)
class DimensionScore:
    dimension_id: str
    score: float | None  # None when no practice has a level
    band: Band | None
    terms: tuple[Term, ...]
    not_applicable: tuple[str, ...]
    dont_know: tuple[str, ...]
    unanswered: tuple[str, ...]

    @property
    def applicable(self) -> int:
        return len(self.terms) + len(self.dont_know) + len(self.unanswered)

    @property
    def coverage(self) -> float:
        """Share of applicable practices that have a level (0..1)."""
        return len(self.terms) / self.applicable if self.applicable else 1.0

    @property
    def level(self) -> float | None:
        return None if self.score is None else 1 + self.score / 25


@dataclass(frozen=True)
class OverallScore:
    score: float | None
    band: Band | None
    parts: tuple[tuple[str, float, float], ...]  # (dimension id, score, weight share)
    missing: tuple[str, ...]  # dimensions with no score


def dimension_score(fw: Framework, dimension_id: str, practices: Mapping[str, PracticeResult]) -> DimensionScore:
    dim = fw.dimensions_by_id[dimension_id]
    counted: list[tuple[str, float, float]] = []
    na: list[str] = []
    dk: list[str] = []
    unanswered: list[str] = []
    for p in dim.practices:
        r = practices.get(p.id)
        if r is None or r.status == "unanswered":
            unanswered.append(p.id)
        elif r.status == "na":
            na.append(p.id)
        elif r.status == "dk":
            dk.append(p.id)
        else:
            assert r.level is not None
            counted.append((p.id, r.level, p.weight))
    total_w = sum(w for _, _, w in counted)
    terms = []
    for pid, lvl, w in counted:
        share = w / total_w
        pts = level_to_score(lvl)
        terms.append(Term(pid, lvl, w, pts, share, pts * share))
    score = _clamp(sum(t.contribution for t in terms)) if terms else None
    return DimensionScore(
        dimension_id, score, fw.band(score) if score is not None else None,
        tuple(terms), tuple(na), tuple(dk), tuple(unanswered),
    )


def overall_score(fw: Framework, dims: Mapping[str, DimensionScore]) -> OverallScore:
    scored = [(d.id, dims[d.id].score, d.weight) for d in fw.dimensions if dims[d.id].score is not None]
    missing = tuple(d.id for d in fw.dimensions if dims[d.id].score is None)
    if not scored:
        return OverallScore(None, None, (), missing)
    total_w = sum(w for _, _, w in scored)
    parts = tuple((i, s, w / total_w) for i, s, w in scored)  # type: ignore[misc]
    score = _clamp(sum(s * share for _, s, share in parts))
    return OverallScore(score, fw.band(score), parts, missing)


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
