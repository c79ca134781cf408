"""Benchmark packs: versioned, validated JSON files of anonymised score distributions."""

from __future__ import annotations

import json
from pathlib import Path

from cemassess.domain.benchmark import MIN_N, BenchmarkPack, Segment
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


class TooFewForBenchmark(FileFormatError):
    """Nothing of the pack is left above the privacy floor: no file is written."""


def floor_pack(pack: BenchmarkPack) -> tuple[BenchmarkPack, list[str]]:
    """The privacy floor for a pack that leaves the app or goes on the shelf: no figure from
    fewer than MIN_N (5) assessments. A dimension's or the overall distribution below it is
    removed from its segment; a segment left with no dimension is dropped whole. Returns
    the floored pack and the ids of the segments dropped; raises TooFewForBenchmark when
    nothing is left."""
    kept: list[Segment] = []
    dropped: list[str] = []
    for seg in pack.segments:
        dims = {d: dist for d, dist in seg.dimensions.items() if dist.n >= MIN_N}
        overall = seg.overall if seg.overall is not None and seg.overall.n >= MIN_N else None
        if not dims:
            dropped.append(seg.id)
            continue
        if dims != seg.dimensions or overall != seg.overall:
            seg = seg.model_copy(update={"dimensions": dims, "overall": overall})
        kept.append(seg)
    if not kept:
        n = max((s.n for s in pack.segments), default=0)
        raise TooFewForBenchmark(
            f"only {n} assessment(s) behind benchmark pack {pack.id!r}; a pack needs at least "
            f"{MIN_N}, so that no figure identifies a company: nothing was written")
    if not dropped and len(kept) == len(pack.segments) and all(
            a is b for a, b in zip(kept, pack.segments, strict=True)):
        return pack, []
    return pack.model_copy(update={"segments": tuple(kept)}), dropped


def dropped_line(dropped: list[str]) -> str:
    """One line saying which segments the privacy floor left out ('' when none)."""
    if not dropped:
        return ""
    shown = ", ".join(dropped[:6]) + (f" and {len(dropped) - 6} more" if len(dropped) > 6 else "")
    return (f"left out {len(dropped)} segment(s) with fewer than {MIN_N} assessments "
            f"(they would identify companies): {shown}")


def write_benchmark_pack(pack: BenchmarkPack, path: Path) -> list[str]:
    """Write the pack, floored (`floor_pack`): nothing below 5 assessments ever leaves.
    Returns the ids of the segments left out."""
    from cemassess.exchange.atomic import atomic_write_bytes

    pack, dropped = floor_pack(pack)
    atomic_write_bytes(path, json.dumps(pack.model_dump(mode="json"), ensure_ascii=False, indent=1).encode())
    return dropped
