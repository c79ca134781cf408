"""One text-hygiene rule for every string that comes in, and for what goes to a terminal.

A string from outside (an assessment file, an answer file, a framework, a benchmark pack,
a name or comment typed in the app, a command-line argument) may not hold:
- C0 control characters (U+0000-U+001F), except tab and line breaks (line feed, carriage
  return: CR LF from Windows) where multi-line text is allowed;
- DEL (U+007F) and the C1 controls (U+0080-U+009F);
- the bidirectional embedding, override and isolate controls (U+202A-U+202E,
  U+2066-U+2069), which make text display in another order than it is stored.

`problem()` names the first such character (readers refuse the file with that message);
`clean()` removes them (the domain models apply it, so a name or comment typed or pasted
in the app never holds one). `for_terminal()` makes any text safe to print: every such
character is written as a visible \\uXXXX escape (valid inside JSON strings too), so no
raw ESC ever reaches the terminal.

Pure functions, standard library only: usable by the domain validators.
"""

from __future__ import annotations

import re

_BIDI = "\u202a-\u202e\u2066-\u2069"
# single-line text: no C0 at all
_BAD_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# multi-line text: tab, line feed and carriage return allowed
_BAD_MULTI = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
# terminal: tab and line feed pass, everything else (a bare CR rewrites the line) is escaped
_BAD_TERMINAL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")

_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0d": "CR", "\x1b": "ESC",
          "\x7f": "DEL", "\x9b": "CSI", "\t": "TAB", "\n": "line feed"}


def describe(ch: str) -> str:
    """'U+001B (ESC)' for a character the rule refuses."""
    name = _NAMES.get(ch)
    if name is None and ("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"):
        name = "a bidirectional override"
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def problem(text: str, *, multiline: bool = False) -> str | None:
    """None when `text` follows the rule, else a short phrase naming the first character
    that breaks it, e.g. 'a control character U+001B (ESC) at position 4'."""
    m = (_BAD_MULTI if multiline else _BAD_LINE).search(text)
    if m is None:
        return None
    return f"a control character {describe(m.group())} at position {m.start() + 1}"


def clean(text: str, *, multiline: bool = False) -> str:
    """`text` with every character the rule refuses removed (in single-line text a tab or
    a line break becomes a space)."""
    if multiline:
        return _BAD_MULTI.sub("", text)
    text = re.sub("[\t\n\r]+", " ", text)
    return _BAD_LINE.sub("", text)


def clean_line(text: str) -> str:
    return clean(text, multiline=False)


def clean_multiline(text: str) -> str:
    return clean(text, multiline=True)


def for_terminal(text: str) -> str:
    """`text` safe to print: each refused character as a visible \\uXXXX escape."""
    return _BAD_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def first_problem(data: object, *, where: str = "") -> str | None:
    """Walk parsed JSON (dicts, lists, strings): the first string (or key) that breaks the
    rule, as 'company.name: a control character ...'. Strings may be multi-line here; the
    models then fold single-line fields (names, titles) onto one line."""
    stack: list[tuple[str, object]] = [(where, data)]
    while stack:
        path, obj = stack.pop()
        if isinstance(obj, str):
            p = problem(obj, multiline=True)
            if p:
                return f"{path or 'a text'}: {p}"
        elif isinstance(obj, dict):
            for k, v in reversed(list(obj.items())):
                sub = f"{path}.{k}" if path else str(k)
                if isinstance(k, str):
                    p = problem(k, multiline=False)
                    if p:
                        return f"{path or 'a key'}: a key with {p}"
                stack.append((sub, v))
        elif isinstance(obj, list | tuple):
            for i in range(len(obj) - 1, -1, -1):
                stack.append((f"{path}[{i}]", obj[i]))
    return None
