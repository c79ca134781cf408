"""What kind of cemassess file a path holds, to route it (a file argument, a drop, a macOS
open event) to the right place before anything is read in earnest.

Only a peek at the beginning of the file: every file cemassess writes starts with its
"format" key. The reader the file is then handed to validates it in full, so a file that
lies here is still refused there, with its reason. Standard library only: this runs
before the main window exists.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

PEEK = 4096


def _peek(path: Path) -> bytes | None:
    """The first PEEK bytes of a regular file; None for anything else (a FIFO or a device is
    never opened in a way that could block, nor read from)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, PEEK)
    except OSError:
        return None
    finally:
        os.close(fd)
_FORMAT = re.compile(rb'"format"\s*:\s*"(cemassess-[a-z-]{1,40})"')
KINDS = {b"cemassess-assessment": "assessment", b"cemassess-questionnaire": "questionnaire",
         b"cemassess-answers": "answers", b"cemassess-benchmarks": "benchmarks"}


def sniff(path: Path) -> str:
    """"folder", "assessment", "questionnaire", "answers", "benchmarks", "missing" or
    "unknown" (anything else: the assessment importer then says what is wrong with it)."""
    path = Path(path)
    if path.is_dir():
        return "folder"
    if not path.exists():
        return "missing"
    head = _peek(path)
    if head is None:  # not a regular file: the importer says so in one line
        return "unknown"
    m = _FORMAT.search(head)
    return KINDS.get(m.group(1), "unknown") if m else "unknown"


_MODE = re.compile(rb'"mode"\s*:\s*"(workshop|event)"')
_ASSESSMENT = re.compile(rb'"assessment"\s*:\s*"([A-Za-z0-9_-]{0,40})"')


def answers_for(path: Path) -> tuple[str, str]:
    """An answer file's mode ("workshop" or "event") and the assessment it answers ("" at an
    event, or for a workshop questionnaire not tied to one), from its first lines."""
    head = _peek(Path(path))
    if head is None:
        return "", ""
    mode, aid = _MODE.search(head), _ASSESSMENT.search(head)
    return (mode.group(1).decode() if mode else "", aid.group(1).decode() if aid else "")


def by_kind(paths: list[Path]) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for p in paths:
        out.setdefault(sniff(p), []).append(Path(p))
    return out
