"""The live room's server through a real HTTP client on 127.0.0.1: seats, durable answers,
languages, workshop mode, the trainer's controls and the events the Qt layer hears."""

from __future__ import annotations

import asyncio
import json

import pytest

from cemassess.live import Limits, LiveRoom, LiveServer
from cemassess.live.server import pick_language
from cemassess.store.events import EventShelf
from tests.live_helpers import Phone


@pytest.fixture
def live(fw):
    room = LiveRoom.open_event("Club evening", framework=fw)
    server = LiveServer(room, limits=FAST)
    url = server.start("127.0.0.1", 0)
    yield room, server, url
    server.stop()
    room.close()


# these tests answer far faster than a thumb; the limits themselves are tested in test_live_hostile
FAST = Limits(per_address=(5000, 5000), per_seat=(5000, 5000))


def run(coro):
    return asyncio.run(coro)


def test_join_answer_is_durable_and_resumes(live, fw):
    room, server, url = live
    pids = list(fw.practices)

    async def go():
        async with Phone(url) as ph:
            st, page = await ph.get("")
            assert st == 200 and b"app.js" in page
            st, state = await ph.get("api/state")
            assert state["seat"] is None and len(state["practices"]) == len(pids)
            await ph.join(name="A.B.", company="Acme", role="sales", consent_benchmark=True)
            cookie = next(c for c in ph.session.cookie_jar if c.key == "cem_seat")
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
            assert (await ph.answer(pids[0], 4, "pilot only"))[0] == 200
            assert (await ph.answer(pids[1], "dk"))[0] == 200
            assert (await ph.answer(pids[0], 5))[0] == 200  # the last one wins
            return ph.token()

    token = run(go())
    # the answers are on disk before the acknowledgement: a fresh room reads them back
    server.stop()
    room.close()
    again = LiveRoom.open_event("Club evening", framework=fw)
    try:
        seat = again.seat(token)
        assert seat is not None and seat.company == "Acme" and seat.consent
        assert seat.answers[pids[0]].value == 5 and seat.answers[pids[1]].value == "dk"
        assert token not in (again.folder.path / "event.journal").read_text()  # only its hash
    finally:
        again.close()


def test_resume_with_the_same_cookie(live, fw):
    room, server, url = live
    pids = list(fw.practices)

    async def go():
        async with Phone(url) as ph:
            await ph.join()
            for pid in pids[:3]:
                assert (await ph.answer(pid, 2))[0] == 200
            # a reload: a new page load with the same cookie sees its own answers
            st, state = await ph.get("api/state")
            assert set(state["seat"]["answers"]) == set(pids[:3])
            # another phone sees nothing of them
            async with Phone(url) as other:
                st, s2 = await other.get("api/state")
                assert s2["seat"] is None
                assert set(s2) == {"lang", "mode", "event", "closed", "practices", "seat"}

    run(go())


def test_languages_from_accept_language(live):
    assert pick_language("ru-RU,ru;q=0.9,en;q=0.8") == "ru"
    assert pick_language("de-DE,uk;q=0.7,ru;q=0.5") == "uk"
    assert pick_language("fr, en;q=0.1") == "en"
    assert pick_language("") == "en"
    assert pick_language("ru;q=0, uk;q=0.2") == "uk"
    _, _, url = live

    async def go():
        async with Phone(url, "ru-RU,ru;q=0.9") as ph:
            st, state = await ph.get("api/state")
            assert state["lang"] == "ru"
            assert any("\u0400" <= ch <= "\u04ff" for ch in state["practices"][0]["statement"])
        async with Phone(url, "uk") as ph:
            assert (await ph.get("api/state"))[1]["lang"] == "uk"

    run(go())


def test_catalogues_have_the_same_keys():
    from cemassess.resources import resource

    cats = {lang: json.loads(resource("web", "i18n", f"{lang}.json").read_text("utf-8")) for lang in ("en", "ru", "uk")}
    assert set(cats["en"]) == set(cats["ru"]) == set(cats["uk"])
    assert all(v.strip() for c in cats.values() for v in c.values())
    assert cats["uk"]["q.next"] == "Далі" and cats["ru"]["q.next"] == "Далее"


