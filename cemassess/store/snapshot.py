"""Assessment snapshots, their rotating backups, and the quarantine for damaged files.

A snapshot (`assessments/<id>.json`) is a TinyDB database with two tables: `_meta`
(`kind`, `schema`, `id`, `seq` = the last journal change it holds, `saved`) and
`assessment` (document 1 = the assessment, as in an assessment file). Both tables are
written in ONE atomic replace: TinyDB writes table by table, and a crash between a new
`seq` and the content it describes would make replay skip changes.

Every compaction writes the same bytes to `backups/<id>/<seq>-<time>.json` and keeps the
newest five, so the newest good backup plus the journal recover everything even if the
snapshot itself is damaged later. Damaged files are moved to `quarantine/`, never deleted,
with a `.why.txt` beside them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cemassess.domain.assessment import Assessment
from cemassess.exchange.assessment_file import from_data
from cemassess.exchange.atomic import atomic_write_bytes, fsync_dir
from cemassess.exchange.strictjson import FileFormatError
from cemassess.store.errors import DamagedFile
from cemassess.store.migrations import CURRENT, SNAPSHOT, meta_of, upgrade
from cemassess.store.paths import Layout, make_private_dir
from cemassess.store.storage import dumps, parse_store_bytes

KEEP_BACKUPS = 5


def stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


@dataclass
class Loaded:
    assessment: Assessment
    seq: int
    schema: int  # the schema version the file had before any upgrade


def encode_snapshot(data: dict[str, Any], aid: str, seq: int) -> bytes:
    """`data` is the assessment as JSON-ready dict (model_dump(mode="json"))."""
    meta = {"kind": SNAPSHOT, "schema": CURRENT[SNAPSHOT], "id": aid, "seq": seq,
            "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    return dumps({"_meta": {"1": meta}, "assessment": {"1": data}})


def decode_snapshot(raw: bytes, path: Path, expected_id: str | None) -> Loaded:
    data, schema = upgrade(SNAPSHOT, parse_store_bytes(raw, path), path)
    seq = meta_of(data).get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise DamagedFile(path, "has a damaged header (no change counter)")
    table = data.get("assessment")
    doc = table.get("1") if isinstance(table, dict) else None
    if doc is None:
        raise DamagedFile(path, "holds no assessment")
    try:
        a = from_data(doc, what="assessment")
    except FileFormatError as e:
        raise DamagedFile(path, f"holds an assessment that is not valid ({e})") from None
    if expected_id is not None and a.id != expected_id:
        raise DamagedFile(path, f"holds assessment {a.id!r} instead of {expected_id!r}")
    return Loaded(a, seq, schema)


def read_snapshot(path: Path, expected_id: str | None) -> Loaded:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DamagedFile(path, "is missing") from None
    except OSError as e:
        raise DamagedFile(path, f"cannot be read ({e.strerror})") from None
    return decode_snapshot(raw, path, expected_id)


class Backups:
    def __init__(self, layout: Layout, keep: int = KEEP_BACKUPS) -> None:
        self.layout = layout
        self.keep = keep

    def add(self, aid: str, seq: int, raw: bytes) -> Path:
        folder = self.layout.backup_dir(aid)
        make_private_dir(folder)
        path = folder / f"{seq:010d}-{stamp()}.json"
        atomic_write_bytes(path, raw)
        for old in self.list(aid)[self.keep:]:
            with contextlib.suppress(OSError):
                old.unlink()
        return path

    def keep_pre_migration(self, aid: str, schema: int, raw: bytes) -> Path:
        """The file as it was before a schema upgrade: kept outside the rotation."""
        folder = self.layout.backup_dir(aid)
        make_private_dir(folder)
        path = folder / f"pre-upgrade-schema{schema}-{stamp()}.json"
        atomic_write_bytes(path, raw)
        return path

    def list(self, aid: str) -> list[Path]:
        """Rotated backups, newest first (names start with the zero-padded seq)."""
        folder = self.layout.backup_dir(aid)
        if not folder.is_dir():
            return []
        return sorted((p for p in folder.iterdir()
                       if p.suffix == ".json" and p.name[:1].isdigit()), reverse=True)

    def newest_good(self, aid: str) -> tuple[Loaded, Path] | None:
        for path in self.list(aid):
            try:
                return read_snapshot(path, aid), path
            except DamagedFile:
                continue
        return None


def quarantine(layout: Layout, path: Path, reason: str) -> Path:
    """Move a damaged file aside (never delete it) and leave a note saying why."""
    make_private_dir(layout.quarantine)
    dest = layout.quarantine / f"{stamp()}-{path.name}"
    n = 1
    while dest.exists():
        n += 1
        dest = layout.quarantine / f"{stamp()}-{n}-{path.name}"
    os.replace(path, dest)
    note = f"{path}\n{reason}\nmoved here {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n"
    atomic_write_bytes(dest.with_name(dest.name + ".why.txt"), note.encode("utf-8"))
    fsync_dir(path.parent)
    return dest


def keep_copy(folder: Path, name: str, raw: bytes) -> Path:
    make_private_dir(folder)
    path = folder / name
    atomic_write_bytes(path, raw)
    return path
