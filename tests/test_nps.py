from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cemassess.domain.nps import PUBLISHED_B2B_NPS, nps_from_answers, nps_from_counts


def test_standard_definition():
    r = nps_from_answers([10, 9, 9, 8, 7, 6, 0, 10, 5, 3])
    assert (r.promoters, r.passives, r.detractors, r.n) == (4, 2, 4, 10)
    assert r.score == 0
    assert nps_from_answers([9, 10, 7]).score == pytest.approx(200 / 3)


@pytest.mark.parametrize("bad", [[11], [-1], [5.5], [True], ["9"]])
def test_rejects_out_of_range_answers(bad):
    with pytest.raises(ValueError):
        nps_from_answers(bad)


def test_rejects_bad_counts():
    with pytest.raises(ValueError):
        nps_from_counts([1] * 10)
    with pytest.raises(ValueError):
        nps_from_counts([0] * 11)
    with pytest.raises(ValueError):
        nps_from_counts([-1] + [1] * 10)


@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_bounds_and_counts_agree(answers):
    r = nps_from_answers(answers)
    assert -100 <= r.score <= 100
    counts = [answers.count(i) for i in range(11)]
    assert nps_from_counts(counts) == r


def test_published_figures_have_sources():
    assert {p.key for p in PUBLISHED_B2B_NPS} >= {"b2b_avg_2015", "b2b_best"}
    assert all("B2B International" in p.source for p in PUBLISHED_B2B_NPS)


def test_russian_and_ukrainian_plural_forms():
    """The catalogues' plural rules (Plural-Forms, used by ngettext): 1 раз, 2 раза, 5 раз."""
    from cemassess.i18n import translations

    for lang in ("ru", "uk"):
        forms = [translations(lang).plural(n) for n in (1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111)]
        assert forms == [0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 2], lang
