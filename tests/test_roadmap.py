"""Roadmap targets, priority formula, phase dominance, horizons and user edits."""

from __future__ import annotations

import datetime as dt

import pytest

from cemassess.domain.assessment import ActionEdit, Answer, Assessment, CustomAction
from cemassess.domain.results import evaluate
from cemassess.domain.roadmap import horizon_for, order_after


def one(tiny_fw, **values) -> Assessment:
    a = Assessment(framework=tiny_fw.id)
    r = a.add_respondent("x")
    for pid, v in values.items():
        a.set_answer(r.id, pid.replace("_", "."), Answer(value=v))
    return a


def test_gaps_become_ranked_actions_phase_first(tiny_fw):
    a = one(tiny_fw, alpha_one=2, alpha_two=1, alpha_three=1, beta_one=3, beta_two=1)
    rm = evaluate(tiny_fw, a).roadmap
    phases = [i.phase for i in rm.items]
    assert phases == sorted(phases), "phase order must dominate"
    assert [i.id for i in rm.items[:2]] == ["a.alpha.one", "a.beta.one"]
    # alpha.one: gap 4-2=2, weight 2, effort S(1) -> 4; beta.one: gap 1, weight 1 -> 1
    assert rm.items[0].priority == pytest.approx(4.0)
    assert rm.items[1].priority == pytest.approx(1.0)
    w = rm.items[0].why
    assert w.level == 2 and w.target == 4 and w.blocks_phase
    assert [i.rank for i in rm.items] == list(range(1, len(rm.items) + 1))


def test_no_action_for_practice_at_target(tiny_fw):
    a = one(tiny_fw, alpha_one=5, alpha_two=5, alpha_three=5, beta_one=5, beta_two=5)
    assert evaluate(tiny_fw, a).roadmap.items == []


def test_targets_follow_the_phase_logic_and_override(tiny_fw):
    a = one(tiny_fw, alpha_one=2, alpha_two=2, alpha_three=2, beta_one=4, beta_two=4)
    res = evaluate(tiny_fw, a)
    # every practice below 4 targets 4 (what phase attainment needs): alpha reaches 75
    assert res.roadmap.targets["alpha"] == 75
    assert {i.why.target for i in res.roadmap.items} == {4.0}
    # beta is at 4 and not every phase is attained: no action, its target is today's score
    assert res.roadmap.targets["beta"] == 75
    assert not [i for i in res.roadmap.items if i.dimension_id == "beta"]
    a.targets.overrides["alpha"] = 90
    res = evaluate(tiny_fw, a)
    assert res.roadmap.targets["alpha"] == 90
    assert [i.why.target for i in res.roadmap.items] == [pytest.approx(4.6)] * 3


def test_all_phases_attained_targets_level_5(tiny_fw):
    a = one(tiny_fw, alpha_one=4, alpha_two=4, alpha_three=4, beta_one=5, beta_two=4)
    res = evaluate(tiny_fw, a)
    assert res.phase.attained == 3
    assert {i.why.target for i in res.roadmap.items} == {5.0}
    assert "a.beta.one" not in [i.id for i in res.roadmap.items]


def test_gaps_under_half_a_level_create_no_action(tiny_fw):
    def room(*alpha_one: int) -> Assessment:
        a = Assessment(framework=tiny_fw.id)
        for v in alpha_one:
            r = a.add_respondent()
            for pid in tiny_fw.practices:
                a.set_answer(r.id, pid, Answer(value=4))
            a.set_answer(r.id, "alpha.one", Answer(value=v))
        return a

    res = evaluate(tiny_fw, room(4, 4, 3), method="mean")  # 3.67: a gap of 0.33
    assert res.practices["alpha.one"].level == pytest.approx(11 / 3)
    assert res.roadmap.items == []
    res = evaluate(tiny_fw, room(3, 4))  # 3.5: a gap of exactly half a level counts
    assert [i.id for i in res.roadmap.items] == ["a.alpha.one"]


