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
from cemassess.domain.framework import PHASE_THRESHOLD, Framework, Role, band_cap, level_to_score
from cemassess.domain.results import evaluate
from cemassess.domain.roadmap import HORIZONS, MIN_GAP

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
    assert after.dimensions[dim].value >= before.dimensions[dim].value - 1e-9
    assert after.overall.value >= before.overall.value - 1e-9
    assert (after.overall.score is None) == (before.overall.score is None)  # same coverage


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
    # the practice's own dimension is the weighted mean of the remaining applicable practices,
    # those without a level counting 0 points
    rest = [(p.weight, after.practices[p.id].level) for p in dim.practices
            if p.id != pid and after.practices[p.id].status != "na"]
    expected = (sum(w * (level_to_score(lv) if lv is not None else 0.0) for w, lv in rest)
                / sum(w for w, _ in rest)) if rest else None
    got = after.dimensions[dim.id].value
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
    phase1_open = any(b.reason == "below" and (b.level or 0) <= 3.5 for b in res.phase.phases[0].blockers)
    # a later-phase action that a phase-1 action depends on may come first (it must)
    needed = {dep for i in items for dep in any_fw.actions[i.id].after}
    if phase1_open:
        # an open phase-1 gap: every phase-1 action ranks above every phase-2/3 action
        ranks1 = [i.rank for i in items if i.phase == 1]
        ranks23 = [i.rank for i in items if i.phase > 1 and i.id not in needed]
        assert ranks1, "an open phase-1 gap must produce phase-1 actions"
        assert not ranks23 or max(ranks1) < min(ranks23)
    # within one horizon, phases never go backwards (dependencies apart)
    for h, group in res.roadmap.by_horizon(include_excluded=True).items():
        ph = [i.phase for i in group if i.id not in needed and not any_fw.actions[i.id].after]
        assert ph == sorted(ph), h
    assert all(i.why is not None and i.why.gap > 0 for i in items)


@SETTINGS
@given(data=st.data())
def test_more_dont_know_never_raises_the_headline(any_fw, data):
    a = data.draw(assessments(any_fw))
    pids = data.draw(st.lists(st.sampled_from(list(any_fw.practices)), min_size=1, max_size=10))
    before = evaluate(any_fw, a)
    for pid in pids:
        for r in a.respondents:
            if not (a.answer(r.id, pid) and a.answer(r.id, pid).value == "na"):
                a.set_answer(r.id, pid, Answer(value="dk"))
    after = evaluate(any_fw, a)
    assert after.overall.coverage.known <= before.overall.coverage.known
    if after.overall.score is not None:  # shown after: it was shown before, and is not higher
        assert before.overall.score is not None
        assert after.overall.score <= before.overall.score + 1e-9
        assert any_fw.bands.index(after.overall.band) <= any_fw.bands.index(before.overall.band)
    for d in any_fw.dimensions:
        b, c = before.dimensions[d.id], after.dimensions[d.id]
        assert c.value is None or c.value <= b.value + 1e-9
        assert c.score is None or (b.score is not None and c.score <= b.score + 1e-9)
    assert after.phase.attained <= before.phase.attained


@SETTINGS
@given(data=st.data(), reason=st.sampled_from(["", "we sell no service contracts"]))
def test_not_applicable_never_opens_a_gate(any_fw, data, reason):
    a = data.draw(assessments(any_fw))
    before = evaluate(any_fw, a)
    phase = data.draw(st.sampled_from([1, 2, 3]))
    own = [p.id for p in any_fw.practices.values() if p.phase == phase]
    share = data.draw(st.floats(0.21, 1.0))
    chosen = own[:max(1, round(share * len(own) + 0.5))]
    if len(chosen) <= 0.2 * len(own):
        chosen = own
    for pid in chosen:
        for r in a.respondents:
            a.set_answer(r.id, pid, Answer(value="na", comment=reason))
    after = evaluate(any_fw, a)
    # more than 20% of a phase N/A: the phase is not met, whatever the reasons
    assert not after.phase.phases[phase - 1].met
    assert after.phase.attained < phase
    assert after.phase.attained <= max(before.phase.attained, phase - 1)


@SETTINGS
@given(data=st.data())
def test_phase_1_not_applicable_without_a_reason_blocks(any_fw, data):
    a = data.draw(assessments(any_fw))
    pid = data.draw(st.sampled_from([p.id for p in any_fw.practices.values() if p.phase == 1]))
    for r in a.respondents:
        a.set_answer(r.id, pid, Answer(value="na"))
    res = evaluate(any_fw, a)
    assert res.phase.attained == 0
    assert any(b.practice_id == pid and b.reason == "na_no_reason" for b in res.phase.phases[0].blockers)


@SETTINGS
@given(data=st.data())
def test_band_never_exceeds_what_the_attained_phase_allows(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    ov = res.overall
    if ov.band is not None:
        assert any_fw.bands.index(ov.band) <= band_cap(res.phase.attained, len(any_fw.bands))
        if res.phase.attained < 3:
            assert ov.band != any_fw.bands[-1]
    assert ov.score is None or ov.coverage.known >= 0.6 * ov.coverage.applicable - 1e-9


@SETTINGS
@given(data=st.data(), now_max=st.integers(0, 12))
def test_now_never_exceeds_its_cap_and_no_action_before_its_dependency(any_fw, data, now_max):
    res = evaluate(any_fw, data.draw(assessments(any_fw)), now_max=now_max)
    items = res.roadmap.items
    assert len(res.roadmap.by_horizon()["now"]) <= now_max
    pos = {i.id: n for n, i in enumerate(items)}
    for it in items:
        for dep in any_fw.actions[it.id].after:
            if dep in pos:
                assert pos[dep] < pos[it.id], (dep, it.id)
                assert HORIZONS.index(items[pos[dep]].horizon) <= HORIZONS.index(it.horizon)
    assert all(i.why.gap >= MIN_GAP - 1e-9 for i in items)


@SETTINGS
@given(data=st.data())
def test_checks_fire_by_their_stated_rule(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    for c in res.checks:
        levels = [res.practices[p].level for p in c.check.practices if res.practices[p].level is not None]
        if not levels:
            assert c.status == "unknown"
        elif c.check.kind == "voc_pitfall":
            assert (c.status == "found") == any(lv <= 2 for lv in levels)
        elif c.status == "met":
            assert all(lv >= 4 for lv in levels) and len(levels) == len(
                [p for p in c.check.practices if res.practices[p].status != "na"])


@SETTINGS
@given(data=st.data())
def test_strongest_and_weakest_never_overlap(any_fw, data):
    res = evaluate(any_fw, data.draw(assessments(any_fw)))
    assert not set(res.strongest(3)) & set(res.weakest(5))
