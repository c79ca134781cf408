"""Live events on disk: one folder per event, a small description and a journal of seats.

Layout (docs/file-format.md, "Event folder"):

    <data folder>/events/<event id>/
        event.json     what the event is (name, mode, framework, join secret, last address);
                       replaced atomically
        event.journal  one fsynced line per change, the store's journal line format
                       (`<crc32> <json>`): seats joining, answers, finishing, closing
        .lock          one server per event at a time

The journal is the truth for seats and (event mode) answers: an answer is acknowledged to a
phone only after its line is on disk. A SIGKILL can leave at most a torn last line, which
was never acknowledged and is ignored on reading. Seat tokens are never written: only their
SHA-256, so a copy of the folder cannot be used to write into someone's seat.
Lines are written in batches (group commit: many lines, one fdatasync), which keeps the
acknowledgement latency flat when a whole room taps at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from cemassess.exchange.atomic import atomic_write_bytes, fsync_dir
from cemassess.exchange.strictjson import FileFormatError, parse_bytes, validate
from cemassess.store.errors import StoreError, StoreIOError
from cemassess.store.journal import decode_line, decode_lines, encode_line
from cemassess.store.paths import data_dir as resolve_data_dir

EVENT_FORMAT = "cemassess-event"
EVENT_JOURNAL = 1
OPS = frozenset({"seat", "answer", "finish", "state"})
EventId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
Short = Annotated[str, StringConstraints(max_length=200)]
_sync = getattr(os, "fdatasync", os.fsync)


CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l


def new_secret(n: int = 10) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class EventInfo(BaseModel):
    """event.json: what the event is. The secret is part of the join URL."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["cemassess-event"] = EVENT_FORMAT
    format_version: Literal[1] = 1
    id: EventId
    name: Short
    mode: Literal["event", "workshop"] = "event"
    assessment: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{0,40}$")] = ""
    framework: Annotated[str, StringConstraints(max_length=64)]
    # the join code, in the URL: 10 characters without look-alikes (~50 bits), typeable
    secret: Annotated[str, StringConstraints(pattern=r"^[a-z2-9]{10,64}$")] = Field(default_factory=lambda: new_secret())
    created: dt.datetime = Field(default_factory=_now)
    host: Short = ""  # the address last served on: a restart offers the same URL
    port: int = Field(default=0, ge=0, le=65535)
    # when it last went live on host:port, and when that was ended properly (End live, quitting,
    # Ctrl+C): went live but not ended means the serving process died, and the app offers to
    # resume the event on the same address at its next start
    went_live: dt.datetime | None = None
    ended: dt.datetime | None = None

    @property
    def interrupted(self) -> bool:
        """Went live and was never ended properly (the serving process was killed)."""
        return self.went_live is not None and (self.ended is None or self.ended < self.went_live)


class EventInUse(StoreError):
    """Another server already has this event open."""


@dataclass
class EventScan:
    entries: list[dict[str, Any]] = field(default_factory=list)
    torn_tail: int = 0
    damaged_lines: int = 0


def scan_journal(raw: bytes, event_id: str) -> EventScan:
    out = EventScan()
    if not raw:
        return out
    decoded, out.torn_tail = decode_lines(raw)
    for i, obj in enumerate(decoded):
        if obj is None:
            out.damaged_lines += 1
        elif i == 0 and "journal" in obj:
            if obj.get("journal") != EVENT_JOURNAL or obj.get("id") != event_id:
                raise FileFormatError(f"event journal belongs to {obj.get('id')!r} "
                                      f"(format {obj.get('journal')!r}), not to {event_id!r}")
        elif isinstance(obj.get("seq"), int) and obj.get("op") in OPS:
            out.entries.append(obj)
        else:
            out.damaged_lines += 1
    return out


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:32].strip("-")
    return s or "event"


