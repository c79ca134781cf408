"""Invariants of scoring, gating and the roadmap, over random assessments (hypothesis).

They run on the tiny test framework and on the shipped CEM framework.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cemassess.content import load_framework, load_framework_file
from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.framework import PHASE_THRESHOLD, Framework, Role, level_to_score
from cemassess.domain.results import evaluate

DATA = Path(__file__).parent / "data"


FRAMEWORKS = {
    "tiny": lambda: load_framework_file(DATA / "tiny-framework.json"),
    "cem-b2b": lambda: load_framework(),
}
VALUES = st.sampled_from([1, 2, 3, 4, 5, "na", "dk", None])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(params=list(FRAMEWORKS))
def any_fw(request) -> Framework:
    return FRAMEWORKS[request.param]()


@st.composite
def assessments(draw, fw: Framework):
    a = Assessment(framework=fw.id)
    n = draw(st.integers(1, 4))
    pids = list(fw.practices)
    for _ in range(n):
        r = a.add_respondent(role=draw(st.sampled_from(list(Role))))
        for pid in pids:
            v = draw(VALUES)
            if v is not None:
                a.set_answer(r.id, pid, Answer(value=v))
    return a


def scores(res):
    return {d: s.score for d, s in res.dimensions.items()}


@SETTINGS
@given(data=st.data())
def test_every_score_within_0_100(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    for s in res.dimensions.values():
        assert s.score is None or 0 <= s.score <= 100
    assert res.overall.score is None or 0 <= res.overall.score <= 100
    for prof in res.roles.values():
        assert all(s.score is None or 0 <= s.score <= 100 for s in prof.dimensions.values())
    assert 0 <= res.phase.progress <= 1


@SETTINGS
@given(data=st.data())
def test_raising_one_answer_never_lowers_its_dimension_or_overall(any_fw, data):
    a = data.draw(assessments(any_fw))
    rid = data.draw(st.sampled_from([r.id for r in a.respondents]))
    pid = data.draw(st.sampled_from(list(any_fw.practices)))
    low = data.draw(st.integers(1, 4))
    high = data.draw(st.integers(low + 1, 5))
    a.set_answer(rid, pid, Answer(value=low))
    before = evaluate(any_fw, a)
    a.set_answer(rid, pid, Answer(value=high))
    after = evaluate(any_fw, a)
    dim = any_fw.dimension_of[pid].id
    assert after.dimensions[dim].score >= before.dimensions[dim].score - 1e-9
    assert after.overall.score >= before.overall.score - 1e-9


@SETTINGS
@given(data=st.data())
def test_not_applicable_leaves_other_arithmetic_intact(any_fw, data):
    a = data.draw(assessments(any_fw))
    pid = data.draw(st.sampled_from(list(any_fw.practices)))
    before = evaluate(any_fw, a)
    for r in a.respondents:
        a.set_answer(r.id, pid, Answer(value="na"))
    after = evaluate(any_fw, a)
    dim = any_fw.dimension_of[pid]
    for d, s in scores(after).items():
        if d != dim.id:
            assert s == before.dimensions[d].score
    # the practice's own dimension is the weighted mean of the remaining practices
    rest = [(p.weight, after.practices[p.id].level) for p in dim.practices
            if p.id != pid and after.practices[p.id].level is not None]
    expected = (sum(w * level_to_score(lv) for w, lv in rest) / sum(w for w, _ in rest)) if rest else None
    got = after.dimensions[dim.id].score
    assert got == pytest.approx(expected) if expected is not None else got is None


@SETTINGS
@given(data=st.data())
def test_gating_never_attains_over_an_open_lower_practice(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    for p in any_fw.practices.values():
        if p.phase <= res.phase.attained:
            r = res.practices[p.id]
            assert r.status == "na" or (r.level is not None and r.level >= PHASE_THRESHOLD), p.id


@SETTINGS
@given(data=st.data())
def test_roadmap_order_respects_phases(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    items = res.roadmap.items
    phase1_open = any(b.reason == "below" for b in res.phase.phases[0].blockers)
    if phase1_open:
        # an open phase-1 gap: every phase-1 action ranks above every phase-2/3 action
        ranks1 = [i.rank for i in items if i.phase == 1]
        ranks23 = [i.rank for i in items if i.phase > 1]
        assert ranks1, "an open phase-1 gap must produce phase-1 actions"
        assert not ranks23 or max(ranks1) < min(ranks23)
    # within one horizon, phases never go backwards
    for h, group in res.roadmap.by_horizon(include_excluded=True).items():
        ph = [i.phase for i in group]
        assert ph == sorted(ph), h
    assert all(i.why is not None and i.why.gap > 0 for i in items)
