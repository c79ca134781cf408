"""Nothing lost across a crash: the app killed mid-event offers, at its next start, to resume
the live event on the same address, and the phones (their seat cookie kept) carry on with
their answers. The first app is a real process, SIGKILLed; its live room's child process
goes with it; the restarted app is the real main window in this process. 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest

from cemassess.live import Limits
from cemassess.store.events import EventShelf
from cemassess.ui import live as live_mod
from cemassess.ui._testsupport import make_window, patch_dialogs, settle, workshop_live_window
from cemassess.ui.screens import ScreenKey
from tests.live_helpers import Phone
from tests.test_live_remote import gone

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"
EVENT = "CX Club Resume"

# the first app: the real main window, Event room → Go live (its room in a child process),
# then it waits to be killed
APP = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cemassess.live import Limits
    from cemassess.ui import live as live_mod
    live_mod.addresses = lambda: ["127.0.0.1"]
    live_mod.DEFAULT_PORT = 0
    live_mod.SERVER_LIMITS = Limits(per_address=(5000, 5000), per_seat=(5000, 5000))
    from cemassess.ui.mainwindow import MainWindow
    from cemassess.ui.screens import ScreenKey
    from cemassess.ui.settings import Settings
    win = MainWindow(Settings())
    win.show()
    win.boot()
    win.navigate(ScreenKey.EVENT)
    view = win.views[ScreenKey.EVENT]
    view.event_name.setText(sys.argv[1])
    view.live.go_live()
    view.live.live.started.connect(lambda url: print(view.live.live.room.pid, url, flush=True))
    view.live.live.failed.connect(lambda text: print("failed", text, flush=True))
    app.exec()
""")


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    monkeypatch.setattr(live_mod, "addresses", lambda: [LOOPBACK])
    monkeypatch.setattr(live_mod, "DEFAULT_PORT", 0)
    monkeypatch.setattr(live_mod, "SERVER_LIMITS", Limits(per_address=(5000, 5000), per_seat=(5000, 5000)))


@pytest.fixture
def answers(monkeypatch):
    return patch_dialogs(monkeypatch)


