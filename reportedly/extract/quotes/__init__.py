"""Quotes and attributions: who said what, with speaker, cue and content spans.

Rules run on the dependency parse (``_attribution``, ``_according``,
``_headline``) and on quotation marks (``_quotemarks``, ``_quoted``); this
module merges them: a clause that overlaps a
quotation grows to the whole quotation, quotations with no clause find their
speech verb in the same sentence, and a quoted paragraph with no speaker
inherits the speaker of the attribution just before it (a floating quote).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract._spans import Range, overlap
from reportedly.extract.quotes._according import according_candidates
from reportedly.extract.quotes._attribution import Candidate, verb_candidates
from reportedly.extract.quotes._belief import belief_candidates
from reportedly.extract.quotes._headline import headline_candidates
from reportedly.extract.quotes._quoted import quote_candidates
from reportedly.extract.quotes._quotemarks import OPENERS, QuotedSpan, quoted_spans
from reportedly.extract.quotes._speakers import checked
from reportedly.headline import headline_span, label_end
from reportedly.model import Article, Quote, Span, Speaker, stable_id

__all__ = ["OPENERS", "QUOTES", "VERSION", "QuotedSpan", "quoted_spans", "quotes"]

VERSION = "quotes.v2"
HEADLINE_MAX_SOURCE_WORDS = 6


def quotes(
    doc: Any, article: Article, *, headline: tuple[int, Any] | None = None
) -> Iterator[Quote]:
    """Yield the attributions of one parsed article, in text order.

    ``headline`` is ``(start, doc)``: a parse of a sentence-case copy of the
    headline starting at ``start``, used instead of the main parse there.
    """
    text = article.text
    qspans = quoted_spans(text)
    cands = list(verb_candidates(doc)) + list(according_candidates(doc))
    cands += list(belief_candidates(doc))
    if headline is not None:
        h_start, h_doc = headline
        h_end = h_start + len(h_doc.text)
        cands = [c for c in cands if not (c.cue and h_start <= c.cue[0] < h_end)]
        found = list(verb_candidates(h_doc)) + list(headline_candidates(h_doc))
        cands += [_shift(c, h_start) for c in found]
    else:
        h_start, h_end = headline_span(text)
        h_sent = doc.char_span(h_start, h_end, alignment_mode="expand")
        if h_sent is not None and h_end > h_start:
            cands += list(headline_candidates(h_sent))
    cands += list(_colon_candidates(doc, text))
    quoted = _quoted_headline(text, h_start, h_end)
    cands = [
        c
        for c in checked(doc, _dedupe(cands), (h_start, h_end))
        if not _cue_in_quotation(c, qspans) and not (c.cue and _within(c.cue, quoted))
    ]
    cue_starts = sorted(c.cue[0] for c in cands if c.cue)
    for c in cands:
        c.parts = _grow_over_quotes(c.parts, qspans)
    claimed = [p for c in cands for p in c.parts]
    for c in cands:
        c.parts = _continuation(text, c, qspans, cue_starts, claimed)
    cands += list(quote_candidates(doc, text, qspans, cands))
    cands = _dedupe(cands)
    cands.sort(key=lambda c: (c.parts[0][0], c.cue[0] if c.cue else -1))
    ids = [_quote_id(article, c) for c in cands]
    for i, c in enumerate(cands):
        parent = _parent(i, cands)
        content = _hull(c.parts)
        yield Quote(
            id=ids[i],
            kind="direct" if c.pattern == "transcript" else _kind(c.parts, qspans),
            content=Span.of(text, *content),
            speaker=Speaker(span=Span.of(text, *c.speaker)) if c.speaker else None,
            cue=Span.of(text, *c.cue) if c.cue else None,
            parts=tuple(Span.of(text, a, b) for a, b in c.parts),
            pattern=c.pattern,
            parent_id=ids[parent] if parent is not None else None,
            confidence=c.confidence,
        )


def _run(draft: Draft) -> None:
    draft.quotes = list(quotes(draft.doc, draft.article, headline=draft.headline))


QUOTES = Extractor("quotes", VERSION, _run)


def _shift(c: Candidate, offset: int) -> Candidate:
    """Move a candidate found in a separately parsed stretch into article offsets."""
    move = lambda r: (r[0] + offset, r[1] + offset)  # noqa: E731
    return Candidate(
        speaker=move(c.speaker) if c.speaker else None,
        cue=move(c.cue) if c.cue else None,
        parts=[move(p) for p in c.parts],
        pattern=c.pattern,
        confidence=c.confidence,
        cue_token=-1,
        speaker_token=-1,
    )


def _quote_id(article: Article, c: Candidate) -> str:
    cue = c.cue or (-1, -1)
    return stable_id(article.id, "quote", c.parts[0][0], c.parts[-1][1], *cue)


_QUOTED_HEADLINE = re.compile(r"\s*['\"“‘](.+?)['\"”’]")


def _quoted_headline(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``'He died in my hands'``: a headline that opens with a quotation; its
    words are someone's, and the grammar inside says nothing of whose."""
    m = _QUOTED_HEADLINE.match(text, start, end)
    return (m.start(1), m.end(1)) if m else None


def _within(r: tuple[int, int], region: tuple[int, int] | None) -> bool:
    return region is not None and region[0] <= r[0] < region[1]


