"""A full disk mid-answer: a clear one-line error, nothing half-written, nothing lost —
even when the app then crashes before it can close the portfolio cleanly."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from cemassess.demo import make_demo
from cemassess.store import Portfolio

CHILD = textwrap.dedent("""
    import errno, os, sys
    from cemassess.domain.assessment import Answer
    from cemassess.store import Portfolio, StoreIOError
    from cemassess.store import journal as journal_mod
    aid, pid = sys.argv[1], sys.argv[2]
    p = Portfolio.open(sys.argv[3])
    p.set_answer(aid, "r1", pid, Answer(value=1))
    real_write = os.write
    def half_then_full(fd, data):  # the disk fills up in the middle of the line
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    journal_mod.os.write = half_then_full
    try:
        p.set_answer(aid, "r1", pid, Answer(value=5, comment="never acknowledged"))
    except StoreIOError as e:
        print("error:", e, flush=True)
    assert p.get(aid).answers["r1"][pid].value == 1, "memory ran ahead of the disk"
    journal_mod.os.write = real_write  # space is freed
    p.set_answer(aid, "r1", pid, Answer(value=3))
    print("acknowledged 3", flush=True)
    os._exit(0)  # crash: no close, no compaction; only the journal holds the answers
""")


def test_disk_full_then_crash(tmp_path):
    a = make_demo()
    pid = next(iter(a.answers["r1"]))
    with Portfolio.open(tmp_path) as p:
        p.create(a)
    out = subprocess.run([sys.executable, "-c", CHILD, a.id, pid, str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    error = next(line for line in out.stdout.splitlines() if line.startswith("error:"))
    assert "could not save the change" in error and "space" in error.lower()
    assert "acknowledged 3" in out.stdout
    with Portfolio.open(tmp_path) as p:
        got = p.get(a.id).answers["r1"][pid]
        problems = [m.message for m in p.recovery.problems]
    assert got.value == 3 and got.comment == ""
    assert problems == []  # no torn line was left in the journal
