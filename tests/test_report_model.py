"""The report model (what the executive pages say) and the PDF's executive pages."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf

from cemassess.domain.assessment import Assessment, CustomAction
from cemassess.domain.results import evaluate
from cemassess.report.model import TOP_ACTIONS, add_months, build_model, default_due
from cemassess.report.pdf import build_report
from cemassess.report.theme import Branding


def _demo(lang="en", status="draft"):
    from cemassess.cli import results_for
    from cemassess.demo import make_demo

    a = make_demo(lang)
    a.status = status
    a.roadmap.custom.append(CustomAction(id="c.mine", title="Board walk of the complaint log",
                                         dimension=a_dim(), owner="COO"))
    return results_for(a)


def a_dim():
    from cemassess.content import load_framework

    return load_framework().dimensions[0].id


def _text(data: bytes) -> str:
    r = pypdf.PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in r.pages))


def test_model_headline_phase_points_and_top_roadmap():
    res = _demo("en", "complete")
    m = build_model(res, "en")
    assert m.headline.score is not None and f"{m.headline.score:.1f}" in m.headline.sentence
    # framework 1.1 has 51 practices (was 50): the count comes from the rules' coverage, not a constant
    cov = res.overall.coverage
    assert cov is not None and cov.known == cov.applicable == 51
    assert f"{cov.known} of {cov.applicable}" in m.headline.coverage
    assert len(m.strengths) == 3 and len(m.gaps) == 3
    assert {p.dimension_id for p in m.gaps} == set(res.weakest(3))
    # the phase in words: never "1 / 3" next to "none attained"
    assert m.phase.attained == 0 and "no phase attained" in m.phase.label and "Working on phase 1 of 3" in m.phase.label
    assert 0 < len(m.roadmap) <= TOP_ACTIONS
    assert m.roadmap_more == len(res.roadmap.included) - len(m.roadmap)
    assert [r.horizon_id for r in m.roadmap] == sorted((r.horizon_id for r in m.roadmap),
                                                       key=["now", "next", "later"].index)
    for r in m.roadmap:
        assert r.due_default and r.due == default_due(res.assessment.date, r.horizon_id)
        assert "→" not in r.why and "÷" not in r.why  # plain sentences, the formula is in the appendix
    own = next(r for r in m.roadmap_all if r.title == "Board walk of the complaint log")
    assert own.tag == "added by the consultant" and "Added by the user" not in own.why
    assert m.status.startswith("Complete")


def test_due_dates_from_the_horizon():
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert default_due(dt.date(2026, 1, 15), "next") == dt.date(2026, 10, 15)
    assert default_due(dt.date(2026, 1, 15), "later") == dt.date(2027, 7, 15)


def test_withheld_index_is_said_in_words(tiny_fw):
    res = evaluate(tiny_fw, Assessment(framework=tiny_fw.id))
    m = build_model(res, "ru")
    assert m.headline.score is None and m.headline.withheld and "не показан" in m.headline.sentence
    text = _text(build_report(res, "ru", invariant=True))
    assert "не показан" in text


def test_draft_is_watermarked_and_never_complete():
    draft = _text(build_report(_demo("en", "draft"), "en", invariant=True))
    assert "Complete: every practice answered" not in draft
    assert draft.count("DRAFT") >= 10  # the watermark on every page, and the status line
    final = _text(build_report(_demo("en", "complete"), "en", invariant=True))
    assert "Complete: every practice answered" in final and "DRAFT" not in final


def test_one_firm_on_the_cover():
    res = _demo("en", "complete")
    a = res.assessment
    assert a.assessor
    text = _text(build_report(res, "en", Branding(consultant="Jane Roe, Roe Advisory"), invariant=True))
    assert "Jane Roe, Roe Advisory" in text and a.assessor not in text
    plain = _text(build_report(res, "en", invariant=True))
    assert a.assessor in plain  # without a consultant line the assessor stands


def test_consultants_action_reads_as_such():
    text = _text(build_report(_demo("en", "complete"), "en", invariant=True))
    assert "Added by the user" not in text  # the old tag + formula line for a consultant's action
    assert "added by the consultant" in text and "Added by the consultant" in text


def test_anonymise_codes_names_and_merges_small_roles():
    from cemassess.domain.framework import Role
    from cemassess.report.anonymity import anonymise
    from cemassess.report.sample import crowd

    res = _demo("en", "complete")
    big = evaluate(res.framework, crowd(res.assessment, 9))
    counts = {}
    for r in big.assessment.respondents:
        counts[r.role] = counts.get(r.role, 0) + 1
    assert min(counts.values()) < 2 or len(counts) < len(Role)  # the sample has a small role to merge
    anon = anonymise(big)
    assert [r.name for r in anon.assessment.respondents] == [f"R{n}" for n in range(1, 10)]
    assert big.assessment.respondents[0].name != "R1"  # the original is untouched
    shown = [r for r in anon.roles if r != Role.OTHER]
    assert all(counts[r] >= 2 for r in shown)
    small = sum(n for r, n in counts.items() if n < 2 or r == Role.OTHER)
    assert (Role.OTHER in anon.roles) == (small >= 2)
    assert anon.overall.score == big.overall.score  # the figures do not change
