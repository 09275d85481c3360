"""Numbers that only look like years: times of day, bracketed counts and story
tags, list markers (``extract/dates``)."""

from __future__ import annotations

import re

_CLOCK_AFTER = re.compile(
    r"\s*(?:\(?\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|Zulu|hrs|hours|h)\b"
    r"|\(?\s*(?:local|[A-Z][a-z]+)\s+time\b)"
)
_CLOCK_BEFORE = re.compile(r"(?i)\b(?:at|around|about|from|until|till|by)\s+$")
_NUMBER = re.compile(r"\d{1,4}")


def not_a_date(text: str, start: int, end: int) -> bool:
    """A number that only looks like a year: a time of day (``at 1850``,
    ``1850 GMT``, ``0630 (Syrian time)``), a bracketed count or story tag
    (``Rises (1881)``) or a list marker (``2. Homs``)."""
    first = re.match(r"\d{3,4}\b", text[start:end])
    if first is not None:
        hhmm = int(first.group()[:-2] or 0) < 24 and int(first.group()[-2:]) < 60
        after = text[start + first.end() : start + first.end() + 20]
        before = text[max(0, start - 12) : start]
        if hhmm and (_CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before)):
            return True
    if not _NUMBER.fullmatch(text[start:end]):
        return False
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 1] in ".)"