def test_now_is_capped_and_the_rest_moves_to_next(tiny_fw):
    a = one(tiny_fw, alpha_one=1, alpha_two=1, alpha_three=1, beta_one=1, beta_two=1)
    res = evaluate(tiny_fw, a, now_max=1)
    now = res.roadmap.by_horizon()["now"]
    assert [i.id for i in now] == ["a.alpha.one"]
    moved = next(i for i in res.roadmap.items if i.id == "a.beta.one")
    assert moved.horizon == "next" and moved.why.moved_to_next
    assert len(res.roadmap.items) == 5  # the full list stays


@pytest.mark.parametrize(("phase", "current", "effort", "expected"), [
    (1, 1, "S", "now"), (1, 1, "L", "next"), (2, 1, "M", "next"), (2, 1, "L", "later"),
    (3, 1, "S", "later"), (2, 2, "S", "now"), (1, 3, "M", "now"),
])
def test_horizons(phase, current, effort, expected):
    assert horizon_for(phase, current, effort) == expected


def test_user_edits_custom_actions_and_order(tiny_fw):
    a = one(tiny_fw, alpha_one=2, alpha_two=1, alpha_three=1, beta_one=3, beta_two=1)
    a.roadmap.edits["a.beta.one"] = ActionEdit(owner="COO", due=dt.date(2027, 3, 1), kpi="Churn")
    a.roadmap.edits["a.alpha.two"] = ActionEdit(included=False)
    a.roadmap.custom.append(CustomAction(id="c.1", title="Call top 10 clients", dimension="beta",
                                         horizon="now"))
    a.roadmap.order = ["c.1", "a.beta.one"]
    rm = evaluate(tiny_fw, a).roadmap
    ids = [i.id for i in rm.items]
    assert ids[:3] == ["c.1", "a.beta.one", "a.alpha.one"]
    beta = next(i for i in rm.items if i.id == "a.beta.one")
    assert beta.owner == "COO" and beta.edited and beta.due == dt.date(2027, 3, 1)
    assert "a.alpha.two" not in [i.id for i in rm.included]
    assert next(i for i in rm.items if i.id == "c.1").custom


def test_an_action_never_comes_before_one_it_depends_on(tiny_fw):
    # a.alpha.one (phase 1, highest priority) is made to depend on a.beta.one
    from cemassess.domain.framework import Framework

    raw = tiny_fw.model_dump(mode="json")
    for d in raw["dimensions"]:
        for p in d["practices"]:
            for act in p["actions"]:
                if act["id"] == "a.alpha.one":
                    act["after"] = ["a.beta.one"]
    fw = Framework.model_validate(raw)
    a = one(fw, alpha_one=2, alpha_two=1, alpha_three=1, beta_one=3, beta_two=1)
    rm = evaluate(fw, a).roadmap
    ids = [i.id for i in rm.items]
    assert ids.index("a.beta.one") < ids.index("a.alpha.one")
    dep = rm.items[ids.index("a.alpha.one")]
    assert dep.why.after == ("a.beta.one",)
    # the user moving the dependency later takes the dependent with it
    a.roadmap.edits["a.beta.one"] = ActionEdit(horizon="later")
    rm = evaluate(fw, a).roadmap
    by = {i.id: i for i in rm.items}
    assert by["a.alpha.one"].horizon == "later"
    ids = [i.id for i in rm.items]
    assert ids.index("a.beta.one") < ids.index("a.alpha.one")
    assert order_after(fw, []) == []


def test_user_placed_now_actions_take_their_share_of_the_cap(tiny_fw):
    a = one(tiny_fw, alpha_one=1, alpha_two=1, alpha_three=1, beta_one=1, beta_two=1)
    a.roadmap.custom.append(CustomAction(id="c.1", title="Call top 10 clients", dimension="beta",
                                         horizon="now"))
    rm = evaluate(tiny_fw, a, now_max=2).roadmap
    now = [i.id for i in rm.by_horizon()["now"]]
    assert sorted(now) == ["a.alpha.one", "c.1"]  # one generated action, the user's own one


