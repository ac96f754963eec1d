"""A small TOML writer for the layout a person reads: tables, inline tables, comments.

The general TOML writers (tomli-w) choose the layout themselves: a record
with a nested table splits into sub-tables, a short array of tables becomes
one inline array, and comments cannot be written. A source is read by
people, so its layout is fixed here instead: each record is an
``[[array-of-tables]]`` entry; a nested value stays inline while it fits on
a line and becomes a sub-table otherwise; arrays break one item per line
when long. Only what the source form holds is written: tables, arrays,
strings, integers and booleans (TOML 1.0, https://toml.io/en/v1.0.0).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["comment", "comment_text", "table"]

LINE = 100
_BARE = re.compile(r"[A-Za-z0-9_-]+")
# What a comment may not hold (TOML 1.0: U+0000-U+0008, U+000A-U+001F, U+007F),
# and what would not be seen or would look like a line break: C1 controls,
# the line and paragraph separators.
_UNSEEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for char in text:
        escaped = _ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write a {type(value).__name__} as TOML")


def _assignment(key: str, value: Any) -> str:
    line = f"{_key(key)} = {_inline(value)}"
    if len(line) <= LINE or not isinstance(value, list | tuple) or not value:
        return line
    items = "".join(f"  {_inline(item)},\n" for item in value)
    return f"{_key(key)} = [\n{items}]"


def table(name: str, value: Mapping[str, Any], *, array: bool = False) -> str:
    """``value`` as the table ``[name]`` (``[[name]]`` with ``array``), one key a line.

    A nested table too long for one line follows as the sub-table
    ``[name.key]``, after the plain keys (TOML puts every key after a header
    into that header's table).
    """
    lines = [f"[[{name}]]" if array else f"[{name}]"]
    later: list[tuple[str, Mapping[str, Any]]] = []
    for key, item in value.items():
        if isinstance(item, Mapping) and len(f"{key} = {_inline(item)}") > LINE:
            later.append((key, item))
        else:
            lines.append(_assignment(key, item))
    for key, item in later:
        lines.append(f"[{name}.{_key(key)}]")
        lines.extend(_assignment(k, v) for k, v in item.items())
    return "\n".join(lines) + "\n"


def comment_text(text: str) -> str:
    """``text`` fit for one line of a TOML comment, with every character kept visible.

    A TOML 1.0 comment may not hold the control characters other than tab
    (U+0000 to U+0008, U+000A to U+001F, U+007F); those, the C1 controls
    (U+0080 to U+009F) and the line and paragraph separators (U+2028,
    U+2029) are written as TOML's own escape for them, ``\\u0000``, so a
    line ends only where the comment does and every character shows. All
    else, tab included, is kept as it is.
    """
    return _UNSEEN.sub(lambda match: f"\\u{ord(match.group()):04X}", text)


def comment(text: str) -> str:
    """``text`` as TOML comment lines: a line for each line of ``text`` (see :func:`comment_text`)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return "".join(f"# {comment_text(line)}".rstrip() + "\n" for line in lines)