class EventFolder:
    """One event's folder, opened for writing by one server (the lock)."""

    def __init__(self, path: Path, info: EventInfo) -> None:
        self.path = path
        self.info = info
        self._fd: int | None = None
        self._lock: FileLock | None = None
        self.seq = 0

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> EventFolder:
        try:
            raw = (path / "event.json").read_bytes()
        except FileNotFoundError:
            raise FileFormatError(f"{path}: not an event folder (no event.json)") from None
        info = validate(EventInfo, parse_bytes(raw, what="event file"), what="event file")
        self = cls(path, info)
        lock = FileLock(str(path / ".lock"), timeout=0, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise EventInUse(f"the event {info.name!r} is already live in another window or process") from None
        self._lock = lock
        return self

    def read(self) -> EventScan:
        try:
            raw = (self.path / "event.journal").read_bytes()
        except FileNotFoundError:
            return EventScan()
        sc = scan_journal(raw, self.info.id)
        self.seq = max((e["seq"] for e in sc.entries), default=0)
        if sc.torn_tail:
            # cut the unacknowledged torn tail off, so the next line starts on a fresh line
            keep, pos = 0, 0
            for line in raw.split(b"\n")[:-1]:
                pos += len(line) + 1
                if decode_line(line) is not None:
                    keep = pos
            with open(self.path / "event.journal", "r+b") as f:
                f.truncate(keep)
                f.flush()
                os.fsync(f.fileno())
        return sc

    def save_info(self) -> None:
        atomic_write_bytes(self.path / "event.json", _dumps(self.info))

    def mark_live(self, host: str, port: int) -> None:
        """Serving on host:port from now (event.json, atomically): until `mark_ended`, a
        restart after a crash offers to resume the event on this address."""
        self.info = self.info.model_copy(update={"host": host, "port": port,
                                                 "went_live": dt.datetime.now(dt.UTC)})
        self.save_info()

    def mark_ended(self) -> None:
        """Live was ended properly (End live, quitting, Ctrl+C): nothing to resume."""
        if self.info.interrupted:
            self.info = self.info.model_copy(update={"ended": dt.datetime.now(dt.UTC)})
            self.save_info()

    # -- writing -----------------------------------------------------------------------------
    def append(self, entries: Iterable[dict[str, Any]]) -> None:
        """Write entries (each gets the next seq) and fdatasync once. Durable on return; on
        failure nothing is half-written and StoreIOError is raised."""
        entries = list(entries)
        if not entries:
            return
        try:
            if self._fd is None:
                p = self.path / "event.journal"
                created = not p.exists()
                self._fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
                if created:
                    fsync_dir(self.path)
            size = os.fstat(self._fd).st_size
            data = b"" if size else encode_line({"journal": EVENT_JOURNAL, "id": self.info.id})
            seq = self.seq
            for e in entries:
                seq += 1
                e["seq"] = seq
                data += encode_line(e)
            view = memoryview(data)
            try:
                while view:
                    view = view[os.write(self._fd, view):]
                _sync(self._fd)
            except OSError:
                os.ftruncate(self._fd, size)
                raise
            self.seq = seq
        except OSError as e:
            raise StoreIOError(f"could not save the answer: {e.strerror or e}") from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _dumps(model: BaseModel) -> bytes:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1).encode("utf-8")


class EventShelf:
    """The events of a data folder: list them, find one by name, create one."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None) -> None:
        self.root = resolve_data_dir(data_dir) / "events"

    def list(self) -> list[EventInfo]:
        out = []
        if self.root.is_dir():
            for p in sorted(self.root.iterdir()):
                try:
                    raw = (p / "event.json").read_bytes()
                    out.append(validate(EventInfo, parse_bytes(raw, what="event file"), what="event file"))
                except (OSError, FileFormatError):
                    continue
        return out

    def find(self, name: str) -> EventInfo | None:
        want = name.strip().casefold()
        return next((e for e in self.list() if e.name.strip().casefold() == want or e.id == name), None)

    def create(self, name: str, framework: str, *, mode: Literal["event", "workshop"] = "event",
               assessment: str = "") -> EventInfo:
        name = name.strip()
        if not name:
            raise FileFormatError("an event needs a name")
        base = slug(name)[:30]
        taken = {e.id for e in self.list()} | ({p.name for p in self.root.iterdir()} if self.root.is_dir() else set())
        eid, n = base, 1
        while eid in taken:
            n += 1
            eid = f"{base}-{n}"
        info = EventInfo(id=eid, name=name[:200], mode=mode, assessment=assessment, framework=framework)
        path = self.root / eid
        try:
            path.mkdir(parents=True, mode=0o700)
            atomic_write_bytes(path / "event.json", _dumps(info))
        except OSError as e:
            raise StoreIOError(f"could not create the event: {e.strerror or e}") from None
        return info

    def path(self, info: EventInfo) -> Path:
        return self.root / info.id

    def open(self, info: EventInfo) -> EventFolder:
        return EventFolder.open(self.path(info))
