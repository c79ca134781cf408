"""The app's end of a live room served by a child process (cemassess.live.worker).

`RemoteRoom` has the parts of LiveRoom and LiveServer the app uses (`info`, `counts()`,
`closed`, `revealed`, `close_answers()`, `reveal()`, listeners, `room()` for the profile,
`start()`/`stop()`/`running`/`url`, `close()`), and the process behind it holds the event,
the server's threads and the scoring, so none of them competes with the app's GUI thread
for the interpreter lock.

Threading: a reader thread starts the child (so that on Linux the child's parent-death
signal follows this thread, which lives exactly as long as the child) and then reads
what it sends; a writer thread owns the command pipe. `counts()`, `closed`, `revealed`,
`close_answers()`, `reveal()` and `add_listener()` return at once and may be called on the
GUI thread (a command is queued for the writer thread: the GUI thread never waits on a
pipe). `open_event()`, `start()`, `stop()`, `room()` and `close()` wait for the child's
answer: call them on a worker thread (the app quitting may call `close()` in place).
Listeners are called on the reader thread.

    room = RemoteRoom.open_event("Club evening", data_dir)   # a worker thread
    room.add_listener(fn)              # fn(LiveEvent) on the reader thread
    url = room.start("192.168.1.20", 8765)
    ...
    room.stop(); room.close()
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import itertools
import multiprocessing as mp
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from cemassess.live.room import DEFAULT_SEAT_CAP, Counts, LiveEvent

START_TIMEOUT = 90.0  # a cold start of the child on a slow, busy machine (imports, framework)


class RemoteError(RuntimeError):
    """The child refused or failed (the message is one sentence for the user)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _exception(err: tuple[str, str]) -> BaseException:
    kind, message = err
    return OSError(message) if kind == "OSError" else RemoteError(kind, message)


