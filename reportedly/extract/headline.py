"""Headlines in Title Case parse badly; give the parser a sentence-case copy.

The copy has exactly the same length as the headline, so offsets found in it
index the article text too.
"""

from __future__ import annotations

import re

from reportedly.extract.lexicon import word_set

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
TITLE_CASE_SHARE = 0.6


HEADLINE_MAX_CHARS = 250


def headline_span(text: str) -> tuple[int, int]:
    """Return the character range of the headline: a short first line followed
    by more text; empty when the text has no such line (a one-line article)."""
    start = len(text) - len(text.lstrip())
    nl = text.find("\n", start)
    if nl < 0 or nl - start > HEADLINE_MAX_CHARS or not text[nl:].strip():
        return start, start
    return start, nl


def label_end(line: str) -> int:
    """Length of a section label such as ``The Latest:`` opening a headline, or 0."""
    colon = line.find(":")
    if colon <= 0:
        return 0
    if line[:colon].strip().lower() not in word_set(
        "cues.toml", "headline_labels", "phrases"
    ):
        return 0
    rest = line[colon + 1 :]
    return colon + 1 + len(rest) - len(rest.lstrip())


def headline_variant(text: str) -> tuple[int, str] | None:
    """Return ``(start, text)`` to parse on its own for the headline, or None.

    A section label (``The Latest:``) is left out, and a Title Case headline
    is given in sentence case; the copy has the length of the original.
    """
    start, end = headline_span(text)
    skip = label_end(text[start:end])
    cased = sentence_case(text)
    if cased is None and not skip:
        return None
    line = cased[1] if cased else text[start:end]
    return start + skip, line[skip:]


def sentence_case(text: str) -> tuple[int, str] | None:
    """Return ``(start, copy)`` of a Title Case headline in sentence case, else None.

    A word keeps its capital when the body also writes it capitalised after a
    lower-case word (a name such as ``Trump``); other words are lowered.
    """
    start, end = headline_span(text)
    line = text[start:end]
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < 3:
        return None
    caps = sum(1 for w in long_words if w[0].isupper())
    if caps / len(long_words) < TITLE_CASE_SHARE:
        return None
    body = text[end:]
    out = []
    first = True
    for m in re.finditer(r"\S+", line):
        w = m.group(0)
        alpha = next((ch for ch in w if ch.isalpha()), "")
        if first or not alpha.isupper() or _is_name(w, body):
            out.append(w)
        else:
            out.append(w.lower())
        first = False if any(ch.isalpha() for ch in w) else first
    copy = _rejoin(line, out)
    if len(copy) != len(line) or copy == line:
        return None
    return start, copy


def _is_name(word: str, body: str) -> bool:
    """A name: the body writes it capitalised and never in lower case."""
    core = word.strip("‘’'\"“”.,:;!?()")
    if not core or (len(core) > 1 and core.isupper()):
        return bool(core)
    pattern = r"\b" + re.escape(core) + r"\b"
    if re.search(pattern, body) is None:
        return False
    return re.search(r"\b" + re.escape(core.lower()) + r"\b", body) is None


def _rejoin(line: str, words: list[str]) -> str:
    parts = re.split(r"(\s+)", line)
    it = iter(words)
    return "".join(p if (not p or p.isspace()) else next(it) for p in parts)
