"""Scores, phases, consensus and gaps, on the tiny test framework with hand-computed figures."""

from __future__ import annotations

import pytest

from cemassess.domain.assessment import Agreed, Answer, Assessment
from cemassess.domain.framework import Role
from cemassess.domain.results import evaluate
from cemassess.domain.scoring import consensus, disagreements


def make(tiny_fw, answers: dict[str, dict[str, object]], roles: dict[str, Role] | None = None) -> Assessment:
    a = Assessment(framework=tiny_fw.id)
    for rid, per in answers.items():
        r = a.add_respondent(rid, (roles or {}).get(rid, Role.OTHER))
        for pid, v in per.items():
            a.set_answer(r.id, pid, Answer(value=v))
    return a


def test_dimension_scores_weights_na_and_dk(tiny_fw):
    a = make(tiny_fw, {"x": {"alpha.one": 5, "alpha.two": 3, "alpha.three": "na",
                             "beta.one": 1, "beta.two": "dk"}})
    res = evaluate(tiny_fw, a)
    alpha, beta = res.dimensions["alpha"], res.dimensions["beta"]
    # alpha: (2 x 100 + 1 x 50) / 3; N/A left out and the weights renormalised
    assert alpha.score == pytest.approx(250 / 3)
    assert alpha.not_applicable == ("alpha.three",)
    assert [t.practice_id for t in alpha.terms] == ["alpha.one", "alpha.two"]
    assert sum(t.share for t in alpha.terms) == pytest.approx(1.0)
    # beta: don't know counts as level 1 (0 points) and is reported as a knowledge gap; with
    # 1 of its 2 practices known (it needs ceil(0.6 x 2) = 2) the dimension is not scored
    assert beta.score is None and beta.withheld and beta.value == 0
    assert beta.known == 1 and beta.min_known == 2
    assert [t.known for t in beta.terms] == [True, False]
    assert beta.dont_know == ("beta.two",)
    assert res.knowledge_gaps == ["beta.two"]
    # overall: 3 of 4 applicable practices known (>= 60%), dimension weights 1 and 3; the
    # withheld dimension still counts in the index (leaving it out would raise it)
    assert res.overall.coverage.known == 3 and res.overall.coverage.applicable == 4
    assert res.overall.score == pytest.approx((250 / 3 * 1 + 0 * 3) / 4)
    assert res.overall.band.name.en == "Low"
    assert alpha.band.name.en == "High"


def test_unanswered_dimension_has_no_score(tiny_fw):
    res = evaluate(tiny_fw, make(tiny_fw, {"x": {"alpha.one": 3}}))
    assert res.dimensions["beta"].score is None
    assert res.dimensions["alpha"].score is None  # 1 of 3 known, it needs 2
    assert res.overall.missing == ("alpha", "beta")
    # 1 of 5 applicable practices known: no headline, the reason and the coverage instead
    assert res.overall.score is None and res.overall.band is None
    assert res.overall.withheld == "coverage"
    assert (res.overall.coverage.known, res.overall.coverage.applicable) == (1, 5)
    assert res.completion.answered == 1 and res.completion.total == 5


def test_index_shown_from_60_percent_known(tiny_fw):
    a = make(tiny_fw, {"x": {"alpha.one": 3, "alpha.two": 3, "beta.one": 3}})
    res = evaluate(tiny_fw, a)
    assert res.overall.coverage.needed == 3 and res.overall.score is not None
    # alpha: 2 of 3 known (1 x 0 points for alpha.three); beta: 1 of 2 known -> withheld
    assert res.dimensions["alpha"].score == pytest.approx((2 * 50 + 1 * 50 + 0) / 4)
    assert res.dimensions["beta"].score is None
    a.set_answer("r1", "beta.one", Answer(value="dk"))
    assert evaluate(tiny_fw, a).overall.score is None


def test_too_many_not_applicable_withholds_the_index(tiny_fw):
    # 3 of 5 N/A (> 40%): the two answered practices do not describe the company
    res = evaluate(tiny_fw, make(tiny_fw, {"x": {"alpha.one": 5, "beta.one": 5, "alpha.two": "na",
                                                 "alpha.three": "na", "beta.two": "na"}}))
    assert res.overall.score is None and res.overall.withheld == "not_applicable"


