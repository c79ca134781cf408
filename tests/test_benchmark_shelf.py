"""Benchmarks that grow: built from the portfolio (anonymised, n, floor), shared as packs."""

from __future__ import annotations

import json

import pytest

from cemassess.cli import main
from cemassess.demo import make_demo
from cemassess.domain.benchmark import compare
from cemassess.exchange.strictjson import FileFormatError
from cemassess.store import Portfolio
from cemassess.store import benchmarks as shelf


def fill(p: Portfolio, n: int, industry: str) -> None:
    for i in range(n):
        a = make_demo(seed=i)
        a.id = f"{industry[:4]}{i}"
        a.company.industry = industry
        a.company.name = f"Client {industry} {i}"
        p.create(a)


def test_build_from_portfolio_is_anonymous_with_n_and_floor(tmp_path):
    with Portfolio.open(tmp_path) as p:
        fill(p, 6, "logistics")
        fill(p, 2, "retail")
        pack = shelf.build_from_portfolio(p)
        shelf.save_pack(p, pack)
        assert [x.id for x in shelf.list_packs(p)] == ["portfolio"]
    assert pack.provenance == "measured" and "8 assessments" in pack.source
    assert "Client" not in pack.model_dump_json()
    logistics = pack.segment("industry.logistics")
    assert logistics.n == 6 and compare({"loyalty": 40.0}, logistics)["loyalty"].shown
    assert not compare({"loyalty": 40.0}, pack.segment("industry.retail"))["loyalty"].shown


def test_reassessment_counts_once(tmp_path):
    with Portfolio.open(tmp_path) as p:
        fill(p, 5, "it")
        again = p.duplicate("it0")
        for r in again.respondents:
            for pid in list(p.get("it0").answers.get(r.id, {})):
                p.set_answer(again.id, r.id, pid, p.get("it0").answers[r.id][pid])
        pack = shelf.build_from_portfolio(p)
    assert pack.segment("all").n == 5


def test_import_export_and_hostile_packs(tmp_path, capsys):
    data = tmp_path / "data"
    with Portfolio.open(data) as p:
        fill(p, 5, "it")
    assert main(["--data-dir", str(data), "benchmarks", "build", "-o", str(tmp_path / "pack.json")]) == 0
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "benchmarks", "import", str(tmp_path / "pack.json")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(other), "benchmarks", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["where"], r["provenance"]) for r in rows] == [
        ("illustrative-2026", "shipped", "illustrative"), ("portfolio", "shelf", "measured")]
    bad = tmp_path / "bad.json"
    raw = json.loads((tmp_path / "pack.json").read_text(encoding="utf-8"))
    raw["segments"][0]["dimensions"]["loyalty"]["q"] = [0, 50, 40, 60, 70, 80, 90]  # decreasing
    bad.write_text(json.dumps(raw))
    assert main(["--data-dir", str(other), "benchmarks", "import", str(bad)]) == 2
    with Portfolio.open(other) as p, pytest.raises(FileFormatError):
        shelf.import_pack(p, bad)
    assert main(["--data-dir", str(other), "benchmarks", "export", "portfolio", "-o", str(tmp_path / "x.json")]) == 0
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["id"] == "portfolio"
