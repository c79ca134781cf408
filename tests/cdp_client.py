"""A tiny Chrome DevTools Protocol client over aiohttp websockets, to drive a real headless
Chromium at a phone-sized viewport (tests and scripts/live_screenshots.py). The browser's
debugging endpoint listens on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Browser:
    """One headless Chromium with one page. `async with Browser(lang) as b:`."""

    def __init__(self, accept_language: str = "en", downloads: Path | None = None) -> None:
        self.accept_language = accept_language
        self.downloads = downloads
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future] = {}
        self.proc: subprocess.Popen | None = None
        self._profile = tempfile.mkdtemp(prefix="cem-chromium-")

    async def __aenter__(self) -> Browser:
        exe = chromium_path()
        assert exe, "chromium is not installed"
        self.proc = subprocess.Popen(
            [exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-sync", "--disable-component-update", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ws_url = None
        deadline = time.monotonic() + 30
        assert self.proc.stderr is not None
        while time.monotonic() < deadline:
            line = await asyncio.to_thread(self.proc.stderr.readline)
            m = re.search(r"DevTools listening on (ws://127\.0\.0\.1:\d+/\S+)", line)
            if m:
                ws_url = m.group(1)
                break
            if not line and self.proc.poll() is not None:
                break
        assert ws_url, "chromium did not start"
        port = int(ws_url.split(":")[2].split("/")[0])
        self.http = aiohttp.ClientSession()
        async with self.http.get(f"http://127.0.0.1:{port}/json/list") as r:
            pages = [t for t in await r.json() if t["type"] == "page"]
        self.browser_ws = await self.http.ws_connect(ws_url, max_msg_size=0)
        self.ws = await self.http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0)
        self._readers = [asyncio.create_task(self._read(self.browser_ws)), asyncio.create_task(self._read(self.ws))]
        version = await self.call("Browser.getVersion", browser=True)
        ua = version["userAgent"].replace("HeadlessChrome", "Chrome")
        await self.call("Emulation.setUserAgentOverride", userAgent=ua, acceptLanguage=self.accept_language)
        await self.call("Emulation.setDeviceMetricsOverride", **PHONE)
        await self.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=5)
        await self.call("Page.enable")
        if self.downloads is not None:
            await self.call("Browser.setDownloadBehavior", browser=True, behavior="allow",
                            downloadPath=str(self.downloads))
        return self

    async def __aexit__(self, *exc: object) -> None:
        for t in self._readers:
            t.cancel()
        await self.ws.close()
        await self.browser_ws.close()
        await self.http.close()
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self._profile, ignore_errors=True)

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for msg in ws:
            data = json.loads(msg.data)
            fut = self._pending.pop(data.get("id", -1), None)
            if fut is not None and not fut.done():
                if "error" in data:
                    fut.set_exception(RuntimeError(f"CDP: {data['error']}"))
                else:
                    fut.set_result(data.get("result", {}))

    async def call(self, method: str, browser: bool = False, **params: Any) -> dict[str, Any]:
        mid = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._pending[mid] = fut
        await (self.browser_ws if browser else self.ws).send_str(json.dumps({"id": mid, "method": method, "params": params}))
        return await asyncio.wait_for(fut, 30)

    async def js(self, expr: str) -> Any:
        r = await self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JS: {r['exceptionDetails']}")
        return r["result"].get("value")

    async def goto(self, url: str) -> None:
        await self.call("Page.navigate", url=url)
        await self.wait("document.readyState === 'complete'")

    async def reload(self) -> None:
        await self.call("Page.reload", ignoreCache=True)
        await asyncio.sleep(0.2)
        await self.wait("document.readyState === 'complete'")

    async def wait(self, cond: str, timeout: float = 15) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            try:
                v = await self.js(f"(() => {{ try {{ return {cond}; }} catch (e) {{ return false; }} }})()")
            except RuntimeError:
                v = False
            if v:
                return v
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {cond}")
            await asyncio.sleep(0.05)

    async def visible(self, selector: str) -> bool:
        return bool(await self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                                  f" return !!e && e.offsetParent !== null; }})()"))

    async def tap(self, selector: str) -> None:
        """A real pointer tap at the element's centre (scrolled into view first)."""
        box = await self.wait(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e || e.offsetParent === null) return false;"
            f" e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();"
            f" return {{x: r.left + r.width / 2, y: r.top + r.height / 2}}; }})()")
        for kind in ("mousePressed", "mouseReleased"):
            await self.call("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)

    async def type(self, selector: str, text: str) -> None:
        await self.tap(selector)
        await self.call("Input.insertText", text=text)

    async def text(self, selector: str) -> str:
        return await self.js(f"document.querySelector({json.dumps(selector)}).textContent") or ""

    async def screenshot(self, path: Path, full: bool = True) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full:
            await self.js("window.scrollTo(0, 0)")
            h = await self.js("Math.ceil(document.documentElement.scrollHeight)")
            params["clip"] = {"x": 0, "y": 0, "width": PHONE["width"], "height": max(h, PHONE["height"]), "scale": 1}
            params["captureBeyondViewport"] = True
        r = await self.call("Page.captureScreenshot", **params)
        path.write_bytes(base64.b64decode(r["data"]))
