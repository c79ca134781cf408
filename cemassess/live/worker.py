"""The child process that serves an event's live room for the app (event mode).

The app's GUI thread shares the interpreter lock with every Python thread of its process;
with the room's writer, the aiohttp loop and the profile rebuilds in the app, 200 phones
tapping at once stalled the GUI thread for 59-146 ms (docs/performance-live.md). So the app
runs them here, in a process of their own started with multiprocessing's "spawn" method
(also in the frozen bundle: the launcher calls `multiprocessing.freeze_support()`), and
talks to it through two one-way pipes (cemassess.live.remote.RemoteRoom is the app's end).

The child opens the event (its lock: one server per event), serves it with LiveServer,
computes the room's profile and the phones' personal PDFs, and sends the app what happened
in small batches. It ends when the app says "close", or when the app is gone: the command
pipe then reads end-of-file (and on Linux the kernel sends SIGTERM: PR_SET_PDEATHSIG), so a
restarted app can bind the same port and take the event's lock again. A child that ends
because the app went away does not mark the event ended: the restarted app offers to
resume it.

Messages, app -> child: `(request id, op, argument)` with op one of
    start (host, port) -> (url, EventInfo)     stop ended -> EventInfo
    close_answers closed -> None               reveal None -> None
    snapshot (finished_only, known versions) -> RoomSnapshot
    chart (kind, profile, lang, theme, width px, pixel ratio, enlarge) -> (zlib'd RGBA, w, h) | None
    close ended -> None (the child has stopped serving and released the event)
child -> app:
    ("opened", EventInfo, Counts, closed, revealed) | ("failed", (kind, message))
    ("events", [LiveEvent, ...])               ("reply", request id, ok, value or (kind, message))
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import queue
import sys
import threading
import time
from typing import Any

EVENT_BATCH_S = 0.02  # the trainer's counts may lag this much; one pipe message per batch


def error_of(e: BaseException) -> tuple[str, str]:
    """An exception as (kind, one sentence) for the pipe (the app shows the sentence)."""
    kind = "OSError" if isinstance(e, OSError) else type(e).__name__
    if isinstance(e, OSError) and e.strerror and not str(e):
        return kind, e.strerror
    return kind, str(e) or type(e).__name__


def die_with_parent() -> None:
    """Linux: SIGTERM when the app's process dies, even if this process is busy (the pipe's
    end-of-file covers every system, once the command loop reads it)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):  # best effort: the pipe still ends the child
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG


def _open(opts: dict[str, Any]) -> Any:
    from cemassess.live.room import LiveRoom
    from cemassess.store.events import EventInUse

    deadline = time.monotonic() + float(opts.get("wait_lock", 0.0))
    while True:
        try:
            return LiveRoom.open_event(opts["name"], opts.get("data_dir"), seat_cap=opts["seat_cap"])
        except EventInUse:
            # after a crash the killed app's child may take a moment to let the event go
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.2)


class _Outbox:
    """Everything the child sends goes through here (one writer on the pipe); the room's
    events are batched for EVENT_BATCH_S."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._events: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="live-child-events", daemon=True)
        self._thread.start()

    def send(self, msg: Any) -> None:
        with self._lock, contextlib.suppress(OSError, ValueError):  # the app is gone
            self._conn.send(msg)

    def event(self, ev: Any) -> None:  # the room's listener: on its writer thread
        self._events.put(ev)

    def _run(self) -> None:
        while True:
            ev = self._events.get()
            if ev is None:
                return
            batch, last = [ev], False
            end = time.monotonic() + EVENT_BATCH_S
            while (left := end - time.monotonic()) > 0:
                try:
                    nxt = self._events.get(timeout=left)
                except queue.Empty:
                    break
                if nxt is None:
                    last = True
                    break
                batch.append(nxt)
            self.send(("events", batch))
            if last:
                return

    def close(self) -> None:
        self._events.put(None)
        self._thread.join(5)


def chart(room: Any, kind: str, profile: Any, lang: str, theme: Any, width_px: int, ratio: float,
          enlarge: bool) -> tuple[bytes, int, int] | None:
    """One of the Event room's charts of `profile` (the one the app shows), as pixels for a
    QImage, compressed for the pipe (zlib inflates them in the app without its lock)."""
    import zlib

    from cemassess.report.onscreen import render_rgba

    data = (room.framework, profile) if kind == "strips" else profile
    pixels = render_rgba(kind, data, lang, theme, width_px, ratio, enlarge)
    if pixels is None:
        return None
    buf, w, h = pixels
    return zlib.compress(buf, 1), w, h


def main(cmd: Any, out: Any, opts: dict[str, Any]) -> None:
    """The child's whole life (multiprocessing's target): see the module doc."""
    die_with_parent()
    if opts.get("mplconfigdir"):  # the app's matplotlib cache (charts drawn here)
        import os

        os.environ["MPLCONFIGDIR"] = opts["mplconfigdir"]
    outbox = _Outbox(out)
    try:
        room = _open(opts)
    except BaseException as e:  # the app shows the sentence; nothing was opened
        outbox.send(("failed", error_of(e)))
        outbox.close()
        return
    from cemassess.live.server import LiveServer

    server = LiveServer(room, limits=opts.get("limits"))
    room.add_listener(outbox.event)
    snapshots = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-child-snapshot")
    charts = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-child-chart")
    outbox.send(("opened", room.info, room.counts(), room.closed, room.revealed))
    closing: int | None = None  # the request id of "close"
    ended = False  # only the app's own stop or close ends the event; a lost app does not

    def reply(rid: int, fn: Any, *args: Any) -> None:
        try:
            value = fn(*args)
        except BaseException as e:  # the app raises it as one sentence
            outbox.send(("reply", rid, False, error_of(e)))
        else:
            outbox.send(("reply", rid, True, value))

    def start(host: str, port: int) -> tuple[str, Any]:
        return server.start(host, port), room.info

    def stop(end: bool) -> Any:
        server.stop(ended=end)
        return room.info

    try:
        while True:
            try:
                rid, op, arg = cmd.recv()
            except (EOFError, OSError):
                break  # the app is gone (killed, or its pipe closed)
            if op == "snapshot":  # scoring changed seats takes a while: never hold the loop
                snapshots.submit(reply, rid, room.snapshot, *arg)
            elif op == "chart":
                charts.submit(reply, rid, chart, room, *arg)
            elif op == "start":
                reply(rid, start, *arg)
            elif op == "stop":
                reply(rid, stop, bool(arg))
            elif op == "close_answers":
                reply(rid, room.close_answers, bool(arg))
            elif op == "reveal":
                reply(rid, room.reveal)
            elif op == "close":
                closing, ended = rid, bool(arg)
                break
            else:
                outbox.send(("reply", rid, False, ("ValueError", f"unknown request {op!r}")))
    finally:
        snapshots.shutdown(wait=True, cancel_futures=True)
        charts.shutdown(wait=True, cancel_futures=True)
        server.stop(ended=ended)
        room.close()  # the writer finishes what was submitted; the event's lock is released
        outbox.close()
        if closing is not None:
            outbox.send(("reply", closing, True, None))
        with contextlib.suppress(OSError):
            out.close()
