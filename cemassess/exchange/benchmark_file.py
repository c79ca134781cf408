"""Benchmark packs: versioned, validated JSON files of anonymised score distributions."""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.domain.benchmark import BenchmarkPack
from cemassess.exchange.strictjson import FileFormatError, read_json, validate

FORMAT = "cemassess-benchmarks"


def read_benchmark_pack(path: Path) -> BenchmarkPack:
    data = read_json(path, what="benchmark pack")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FileFormatError(f"{path.name}: not a cemassess benchmark pack")
    if data.get("format_version") != 1:
        raise FileFormatError(f"{path.name}: benchmark pack format version {data.get('format_version')!r} "
                              "is not supported by this cemassess")
    try:
        return validate(BenchmarkPack, data, what="benchmark pack")
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def write_benchmark_pack(pack: BenchmarkPack, path: Path) -> None:
    from cemassess.exchange.atomic import atomic_write_bytes

    atomic_write_bytes(path, json.dumps(pack.model_dump(mode="json"), ensure_ascii=False, indent=1).encode())
