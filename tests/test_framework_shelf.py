"""A consultant's own framework: installed once, then found by id like a shipped one."""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.cli import main
from cemassess.domain.assessment import Answer, Assessment
from cemassess.exchange.assessment_file import write_assessment

DATA = Path(__file__).parent / "data"


def test_install_and_score_with_own_framework(tmp_path, capsys):
    data = tmp_path / "data"
    tiny = tmp_path / "tiny.json"
    tiny.write_bytes((DATA / "tiny-framework.json").read_bytes())
    a = Assessment(framework="tiny")
    r = a.add_respondent("x")
    for pid in ("alpha.one", "alpha.two", "alpha.three", "beta.one", "beta.two"):
        a.set_answer(r.id, pid, Answer(value=4))
    f = tmp_path / "a.cemassess.json"
    write_assessment(a, f)
    assert main(["--data-dir", str(data), "score", str(f)]) == 2  # not installed yet
    assert "'tiny'" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "frameworks", "import", str(tiny)]) == 0
    assert "installed: tiny" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "score", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"] == 75.0 and out["phase"]["attained"] == 3 and len(out["dimensions"]) == 2
    assert main(["--data-dir", str(data), "frameworks", "list"]) == 0
    assert "tiny" in capsys.readouterr().out


def test_shipped_id_and_broken_files_are_refused(tmp_path, capsys):
    data = tmp_path / "data"
    raw = json.loads((DATA / "tiny-framework.json").read_text(encoding="utf-8"))
    raw["id"] = "cem-b2b"
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps(raw), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "cemassess-framework"}', encoding="utf-8")
    assert main(["--data-dir", str(data), "frameworks", "import", str(clash), str(broken)]) == 2
    out = capsys.readouterr().out
    assert "ships with cemassess" in out and "refused: broken.json" in out
    assert not (data / "frameworks").exists() or not list((data / "frameworks").iterdir())
