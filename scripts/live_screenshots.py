"""Screenshots of the live room's phone page (EN, RU, UK) in headless Chromium at a phone
viewport: join, a practice, the result against the room. The room is simulated (five
generated participants, labelled "Simulated" in their company names). 127.0.0.1 only.

    python scripts/live_screenshots.py [OUT_DIR]    (default: docs/screenshots)
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def shoot(lang: str, accept: str, out: Path) -> None:
    from cemassess.live import Limits, LiveRoom, LiveServer
    from tests.cdp_client import Browser
    from tests.test_live_browser import seed_room

    room = LiveRoom.open_event(f"CX club, {lang}")
    server = LiveServer(room, limits=Limits(per_address=(500, 1000)))
    url = server.start("127.0.0.1", 0)
    try:
        await asyncio.to_thread(seed_room, room)
        room.reveal()
        async with Browser(accept) as b:
            await b.goto(url)
            await b.wait("!document.getElementById('join').hidden")
            await b.type("#name", "A. B.")
            await b.type("#company", {"en": "Acme Components", "ru": "ООО Ромашка", "uk": "ТОВ Калина"}[lang])
            await b.tap("label[for=role-sales]")
            await b.screenshot(out / f"live-phone-join-{lang}.png")
            await b.tap("#join-btn")
            await b.wait("!document.getElementById('practice').hidden")
            await b.tap("label[for=lv-3]")
            await b.wait("document.getElementById('status').className.includes('ok')")
            await b.tap("#next")
            await b.tap("label[for=lv-2]")
            await b.wait("document.getElementById('status').className.includes('ok')")
            await b.js("window.scrollTo(0, 0)")
            await b.screenshot(out / f"live-phone-practice-{lang}.png", full=False)
            n = await b.js("document.querySelectorAll('#options input').length")
            for i in range(len(room.framework.practices) - 1):
                await b.tap(f"label[for=lv-{1 + i % 5}]")
                await b.wait("document.getElementById('status').className.includes('ok')")
                await b.tap("#next")
            await b.wait("!document.getElementById('finish').hidden")
            await b.tap("#finish-btn")
            await b.wait("!document.getElementById('result').hidden")
            await b.js("window.scrollTo(0, 0)")
            await b.screenshot(out / f"live-phone-result-{lang}.png")
            assert n == 7
    finally:
        server.stop()
        room.close()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["CEMASSESS_DATA_DIR"] = tempfile.mkdtemp(prefix="cem-shots-")  # never the real data
    for lang, accept in (("en", "en-GB,en"), ("ru", "ru-RU,ru"), ("uk", "uk-UA,uk")):
        asyncio.run(shoot(lang, accept, out))
        print(f"{out}/live-phone-*-{lang}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
