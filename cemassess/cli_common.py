"""What every command-line module shares, so none imports another's (no import cycle):
the one-line error, exit codes, `--data-dir`, finding and scoring an assessment, checking
arguments, and the output streams that never let a control character reach the terminal.

cli.py (score, roadmap, main), cli_store.py (list, import, export), cli_report.py (report)
and cli_room.py (room, answers, frameworks, benchmarks) import from here only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from cemassess.content import framework_for, load_benchmarks
from cemassess.domain.assessment import Assessment
from cemassess.domain.hygiene import for_terminal, problem
from cemassess.domain.results import Results, evaluate
from cemassess.exchange.strictjson import FileFormatError

EXIT_OK, EXIT_UNAVAILABLE, EXIT_BAD_INPUT = 0, 1, 2
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")  # domain.framework.Id
MAX_TITLE = 200  # domain.benchmark.Short, assessment names


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


class ResolveError(ValueError):
    """`resolve_assessment` could not find or read the assessment (one-line message)."""


def add_data_dir_option(parser: argparse.ArgumentParser, *, in_subcommand: bool = True) -> None:
    """Add `--data-dir FOLDER`. In a sub-command parser the default is left unset (argparse
    would otherwise overwrite a `--data-dir` given before the sub-command with None), so
    read it as `getattr(args, "data_dir", None)`; on the top-level parser it defaults to None."""
    parser.add_argument(
        "--data-dir", metavar="FOLDER",
        default=argparse.SUPPRESS if in_subcommand else None,
        help="the portfolio folder (default: $CEMASSESS_DATA_DIR, else your user data folder)")


# -- arguments ----------------------------------------------------------------------------
def check_arguments(args: argparse.Namespace) -> None:
    """The text-hygiene rule for command-line arguments: no control character in any of
    them (a file name, an event name, a title). Raises CliError naming the argument."""
    for name, value in vars(args).items():
        if name == "func":
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if isinstance(v, str):
                bad = problem(v)
                if bad:
                    raise CliError(f"{_flag(name)}: {bad}; control characters are not allowed")


def _flag(dest: str) -> str:
    return dest.upper() if dest in {"file", "files", "inputs", "out", "id", "pack_id", "assessment"} \
        else "--" + dest.replace("_", "-")


def check_id(value: str, what: str = "--id") -> str:
    if not PACK_ID.match(value):
        raise CliError(f"{what} {value[:40]!r}: use 1-64 lower-case letters, digits, '.', '_' or '-', "
                       "starting with a letter or digit")
    return value


def check_title(value: str, what: str = "--title", *, required: bool = True) -> str:
    if required and not value.strip():
        raise CliError(f"{what}: give a title")
    if len(value) > MAX_TITLE:
        raise CliError(f"{what}: at most {MAX_TITLE} characters (got {len(value)})")
    return value


# -- output -------------------------------------------------------------------------------
class TerminalSafe:
    """A text stream that writes every control character (ESC, BEL, NUL, C1, bidi overrides)
    as a visible \\uXXXX escape: what a file holds can never drive the terminal."""

    def __init__(self, raw: TextIO) -> None:
        self._raw = raw

    def write(self, s: str) -> int:
        self._raw.write(for_terminal(s))
        return len(s)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


class safe_output:
    """`with safe_output():` sys.stdout and sys.stderr escape control characters."""

    def __enter__(self) -> None:
        self._saved = sys.stdout, sys.stderr
        sys.stdout = TerminalSafe(sys.stdout)  # type: ignore[assignment]
        sys.stderr = TerminalSafe(sys.stderr)  # type: ignore[assignment]

    def __exit__(self, *exc: object) -> None:
        sys.stdout, sys.stderr = self._saved


# -- assessments ----------------------------------------------------------------------------
def resolve_assessment(arg: str, data_dir: str | os.PathLike[str] | None = None) -> Assessment:
    """An assessment from a file path or a portfolio id (or unique id beginning).
    Raises `ResolveError` with a one-line message."""
    from cemassess.exchange.assessment_file import read_assessment
    from cemassess.store import Portfolio, StoreError
    from cemassess.store.paths import ID_RE

    path = Path(arg)
    looks_like_file = (path.exists() or arg.endswith(".json") or os.sep in arg
                       or (os.altsep is not None and os.altsep in arg) or not ID_RE.match(arg))
    if looks_like_file:
        try:
            return read_assessment(path)
        except FileFormatError as e:
            raise ResolveError(str(e)) from None
    try:
        with Portfolio.open(data_dir, read_only=True) as p:
            return p.get(p.resolve_id(arg))
    except StoreError as e:
        raise ResolveError(str(e)) from None


def load_assessment(arg: str, data_dir: str | None = None) -> Assessment:
    """A file path, or an id (or unique id beginning) in the local portfolio."""
    try:
        return resolve_assessment(arg, data_dir)
    except ResolveError as e:
        raise CliError(str(e)) from None


def results_for(a: Assessment, segment: str | None = None, with_benchmark: bool = True,
                now_max: int | None = None) -> Results:
    try:
        fw = framework_for(a)  # the version it was answered on, when it is kept
    except FileFormatError:
        raise CliError(f"the assessment uses framework {a.framework!r}, which is not installed") from None
    pack = load_benchmarks() if with_benchmark else None
    if pack is not None and segment and pack.segment(segment) is None:
        raise CliError(f"no benchmark segment {segment!r}; choose one of: "
                       + ", ".join(s.id for s in pack.segments))
    seg = segment or (a.company.industry if pack and pack.segment(a.company.industry) else None)
    if now_max is None:
        return evaluate(fw, a, benchmarks=pack, segment_id=seg)
    return evaluate(fw, a, benchmarks=pack, segment_id=seg, now_max=now_max)
