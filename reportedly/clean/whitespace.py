"""Normalise whitespace: one space between words, one blank line between paragraphs."""

from __future__ import annotations

import re

# Unicode spaces (no-break, en/em, thin, ideographic, ...) become plain spaces.
_SPACES = re.compile(r"[\t\x0b\x0c\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and the byte-order mark carry no text.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\xad]")
_RUNS = re.compile(r" {2,}")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Return ``text`` with normalised spaces, line ends and paragraph breaks.

    Single line breaks stay (they may be hard wraps or list items); two or
    more become exactly one blank line, the paragraph break.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    lines = [_RUNS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
