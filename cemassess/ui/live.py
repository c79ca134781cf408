"""The live room in the app: a thin Qt adapter over cemassess.live (LiveRoom + LiveServer).

`LiveSession` owns one LiveRoom and its LiveServer. Everything that can wait (opening the
event folder, binding the socket, stopping the server, building the room profile) runs on a
plain worker thread; the GUI thread only calls methods that return at once and receives Qt
signals. The room's listener is called on the room's writer thread: it emits `_relay`,
which Qt queues to the GUI thread (the adapter lives there), where `changed` and
`countsChanged` are emitted. Bursts of answers are coalesced: the room profile is rebuilt at
most every PROFILE_EVERY_MS, off the GUI thread (`profileReady`).

    live = LiveSession(lambda: LiveRoom.open_event(name, data_dir))
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
    _relay = Signal(object)  # from the writer thread; queued to the GUI thread
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
        self._relay.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
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

            if self.room is None:
                self.room = self._opener()
                self.room.add_listener(self._relay.emit)
            if self.server is None:
                self.server = LiveServer(self.room, limits=SERVER_LIMITS)
            info = self.room.info
            tries = [port] if port is not None else []
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
        """On quitting: stop and release in place (at most the server's few seconds)."""
        if self.server is not None:
            self.server.stop()
        if self.room is not None:
            self.room.close()
        self.room = self.server = None

    def _on_done(self, what: str, result: Any) -> None:
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
    def _on_event(self, ev: Any) -> None:
        if self.room is None:
            return
        self._counts = ev.counts
        self.changed.emit(ev)
        self.countsChanged.emit(ev.counts)
        if ev.kind == "finished":
            self._finished.add(ev.seat)
        if self.room.info.mode == "workshop":
            if ev.kind in ("joined", "answered"):
                self.refresh_profile()
        elif ev.kind in ("finished", "revealed", "closed", "reopened") or (
                ev.kind == "answered" and ev.seat in self._finished):
            self.refresh_profile()  # the profile counts finished seats only

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
