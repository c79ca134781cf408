"""The portfolio CLI commands (list, import, export) and resolve_assessment, through a
stand-alone argparse parser built the way cemassess/cli.py will build it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers.common import make_assessment

from cemassess.cli_store import ResolveError, main, resolve_assessment
from cemassess.exchange.assessment_file import read_assessment, write_assessment
from cemassess.store import Portfolio


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, list]:
    folder = tmp_path / "d"
    made = [make_assessment("Acme", "Retail", respondents=3, id="aaaa11112222"),
            make_assessment("Ромашка", "Banking", respondents=12, id="bbbb33334444")]
    with Portfolio.open(folder) as p:
        for a in made:
            p.create(a)
    return folder, made


def test_list_table_json_search_and_sort(filled, capsys) -> None:
    folder, made = filled
    assert main(["--data-dir", str(folder), "list", "--sort", "company"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "COMPANY", "INDUSTRY", "MODIFIED", "STATUS", "RESPONDENTS"]
    assert lines[1].split()[:3] == ["aaaa11112222", "Acme", "Retail"]
    assert lines[2].split()[1] == "Ромашка" and lines[2].endswith(" 12")
    assert main(["list", "--data-dir", str(folder), "--json", "-s", "ромаш"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["respondents"], r["status"]) for r in rows] == [("bbbb33334444", 12, "draft")]


def test_list_uses_the_data_folder_from_the_environment(_isolated_data_dir: Path, capsys) -> None:
    assert main(["list"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"No assessments are in the portfolio in {_isolated_data_dir}.")


def test_import_reports_each_file_and_exits_2_if_any_refused(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "d"
    good, bad = tmp_path / "good.cemassess.json", tmp_path / "bad.json"
    a = make_assessment("Acme")
    write_assessment(a, good)
    bad.write_text('{"format": "something else"}')
    assert main(["import", str(good), "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == f"good.cemassess.json: imported as {a.id} 'Acme'"
    assert main(["import", str(good), str(bad), "--data-dir", str(folder)]) == 2
    out = capsys.readouterr()
    assert "already present" in out.out
    assert out.err.strip() == ("bad.json: refused: the assessment file is not a cemassess "
                               "assessment (format is 'something else')")


def test_export_by_id_or_prefix(filled, tmp_path: Path, capsys) -> None:
    folder, made = filled
    out = tmp_path / "acme.cemassess.json"
    assert main(["export", "aaaa1111", "-o", str(out), "--data-dir", str(folder)]) == 0
    assert read_assessment(out) == made[0]
    assert "Exported 'Acme' (aaaa11112222)" in capsys.readouterr().out
    assert main(["export", "aaaa11112222", "-o", str(out), "--data-dir", str(folder)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert main(["export", made[1].id, "-o", str(out), "--force", "--data-dir", str(folder)]) == 0
    assert read_assessment(out) == made[1]
    assert main(["export", "zzzz9999", "-o", str(tmp_path / "x.json"),
                 "--data-dir", str(folder)]) == 2
    assert capsys.readouterr().err.strip() == "cemassess: no assessment 'zzzz9999' in the portfolio"
    assert main(["export", "aaaa", "-o", str(tmp_path / "no" / "x.json"),
                 "--data-dir", str(folder)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_resolve_assessment_takes_a_file_or_an_id(filled, tmp_path: Path) -> None:
    folder, made = filled
    f = tmp_path / "file.cemassess.json"
    write_assessment(made[1], f)
    assert resolve_assessment(str(f)) == made[1]
    assert resolve_assessment("aaaa11112222", folder) == made[0]
    assert resolve_assessment("bbbb", folder) == made[1]
    with pytest.raises(ResolveError, match="no assessment 'cccc' in the portfolio"):
        resolve_assessment("cccc", folder)
    with pytest.raises(ResolveError, match="missing.json: no such file"):
        resolve_assessment(str(tmp_path / "missing.json"), folder)
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(ResolveError) as err:
        resolve_assessment(str(tmp_path / "broken.json"), folder)
    assert "\n" not in str(err.value)


def test_resolve_assessment_sees_unsaved_work_of_an_open_app(filled) -> None:
    folder, made = filled
    p = Portfolio.open(folder)
    try:
        p.update(made[0].id, lambda a: setattr(a, "title", "live"))
        assert resolve_assessment(made[0].id, folder).title == "live"
    finally:
        p.close()
