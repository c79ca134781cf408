"""Hostile traffic against the live room (127.0.0.1 only): each request refused with a clear
error, nothing changed on disk or in memory, and the server keeps serving."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from cemassess.live import Limits, LiveRoom, LiveServer
from tests.live_helpers import Phone


@pytest.fixture
def live(fw):
    room = LiveRoom.open_event("Hostile night", framework=fw, seat_cap=3)
    # the default per-seat/per-address limits, and a tight failure budget to test it quickly
    server = LiveServer(room, limits=Limits(failures_per_address=(0.5, 8.0)))
    url = server.start("127.0.0.1", 0)
    yield room, server, url
    server.stop()
    room.close()


def journal(room) -> bytes:
    p = room.folder.path / "event.journal"
    return p.read_bytes() if p.exists() else b""


def run(coro):
    return asyncio.run(coro)


def test_bad_requests_change_nothing(live, fw):
    room, server, url = live
    pid = next(iter(fw.practices))

    async def go():
        async with Phone(url) as a, Phone(url) as b:
            await a.join(name="A")
            await b.join(name="B")
            assert (await b.answer(pid, 2))[0] == 200
            before = journal(room)
            b_answers = dict(room.seat(b.token()).answers)
            cases = [
                ("level 7", await a.answer(pid, 7), 422),
                ("level 0", await a.answer(pid, 0), 422),
                ("level '3'", await a.answer(pid, "3"), 422),
                ("unknown practice", await a.answer("no.such.practice", 3), 422),
                ("practice id with a path", await a.answer("../../etc/passwd", 3), 422),
                ("another seat named in the body", await a.post(
                    "api/answer", {"practice": pid, "answer": {"value": 5}, "seat": room.seat(b.token()).id}), 422),
                ("extra answer field", await a.post("api/answer", {"practice": pid, "answer": {"value": 5, "x": 1}}), 422),
                ("comment too long", await a.answer(pid, 3, "x" * 4001), 422),
                ("oversized body", await a.post("api/answer", raw=b'{"practice":"' + b"a" * 100_000 + b'"}'), 413),
                ("not JSON", await a.post("api/answer", raw=b"{not json"), 400),
                ("NaN", await a.post("api/answer", raw=b'{"practice":"x","answer":{"value":NaN}}'), 400),
                ("deep JSON", await a.post("api/answer", raw=b"[" * 5000 + b"]" * 5000), 400),
                ("form post", await a.post("api/answer", raw=b"practice=x", headers={"Content-Type": "application/x-www-form-urlencoded"}), 415),
                ("second join on one phone", await a.post("api/join", {"name": "again"}), 409),
            ]
            for what, (status, body), want in cases:
                assert status == want, (what, status, body)
                if isinstance(body, dict):
                    assert body["ok"] is False and body["message"], what
            # forged and stolen-looking tokens
            async with Phone(url) as c:
                c.session.cookie_jar.update_cookies({"cem_seat": "forged-token"}, aiohttp.client.URL(url))
                status, body = await c.answer(pid, 1)
                assert status == 403 and body["error"] == "err.seat"
                st, state = await c.get("api/state")
                assert state["seat"] is None
            assert journal(room) == before
            assert room.seat(b.token()).answers == b_answers
            assert room.seat(a.token()).answers == {}
            # the server still serves
            assert (await a.answer(pid, 4))[0] == 200
            assert room.seat(a.token()).answers[pid].value == 4
            assert room.seat(b.token()).answers == b_answers

    run(go())


def test_static_files_and_paths(live):
    room, server, url = live
    base = url.split("/j/")[0]

    async def go():
        async with aiohttp.ClientSession() as s:
            async def get(path):
                async with s.get(base + path) as r:
                    return r.status, r.headers, await r.read()

            st, h, body = await get("/s/app.js")
            assert st == 200 and h["Content-Security-Policy"].startswith("default-src 'self'")
            assert h["X-Content-Type-Options"] == "nosniff" and h["Referrer-Policy"] == "no-referrer"
            for bad in ("/s/../event.json", "/s/%2e%2e/%2e%2e/pyproject.toml", "/s/..%2f..%2fpyproject.toml",
                        "/s/i18n/../../frameworks/cem-b2b.json", "/s/index.html", "/s//etc/passwd",
                        "/", "/j/", "/event.json", f"/j/{room.info.secret}/../../event.json"):
                st, h, body = await get(bad)
                assert st == 404, bad
                assert room.info.secret.encode() not in body and b"cem-b2b" not in body
                assert h["Content-Security-Policy"].startswith("default-src 'self'")

    run(go())


def test_wrong_secret_reads_nothing_and_is_throttled(live, fw):
    room, server, url = live
    wrong = url.replace(room.info.secret, "abcdefghjk")

    async def go():
        async with Phone(wrong) as w:
            st, body = await w.get("api/state")
            assert st == 404 and b"practice" not in body
            st, body = await w.post("api/join", {"name": "x"})
            assert st == 404
            codes = [(await w.get(""))[0] for _ in range(12)]
            assert codes[-1] == 429  # guessing codes soon costs waiting
        assert room.counts().joined == 0 and journal(room) == b""

    run(go())


def test_seat_cap_and_floods(live, fw):
    room, server, url = live
    pid = next(iter(fw.practices))

    async def go():
        phones = [Phone(url) for _ in range(4)]
        try:
            for ph in phones[:3]:
                await ph.join()
            st, body = await phones[3].post("api/join", {"role": "other"})
            assert st == 503 and body["error"] == "err.full"
            # one seat hammering: the per-seat bucket (10/s, burst 40) refuses the excess
            flood = await asyncio.gather(*[phones[0].answer(pid, 1 + i % 5) for i in range(120)])
            codes = [c for c, _ in flood]
            assert codes.count(429) >= 30 and codes.count(200) >= 30  # loose: a loaded machine refills
            assert all(c in (200, 429) for c in codes)
            # the others are not starved, and the flooder recovers after a pause
            assert (await phones[1].answer(pid, 3))[0] == 200
            time.sleep(0.3)
            assert (await phones[0].answer(pid, 2))[0] == 200
            assert room.seat(phones[0].token()).answers[pid].value == 2
        finally:
            for ph in phones:
                await ph.session.close()
        assert room.counts().joined == 3

    run(go())


def test_address_flood_is_refused(fw):
    room = LiveRoom.open_event("Flood", framework=fw)
    server = LiveServer(room, limits=Limits(per_address=(5.0, 20.0)))
    url = server.start("127.0.0.1", 0)
    try:
        async def go():
            async with Phone(url) as ph:
                codes = [(await ph.get("api/state"))[0] for _ in range(40)]
                assert codes[:20] == [200] * 20 and codes.count(429) >= 10
                await asyncio.sleep(0.5)
                assert (await ph.get("api/state"))[0] == 200
        run(go())
    finally:
        server.stop()
        room.close()
