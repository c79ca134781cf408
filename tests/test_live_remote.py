"""The app's live room in a child process (cemassess.live.remote + cemassess.live.worker), on
127.0.0.1 only: it serves like the in-process room, its errors come back as one sentence,
a SIGKILL of the child mid-answers loses no acknowledged answer, and the child goes when
the app's process dies, leaving the port and the event free and the event resumable."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import aiohttp
import pytest

from cemassess.live import Limits, LiveRoom
from cemassess.live.remote import RemoteError, RemoteRoom
from cemassess.store.events import EventInUse, EventShelf
from tests.live_helpers import Phone, answer_all

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"
LIMITS = Limits(per_address=(5000, 5000), per_seat=(5000, 5000), joins_per_address=(5000, 5000))
KILL_AFTER = 300  # acknowledged answers before the SIGKILL


def wait_for(cond, timeout: float = 15.0, what: str = "") -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what or cond}")
        time.sleep(0.02)


def gone(pid: int) -> bool:
    """The process has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in state or "\nState:\tX" in state


def refused(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=2):
            return False
    except OSError:
        return True


def test_the_child_serves_the_room_and_reports_what_happened(_isolated_data_dir, fw):
    data = str(_isolated_data_dir)
    room = RemoteRoom.open_event("Remote night", data, limits=LIMITS)
    try:
        assert room.alive and room.pid not in (0, os.getpid())
        seen: list = []
        room.add_listener(seen.append)
        url = room.start(LOOPBACK, 0)
        assert url.startswith(f"http://{LOOPBACK}:") and room.info.secret in url and room.running
        port = room.info.port
        with pytest.raises(EventInUse):  # the child holds the event, not this process
            LiveRoom.open_event("Remote night", data)
        pids = list(fw.practices)
        asyncio.run(answer_all(url, pids, 6, finish=5))
        wait_for(lambda: room.counts().finished == 5, what="the finished count")
        assert room.counts().joined == 6 and room.counts().answering == 1
        assert {"joined", "answered", "finished"} <= {e.kind for e in seen}
        assert sum(e.kind == "answered" for e in seen) == 6 * len(pids)  # none lost in batching

        r = room.room()  # the child scored the room; the answer files crossed the pipe
        assert len(r.files) == 5 and r.profile.n == 5 and r.profile.shown
        assert sorted(f.respondent.name for f in r.files) == [f"P{i}" for i in range(5)]
        from cemassess.domain.results import evaluate
        from cemassess.exchange.participant import as_assessment

        mine = evaluate(fw, as_assessment(r.files[0]))
        assert r.results[0].overall.score == mine.overall.score == r.profile.positions[0].overall
        known = {sid: held[0] for sid, held in room._files.items()}
        again = room._request("snapshot", (True, known))
        assert again.files == {} and again.seats == list(known)  # nothing changed: nothing sent

        # the Event room's charts, drawn by the child: the pixels this process would draw
        from cemassess.report.onscreen import render_rgba
        from cemassess.ui.charts import chart_theme

        theme = chart_theme()
        for kind, what in (("phase_mix", r.profile), ("strips", (fw, r.profile))):
            there = room.chart(kind, r.profile, "ru", theme, 640, 1.0)
            here = render_rgba(kind, what, "ru", theme, 640, 1.0)
            assert there is not None and there[1:] == here[1:] and there[0] == here[0], kind

        room.reveal()
        room.close_answers(True)
        wait_for(lambda: room.revealed and room.closed, what="reveal and close")

        async def late() -> tuple[int, dict]:
            async with Phone(url) as ph:
                await ph.join(name="Late")
                return await ph.answer(pids[0], 3)
        status, body = asyncio.run(late())
        assert status == 409 and body["error"] == "err.closed"

        room.stop()  # End live: nothing listens, nothing to resume
        assert not room.running and refused(port)
        assert not EventShelf(data).find("Remote night").interrupted
        assert room.start(LOOPBACK, port) == url  # Go live again: the same URL
        assert EventShelf(data).find("Remote night").interrupted  # live again
    finally:
        room.close()
    assert not room.alive and room._proc.exitcode == 0 and refused(port)
    info = EventShelf(data).find("Remote night")
    assert not info.interrupted  # quitting ended it properly
    again_here = LiveRoom.open_event("Remote night", data)  # the child let the event go
    try:
        assert again_here.counts().joined == 7 and again_here.closed and again_here.revealed
    finally:
        again_here.close()


