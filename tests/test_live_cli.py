"""`cemassess live` as a real process on 127.0.0.1: the join URL on its own line, a clean stop
on SIGTERM with the room reports, and a SIGKILL in the middle of 50 participants answering
that loses no acknowledged answer (the restarted server serves the same URL; seats resume)."""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from cemassess.cli import main
from tests.live_helpers import Phone

ROOT = Path(__file__).resolve().parents[1]
KILL_AFTER = 300  # acknowledged answers before the SIGKILL


def start_live(data_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CEMASSESS_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "cemassess", "live", "--event", "Kill night",
                             "--host", "127.0.0.1", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"live exited: {proc.wait()} {proc.stderr.read() if proc.stderr else ''}")
        if line.startswith("http://"):
            url = line.strip()
            assert url.startswith("http://127.0.0.1:") and "/j/" in url
            return proc, url
    proc.kill()
    raise AssertionError("no join URL printed")


def test_questionnaire_for_an_event_needs_no_assessment(tmp_path, capsys):
    out = tmp_path / "q.json"
    assert main(["questionnaire", "--event", "Club evening", "-o", str(out), "--lang", "ru"]) == 0
    q = json.loads(out.read_text("utf-8"))
    assert q["mode"] == "event" and q["event"] == "Club evening" and q["assessment"] == ""
    assert q["language"] == "ru" and q["framework"] == "cem-b2b"
    assert main(["questionnaire", "-o", str(out)]) == 2
    assert "--event" in capsys.readouterr().err


@pytest.mark.slow
def test_sigterm_stops_cleanly_and_writes_reports(tmp_path, _isolated_data_dir, fw):
    proc, url = start_live(_isolated_data_dir, "--port", "0", "--out", str(tmp_path / "out"))
    pids = list(fw.practices)

    async def go():
        for i in range(2):
            async with Phone(url) as ph:
                await ph.join(name=f"P{i}", company=f"Company {i}")
                for pid in pids[:12]:
                    assert (await ph.answer(pid, 1 + i))[0] == 200
                assert (await ph.post("api/finish", {}))[0] == 200

    asyncio.run(go())
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "stopped: 2 seats, 2 finished" in out
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files[0].startswith("personal-001") and "room-summary.pdf" in files and len(files) == 3
    assert "group figures need at least 5" in out


@pytest.mark.slow
def test_sigkill_mid_answering_loses_no_acknowledged_answer(_isolated_data_dir, fw):
    proc, url = start_live(_isolated_data_dir, "--port", "0", "--no-qr")
    pids = list(fw.practices)
    acked: dict[int, dict[str, int]] = {i: {} for i in range(50)}
    phones: list[Phone] = []
    rng = random.Random(13)

    async def participant(i: int, ph: Phone) -> None:
        await ph.join(name=f"P{i}")
        for pid in pids:
            value = rng.randint(1, 5)
            while True:
                try:
                    status, _ = await ph.answer(pid, value)
                except (TimeoutError, aiohttp.ClientError):
                    return  # the server is gone: this answer was never acknowledged
                if status != 429:  # all 50 share 127.0.0.1: back off like the page does
                    break
                await asyncio.sleep(0.2)
            assert status == 200
            acked[i][pid] = value
            await asyncio.sleep(rng.uniform(0.0, 0.02))

    async def killer() -> None:
        deadline = time.monotonic() + 60
        while sum(len(v) for v in acked.values()) < KILL_AFTER and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        proc.kill()  # SIGKILL, in the middle of the answering

    async def first_run() -> None:
        phones.extend(Phone(url) for _ in range(50))
        await asyncio.gather(killer(), *[participant(i, ph) for i, ph in enumerate(phones)])

    async def resume() -> tuple[int, int]:
        checked = 0
        for i, ph in enumerate(phones):
            st, state = await ph.get("api/state")
            assert st == 200 and state["seat"] is not None, f"seat {i} lost"
            got = state["seat"]["answers"]
            for pid, value in acked[i].items():
                assert got[pid]["value"] == value, (i, pid)
                checked += 1
            # the phone carries on where it was
            nxt = next(p for p in pids if p not in got)
            assert (await ph.answer(nxt, 3))[0] == 200
        for ph in phones:
            await ph.session.close()
        return checked, len(phones)

    async def whole() -> None:
        await first_run()
        proc.wait(10)
        total = sum(len(v) for v in acked.values())
        assert KILL_AFTER <= total < 50 * len(pids)  # killed mid-way
        proc2, url2 = start_live(_isolated_data_dir, "--no-qr")  # the event remembers its port
        try:
            assert url2 == url
            checked, n = await resume()
            assert checked == total and n == 50
        finally:
            proc2.send_signal(signal.SIGTERM)
            proc2.communicate(timeout=30)
        assert proc2.returncode == 0

    asyncio.run(whole())
