"""Fault injection: SIGKILL a writer at random moments, at least 200 times, and prove that
every acknowledged change survives and no file is ever left unreadable.

A fork server (tests/store_helpers/fork_writer.py) imports once and forks one short-lived
writer per round; the writer opens the shared data folder (so recovery of the previous
round's crash runs in a process that may itself be killed), applies a seeded stream of
answer changes, removals and title edits, and prints an acknowledgement after each call
returns. Most rounds are killed 5-60 ms into writing, some during start-up recovery.
After each kill the folder is opened read-only and must hold exactly the acknowledged
changes, plus at most the one change that was in flight; every few rounds it is also
opened for writing here, which must report nothing damaged.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers.common import make_assessment
from store_helpers.faults import Model, apply_model, ops, state_of

from cemassess.store import Portfolio
from cemassess.store.snapshot import read_snapshot

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin",
                       reason="needs fork() and SIGKILL (Linux)"),
]

HELPER = Path(__file__).parent / "store_helpers" / "fork_writer.py"
KILLS = 200


class Server:
    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(HELPER)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, bufsize=0)
        self.buf = b""

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def lines(self, timeout: float):
        """Yield lines as they arrive until the timeout."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        end = time.monotonic() + timeout
        while True:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                yield line.decode()
            left = end - time.monotonic()
            if left <= 0:
                raise AssertionError("fork server went quiet")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise AssertionError("fork server exited")
                self.buf += chunk

    def close(self) -> None:
        with_timeout = 5
        try:
            self.send("quit")
            self.proc.wait(with_timeout)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def _round(server: Server, rng: random.Random, data: Path, aid: str, seed: int
           ) -> tuple[int, bool, int]:
    """One writer: returns (acknowledged changes, was killed, pid)."""
    server.send(f"run {data} {aid} {seed} {rng.choice((5, 10, 25))}")
    early = rng.random() < 0.15  # kill during open / start-up recovery
    pid, acks, signal_no, killed_at = 0, 0, None, None
    deadline = None
    for line in server.lines(timeout=30):
        kind, *rest = line.split(" ", 2)
        if kind == "child":
            pid = int(rest[0])
            if early:
                deadline = time.monotonic() + rng.uniform(0, 0.015)
        elif kind == "ready" and not early:
            deadline = time.monotonic() + rng.uniform(0.005, 0.060)
        elif kind == "ack":
            acks = int(rest[1]) + 1
        elif kind == "error":
            raise AssertionError(f"writer failed: {line}")
        elif kind == "exit":
            signal_no = int(rest[1])
            break
        if deadline is not None and killed_at is None:
            time.sleep(max(0.0, deadline - time.monotonic()))
            try:
                os.kill(pid, signal.SIGKILL)
                killed_at = time.monotonic()
            except ProcessLookupError:
                pass
    return acks, signal_no == signal.SIGKILL, pid


def _expected(model: Model, seed: int, acks: int) -> tuple[Model, Model]:
    """(state after the acknowledged changes, state if the in-flight one also landed)."""
    stream = ops(seed)
    for _ in range(acks):
        model = apply_model(model, next(stream))
    return model, apply_model(model, next(stream))


def _check_all_files_readable(data: Path) -> None:
    for snap in (data / "assessments").glob("*.json"):
        read_snapshot(snap, snap.stem)
    for backup in (data / "backups").rglob("*.json"):
        read_snapshot(backup, backup.parent.name)


def test_sigkill_never_loses_an_acknowledged_change(tmp_path: Path) -> None:
    data = tmp_path / "portfolio"
    a = make_assessment(respondents=4)
    with Portfolio.open(data) as p:
        p.create(a)
    model: Model = {"answers": {}, "title": ""}
    rng = random.Random(20240501)
    server = Server()
    kills = rounds = total_acks = in_flight_landed = 0
    started = time.monotonic()
    try:
        while kills < KILLS:
            seed = 1000 + rounds
            acks, killed, pid = _round(server, rng, data, a.id, seed)
            rounds += 1
            kills += killed
            total_acks += acks
            after_acks, with_in_flight = _expected(model, seed, acks)

            with Portfolio.open(data, read_only=True) as ro:
                assert not ro.recovery.problems, ro.recovery.messages()
                state = state_of(ro.get(a.id))
            if state == after_acks:
                model = after_acks
            else:
                assert state == with_in_flight, (
                    f"round {rounds} (pid {pid}, {acks} acknowledged): the portfolio does not "
                    "hold exactly the acknowledged changes")
                model = with_in_flight
                in_flight_landed += 1

            if rounds % 10 == 0:  # recovery with writes, here in the test process
                with Portfolio.open(data) as p:
                    assert not p.recovery.problems, p.recovery.messages()
                    assert p.recovery.unclean_shutdown == killed
                    assert state_of(p.get(a.id)) == model
                _check_all_files_readable(data)
    finally:
        server.close()
    elapsed = time.monotonic() - started

    with Portfolio.open(data) as p:
        assert not p.recovery.problems
        assert state_of(p.get(a.id)) == model
        assert [s.id for s in p.list()] == [a.id]
    _check_all_files_readable(data)
    assert not any((data / "quarantine").iterdir()), "nothing may ever look damaged"
    assert kills >= KILLS
    # not a speed check (a loaded machine acknowledges fewer in the time): enough changes for the
    # kills to land between them, far from a vacuous run
    assert total_acks > 5 * KILLS, f"too few changes were exercised ({total_acks})"
    print(f"\n{kills} SIGKILLs in {rounds} rounds, {total_acks} acknowledged changes, "
          f"{in_flight_landed} in-flight changes landed, {elapsed:.1f} s")
