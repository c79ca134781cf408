"""Consultants' own frameworks, installed into the data folder (`frameworks/<id>.json`).

A framework is data: a validated file here is found by id exactly like a shipped one
(cemassess.content.load_framework), so assessments made with it score, report and export
with no code change.
"""

from __future__ import annotations

from pathlib import Path

from cemassess.content import framework_path, load_framework_file
from cemassess.domain.framework import Framework
from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.exchange.strictjson import FileFormatError
from cemassess.store.portfolio import Portfolio


def _folder(p: Portfolio) -> Path:
    return p.root / "frameworks"


def list_frameworks(p: Portfolio) -> list[tuple[str, Framework | str]]:
    """(file name, framework or the reason it cannot be read) for every installed file."""
    out: list[tuple[str, Framework | str]] = []
    folder = _folder(p)
    if folder.is_dir():
        for f in sorted(folder.glob("*.json")):
            try:
                out.append((f.name, load_framework_file(f)))
            except FileFormatError as e:
                out.append((f.name, str(e)))
    return out


def import_framework(p: Portfolio, path: Path) -> Framework:
    """Validate completely, then install. A shipped framework's id cannot be taken over;
    an installed one is replaced (a consultant's updated version)."""
    fw = load_framework_file(path)  # raises FileFormatError with one line
    if framework_path(fw.id).is_file():
        raise FileFormatError(f"{path.name}: the id {fw.id!r} belongs to a framework that ships with "
                              "cemassess; give yours another id")
    p._writable("install a framework")
    folder = _folder(p)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(folder / f"{fw.id}.json", path.read_bytes())
    return fw
