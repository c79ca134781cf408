"""The live room in the app: a thin Qt adapter over cemassess.live (LiveRoom + LiveServer).

`LiveSession` owns one live room and its server. Event mode (`event_opener`): a
`cemassess.live.remote.RemoteRoom`, whose room, server and scoring run in a child process,
so 200 phones tapping at once do not compete with the GUI thread for the interpreter lock.
Workshop mode: a LiveRoom and a LiveServer in this process (the portfolio is this
process's; docs/architecture.md says why). Everything that can wait (opening the event,
binding the socket, stopping the server, building the room profile) runs on a plain worker
thread; the GUI thread only calls methods that return at once and receives Qt signals. The
room's listener is called on the room's writer thread (or the child's pipe reader): it
queues the event and emits `_relay` once per batch, which Qt queues to the GUI thread (the
adapter lives there), where `changed` and `countsChanged` are emitted. Bursts of answers
are coalesced: the room profile is rebuilt at most every PROFILE_EVERY_MS, off the GUI
thread (`profileReady`).

    live = LiveSession(event_opener(name, data_dir))
    live.started.connect(show_qr)        # the join URL
    live.start("192.168.1.20")           # returns at once
    ...
    live.stop()                          # returns at once; `stopped` when it is down
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap

DEFAULT_PORT = 8765  # tried first (a short URL to type); any free port when it is taken
PROFILE_EVERY_MS = 400
# the server's rate limits (None: cemassess.live.server.Limits()); tests and the bench raise
# them, because all their simulated phones share one address (127.0.0.1)
SERVER_LIMITS: Any = None


# event mode serves from a child process (cemassess.live.worker); False serves in this
# process as before (bench/bench_live_ui.py --in-process measures the difference)
CHILD_PROCESS = True
RESUME_WAIT_S = 15.0  # after a crash, the killed app's child may still hold the event a moment


def event_opener(name: str, data_dir: str | None, *, resume: bool = False) -> Callable[[], Any]:
    """How to open the event `name` (created on first use) for LiveSession: in a child
    process (CHILD_PROCESS) or in this one. `resume`: after a crash, wait for the event's
    lock while the old process lets it go."""

    def open_room() -> Any:
        if CHILD_PROCESS:
            from cemassess.live.remote import RemoteRoom

            return RemoteRoom.open_event(name, data_dir, limits=SERVER_LIMITS,
                                         wait_lock=RESUME_WAIT_S if resume else 1.0)
        from cemassess.live.room import LiveRoom

        return LiveRoom.open_event(name, data_dir)
    return open_room


def join_url(info: Any) -> str:
    """The join URL an event (store.events.EventInfo) was last served at."""
    host = f"[{info.host}]" if ":" in info.host else info.host
    return f"http://{host}:{info.port}/j/{info.secret}/"


def interrupted_events(data_dir: Any) -> list[Any]:
    """The events that went live and were never ended properly (the app or its child was
    killed), the most recent first: what a restart offers to resume. Reads only the small
    event.json files."""
    from cemassess.store.events import EventShelf

    try:
        events = [e for e in EventShelf(data_dir).list() if e.interrupted and e.host and e.port]
    except OSError:
        return []
    return sorted(events, key=lambda e: e.went_live, reverse=True)


def end_interrupted(data_dir: Any, info: Any) -> threading.Thread:
    """The trainer chose not to resume: mark the event ended, on a worker thread (it waits,
    like resuming, while the killed app's child still lets the event go)."""
    import time

    def work() -> None:
        from cemassess.store.events import EventInUse, EventShelf

        shelf = EventShelf(data_dir)
        deadline = time.monotonic() + RESUME_WAIT_S
        while True:
            try:
                folder = shelf.open(info)
            except EventInUse:
                if time.monotonic() > deadline:
                    return
                time.sleep(0.2)
                continue
            except Exception:  # gone or unreadable: nothing to end
                return
            try:
                with contextlib.suppress(OSError):
                    folder.mark_ended()
            finally:
                folder.close()
            return

    th = threading.Thread(target=work, name="live-end-interrupted", daemon=True)
    th.start()
    return th


def addresses() -> list[str]:
    """The addresses to offer, the likely LAN one first, 127.0.0.1 last (cemassess.live.net;
    tests replace this function to offer only 127.0.0.1)."""
    from cemassess.live.net import lan_addresses

    return lan_addresses()


def qr_pixmap(url: str, scale: int = 10) -> QPixmap:
    """The join URL as a QR code (segno's PNG; nothing but the URL is encoded)."""
    from cemassess.live.net import qr_png

    pm = QPixmap()
    pm.loadFromData(qr_png(url, scale=scale), "PNG")
    return pm


def short_url(url: str) -> str:
    """The URL as people type it: no scheme."""
    return url.split("://", 1)[-1]


class LiveSession(QObject):
    """One live room served from the app. See the module doc for the threading model."""

    started = Signal(str)  # the join URL
    failed = Signal(str)  # could not open the event or bind the address (one sentence)
    stopped = Signal()
    changed = Signal(object)  # a cemassess.live.room.LiveEvent, on the GUI thread
    countsChanged = Signal(object)  # Counts
    profileReady = Signal(object)  # a workshop.Room of the finished seats (event mode)
    assessmentReady = Signal(object)  # the store's copy of the assessment (workshop mode)
    lost = Signal(str)  # the child process serving the room died unasked (one sentence)
    _relay = Signal()  # from the writer thread: events are waiting; queued to the GUI thread
    _done = Signal(str, object)  # (what, result or exception) from a worker thread

    def __init__(self, opener: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self.room: Any = None
        self.server: Any = None
        self.url = ""
        self.busy = False  # starting or stopping
        self._counts: Any = None
        self._profile_busy = False
        self._profile_again = False
        self._finished: set[str] = set()  # seats whose answers are in the profile
        self.max_stall_ms = 0.0  # measured by tests and the bench, never by the app itself
        self._events: list[Any] = []  # LiveEvents waiting for the GUI thread
        self._events_lock = threading.Lock()
        self._relay.connect(self._on_events, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._profile_timer = QTimer(self)
        self._profile_timer.setSingleShot(True)
        self._profile_timer.setInterval(PROFILE_EVERY_MS)
        self._profile_timer.timeout.connect(self._build_profile)

    # -- state -----------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def remote(self) -> bool:
        """The room is served by a child process (event mode)."""
        return bool(getattr(self.room, "remote", False))

    @property
    def code(self) -> str:
        return self.room.info.secret if self.room is not None else ""

    def counts(self) -> Any:
        from cemassess.live.room import Counts

        if self._counts is None and self.room is not None:
            self._counts = self.room.counts()
        return self._counts or Counts()

    @property
    def closed(self) -> bool:
        return bool(self.room is not None and self.room.closed)

    @property
    def revealed(self) -> bool:
        return bool(self.room is not None and self.room.revealed)

    # -- starting and stopping (never on the GUI thread) ----------------------------------------
    def _spawn(self, what: str, fn: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                result: Any = fn()
            except BaseException as e:  # reported on the GUI thread as one sentence
                result = e
            with contextlib.suppress(RuntimeError):  # the window went while this ran
                self._done.emit(what, result)

        threading.Thread(target=run, name=f"live-{what}", daemon=True).start()

    def start(self, host: str, port: int | None = None) -> None:
        """Open the event (first time) and serve on `host`; `started(url)` or `failed(text)`.
        Tries the event's last port on the same address, then DEFAULT_PORT, then any."""
        if self.busy or self.running:
            return
        self.busy = True

        def work() -> str:
            from cemassess.live.room import LiveRoom  # noqa: F401  (imported off the GUI thread)
            from cemassess.live.server import LiveServer

            if self.room is not None and self.remote and not self.room.alive:
                self.room = self.server = None  # its process died: open the event again
            if self.room is None:
                room = self._opener()
                room.add_listener(self._listen)
                if getattr(room, "remote", False):
                    room.on_lost(lambda why, r=room: self._done.emit("lost", (r, why)))
                self.room = room
            if self.server is None:  # a RemoteRoom serves itself, in its child process
                self.server = self.room if self.remote else LiveServer(self.room, limits=SERVER_LIMITS)
            info = self.room.info
            tries = [port] if port is not None else []  # a resumed event: its own port first
            if info.port and info.host == host:
                tries.append(info.port)
            tries += [DEFAULT_PORT, 0]
            err: OSError | None = None
            for p in dict.fromkeys(tries):
                try:
                    return self.server.start(host, p)
                except OSError as e:
                    err = e
            raise err or OSError("could not listen")

        self._spawn("start", work)

    def stop(self, *, release: bool = False) -> None:
        """Stop listening (seats and answers stay in the event); with `release`, also close
        the room (its writer finishes what was submitted and the event is unlocked)."""
        server, room = self.server, self.room
        if release:
            self.room = None
            self.server = None
            self._profile_timer.stop()
        self.busy = True

        def work() -> None:
            if server is not None:
                server.stop()
            if release and room is not None:
                room.close()

        self._spawn("stop", work)

    def stop_now(self) -> None:
        """On quitting: stop and release in place (at most the server's few seconds; a
        child process is told to stop and release the event, and waited for)."""
        room, server = self.room, self.server
        self.room = self.server = None
        self._profile_timer.stop()
        if room is not None and getattr(room, "remote", False):
            room.close()
            return
        if server is not None:
            server.stop()
        if room is not None:
            room.close()

    def _on_done(self, what: str, result: Any) -> None:
        if what == "lost":
            room, why = result
            if room is not self.room:
                return  # an older room, already let go
            # the dead room keeps its last state (closed, revealed: results stay hidden);
            # Go live again opens the event in a new process
            self._profile_timer.stop()
            self._profile_busy = False
            self.busy = False
            self.lost.emit(why)
            self.stopped.emit()
            return
        if what == "profile":
            self._profile_busy = False
            if not isinstance(result, BaseException):
                if self.room is not None and self.room.info.mode == "workshop":
                    self.assessmentReady.emit(result)
                else:
                    self.profileReady.emit(result)
            if self._profile_again:
                self._profile_again = False
                self._profile_timer.start()
            return
        self.busy = False
        if isinstance(result, BaseException):
            self.failed.emit(str(result) or type(result).__name__)
            return
        if what == "start":
            if self.remote:
                # as LiveServer.start does in its process: what lives now lives as long as the
                # app, so collections during a busy room walk only new garbage
                import gc

                gc.freeze()
            self.url = result
            self._counts = self.room.counts()
            self.started.emit(result)
            self.countsChanged.emit(self._counts)
            self.refresh_profile()
        else:
            self.stopped.emit()

    # -- the trainer's controls (quick: one journal line each) ----------------------------------
    def close_answers(self, closed: bool = True) -> None:
        if self.room is not None:
            self.room.close_answers(closed)

    def reveal(self) -> None:
        if self.room is not None:
            self.room.reveal()

    # -- what happened ----------------------------------------------------------------------------
    def _listen(self, ev: Any) -> None:
        """The room's listener (its writer thread, or the child's pipe reader): queue the
        event; one queued signal per batch wakes the GUI thread."""
        with self._events_lock:
            self._events.append(ev)
            first = len(self._events) == 1
        if first:
            with contextlib.suppress(RuntimeError):  # the window went meanwhile
                self._relay.emit()

    def _on_events(self) -> None:
        with self._events_lock:
            events, self._events = self._events, []
        if self.room is None or not events:
            return
        workshop = self.room.info.mode == "workshop"
        rebuild = False
        for ev in events:
            self.changed.emit(ev)
            if ev.kind == "finished":
                self._finished.add(ev.seat)
            if workshop:
                rebuild = rebuild or ev.kind in ("joined", "answered")
            else:  # the profile counts finished seats only
                rebuild = rebuild or ev.kind in ("finished", "revealed", "closed", "reopened") or (
                    ev.kind == "answered" and ev.seat in self._finished)
        self._counts = events[-1].counts
        self.countsChanged.emit(self._counts)
        if rebuild:
            self.refresh_profile()

    def refresh_profile(self) -> None:
        """Soon, off the GUI thread: rebuild the room profile (event mode: `profileReady`) or
        read the store's copy of the assessment (workshop mode: `assessmentReady`)."""
        if self.room is not None and not self._profile_timer.isActive():
            # a big room is rebuilt less often: each rebuild scores every finished seat on a
            # thread that shares the interpreter lock with the GUI thread
            n = self._counts.finished if self._counts is not None else 0
            self._profile_timer.start(max(PROFILE_EVERY_MS, 5 * n))

    def _build_profile(self) -> None:
        room = self.room
        if room is None:
            return
        if self._profile_busy:
            self._profile_again = True
            return
        self._profile_busy = True
        if room.info.mode == "workshop":
            self._spawn("profile", lambda: room.portfolio.get(room.info.assessment))
        else:
            self._spawn("profile", lambda: room.room(finished_only=True))