def test_a_measured_benchmark_informs_but_never_sets_the_priority(tiny_fw):
    import datetime as dt

    from cemassess.domain.benchmark import build_pack

    a = one(tiny_fw, alpha_one=2, alpha_two=1, alpha_three=1, beta_one=3, beta_two=1)
    rows = [("x", "", "", {"alpha": 90.0, "beta": 90.0}, 90.0)] * 6
    for provenance in ("measured", "illustrative"):
        pack = build_pack(rows, pack_id="p", title="P", framework_id=tiny_fw.id, source="test",
                          created=dt.date(2026, 1, 1), provenance=provenance)
        with_pack = evaluate(tiny_fw, a, benchmarks=pack).roadmap
        without = evaluate(tiny_fw, a).roadmap
        assert [(i.id, i.priority, i.horizon) for i in with_pack.items] == \
               [(i.id, i.priority, i.horizon) for i in without.items]
        gaps = {i.why.benchmark_gap for i in with_pack.items}
        assert (gaps != {0.0}) == (provenance == "measured")


def test_what_a_horizon_works_on(tiny_fw):
    """Roadmap.effect: the practices behind a horizon's included actions, their gap in levels
    and the phase blockers among them, beside the whole roadmap's; exclusions, moves and own
    actions change it."""
    a = one(tiny_fw, alpha_one=2, alpha_two=1, alpha_three=1, beta_one=3, beta_two=1)
    rm = evaluate(tiny_fw, a).roadmap
    by = {i.id: i for i in rm.items}
    now = rm.effect("now")
    # phase 1 is current: alpha.one (level 2 -> 4) and beta.one (3 -> 4) are Now
    assert set(now.practices) == {"alpha.one", "beta.one"} and now.actions == 2
    assert now.gap == pytest.approx(by["a.alpha.one"].why.gap + by["a.beta.one"].why.gap) == pytest.approx(3.0)
    assert now.total_gap == pytest.approx(sum(i.why.gap for i in rm.items))
    assert 0 < now.share < 1 and now.share == pytest.approx(now.gap / now.total_gap)
    blocking = {i.practice_id for i in rm.items if i.why.blocks_phase}
    assert now.blockers == len(blocking & {"alpha.one", "beta.one"}) and now.total_blockers == len(blocking)
    later_gap = rm.effect("next").gap + rm.effect("later").gap
    assert now.gap + later_gap == pytest.approx(now.total_gap)  # each practice counted once
    # excluding one: it leaves Now and the roadmap's gap, the blockers it holds stay counted
    a.roadmap.edits["a.beta.one"] = ActionEdit(included=False)
    rm2 = evaluate(tiny_fw, a).roadmap
    now2 = rm2.effect("now")
    assert now2.practices == ("alpha.one",) and now2.gap == pytest.approx(2.0)
    assert now2.total_gap == pytest.approx(now.total_gap - 1.0)
    assert now2.total_blockers == now.total_blockers
    # moved to Later by the user; an own action in Now has no gap of its own
    a.roadmap.edits["a.beta.one"] = ActionEdit(horizon="later")
    a.roadmap.custom.append(CustomAction(id="c.1", title="Call top 10 clients", dimension="beta", horizon="now"))
    rm3 = evaluate(tiny_fw, a).roadmap
    assert rm3.effect("now").practices == ("alpha.one",) and rm3.effect("now").actions == 2
    assert "beta.one" in rm3.effect("later").practices
    # the blockers of one phase only (the current one, on the screen)
    res = evaluate(tiny_fw, a)
    one_phase = res.roadmap.effect("now", res.phase.current)
    held = {i.practice_id for i in res.roadmap.items
            if i.why is not None and i.why.blocks_phase and i.why.practice_phase == res.phase.current}
    assert one_phase.total_blockers == len(held) and one_phase.phase == res.phase.current
    assert one_phase.blockers == len(held & set(one_phase.practices))
    empty = evaluate(tiny_fw, one(tiny_fw, alpha_one=5, alpha_two=5, alpha_three=5, beta_one=5, beta_two=5)).roadmap
    assert empty.effect("now").share == 0.0 and empty.effect("now").practices == ()
