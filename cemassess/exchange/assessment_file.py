"""The assessment file (*.cemassess.json): read strictly, migrate older versions, write.

See docs/file-format.md. Reading never half-loads: the whole file is parsed, migrated and
validated before an `Assessment` is returned, and any problem is one `FileFormatError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cemassess.domain.assessment import FORMAT, FORMAT_VERSION, Assessment
from cemassess.exchange.strictjson import FileFormatError, parse_bytes, read_json, validate

SUFFIX = ".cemassess.json"

# version -> function turning a dict of that version into a dict of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migration(from_version: int):
    """Register a migration from `from_version` to `from_version + 1`."""

    def register(fn: Callable[[dict[str, Any]], dict[str, Any]]):
        MIGRATIONS[from_version] = fn
        return fn

    return register


def migrate(data: Any, *, what: str = "assessment file") -> Any:
    if not isinstance(data, dict):
        raise FileFormatError(f"the {what} does not hold an assessment (expected a JSON object)")
    if data.get("format") != FORMAT:
        raise FileFormatError(f"the {what} is not a cemassess assessment (format is {data.get('format')!r})")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileFormatError(f"the {what} has no valid format_version")
    if version > FORMAT_VERSION:
        raise FileFormatError(
            f"the {what} was written by a newer cemassess (format {version}; this version reads up "
            f"to {FORMAT_VERSION}): please update cemassess")
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise FileFormatError(f"the {what} has format version {version}, which cannot be upgraded")
        data = step(dict(data))
        version += 1
        data["format_version"] = version
    return data


def from_data(data: Any, *, what: str = "assessment file") -> Assessment:
    return validate(Assessment, migrate(data, what=what), what=what)


def read_assessment(path: Path) -> Assessment:
    data = read_json(path, what="assessment file")
    try:
        return from_data(data)
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def loads_assessment(raw: bytes) -> Assessment:
    return from_data(parse_bytes(raw, what="assessment file"))


def dumps_assessment(a: Assessment) -> bytes:
    return json.dumps(a.model_dump(mode="json"), ensure_ascii=False, indent=1).encode("utf-8")


def write_assessment(a: Assessment, path: Path) -> None:
    """Write atomically: a temporary file beside the target, fsynced, then renamed over it."""
    from cemassess.exchange.atomic import atomic_write_bytes

    atomic_write_bytes(path, dumps_assessment(a))
