"""Recovery at start: unfinished sessions, torn and damaged journals, truncated / zero-byte /
garbage / wrong-version snapshots and index, missing files. Each case must end in a clear
message, a restored or quarantined state, no crash, and no silent loss: whatever was
moved aside still exists in quarantine/."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from store_helpers.common import answers_of, crash_after, make_assessment, tree

from cemassess.domain.assessment import Answer, Assessment
from cemassess.store import AssessmentNotFound, Portfolio
from cemassess.store.journal import encode_line, scan
from cemassess.store.snapshot import read_snapshot

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="simulates crashes with fork()")


def _setup(folder: Path, answers: int = 6, company: str = "Acme") -> Assessment:
    a = make_assessment(company, answers=answers)
    with Portfolio.open(folder) as p:
        p.create(a)
        p.set_answer(a.id, "r3", "d2.p9", Answer(value=5, comment="last"))
        return p.get(a.id)


def _unfinished_session(folder: Path, aid: str, n: int, title: str | None = None) -> None:
    def work() -> None:
        p = Portfolio.open(folder)
        for i in range(n):
            p.set_answer(aid, "r2", f"d1.p{i}", Answer(value=1 + i % 5, comment=f"live {i}"))
        if title is not None:
            p.update(aid, lambda a: setattr(a, "title", title))
        # no close(): the process dies here

    crash_after(work)


def _quarantined(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "quarantine").iterdir() if not p.name.endswith(".why.txt"))


def test_unfinished_session_is_recovered_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 12, title="Workshop")
    assert (folder / "running").exists()

    before = tree(folder)
    with Portfolio.open(folder, read_only=True) as ro:  # a viewer tells, but changes nothing
        assert ro.recovery.messages() == [
            "12 answers and 1 other change to 'Acme' from an unfinished session will be "
            "recovered when the portfolio is opened for editing."]
        assert ro.get(a.id).answer("r2", "d1.p11") == Answer(value=2, comment="live 11")
    assert tree(folder) == before

    with Portfolio.open(folder) as p:
        rep = p.recovery
        assert rep.unclean_shutdown and not rep.problems
        assert rep.messages() == [
            "Recovered 12 answers and 1 other change to 'Acme' from an unfinished session."]
        got = p.get(a.id)
        assert got.title == "Workshop" and len(answers_of(got)) == len(answers_of(a)) + 12
        assert p.summary(a.id).answers == len(answers_of(a)) + 12
        assert (folder / "assessments" / f"{a.id}.journal").stat().st_size == 0
        assert rep.recovered[0].journal_copy.exists()
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet and not p.recovery.unclean_shutdown


def test_recovered_changes_can_be_discarded_and_the_journal_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 5)
    with Portfolio.open(folder) as p:
        assert p.recovery.recovered[0].answers == 5
        kept = p.discard_recovered(a.id)
        assert answers_of(p.get(a.id)) == answers_of(a)
        assert p.recovery.recovered[0].discarded
        assert "Discarded 5 answers" in p.recovery.messages()[0]
    assert kept.parent == folder / "discarded"
    assert len(scan(kept, a.id).entries) == 5  # never deleted
    with Portfolio.open(folder) as p:
        assert answers_of(p.get(a.id)) == answers_of(a) and p.recovery.quiet


def test_a_torn_last_line_is_ignored_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 3)
    journal = folder / "assessments" / f"{a.id}.journal"
    line = encode_line({"seq": 99, "op": "answer", "r": "r1", "p": "d0.p0", "a": None})
    with journal.open("ab") as fh:
        fh.write(line[:-7])  # the write the crash interrupted
    with Portfolio.open(folder) as p:
        rec = p.recovery.recovered[0]
        assert (rec.answers, rec.ignored) == (3, 1) and not p.recovery.problems
        assert p.get(a.id).answer("r1", "d0.p0") == a.answer("r1", "d0.p0")


def test_a_damaged_line_inside_the_journal_is_reported_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 3)
    journal = folder / "assessments" / f"{a.id}.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"live 1", b"LIVE 1")  # second change, checksum now wrong
    journal.write_bytes(b"\n".join(lines))
    with Portfolio.open(folder) as p:
        assert p.recovery.recovered[0].answers == 2
        [problem] = p.recovery.problems
        assert "damaged (1 unreadable line); the rest was recovered" in problem.message
        assert problem.quarantined[0].exists()
        got = p.get(a.id)
        assert got.answer("r2", "d1.p0") is not None and got.answer("r2", "d1.p2") is not None


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["_meta"]["1"]["schema"] = 99
    return json.dumps(data).encode()


def _invalid_content(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["assessment"]["1"]["answers"]["r1"]["d0.p0"]["value"] = 42
    return json.dumps(data).encode()


DAMAGE = {
    "truncated": (_truncate, "is cut short"),
    "zero-byte": (lambda raw: b"", "is empty (zero bytes)"),
    "garbage": (lambda raw: os.urandom(len(raw)), "is not readable text"),
    "wrong-version": (_newer, "was written by a newer cemassess (schema 99"),
    "invalid-content": (_invalid_content, "holds an assessment that is not valid"),
    "foreign-json": (lambda raw: b'{"hello": "world"}', "is not a cemassess file"),
    "zeros": (lambda raw: b"\x00" * len(raw), "holds no data"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_snapshot_is_quarantined_and_the_backup_restored(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    snap = folder / "assessments" / f"{a.id}.json"
    damage, words = DAMAGE[case]
    bad = damage(snap.read_bytes())
    snap.write_bytes(bad)
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert words in problem.message, problem.message
        assert problem.message.startswith("The file of 'Acme' ")
        assert "was moved to quarantine and the backup of" in problem.message
        assert problem.quarantined[0].read_bytes() == bad  # kept, byte for byte
        assert p.get(a.id) == a  # nothing lost: the newest backup is the last snapshot
    read_snapshot(snap, a.id)
    assert _quarantined(folder) == problem.quarantined


def test_damaged_snapshot_with_unsaved_changes_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 7)
    snap = folder / "assessments" / f"{a.id}.json"
    snap.write_bytes(_truncate(snap.read_bytes()))
    with Portfolio.open(folder) as p:
        assert p.recovery.recovered[0].answers == 7
        assert len(p.recovery.problems) == 1
        assert len(answers_of(p.get(a.id))) == len(answers_of(a)) + 7


def test_a_damaged_newest_backup_falls_back_to_an_older_one(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    snap = folder / "assessments" / f"{a.id}.json"
    newest = sorted((folder / "backups" / a.id).glob("*.json"))[-1]
    newest.write_bytes(b"")
    snap.write_bytes(b"garbage")
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert "was restored" in problem.message
        assert problem.restored_from != newest
        got = p.get(a.id)  # the older backup: the state at creation
        assert got.answer("r3", "d2.p9") is None and got.company.name == "Acme"


def test_damaged_snapshot_without_backup_is_quarantined_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    b = _setup(folder, company="Bolt")
    for f in (folder / "backups" / a.id).iterdir():
        f.unlink()
    snap = folder / "assessments" / f"{a.id}.json"
    snap.write_bytes(b"{")
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert problem.message.startswith("The file of 'Acme' is cut short")
        assert "there is no good backup; it was moved to quarantine" in problem.message
        assert problem.quarantined[0].read_bytes() == b"{"
        assert [s.id for s in p.list()] == [b.id]
        with pytest.raises(AssessmentNotFound):
            p.get(a.id)
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet


def test_missing_snapshot_is_restored_from_its_backup(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    (folder / "assessments" / f"{a.id}.json").unlink()
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert "The file of 'Acme' is missing; the backup of" in problem.message
        assert p.get(a.id) == a


def _bad_index_entry(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["assessments"]["1"]["date"] = "not a date"
    return json.dumps(data).encode()


INDEX_DAMAGE = {
    "truncated": (_truncate, "is cut short"),
    "zero-byte": (lambda raw: b"", "is empty"),
    "garbage": (lambda raw: b"\xff\xfe" + os.urandom(200), "is not readable text"),
    "wrong-version": (_newer, "newer cemassess"),
    "bad-entry": (_bad_index_entry, "has a damaged entry"),
}


@pytest.mark.parametrize("case", sorted(INDEX_DAMAGE))
def test_damaged_index_is_quarantined_and_rebuilt(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "d"
    made = [_setup(folder, company=c, answers=2) for c in ("Acme", "Bolt", "Cora")]
    with Portfolio.open(folder) as p:
        p.archive(made[1].id)
        p.delete(made[2].id)
    index = folder / "portfolio.json"
    damage, words = INDEX_DAMAGE[case]
    bad = damage(index.read_bytes())
    index.write_bytes(bad)
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert problem.message.startswith("The portfolio list was damaged (")
        assert words in problem.message
        assert problem.message.endswith("it was moved to quarantine and rebuilt from 2 "
                                        "assessment files.")
        assert problem.quarantined[0].read_bytes() == bad
        assert {s.company for s in p.list(include_archived=True)} == {"Acme", "Bolt"}
        assert [s.company for s in p.list()] == ["Acme"]
        assert [s.company for s in p.trash()] == ["Cora"]
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet


def test_missing_index_is_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    (folder / "portfolio.json").unlink()
    with Portfolio.open(folder) as p:
        assert p.recovery.messages() == [
            "The portfolio list was missing; it was rebuilt from 1 assessment file."]
        assert [s.id for s in p.list()] == [a.id]


def test_leftovers_of_interrupted_writes_are_cleaned_and_orphans_kept(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    tmp = folder / "assessments" / f".{a.id}.json.abc123.tmp"
    tmp.write_bytes(b"half a file")
    orphan = folder / "assessments" / "ghost.journal"
    orphan.write_bytes(encode_line({"journal": 1, "id": "ghost", "base": 0}))
    with Portfolio.open(folder) as p:
        assert not tmp.exists()
        [problem] = p.recovery.problems
        assert "without the assessment itself" in problem.message
        assert problem.quarantined[0].exists() and not orphan.exists()
        assert p.get(a.id) == a


def test_journal_of_another_assessment_is_not_applied(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    journal = folder / "assessments" / f"{a.id}.journal"
    journal.write_bytes(encode_line({"journal": 1, "id": "someone", "base": 0})
                        + encode_line({"seq": 50, "op": "fields", "v": {"title": "x"}}))
    with Portfolio.open(folder) as p:
        [problem] = p.recovery.problems
        assert "belongs to assessment 'someone'" in problem.message
        assert p.get(a.id) == a and problem.quarantined[0].exists()


def test_read_only_view_of_a_damaged_portfolio_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    _unfinished_session(folder, a.id, 4)
    snap = folder / "assessments" / f"{a.id}.json"
    snap.write_bytes(_truncate(snap.read_bytes()))
    (folder / "portfolio.json").write_bytes(b"")
    before = tree(folder)
    with Portfolio.open(folder, read_only=True) as ro:
        messages = " / ".join(ro.recovery.messages())
        assert "The portfolio list was damaged" in messages
        assert "is cut short" in messages and "will be recovered" in messages
        assert len(answers_of(ro.get(a.id))) == len(answers_of(a)) + 4
    assert tree(folder) == before


def test_damage_found_after_start_is_repaired_on_first_use(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    a = _setup(folder)
    snap = folder / "assessments" / f"{a.id}.json"
    st = snap.stat()
    raw = bytearray(snap.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # bit rot: same inode, size and time, so start trusts it
    with snap.open("r+b") as fh:
        fh.write(bytes(raw))
    os.utime(snap, ns=(st.st_atime_ns, st.st_mtime_ns))
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet
        assert p.get(a.id) == a
        [problem] = p.recovery.problems
        assert "the backup of" in problem.message and problem.quarantined[0].exists()