def test_events_counts_close_and_reveal(live, fw):
    room, server, url = live
    pids = list(fw.practices)
    heard = []
    room.add_listener(heard.append)

    async def go():
        phones = [Phone(url) for _ in range(5)]
        try:
            for ph in phones:
                await ph.join()
            assert room.counts().joined == 5
            for i, ph in enumerate(phones):
                for j, pid in enumerate(pids):
                    assert (await ph.answer(pid, 1 + (i + j) % 5))[0] == 200
            st, prof = await phones[0].get("api/profile")
            assert st == 200 and prof["room"]["visible"] is False and prof["overall"] is not None
            for ph in phones[:4]:
                assert (await ph.post("api/finish", {}))[0] == 200
            assert room.counts() == type(room.counts())(5, 1, 4)
            room.reveal()
            st, prof = await phones[0].get("api/profile")
            assert prof["room"]["visible"] is False  # only 4 finished: no room figure
            assert (await phones[4].post("api/finish", {}))[0] == 200
            st, prof = await phones[0].get("api/profile")
            assert prof["room"]["visible"] is True and prof["room"]["n"] == 5
            assert all(d["room_median"] is not None for d in prof["dimensions"])
            room.close_answers()
            st, body = await phones[1].answer(pids[0], 3)
            assert st == 409 and body["error"] == "err.closed"
        finally:
            for ph in phones:
                await ph.session.close()

    run(go())
    kinds = [e.kind for e in heard]
    assert kinds.count("joined") == 5 and kinds.count("finished") == 5 and "revealed" in kinds
    assert kinds.count("answered") == 5 * len(pids) and kinds[-1] == "closed"
    assert heard[-2].counts.finished == 5
    queued = []
    while not room.events.empty():
        queued.append(room.events.get_nowait())
    assert [e.kind for e in queued] == kinds
    assert not any("Acme" in repr(e) for e in queued)
    # the room report's input: every seat as an answer file, the room profile from the domain
    r = room.room()
    assert len(r.files) == 5 and r.profile.shown


def test_event_is_first_class_and_survives_restart(live, fw):
    room, server, url = live
    info = EventShelf().find("club evening")
    assert info is not None and info.mode == "event" and info.secret in url
    assert info.port == server.port and info.host == "127.0.0.1"


@pytest.mark.slow
def test_personal_pdf(live, fw):
    room, server, url = live

    async def go():
        async with Phone(url, "ru") as ph:
            await ph.join(company="ООО Ромашка")
            for pid in list(fw.practices)[:20]:
                await ph.answer(pid, 3)
            await ph.post("api/finish", {})
            return await ph.get("api/report.pdf")

    st, pdf = run(go())
    assert st == 200 and pdf[:5] == b"%PDF-"
    import io

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ромашка" in text


def test_workshop_mode_lands_as_respondents(fw):
    from cemassess.domain.assessment import Assessment, Company
    from cemassess.store import Portfolio

    with Portfolio.open() as p:
        a = Assessment(framework=fw.id, company=Company(name="Acme"))
        p.create(a)
        room = LiveRoom.for_assessment(p, a.id)
        server = LiveServer(room)
        url = server.start("127.0.0.1", 0)
        pid = next(iter(fw.practices))
        try:
            async def go():
                async with Phone(url) as ph:
                    st, state = await ph.get("api/state")
                    assert state["mode"] == "workshop"
                    await ph.join(name="Olga", role="service")
                    assert (await ph.answer(pid, 4, "weekly"))[0] == 200
                    st, body = await ph.get("api/report.pdf")
                    assert st == 404
            run(go())
            got = p.get(a.id)
            (r,) = got.respondents
            assert r.name == "Olga" and r.role.value == "service"
            assert got.answers[r.id][pid].value == 4 and got.answers[r.id][pid].comment == "weekly"
            ev = room.events.get_nowait()
            assert ev.kind == "joined" and ev.respondent == r.id
        finally:
            server.stop()
            room.close()
        # reopening the workshop's live room finds the same seats
        again = LiveRoom.for_assessment(p, a.id)
        try:
            assert again.counts().joined == 1 and again.info.secret in url
        finally:
            again.close()
