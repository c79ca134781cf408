"""Schema versions of the store's own files, and the registry of upgrades between them.

Every snapshot and the portfolio index carry `_meta` (TinyDB table) document 1:
`{"kind": ..., "schema": N, ...}`. Reading a file runs the registered upgrades from its
version up to the current one, one step at a time; a file from a newer cemassess, or with
no readable version, is refused with a plain reason (and then quarantined by recovery).

Honest status: the current store schema is version 1, the first released layout; no older
store layout exists yet, so no real upgrade is registered. The registry is tested by
registering a test upgrade and bumping the current version in the test. The assessment
content inside a snapshot has its own format version, upgraded by
`cemassess.exchange.assessment_file.MIGRATIONS` (the same upgrades as for shared files).

To change the layout: bump CURRENT[kind], add `@store_migration(kind, old_version)` turning
a whole file (the TinyDB dict) of the old version into the next one, and add a test file of
the old version under tests/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cemassess.store.errors import DamagedFile

SNAPSHOT = "cemassess-assessment-snapshot"
INDEX = "cemassess-portfolio-index"

CURRENT: dict[str, int] = {SNAPSHOT: 1, INDEX: 1}

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
_UPGRADES: dict[tuple[str, int], Upgrade] = {}


def store_migration(kind: str, from_version: int) -> Callable[[Upgrade], Upgrade]:
    """Register the upgrade of a `kind` file from `from_version` to `from_version + 1`."""
    if kind not in CURRENT:
        raise ValueError(f"unknown store file kind {kind!r}")

    def register(fn: Upgrade) -> Upgrade:
        _UPGRADES[(kind, from_version)] = fn
        return fn

    return register


def meta_of(data: dict[str, Any]) -> dict[str, Any]:
    table = data.get("_meta")
    doc = table.get("1") if isinstance(table, dict) else None
    return doc if isinstance(doc, dict) else {}


def upgrade(kind: str, data: dict[str, Any], path: Path) -> tuple[dict[str, Any], int]:
    """Bring a whole store file up to the current schema. Returns (data, version it had)."""
    meta = meta_of(data)
    if meta.get("kind") != kind:
        raise DamagedFile(path, "is not a cemassess file of the expected kind (no valid header)")
    version = meta.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DamagedFile(path, f"has an unknown schema version ({version!r})")
    current = CURRENT[kind]
    if version > current:
        raise DamagedFile(path, f"was written by a newer cemassess (schema {version}; this "
                                f"version reads up to {current}); update cemassess to use it")
    start = version
    while version < current:
        step = _UPGRADES.get((kind, version))
        if step is None:
            raise DamagedFile(path, f"has schema version {version}, which this cemassess "
                                    "cannot upgrade")
        try:
            data = step(data)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise DamagedFile(path, f"could not be upgraded from schema {version} ({e})") from None
        version += 1
        meta = dict(meta_of(data))
        meta["kind"] = kind
        meta["schema"] = version
        data["_meta"] = {"1": meta}
    return data, start