def test_phase_gating_and_progress(tiny_fw):
    a = make(tiny_fw, {"x": {"alpha.one": 5, "beta.one": 1, "alpha.two": 5, "beta.two": 5}})
    ph = evaluate(tiny_fw, a).phase
    assert ph.attained == 0 and ph.current == 1
    assert [b.practice_id for b in ph.blocking] == ["beta.one"]
    assert ph.progress == pytest.approx((2 * 1 + 1 * 0) / 3)
    # phase 2's own practices are all at 5, but phase 1 is open: phase 2 is not attained
    assert ph.phases[1].met and ph.attained == 0

    a.set_answer("r1", "beta.one", Answer(value=4))
    ph = evaluate(tiny_fw, a).phase
    assert ph.attained == 2 and ph.current == 3
    assert [b.reason for b in ph.blocking] == ["unanswered"]  # alpha.three


def test_dont_know_and_na_without_reason_block(tiny_fw):
    a = make(tiny_fw, {"x": {"alpha.one": 4, "beta.one": "dk"}})
    assert evaluate(tiny_fw, a).phase.attained == 0
    # N/A on a phase-1 practice needs a reason (the answer's comment)
    a.set_answer("r1", "beta.one", Answer(value="na"))
    ph = evaluate(tiny_fw, a).phase
    assert ph.attained == 0 and [b.reason for b in ph.blocking] == ["na_no_reason", "na_share"]
    assert ph.progress == pytest.approx(2 / 3)  # alpha.one (weight 2) at 4, beta.one open
    # with a reason it is left out, but phase 1 then has 1 of its 2 practices applicable
    # (it needs 80%, i.e. 2): N/A still cannot open the gate
    a.set_answer("r1", "beta.one", Answer(value="na", comment="we sell no service contracts"))
    ph = evaluate(tiny_fw, a).phase
    assert ph.attained == 0 and [b.reason for b in ph.blocking] == ["na_share"]
    assert ph.phases[0].na_reasons == (("beta.one", "we sell no service contracts"),)


def test_consensus_median_spread_and_agreed():
    r = consensus("p", [("a", Answer(value=1)), ("b", Answer(value=4)), ("c", Answer(value=5)),
                        ("d", Answer(value="na", comment="n/a for us"))])
    assert r.level == 4 and r.spread == 4 and r.n_na == 1
    assert r.comments == (("d", "n/a for us"),)
    even = consensus("p", [("a", Answer(value=2)), ("b", Answer(value=3))])
    assert even.level == 2.5
    assert consensus("p", [("a", Answer(value="dk")), ("b", Answer(value="na"))]).status == "dk"
    assert consensus("p", []).status == "unanswered"
    agreed = consensus("p", [("a", Answer(value=1)), ("b", Answer(value=5))], agreed=(3, "sales disagrees"))
    assert agreed.level == 3 and agreed.agreed and agreed.dissent == "sales disagrees" and agreed.spread == 4


def test_agreed_answer_overrides_in_results(tiny_fw):
    a = make(tiny_fw, {"x": {"alpha.one": 1}, "y": {"alpha.one": 5}})
    a.agreed["alpha.one"] = Agreed(value=2, dissent="y thinks 5")
    res = evaluate(tiny_fw, a)
    assert res.practices["alpha.one"].level == 2
    assert [d.practice_id for d in disagreements(res.profile)] == ["alpha.one"]


def test_perception_gaps_by_role(tiny_fw):
    a = make(tiny_fw,
             {"boss": {"alpha.one": 5, "alpha.two": 5, "beta.one": 3},
              "rep": {"alpha.one": 2, "alpha.two": 4, "beta.one": 3}},
             roles={"boss": Role.MANAGEMENT, "rep": Role.SERVICE})
    res = evaluate(tiny_fw, a)
    assert [g.practice_id for g in res.practice_gaps] == ["alpha.one"]
    g = res.practice_gaps[0]
    assert g.high == Role.MANAGEMENT and g.low == Role.SERVICE and g.gap == 3
    # alpha (alpha.three unanswered counts 0 points): management (2x100 + 100 + 0)/4 = 75,
    # service (2x25 + 75 + 0)/4 = 31.25 -> 1.75 levels apart
    assert [d.dimension_id for d in res.dimension_gaps] == ["alpha"]
    assert res.dimension_gaps[0].gap == pytest.approx((75 - 31.25) / 25)
    assert set(res.roles) == {Role.MANAGEMENT, Role.SERVICE}


def test_checks_fire_on_low_evidence(tiny_fw):
    res = evaluate(tiny_fw, make(tiny_fw, {"x": {"alpha.one": 2, "beta.one": 3}}))
    assert res.checks[0].fired is True and res.checks[0].mean_level == 2.5
    res = evaluate(tiny_fw, make(tiny_fw, {"x": {"alpha.one": 3, "beta.one": 3}}))
    assert res.checks[0].fired is False
    assert evaluate(tiny_fw, make(tiny_fw, {"x": {}})).checks[0].fired is None
