"""The per-assessment journal: one fsynced line per change, so an answer is on disk when
`set_answer` returns, at the cost of appending ~150 bytes instead of rewriting the file.

Format (see docs/store.md): UTF-8 lines `<crc32 as 8 hex digits> <compact JSON>\\n`. The
first line of a journal is a header `{"journal": 1, "id": ..., "base": <snapshot seq>}`;
every other line is a change with a sequence number that keeps rising across compactions:

    {"seq": 41, "op": "answer", "r": "r3", "p": "cust.voice", "a": {...} | null, "m": "<iso>"}
    {"seq": 42, "op": "fields", "v": {"title": "...", "modified": "<iso>"}}

A change is acknowledged only after its whole line, newline included, is written and
fdatasync'ed. A crash can therefore leave at most an incomplete or unverifiable tail, which
`scan` reports and ignores (that change was never acknowledged). A bad line followed by good
ones is damage, not a crash; it is reported and the journal is kept aside for inspection.
Replaying skips entries whose seq the snapshot already holds, so a crash between writing a
snapshot and emptying the journal replays nothing twice.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cemassess.exchange.atomic import fsync_dir
from cemassess.store.errors import StoreIOError

JOURNAL_VERSION = 1
OPS = frozenset({"answer", "fields"})

# fdatasync flushes the data and the size (all a reader needs), not the mtime: cheaper.
_sync = getattr(os, "fdatasync", os.fsync)


def encode_line(obj: dict[str, Any]) -> bytes:
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The object on one line (without its newline), or None if the line is not intact."""
    if len(line) < 11 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        obj = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def _is_entry(obj: dict[str, Any]) -> bool:
    seq = obj.get("seq")
    return (isinstance(seq, int) and not isinstance(seq, bool) and seq > 0
            and obj.get("op") in OPS)


@dataclass
class JournalScan:
    header: dict[str, Any] | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)
    damaged_lines: int = 0  # unreadable lines with good lines after them: real damage
    torn_tail: int = 0  # unreadable lines at the end: an unfinished, unacknowledged write
    problem: str = ""  # a reason not to use this journal at all (wrong id, newer version)
    size: int = 0

    @property
    def usable(self) -> bool:
        return not self.problem


def decode_lines(raw: bytes) -> tuple[list[dict | None], int]:
    """A journal's lines decoded up to the last good one (None where a line is damaged), and
    how many lines after it are torn (a crash mid-append). Shared by every fsynced journal."""
    lines = raw.split(b"\n")
    # the piece after the last newline is incomplete by definition (empty if the file ends well)
    complete, tail = lines[:-1], lines[-1]
    decoded = [decode_line(line) for line in complete]
    last_good = max((i for i, d in enumerate(decoded) if d is not None), default=-1)
    torn = sum(1 for d in decoded[last_good + 1:] if d is None) + (1 if tail else 0)
    return decoded[:last_good + 1], torn


def scan_bytes(raw: bytes, aid: str) -> JournalScan:
    out = JournalScan(size=len(raw))
    if not raw:
        return out
    decoded, out.torn_tail = decode_lines(raw)
    out.damaged_lines = sum(1 for d in decoded if d is None)
    for obj in decoded:
        if obj is None:
            continue
        if "journal" in obj and out.header is None and not out.entries:
            out.header = obj
        elif _is_entry(obj):
            out.entries.append(obj)
        else:
            out.damaged_lines += 1
    if out.header is not None:
        version = out.header.get("journal")
        if version != JOURNAL_VERSION:
            out.problem = (f"was written by a different cemassess (journal format {version!r}; "
                           f"this version writes {JOURNAL_VERSION})")
        elif out.header.get("id") != aid:
            out.problem = f"belongs to assessment {out.header.get('id')!r}, not {aid!r}"
    elif out.entries:
        out.damaged_lines += 1  # the header line itself was lost; the changes are still ours
    return out


def scan(path: Path, aid: str) -> JournalScan:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return JournalScan()
    return scan_bytes(raw, aid)


class Journal:
    """Append-only writer for one assessment's journal. One writer per data folder (the lock)."""

    def __init__(self, path: Path, aid: str, *, durable: bool = True) -> None:
        self.path = path
        self.aid = aid
        self.durable = durable
        self._fd: int | None = None
        self._size = 0

    @property
    def size(self) -> int:
        return self._size if self._fd is not None else _size_of(self.path)

    def _open(self) -> int:
        if self._fd is None:
            created = not self.path.exists()
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
            fd = os.open(self.path, flags, 0o600)
            if created and self.durable:
                fsync_dir(self.path.parent)  # the new name must survive a power cut too
            self._fd = fd
            self._size = os.fstat(fd).st_size
        return self._fd

    def append(self, entry: dict[str, Any], base_seq: int) -> None:
        """Write one change and wait until it is on disk. On failure nothing is half-written."""
        try:
            fd = self._open()
        except OSError as e:
            raise StoreIOError(f"could not save the change: {e.strerror or e}") from None
        data = encode_line(entry)
        if self._size == 0:
            data = encode_line({"journal": JOURNAL_VERSION, "id": self.aid, "base": base_seq}) + data
        before = self._size
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            if self.durable:
                _sync(fd)
        except OSError as e:
            self._undo(before)
            raise StoreIOError(f"could not save the change: {e.strerror or e}") from None
        self._size = before + len(data)

    def _undo(self, size: int) -> None:
        # Disk full halfway through a line: cut the partial line off so later lines stay readable.
        try:
            assert self._fd is not None
            os.ftruncate(self._fd, size)
            _sync(self._fd)
            self._size = size
        except OSError:
            self.close()  # reopened (and re-measured) on the next append

    def reset(self) -> None:
        """Empty the journal after its changes reached a durable snapshot."""
        if self._fd is None and _size_of(self.path) == 0:
            return
        fd = self._open()
        os.ftruncate(fd, 0)
        if self.durable:
            _sync(fd)
        self._size = 0

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
