"""A second cemassess process for the locking tests: opens the portfolio for writing and
obeys commands on stdin, one per line, answering on stdout.

    python hold.py DATA_DIR   -> prints "ready" or "in-use <message>"
    set AID RESPONDENT PRACTICE VALUE   -> "ok"
    quit                                -> closes cleanly, prints "closed"
"""

from __future__ import annotations

import sys

from cemassess.store import Portfolio, PortfolioInUse


def main() -> None:
    try:
        p = Portfolio.open(sys.argv[1])
    except PortfolioInUse as e:
        print(f"in-use {e}", flush=True)
        return
    print("ready", flush=True)
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "set":
            aid, r, pid, value = args
            p.set_answer(aid, r, pid, {"value": int(value) if value.isdigit() else value})
            print("ok", flush=True)
        elif cmd == "quit":
            break
    p.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
