"""One writer per data folder: a second process is refused cleanly with PortfolioInUse,
can open read-only (reads work, every write raises ReadOnlyError), and the lock is free
again as soon as the holder exits, even by SIGKILL."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers.common import make_assessment, tree

from cemassess.cli_store import cmd_import, cmd_list
from cemassess.domain.assessment import Answer
from cemassess.exchange.assessment_file import write_assessment
from cemassess.store import Portfolio, PortfolioInUse, ReadOnlyError

HOLD = Path(__file__).parent / "store_helpers" / "hold.py"


class Holder:
    """The other cemassess window."""

    def __init__(self, folder: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(HOLD), str(folder)], text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.first = self.read()

    def read(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.ask("quit")
            self.proc.wait(10)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "d"


def test_second_writer_is_refused_and_can_read_only(folder: Path, tmp_path: Path, capsys) -> None:
    a = make_assessment("Acme", answers=3)
    with Portfolio.open(folder) as p:
        p.create(a)
    holder = Holder(folder)
    try:
        assert holder.first == "ready"
        with pytest.raises(PortfolioInUse) as err:
            Portfolio.open(folder)
        assert str(err.value) == (
            f"the portfolio in {folder} is open in another cemassess window; open it "
            "read-only or close the other window")

        assert holder.ask(f"set {a.id} r2 d0.p5 4") == "ok"
        before = tree(folder)
        with Portfolio.open(folder, read_only=True) as ro:
            # the holder's live edits are visible, and are not "recovered" from a crash
            assert ro.get(a.id).answer("r2", "d0.p5") == Answer(value=4)
            assert [s.id for s in ro.list()] == [a.id]
            assert ro.recovery.quiet
            writes = [
                lambda: ro.set_answer(a.id, "r1", "d0.p1", Answer(value=1)),
                lambda: ro.update(a.id, lambda x: setattr(x, "title", "t")),
                lambda: ro.save(ro.get(a.id)),
                lambda: ro.create(make_assessment("New")),
                lambda: ro.duplicate(a.id),
                lambda: ro.archive(a.id),
                lambda: ro.delete(a.id),
                lambda: ro.empty_trash(),
                lambda: ro.import_files([]),
                lambda: ro.checkpoint(),
            ]
            for write in writes:
                with pytest.raises(ReadOnlyError, match="is open read-only; cannot"):
                    write()
        assert tree(folder) == before

        # The CLI: reading works while the app is open; importing says why it cannot.
        f = tmp_path / "in.json"
        write_assessment(make_assessment("Other"), f)
        ns = argparse.Namespace(data_dir=str(folder), files=[str(f)], as_copy=False)
        assert cmd_import(ns) == 1
        assert "open in another cemassess window" in capsys.readouterr().err
        ls = argparse.Namespace(data_dir=str(folder), search="", sort="modified",
                                archived=False, json=False)
        assert cmd_list(ls) == 0
        assert "Acme" in capsys.readouterr().out
    finally:
        holder.stop()
    with Portfolio.open(folder) as p:  # released on a clean exit
        assert p.recovery.quiet and not p.recovery.unclean_shutdown
        assert p.get(a.id).answer("r2", "d0.p5") == Answer(value=4)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")
def test_the_lock_dies_with_its_holder(folder: Path) -> None:
    a = make_assessment("Acme")
    with Portfolio.open(folder) as p:
        p.create(a)
    holder = Holder(folder)
    assert holder.first == "ready"
    assert holder.ask(f"set {a.id} r1 d1.p1 dk") == "ok"
    os.kill(holder.proc.pid, signal.SIGKILL)
    holder.proc.wait(10)
    with Portfolio.open(folder) as p:
        assert p.recovery.unclean_shutdown
        assert p.recovery.messages() == [
            "Recovered 1 answer to 'Acme' from an unfinished session."]
        assert p.get(a.id).answer("r1", "d1.p1") == Answer(value="dk")


def test_two_processes_opening_at_once_exactly_one_wins(folder: Path) -> None:
    a = make_assessment()
    with Portfolio.open(folder) as p:
        p.create(a)
    holders = [Holder(folder), Holder(folder)]  # started together, both hold until told
    try:
        kinds = sorted(h.first.split()[0] for h in holders)
        assert kinds == ["in-use", "ready"]
        winner = next(h for h in holders if h.first == "ready")
        loser = next(h for h in holders if h is not winner)
        assert loser.first.endswith("open it read-only or close the other window")
        assert winner.ask(f"set {a.id} r1 d0.p0 3") == "ok"
    finally:
        for h in holders:
            h.stop()
    with Portfolio.open(folder) as p:
        assert p.recovery.quiet and p.get(a.id).answer("r1", "d0.p0") == Answer(value=3)


def test_same_process_second_open_is_refused_too(folder: Path) -> None:
    with Portfolio.open(folder):
        with pytest.raises(PortfolioInUse):
            Portfolio.open(folder)
        Portfolio.open(folder, read_only=True).close()
    Portfolio.open(folder).close()
