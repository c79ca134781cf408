"""Shared by the live-room tests and the bench: a simulated phone over real HTTP (127.0.0.1)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp


class Phone:
    """One participant's browser: its own cookie jar, talking to the join URL."""

    def __init__(self, url: str, lang: str = "en") -> None:
        self.url = url
        self.lang = lang
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True),
                                             headers={"Accept-Language": lang})

    async def __aenter__(self) -> Phone:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.session.close()

    async def get(self, path: str) -> tuple[int, Any]:
        async with self.session.get(self.url + path) as r:
            body = await r.read()
            ctype = r.headers.get("Content-Type", "")
            return r.status, json.loads(body) if ctype.startswith("application/json") else body

    async def post(self, path: str, data: Any = None, raw: bytes | None = None,
                   headers: dict[str, str] | None = None) -> tuple[int, Any]:
        body = raw if raw is not None else json.dumps(data).encode()
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        async with self.session.post(self.url + path, data=body, headers=hdrs) as r:
            payload = await r.read()
            try:
                return r.status, json.loads(payload)
            except ValueError:
                return r.status, payload

    async def join(self, **kw: Any) -> dict[str, Any]:
        status, body = await self.post("api/join", {"role": "other", **kw})
        assert status == 200, body
        return body

    async def answer(self, practice: str, value: Any, comment: str = "") -> tuple[int, Any]:
        return await self.post("api/answer", {"practice": practice, "answer": {"value": value, "comment": comment}})

    def token(self) -> str | None:
        for c in self.session.cookie_jar:
            if c.key == "cem_seat":
                return c.value
        return None


async def answer_all(url: str, practices: list[str], n: int, *, finish: int, base: int = 0,
                     lang: str = "en") -> list[Phone]:
    """`n` phones join and answer every practice; the first `finish` of them finish."""
    phones = [Phone(url, lang) for _ in range(n)]

    async def one(i: int, ph: Phone) -> None:
        await ph.join(name=f"P{base + i}", company=f"Company {base + i}", consent_benchmark=True)
        for j, pid in enumerate(practices):
            status, body = await ph.answer(pid, 1 + (i + j) % 5)
            assert status == 200, body
        if i < finish:
            status, body = await ph.post("api/finish", {})
            assert status == 200, body

    try:
        await asyncio.gather(*(one(i, ph) for i, ph in enumerate(phones)))
    finally:
        for ph in phones:
            await ph.session.close()
    return phones
