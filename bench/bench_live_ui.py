"""The app's GUI thread while phones answer live: the longest event-loop stall.

The real app (MainWindow, Event room → Go live) serves on 127.0.0.1 only; N simulated
phones (generated answers, used only to time; tests.live_helpers.Phone over real HTTP, in a
process of their own, as other devices would be) join, answer every practice as fast as the
server acknowledges and finish; the trainer has revealed the results, so the room profile,
its table and its charts are rebuilt as they arrive. A 10 ms QTimer on the GUI thread
records how late each tick fires: that lateness is the stall a trainer would feel. An idle
control process runs the same ticker meanwhile: its lateness is the machine's own noise
(other work on the shared cores). Target (issue 13): GUI stall < 50 ms.

Modes:
    child       the app as shipped: the event's room and server in a child process
    in-process  the room and server in the app's process (what the app did before)
    workshop    Workshop → Collect answers live (always in-process: the portfolio is the
                app's), phones joining as respondents of one assessment

Run:
    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/bench_live_ui.py [N] [--runs R]
        R rounds (default 3), each one run of `child` and one of `in-process`, alternating,
        each in a fresh process; prints every run and the medians side by side.
    ... bench_live_ui.py --workshop [N] [--runs R]     workshop mode (default 20 phones)
    ... bench_live_ui.py 200 --baseline DIR            also DIR's code (a checkout of the code
        before: git archive main | tar -x -C DIR), as "baseline", in-process
    ... --pace MS --spread S      phones tap every MS ms on average (0.5-1.5x; default: as
        fast as acknowledged) and join within S seconds (default: at once)
    ... bench_live_ui.py --one MODE N                  one run; prints one JSON line
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# the code measured (--baseline points a run at another checkout, e.g. the code before)
ROOT = Path(os.environ.get("BENCH_ROOT") or Path(__file__).resolve().parents[1])


def profiled(fn, slower_than: float, lines: int):
    """`fn`, printing its profile (to stderr) whenever one call takes over `slower_than` s
    (BENCH_PROFILE=1: where a GUI-thread stall comes from)."""
    import cProfile
    import pstats

    def wrapper(*a, **k):
        pr = cProfile.Profile()
        pr.enable()
        t = time.perf_counter()
        r = fn(*a, **k)
        pr.disable()
        if time.perf_counter() - t > slower_than:
            pstats.Stats(pr, stream=sys.stderr).sort_stats("cumulative").print_stats(lines)
        return r
    return wrapper

def phones_main(url: str, n: int, workshop: bool) -> int:
    """The simulated phones (run as a child process by one run)."""
    sys.path.insert(0, str(ROOT))
    import random

    from cemassess.content import load_framework
    from tests.live_helpers import Phone

    practices = list(load_framework().practices)
    latencies: list[float] = []
    roles = ("sales", "marketing", "service", "management", "other")
    pace = float(os.environ.get("BENCH_PACE_MS") or 0) / 1000  # mean pause between taps
    spread = float(os.environ.get("BENCH_SPREAD_S") or 0)  # joins spread over this long

    async def one(i: int) -> None:
        rng = random.Random(i)
        if spread:
            await asyncio.sleep(rng.uniform(0, spread))
        async with Phone(url) as ph:
            if workshop:
                await ph.join(name=f"R{i}", role=roles[i % len(roles)])
            else:
                await ph.join(name=f"P{i}", company=f"C{i}")
            for j, pid in enumerate(practices):
                t0 = time.perf_counter()
                status, _ = await ph.answer(pid, 1 + (i + j) % 5)
                latencies.append((time.perf_counter() - t0) * 1000)
                assert status == 200
                if pace:
                    await asyncio.sleep(rng.uniform(0.5, 1.5) * pace)
            if not workshop:
                await ph.post("api/finish", {})

    async def crowd() -> None:
        await asyncio.gather(*(one(i) for i in range(n)))

    asyncio.run(crowd())
    latencies.sort()
    print(json.dumps({"ack_p50": statistics.median(latencies),
                      "ack_p95": latencies[int(len(latencies) * 0.95)], "acked": len(latencies)}))
    return 0


def control_main() -> int:
    """The idle control: the same 10 ms ticker in a process that does nothing else, until a
    line arrives on stdin."""
    import threading

    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication(sys.argv[:1])
    late: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10))
        last[0] = now

    tick = QTimer()
    tick.setInterval(10)
    tick.timeout.connect(beat)
    tick.start()
    stop = QTimer()
    stop.setInterval(50)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), done.set()), daemon=True).start()
    stop.timeout.connect(lambda: app.quit() if done.is_set() else None)
    stop.start()
    print("ready", flush=True)
    app.exec()
    late.sort()
    print(json.dumps(stats(late)), flush=True)
    return 0


def stats(late: list[float]) -> dict[str, float]:
    late = sorted(late) or [0.0]
    return {"p50": statistics.median(late), "p99": late[int(len(late) * 0.99)], "max": late[-1],
            "over50": sum(1 for x in late if x > 50), "ticks": len(late)}


def one_run(mode: str, n: int) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="cemassess-bench-live-"))
    os.environ["CEMASSESS_DATA_DIR"] = str(tmp / "data")
    os.environ["CEMASSESS_CONFIG_DIR"] = str(tmp / "config")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

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
    live_mod.CHILD_PROCESS = mode == "child"
    dialogs.info = dialogs.error = lambda *a, **k: None
    practices = list(load_framework().practices)
    win = MainWindow(Settings())
    win.resize(1280, 800)
    win.show()
    from cemassess.ui.app import start

    start(win, None)  # what the app does on its first turn: boot, then gc.freeze()

    def spin(until, limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    workshop = mode == "workshop"
    if workshop:
        from cemassess.domain.assessment import Company

        s = win.session
        s.create(company=Company(name="Bench Ltd (simulated)"), assessor="Bench")
        # opening an assessment builds the walk-through's pages, one per event-loop turn
        # (~0.1 s each): not the live room's doing, so the ticker starts once they are built
        walk = win.views[ScreenKey.WALK]
        spin(lambda: len(walk.dim_pages) == len(s.framework.dimensions), 60)
        panel = win.collect_live().panel
        done = lambda: len(s.assessment.respondents) == n + 1 and all(  # noqa: E731
            len(s.assessment.answers.get(r.id, {})) == len(practices) for r in s.assessment.respondents[1:])
    else:
        win.navigate(ScreenKey.EVENT)
        v, ev = win.views[ScreenKey.EVENT], win.controllers[ScreenKey.EVENT]
        v.event_name.setText("Bench club (simulated)")
        panel = v.live
        done = lambda: ev.room is not None and len(ev.room.files) == n  # noqa: E731
    panel.go_live()
    spin(lambda: panel.live is not None and bool(panel.live.url))
    url = panel.live.url
    if not workshop and os.environ.get("BENCH_HIDDEN") != "1":
        panel.reveal.click()
    spin(lambda: workshop or panel.live.revealed, 10)

    late: list[float] = []
    last = [time.perf_counter()]
    trace = os.environ.get("BENCH_TRACE") == "1"  # which GUI-thread work takes long

    late_at: list[tuple[float, float]] = []

    def beat() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10))
        late_at.append((now, late[-1]))
        if trace and late[-1] > 15:
            mpl = "matplotlib" in sys.modules
            print(f"  late tick {late[-1]:.1f} ms at {now - t0:.2f} s (matplotlib loaded: {mpl})",
                  file=sys.stderr)
        last[0] = now

    if trace:
        def timed(name, fn):
            def wrapper(*a, **k):
                t = time.perf_counter()
                r = fn(*a, **k)
                d = (time.perf_counter() - t) * 1000
                if d > 3:
                    print(f"  {name}: {d:.1f} ms at {t - t0:.2f} s", file=sys.stderr)
                return r
            return wrapper
        import gc

        gc_t: dict[str, float] = {}

        def on_gc(phase: str, info: dict) -> None:
            if phase == "start":
                gc_t["t"] = time.perf_counter()
            elif (d := (time.perf_counter() - gc_t.get("t", 0)) * 1000) > 3:
                print(f"  gc gen {info['generation']}: {d:.1f} ms at {time.perf_counter() - t0:.2f} s",
                      file=sys.stderr)
        gc.callbacks.append(on_gc)
        lv = panel.live
        if not workshop:
            if os.environ.get("BENCH_PROFILE") == "1":
                ev.refresh = profiled(ev.refresh, 0.02, 12)
            ev.refresh = timed("event refresh", ev.refresh)
            for kind, chart in v.charts.items():
                chart._done = timed(f"chart {kind} shown", chart._done)
                chart.redraw = timed(f"chart {kind} asked", chart.redraw)
            ev._live_room = timed("event live room", ev._live_room)
        if workshop:
            s.merge_live = timed("merge_live", s.merge_live)
            if os.environ.get("BENCH_PROFILE") == "1":
                s.merge_live = profiled(s.merge_live, 0.04, 25)
        panel._show_counts = timed("counts", panel._show_counts)
        lv._on_events = timed("session events", lv._on_events)
        lv._on_done = timed("session done", lv._on_done)

    tick = QTimer()
    tick.setInterval(10)
    tick.timeout.connect(beat)
    control = subprocess.Popen([sys.executable, __file__, "--control"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert control.stdout is not None and control.stdin is not None
    control.stdout.readline()  # ready
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()  # noqa: F841 (the trace's clock)
    last[0] = t0
    tick.start()
    if os.environ.get("BENCH_SAMPLE"):  # what the other threads run while the GUI waits
        import collections
        import threading
        import traceback

        samples: list[tuple[float, str, str]] = []  # (time, thread, stack)
        main_id = threading.main_thread().ident
        names = {th.ident: th.name for th in threading.enumerate()}

        def sample() -> None:
            end = time.perf_counter() + float(os.environ["BENCH_SAMPLE"])
            while time.perf_counter() < end:
                now = time.perf_counter()
                for tid, frame in sys._current_frames().items():
                    if tid != threading.get_ident():
                        stack = traceback.extract_stack(frame)[-5:]
                        samples.append((now, "GUI" if tid == main_id else names.get(tid, str(tid)), " <- ".join(
                            f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(stack))))
                time.sleep(0.002)
            lates = []
            t_prev = 0.0
            for at, lt in late_at:
                if lt > 40:
                    lates.append((at - lt / 1000 - 0.01, at))
            for a, b in lates:
                print(f"  -- late window {a - t0:.2f}-{b - t0:.2f} s", file=sys.stderr)
                seen = collections.Counter((th, st) for t, th, st in samples if a <= t <= b)
                for (th, st), k in seen.most_common(6):
                    print(f"     {k:3d} [{th}] {st}", file=sys.stderr)
            del t_prev
        threading.Thread(target=sample, daemon=True).start()
    phones = subprocess.Popen([sys.executable, __file__, "--phones", url, str(n), "1" if workshop else "0"],
                              stdout=subprocess.PIPE, text=True)
    spin(lambda: phones.poll() is not None, 600)
    ack = json.loads(phones.stdout.read().strip() or "{}") if phones.stdout else {}
    spin(done, 60)
    wall = time.perf_counter() - t0
    # the last profile's table and charts are made after it arrives: keep measuring
    end = time.perf_counter() + 2.0
    spin(lambda: time.perf_counter() > end, 5)
    tick.stop()
    control.stdin.write("stop\n")
    control.stdin.flush()
    ctl = json.loads(control.stdout.readline())
    control.wait(10)
    got = panel.live.counts()
    out = {"mode": mode, "n": n, "practices": len(practices), "wall": wall, "complete": bool(done()),
           "joined": got.joined, "finished": got.finished, "load": (load0 + os.getloadavg()[0]) / 2,
           "gui": stats(late), "control": ctl, **ack}
    print(json.dumps(out), flush=True)
    panel.release()
    win.close()
    return 0


def run_child(mode: str, n: int, root: Path = ROOT) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root), "BENCH_ROOT": str(root)}
    out = subprocess.run([sys.executable, __file__, "--one", mode, str(n)], capture_output=True,
                         text=True, timeout=900, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--phones"]:
        return phones_main(args[1], int(args[2]), args[3] == "1")
    if args[:1] == ["--control"]:
        return control_main()
    if args[:1] == ["--one"]:
        return one_run(args[1], int(args[2]))
    runs = 3
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    baseline: Path | None = None
    if "--baseline" in args:
        i = args.index("--baseline")
        baseline = Path(args[i + 1]).resolve()
        del args[i:i + 2]
    for flag, var in (("--pace", "BENCH_PACE_MS"), ("--spread", "BENCH_SPREAD_S")):
        if flag in args:  # the phones' pace (inherited by every run's phones)
            i = args.index(flag)
            os.environ[var] = args[i + 1]
            del args[i:i + 2]
    workshop = "--workshop" in args
    args = [a for a in args if a != "--workshop"]
    n = int(args[0]) if args else (20 if workshop else 200)
    modes = ["workshop"] if workshop else ["child", "in-process"]
    if baseline is not None:  # that checkout's code, its room in the app's process
        modes.append("baseline")
    results: dict[str, list[dict]] = {m: [] for m in modes}
    for r in range(runs):
        for m in modes if r % 2 == 0 else modes[::-1]:  # alternate, so load drifts hit all
            if m == "baseline":
                assert baseline is not None
                res = run_child("in-process", n, baseline)
            else:
                res = run_child(m, n)
            results[m].append(res)
            g, c = res["gui"], res["control"]
            print(f"run {r + 1} {m:10s}: GUI stall max {g['max']:6.1f} ms, p99 {g['p99']:5.1f} ms, "
                  f"ticks > 50 ms {g['over50']}/{g['ticks']} | control max {c['max']:6.1f} ms | "
                  f"ack p50 {res.get('ack_p50', 0):.0f} ms p95 {res.get('ack_p95', 0):.0f} ms | "
                  f"{res['wall']:.1f} s, load {res['load']:.1f}, complete {res['complete']}", flush=True)
    pace = f"a tap every {os.environ['BENCH_PACE_MS']} ms" if os.environ.get("BENCH_PACE_MS") \
        else "taps as fast as acknowledged"
    print(f"\nmedians over {runs} runs, {n} phones x {results[modes[0]][0]['practices']} answers, "
          f"{pace}, joins within {os.environ.get('BENCH_SPREAD_S') or 0} s:")
    print("| mode | GUI stall max | GUI p99 | ticks > 50 ms | control max | ack p50 / p95 | load |")
    print("|---|---|---|---|---|---|---|")
    for m in modes:
        rs = results[m]

        def med(f, rs=rs) -> float:
            return statistics.median(f(x) for x in rs)
        print(f"| {m} | {med(lambda x: x['gui']['max']):.0f} ms "
              f"({', '.join(str(round(x['gui']['max'])) for x in rs)}) | {med(lambda x: x['gui']['p99']):.1f} ms | "
              f"{med(lambda x: x['gui']['over50']):.0f} | {med(lambda x: x['control']['max']):.0f} ms | "
              f"{med(lambda x: x.get('ack_p50', 0)):.0f} / {med(lambda x: x.get('ack_p95', 0)):.0f} ms | "
              f"{med(lambda x: x['load']):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
