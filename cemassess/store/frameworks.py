"""Consultants' own frameworks, installed into the data folder (`frameworks/<id>.json`).

A framework is data: a validated file here is found by id exactly like a shipped one
(cemassess.content.load_framework), so assessments made with it score, report and export
with no code change.

Frameworks are versioned on import (docs/file-format.md, "Framework versions"):
- the same id and version again: "already installed" when the content is the same, refused
  when it differs (a changed framework needs a new version number);
- a newer version: installed as `<id>.json`; the version it replaces is kept beside it as
  `<id>@<version>.json`, so assessments answered on it still score exactly as before;
- an older version than the one installed: kept beside (`<id>@<version>.json`), never over.
Nothing installed is ever overwritten or deleted by an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cemassess.content import (
    MAX_FRAMEWORK_BYTES,
    framework_from_bytes,
    framework_path,
    load_framework_file,
    older_version_path,
    version_key,
)
from cemassess.domain.framework import Framework
from cemassess.exchange.atomic import atomic_write_bytes
from cemassess.exchange.strictjson import FileFormatError, read_bounded
from cemassess.store.paths import make_private_dir
from cemassess.store.portfolio import Portfolio


@dataclass(frozen=True)
class Installed:
    framework: Framework
    how: str  # "installed", "updated", "installed beside", "already installed"
    note: str = ""

    def line(self) -> str:
        fw = self.framework
        tail = f"; {self.note}" if self.note else ""
        return (f"{self.how}: {fw.id} {fw.version} ({len(fw.dimensions)} dimensions, "
                f"{len(fw.practices)} practices{tail})")


def _folder(p: Portfolio) -> Path:
    return p.root / "frameworks"


def list_frameworks(p: Portfolio) -> list[tuple[str, Framework | str]]:
    """(file name, framework or the reason it cannot be read) for every installed file,
    earlier versions kept beside included."""
    out: list[tuple[str, Framework | str]] = []
    folder = _folder(p)
    if folder.is_dir():
        for f in sorted(folder.glob("*.json")):
            try:
                out.append((f.name, load_framework_file(f)))
            except FileFormatError as e:
                out.append((f.name, str(e)))
    return out


def _same(a: Framework, b: Framework) -> bool:
    return a.model_dump(mode="json") == b.model_dump(mode="json")


def read_framework_file(path: Path) -> tuple[bytes, Framework]:
    """Read (regular file, bounded) and validate a framework file: its bytes and the model.
    Raises FileFormatError with one line."""
    path = Path(path)
    raw = read_bounded(path, what="framework file", max_bytes=MAX_FRAMEWORK_BYTES)
    return raw, framework_from_bytes(raw, path.name)


def import_framework(p: Portfolio, path: Path, read: tuple[bytes, Framework] | None = None) -> Installed:
    """Validate completely, then install by the rules above. A shipped framework's id
    cannot be taken over. `read`: the file already read with `read_framework_file` (before
    the portfolio was opened). Raises FileFormatError (one line) when refused."""
    path = Path(path)
    raw, fw = read if read is not None else read_framework_file(path)
    if framework_path(fw.id).is_file():
        raise FileFormatError(f"{path.name}: the id {fw.id!r} belongs to a framework that ships with "
                              "cemassess; give yours another id")
    p._writable("install a framework")
    folder = _folder(p)
    make_private_dir(folder)
    current_path = folder / f"{fw.id}.json"
    beside = older_version_path(folder, fw.id, fw.version)
    if not current_path.is_file():
        atomic_write_bytes(current_path, raw)
        return Installed(fw, "installed")
    try:
        current = load_framework_file(current_path)
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: the installed {fw.id!r} cannot be read ({e}); "
                              "nothing was changed") from None
    if current.version == fw.version or beside.is_file():
        kept = current if current.version == fw.version else load_framework_file(beside)
        if _same(kept, fw):
            return Installed(kept, "already installed")
        raise FileFormatError(f"{path.name}: {fw.id} version {fw.version} is already installed with "
                              "other content; give the changed framework a new version number")
    if version_key(fw.version) < version_key(current.version):
        atomic_write_bytes(beside, raw)
        return Installed(fw, "installed beside",
                         f"the newer version {current.version} stays the default")
    # newer: keep the installed version beside it first, then install the new one
    old_beside = older_version_path(folder, current.id, current.version)
    if not old_beside.is_file():
        atomic_write_bytes(old_beside, read_bounded(current_path, what="framework file",
                                                    max_bytes=MAX_FRAMEWORK_BYTES))
    atomic_write_bytes(current_path, raw)
    return Installed(fw, "updated", f"version {current.version} kept for the assessments answered on it")

