"""The phone page in a real headless Chromium at a phone-sized viewport (127.0.0.1 only):
join through the URL decoded from the QR image by a real QR reader (zbarimg), answer with
taps, reload and resume, finish, see the profile against the room, download the PDF; in
English and in Russian."""

from __future__ import annotations

import asyncio
import io
import shutil
import subprocess
import time

import pytest

from cemassess.domain.assessment import Answer
from cemassess.live import Limits, LiveRoom, LiveServer, qr_png
from cemassess.live.models import AnswerRequest, JoinRequest
from tests.cdp_client import Browser, chromium_path

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (chromium_path() and shutil.which("zbarimg")),
                                 reason="needs Debian's chromium and zbar-tools (installed by make test)")]


def decode_qr(png: bytes, tmp_path) -> str:
    f = tmp_path / "qr.png"
    f.write_bytes(png)
    out = subprocess.run(["zbarimg", "--raw", "-q", str(f)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def seed_room(room: LiveRoom, n: int = 5) -> None:
    """n other participants who already finished (simulated, through the room's own API)."""
    pids = list(room.framework.practices)
    for i in range(n):
        token, _ = room.join(JoinRequest(name=f"sim{i}", company=f"Simulated {i}"))
        for j, pid in enumerate(pids):
            room.answer(token, AnswerRequest(practice=pid, answer=Answer(value=1 + (i + j) % 5)))
        room.finish(token)


@pytest.mark.parametrize("lang,accept,join_word,company", [
    ("en", "en-GB,en;q=0.9", "Join the room", "Acme Components"),
    ("ru", "ru-RU,ru;q=0.9,en;q=0.5", "Присоединиться", "ООО Ромашка"),
])
def test_phone_page_end_to_end(tmp_path, fw, lang, accept, join_word, company):
    room = LiveRoom.open_event(f"Browser {lang}", framework=fw)
    server = LiveServer(room, limits=Limits(per_address=(500, 1000)))
    url = server.start("127.0.0.1", 0)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    try:
        joined = decode_qr(qr_png(url), tmp_path)
        assert joined == url
        seed_room(room)
        room.reveal()

        async def go():
            async with Browser(accept, downloads) as b:
                await b.goto(joined)
                await b.wait("!document.getElementById('join').hidden")
                assert await b.text("#join-h") == join_word
                assert await b.js("document.documentElement.lang") == lang
                # every form control has a label a screen reader reads
                unlabeled = await b.js("[...document.querySelectorAll('input,textarea')].filter(e => "
                                       "!document.querySelector(`label[for='${e.id}']`)).map(e => e.id)")
                assert unlabeled == []
                await b.type("#name", "A.B.")
                await b.type("#company", company)
                await b.tap("label[for=role-sales]")
                await b.tap("label[for=consent]")
                await b.tap("#join-btn")
                await b.wait("!document.getElementById('practice').hidden")
                pids = list(fw.practices)
                for i in range(3):
                    await b.tap(f"label[for=lv-{i + 2}]")
                    await b.wait("document.getElementById('status').className.includes('ok')")
                    seat = next(s for s in room._by_id.values() if s.name == "A.B.")
                    assert seat.answers[pids[i]].value == i + 2  # on the laptop when 'saved' shows
                    await b.tap("#next")
                # arrow keys move the choice but do not submit it
                await b.tap("label[for=lv-1]")
                await b.wait("document.getElementById('status').className.includes('ok')")
                await b.call("Input.dispatchKeyEvent", type="keyDown", key="ArrowDown", code="ArrowDown",
                             windowsVirtualKeyCode=40)
                await b.call("Input.dispatchKeyEvent", type="keyUp", key="ArrowDown", code="ArrowDown",
                             windowsVirtualKeyCode=40)
                await b.wait("document.getElementById('lv-2').checked")
                assert not await b.js("document.getElementById('pending').hidden")
                await asyncio.sleep(0.3)
                assert seat.answers[pids[3]].value == 1
                assert seat.company == company and seat.role.value == "sales" and seat.consent
                # reload: the page resumes at the first unanswered practice, answers kept
                await b.reload()
                await b.wait("!document.getElementById('practice').hidden")
                assert "5" in await b.text("#progress-text")
                await b.tap("#back")
                await b.wait("document.getElementById('lv-1').checked")
                await b.tap("#next")
                # through the rest without answering, then finish
                for _ in range(len(pids) - 4):
                    await b.tap("#next")
                await b.wait("!document.getElementById('finish').hidden")
                await b.tap("#finish-btn")
                await b.wait("!document.getElementById('result').hidden")
                rows = await b.js("document.querySelectorAll('#profile tbody tr').length")
                assert rows == len(fw.dimensions) + 1
                note = await b.text("#room-note")
                assert "6" in note  # against the room: 5 simulated + this phone
                await b.tap("#pdf")
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    done = [p for p in downloads.iterdir() if p.suffix == ".pdf"]
                    if done and done[0].stat().st_size > 1000:
                        return done[0].read_bytes()
                    await asyncio.sleep(0.2)
                raise AssertionError("no PDF downloaded")

        pdf = asyncio.run(go())
        assert pdf[:5] == b"%PDF-"
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert company.split()[-1] in text
        assert room.counts().finished == 6
    finally:
        server.stop()
        room.close()
