"""Assessments answered on an older release of a framework keep every answer when a practice
moves to another dimension (framework cem-b2b 1.0 -> 1.1: awareness.public_voice became
research.public_voice). The 1.0 file is the demo as cemassess wrote it before the move."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from cemassess.domain.assessment import Answer, Assessment
from cemassess.domain.results import evaluate
from cemassess.exchange import assessment_file as af
from cemassess.exchange import participant as px
from cemassess.store.recovery import replay
from cemassess.store.snapshot import decode_snapshot, encode_snapshot

OLD_FILE = Path(__file__).parent / "data" / "assessment-cem-b2b-1.0.json"
OLD, NEW = "awareness.public_voice", "research.public_voice"


def old_data() -> dict:
    return json.loads(OLD_FILE.read_text(encoding="utf-8"))


def test_the_real_1_0_file_migrates_on_load_and_keeps_every_answer(fw):
    raw = old_data()
    assert raw["framework_version"] == "1.0" and all(OLD in per for per in raw["answers"].values())
    a = af.read_assessment(OLD_FILE)
    assert a.framework_version == fw.version
    for rid, per in raw["answers"].items():
        got = a.answers[rid]
        assert OLD not in got and len(got) == len(per)
        assert got[NEW].model_dump(mode="json") == per[OLD]  # value, comment and review flag
        assert set(got) <= set(fw.practices), sorted(set(got) - set(fw.practices))
    assert any(a.answers[rid][NEW].comment for rid in a.answers)  # a comment travelled too
    # every answer the old file gave counts in the new framework
    assert fw.dimension_of[NEW].id == "research"
    res = evaluate(fw, a)
    public = next(c for c in res.checks if c.check.id == "voc.public_voice")
    assert NEW in public.evidence  # the moved answers are scored, not dropped


def test_agreed_answers_and_overrides_move_too_and_the_new_id_wins():
    raw = old_data()
    raw["agreed"] = {OLD: {"value": 4, "dissent": "sales disagrees"}}
    raw["targets"]["overrides"] = {OLD: 70}
    rid = raw["respondents"][0]["id"]
    raw["answers"][rid][NEW] = {"value": 5, "comment": "newer", "review": False}
    a = af.from_data(raw)
    assert OLD not in a.agreed and a.agreed[NEW].value == 4 and a.agreed[NEW].dissent == "sales disagrees"
    assert a.targets.overrides == {NEW: 70}
    assert a.answers[rid][NEW].comment == "newer"


def test_a_file_without_framework_version_gets_the_renames_but_no_invented_version():
    raw = old_data()
    raw["framework_version"] = ""
    a = af.from_data(raw)
    assert a.framework_version == ""
    assert all(NEW in per and OLD not in per for per in a.answers.values())


def test_current_files_and_other_frameworks_are_left_alone(fw):
    raw = old_data()
    current = af.from_data(raw)
    assert af.from_data(current.model_dump(mode="json")) == current
    other = copy.deepcopy(raw)
    other["framework"] = "tiny"
    kept = af.from_data(other)
    assert kept.framework_version == "1.0" and all(OLD in per for per in kept.answers.values())


def test_a_1_0_snapshot_in_the_store_migrates_when_read(tmp_path):
    raw = old_data()
    loaded = decode_snapshot(encode_snapshot(raw, raw["id"], 3), tmp_path / "s.json", raw["id"])
    assert loaded.assessment.framework_version == "1.1"
    assert all(NEW in per for per in loaded.assessment.answers.values())


def test_a_journal_written_before_the_move_replays_onto_the_new_id():
    a = af.from_data(old_data())
    rid = a.respondents[0].id
    entry = {"seq": 9, "op": "answer", "r": rid, "p": OLD,
             "a": {"value": 1, "comment": "after the crash", "review": True}}
    got, n_answers, _, bad = replay(a, [entry])
    assert (n_answers, bad) == (1, 0)
    assert OLD not in got.answers[rid] and got.answers[rid][NEW].comment == "after the crash"


def test_a_participant_answer_file_from_the_old_release_is_accepted(fw):
    a = Assessment(framework=fw.id, framework_version="1.0")
    r = a.add_respondent("Olena")
    a.set_answer(r.id, OLD, Answer(value=3, comment="public reviews"))
    a.set_answer(r.id, "research.churn_reasons", Answer(value=2))
    data = px.dumps(px.answer_file_from(a, r.id))
    got = px.read_answer_file(data, "olena.json", fw)
    assert got.answers[NEW].comment == "public reviews" and OLD not in got.answers


def test_renames_compose_over_several_releases(monkeypatch):
    monkeypatch.setitem(af.PRACTICE_MOVES, ("cem-b2b", "1.1"), ("1.2", {NEW: "voice.public"}))
    assert af.practice_renames("cem-b2b") == {OLD: "voice.public", NEW: "voice.public"}
    a = af.from_data(old_data())
    assert a.framework_version == "1.2"
    assert all("voice.public" in per and NEW not in per for per in a.answers.values())
