"""Answer files, batch import, room profile, trends and benchmark building (issue 7 core)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.domain.benchmark import MIN_N, build_pack, compare
from cemassess.domain.framework import Role
from cemassess.domain.results import evaluate
from cemassess.domain.room import room_profile
from cemassess.domain.trend import chain, trend
from cemassess.exchange import participant as px


def answered(tiny_fw, level: int, name="P", role=Role.SALES, company="Co") -> Assessment:
    a = Assessment(framework=tiny_fw.id, company=Company(name=company, industry="it"))
    r = a.add_respondent(name, role)
    for pid in tiny_fw.practices:
        a.set_answer(r.id, pid, Answer(value=level))
    return a


def answer_bytes(tiny_fw, level, **kw) -> bytes:
    a = answered(tiny_fw, level, **kw)
    return px.dumps(px.answer_file_from(a, "r1"))


def test_batch_import_accepts_good_refuses_bad_and_duplicates(tmp_path, tiny_fw):
    good = [answer_bytes(tiny_fw, lv, name=f"P{lv}") for lv in (2, 3, 4)]
    for i, b in enumerate(good):
        (tmp_path / f"good{i}.json").write_bytes(b)
    (tmp_path / "zz-copy.json").write_bytes(good[0])
    (tmp_path / "garbage.json").write_bytes(b"\x00garbage")
    (tmp_path / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (tmp_path / "huge.json").write_bytes(b" " * (px.MAX_ANSWER_FILE + 1))
    bad_value = json.loads(good[1])
    bad_value["answers"]["alpha.one"]["value"] = 9
    (tmp_path / "range.json").write_text(json.dumps(bad_value))
    wrong_version = json.loads(good[1]) | {"format_version": 7}
    (tmp_path / "version.json").write_text(json.dumps(wrong_version))
    unknown = json.loads(good[1])
    unknown["answers"]["zzz.unknown"] = {"value": 3, "comment": "", "review": False}
    unknown["id"] = "other1"
    (tmp_path / "unknown.json").write_text(json.dumps(unknown))
    with zipfile.ZipFile(tmp_path / "zip.json", "w") as z:
        z.writestr("x.txt", "hello")
    (tmp_path / "image.json").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)

    batch = px.read_batch([tmp_path], tiny_fw)
    assert sorted(n for n, _ in batch.accepted) == ["good0.json", "good1.json", "good2.json"]
    reasons = {r.name: r.reason for r in batch.refused}
    assert set(reasons) == {"zz-copy.json", "garbage.json", "deep.json", "huge.json", "range.json",
                            "version.json", "unknown.json", "zip.json", "image.json"}
    assert "same file" in reasons["zz-copy.json"]
    assert "nested too deeply" in reasons["deep.json"]
    assert "ZIP" in reasons["zip.json"] and "image" in reasons["image.json"]
    assert "unknown practice" in reasons["unknown.json"]
    assert all(r.startswith(n) and "\n" not in r for n, r in reasons.items())

    a = Assessment(framework=tiny_fw.id)
    assert px.merge_into(a, batch) == []
    assert len(a.respondents) == 3
    # importing the same files again: recognised as already imported, nothing changes
    again = px.read_batch([tmp_path], tiny_fw, already={af.id for _, af in batch.accepted})
    assert not again.accepted
    before = a.model_dump()
    px.merge_into(a, again)
    assert a.model_dump() == before


def test_answer_file_for_another_assessment_is_refused(tiny_fw, tmp_path):
    af = px.answer_file_from(answered(tiny_fw, 3), "r1")
    af.assessment = "someoneelse"
    (tmp_path / "x.json").write_bytes(px.dumps(af))
    batch = px.read_batch([tmp_path / "x.json"], tiny_fw)
    target = Assessment(framework=tiny_fw.id)
    refused = px.merge_into(target, batch)
    assert refused and "another assessment" in refused[0].reason and target.respondents == []


def test_questionnaire_is_not_an_answer_file(tiny_fw):
    q = px.Questionnaire(framework=tiny_fw.id, role=Role.SERVICE)
    with pytest.raises(Exception, match="questionnaire"):
        px.read_answer_file(px.dumps(q), "q.json", tiny_fw)


def test_room_profile_is_anonymous_and_floored(tiny_fw):
    results = [evaluate(tiny_fw, answered(tiny_fw, lv, company=f"Secret {lv}")) for lv in (1, 2, 3, 4, 5)]
    room = room_profile(tiny_fw, results)
    assert room.shown and room.n == 5
    assert room.dimensions["alpha"].median == 50
    assert room.phase_mix == {0: 3, 3: 2}
    assert room.positions[4].dimensions["alpha"] == (100.0, 100.0)
    assert "Secret" not in repr(room)
    small = room_profile(tiny_fw, results[:MIN_N - 1])
    assert not small.shown and small.dimensions == {} and small.phase_mix == {}
    assert all(p.dimensions["alpha"][1] is None for p in small.positions)


def test_trend_and_change_table(tiny_fw):
    first = answered(tiny_fw, 2)
    first.date = dt.date(2025, 1, 10)
    second = answered(tiny_fw, 4)
    second.date = dt.date(2026, 1, 10)
    second.previous = first.id
    order = chain(second, {first.id: first, second.id: second})
    assert [a.id for a in order] == [first.id, second.id]
    t = trend([evaluate(tiny_fw, a) for a in order])
    assert t.series["alpha"] == [25.0, 75.0]
    assert t.moved("alpha") == "up" and t.changes[0].delta == 50
    first.previous = second.id  # a cycle must not loop forever
    assert len(chain(second, {first.id: first, second.id: second})) == 2


def test_benchmark_pack_from_assessments(tiny_fw):
    rows = []
    for i in range(7):
        r = evaluate(tiny_fw, answered(tiny_fw, 1 + i % 5))
        rows.append(("Manufacturing" if i < 5 else "IT", "medium", "", {d: s.score for d, s in r.dimensions.items()},
                     r.overall.score))
    pack = build_pack(rows, pack_id="mine", title="Mine", framework_id="tiny", source="my portfolio",
                      created=dt.date(2026, 1, 1))
    ids = [s.id for s in pack.segments]
    assert ids == ["all", "industry.it", "industry.manufacturing", "size.medium"]
    it = pack.segment("industry.it")
    assert it.dimensions["alpha"].n == 2
    assert not compare({"alpha": 50.0}, it)["alpha"].shown  # below the floor
    assert compare({"alpha": 50.0}, pack.segment("all"))["alpha"].shown


def test_event_room_from_files_with_consent(tmp_path, tiny_fw):
    from cemassess.workshop import load_room, room_benchmark

    for i, lv in enumerate((1, 2, 3, 4, 5, 3)):
        a = answered(tiny_fw, lv, company=f"Firm {i}")
        (tmp_path / f"p{i}.json").write_bytes(px.dumps(px.answer_file_from(a, "r1", consent=i < 5)))
    (tmp_path / "broken.json").write_text("{")
    room = load_room([tmp_path], tiny_fw)
    assert len(room.results) == 6 and [r.name for r in room.refused] == ["broken.json"]
    assert room.profile.shown and room.profile.n == 6
    pack = room_benchmark(room, event="B2B club, October", created=dt.date(2026, 10, 29))
    assert pack.provenance == "measured" and pack.segment("all").dimensions["alpha"].n == 5
    assert "Firm" not in pack.model_dump_json()  # anonymised: no company names


def test_workshop_cli_questionnaire_and_answers_into_portfolio(tmp_path, capsys):
    from cemassess.cli import main
    from cemassess.demo import make_demo
    from cemassess.store import Portfolio

    data = tmp_path / "data"
    client = make_demo()
    client.answers = {}
    client.respondents = []
    with Portfolio.open(data) as p:
        p.create(client)
    assert main(["--data-dir", str(data), "questionnaire", client.id, "-o", str(tmp_path / "q.json"),
                 "--role", "sales"]) == 0
    q = px.Questionnaire.model_validate_json((tmp_path / "q.json").read_bytes())
    assert q.assessment == client.id and q.role == Role.SALES and q.company.name == client.company.name
    # two participants answer; one file is broken; one is sent twice
    demo = make_demo()
    folder = tmp_path / "answers"
    folder.mkdir()
    for i, r in enumerate(demo.respondents[:2]):
        af = px.answer_file_from(demo, r.id, q)
        (folder / f"a{i}.json").write_bytes(px.dumps(af))
    (folder / "a9.json").write_bytes((folder / "a0.json").read_bytes())
    (folder / "broken.json").write_text("[]")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "answers", client.id, str(folder)]) == 2
    out = capsys.readouterr().out
    assert "imported: 2" in out and "refused: a9.json" in out and "refused: broken.json" in out
    with Portfolio.open(data, read_only=True) as p:
        got = p.get(client.id)
    assert len(got.respondents) == 2 and len(got.answers[got.respondents[0].id]) == len(demo.answers[demo.respondents[0].id])
    # the same files again: already imported, nothing changes
    assert main(["--data-dir", str(data), "answers", client.id, str(folder)]) == 2
    assert "already imported" in capsys.readouterr().out
    with Portfolio.open(data, read_only=True) as p:
        assert len(p.get(client.id).respondents) == 2
