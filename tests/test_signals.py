"""SIGTERM (a logout, `kill`, a service manager) closes the app and the CLI cleanly: the
portfolio is closed, its running marker removed, so the next start reports no crash; the app
exits 0, the CLI prints one line and exits 143 (128 + SIGTERM), never a traceback. And a
second app on a portfolio in use is told so. Real processes throughout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from cemassess.demo import make_demo
from cemassess.store import Portfolio

ROOT = Path(__file__).resolve().parent.parent


def env_for(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1",
                PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
                CEMASSESS_CONFIG_DIR=str(tmp_path / "config"))


def wait_for(path: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.05)


def test_sigterm_closes_the_app_cleanly(tmp_path):
    data = tmp_path / "data"
    with Portfolio.open(data) as p:
        p.create(make_demo("en"))
    app = subprocess.Popen([sys.executable, "-m", "cemassess.ui.app", "--data-dir", str(data)],
                           env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    try:
        wait_for(data / "running", app)  # the portfolio is open
        time.sleep(1.0)  # and the event loop idle (asleep in C, where only a wake-up reaches it)
        app.send_signal(signal.SIGTERM)
        out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, f"exit {app.returncode}:\n{err[-3000:]}"
    assert "Traceback" not in err
    assert not (data / "running").exists(), "the next start would report a crash"
    with Portfolio.open(data) as again:
        assert again.recovery.quiet, again.recovery.messages()


CLI_BUSY = textwrap.dedent("""
    import sys, time
    from cemassess import cli
    from cemassess.store import Portfolio

    def busy(self, *a, **k):  # an import that takes long, the portfolio open for writing
        print("busy", flush=True)
        time.sleep(120)

    Portfolio.import_files = busy
    sys.exit(cli.main(["import", sys.argv[1]]))
""")


def test_sigterm_stops_the_cli_in_one_line_and_closes_the_portfolio(tmp_path):
    data = tmp_path / "data"
    demo = tmp_path / "demo.cemassess.json"
    from cemassess.exchange.assessment_file import write_assessment

    write_assessment(make_demo("en"), demo)
    cli = subprocess.Popen([sys.executable, "-c", CLI_BUSY, str(demo)],
                           env=dict(env_for(tmp_path), CEMASSESS_DATA_DIR=str(data)),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert cli.stdout.readline().strip() == "busy", cli.communicate()[1]
        assert (data / "running").exists()
        cli.send_signal(signal.SIGTERM)
        _out, err = cli.communicate(timeout=60)
    finally:
        if cli.poll() is None:
            cli.kill()
    assert cli.returncode == 143, err
    assert err.strip() == "cemassess: stopped by SIGTERM", err
    assert not (data / "running").exists()
    with Portfolio.open(data) as again:
        assert again.recovery.quiet, again.recovery.messages()


SECOND_APP = textwrap.dedent("""
    import sys
    from cemassess.ui import dialogs
    asked = []
    dialogs.ask_in_use = lambda parent, msg, lang: (asked.append(msg), False)[1]
    from PySide6.QtWidgets import QApplication
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.settings import Settings
    app = QApplication([])
    win = MainWindow(Settings())
    win.show()
    booted = win.boot(sys.argv[1])
    print("booted" if booted else "quit", asked[0] if asked else "not asked", flush=True)
""")


def test_a_second_app_on_a_portfolio_in_use_is_told_so(tmp_path):
    data = tmp_path / "data"
    first = subprocess.Popen([sys.executable, "-m", "cemassess.ui.app", "--data-dir", str(data)],
                             env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        wait_for(data / "running", first)
        second = subprocess.run([sys.executable, "-c", SECOND_APP, str(data)], env=env_for(tmp_path),
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        assert second.stdout.startswith("quit "), second.stdout
        assert "is open in another cemassess window" in second.stdout
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0


CRASHED = textwrap.dedent("""
    import os, sys
    from cemassess.domain.assessment import Answer
    from cemassess.store import Portfolio
    from cemassess.demo import make_demo
    p = Portfolio.open(sys.argv[1])
    a = make_demo("en")
    p.create(a)
    pid = next(iter(a.answers["r1"]))
    p.set_answer(a.id, "r1", pid, Answer(value=5, comment="after the crash"))
    print(a.id, pid, flush=True)
    os._exit(0)  # a crash: the journal holds the change, the running marker stays
""")


def test_sigterm_while_the_recovery_question_is_open_keeps_what_was_recovered(tmp_path):
    data = tmp_path / "data"
    crashed = subprocess.run([sys.executable, "-c", CRASHED, str(data)], env=env_for(tmp_path),
                             capture_output=True, text=True, timeout=60)
    assert crashed.returncode == 0, crashed.stderr
    aid, pid = crashed.stdout.split()
    marker = data / "running"
    before = marker.stat().st_mtime_ns
    app = subprocess.Popen([sys.executable, "-m", "cemassess.ui.app", "--data-dir", str(data)],
                           env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    try:
        end = time.monotonic() + 60
        while marker.stat().st_mtime_ns == before:  # the app opened the portfolio...
            assert app.poll() is None and time.monotonic() < end, app.communicate()[1][-3000:]
            time.sleep(0.05)
        time.sleep(1.5)  # ...and asks whether to keep the recovered change (a modal box)
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err[-3000:]
    assert not marker.exists()
    with Portfolio.open(data) as again:
        assert again.recovery.quiet, again.recovery.messages()
        got = again.get(aid).answers["r1"][pid]
    assert (got.value, got.comment) == (5, "after the crash"), "closing the question discarded it"


def test_closing_the_recovery_question_keeps_the_recovered_changes(qtbot):
    """Only the Discard button discards: Escape, the window's close button or a SIGTERM
    closing the box keep what recovery found."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cemassess.ui import dialogs

    for how in ("close", "escape"):
        def answer(how=how) -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(20, answer)
                return
            if how == "close":
                box.close()
            else:
                from PySide6.QtCore import Qt
                from PySide6.QtTest import QTest

                QTest.keyClick(box, Qt.Key.Key_Escape)

        def unstick() -> None:  # a box that ignored Escape must not hang the test
            box = QApplication.activeModalWidget()
            if box is not None:
                box.reject()

        QTimer.singleShot(50, answer)
        QTimer.singleShot(3000, unstick)
        assert dialogs.ask_recovery(None, ["Recovered 1 answer to 'Acme'"], "en") is True, how
