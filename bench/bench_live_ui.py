"""The app's GUI thread while phones answer live: the longest event-loop stall.

The real app (MainWindow, Event room → Go live) serves on 127.0.0.1 only; N simulated
phones (generated answers, used only to time; tests.live_helpers.Phone over real HTTP, on a
thread of their own) join, answer every practice as fast as the server acknowledges and
finish; the trainer has revealed the results, so the room profile and its charts are rebuilt
as they arrive. A 10 ms QTimer on the GUI thread records how late each tick fires: that
lateness is the stall a trainer would feel. Target (issue 13): GUI stall < 50 ms.

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/bench_live_ui.py [N]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def phones_main(url: str, n: int) -> int:
    """The simulated phones (run as a child process by main)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from cemassess.content import load_framework
    from tests.live_helpers import Phone

    practices = list(load_framework().practices)
    latencies: list[float] = []

    async def one(i: int) -> None:
        async with Phone(url) as ph:
            await ph.join(name=f"P{i}", company=f"C{i}")
            for j, pid in enumerate(practices):
                t0 = time.perf_counter()
                status, _ = await ph.answer(pid, 1 + (i + j) % 5)
                latencies.append((time.perf_counter() - t0) * 1000)
                assert status == 200
            await ph.post("api/finish", {})

    async def crowd() -> None:
        await asyncio.gather(*(one(i) for i in range(n)))

    asyncio.run(crowd())
    latencies.sort()
    print(f"p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms, "
          f"{len(latencies)} answers")
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--phones":
        return phones_main(sys.argv[2], int(sys.argv[3]))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    tmp = Path(tempfile.mkdtemp(prefix="cemassess-bench-live-"))
    os.environ["CEMASSESS_DATA_DIR"] = str(tmp / "data")
    os.environ["CEMASSESS_CONFIG_DIR"] = str(tmp / "config")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

    from PySide6.QtCore import QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *_: None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cemassess.content import load_framework
    from cemassess.live import Limits
    from cemassess.ui import dialogs
    from cemassess.ui import live as live_mod
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.screens import ScreenKey
    from cemassess.ui.settings import Settings
    live_mod.addresses = lambda: ["127.0.0.1"]  # loopback only
    live_mod.DEFAULT_PORT = 0
    live_mod.SERVER_LIMITS = Limits(per_address=(1e6, 1e6), per_seat=(1e6, 1e6),
                                   joins_per_address=(1e6, 1e6))  # one address for all
    dialogs.info = dialogs.error = lambda *a, **k: None
    practices = list(load_framework().practices)
    win = MainWindow(Settings())
    win.resize(1280, 800)
    win.show()
    win.boot()
    win.navigate(ScreenKey.EVENT)
    v, ev = win.views[ScreenKey.EVENT], win.controllers[ScreenKey.EVENT]
    v.event_name.setText("Bench club")

    def spin(until, limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    v.live.go_live()
    spin(lambda: v.live.live is not None and bool(v.live.live.url))
    url = v.live.live.url
    if os.environ.get("BENCH_HIDDEN") != "1":
        v.live.reveal.click()

    late: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10))
        last[0] = now

    tick = QTimer()
    tick.setInterval(10)
    tick.timeout.connect(beat)
    if os.environ.get("BENCH_TRACE") == "1":  # which GUI-thread work takes long
        def timed(name, fn):
            def wrapper(*a):
                t = time.perf_counter()
                r = fn(*a)
                d = (time.perf_counter() - t) * 1000
                if d > 5:
                    print(f"  {name}: {d:.1f} ms")
                return r
            return wrapper
        ev.refresh = timed("event refresh", ev.refresh)
        v.live._show_counts = timed("counts", v.live._show_counts)
    # the phones are another process, as they are other devices in a real room: their
    # client work must not compete with the app for its interpreter lock
    t0 = time.perf_counter()
    tick.start()
    phones = subprocess.Popen([sys.executable, __file__, "--phones", url, str(n)], stdout=subprocess.PIPE, text=True)
    spin(lambda: phones.poll() is not None, 300)
    ack = phones.stdout.read().strip() if phones.stdout else ""
    spin(lambda: ev.room is not None and len(ev.room.files) == n, 30)
    tick.stop()
    wall = time.perf_counter() - t0
    got = v.live.live.counts()
    late.sort()
    print(f"{n} phones x {len(practices)} answers in {wall:.1f} s; finished {got.finished}/{n}")
    print(f"GUI-thread stall: p50 {statistics.median(late):.1f} ms, p99 {late[int(len(late) * 0.99)]:.1f} ms, "
          f"max {late[-1]:.1f} ms (target < 50 ms)")
    print(f"answer acknowledged (seen by the phones' process): {ack}")
    v.live.release()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
