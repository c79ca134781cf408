"""Loads CEM frameworks from JSON files into domain objects, strictly validated."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cemassess.domain.framework import Framework
from cemassess.exchange.strictjson import FileFormatError, read_json, validate
from cemassess.resources import resource

DEFAULT_FRAMEWORK = "cem-b2b"


def load_framework_file(path: Path) -> Framework:
    data = read_json(path, what="framework file")
    try:
        return validate(Framework, data, what="framework file")
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def framework_path(framework_id: str) -> Path:
    return resource("frameworks", f"{framework_id}.json")


@cache
def load_framework(framework_id: str = DEFAULT_FRAMEWORK) -> Framework:
    """A shipped framework by id (cached: frameworks are immutable)."""
    path = framework_path(framework_id)
    if not path.is_file():
        raise FileFormatError(f"no framework named {framework_id!r} is installed")
    return load_framework_file(path)


DEFAULT_BENCHMARKS = "illustrative"


@cache
def load_benchmarks(pack_name: str = DEFAULT_BENCHMARKS):
    """A shipped benchmark pack (resources/benchmarks/<name>.json)."""
    from cemassess.exchange.benchmark_file import read_benchmark_pack

    path = resource("benchmarks", f"{pack_name}.json")
    if not path.is_file():
        raise FileFormatError(f"no benchmark pack named {pack_name!r} is installed")
    return read_benchmark_pack(path)
