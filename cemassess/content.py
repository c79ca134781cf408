"""Loads CEM frameworks from JSON files into domain objects, strictly validated."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from cemassess.domain.framework import Framework
from cemassess.exchange.strictjson import FileFormatError, parse_bytes, read_json, validate
from cemassess.resources import resource

DEFAULT_FRAMEWORK = "cem-b2b"
_FRAMEWORK_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_VERSION = re.compile(r"^\d+(\.\d+){0,2}$")  # domain.framework.Framework.version

# Bounds that keep the app usable (the shipped framework: 50 practices, 280 KB). Checked on
# the parsed file before the models are built, so a huge framework is refused in moments.
MAX_FRAMEWORK_BYTES = 4 * 1024 * 1024
MAX_PRACTICES = 500
MAX_ACTIONS = 2000
MAX_CHECKS = 200


def _bounded(data: object) -> None:
    if not isinstance(data, dict):
        return  # the model says what is wrong
    dims = data.get("dimensions")
    if not isinstance(dims, list):
        return
    practices = [p for d in dims if isinstance(d, dict) and isinstance(d.get("practices"), list)
                 for p in d["practices"]]
    if len(practices) > MAX_PRACTICES:
        raise FileFormatError(f"the framework has {len(practices):,} practices; at most "
                              f"{MAX_PRACTICES} keep an assessment usable")
    actions = sum(len(p["actions"]) for p in practices
                  if isinstance(p, dict) and isinstance(p.get("actions"), list))
    if actions > MAX_ACTIONS:
        raise FileFormatError(f"the framework has {actions:,} actions; at most {MAX_ACTIONS}")
    checks = data.get("checks")
    if isinstance(checks, list) and len(checks) > MAX_CHECKS:
        raise FileFormatError(f"the framework has {len(checks):,} checks; at most {MAX_CHECKS}")


def load_framework_file(path: Path) -> Framework:
    data = read_json(path, what="framework file", max_bytes=MAX_FRAMEWORK_BYTES)
    try:
        _bounded(data)
        return validate(Framework, data, what="framework file")
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def framework_from_bytes(raw: bytes, name: str) -> Framework:
    """The same checks as `load_framework_file`, on bytes already read (`name` for messages)."""
    try:
        data = parse_bytes(raw, what="framework file")
        _bounded(data)
        return validate(Framework, data, what="framework file")
    except FileFormatError as e:
        raise FileFormatError(f"{name}: {e}") from None


def version_key(version: str) -> tuple[int, int, int]:
    """"1.2" < "1.10" < "2": framework versions compare as numbers (1 = 1.0 = 1.0.0)."""
    parts = [int(x) for x in version.split(".")] if _VERSION.match(version) else []
    return tuple((parts + [0, 0, 0])[:3])  # type: ignore[return-value]


def older_version_path(folder: Path, framework_id: str, version: str) -> Path:
    """Where an installed framework's earlier version is kept beside the newest one."""
    return folder / f"{framework_id}@{version}.json"


def framework_path(framework_id: str) -> Path:
    return resource("frameworks", f"{framework_id}.json")


def user_frameworks_dir() -> Path:
    """Consultants' own frameworks: `frameworks/` in the data folder (read here; written only
    by cemassess.store.frameworks)."""
    from cemassess.store.paths import data_dir

    return data_dir() / "frameworks"


def find_framework(framework_id: str, version: str = "") -> Path | None:
    """A shipped framework wins over a user's file of the same id (imports refuse that clash).
    With `version`, an installed framework's earlier version kept beside the newest
    (`<id>@<version>.json`) is found too; without it, or when that version is nowhere, the
    newest."""
    if not _FRAMEWORK_ID.match(framework_id):
        return None  # never a path: ids are checked before they touch the file system
    if version and _VERSION.match(version):
        older = older_version_path(user_frameworks_dir(), framework_id, version)
        if older.is_file():
            newest = user_frameworks_dir() / f"{framework_id}.json"
            if not (newest.is_file() and _version_of(newest) == version):
                return older
    for path in (framework_path(framework_id), user_frameworks_dir() / f"{framework_id}.json"):
        if path.is_file():
            return path
    return None


def _version_of(path: Path) -> str:
    try:
        return _cached(path).version
    except FileFormatError:
        return ""


def _cached(path: Path) -> Framework:
    st = path.stat()
    return _load_cached(str(path), st.st_mtime_ns, st.st_size)


def load_framework(framework_id: str = DEFAULT_FRAMEWORK, version: str = "") -> Framework:
    """A framework by id: shipped, or installed in the data folder. Cached per file version.
    An assessment passes its `framework_version`, so it keeps the framework it was answered
    on after a newer version is installed (see `framework_for`)."""
    path = find_framework(framework_id, version)
    if path is None:
        raise FileFormatError(f"no framework named {framework_id!r} is installed")
    return _cached(path)


def framework_for(a: Any) -> Framework:
    """The framework an assessment (or answer file) was answered on: its id and version.
    An assessment that names no version gets the newest version that has every practice it
    answers (so a newer version that dropped or renamed practices does not un-score it)."""
    version = getattr(a, "framework_version", "") or ""
    newest = load_framework(a.framework, version)
    if version:
        return newest
    answered = {pid for per in getattr(a, "answers", {}).values() for pid in per}
    if answered <= set(newest.practices):
        return newest
    kept = []
    for path in user_frameworks_dir().glob(f"{a.framework}@*.json") if _FRAMEWORK_ID.match(a.framework) else ():
        try:
            kept.append(_cached(path))
        except FileFormatError:
            continue
    for fw in sorted(kept, key=lambda f: version_key(f.version), reverse=True):
        if fw.id == a.framework and answered <= set(fw.practices):
            return fw
    return newest


@cache
def _load_cached(path: str, mtime_ns: int, size: int) -> Framework:
    return load_framework_file(Path(path))


DEFAULT_BENCHMARKS = "illustrative"


@cache
def load_benchmarks(pack_name: str = DEFAULT_BENCHMARKS):
    """A shipped benchmark pack (resources/benchmarks/<name>.json)."""
    from cemassess.exchange.benchmark_file import read_benchmark_pack

    path = resource("benchmarks", f"{pack_name}.json")
    if not path.is_file():
        raise FileFormatError(f"no benchmark pack named {pack_name!r} is installed")
    return read_benchmark_pack(path)