class Lazy(Sequence[Any]):
    """A list whose items are made only when looked at, once each (thread-safe enough: two
    threads may make one item twice, both right). The room's Results: the child scores the
    room for its profile and sends only each changed seat's answer file, as JSON; 200
    Results would weigh ~9 MB pickled, and rebuilding them here would hold this process's
    interpreter lock - and so the GUI thread - for hundreds of ms. A "not enough answers"
    row, the room PDFs or a benchmark score the seats they need."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        self._items, self._make = items, make
        self._done: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i not in self._done:
            self._done[i] = self._make(self._items[i])
        return self._done[i]

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self)))

    def pending(self, indices: Iterable[int] | None = None) -> bool:
        """Some of these items (default: all) are not made yet."""
        return any(i not in self._done for i in (range(len(self)) if indices is None else indices))


class RemoteChart:
    """A chart's data that the child process draws (`cemassess.ui.charts.render` asks for
    `render_rgba`; `data` is what to draw here instead if the child has gone)."""

    def __init__(self, room: RemoteRoom, data: Any) -> None:
        self.room, self.data = room, data

    def render_rgba(self, kind: str, lang: str, theme: Any, width_px: int, ratio: float,
                    enlarge: bool = False) -> tuple[bytes, int, int] | None:
        profile = self.data[1] if kind == "strips" else self.data  # the child has the framework
        return self.room.chart(kind, profile, lang, theme, width_px, ratio, enlarge)


class RemoteRoom:
    """An event's live room in a child process. See the module doc for the threading."""

    remote = True
    portfolio = None  # event mode only: a workshop's portfolio is this process's

    def __init__(self, name: str, data_dir: str | None = None, *, seat_cap: int = DEFAULT_SEAT_CAP,
                 limits: Any = None, wait_lock: float = 0.0) -> None:
        import os

        self._opts = {"name": name, "data_dir": data_dir, "seat_cap": seat_cap, "limits": limits,
                      "wait_lock": wait_lock, "parent": os.getpid(),
                      # the bundle's launcher keeps matplotlib's font cache in the user's cache
                      # folder; the frozen child would start with an empty temporary one
                      "mplconfigdir": os.environ.get("MPLCONFIGDIR", "")}
        self.info: Any = None
        self.framework: Any = None
        self.closed = False
        self.revealed = False
        self.running = False
        self.url = ""
        self.pid = 0
        self.alive = False
        self._counts = Counts()
        self._listeners: list[Callable[[LiveEvent], None]] = []
        self._lost: list[Callable[[str], None]] = []
        self._futures: dict[int, cf.Future] = {}
        self._ids = itertools.count(1)
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._opened: cf.Future = cf.Future()
        self._closing = False
        self._exited = threading.Event()
        self._lock = threading.Lock()
        self._files: dict[str, tuple[int, Any]] = {}  # seat id -> (version, AnswerFile)
        self._proc: Any = None

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def open_event(cls, name: str, data_dir: str | None = None, *, seat_cap: int = DEFAULT_SEAT_CAP,
                   limits: Any = None, wait_lock: float = 0.0, timeout: float = START_TIMEOUT) -> RemoteRoom:
        """Start the child and open the event there (created on first use). Raises what
        opening raised there, as one sentence (RemoteError; OSError if it could not start).
        `wait_lock`: seconds to wait while another process still holds the event."""
        self = cls(name, data_dir, seat_cap=seat_cap, limits=limits, wait_lock=wait_lock)
        threading.Thread(target=self._read_loop, name="live-pipe-in", daemon=True).start()
        try:
            self._opened.result(timeout)
        except cf.TimeoutError:
            self.kill()
            raise OSError("the live room's process did not start in time") from None
        from cemassess.content import load_framework

        self.framework = load_framework(self.info.framework)
        return self

    def _read_loop(self) -> None:
        from cemassess.live import worker

        ctx = mp.get_context("spawn")  # never fork a process that runs Qt and threads
        cmd_r, cmd_w = ctx.Pipe(duplex=False)
        evt_r, evt_w = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=worker.main, args=(cmd_r, evt_w, self._opts),
                           name=f"cemassess-live-{self._opts['name']}"[:60], daemon=True)
        try:
            proc.start()
        except BaseException as e:
            self._opened.set_exception(OSError(f"the live room's process could not start: {e}"))
            self._exited.set()
            return
        finally:
            cmd_r.close()
            evt_w.close()  # only the child holds these now: its death reads as end-of-file
        self._proc, self.pid, self.alive = proc, proc.pid, True
        threading.Thread(target=self._write_loop, args=(cmd_w,), name="live-pipe-out", daemon=True).start()
        try:
            while True:
                try:
                    msg = evt_r.recv()
                except (EOFError, OSError):
                    break
                self._handle(msg)
        finally:
            self.alive = self.running = False
            self._outbox.put(None)
            gone = OSError("the live room's process stopped")
            if not self._opened.done():
                self._opened.set_exception(gone)
            with self._lock:
                futures, self._futures = self._futures, {}
            for f in futures.values():
                if not f.done():
                    f.set_exception(gone)
            evt_r.close()
            with contextlib.suppress(Exception):
                proc.join(10)
            self._exited.set()
            if not self._closing:
                for fn in list(self._lost):
                    with contextlib.suppress(Exception):
                        fn(str(gone))

    def _write_loop(self, conn: Any) -> None:
        try:
            while True:
                msg = self._outbox.get()
                if msg is None:
                    return
                try:
                    conn.send(msg)
                except (OSError, ValueError):
                    self._resolve(msg[0], False, ("OSError", "the live room's process stopped"))
        finally:
            conn.close()

    def _handle(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "events":
            for ev in msg[1]:
                self._counts = ev.counts
                if ev.kind in ("closed", "reopened"):
                    self.closed = ev.kind == "closed"
                elif ev.kind == "revealed":
                    self.revealed = True
                for fn in list(self._listeners):
                    with contextlib.suppress(Exception):  # a listener's bug must not stop the room
                        fn(ev)
        elif kind == "reply":
            self._resolve(msg[1], msg[2], msg[3])
        elif kind == "opened":
            self.info, self._counts, self.closed, self.revealed = msg[1:5]
            self._opened.set_result(True)
        elif kind == "failed":
            self._opened.set_exception(_exception(msg[1]))

    def _resolve(self, rid: int, ok: bool, value: Any) -> None:
        with self._lock:
            fut = self._futures.pop(rid, None)
        if fut is None or fut.done():
            return
        if ok:
            fut.set_result(value)
        else:
            fut.set_exception(_exception(value))

    def _post(self, op: str, arg: Any = None) -> cf.Future:
        fut: cf.Future = cf.Future()
        rid = next(self._ids)
        with self._lock:
            if not self.alive:
                fut.set_exception(OSError("the live room's process stopped"))
                return fut
            self._futures[rid] = fut
        self._outbox.put((rid, op, arg))
        return fut

    def _request(self, op: str, arg: Any = None, timeout: float = 30.0) -> Any:
        try:
            return self._post(op, arg).result(timeout)
        except cf.TimeoutError:
            raise OSError(f"the live room's process did not answer ({op})") from None

    # -- the trainer's side: quick, any thread ----------------------------------------------------
    def add_listener(self, fn: Callable[[LiveEvent], None]) -> None:
        self._listeners.append(fn)

    def on_lost(self, fn: Callable[[str], None]) -> None:
        """`fn(sentence)` on the reader thread when the child dies unasked (killed, crashed)."""
        self._lost.append(fn)

    def counts(self) -> Counts:
        return self._counts

    def close_answers(self, closed: bool = True) -> None:
        self._post("close_answers", closed)  # the child's "closed" event updates `closed`

    def reveal(self) -> None:
        self._post("reveal")

    # -- waiting on the child: worker threads ---------------------------------------------------
    def start(self, host: str, port: int = 0) -> str:
        """Serve on host:port; the join URL. OSError (one sentence) when it cannot bind."""
        url, info = self._request("start", (host, port))
        self.info, self.url, self.running = info, url, True
        return url

    def stop(self, *, ended: bool = True) -> None:
        """Stop serving (the event stays open in the child: Go live again continues it)."""
        if self.alive:
            self.info = self._request("stop", ended)
        self.running = False

    def room(self, finished_only: bool = True) -> Any:
        """The finished seats as a workshop.Room: the child's profile and answer files (only
        the changed ones cross the pipe); Results are scored here only when looked at."""
        from cemassess.domain.results import evaluate
        from cemassess.exchange.participant import AnswerFile, as_assessment
        from cemassess.workshop import Room

        known = {sid: v for sid, (v, _) in self._files.items()}
        snap = self._request("snapshot", (finished_only, known), timeout=300)
        for sid, text in snap.files.items():  # one short parse at a time (this worker thread)
            self._files[sid] = (snap.versions[sid], AnswerFile.model_validate_json(text))
        fw = self.framework
        room = Room(fw)
        room.names = [f"seat-{sid}" for sid in snap.seats]
        room.files = files = [self._files[sid][1] for sid in snap.seats]
        room.results = Lazy(range(len(files)), lambda i: evaluate(fw, as_assessment(files[i])))  # type: ignore[assignment]
        room.profile = snap.profile
        return room

    def chart(self, kind: str, profile: Any, lang: str, theme: Any, width_px: int, ratio: float,
              enlarge: bool = False) -> tuple[bytes, int, int] | None:
        """An Event room chart ("strips", "phase_mix") of `profile`, drawn by the child:
        RGBA bytes, width, height; None when it has nothing to show. OSError if the child
        is gone (then draw it here)."""
        import zlib

        got = self._request("chart", (kind, profile, lang, theme, width_px, ratio, enlarge), timeout=120)
        if got is None:
            return None
        packed, w, h = got
        return zlib.decompress(packed), w, h  # zlib lets go of the interpreter lock meanwhile

    def close(self, *, ended: bool = True, timeout: float = 15.0) -> None:
        """Stop serving, release the event and let the child exit (`ended`: nothing to
        resume). Waits for the child, at most `timeout` seconds, then kills it."""
        self._closing = True
        if self.alive:
            with contextlib.suppress(OSError, RemoteError):
                self._request("close", ended, timeout)
        if not self._exited.wait(timeout):
            self.kill()
        self.running = False

    def kill(self) -> None:
        """The child ends at once (what a crash does; tests)."""
        proc = self._proc
        if proc is not None and proc.is_alive():
            with contextlib.suppress(Exception):
                proc.kill()
