"""The shipped framework is complete: both languages, five anchors, actions, unique ids,
the phase-1 'stop the bleeding' practices, the VoC pitfalls and B2B principles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cemassess.content import framework_path, load_framework_file
from cemassess.domain.framework import _texts
from cemassess.domain.text import Text
from cemassess.exchange.strictjson import FileFormatError

TEN = ["process_design", "loyalty", "planning", "research", "messages", "content", "software",
       "service_culture", "awareness", "integration"]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def walk_texts(obj, path="$"):
    """Every Text of a framework with its path (the framework's own walker)."""
    return _texts(obj, path)


def test_ten_dimensions_in_order(fw):
    assert [d.id for d in fw.dimensions] == TEN
    for d in fw.dimensions:
        assert 4 <= len(d.practices) <= 6, d.id


def test_every_text_in_both_languages(fw):
    texts = list(walk_texts(fw))
    assert len(texts) > 500
    for path, t in texts:
        assert t.en.strip() and t.ru.strip(), path
        assert CYRILLIC.search(t.ru) or len(t.ru) <= 4 or t.ru == t.en, f"{path}: Russian text has no Cyrillic"
        assert not CYRILLIC.search(t.en), f"{path}: English text contains Cyrillic"
        assert "TODO" not in t.en + t.ru


def test_practices_have_five_anchors_and_actions(fw):
    for p in fw.practices.values():
        assert len(p.anchors) == 5, p.id
        assert len({a.en for a in p.anchors}) == 5, f"{p.id}: anchors must differ"
        assert p.actions, p.id
        assert any(a.phase == p.phase for a in p.actions), p.id


def test_phase_one_stops_the_bleeding_and_phase_three_innovates(fw):
    by_phase = {n: [p for p in fw.practices.values() if p.phase == n] for n in (1, 2, 3)}
    assert all(by_phase.values())
    phase1 = " ".join(p.statement.en.lower() + " " + p.id for p in by_phase[1])
    for needle in ("leave", "complain", "reach", "standard"):
        assert needle in phase1, f"phase 1 lacks a practice about {needle!r}"
    phase3 = " ".join(p.statement.en.lower() + " " + p.id for p in by_phase[3])
    assert "co-creat" in phase3 or "cocreat" in phase3 or "co_creat" in phase3


def test_voc_pitfalls_b2b_principles_and_metrics(fw):
    kinds = [c.kind for c in fw.checks]
    assert kinds.count("voc_pitfall") == 5 and kinds.count("b2b_principle") == 5
    assert {m.id for m in fw.metrics} == {"nps", "retention_rate", "churn_rate"}
    assert "outside" in json.dumps(fw.model_dump(mode="json")).lower()  # outside-in vs inside-out


def _bad(tmp_path: Path, mutate) -> Path:
    data = json.loads(framework_path("cem-b2b").read_text(encoding="utf-8"))
    mutate(data)
    p = tmp_path / "fw.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


@pytest.mark.parametrize(("case", "mutate", "message"), [
    ("missing base language", lambda d: d["dimensions"][0]["title"].pop("en"), "base language"),
    ("bad language code", lambda d: d["dimensions"][0]["title"].update({"EN!": "x"}), "title"),
    ("empty English", lambda d: d["dimensions"][1]["cem"].update(en=""), "en"),
    ("four anchors", lambda d: d["dimensions"][0]["practices"][0]["anchors"].pop(), "anchors"),
    ("no action", lambda d: d["dimensions"][0]["practices"][0].update(actions=[]), "actions"),
    ("duplicate id", lambda d: d["dimensions"][1]["practices"][0].update(
        id=d["dimensions"][0]["practices"][0]["id"]), "duplicate id"),
    ("unknown field", lambda d: d.update(colour="red"), "unknown field"),
    ("check names unknown practice", lambda d: d["checks"][0].update(practices=["nope.nope"]), "unknown practice"),
])
def test_broken_framework_files_fail_loudly(tmp_path, case, mutate, message):
    with pytest.raises(FileFormatError, match=message):
        load_framework_file(_bad(tmp_path, mutate))


def test_a_custom_framework_loads_and_scores_with_no_code_change(tiny_fw):
    from cemassess.domain.assessment import Answer, Assessment
    from cemassess.domain.results import evaluate

    a = Assessment(framework="tiny")
    r = a.add_respondent()
    for pid in tiny_fw.practices:
        a.set_answer(r.id, pid, Answer(value=4))
    res = evaluate(tiny_fw, a)
    assert res.overall.score == 75 and res.phase.attained == 3


# --- h11content: content corrections of framework 1.1 ---------------------------------
UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_ONLY = re.compile(r"[ыэъЫЭЪё]")


def test_losing_customers_and_the_cx_owner_are_phase_one(fw):
    assert fw.version != "1.0"
    assert fw.practices["loyalty.retention_metrics"].phase == 1
    owner = fw.practices["integration.cxo_role"]
    assert owner.phase == 1
    first = fw.actions["a.cx_owner"]
    assert first.phase == 1 and first.after == ()
    # a mid-size company names an owner first; the CXO position comes later and after it
    assert fw.actions["a.cxo_role"].phase > first.phase
    assert "a.cx_owner" in fw.actions["a.cxo_role"].after


def test_every_action_led_by_the_cx_owner_comes_after_naming_one(fw):
    led = [a for a in fw.actions.values() if a.owner.en == "Customer experience owner"]
    assert len(led) >= 5
    for a in led:
        assert "a.cx_owner" in a.after, a.id


def test_action_dependencies_point_backwards_and_never_loop(fw):
    acts = fw.actions
    for a in acts.values():
        for dep in a.after:
            assert acts[dep].phase <= a.phase, f"{a.id} waits for a later-phase action {dep}"

    def visit(aid: str, path: tuple[str, ...]) -> None:
        assert aid not in path, " -> ".join((*path, aid))
        for dep in acts[aid].after:
            visit(dep, (*path, aid))

    for aid in acts:
        visit(aid, ())
    assert sum(1 for a in acts.values() if a.after) >= 15  # dependencies are really filled in


def _conditions(anchor: str) -> list[str]:
    """The conditions a level-4 anchor asks a respondent to confirm at once: the clauses and
    list items separated by a semicolon, colon or comma (", and" counts once). Text in
    parentheses gives examples, not conditions. A respondent who meets three of four such
    conditions has no level to choose, which is the fault this guards against."""
    bare = re.sub(r"\([^)]*\)", "", anchor)
    return [p for p in re.split(r"[;,:]\s*(?:and\s+)?", bare) if p.strip()]


def test_conditions_heuristic_counts_bundles():
    assert len(_conditions("A, B and C; D is done, and E is tracked.")) == 4
    assert len(_conditions("Signals (volume, complaints, scores) are reviewed monthly; owners act.")) == 2


def test_no_level_four_anchor_bundles_four_or_more_conditions(fw):
    for p in fw.practices.values():
        n = len(_conditions(p.anchors[3].en))
        assert n <= 3, f"{p.id}: level 4 bundles {n} conditions: {p.anchors[3].en}"


def test_triggered_surveys_are_level_five_of_listening_basics(fw):
    anchors = fw.practices["research.listening_basics"].anchors
    assert "trigger" not in anchors[3].en.lower()
    assert "trigger" in anchors[4].en.lower()


def test_customers_judge_product_and_price_not_only_service(fw):
    for pid in ("research.listening_basics", "research.driver_analysis"):
        text = fw.practices[pid].statement.en.lower()
        assert "product" in text and "price" in text, pid


def test_service_culture_is_company_wide_not_mostly_the_complaints_desk(fw):
    dim = fw.dimensions_by_id["service_culture"]
    total = sum(p.weight for p in dim.practices)
    desk = sum(p.weight for p in dim.practices
               if p.id in ("service_culture.complaint_resolution", "service_culture.service_line"))
    assert desk / total < 1 / 3
    wide = " ".join(p.statement.en.lower() for p in dim.practices)
    for needle in ("website", "social", "accounting", "legal", "every department"):
        assert needle in wide, needle
    # channels working together: start in one channel, continue in another
    assert "continue in another" in fw.practices["service_culture.connected_channels"].statement.en


def test_health_score_replaces_the_churn_model(fw):
    a = fw.actions["a.predictive_signals"]
    assert "rule" in a.title.en.lower() and "few hundred" in a.description.en
    assert "churn-risk model" not in json.dumps(fw.model_dump(mode="json"))


def test_source_phrases_are_gone(fw):
    dumped = json.dumps(fw.model_dump(mode="json"), ensure_ascii=False)
    for phrase in ("отрезвляет взгляд", "как этого добиться", "собственного опыта клиентов других",
                   "Обновить формат взаимодействия"):
        assert phrase not in dumped, phrase


# Texts written or rewritten for framework 1.1 carry a Ukrainian version of their own.
REWRITTEN = [
    "phases[0].description", "phases[2].title", "phases[2].description",
    "dimensions[awareness].traditional", "dimensions[awareness].cem",
    "dimensions[integration].traditional", "dimensions[integration].cem",
    "checks[b2b.dna].description", "checks[b2b.personalise].description",
    "checks[b2b.every_touchpoint].description", "checks[b2b.feedback].description",
    "checks[b2b.simple_paths].finding",
]
REWRITTEN_PRACTICES = ["integration.cxo_role", "service_culture.connected_channels"]
REWRITTEN_ACTIONS = ["a.cx_owner", "a.cxo_role", "a.predictive_signals", "a.connected_channels"]


def _pick(fw, where: str) -> Text:
    head, attr = where.rsplit(".", 1)
    coll, key = head.split("[")
    key = key.rstrip("]")
    items = getattr(fw, coll)
    obj = items[int(key)] if key.isdigit() else next(x for x in items if x.id == key)
    return getattr(obj, attr)


def _is_ukrainian(t: Text) -> bool:
    """Present, Cyrillic, and free of letters Ukrainian does not use (ы, э, ъ, ё)."""
    return t.has("uk") and bool(CYRILLIC.search(t.get("uk"))) and not RUSSIAN_ONLY.search(t.get("uk"))


def test_rewritten_texts_carry_ukrainian(fw):
    texts = [(w, _pick(fw, w)) for w in REWRITTEN]
    for pid in REWRITTEN_PRACTICES:
        texts += [(f"{pid}{k}", t) for k, t in walk_texts(fw.practices[pid], "")]
    for aid in REWRITTEN_ACTIONS:
        texts += [(f"{aid}{k}", t) for k, t in walk_texts(fw.actions[aid], "")]
    assert len(texts) > 40
    for where, t in texts:
        assert _is_ukrainian(t), f"{where}: no Ukrainian text"
    # and it is Ukrainian, not Russian copied over: almost every text has і, ї, є or ґ
    assert sum(bool(UKRAINIAN.search(t.get("uk"))) for _, t in texts) >= 0.8 * len(texts)


def test_public_voice_is_listened_to_under_research(fw):
    research = fw.dimensions_by_id["research"]
    assert "research.public_voice" in {p.id for p in research.practices}
    elsewhere = [p.id for d in fw.dimensions if d.id != "research" for p in d.practices if "public" in p.id]
    assert not elsewhere
    check = next(c for c in fw.checks if c.id == "voc.public_voice")
    assert "research.public_voice" in check.practices
