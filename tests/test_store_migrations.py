"""Schema versions and the upgrade registry.

The store's current schema is version 1, its first layout, so the "file of each older
version" is a real version-1 snapshot and index kept in tests/store_helpers/data/; when
the schema moves to 2, those files become the old-version fixtures and must keep loading.
The registry itself is exercised by registering a test upgrade to a pretend version 2.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cemassess.exchange import assessment_file
from cemassess.store import Portfolio
from cemassess.store import migrations as mig
from cemassess.store.errors import DamagedFile

DATA = Path(__file__).parent / "store_helpers" / "data"
AID = "v1sample0001"


def _install_v1(folder: Path, *, index: bool = True) -> None:
    (folder / "assessments").mkdir(parents=True)
    shutil.copy(DATA / "snapshot-v1.json", folder / "assessments" / f"{AID}.json")
    if index:
        shutil.copy(DATA / "portfolio-v1.json", folder / "portfolio.json")


def test_version_1_files_load(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    _install_v1(folder)
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet
        a = p.get(AID)
        assert (a.company.name, a.title) == ("Ромашка", "Семинар 2024")
        assert a.answer("r1", "d0.p1").comment == "ок"
        [s] = p.list()
        assert (s.company, s.respondents, s.answers) == ("Ромашка", 2, 2)


def test_a_registered_upgrade_runs_once_and_keeps_the_original(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(mig.CURRENT, mig.SNAPSHOT, 2)
    monkeypatch.setattr(mig, "_UPGRADES", dict(mig._UPGRADES))
    calls = []

    @mig.store_migration(mig.SNAPSHOT, 1)
    def _v1_to_v2(data: dict) -> dict:
        calls.append(1)
        data["assessment"]["1"]["company"]["name"] += " (upgraded)"
        return data

    folder = tmp_path / "d"
    _install_v1(folder)
    original = (folder / "assessments" / f"{AID}.json").read_bytes()
    with Portfolio.open(folder) as p:
        assert p.get(AID).company.name == "Ромашка (upgraded)"
    on_disk = json.loads((folder / "assessments" / f"{AID}.json").read_text("utf-8"))
    assert on_disk["_meta"]["1"]["schema"] == 2
    [kept] = (folder / "backups" / AID).glob("pre-upgrade-schema1-*.json")
    assert kept.read_bytes() == original
    with Portfolio.open(folder) as p:  # already upgraded: not again
        assert p.get(AID).company.name == "Ромашка (upgraded)"
    assert calls == [1]


def test_index_upgrade_rewrites_the_index(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(mig.CURRENT, mig.INDEX, 2)
    monkeypatch.setattr(mig, "_UPGRADES", dict(mig._UPGRADES))
    mig.store_migration(mig.INDEX, 1)(lambda data: data)
    folder = tmp_path / "d"
    _install_v1(folder)
    with Portfolio.open(folder) as p:
        assert [s.id for s in p.list()] == [AID]
    assert json.loads((folder / "portfolio.json").read_text())["_meta"]["1"]["schema"] == 2


def test_the_assessment_inside_a_snapshot_uses_the_file_format_upgrades(
        tmp_path: Path, monkeypatch) -> None:
    def rename_title(d: dict) -> dict:
        d["title"] = d.pop("old_title")
        return d

    monkeypatch.setitem(assessment_file.MIGRATIONS, 0, rename_title)
    folder = tmp_path / "d"
    _install_v1(folder, index=False)
    snap = folder / "assessments" / f"{AID}.json"
    data = json.loads(snap.read_text("utf-8"))
    doc = data["assessment"]["1"]
    doc["format_version"] = 0
    doc["old_title"] = doc.pop("title")
    snap.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with Portfolio.open(folder) as p:
        assert p.get(AID).title == "Семинар 2024"


@pytest.mark.parametrize("version,words", [
    (99, "was written by a newer cemassess (schema 99; this version reads up to 1)"),
    (0, "has an unknown schema version (0)"),
    ("1", "has an unknown schema version ('1')"),
    (None, "has an unknown schema version (None)"),
])
def test_unusable_versions_are_named(version, words: str) -> None:
    data = {"_meta": {"1": {"kind": mig.SNAPSHOT, "schema": version}}}
    with pytest.raises(DamagedFile) as err:
        mig.upgrade(mig.SNAPSHOT, data, Path("x.json"))
    assert err.value.reason.startswith(words)


def test_a_missing_upgrade_step_is_named(monkeypatch) -> None:
    monkeypatch.setitem(mig.CURRENT, mig.SNAPSHOT, 3)
    monkeypatch.setattr(mig, "_UPGRADES", {(mig.SNAPSHOT, 1): lambda d: d})
    data = {"_meta": {"1": {"kind": mig.SNAPSHOT, "schema": 1}}}
    with pytest.raises(DamagedFile, match="has schema version 2, which this cemassess cannot"):
        mig.upgrade(mig.SNAPSHOT, data, Path("x.json"))


def test_unknown_kind_cannot_be_registered() -> None:
    with pytest.raises(ValueError):
        mig.store_migration("something-else", 1)
