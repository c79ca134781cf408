"""The command line, run as a user would (subprocess) and in-process for speed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cemassess.cli import main, results_for
from cemassess.domain.results import evaluate
from cemassess.exchange.assessment_file import read_assessment


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "cemassess", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("demo") / "demo.cemassess.json"
    assert main(["demo", str(p)]) == 0
    return p


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("cemassess ")


def test_demo_is_a_realistic_b2b_workshop(demo_file, fw):
    a = read_assessment(demo_file)
    assert a.company.market == "b2b"
    assert len(a.respondents) >= 4 and len({r.role for r in a.respondents}) >= 4
    assert a.metrics.nps is not None and sum(a.metrics.nps.counts) > 50
    res = evaluate(fw, a)
    assert res.completion.ratio == 1.0
    assert res.dimension_gaps, "the demo should show a perception gap between roles"


def test_demo_in_russian(tmp_path):
    p = tmp_path / "ru.json"
    assert main(["demo", str(p), "--lang", "ru"]) == 0
    a = read_assessment(p)
    assert a.language == "ru" and "Северный" in a.company.name


def test_score_json_has_the_promised_keys(demo_file, capsys, fw):
    assert main(["score", str(demo_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"overall", "dimensions", "phase", "perception_gaps", "nps"} <= set(data)
    assert len(data["dimensions"]) == 10
    assert {"id", "title", "score", "level"} <= set(data["dimensions"][0])
    assert {"current", "attained", "progress"} <= set(data["phase"])
    res = evaluate(fw, read_assessment(demo_file))
    assert data["overall"] == round(res.overall.score, 1)
    assert data["phase"]["attained"] == res.phase.attained
    assert data["benchmark"]["provenance"] == "illustrative"
    # generated (illustrative) figures never say where to look for examples
    assert data["benchmark"]["best_across_industries"] == {}


def test_score_table_and_explain(demo_file, capsys):
    assert main(["score", str(demo_file), "--explain", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "Индекс CEM" in out and "медиана" in out


def test_roadmap_json(demo_file, capsys, fw):
    assert main(["roadmap", str(demo_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    acts = data["actions"]
    assert acts and {"id", "dimension", "phase", "horizon", "priority", "why"} <= set(acts[0])
    res = results_for(read_assessment(demo_file))  # the company's industry segment, as the CLI
    assert res.benchmark.segment.id == "distribution"
    assert [x["id"] for x in acts] == [i.id for i in res.roadmap.items]


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"format": "cemassess-assessment", "format_version": 1, "x": 1}'])
def test_bad_input_exit_2_one_line(tmp_path, content):
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    out = run("score", str(p))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("cemassess: ")
    assert "Traceback" not in out.stderr


def test_missing_file_exit_2():
    out = run("roadmap", "/nonexistent/x.json")
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_export_tables_charts_and_file_in_one_command(demo_file, tmp_path):
    from openpyxl import load_workbook

    out = run("export", str(demo_file), "--csv", str(tmp_path / "a.csv"), "--xlsx", str(tmp_path / "a.xlsx"),
              "--charts", str(tmp_path / "charts"), "-o", str(tmp_path / "copy.cemassess.json"), "--lang", "ru")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("Id респондента")
    assert "Ответы" in load_workbook(tmp_path / "a.xlsx").sheetnames
    assert len(list((tmp_path / "charts").glob("*.png"))) >= 5
    assert read_assessment(tmp_path / "copy.cemassess.json") == read_assessment(demo_file)
    nothing = run("export", str(demo_file))
    assert nothing.returncode == 2 and "say what to write" in nothing.stderr
