"""Strict JSON reading for files made by other people.

The standard library is lenient where we must not be: it accepts NaN and Infinity, keeps
the last of duplicate keys, chokes on a BOM and raises RecursionError on deep nesting.
Every problem here becomes one `FileFormatError` with a message a person can act on.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: a 200-respondent workshop file is well under 2 MiB
MAX_DEPTH = 40
READ_SECONDS = 10.0  # a file that takes longer than this to read is not a file to trust
_CHUNK = 1024 * 1024

M = TypeVar("M", bound=BaseModel)


class FileFormatError(ValueError):
    """A file could not be used. The message names the file and the problem in one line."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise FileFormatError(f"the key {k!r} appears twice in one object")
        out[k] = v
    return out


def _no_constants(name: str) -> Any:
    raise FileFormatError(f"{name} is not a number this tool accepts")


def _depth(text: str) -> int:
    """Maximum nesting depth of brackets outside strings (cheap, linear, no recursion)."""
    depth = best = 0
    in_str = esc = False
    for ch in text:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth -= 1
    return best


def parse_bytes(data: bytes, *, what: str = "file", hygiene: bool = True) -> Any:
    if len(data) > MAX_BYTES:
        raise FileFormatError(f"the {what} is too large ({len(data):,} bytes; at most {MAX_BYTES:,})")
    if data[:2] == b"PK":
        raise FileFormatError(f"the {what} is a ZIP archive (an XLSX?), not a JSON file")
    if data[:4] == b"%PDF":
        raise FileFormatError(f"the {what} is a PDF, not a JSON file")
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff":
        raise FileFormatError(f"the {what} is an image, not a JSON file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FileFormatError(f"the {what} is not UTF-8 text (byte {e.start})") from None
    if not text.strip():
        raise FileFormatError(f"the {what} is empty")
    if _depth(text) > MAX_DEPTH:
        raise FileFormatError(f"the {what} is nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        parsed = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except FileFormatError as e:
        raise FileFormatError(f"the {what} is not valid: {e}") from None
    except json.JSONDecodeError as e:
        raise FileFormatError(
            f"the {what} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except RecursionError:
        raise FileFormatError(f"the {what} is nested too deeply") from None
    return _check_text(parsed, what) if hygiene else parsed


def _check_text(data: Any, what: str) -> Any:
    from cemassess.domain.hygiene import first_problem

    bad = first_problem(data)
    if bad:
        raise FileFormatError(f"the {what} is refused: {bad} (control characters are not allowed in text)")
    return data


def read_bounded(path: Path, *, what: str = "file", max_bytes: int = MAX_BYTES,
                 seconds: float = READ_SECONDS) -> bytes:
    """The bytes of a file from outside, safely: a regular file only (a FIFO, a device, a
    socket or a symlink to one is refused without blocking), at most `max_bytes`, read
    within `seconds`. Every problem is one `FileFormatError` naming the file."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileFormatError(f"{path.name}: no such file") from None
    except IsADirectoryError:
        raise FileFormatError(f"{path.name}: is a folder, not a file") from None
    except OSError as e:
        raise FileFormatError(f"{path.name}: cannot be read ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileFormatError(f"{path.name}: is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise FileFormatError(f"{path.name}: is not a regular file (a device, pipe or socket); "
                                  f"give a saved {what}")
        if st.st_size > max_bytes:
            raise FileFormatError(f"{path.name}: the {what} is too large ({st.st_size:,} bytes; "
                                  f"at most {max_bytes:,})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        deadline = time.monotonic() + seconds
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while we read it
                raise FileFormatError(f"{path.name}: the {what} is too large (more than {max_bytes:,} bytes)")
            if time.monotonic() > deadline:
                raise FileFormatError(f"{path.name}: reading took longer than {seconds:.0f} s; "
                                      "copy the file to a local folder and try again")
        return b"".join(chunks)
    except OSError as e:
        raise FileFormatError(f"{path.name}: cannot be read ({e.strerror})") from None
    finally:
        os.close(fd)


def read_json(path: Path, *, what: str = "file", max_bytes: int = MAX_BYTES) -> Any:
    data = read_bounded(path, what=what, max_bytes=max_bytes)
    try:
        return parse_bytes(data, what=what)
    except FileFormatError as e:
        raise FileFormatError(f"{path.name}: {e}") from None


def describe_validation_error(err: ValidationError) -> str:
    """The first problem of a pydantic error, as one readable clause with its location."""
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first.get("loc", ()) if not str(p).startswith("function-"))
    msg = first.get("msg", "invalid value")
    if first.get("type") == "extra_forbidden":
        msg = "unknown field"
    more = err.error_count() - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
    return f"{loc or 'top level'}: {msg}{tail}"


def validate(model: type[M], data: Any, *, what: str = "file",
             before: Callable[[Any], Any] | None = None) -> M:
    try:
        if before is not None:
            data = before(data)
        return model.model_validate(data)
    except ValidationError as e:
        raise FileFormatError(f"the {what} does not match its format: {describe_validation_error(e)}") from None
