"""Roadmap targets, priority formula, phase dominance, horizons and user edits."""

from __future__ import annotations

import datetime as dt

import pytest

from cemassess.domain.assessment import ActionEdit, Answer, Assessment, CustomAction
from cemassess.domain.results import evaluate
from cemassess.domain.roadmap import horizon_for


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


def test_target_next_level_and_override(tiny_fw):
    a = one(tiny_fw, alpha_one=2, alpha_two=2, alpha_three=2, beta_one=4, beta_two=4)
    res = evaluate(tiny_fw, a)
    assert res.roadmap.targets["alpha"] == 50  # next band up from 25
    assert res.roadmap.targets["beta"] == 100  # top band: target the top
    a.targets.overrides["alpha"] = 90
    assert evaluate(tiny_fw, a).roadmap.targets["alpha"] == 90


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
