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


def close_on_signals(app) -> None:
    """SIGTERM (a logout, `kill`, a service manager) and SIGHUP close the app as Quit does:
    every window closes (the main window saves and closes the portfolio, so its running
    marker goes and the next start reports no crash) and the app exits 0.

    Python runs a signal handler only between bytecodes, and Qt's event loop may sleep in C
    for as long as nothing happens; so the signal's C handler writes to a socket
    (`signal.set_wakeup_fd`) that a QSocketNotifier watches, which wakes the loop."""
    import contextlib
    import signal
    import socket
    import threading

    from PySide6.QtCore import QSocketNotifier, QTimer

    if getattr(app, "_cemassess_signal_wakeup", None) or threading.current_thread() is not threading.main_thread():
        return  # once per application (tests start main() more than once)

    def close_all() -> None:
        for w in app.topLevelWidgets():
            if w.isVisible():
                w.close()
        app.quit()

    def handler(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, close_all)

    wake_r, wake_w = socket.socketpair()
    for sock in (wake_r, wake_w):
        sock.setblocking(False)
    signal.set_wakeup_fd(wake_w.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(wake_r.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            wake_r.recv(512)

    notifier.activated.connect(drain)
    app._cemassess_signal_wakeup = (wake_r, wake_w, notifier)  # alive as long as the app
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def run_participant(app, settings, questionnaire: str | None) -> int:
    """Participant mode: the participant's window only; the portfolio is never opened."""
    from cemassess.ui.participant import open_participant
    from cemassess.ui.screens.participant import focus_first

    app.setWindowIcon(app_icon())
    win = open_participant(settings, questionnaire)
    if win is None:
        return 1
    windows = [win]

    def another(paths: list) -> None:  # macOS: a second questionnaire opened with the app
        for p in paths:
            w = open_participant(settings, p)
            if w is not None:
                windows.append(w)
                w.show()

    if sys.platform == "darwin":
        app.installEventFilter(FileOpenFilter(another, app))
    win.show()
    focus_first(win.controller)
    return app.exec()


def FileOpenFilter(handler, parent):  # noqa: N802 (a QObject class, made when Qt is loaded)
    """Routes QFileOpenEvent (macOS: a file double-clicked or dropped on the Dock icon) to
    `handler([path])`, the same way as a file given on the command line."""
    from PySide6.QtCore import QEvent, QObject

    file_open = QEvent.Type.FileOpen

    class _Filter(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
            if event.type() == file_open:
                path = event.file() or event.url().toLocalFile()
                if path:
                    handler([path])
                    return True
            return False

    return _Filter(parent)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cemassess-app", description="CEM maturity assessment (desktop app)")
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="an assessment file to open (imported into the portfolio unless it is there "
                        "already), or a questionnaire to answer (participant mode)")
    p.add_argument("--participant", nargs="?", const="", metavar="QUESTIONNAIRE",
                   help="participant mode: answer a questionnaire on this computer, with no portfolio "
                        "(without a file: resume the answers given last)")
    p.add_argument("--data-dir", help="portfolio folder (default: the user data folder)")
    from cemassess.i18n import shipped_languages

    p.add_argument("--lang", choices=shipped_languages(), help="language of the app and the content")
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
    app.setDesktopFileName("io.github.cemassess")  # the .desktop file: icon and grouping on Wayland

    from cemassess.ui.settings import Settings

    settings = Settings()
    if args.lang:
        settings.language = args.lang
    participant = args.participant
    if participant is None and args.file and not args.selftest:
        from cemassess.ui.files import sniff

        if sniff(args.file) == "questionnaire":
            participant = args.file
    close_on_signals(app)
    if participant is not None:
        return run_participant(app, settings, participant or None)

    from cemassess.ui.mainwindow import MainWindow

    win = MainWindow(settings)
    if args.file and not args.selftest:
        win.open_paths([args.file])  # done once the portfolio is open
    if sys.platform == "darwin":  # files opened with the app (Finder, the Dock) arrive as events
        app.installEventFilter(FileOpenFilter(win.open_paths, app))
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
    code = app.exec()
    if win.session is not None:  # quit (SIGTERM) while start-up still asked a question
        try:
            win.session.close()
        except Exception as e:  # nothing is lost: the journals replay at the next start
            print(f"cemassess: {e}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
