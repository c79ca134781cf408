"""Loads CEM frameworks from JSON files into domain objects, strictly validated."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from cemassess.domain.framework import Framework
from cemassess.exchange.strictjson import FileFormatError, read_json, validate
from cemassess.resources import resource

DEFAULT_FRAMEWORK = "cem-b2b"
_FRAMEWORK_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def load_framework_file(path: Path) -> Framework:
    data = read_json(path, what="framework file")
    try:
        return validate(Framework, data, what="framework file")
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def framework_path(framework_id: str) -> Path:
    return resource("frameworks", f"{framework_id}.json")


def user_frameworks_dir() -> Path:
    """Consultants' own frameworks: `frameworks/` in the data folder (read here; written only
    by cemassess.store.frameworks)."""
    from cemassess.store.paths import data_dir

    return data_dir() / "frameworks"


def find_framework(framework_id: str) -> Path | None:
    """A shipped framework wins over a user's file of the same id (imports refuse that clash)."""
    if not _FRAMEWORK_ID.match(framework_id):
        return None  # never a path: ids are checked before they touch the file system
    for path in (framework_path(framework_id), user_frameworks_dir() / f"{framework_id}.json"):
        if path.is_file():
            return path
    return None


def load_framework(framework_id: str = DEFAULT_FRAMEWORK) -> Framework:
    """A framework by id: shipped, or installed in the data folder. Cached per file version."""
    path = find_framework(framework_id)
    if path is None:
        raise FileFormatError(f"no framework named {framework_id!r} is installed")
    st = path.stat()
    return _load_cached(str(path), st.st_mtime_ns, st.st_size)


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