class Phones:
    """Simulated phones on an event loop of their own that outlives both apps, so each
    phone keeps its cookie jar (its seat) across the crash, as a real phone would."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.phones: list[Phone] = []

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 60) -> Any:
        fut = asyncio.run_coroutine_threadsafe(coro, self.loop)
        self.qtbot.waitUntil(fut.done, timeout=int(timeout * 1000))  # the Qt loop keeps running
        return fut.result()

    def close(self) -> None:
        async def close_all() -> None:
            for ph in self.phones:
                await ph.session.close()
        asyncio.run_coroutine_threadsafe(close_all(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def start_app(data_dir: Path) -> tuple[subprocess.Popen, int, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CEMASSESS_DATA_DIR": str(data_dir),
           "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-c", APP, EVENT], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, env=env, cwd=ROOT)
    assert app.stdout is not None
    line = app.stdout.readline().split(maxsplit=1)
    if len(line) != 2 or line[0] == "failed":
        app.kill()
        raise AssertionError(f"the first app did not go live: {line} {app.stderr.read() if app.stderr else ''}")
    return app, int(line[0]), line[1].strip()


def kill(app: subprocess.Popen, child: int, qtbot: Any) -> None:
    app.kill()  # SIGKILL: no End live, no clean-up, nothing written on the way out
    app.wait(10)
    qtbot.waitUntil(lambda: gone(child), timeout=15_000)  # its live room's process goes too


def test_a_killed_app_offers_to_resume_and_the_phones_keep_their_seats(qtbot, answers, fw,
                                                                       _isolated_data_dir):
    pids = list(fw.practices)
    app, child, url = start_app(_isolated_data_dir)
    phones = Phones(qtbot)
    try:
        async def first() -> None:
            phones.phones += [Phone(url, lang) for lang in ("en", "ru", "uk", "en")]
            for i, ph in enumerate(phones.phones):
                await ph.join(name=f"P{i}", company=f"Company {i}")
                for j, pid in enumerate(pids[:12]):
                    assert (await ph.answer(pid, 1 + (i + j) % 5))[0] == 200
            assert (await phones.phones[0].post("api/finish", {}))[0] == 200
        phones.run(first())
        kill(app, child, qtbot)
        assert EventShelf().find(EVENT).interrupted

        win = make_window(qtbot)  # the restart
        asked = [text for kind, text in answers.asked if kind == "resume_live"]
        short = url.removeprefix("http://")
        assert len(asked) == 1 and EVENT in asked[0] and short in asked[0], asked
        panel = win.views[ScreenKey.EVENT].live
        assert win.tabs.currentWidget() is win.pages[ScreenKey.EVENT]
        assert win.views[ScreenKey.EVENT].event_name.text() == EVENT
        qtbot.waitUntil(lambda: panel.running and bool(panel.live.url), timeout=30_000)
        assert panel.live.remote and panel.live.url == url  # the same address and join code
        qtbot.waitUntil(lambda: "Joined 4" in panel.counts.text(), timeout=10_000)
        assert "finished 1" in panel.counts.text()

        async def again() -> None:
            for i, ph in enumerate(phones.phones):
                status, state = await ph.get("api/state")  # the page reconnecting
                assert status == 200 and state["seat"] is not None, f"phone {i} lost its seat"
                got = {p: a["value"] for p, a in state["seat"]["answers"].items()}
                assert got == {pid: 1 + (i + j) % 5 for j, pid in enumerate(pids[:12])}
                for pid in pids[12:15]:
                    assert (await ph.answer(pid, 4))[0] == 200
                assert (await ph.post("api/finish", {}))[0] == 200
        phones.run(again())
        qtbot.waitUntil(lambda: "finished 4" in panel.counts.text(), timeout=10_000)
        assert "Joined 4" in panel.counts.text()  # nobody had to join again
        panel.end_live()
        qtbot.waitUntil(lambda: not panel.running, timeout=15_000)
        assert not EventShelf().find(EVENT).interrupted  # ended properly this time
        win.close()
    finally:
        phones.close()
        if app.poll() is None:
            app.kill()


def test_declining_leaves_the_event_ended(qtbot, answers, _isolated_data_dir):
    app, child, url = start_app(_isolated_data_dir)
    kill(app, child, qtbot)
    answers.resume_live = False
    win = make_window(qtbot, lang="uk")
    asked = [text for kind, text in answers.asked if kind == "resume_live"]
    assert len(asked) == 1 and "Продовжити опитування наживо «CX Club Resume»" in asked[0]
    panel = win.views[ScreenKey.EVENT].live
    assert panel.live is None and not panel.running
    qtbot.waitUntil(lambda: not EventShelf().find(EVENT).interrupted, timeout=20_000)
    win.close()
    settle(qtbot)
    answers.asked.clear()
    win2 = make_window(qtbot)
    assert not [k for k, _ in answers.asked if k == "resume_live"]  # asked once, not again
    win2.close()


def test_a_workshop_collecting_answers_live_is_offered_too(qtbot, answers, fw):
    win, aid, panel = workshop_live_window(qtbot)
    with qtbot.waitSignal(panel.liveChanged, timeout=20_000):
        panel.go.click()
    url = panel.live.url
    assert not panel.live.remote  # workshop mode stays in this process (the portfolio's)
    phones = Phones(qtbot)
    try:
        async def first() -> None:
            phones.phones.append(Phone(url))
            await phones.phones[0].join(name="Ivan", role="sales")
            assert (await phones.phones[0].answer(list(fw.practices)[0], 4))[0] == 200
        phones.run(first())
        # the crash, in place: the server stops without End live, then the window goes
        panel.live.server.stop(ended=False)
        win.close()
        settle(qtbot)
        win2 = make_window(qtbot)
        asked = [text for kind, text in answers.asked if kind == "resume_live"]
        assert len(asked) == 1 and "collecting answers live for “Acme”" in asked[0]
        assert win2.session.assessment is not None and win2.session.assessment.id == aid
        dlg2 = win2.live_dialog
        qtbot.waitUntil(lambda: dlg2.panel.running and bool(dlg2.panel.live.url), timeout=20_000)
        assert dlg2.panel.live.url == url

        async def again() -> None:
            status, state = await phones.phones[0].get("api/state")
            assert status == 200 and state["seat"]["name"] == "Ivan"
            assert (await phones.phones[0].answer(list(fw.practices)[1], 2))[0] == 200
        phones.run(again())
        qtbot.waitUntil(lambda: len(win2.session.assessment.answers.get(
            win2.session.assessment.respondents[-1].id, {})) == 2, timeout=10_000)
        dlg2.close()
        win2.close()
    finally:
        phones.close()
