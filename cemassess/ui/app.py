"""Start the desktop app: `python -m cemassess.ui.app` (what `make run` calls).

Start-up order matters (docs/performance-ui.md): only PySide6 and the window shell are
imported before the main window is shown; the domain, the store, matplotlib and reportlab
come after, when the portfolio is opened and a chart or a report is first needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping, Sequence

NO_DISPLAY = ("cemassess: no display found; the desktop app needs a graphical session "
              "(the command line works: cemassess --help)")


def has_display(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """False where Qt would abort for want of a display (Linux/BSD without X11 or Wayland)."""
    if env.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


def app_icon():
    from PySide6.QtGui import QIcon

    from cemassess.resources import resource

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource("icons", f"cemassess-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def start(win, data_dir: str | None) -> None:
    """The deferred half of start-up, on the first turn of the event loop."""
    import gc

    from PySide6.QtWidgets import QApplication

    QApplication.instance().setWindowIcon(app_icon())
    win.boot(data_dir)
    # what is loaded by now (Qt, the domain, the framework) lives as long as the app: keep
    # it out of the collector's way, so full collections stay short on the GUI thread
    gc.collect()
    gc.freeze()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cemassess-app", description="CEM maturity assessment (desktop app)")
    p.add_argument("--data-dir", help="portfolio folder (default: the user data folder)")
    p.add_argument("--lang", choices=["en", "ru"], help="language of the app and the content")
    p.add_argument("--selftest", action="store_true",
                   help="open the window offscreen, score the demo, build a PDF, exit 0 when all worked")
    # start-up benchmark (bench/bench_startup.py): print when the window is shown, then quit
    p.add_argument("--measure-startup", choices=["shown", "ready"], help=argparse.SUPPRESS)
    return p.parse_args(list(argv) if argv is not None else None)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("cemassess")
    app.setOrganizationName("cemassess")

    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.settings import Settings

    settings = Settings()
    if args.lang:
        settings.language = args.lang
    win = MainWindow(settings)
    win.show()
    if args.measure_startup == "shown":
        QTimer.singleShot(0, lambda: (print(f"shown {time.perf_counter():.6f}", flush=True), app.quit()))
        app.exec()
        return 0
    if args.selftest:
        from cemassess.ui.selftest import run_selftest

        return run_selftest(app, win, args.data_dir)
    QTimer.singleShot(0, lambda: start(win, args.data_dir))
    if args.measure_startup == "ready":
        win.ready.connect(lambda: (print(f"ready {time.perf_counter():.6f}", flush=True),
                                   win.session.close() if win.session else None, app.quit()))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
