"""The live room's local web server: aiohttp on a thread of its own, beside Qt or the CLI.

    server = LiveServer(room)            # room: cemassess.live.room.LiveRoom
    url = server.start("192.168.1.20", 8765)   # returns once the socket is bound
    ...                                  # phones join; room.events tells what happened
    server.stop()

Threading: `start()` creates a thread that owns an asyncio loop and the aiohttp site; it
waits only for the local bind (milliseconds) and raises OSError if the address is taken.
Request handlers run on that loop; durable writes run on the room's writer thread
(`LiveRoom.submit`), PDFs on a one-worker pool. Nothing here ever runs on the caller's thread
after `start()` returns, and `stop()` only waits for the loop thread to wind down.

Routes (the secret is the join code; everything else answers 404):
    GET  /j/<secret>/                 the phone page
    GET  /s/<file>                    its static files (a fixed list, no paths)
    GET  /j/<secret>/api/state        questionnaire + this seat's answers
    POST /j/<secret>/api/join         a new seat (HttpOnly cookie)
    POST /j/<secret>/api/answer       one answer, acknowledged once durable
    POST /j/<secret>/api/finish
    GET  /j/<secret>/api/profile      own profile against the room (n ≥ 5, revealed)
    GET  /j/<secret>/api/report.pdf   the personal PDF
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import gc
import json
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from pydantic import BaseModel, ValidationError

from cemassess.live.models import MAX_BODY, AnswerRequest, Empty, JoinRequest
from cemassess.live.room import LiveRoom, Refusal, Seat
from cemassess.resources import resource

LANGS = ("en", "ru", "uk")
COOKIE = "cem_seat"
STATIC = {  # name -> content type; nothing else is ever served from disk
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "i18n/en.json": "application/json; charset=utf-8",
    "i18n/ru.json": "application/json; charset=utf-8",
    "i18n/uk.json": "application/json; charset=utf-8",
}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # the URL carries the join code
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass(frozen=True)
class Limits:
    """Token buckets: (sustained requests per second, burst). All phones behind one address
    (a NAT, or every simulated phone on 127.0.0.1 in the bench) share `per_address`."""

    per_address: tuple[float, float] = (60.0, 200.0)
    per_seat: tuple[float, float] = (10.0, 40.0)
    joins_per_address: tuple[float, float] = (2.0, 60.0)
    failures_per_address: tuple[float, float] = (0.5, 20.0)  # wrong codes, forged seats


class _Buckets:
    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self._b: dict[str, tuple[float, float]] = {}

    def take(self, key: str, now: float) -> bool:
        tokens, last = self._b.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if len(self._b) > 20000:  # never grows without bound under a flood of addresses
            self._b.clear()
        if tokens < 1.0:
            self._b[key] = (tokens, now)
            return False
        self._b[key] = (tokens - 1.0, now)
        return True

    def peek(self, key: str, now: float) -> bool:
        tokens, last = self._b.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.rate) >= 1.0


def pick_language(header: str | None) -> str:
    """The first of en/ru/uk the phone asks for (Accept-Language, q-values honoured)."""
    best: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")[:20]):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()[:2]
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if tag in LANGS and q > 0:
            best.append((-q, i, tag))
    return min(best)[2] if best else "en"


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))


def _refuse(status: int, code: str, message: str) -> web.Response:
    return _json({"ok": False, "error": code, "message": message}, status)


class LiveServer:
    """Serve one LiveRoom on one address. See the module doc for the threading model."""

    def __init__(self, room: LiveRoom, *, limits: Limits | None = None) -> None:
        self.room = room
        self.limits = limits or Limits()
        self._web = resource("web")
        self._files = {name: (self._web / name).read_bytes() for name in STATIC}
        self._index = (self._web / "index.html").read_bytes()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._pdf_pool = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-pdf")
        self._questionnaires: dict[str, list[dict[str, Any]]] = {}
        self.host = ""
        self.port = 0
        self.served = 0
        self.refused = 0
        self._addr = _Buckets(*self.limits.per_address)
        self._seat = _Buckets(*self.limits.per_seat)
        self._joins = _Buckets(*self.limits.joins_per_address)
        self._fail = _Buckets(*self.limits.failures_per_address)

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/j/{self.room.info.secret}/"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, host: str, port: int = 0) -> str:
        """Bind and serve on a thread of its own; the join URL. OSError if it cannot bind."""
        if self.running:
            return self.url
        bound = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._serve(host, port, bound))
            except BaseException as e:  # reported to start() when it happens before the bind
                failure.append(e)
                bound.set()
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="live-server", daemon=True)
        self._thread.start()
        bound.wait(15)
        if failure:
            self._thread.join(5)
            self._thread = None
            err = failure[0]
            raise err if isinstance(err, OSError) else OSError(str(err))
        # Everything alive now (framework, modules, the app's widgets) lives as long as the
        # process: move it out of the garbage collector's generations, so a collection during
        # a busy room walks only the requests' garbage. Measured: the GUI thread's longest
        # stall came with a collection (bench/bench_live.py, docs/performance.md).
        gc.freeze()
        # a restart offers the same address; one killed before stop() offers to resume there
        self.room.folder.mark_live(host, self.port)
        self.room.info = self.room.folder.info
        return self.url

    async def _serve(self, host: str, port: int, bound: threading.Event) -> None:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/s/{name:.+}", self._static)
        app.router.add_get("/j/{secret}", self._redirect)
        app.router.add_get("/j/{secret}/", self._page)
        app.router.add_get("/j/{secret}/api/state", self._state)
        app.router.add_post("/j/{secret}/api/join", self._join)
        app.router.add_post("/j/{secret}/api/answer", self._answer)
        app.router.add_post("/j/{secret}/api/finish", self._finish)
        app.router.add_get("/j/{secret}/api/profile", self._profile)
        app.router.add_get("/j/{secret}/api/report.pdf", self._report)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, host, port, backlog=512, reuse_address=True)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        server = site._server
        socks = getattr(server, "sockets", None) or []
        self.host, self.port = host, socks[0].getsockname()[1] if socks else port
        self._stop = asyncio.Event()
        bound.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def stop(self, timeout: float = 5.0, *, ended: bool = True) -> None:
        """Stop listening (phones see the server gone; their seats stay in the event).
        `ended`: live was ended properly, so there is nothing to resume after a restart
        (False when the process that asked for it is gone: the event stays resumable)."""
        loop, stop = self._loop, self._stop
        if self._thread is None or loop is None or stop is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            loop.call_soon_threadsafe(stop.set)
        self._thread.join(timeout)
        self._thread = None
        self._pdf_pool.shutdown(wait=False, cancel_futures=True)
        self._pdf_pool = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-pdf")
        if ended:
            with contextlib.suppress(OSError):  # then a restart offers to resume: harmless
                self.room.folder.mark_ended()
                self.room.info = self.room.folder.info

    # -- guard: security headers, rate limits, the secret -------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        now = time.monotonic()
        ip = request.remote or "?"
        if not self._addr.take(ip, now) or not self._fail.peek(ip, now):
            self.refused += 1
            resp: web.StreamResponse = _refuse(429, "err.slow", "too many requests; wait a moment")
            resp.headers["Retry-After"] = "2"
        else:
            secret = request.match_info.get("secret")
            if secret is not None and not secrets.compare_digest(secret.encode(), self.room.info.secret.encode()):
                self._fail.take(ip, now)
                self.refused += 1
                resp = web.Response(status=404, text="not found")
            else:
                try:
                    resp = await handler(request)
                except web.HTTPException as e:
                    if e.status >= 400:
                        self.refused += 1
                    resp = web.Response(status=e.status, text=e.reason or "refused",
                                        headers={k: v for k, v in e.headers.items() if k == "Location"})
                except Refusal as r:
                    self.refused += 1
                    if r.code == "err.seat":
                        self._fail.take(ip, now)
                    resp = _refuse(r.status, r.code, r.message)
                else:
                    self.served += 1
        resp.headers.update(HEADERS)
        if "Cache-Control" not in resp.headers:
            resp.headers["Cache-Control"] = "no-store"
        return resp

    def _seat_of(self, request: web.Request, *, required: bool = True) -> Seat | None:
        seat = self.room.seat(request.cookies.get(COOKIE))
        if seat is None and required:
            raise Refusal(403, "err.seat", "no such seat: join first")
        if seat is not None and not self._seat.take(seat.id, time.monotonic()):
            raise Refusal(429, "err.slow", "too many requests from this seat; wait a moment")
        return seat

    async def _body(self, request: web.Request, model: type[BaseModel]) -> Any:
        if request.content_type != "application/json":
            raise Refusal(415, "err.bad", "send JSON")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise Refusal(413, "err.big", "the request is too large") from None
        if len(raw) > MAX_BODY:
            raise Refusal(413, "err.big", "the request is too large")
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise Refusal(400, "err.bad", "not valid JSON") from None
        try:
            return model.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            where = ".".join(str(x) for x in err.get("loc", ()))
            raise Refusal(422, "err.bad", f"{where}: {err.get('msg', 'invalid')}"[:200]) from None

    async def _wait(self, fut: cf.Future) -> Any:
        return await asyncio.wrap_future(fut)

    # -- handlers ------------------------------------------------------------------------------
    async def _static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:
            return web.Response(status=404, text="not found")
        return web.Response(body=self._files[name], content_type=STATIC[name].split(";")[0],
                            charset="utf-8", headers={"Cache-Control": "no-cache"})

    async def _redirect(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(f"/j/{self.room.info.secret}/")

    async def _page(self, request: web.Request) -> web.Response:
        return web.Response(body=self._index, content_type="text/html", charset="utf-8")

    def _questionnaire(self, lang: str) -> list[dict[str, Any]]:
        q = self._questionnaires.get(lang)
        if q is None:
            fw = self.room.framework
            q = [{"id": p.id, "dimension": d.title(lang), "statement": p.statement(lang),
                  "anchors": [a(lang) for a in p.anchors]}
                 for d in fw.dimensions for p in d.practices]
            self._questionnaires[lang] = q
        return q

    def _seat_view(self, seat: Seat | None) -> dict[str, Any] | None:
        if seat is None:
            return None
        return {"answers": {pid: a.model_dump(mode="json") for pid, a in seat.answers.items()},
                "finished": seat.finished, "name": seat.name, "role": seat.role.value}

    async def _state(self, request: web.Request) -> web.Response:
        lang = pick_language(request.headers.get("Accept-Language"))
        seat = self._seat_of(request, required=False)
        info = self.room.info
        return _json({"lang": lang, "mode": info.mode, "event": info.name, "closed": self.room.closed,
                      "practices": self._questionnaire(lang), "seat": self._seat_view(seat)})

    async def _join(self, request: web.Request) -> web.Response:
        if self._seat_of(request, required=False) is not None:
            raise Refusal(409, "err.joined", "this phone already has a seat")
        req = await self._body(request, JoinRequest)
        if not self._joins.take(request.remote or "?", time.monotonic()):
            raise Refusal(429, "err.slow", "too many joins from this address; wait a moment")
        token, seat = await self._wait(self.room.submit("join", "", req))
        resp = _json({"ok": True, "seat": self._seat_view(seat)})
        resp.set_cookie(COOKIE, token, max_age=14 * 24 * 3600, path=f"/j/{self.room.info.secret}/",
                        httponly=True, samesite="Strict")
        return resp

    async def _answer(self, request: web.Request) -> web.Response:
        seat = self._seat_of(request)
        req = await self._body(request, AnswerRequest)
        assert seat is not None
        await self._wait(self.room.submit("answer", request.cookies[COOKIE], req))
        return _json({"ok": True, "saved": req.practice})

    async def _finish(self, request: web.Request) -> web.Response:
        seat = self._seat_of(request)
        await self._body(request, Empty)
        assert seat is not None
        await self._wait(self.room.submit("finish", request.cookies[COOKIE], None))
        return _json({"ok": True})

    async def _profile(self, request: web.Request) -> web.Response:
        seat = self._seat_of(request)
        assert seat is not None
        lang = pick_language(request.headers.get("Accept-Language"))
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(self._pdf_pool, self._profile_data, seat, lang)
        return _json(data)

    def _profile_data(self, seat: Seat, lang: str) -> dict[str, Any]:
        room = self.room
        res = room.results_for(seat)
        prof = room.room_profile() if room.info.mode == "event" else None
        visible = prof is not None and room.room_visible(prof)
        dims = []
        for d in room.framework.dimensions:
            s = res.dimensions[d.id].score
            dist = prof.dimensions.get(d.id) if visible and prof else None
            dims.append({"id": d.id, "title": d.title(lang), "score": None if s is None else round(s),
                         "room_median": None if dist is None else round(dist.median)})
        ov = res.overall.score
        om = prof.overall.median if visible and prof and prof.overall else None
        return {"overall": None if ov is None else round(ov), "room_overall": None if om is None else round(om),
                "dimensions": dims, "room": {"visible": visible, "n": prof.n if prof else 0,
                                             "needed": 5}, "pdf": room.info.mode == "event"}

    async def _report(self, request: web.Request) -> web.Response:
        seat = self._seat_of(request)
        assert seat is not None
        if self.room.info.mode != "event":
            raise Refusal(404, "err.bad", "no personal PDF in a workshop")
        lang = pick_language(request.headers.get("Accept-Language"))
        loop = asyncio.get_running_loop()
        pdf = await loop.run_in_executor(self._pdf_pool, self.room.personal_pdf, seat, lang)
        return web.Response(body=pdf, content_type="application/pdf", headers={
            "Content-Disposition": 'attachment; filename="cem-profile.pdf"'})


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
