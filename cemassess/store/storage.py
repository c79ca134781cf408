"""TinyDB storage that never leaves a torn file behind.

TinyDB's own JSONStorage rewrites the live file in place (seek, write, truncate): a crash
in the middle leaves half a file (PITFALLS.md, tinydb #467). This storage writes the whole
database to a temporary file beside the target, fsyncs it, renames it over the target and
fsyncs the folder (`exchange.atomic.atomic_write_bytes`), so a reader sees the old database
or the new one. Files are UTF-8 without ASCII escaping (Cyrillic stays one to two bytes per
letter). No CachingMiddleware: it loses writes at exit.

Reading is strict about damage: a zero-byte, truncated or garbage file raises `DamagedFile`
with a plain reason instead of TinyDB's "treat an empty file as a new database", because
an empty file here means something went wrong and recovery must say so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb import Storage

from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.store.errors import DamagedFile, ReadOnlyError
from cemassess.store.paths import make_private_dir


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_store_bytes(raw: bytes, path: Path) -> dict[str, Any]:
    """Parse one of our own JSON files; any damage becomes `DamagedFile` with a plain reason."""
    if not raw:
        raise DamagedFile(path, "is empty (zero bytes)")
    if not raw.strip(b"\x00 \t\r\n"):
        raise DamagedFile(path, "holds no data (only blank or zero bytes)")
    cut = DamagedFile(path, "is cut short (it ends in the middle of the data)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(raw) - 3 and raw[:1] == b"{":  # a letter cut in half at the end
            raise cut from None
        raise DamagedFile(path, f"is not readable text (garbage at byte {e.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # Every file we write is one JSON object: a start without its end was cut short.
        if text.lstrip().startswith("{") and not text.rstrip("\x00 \t\r\n").endswith("}"):
            raise cut from None
        raise DamagedFile(path, f"is garbled (invalid data at line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise DamagedFile(path, "is garbled (nested too deeply)") from None
    if not isinstance(data, dict):
        raise DamagedFile(path, "does not hold a cemassess database")
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB storage: whole-file atomic replace on write, strict damage detection on read."""

    def __init__(self, path: str | os.PathLike[str], create_dirs: bool = False, *,
                 read_only: bool = False, durable: bool = True, **_ignored: Any) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.durable = durable
        if create_dirs and not read_only:
            make_private_dir(self.path.parent)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        return parse_store_bytes(raw, self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise ReadOnlyError(self.path.parent)
        atomic_write_bytes(self.path, dumps(data), durable=self.durable)

    def close(self) -> None:
        pass
