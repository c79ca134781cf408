"""The shipped framework is complete: both languages, five anchors, actions, unique ids,
the phase-1 'stop the bleeding' practices, the VoC pitfalls and B2B principles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from cemassess.content import framework_path, load_framework_file
from cemassess.domain.text import Text
from cemassess.exchange.strictjson import FileFormatError

TEN = ["process_design", "loyalty", "planning", "research", "messages", "content", "software",
       "service_culture", "awareness", "integration"]
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def walk_texts(obj, path="$"):
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from walk_texts(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, tuple | list):
        for i, x in enumerate(obj):
            yield from walk_texts(x, f"{path}[{i}]")


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
