"""The live room under a full room: 200 simulated participants answer every practice at a
fast tap rate through the real server on 127.0.0.1.

Measured: acknowledgement latency of each answer (p50/p95/max, seen by the phone), answers
lost (acknowledged but not in the event after the server stopped and the event was read
back from disk: must be 0), the longest stall of a simulated GUI thread (a thread in the
server's process ticking every 10 ms and measuring how late each tick is), and the server
process's memory. Targets (issue 13): p95 < 150 ms, GUI stall < 50 ms, 0 lost.

The participants are generated (random levels) and run in a separate process, as phones
would. All of them share 127.0.0.1, so the per-address limits are raised for the bench (a
room's phones have addresses of their own); the per-seat limit stays at its default.
Run: .venv/bin/python bench/bench_live.py [--participants N] [--tap-ms MS]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# -- the phones (child process) ---------------------------------------------------------------
async def phones(url: str, n: int, tap_ms: float, pids: list[str]) -> dict:
    from tests.live_helpers import Phone

    lat: list[float] = []
    acked: dict[str, dict[str, int]] = {}
    errors = 0
    rng = random.Random(5)

    async def one(i: int) -> None:
        nonlocal errors
        async with Phone(url) as ph:
            await asyncio.sleep(rng.uniform(0, 2.0))  # people join over a couple of seconds
            for _ in range(20):
                st, body = await ph.post("api/join", {"name": f"sim{i}", "company": f"Simulated {i}"})
                if st == 200:
                    break
                await asyncio.sleep(0.5)
            token = ph.token() or ""
            mine = acked.setdefault(token, {})
            for pid in pids:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * tap_ms / 1000)
                v = rng.randint(1, 5)
                while True:
                    t0 = time.perf_counter()
                    st, _ = await ph.answer(pid, v)
                    dt = time.perf_counter() - t0
                    if st == 200:
                        lat.append(dt)
                        mine[pid] = v
                        break
                    errors += 1
                    await asyncio.sleep(0.2)
            await ph.post("api/finish", {})

    t0 = time.perf_counter()
    await asyncio.gather(*[one(i) for i in range(n)])
    return {"latency": lat, "acked": acked, "errors": errors, "seconds": time.perf_counter() - t0}


def child(url: str, n: int, tap_ms: float, out: str) -> None:
    from cemassess.content import load_framework

    pids = list(load_framework().practices)
    res = asyncio.run(phones(url, n, tap_ms, pids))
    Path(out).write_text(json.dumps(res))


# -- the laptop (this process) ------------------------------------------------------------------
class GuiTicker(threading.Thread):
    """A stand-in for the Qt GUI thread: ticks every 10 ms, records how late each tick is."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.worst = 0.0
        self.late: list[float] = []

    def run(self) -> None:
        nxt = time.perf_counter() + 0.01
        while not self.stop.is_set():
            time.sleep(max(0.0, nxt - time.perf_counter()))
            now = time.perf_counter()
            self.late.append(now - nxt)
            self.worst = max(self.worst, now - nxt)
            nxt = max(nxt + 0.01, now)  # a late tick does not make the next ones look late


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--participants", type=int, default=200)
    ap.add_argument("--tap-ms", type=float, default=300.0, help="mean pause between taps")
    ap.add_argument("--child", nargs=2, metavar=("URL", "OUT"))
    ap.add_argument("--control", metavar="OUT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.control:
        # the same ticker in an idle process of its own: how late the machine itself makes it
        g = GuiTicker()
        g.start()
        while not Path(args.control + ".stop").exists():
            time.sleep(0.1)
        g.stop.set()
        g.join()
        Path(args.control).write_text(json.dumps({"worst": g.worst, "late": g.late}))
        return 0
    if args.child:
        child(args.child[0], args.participants, args.tap_ms, args.child[1])
        return 0

    os.environ["CEMASSESS_DATA_DIR"] = tempfile.mkdtemp(prefix="cem-bench-live-")
    from cemassess.content import load_framework
    from cemassess.live import Limits, LiveRoom, LiveServer

    fw = load_framework()
    room = LiveRoom.open_event("Bench room", framework=fw)
    server = LiveServer(room, limits=Limits(per_address=(100000, 100000),
                                            joins_per_address=(10000, 10000)))
    url = server.start("127.0.0.1", 0)
    mem0 = rss_mb()
    gui = GuiTicker()
    gui.start()
    work = Path(tempfile.mkdtemp())
    out = work / "phones.json"
    ctl_out = work / "control.json"
    control = subprocess.Popen([sys.executable, __file__, "--control", str(ctl_out)],
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    t0 = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--participants", str(args.participants), "--tap-ms",
                    str(args.tap_ms), "--child", url, str(out)], check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    gui.stop.set()
    gui.join()
    Path(str(ctl_out) + ".stop").touch()
    control.wait(30)
    ctl = json.loads(ctl_out.read_text())
    mem1 = rss_mb()
    counts = room.counts()
    server.stop()
    room.close()
    res = json.loads(out.read_text())
    # read the event back from disk, as a restarted laptop would, and look for every ack
    again = LiveRoom.open_event("Bench room", framework=fw)
    lost = 0
    for token, mine in res["acked"].items():
        seat = again.seat(token)
        for pid, v in mine.items():
            if seat is None or pid not in seat.answers or seat.answers[pid].value != v:
                lost += 1
    again.close()
    lat = sorted(res["latency"])
    q = statistics.quantiles(lat, n=100)
    late = sorted(gui.late)
    print(f"participants {args.participants}, practices {len(fw.practices)}, mean tap pause {args.tap_ms:.0f} ms")
    print(f"answers acknowledged {len(lat)} in {res['seconds']:.1f} s ({len(lat) / res['seconds']:.0f}/s), "
          f"refused and retried {res['errors']}")
    print(f"ack latency ms: p50 {q[49] * 1000:.1f}  p95 {q[94] * 1000:.1f}  max {lat[-1] * 1000:.1f}  (target p95 < 150)")
    print(f"answers lost: {lost}  (target 0)")
    print(f"GUI thread: longest stall {gui.worst * 1000:.1f} ms, p99 lateness "
          f"{late[int(len(late) * 0.99)] * 1000:.1f} ms over {len(late)} ticks  (target < 50)")
    print(f"control (the same ticker in an idle process meanwhile): longest {ctl['worst'] * 1000:.1f} ms, "
          f"ticks > 50 ms: GUI {sum(x > 0.05 for x in late)}, control {sum(x > 0.05 for x in ctl['late'])}")
    print(f"server process RSS: {mem0:.0f} MB before, {mem1:.0f} MB after ({mem1 - mem0:+.0f} MB)")
    print(f"room at the end: {counts}; wall {wall:.1f} s")
    ok = q[94] < 0.150 and gui.worst < 0.050 and lost == 0
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
