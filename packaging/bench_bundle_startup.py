"""Start-up time of the bundled app, next to the source app and a bare PySide6 window.

    .venv/bin/python packaging/bench_bundle_startup.py [--runs 9] [--exe dist/cemassess-app/cemassess-app]

The same method as bench/bench_startup.py (which times only the source app): every run is
a fresh process, offscreen; the clock runs from launching it until it prints that its
window has been shown ("shown", after the first turn of the event loop) or that the
portfolio is open behind it ("ready"), through the app's --measure-startup option. One
warm-up round first (the OS file cache), then the cases interleaved so that drift hits them all alike. Prints the
medians; results go to docs/performance-bundle.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_startup import BARE, once  # noqa: E402  the same method as the source app's bench


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--exe", default=str(ROOT / "dist" / "cemassess-app" / "cemassess-app"),
                    help="the bundled executable (packaging/build.py makes it)")
    ap.add_argument("--no-source", action="store_true", help="time the bundle and bare only")
    args = ap.parse_args()
    exe = Path(args.exe)
    if not exe.exists():
        print(f"{exe} not found: build it first (python3 packaging/build.py)", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="cemassess-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CEMASSESS_DATA_DIR=str(tmp / "data"),
               CEMASSESS_CONFIG_DIR=str(tmp / "config"), MPLCONFIGDIR=str(tmp / "mpl"),
               PYTHONDONTWRITEBYTECODE="")
    py = sys.executable
    cases = {"bare": ([py, "-c", BARE], "shown")}
    if not args.no_source:
        cases["source shown"] = ([py, "-m", "cemassess.ui.app", "--measure-startup", "shown"],
                                 "shown")
        cases["source ready"] = ([py, "-m", "cemassess.ui.app", "--measure-startup", "ready"],
                                 "ready")
    cases["bundle shown"] = ([str(exe), "--measure-startup", "shown"], "shown")
    cases["bundle ready"] = ([str(exe), "--measure-startup", "ready"], "ready")

    for cmd, marker in cases.values():  # warm-up round
        once(cmd, env, marker)
    times: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(max(5, args.runs)):
        for name, (cmd, marker) in cases.items():
            times[name].append(once(cmd, env, marker))
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, v in times.items():
        print(f"{name:<13} median {med[name] * 1000:6.0f} ms  (min {min(v) * 1000:.0f}, "
              f"max {max(v) * 1000:.0f}, {len(v)} runs)")
    print(f"ratio bundle shown / bare = {med['bundle shown'] / med['bare']:.2f}")
    if "source shown" in med:
        print(f"ratio bundle shown / source shown = {med['bundle shown'] / med['source shown']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
