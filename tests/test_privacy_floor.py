"""The privacy floor where a group figure leaves the app: no benchmark segment or quantile
from fewer than 5 assessments or participants, no strip-plot dot for a dimension fewer
than 5 scored (issue 12, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.cli import main
from cemassess.content import load_framework
from cemassess.demo import make_demo
from cemassess.domain.assessment import Answer, Assessment, Company
from cemassess.domain.benchmark import MIN_N, build_pack
from cemassess.domain.framework import Role
from cemassess.exchange.participant import answer_file_from, dumps
from cemassess.store import Portfolio


def _companies(data: Path, rows: list[tuple[str, str]]) -> None:
    base = make_demo()
    with Portfolio.open(data) as p:
        for i, (industry, region) in enumerate(rows):
            p.create(base.model_copy(update={
                "id": f"co{i}", "previous": "",
                "company": Company(name=f"Company {i}", industry=industry, region=region)}))


def _segments(path: Path) -> dict[str, dict]:
    return {s["id"]: s for s in json.loads(path.read_text(encoding="utf-8"))["segments"]}


def _assert_floor(segs: dict[str, dict]) -> None:
    for s in segs.values():
        for dist in s["dimensions"].values():
            assert dist["n"] >= MIN_N, s["id"]
        assert s["overall"] is None or s["overall"]["n"] >= MIN_N


def test_build_and_export_drop_segments_of_fewer_than_five(tmp_path, capsys):
    data = tmp_path / "data"
    _companies(data, [("logistics", "riga")] * 5 + [("mining", "odesa")])
    out = tmp_path / "pack.json"
    assert main(["--data-dir", str(data), "benchmarks", "build", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "left out 2 segment(s) with fewer than 5" in said and "industry.mining" in said
    for path in (out, data / "benchmarks" / "portfolio.json"):
        segs = _segments(path)
        assert "industry.mining" not in segs and "region.odesa" not in segs  # n = 1: one company
        assert segs["all"]["dimensions"] and segs["industry.logistics"]["dimensions"]
        _assert_floor(segs)
    assert main(["--data-dir", str(data), "benchmarks", "export", "portfolio", "-o", str(tmp_path / "x.json")]) == 0
    _assert_floor(_segments(tmp_path / "x.json"))


def test_export_floors_a_pack_shelved_before_the_floor(tmp_path, capsys):
    fw = load_framework()
    scores = {d.id: 50.0 + i for i, d in enumerate(fw.dimensions)}
    rows = [("logistics", "", "", scores, 55.0)] * 6 + [("mining", "", "odesa", scores, 61.5)]
    pack = build_pack(rows, pack_id="old", title="Old", framework_id=fw.id, source="test",
                      created=__import__("datetime").date(2026, 1, 1))
    assert pack.segment("industry.mining").n == 1  # the model itself keeps n = 1 segments
    data = tmp_path / "data"
    (data / "benchmarks").mkdir(parents=True)
    (data / "benchmarks" / "old.json").write_text(json.dumps(pack.model_dump(mode="json")), encoding="utf-8")
    out = tmp_path / "shared.json"
    assert main(["--data-dir", str(data), "benchmarks", "export", "old", "-o", str(out)]) == 0
    assert "left out 2 segment(s)" in capsys.readouterr().out
    segs = _segments(out)
    assert set(segs) == {"all", "industry.logistics"}
    _assert_floor(segs)


def test_build_from_fewer_than_five_writes_nothing(tmp_path, capsys):
    data = tmp_path / "data"
    _companies(data, [("logistics", "riga")] * 3)
    out = tmp_path / "pack.json"
    assert main(["--data-dir", str(data), "benchmarks", "build", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "at least 5" in err[0]
    assert not out.exists() and not list((data / "benchmarks").glob("*.json"))


def test_room_save_benchmark_keeps_no_small_segment(tmp_path, capsys):
    fw = load_framework()
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        a = Assessment(framework=fw.id, company=Company(
            name=f"Co {i}", industry="mining" if i == 0 else "logistics", region="odesa" if i == 0 else ""))
        r = a.add_respondent(f"P {i}", Role.SERVICE)
        for j, pid in enumerate(fw.practices):
            a.set_answer(r.id, pid, Answer(value=1 + (i + j) % 5))
        (folder / f"p{i}.json").write_bytes(dumps(answer_file_from(a, r.id, consent=True)))
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "room", str(folder), "-o", str(tmp_path / "out"),
                 "--jobs", "1", "--event", "Club", "--save-benchmark"]) == 0
    said = capsys.readouterr().out
    assert "saved" in said and "left out 2 segment(s)" in said
    [saved] = list((data / "benchmarks").glob("*.json"))
    segs = _segments(saved)
    assert "industry.mining" not in segs and "region.odesa" not in segs
    _assert_floor(segs)


def test_strip_plot_draws_no_dot_below_five(fw):
    from matplotlib.collections import PathCollection

    from cemassess.domain.results import evaluate
    from cemassess.domain.room import room_profile
    from cemassess.report.room import strips

    dims = [d.id for d in fw.dimensions]
    first = fw.dimensions[0]
    results = []
    for i in range(6):  # six participants; only three answer the first dimension
        a = Assessment(framework=fw.id)
        r = a.add_respondent(f"P {i}")
        for pid in fw.practices:
            if fw.dimension_of[pid].id != first.id or i < 3:
                a.set_answer(r.id, pid, Answer(value=1 + i % 5))
        results.append(evaluate(fw, a))
    profile = room_profile(fw, results)
    assert profile.shown and len(profile.scores[first.id]) == 3
    fig = strips(fw, profile, "en")
    ax = fig.axes[0]
    ys = [y for c in ax.collections if isinstance(c, PathCollection) for _, y in c.get_offsets()]
    top = len(dims)  # the first dimension is drawn at y = len(dims)
    assert not [y for y in ys if abs(y - top) < 0.3]  # before: three dots, one per company
    assert len([y for y in ys if abs(y - (top - 1)) < 0.3]) == 6
