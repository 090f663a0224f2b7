"""One glob language for every setting and `files` pattern: `*` and `?` stay within a folder,
`**` spans folders, `{a,b}` is either. Patterns match paths written with `/`."""

from __future__ import annotations

import re
from functools import cache


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """The compiled regular expression that `pattern` stands for (matching a whole path)."""
    out: list[str] = []
    i, n, depth = 0, len(pattern), 0
    while i < n:
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        elif char == "{":
            out.append("(?:")
            depth += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
        elif char == "," and depth:
            out.append("|")
        else:
            out.append(re.escape(char))
        i += 1
    out.append(")" * depth)
    return re.compile("".join(out) + r"\Z")


def matches(path: str, pattern: str) -> bool:
    """Whether `path` matches `pattern`, or its tail does when the pattern has no `/`."""
    pattern = pattern.removeprefix("./")
    path = path.removeprefix("./")
    if glob_regex(pattern).match(path):
        return True
    return "/" not in pattern and bool(glob_regex(pattern).match(path.rpartition("/")[2]))
