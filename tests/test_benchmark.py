from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cemassess.domain.benchmark import (
    BenchmarkPack,
    Distribution,
    Segment,
    best_segments,
    compare,
    distribution_from_scores,
    quantile,
)


def test_quantiles_like_a_spreadsheet():
    assert quantile([10, 20, 30, 40], 50) == 25
    d = distribution_from_scores([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    assert d.q == (0, 10, 25, 50, 75, 90, 100) and d.n == 11


def test_percentile_rank_and_gaps():
    d = distribution_from_scores(list(range(0, 101, 10)))
    assert d.percentile_rank(50) == 50
    assert d.percentile_rank(-1) == 0 and d.percentile_rank(100.5) == 100
    assert d.percentile_rank(17.5) == pytest.approx(17.5)
    seg = Segment(id="s", label="S", dimensions={"x": d})
    c = compare({"x": 40.0}, seg)["x"]
    assert c.shown and c.gap_to_median == 10 and c.gap_to_top_quartile == 35 and c.p90 == 90


def test_no_figure_from_fewer_than_five():
    seg = Segment(id="s", label="S", dimensions={"x": distribution_from_scores([10, 20, 30, 40])})
    c = compare({"x": 40.0}, seg)["x"]
    assert not c.shown and c.median is None and c.n == 4


def test_best_segment_across_industries():
    mk = lambda lo: distribution_from_scores([lo + i for i in range(6)])  # noqa: E731
    pack = BenchmarkPack(id="p", title="P", framework="f", created="2026-01-01", source="tests",
                         provenance="illustrative", segments=(
                             Segment(id="all", label="All", dimensions={"x": mk(50)}),
                             Segment(id="a", label="A", industry="a", dimensions={"x": mk(10), "y": mk(70)}),
                             Segment(id="b", label="B", industry="b", dimensions={"x": mk(60), "y": mk(20)}),
                         ))
    best = best_segments(pack, ["x", "y"])
    assert best["x"][0].id == "b" and best["y"][0].id == "a"


def test_distribution_must_not_decrease():
    with pytest.raises(ValueError):
        Distribution(n=9, q=(0, 10, 5, 50, 75, 90, 100))


@given(st.lists(st.floats(0, 100), min_size=1, max_size=60), st.floats(0, 100), st.floats(0, 100))
def test_percentile_rank_is_monotone(scores, a, b):
    d = distribution_from_scores(scores)
    lo, hi = sorted((a, b))
    assert 0 <= d.percentile_rank(lo) <= d.percentile_rank(hi) <= 100
