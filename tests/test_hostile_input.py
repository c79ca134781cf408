"""Hostile input gets one line and loses nothing (issue 12, items 5-8): control characters,
FIFOs and devices, unknown practices, huge frameworks, disk full during import, bad
command-line arguments, shelf packs posing as the shipped one, data folders 0700."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cemassess.cli import main
from cemassess.content import load_benchmarks, load_framework
from cemassess.demo import make_demo
from cemassess.domain import hygiene
from cemassess.domain.assessment import Answer, Assessment, Company, Respondent
from cemassess.domain.framework import Role
from cemassess.exchange.assessment_file import dumps_assessment, write_assessment
from cemassess.exchange.participant import answer_file_from, dumps
from cemassess.store import Portfolio

ESC = "\x1b"
posix_only = pytest.mark.skipif(os.name == "nt", reason="FIFOs, /dev/zero and file modes are POSIX")


def _lines(text: str) -> list[str]:
    return [x for x in text.splitlines() if x.strip()]


# -- item 5: one text-hygiene rule ------------------------------------------------------------
def test_the_rule_refuses_controls_and_bidi_and_cleans_typed_text():
    for bad in ("a\x00b", "a\x07b", f"x{ESC}[2J", "a\x7fb", "a\x9bb", "abc\u202edcba", "a\u2066b"):
        assert hygiene.problem(bad, multiline=True), repr(bad)
        assert hygiene.problem(hygiene.clean(bad, multiline=True), multiline=True) is None
    assert hygiene.problem("line one\r\nline two\ttab", multiline=True) is None
    assert hygiene.problem("a\nb") and hygiene.clean("a\nb") == "a b"
    assert hygiene.problem("Ромашка — ООО «Вектор» 😀") is None
    # what the app keeps from typing or pasting: names on one line, comments multi-line
    assert Company(name=f"Ac{ESC}]0;pwned\x07me").name == "Ac]0;pwnedme"
    assert Respondent(id="r1", name="Eve\u202eevil").name == "Eveevil"
    ans = Answer(value=3, comment=f"first\r\nsecond{ESC}[31m\x00")
    assert ans.comment == "first\r\nsecond[31m"
    a = make_demo()
    a.title = f"T{ESC}itle"
    assert a.title == "Title"
    assert hygiene.for_terminal(f"a{ESC}[2Jb\u202e\r\n") == "a\\u001b[2Jb\\u202e\\u000d\n"


def test_import_refuses_a_file_with_control_characters(tmp_path, capsys):
    a = make_demo()
    raw = json.loads(dumps_assessment(a))
    raw["company"]["name"] = f"Evil{ESC}]0;owned{chr(7)}"
    f = tmp_path / "evil.cemassess.json"
    f.write_text(json.dumps(raw), encoding="utf-8")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert _lines(err) == [err.strip()] and ESC not in err
    assert "company.name" in err and "U+001B (ESC)" in err
    with Portfolio.open(data, read_only=True) as p:
        assert p.list() == []
    # the same for an answer file, a framework and a benchmark pack
    af = json.loads(dumps(answer_file_from(a, "r1")))
    af["respondent"]["name"] = "x\x00y"
    (tmp_path / "ans").mkdir()
    (tmp_path / "ans" / "a.json").write_text(json.dumps(af), encoding="utf-8")
    from cemassess.exchange.participant import read_batch

    batch = read_batch([tmp_path / "ans"], load_framework())
    assert not batch.accepted and "U+0000 (NUL)" in batch.refused[0].reason
    fwraw = json.loads((Path(__file__).parent / "data" / "tiny-framework.json").read_text(encoding="utf-8"))
    fwraw["title"]["en"] = "Tiny\u202e"
    (tmp_path / "fw.json").write_text(json.dumps(fwraw), encoding="utf-8")
    assert main(["--data-dir", str(data), "frameworks", "import", str(tmp_path / "fw.json")]) == 2
    assert "bidirectional" in capsys.readouterr().out


def test_terminal_output_never_carries_a_raw_escape(tmp_path, capsys):
    data = tmp_path / "data"
    a = make_demo()
    with Portfolio.open(data) as p:
        p.create(a)
    # an index written before the rule (a cache the list prints from) holding escapes
    index = data / "portfolio.json"
    raw = index.read_text(encoding="utf-8")
    assert a.company.name in raw
    index.write_text(raw.replace(a.company.name, "Evil\\u001b[2J\\u009b31m"), encoding="utf-8")
    assert main(["--data-dir", str(data), "list"]) == 0
    out = capsys.readouterr().out
    assert ESC not in out and "\x9b" not in out and "Evil\\u001b[2J" in out
    # a file whose very name holds an escape, inside a folder given to `room` and `answers`
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"p{ESC}]0;title{chr(7)}.json").write_text("{", encoding="utf-8")
    assert main(["room", str(folder), "-o", str(tmp_path / "out")]) == 2
    got = capsys.readouterr()
    assert ESC not in got.out + got.err and "\\u001b]0;title\\u0007" in got.out
    assert main(["--data-dir", str(data), "answers", a.id, str(folder)]) == 2
    got = capsys.readouterr()
    assert ESC not in got.out + got.err and "refused: p\\u001b" in got.out
    # --json stays valid JSON: the escape is a JSON escape
    assert main(["--data-dir", str(data), "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert ESC not in out and json.loads(out)[0]["company"].startswith("Evil\x1b")


def test_command_line_arguments_with_control_characters_are_refused(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "list", "--search", f"x{ESC}[2J"]) == 2
    err = capsys.readouterr().err
    assert _lines(err) == [err.strip()] and "--search" in err and ESC not in err


# -- item 6: unbounded reads -----------------------------------------------------------------
def _run(args: list[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    t0 = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "cemassess", *args], capture_output=True, text=True,
                         timeout=timeout)
    assert time.monotonic() - t0 < timeout
    return run


@posix_only
def test_fifo_and_dev_zero_get_one_line_and_never_hang(tmp_path):
    data = tmp_path / "data"
    a = make_demo()
    with Portfolio.open(data) as p:
        p.create(a)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    for target in (fifo, zero):
        for args in (["import", str(target)], ["answers", a.id, str(target)],
                     ["frameworks", "import", str(target)], ["score", str(target)],
                     ["benchmarks", "import", str(target)]):
            run = _run(["--data-dir", str(data), *args])
            said = _lines(run.stdout + run.stderr)
            assert run.returncode == 2, (args, run.stdout, run.stderr)
            assert "Traceback" not in run.stderr
            assert any("not a regular file" in x for x in said), (args, said)
    run = _run(["room", str(zero), "-o", str(tmp_path / "out")])
    assert run.returncode == 2 and "not a regular file" in run.stdout + run.stderr


def test_no_lock_is_held_while_outside_files_are_read(tmp_path, monkeypatch, capsys):
    from cemassess.exchange import strictjson

    data = tmp_path / "data"
    a = make_demo()
    with Portfolio.open(data) as p:
        p.create(a)
    f = tmp_path / "b.cemassess.json"
    write_assessment(make_demo().model_copy(update={"id": "other1"}), f)
    folder = tmp_path / "answers"
    folder.mkdir()
    r = a.respondents[0]
    (folder / "x.json").write_bytes(dumps(answer_file_from(a.model_copy(update={"respondents": [r]}), r.id)))
    seen: list[str] = []
    real = strictjson.read_bounded

    def probe(path, **kw):  # is the portfolio free while an outside file is being read?
        if Path(path).parent in (tmp_path, folder):
            with Portfolio.open(data):
                seen.append(Path(path).name)
        return real(path, **kw)

    monkeypatch.setattr(strictjson, "read_bounded", probe)
    import cemassess.exchange.participant as participant

    monkeypatch.setattr(participant, "read_bounded", probe)
    import cemassess.store.frameworks as frameworks

    monkeypatch.setattr(frameworks, "read_bounded", probe)
    fw_file = tmp_path / "tiny.json"
    fw_file.write_bytes((Path(__file__).parent / "data" / "tiny-framework.json").read_bytes())
    from cemassess.exchange.benchmark_file import write_benchmark_pack

    pack_file = tmp_path / "pack.json"
    write_benchmark_pack(load_benchmarks().model_copy(update={"id": "mine", "title": "Mine", "title_ru": ""}),
                         pack_file)
    assert main(["--data-dir", str(data), "import", str(f)]) == 0
    assert main(["--data-dir", str(data), "answers", a.id, str(folder)]) == 0, capsys.readouterr()
    assert main(["--data-dir", str(data), "frameworks", "import", str(fw_file)]) == 0
    assert main(["--data-dir", str(data), "benchmarks", "import", str(pack_file)]) == 0
    # before: PortfolioInUse inside the probe
    assert seen == ["b.cemassess.json", "x.json", "tiny.json", "pack.json"]


def test_answers_to_practices_not_in_the_framework_are_refused(tmp_path, capsys):
    a = make_demo()
    a.answers["r1"]["no.such_practice"] = Answer(value=5)
    f = tmp_path / "a.cemassess.json"
    write_assessment(a, f)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert "not in framework cem-b2b" in err and "no.such_practice" in err
    with Portfolio.open(data, read_only=True) as p:
        assert p.list() == []


@pytest.mark.parametrize("extra, why", [(10_000, "too large"), (600, "605 practices; at most 500")])
def test_a_huge_framework_is_refused_quickly(tmp_path, capsys, extra, why):
    raw = json.loads((Path(__file__).parent / "data" / "tiny-framework.json").read_text(encoding="utf-8"))
    proto = raw["dimensions"][0]["practices"][0]
    practices = []
    for i in range(extra):
        p = json.loads(json.dumps(proto))
        p["id"] = f"p{i}"
        for j, act in enumerate(p["actions"]):
            act["id"] = f"p{i}.a{j}"
        practices.append(p)
    raw["dimensions"][0]["practices"] += practices  # a valid framework, only far too big
    big = tmp_path / "big.json"
    big.write_text(json.dumps(raw, separators=(",", ":")), encoding="utf-8")
    t0 = time.monotonic()
    code = main(["--data-dir", str(tmp_path / "d"), "frameworks", "import", str(big)])
    took = time.monotonic() - t0
    out = capsys.readouterr().out
    assert code == 2 and _lines(out) == [out.strip()] and "refused: big.json" in out
    assert why in out
    assert took < 5, took


# -- item 7: disk full during import -----------------------------------------------------------
def test_disk_full_during_import_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    from cemassess.store import snapshot

    data = tmp_path / "data"
    f = tmp_path / "a.cemassess.json"
    a = make_demo()
    write_assessment(a, f)
    with Portfolio.open(data):
        pass

    def full(self, aid, seq, raw):  # the snapshot fits, its backup does not
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(snapshot.Backups, "add", full)
    assert main(["--data-dir", str(data), "import", str(f)]) == 2
    err = capsys.readouterr().err
    assert "could not be written" in err and "nothing was kept" in err
    monkeypatch.undo()
    with Portfolio.open(data) as p:  # before: the assessment was listed after "refused"
        assert p.list() == [] and p.recovery.quiet
    assert not (data / "assessments" / f"{a.id}.json").exists()
    assert not (data / "backups" / a.id).exists()
    assert main(["--data-dir", str(data), "import", str(f)]) == 0  # space freed: it imports


def test_disk_full_writing_the_index_after_import_keeps_what_was_imported(tmp_path, monkeypatch, capsys):
    from cemassess.store import index

    data = tmp_path / "data"
    f = tmp_path / "a.cemassess.json"
    a = make_demo()
    write_assessment(a, f)
    with Portfolio.open(data):
        pass

    def full(self, entries):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(index.PortfolioIndex, "put", full)
    monkeypatch.setattr(index.PortfolioIndex, "write_all", full)
    assert main(["--data-dir", str(data), "import", str(f)]) == 0  # what it says is true:
    assert f"imported as {a.id}" in capsys.readouterr().out
    monkeypatch.undo()
    with Portfolio.open(data, read_only=True) as p:
        assert [s.id for s in p.list()] == [a.id]


# -- item 8: arguments, the shelf, folder modes ---------------------------------------------
@pytest.mark.parametrize("args", [["--id", "../../evil"], ["--title", "x" * 201], ["--id", "Bad Id"],
                                  ["--title", ""], ["--id", "illustrative-2026"],
                                  ["--title", "Illustrative benchmark (generated, not measured)"]])
def test_benchmarks_build_arguments_give_one_line(tmp_path, capsys, args):
    data = tmp_path / "data"
    base = make_demo()
    with Portfolio.open(data) as p:
        for i in range(5):
            p.create(base.model_copy(update={"id": f"co{i}"}))
    assert main(["--data-dir", str(data), "benchmarks", "build", *args]) == 2
    got = capsys.readouterr()
    assert _lines(got.err) == [got.err.strip()] and "Traceback" not in got.err and got.out == ""
    assert not (tmp_path / "evil.json").exists() and not (data.parent / "evil.json").exists()
    assert not list((data / "benchmarks").glob("*.json")) if (data / "benchmarks").exists() else True


def test_shelf_packs_cannot_pose_as_the_shipped_one_or_date_from_the_future(tmp_path, capsys):
    from cemassess.exchange.benchmark_file import write_benchmark_pack

    shipped = load_benchmarks()
    data = tmp_path / "data"
    same_id = shipped.model_copy(update={"title": "Mine", "title_ru": "Мой"})
    same_title = shipped.model_copy(update={"id": "mine", "title_ru": "Мой"})
    future = shipped.model_copy(update={"id": "mine", "title": "Mine", "title_ru": "Мой",
                                        "created": dt.date(9999, 12, 31)})
    for name, pack in (("id.json", same_id), ("title.json", same_title), ("future.json", future)):
        write_benchmark_pack(pack, tmp_path / name)
    assert main(["--data-dir", str(data), "benchmarks", "import",
                 *(str(tmp_path / n) for n in ("id.json", "title.json", "future.json"))]) == 2
    out = capsys.readouterr().out
    assert "belongs to the pack that ships" in out and "is the shipped pack's" in out and "in the future" in out
    assert not list((data / "benchmarks").glob("*.json"))
    # a future-dated pack already on the shelf (saved before this rule) blocks no update
    (data / "benchmarks").mkdir(parents=True, exist_ok=True)
    (data / "benchmarks" / "mine.json").write_text(json.dumps(future.model_dump(mode="json")), encoding="utf-8")
    update = future.model_copy(update={"created": dt.date.today()})
    write_benchmark_pack(update, tmp_path / "update.json")
    assert main(["--data-dir", str(data), "benchmarks", "import", str(tmp_path / "update.json")]) == 0
    saved = json.loads((data / "benchmarks" / "mine.json").read_text(encoding="utf-8"))
    assert saved["created"] == dt.date.today().isoformat()


@posix_only
def test_data_folders_are_private(tmp_path):
    old = os.umask(0o022)
    try:
        data = tmp_path / "data"
        with Portfolio.open(data) as p:
            p.create(make_demo())
            from cemassess.store.benchmarks import save_pack
            from cemassess.store.frameworks import import_framework

            save_pack(p, load_benchmarks().model_copy(update={"id": "mine", "title": "Mine", "title_ru": ""}))
            import_framework(p, Path(__file__).parent / "data" / "tiny-framework.json")
        folders = [data, *(x for x in data.rglob("*") if x.is_dir())]
        names = {x.relative_to(data).as_posix() for x in folders}
        assert {"backups", "frameworks", "benchmarks", "assessments"} <= names
        assert any(n.startswith("backups/") for n in names)
        bad = {x.relative_to(data).as_posix(): oct(stat.S_IMODE(x.stat().st_mode))
               for x in folders if stat.S_IMODE(x.stat().st_mode) != 0o700}
        assert bad == {}
    finally:
        os.umask(old)


def test_role_is_kept_for_cleaned_names():  # the domain rule keeps everything else intact
    r = Respondent(id="r2", name="Anna\x00", role=Role.SALES)
    assert r.name == "Anna" and r.role is Role.SALES
    assert Assessment(company=Company(name="ООО «Вектор»")).company.name == "ООО «Вектор»"


@posix_only
def test_routing_a_fifo_given_to_the_app_does_not_block(tmp_path):
    from cemassess.ui.files import answers_for, sniff

    fifo = tmp_path / "dropped.json"
    os.mkfifo(fifo)
    t0 = time.monotonic()
    assert sniff(fifo) == "unknown" and answers_for(fifo) == ("", "")  # before: blocked forever
    assert time.monotonic() - t0 < 2


def test_text_typed_in_the_app_is_cleaned_on_its_way_to_the_store(qapp, tmp_path):
    from cemassess.ui.session import Session

    with Portfolio.open(tmp_path / "d") as p:
        s = Session(p, "en")
        aid = s.create(company=Company(name="Acme"))
        pid = next(iter(s.framework.practices))
        rid = s.assessment.respondents[0].id
        s.update_answer(pid, value=3, comment=f"note{ESC}[2J\x07")  # before: kept as typed
        assert s.answer(pid).comment == "note[2J"
        s.update_respondent(rid, name="Eve\u202eevil")
        stored = p.get(aid)
        assert stored.answers[rid][pid].comment == "note[2J" and stored.respondent(rid).name == "Eveevil"
        # the store API itself: a model_copy(update=...) is not validated, the store validates
        other = next(x for x in s.framework.practices if x != pid)
        p.set_answer(aid, rid, other, Answer(value=2).model_copy(update={"comment": "x\x00y"}))
        assert p.get(aid).answers[rid][other].comment == "xy"


@posix_only
def test_an_output_path_that_is_a_device_or_fifo_is_refused_and_left_alone(tmp_path):
    """Writing 'over' a device or FIFO (an atomic replace) would destroy it as root."""
    from cemassess.exchange.atomic import atomic_write_bytes

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write_bytes(Path("/dev/null"), b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.tmp"))
