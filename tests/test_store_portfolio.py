"""Portfolio operations: create/get/save, the answer hot path, update, list/search/sort,
duplicate, archive, trash, import (including hostile files) and export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from store_helpers.common import answers_of, make_assessment, tree
from tinydb import TinyDB

from cemassess.domain.assessment import Answer, Assessment
from cemassess.exchange.assessment_file import dumps_assessment, read_assessment, write_assessment
from cemassess.store import (
    AssessmentExists,
    AssessmentNotFound,
    AtomicJSONStorage,
    InvalidChange,
    Portfolio,
    data_dir,
)
from cemassess.store.journal import scan


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_data_dir_override_env_then_platformdirs(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CEMASSESS_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert data_dir() == tmp_path / "env"
    monkeypatch.delenv("CEMASSESS_DATA_DIR")
    assert data_dir().name.lower() == "cemassess"


def test_default_folder_is_the_test_folder_from_conftest(_isolated_data_dir: Path) -> None:
    a = make_assessment()
    with Portfolio.open() as p:
        p.create(a)
    assert (_isolated_data_dir / "assessments" / f"{a.id}.json").exists()


def test_create_get_and_files_are_tinydb_utf8(folder: Path) -> None:
    a = make_assessment("Ромашка", "Ритейл", answers=5)
    with Portfolio.open(folder) as p:
        s = p.create(a)
        assert (s.company, s.industry, s.respondents, s.answers) == ("Ромашка", "Ритейл", 3, 5)
        got = p.get(a.id)
        assert got == a
        got.company.name = "changed"  # a copy: the store is not affected
        assert p.get(a.id).company.name == "Ромашка"
    raw = (folder / "assessments" / f"{a.id}.json").read_bytes()
    assert "Ромашка".encode() in raw  # no \\u escapes
    db = TinyDB(folder / "assessments" / f"{a.id}.json", storage=AtomicJSONStorage, read_only=True)
    assert db.table("assessment").get(doc_id=1)["company"]["name"] == "Ромашка"
    assert db.table("_meta").get(doc_id=1)["schema"] == 1
    index = json.loads((folder / "portfolio.json").read_text("utf-8"))
    assert index["_meta"]["1"]["schema"] == 1


def test_create_refuses_an_existing_id_even_in_other_case(folder: Path) -> None:
    a = make_assessment(id="Acme1")
    with Portfolio.open(folder) as p:
        p.create(a)
        with pytest.raises(AssessmentExists, match="already in the portfolio"):
            p.create(a)
        with pytest.raises(AssessmentExists):
            p.create(make_assessment(id="acme1"))


def test_set_answer_is_durable_when_the_call_returns(folder: Path) -> None:
    a = make_assessment()
    p = Portfolio.open(folder)
    try:
        p.create(a)
        p.set_answer(a.id, "r1", "d0.p1", Answer(value=4, comment="ok"))
        p.set_answer(a.id, "r2", "d0.p2", {"value": "na"})
        # another process reading now (read-only) sees both, before any close or compaction
        with Portfolio.open(folder, read_only=True) as ro:
            got = ro.get(a.id)
        assert got.answer("r1", "d0.p1") == Answer(value=4, comment="ok")
        assert got.answer("r2", "d0.p2") == Answer(value="na")
        assert scan(folder / "assessments" / f"{a.id}.journal", a.id).entries[-1]["seq"] == 2
        p.set_answer(a.id, "r2", "d0.p2", None)
        p.set_answer(a.id, "r1", "d0.p1", Answer())  # empty answer = removal
        assert p.get(a.id).answers == {"r1": {}, "r2": {}}
    finally:
        p.close()
    with Portfolio.open(folder) as p:
        assert answers_of(p.get(a.id)) == {}
        assert p.recovery.quiet


def test_set_answer_refuses_invalid_changes(folder: Path) -> None:
    a = make_assessment()
    with Portfolio.open(folder) as p:
        p.create(a)
        with pytest.raises(InvalidChange, match="no respondent 'r9'"):
            p.set_answer(a.id, "r9", "d0.p1", Answer(value=1))
        with pytest.raises(InvalidChange, match="not a practice id"):
            p.set_answer(a.id, "r1", "../../etc", Answer(value=1))
        with pytest.raises(InvalidChange, match="not a valid answer"):
            p.set_answer(a.id, "r1", "d0.p1", {"value": 7})
        with pytest.raises(AssessmentNotFound, match="no assessment 'nope'"):
            p.set_answer("nope", "r1", "d0.p1", Answer(value=1))
        assert p.get(a.id) == a


def test_journal_is_compacted_every_n_changes_and_on_close(folder: Path) -> None:
    a = make_assessment()
    jpath = folder / "assessments" / f"{a.id}.journal"
    with Portfolio.open(folder, compact_every=5) as p:
        p.create(a)
        for i in range(7):
            p.set_answer(a.id, "r1", f"d1.p{i}", Answer(value=2))
        assert len(scan(jpath, a.id).entries) == 2  # 5 went into the snapshot
        assert len(list((folder / "backups" / a.id).glob("*.json"))) == 2
    assert jpath.stat().st_size == 0
    for _ in range(5):
        with Portfolio.open(folder, compact_every=5) as p:
            p.set_answer(a.id, "r1", "d2.p1", Answer(value=3))
    assert len(list((folder / "backups" / a.id).glob("*.json"))) == 5  # rotated: newest 5


def test_update_persists_other_fields_and_validates(folder: Path) -> None:
    a = make_assessment()
    with Portfolio.open(folder) as p:
        p.create(a)
        before = p.get(a.id).modified
        out = p.update(a.id, lambda x: setattr(x, "title", "Второй семинар"))
        assert out.title == "Второй семинар" and out.modified >= before

        def add_person(x: Assessment) -> None:
            x.add_respondent("New person")

        p.update(a.id, add_person)
        with pytest.raises(InvalidChange):
            p.update(a.id, lambda x: setattr(x, "status", "bogus"))
        with pytest.raises(InvalidChange, match="id of an assessment"):
            p.update(a.id, lambda x: x.model_copy(update={"id": "other"}))
        with Portfolio.open(folder, read_only=True) as ro:  # durable before close
            assert ro.get(a.id).title == "Второй семинар"
            assert len(ro.get(a.id).respondents) == 4
    with Portfolio.open(folder) as p:
        assert p.summary(a.id).respondents == 4


def test_save_replaces_the_whole_assessment(folder: Path) -> None:
    a = make_assessment(answers=4)
    with Portfolio.open(folder) as p:
        p.create(a)
        p.set_answer(a.id, "r1", "d2.p2", Answer(value=5))
        b = p.get(a.id)
        b.company.industry = "Banking"
        b.answers = {}
        p.save(b)
        assert p.list()[0].industry == "Banking"
    with Portfolio.open(folder) as p:
        assert p.get(a.id).answers == {}
        assert p.summary(a.id).answers == 0
        with pytest.raises(AssessmentNotFound):
            p.save(make_assessment())


def test_summaries_follow_answers_and_survive_reopening(folder: Path) -> None:
    a = make_assessment()
    with Portfolio.open(folder) as p:
        p.create(a)
        for i in range(3):
            p.set_answer(a.id, "r1", f"d0.p{i}", Answer(value=1))
        assert p.summary(a.id).answers == 3
    with Portfolio.open(folder, read_only=True) as p:
        assert p.list()[0].answers == 3


def test_list_search_sort_and_archive(folder: Path) -> None:
    specs = [("Acme", "Retail", "2024-01-05"), ("Bolt", "Banking", "2024-03-01"),
             ("Ёлка", "Retail", "2023-11-20"), ("acme labs", "Pharma", "2024-02-10")]
    made = []
    with Portfolio.open(folder) as p:
        for i, (company, industry, date) in enumerate(specs):
            a = make_assessment(company, industry, respondents=i + 1,
                                date=dt.date.fromisoformat(date))
            a.modified = dt.datetime(2024, 4, 1 + i, tzinfo=dt.UTC)
            p.create(a)
            made.append(a)
        names = lambda rows: [s.company for s in rows]  # noqa: E731
        assert names(p.list()) == ["acme labs", "Ёлка", "Bolt", "Acme"]  # newest first
        assert names(p.list(sort="company")) == ["Acme", "acme labs", "Bolt", "Ёлка"]
        assert names(p.list(sort="date")) == ["Bolt", "acme labs", "Acme", "Ёлка"]
        assert names(p.list(sort="respondents")) == ["acme labs", "Ёлка", "Bolt", "Acme"]
        assert names(p.list(sort="modified", reverse=False))[0] == "Acme"
        assert names(p.list("ACME", sort="company")) == ["Acme", "acme labs"]
        assert names(p.list("retail ёлка")) == ["Ёлка"]
        assert names(p.list(made[1].id)) == ["Bolt"]
        with pytest.raises(InvalidChange, match="cannot sort by"):
            p.list(sort="colour")

        p.update(made[0].id, lambda x: setattr(x, "status", "complete"))
        p.archive(made[0].id)
        assert "Acme" not in names(p.list())
        assert p.get(made[0].id).status == "archived"
        archived = [s for s in p.list(include_archived=True) if s.archived]
        assert [s.company for s in archived] == ["Acme"]
    with Portfolio.open(folder) as p:  # the status to go back to survives a restart
        p.unarchive(made[0].id)
        assert p.get(made[0].id).status == "complete"
        assert "Acme" in names(p.list())


def test_duplicate_is_a_re_assessment(folder: Path) -> None:
    a = make_assessment(answers=10, title="2023", assessor="Olga")
    a.agreed = {}
    with Portfolio.open(folder) as p:
        p.create(a)
        b = p.duplicate(a.id)
        assert b.id != a.id and b.previous == a.id
        assert b.company == a.company and b.respondents == a.respondents
        assert b.answers == {} and b.status == "draft" and b.date == dt.date.today()
        assert {s.id for s in p.list()} == {a.id, b.id}
        assert p.get(a.id) == a  # the original is untouched
    with Portfolio.open(folder) as p:
        assert p.get(b.id).previous == a.id


def test_delete_goes_to_a_recoverable_trash(folder: Path) -> None:
    a, b = make_assessment("Acme", answers=3), make_assessment("Bolt")
    with Portfolio.open(folder) as p:
        p.create(a)
        p.create(b)
        p.set_answer(a.id, "r1", "d2.p9", Answer(value=5))
        p.delete(a.id)
        assert [s.id for s in p.list()] == [b.id]
        assert [s.id for s in p.trash()] == [a.id]
        with pytest.raises(AssessmentNotFound, match="is in the trash"):
            p.get(a.id)
        assert (folder / "trash" / a.id / f"{a.id}.json").exists()
        assert not (folder / "assessments" / f"{a.id}.json").exists()
    with Portfolio.open(folder) as p:  # the trash survives a restart
        assert [s.id for s in p.trash()] == [a.id]
        p.restore(a.id)
        got = p.get(a.id)
        assert got.answer("r1", "d2.p9") == Answer(value=5) and len(answers_of(got)) == 4
        assert (folder / "backups" / a.id).is_dir()
        p.delete(b.id)
        assert p.empty_trash() == 1
        assert not (folder / "trash" / b.id).exists()
        assert [s.id for s in p.list()] == [a.id] and p.trash() == []
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet and [s.id for s in p.list()] == [a.id]


def test_export_and_import_round_trip(folder: Path, tmp_path: Path) -> None:
    from cemassess.content import load_framework

    a = make_assessment("Ромашка")  # answers to real practices: an import refuses unknown ones
    for n, pid in enumerate(list(load_framework().practices)[:12]):
        a.set_answer("r1", pid, Answer(value=1 + n % 5, comment=f"c{n}"))
    out = tmp_path / "acme.cemassess.json"
    with Portfolio.open(folder) as p:
        p.create(a)
        p.export(a.id, out)
    assert read_assessment(out) == a
    other = tmp_path / "other"
    with Portfolio.open(other) as p:
        report = p.import_files([out])
        assert [r.outcome for r in report.results] == ["imported"] and report.ok
        assert p.get(a.id) == a
        again = p.import_files([out])
        assert again.results[0].outcome == "already present"


def test_import_recognises_ids_and_imports_copies(folder: Path, tmp_path: Path) -> None:
    a = make_assessment("Acme")
    changed = a.model_copy(deep=True)
    changed.title = "edited elsewhere"
    f1, f2 = tmp_path / "a.json", tmp_path / "b.json"
    write_assessment(a, f1)
    write_assessment(changed, f2)
    with Portfolio.open(folder) as p:
        report = p.import_files([f1, f2])
        assert [r.outcome for r in report.results] == ["imported", "refused"]
        assert "same assessment" in report.results[1].reason
        report = p.import_files([f2])
        assert report.results[0].outcome == "refused"
        assert "already in the portfolio ('Acme')" in report.results[0].reason
        report = p.import_files([f2], as_copy=True)
        r = report.results[0]
        assert r.outcome == "imported as copy" and r.id != a.id
        assert p.get(r.id).title == "edited elsewhere"
        assert len(p.list()) == 2


HOSTILE = {
    "garbage.json": b"\x00\xff\xfe garbage",
    "truncated.json": None,  # filled in below
    "nan.json": None,
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "dupkeys.json": b'{"format": "cemassess-assessment", "format": "x"}',
    "pdf.json": b"%PDF-1.7 not json",
    "traversal.json": None,
    "newer.json": None,
    "list.json": b"[1, 2, 3]",
    "empty.json": b"",
}


def _hostile_files(tmp_path: Path) -> list[Path]:
    good = json.loads(dumps_assessment(make_assessment("Evil", answers=3)))
    cases = dict(HOSTILE)
    raw = dumps_assessment(make_assessment("Cut"))
    cases["truncated.json"] = raw[: len(raw) // 2]
    cases["nan.json"] = json.dumps({**good, "metrics": {"retention_rate": float("nan")}}).encode()
    cases["traversal.json"] = json.dumps({**good, "id": "../../../etc/passwd"}).encode()
    cases["newer.json"] = json.dumps({**good, "format_version": 99}).encode()
    paths = []
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    paths.append(tmp_path / "missing.json")
    paths.append(tmp_path)  # a folder
    return paths


def test_hostile_imports_leave_the_store_unchanged(folder: Path, tmp_path: Path) -> None:
    a = make_assessment(answers=2)
    with Portfolio.open(folder) as p:
        p.create(a)
    before = tree(folder)
    evil = tmp_path / "evil"
    evil.mkdir()
    paths = _hostile_files(evil)
    with Portfolio.open(folder) as p:
        report = p.import_files(paths)
        assert len(report.refused) == len(paths) and not report.imported
        for r in report.results:
            assert r.reason and "\n" not in r.reason and "Traceback" not in r.reason
        assert [s.id for s in p.list()] == [a.id]
    after = tree(folder)
    after.pop("running", None)
    assert after == before


def test_resolve_id_accepts_unique_beginnings(folder: Path) -> None:
    a = make_assessment(id="abcdef123456")
    b = make_assessment(id="abcdzz999999")
    with Portfolio.open(folder) as p:
        p.create(a)
        p.create(b)
        assert p.resolve_id("abcdef") == a.id
        with pytest.raises(AssessmentNotFound, match="matches 2"):
            p.resolve_id("abcd")
        with pytest.raises(AssessmentNotFound):
            p.resolve_id("zzzz")


def test_many_open_assessments_are_evicted_safely(folder: Path) -> None:
    made = [make_assessment(f"C{i}") for i in range(5)]
    with Portfolio.open(folder, max_open=2) as p:
        for a in made:
            p.create(a)
        for round_ in range(3):
            for a in made:
                p.set_answer(a.id, "r1", f"d0.p{round_}", Answer(value=round_ + 1))
        assert len(p._open) <= 2
    with Portfolio.open(folder) as p:
        for a in made:
            assert len(answers_of(p.get(a.id))) == 3
        assert p.recovery.quiet
