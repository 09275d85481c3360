"""Find the headline of an article text and the section label that opens it.

Pure text, no parse: the headline is a short first line followed by more
text, and a label is a listed phrase before a colon (``The Latest:``, from
``lexicons/cues.toml``). ``annotate`` re-parses Title Case headlines with it
and ``extract`` looks for attributions in them.
"""

from __future__ import annotations

from reportedly.lexicons import word_set

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
