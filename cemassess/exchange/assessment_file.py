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


# Framework content upgrades. When a framework release gives a practice a new id (it moved to
# another dimension), an assessment answered on the older release is brought forward when it
# is read: its answers, comments, review flags and agreed answers move to the new id.
# (framework id, version) -> (next version, {old practice id: new practice id}).
PRACTICE_MOVES: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("cem-b2b", "1.0"): ("1.1", {"awareness.public_voice": "research.public_voice"}),
}


def _chain(framework: str, version: str) -> tuple[str, dict[str, str]]:
    """The newest version reachable from `version`, and the composed renames on the way."""
    renames: dict[str, str] = {}
    seen: set[str] = set()
    while (framework, version) in PRACTICE_MOVES and version not in seen:
        seen.add(version)
        version, moves = PRACTICE_MOVES[(framework, version)]
        renames = {old: moves.get(new, new) for old, new in renames.items()}
        renames.update({k: v for k, v in moves.items() if k not in renames})
    return version, renames


def practice_renames(framework: str) -> dict[str, str]:
    """Every old practice id of `framework` and the id it has in the newest release."""
    steps = {v: nxt for (f, v), (nxt, _) in PRACTICE_MOVES.items() if f == framework}
    out: dict[str, str] = {}
    for first in set(steps) - set(steps.values()):
        out.update(_chain(framework, first)[1])
    return out


def rename_keys(mapping: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """`mapping` with renamed keys; where both ids are present the new id's entry wins."""
    out = {k: v for k, v in mapping.items() if k not in renames}
    for k, v in mapping.items():
        if k in renames:
            out.setdefault(renames[k], v)
    return out


def upgrade_content(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an assessment dict answered on an older framework release to the newest one.
    A file with no framework version gets the renames too (they only touch ids the newer
    release no longer has) but keeps its empty version."""
    fw_id = data.get("framework", Assessment.model_fields["framework"].default)
    version = data.get("framework_version", "")
    if not isinstance(fw_id, str) or not isinstance(version, str):
        return data  # validation names the problem
    if version:
        version, renames = _chain(fw_id, version)
    else:
        renames = practice_renames(fw_id)
    if not renames and version == data.get("framework_version", ""):
        return data
    data = dict(data, framework_version=version)
    answers = data.get("answers")
    if isinstance(answers, dict):
        data["answers"] = {rid: rename_keys(per, renames) if isinstance(per, dict) else per
                           for rid, per in answers.items()}
    if isinstance(data.get("agreed"), dict):
        data["agreed"] = rename_keys(data["agreed"], renames)
    targets = data.get("targets")
    if isinstance(targets, dict) and isinstance(targets.get("overrides"), dict):
        data["targets"] = dict(targets, overrides=rename_keys(targets["overrides"], renames))
    return data


def from_data(data: Any, *, what: str = "assessment file") -> Assessment:
    return validate(Assessment, upgrade_content(migrate(data, what=what)), what=what)


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
