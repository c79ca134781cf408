"""Strict JSON reading for files made by other people.

The standard library is lenient where we must not be: it accepts NaN and Infinity, keeps
the last of duplicate keys, chokes on a BOM and raises RecursionError on deep nesting.
Every problem here becomes one `FileFormatError` with a message a person can act on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: a 200-respondent workshop file is well under 2 MiB
MAX_DEPTH = 40

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


def parse_bytes(data: bytes, *, what: str = "file") -> Any:
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
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except FileFormatError as e:
        raise FileFormatError(f"the {what} is not valid: {e}") from None
    except json.JSONDecodeError as e:
        raise FileFormatError(
            f"the {what} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        ) from None
    except RecursionError:
        raise FileFormatError(f"the {what} is nested too deeply") from None


def read_json(path: Path, *, what: str = "file", max_bytes: int = MAX_BYTES) -> Any:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileFormatError(f"{path.name}: no such file") from None
    except OSError as e:
        raise FileFormatError(f"{path.name}: cannot be read ({e.strerror})") from None
    if path.is_dir():
        raise FileFormatError(f"{path.name}: is a folder, not a file")
    if size > max_bytes:
        raise FileFormatError(f"{path.name}: the {what} is too large ({size:,} bytes; at most {max_bytes:,})")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        raise FileFormatError(f"{path.name}: cannot be read ({e.strerror})") from None
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