def test_errors_come_back_as_one_sentence(_isolated_data_dir):
    data = str(_isolated_data_dir)
    holder = LiveRoom.open_event("Held", data)
    try:
        t0 = time.monotonic()
        with pytest.raises(RemoteError) as e:
            RemoteRoom.open_event("Held", data, wait_lock=0.5)
        assert "already live" in str(e.value) and "\n" not in str(e.value) and e.value.kind == "EventInUse"
        assert time.monotonic() - t0 < 30
    finally:
        holder.close()
    room = RemoteRoom.open_event("Held", data)
    try:
        with socket.socket() as s:
            s.bind((LOOPBACK, 0))
            s.listen()
            busy = s.getsockname()[1]
            with pytest.raises(OSError) as e2:
                room.start(LOOPBACK, busy)
            assert "\n" not in str(e2.value) and str(e2.value)
        assert not room.running and room.alive  # the child lives on: another port works
        assert room.start(LOOPBACK, 0).startswith(f"http://{LOOPBACK}:")
    finally:
        room.close()


@pytest.mark.slow
def test_sigkill_of_the_child_mid_answers_loses_no_acknowledged_answer(_isolated_data_dir, fw):
    data = str(_isolated_data_dir)
    room = RemoteRoom.open_event("Kill the child", data, limits=LIMITS)
    lost: list[str] = []
    room.on_lost(lost.append)
    url = room.start(LOOPBACK, 0)
    port = room.info.port
    pids = list(fw.practices)
    acked: dict[int, dict[str, int]] = {i: {} for i in range(50)}
    rng = random.Random(13)
    phones: list[Phone] = []

    async def participant(i: int, ph: Phone) -> None:
        await ph.join(name=f"P{i}")
        for pid in pids:
            value = rng.randint(1, 5)
            try:
                status, _ = await ph.answer(pid, value)
            except (TimeoutError, aiohttp.ClientError):
                return  # the server is gone: this answer was never acknowledged
            assert status == 200
            acked[i][pid] = value
            await asyncio.sleep(rng.uniform(0.0, 0.02))

    async def killer() -> None:
        deadline = time.monotonic() + 60
        while sum(len(v) for v in acked.values()) < KILL_AFTER and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        room.kill()  # SIGKILL (Windows: TerminateProcess), mid-answers

    async def first() -> None:
        phones.extend(Phone(url) for _ in range(50))
        await asyncio.gather(killer(), *[participant(i, ph) for i, ph in enumerate(phones)])

    async def resume(again: RemoteRoom) -> int:
        assert again.start(LOOPBACK, port) == url  # the same address: phones reconnect
        checked = 0
        for i, ph in enumerate(phones):
            st, state = await ph.get("api/state")
            assert st == 200 and state["seat"] is not None, f"seat {i} lost"
            got = state["seat"]["answers"]
            for pid, value in acked[i].items():
                assert got[pid]["value"] == value, (i, pid)
                checked += 1
            nxt = next((p for p in pids if p not in got), pids[0])
            assert (await ph.answer(nxt, 3))[0] == 200  # and carries on
        return checked

    async def whole() -> None:
        try:
            await first()
            # (blocking waits below: nothing else runs on this loop meanwhile)
            wait_for(lambda: not room.alive and lost, what="the lost report")
            assert "stopped" in lost[0] and not room.running
            total = sum(len(v) for v in acked.values())
            assert KILL_AFTER <= total < 50 * len(pids)  # killed mid-way, not before or after
            assert EventShelf(data).find("Kill the child").interrupted  # a restart offers it
            again = RemoteRoom.open_event("Kill the child", data, limits=LIMITS, wait_lock=5)
            try:
                assert await resume(again) == total
            finally:
                again.close()
        finally:
            for ph in phones:
                await ph.session.close()

    asyncio.run(whole())


ORPHANED = textwrap.dedent("""
    import sys, time
    from cemassess.live.remote import RemoteRoom
    room = RemoteRoom.open_event("Orphan", sys.argv[1])
    url = room.start("127.0.0.1", 0)
    print(room.pid, room.info.port, url, flush=True)
    time.sleep(600)
""")


def test_the_child_goes_when_the_apps_process_is_killed(_isolated_data_dir):
    data = str(_isolated_data_dir)
    app = subprocess.Popen([sys.executable, "-c", ORPHANED, data], stdout=subprocess.PIPE, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    try:
        assert app.stdout is not None
        line = app.stdout.readline().split()
        assert len(line) == 3, "the app's process did not go live"
        child, port = int(line[0]), int(line[1])
        assert not gone(child) and not refused(port)
    finally:
        app.kill()  # SIGKILL: no clean-up of any kind in the app's process
        app.wait(10)
    wait_for(lambda: gone(child), 15, "the child to exit")
    wait_for(lambda: refused(port), 5, "the port to be free")
    room = LiveRoom.open_event("Orphan", data)  # the event's lock is free
    try:
        assert room.info.interrupted and room.info.port == port  # resumable on the same port
    finally:
        room.close()
