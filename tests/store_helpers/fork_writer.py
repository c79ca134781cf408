"""Fork server for the fault-injection test.

Starting Python and importing pydantic costs ~0.3 s; 200 fresh interpreters would take
over a minute. This process imports everything once, then for each `run` command forks a
child that opens the portfolio (recovery runs there), prints `ready <pid>`, and applies
changes from a seeded stream, printing `ack <pid> <i>` after each call returned. The test
kills the child with SIGKILL; this server reaps it and prints `exit <pid> <signal>`.

Protocol on stdin: `run <data_dir> <assessment id> <seed> <compact_every>` | `quit`.
Lines to stdout are single os.write calls shorter than PIPE_BUF, so they never interleave.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ for store_helpers

from cemassess.store import Portfolio  # noqa: E402
from store_helpers.faults import apply_store, ops  # noqa: E402

MAX_OPS = 20_000


def say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def child(data_dir: str, aid: str, seed: int, compact_every: int) -> None:
    pid = os.getpid()
    try:
        p = Portfolio.open(data_dir, compact_every=compact_every)
        say(f"ready {pid}")
        stream = ops(seed)
        for i in range(MAX_OPS):
            apply_store(p, aid, next(stream))
            say(f"ack {pid} {i}")
        p.close()
        say(f"done {pid}")
    except BaseException as e:  # report, never hang the test
        say(f"error {pid} {type(e).__name__}: {' '.join(str(e).split())}")
        os._exit(3)
    os._exit(0)


def main() -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        _, data_dir, aid, seed, compact_every = parts
        pid = os.fork()
        if pid == 0:
            child(data_dir, aid, int(seed), int(compact_every))
        say(f"child {pid}")
        _, status = os.waitpid(pid, 0)
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        say(f"exit {pid} {sig}")


if __name__ == "__main__":
    main()
