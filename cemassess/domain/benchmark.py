"""Benchmarks: distributions of dimension scores for a segment (industry, size, region).

A distribution is kept as seven quantiles (min, P10, P25, median, P75, P90, max) and the
number of assessments behind it, so packs can be shared without anyone's own answers.
No figure is shown from fewer than MIN_N assessments (as ODI's Pathway does with 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

from cemassess.domain.framework import Id

MIN_N = 5
QUANTILES: tuple[int, ...] = (0, 10, 25, 50, 75, 90, 100)
Q = Annotated[float, Strict(), Field(ge=0, le=100)]
Short = Annotated[str, StringConstraints(max_length=200)]


class Distribution(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    n: Annotated[int, Strict(), Field(ge=0, le=10_000_000)]
    q: tuple[Q, Q, Q, Q, Q, Q, Q]  # values at QUANTILES

    @model_validator(mode="after")
    def _ordered(self) -> Distribution:
        if any(b < a for a, b in zip(self.q, self.q[1:], strict=False)):
            raise ValueError("quantiles must not decrease")
        return self

    @property
    def p10(self) -> float:
        return self.q[1]

    @property
    def p25(self) -> float:
        return self.q[2]

    @property
    def median(self) -> float:
        return self.q[3]

    @property
    def p75(self) -> float:
        return self.q[4]

    @property
    def p90(self) -> float:
        return self.q[5]

    @property
    def enough(self) -> bool:
        return self.n >= MIN_N

    def percentile_rank(self, score: float) -> float:
        """Where `score` stands in the distribution, 0..100, interpolated between quantiles."""
        pts = list(zip(self.q, QUANTILES, strict=True))
        if score < pts[0][0]:
            return 0.0
        if score > pts[-1][0]:
            return 100.0
        ties = [p for v, p in pts if abs(v - score) < 1e-9]
        if ties:
            return sum(ties) / len(ties)
        for (v0, p0), (v1, p1) in zip(pts, pts[1:], strict=False):
            if v0 < score < v1:
                return p0 + (p1 - p0) * (score - v0) / (v1 - v0)
        return 100.0  # unreachable with ordered quantiles


def quantile(sorted_values: Sequence[float], pct: float) -> float:
    """Linear-interpolation quantile (type 7, as spreadsheets compute it)."""
    if not sorted_values:
        raise ValueError("no values")
    pos = (len(sorted_values) - 1) * pct / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def distribution_from_scores(scores: Sequence[float]) -> Distribution:
    s = sorted(float(x) for x in scores)
    return Distribution(n=len(s), q=tuple(round(quantile(s, p), 2) for p in QUANTILES))  # type: ignore[arg-type]


class Segment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    label: Short
    label_ru: Short = ""
    industry: Short = ""  # "" = all industries
    size: Short = ""
    region: Short = ""
    overall: Distribution | None = None
    dimensions: dict[Id, Distribution] = Field(max_length=100)

    def title(self, lang: str) -> str:
        return self.label_ru if lang == "ru" and self.label_ru else self.label

    @property
    def n(self) -> int:
        return max((d.n for d in self.dimensions.values()), default=0)


class BenchmarkPack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["cemassess-benchmarks"] = "cemassess-benchmarks"
    format_version: Literal[1] = 1
    id: Id
    title: Short
    title_ru: Short = ""
    framework: Id
    created: dt.date
    source: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    provenance: Literal["measured", "illustrative"]
    note: Annotated[str, StringConstraints(max_length=4000)] = ""
    segments: tuple[Segment, ...] = Field(min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _unique(self) -> BenchmarkPack:
        ids = [s.id for s in self.segments]
        if len(ids) != len(set(ids)):
            raise ValueError("segment ids must be unique")
        return self

    @property
    def illustrative(self) -> bool:
        return self.provenance == "illustrative"

    def segment(self, segment_id: str) -> Segment | None:
        return next((s for s in self.segments if s.id == segment_id), None)


@dataclass(frozen=True)
class Comparison:
    """A company's dimension score against a segment's distribution."""

    dimension_id: str
    score: float | None
    n: int
    shown: bool  # False when the segment has fewer than MIN_N assessments here
    p10: float | None = None
    median: float | None = None
    p75: float | None = None
    p90: float | None = None
    percentile: float | None = None
    gap_to_median: float | None = None  # median - score (positive: behind)
    gap_to_top_quartile: float | None = None  # P75 - score


def compare(scores: Mapping[str, float | None], segment: Segment) -> dict[str, Comparison]:
    out: dict[str, Comparison] = {}
    for dim_id, score in scores.items():
        d = segment.dimensions.get(dim_id)
        if d is None or not d.enough:
            out[dim_id] = Comparison(dim_id, score, d.n if d else 0, False)
            continue
        out[dim_id] = Comparison(
            dim_id, score, d.n, True, d.p10, d.median, d.p75, d.p90,
            percentile=d.percentile_rank(score) if score is not None else None,
            gap_to_median=(d.median - score) if score is not None else None,
            gap_to_top_quartile=(d.p75 - score) if score is not None else None,
        )
    return out


def best_segments(pack: BenchmarkPack, dimension_ids: Sequence[str]) -> dict[str, tuple[Segment, float]]:
    """Per dimension, the industry segment with the highest median (n >= MIN_N): where to
    look for examples to borrow, across industries."""
    best: dict[str, tuple[Segment, float]] = {}
    for seg in pack.segments:
        if not seg.industry:
            continue
        for dim_id in dimension_ids:
            d = seg.dimensions.get(dim_id)
            if d is None or not d.enough:
                continue
            if dim_id not in best or d.median > best[dim_id][1]:
                best[dim_id] = (seg, d.median)
    return best


def build_pack(
    entries: Sequence[tuple[str, str, str, Mapping[str, float | None], float | None]],
    *,
    pack_id: str,
    title: str,
    framework_id: str,
    source: str,
    created: dt.date,
    title_ru: str = "",
    provenance: Literal["measured", "illustrative"] = "measured",
) -> BenchmarkPack:
    """Anonymised distributions from assessments: entries are (industry, size, region,
    dimension scores, overall). Segments: all, then by industry, size and region. A segment
    is kept whatever its size (n is recorded) but `compare` shows nothing below MIN_N."""
    def seg(sid: str, label: str, rows: list, **kw: str) -> Segment:
        dims: dict[str, list[float]] = {}
        for _, _, _, scores, _ in rows:
            for d, s in scores.items():
                if s is not None:
                    dims.setdefault(d, []).append(s)
        ov = [r[4] for r in rows if r[4] is not None]
        return Segment(id=sid, label=label, **kw,
                       overall=distribution_from_scores(ov) if ov else None,
                       dimensions={d: distribution_from_scores(v) for d, v in dims.items()})

    rows = list(entries)
    if not rows:
        raise ValueError("no assessments to build a benchmark from")
    segments = [seg("all", "All", rows)]
    for idx, key in ((0, "industry"), (1, "size"), (2, "region")):
        for value in sorted({r[idx] for r in rows if r[idx]}):
            base = sid = f"{key}.{_slug(value)}"
            n = 2
            while any(s.id == sid for s in segments):  # e.g. two Cyrillic names slug alike
                sid, n = f"{base}-{n}", n + 1
            segments.append(seg(sid, f"{key.title()}: {value}", [r for r in rows if r[idx] == value],
                                **{key: value}))
    return BenchmarkPack(id=pack_id, title=title, title_ru=title_ru, framework=framework_id,
                         created=created, source=source, provenance=provenance,
                         segments=tuple(segments))


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "x"
