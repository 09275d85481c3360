"""``according to X`` attributions: the phrase names the source, the clause it
modifies is the content."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import (
    content_words,
    sent_of,
    span_range,
    tok_range,
    tokens,
)
from reportedly.extract.quotes._attribution import Candidate, cues


def according_candidates(doc: Any) -> Iterator[Candidate]:
    """Yield ``according to X`` attributions; content is the clause they modify."""
    for tok in tokens(doc):
        if tok.lower_ != "according" or tok.i + 1 >= len(doc):
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        sent = sent_of(tok)
        phrase_hi = _phrase_end(doc, to.i + 1, sent.end - 1)
        if phrase_hi <= to.i:
            continue
        src = _phrase_head(doc, to.i + 1, phrase_hi)
        # the clause: climb from the governing word to the top of its clause
        head = tok.head
        reporting = cues("speech") | cues("belief")
        while (
            head.head.i != head.i
            and head.dep_ != "relcl"
            and not (head.dep_ == "ccomp" and head.head.lemma_.lower() in reporting)
        ):
            head = head.head
        if head.lemma_.lower() in reporting:
            # "X reported that, according to Y, Z": Y's claim is the clause Z
            inner = [c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i]
            if inner:
                head = inner[0]
        lo, hi = head.left_edge.i, head.right_edge.i
        if head.i == tok.i or not (lo <= tok.i <= hi):
            lo, hi = sent.start, sent.end - 1
        lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        sides = [(lo, tok.i - 1), (phrase_hi + 1, hi)]
        sides = [(a, b) for a, b in sides if b >= a and content_words(doc, a, b) >= 3]
        # mid-sentence: keep the side with the clause's verb, not an appended fragment
        if len(sides) == 2 and sides[0][0] <= head.i <= sides[0][1]:
            sides = sides[:1]
        parts = [r for a, b in sides if (r := span_range(doc, a, b))]
        if not parts and sent.start > 0:
            # "According to X, basically.": the claim is the sentence before
            prev = doc[sent.start - 1].sent
            r = span_range(doc, prev.start, prev.end - 1)
            parts = (
                [r] if r and content_words(doc, prev.start, prev.end - 1) >= 3 else []
            )
        if not parts:
            continue
        yield Candidate(
            speaker=span_range(doc, to.i + 1, phrase_hi) or tok_range(src),
            cue=(tok.idx, to.idx + len(to.text)),
            parts=parts,
            pattern="according_to",
            confidence=0.9,
            cue_token=tok.i,
            speaker_token=src.i,
        )


def _phrase_end(doc: Any, start: int, limit: int) -> int:
    """Last token of the noun phrase after ``according to``: up to a comma or clause."""
    i = start
    while i <= limit and not (doc[i].is_punct and doc[i].text in ",;:.!?—–()"):
        if doc[i].is_space:
            break
        i += 1
    return i - 1


def _phrase_head(doc: Any, lo: int, hi: int) -> Any:
    """The token of ``doc[lo..hi]`` whose head lies outside it (the phrase's head)."""
    for t in doc[lo : hi + 1]:
        if not (lo <= t.head.i <= hi) or t.head.i == t.i:
            return t
    return doc[hi]