def _cue_in_quotation(c: Candidate, qspans: list[QuotedSpan]) -> bool:
    """A cue inside quotation marks is the quoted person's own words (``I think``)."""
    if c.cue is None:
        return False
    return any(q.inner_start <= c.cue[0] < q.inner_end for q in qspans)


def _hull(parts: list[Range]) -> Range:
    return min(a for a, _ in parts), max(b for _, b in parts)


def _grow_over_quotes(parts: list[Range], qspans: list[QuotedSpan]) -> list[Range]:
    """Extend content parts to cover every quotation (and its group) they touch."""
    groups = set()
    for q in qspans:
        if any(overlap((q.start, q.end), p) for p in parts):
            groups.add(q.group)
    if not groups:
        return parts
    out = list(parts)
    for q in qspans:
        if q.group in groups:
            out.append((q.start, q.end))
    return _merge(out)


def _continuation(
    text: str,
    c: Candidate,
    qspans: list[QuotedSpan],
    cue_starts: list[int],
    claimed: list[Range],
) -> list[Range]:
    """Join ``"A," she said, "B."``: the next quotation of the paragraph after
    the cue continues it, unless another cue comes first."""
    if c.cue is None or not any(
        q.end <= c.cue[0] and overlap((q.start, q.end), p)
        for q in qspans
        for p in c.parts
    ):
        return c.parts
    after = max(c.cue[1], c.speaker[1] if c.speaker else 0)
    nxt = next((q for q in qspans if q.start >= after), None)
    if nxt is None:
        return c.parts
    gap = text[after : nxt.start]
    if "\n" in gap or any(after <= s < nxt.start for s in cue_starts):
        return c.parts
    if gap.strip() and gap.rstrip()[-1] not in ".,:;—–-":
        return c.parts
    if re.search(r"[.!?][\"”’']?\s+\S", gap.strip()):
        return c.parts  # a whole sentence lies between: someone else may speak
    extra = [(o.start, o.end) for o in qspans if o.group == nxt.group]
    if any(overlap(e, p) for e in extra for p in claimed):
        return c.parts  # the next quotation has an attribution of its own
    return _merge(list(c.parts) + extra)


def _merge(parts: list[Range]) -> list[Range]:
    parts = sorted(parts)
    out: list[Range] = []
    for a, b in parts:
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _kind(parts: list[Range], qspans: list[QuotedSpan]) -> str:
    inside = 0
    total = sum(b - a for a, b in parts)
    for q in qspans:
        for p in parts:
            inside += overlap((q.start, q.end), p)
    if inside == 0:
        return "indirect"
    return "direct" if inside >= total - 2 else "mixed"


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per cue token and per content; the most confident wins."""
    best: dict[Any, Candidate] = {}
    for c in sorted(cands, key=lambda c: -c.confidence):
        key = c.cue_token if c.cue_token >= 0 else ("parts", tuple(c.parts))
        if key in best:
            continue
        if any(tuple(o.parts) == tuple(c.parts) for o in best.values()):
            continue
        best[key] = c
    return list(best.values())


def _colon_candidates(doc: Any, text: str) -> Iterator[Candidate]:
    """``Graham: Trump's ...`` in the headline, ``PENCE: Well, ...`` in a transcript."""
    pos = 0
    for n, line in enumerate(text.split("\n")):
        line_start, pos = pos, pos + len(line) + 1
        colon = line.find(":")
        if colon <= 0:
            continue
        left, right = line[:colon], line[colon + 1 :]
        lead = len(left) - len(left.lstrip(" \t\"“'‘"))
        words = left[lead:].split()
        r_text = right.strip()
        if not words or len(r_text.split()) < 3 or not words[0][:1].isalnum():
            continue
        if n == 0 or _is_first_line(text, line_start):
            if len(words) > HEADLINE_MAX_SOURCE_WORDS or not words[0][0].isupper():
                continue
            if label_end(line):
                continue
            pattern = "headline"
        elif (
            len(words) <= 3
            and left.strip() == left.strip().upper()
            and sum(ch.isalpha() for ch in left) >= 2
        ):
            pattern = "transcript"
        else:
            continue
        src_start = line_start + lead
        c_start = line_start + colon + 1 + len(right) - len(right.lstrip())
        yield Candidate(
            speaker=(src_start, src_start + len(left[lead:].rstrip())),
            cue=(line_start + colon, line_start + colon + 1),
            parts=[(c_start, c_start + len(r_text))],
            pattern=pattern,
            confidence=0.7,
            cue_token=-1,
        )


def _is_first_line(text: str, start: int) -> bool:
    return not text[:start].strip()


def _parent(i: int, cands: list[Candidate]) -> int | None:
    """The attribution whose content contains this one's cue (nesting)."""
    c = cands[i]
    if c.cue is None:
        return None
    best = None
    for j, o in enumerate(cands):
        if j == i or o.cue is None:
            continue
        if any(a <= c.cue[0] and c.cue[1] <= b for a, b in o.parts) and not any(
            a <= o.cue[0] and o.cue[1] <= b for a, b in c.parts
        ):
            size = sum(b - a for a, b in o.parts)
            if best is None or size < best[0]:
                best = (size, j)
    return best[1] if best else None
