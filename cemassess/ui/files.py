"""What kind of cemassess file a path holds, to route it (a file argument, a drop, a macOS
open event) to the right place before anything is read in earnest.

Only a peek at the beginning of the file: every file cemassess writes starts with its
"format" key. The reader the file is then handed to validates it in full, so a file that
lies here is still refused there, with its reason. Standard library only: this runs
before the main window exists.
"""

from __future__ import annotations

import re
from pathlib import Path

PEEK = 4096
_FORMAT = re.compile(rb'"format"\s*:\s*"(cemassess-[a-z-]{1,40})"')
KINDS = {b"cemassess-assessment": "assessment", b"cemassess-questionnaire": "questionnaire",
         b"cemassess-answers": "answers", b"cemassess-benchmarks": "benchmarks"}


def sniff(path: Path) -> str:
    """"folder", "assessment", "questionnaire", "answers", "benchmarks", "missing" or
    "unknown" (anything else: the assessment importer then says what is wrong with it)."""
    path = Path(path)
    if path.is_dir():
        return "folder"
    try:
        with path.open("rb") as fh:
            head = fh.read(PEEK)
    except OSError:
        return "missing"
    m = _FORMAT.search(head)
    return KINDS.get(m.group(1), "unknown") if m else "unknown"


_MODE = re.compile(rb'"mode"\s*:\s*"(workshop|event)"')
_ASSESSMENT = re.compile(rb'"assessment"\s*:\s*"([A-Za-z0-9_-]{0,40})"')


def answers_for(path: Path) -> tuple[str, str]:
    """An answer file's mode ("workshop" or "event") and the assessment it answers ("" at an
    event, or for a workshop questionnaire not tied to one), from its first lines."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(PEEK)
    except OSError:
        return "", ""
    mode, aid = _MODE.search(head), _ASSESSMENT.search(head)
    return (mode.group(1).decode() if mode else "", aid.group(1).decode() if aid else "")


def by_kind(paths: list[Path]) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for p in paths:
        out.setdefault(sniff(p), []).append(Path(p))
    return out
