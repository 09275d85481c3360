"""Quotations that no clause rule covered: find their speech verb in or next
to their sentence, a dash attribution (``"..." ― Jane Doe``), or the speaker of
the attribution just before them (a floating quote)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import (
    Range,
    noun_phrase,
    overlap,
    sent_of,
    subject_of,
    token_starts,
)
from reportedly.extract.quotes._attribution import Candidate, cue_range, cues
from reportedly.extract.quotes._quotemarks import QuotedSpan

FLOATING_MAX_PARAGRAPHS = 2
MIN_QUOTE_WORDS = 4


def quote_candidates(
    doc: Any, text: str, qspans: list[QuotedSpan], cands: list[Candidate]
) -> Iterator[Candidate]:
    """Attribute quotations that no clause rule covered."""
    covered = [(a, b) for c in cands for a, b in c.parts]
    speech = cues("speech")
    starts = token_starts(doc)
    groups: dict[int, list[QuotedSpan]] = {}
    for q in qspans:
        groups.setdefault(q.group, []).append(q)
    prev: Candidate | None = None
    for _g, members in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        rng = (members[0].start, members[-1].end)
        parts = [(q.start, q.end) for q in members]
        if any(overlap(rng, c) for c in covered):
            prev = _last_before(cands, rng[0]) or prev
            continue
        words = len(text[rng[0] : rng[1]].split())
        found = _speech_verb_near(doc, starts, members, speech)
        if found is not None:
            verb, subj = found
            cand = Candidate(
                speaker=noun_phrase(subj),
                cue=cue_range(verb),
                parts=parts,
                pattern="quote_verb",
                confidence=0.85,
                cue_token=verb.i,
                speaker_token=subj.i,
            )
            cand.parts = _clause_after_cue(text, doc, cand, rng) or parts
            yield cand
            prev = cand
            continue
        dash = _dash_speaker(text, rng[1])
        if dash is not None:
            cand = Candidate(
                speaker=dash[1],
                cue=dash[0],
                parts=parts,
                pattern="dash",
                confidence=0.8,
                cue_token=-1,
            )
            yield cand
            prev = cand
            continue
        if words < MIN_QUOTE_WORDS:
            continue
        before = _last_before(cands, rng[0]) or prev
        if (
            before is not None
            and before.speaker
            and _starts_paragraph(text, rng[0])
            and _paragraph_gap(text, before.parts[-1][1], rng[0])
            <= FLOATING_MAX_PARAGRAPHS
        ):
            yield Candidate(
                speaker=before.speaker,
                cue=None,
                parts=parts,
                pattern="floating",
                confidence=0.6,
                cue_token=-1,
                speaker_token=before.speaker_token,
            )


_DASH = re.compile(
    r"[^\S\n]*[―—–-]{1,2}[^\S\n]*([A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,5})"
)


def _dash_speaker(text: str, end: int) -> tuple[Range, Range] | None:
    """``"...," ― Christina Lastra``: a dash and a name right after a quotation."""
    m = _DASH.match(text, end)
    if m is None:
        return None
    dash_at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    return (dash_at, dash_at + 1), (m.start(1), m.end(1))


def _clause_after_cue(
    text: str, doc: Any, c: Candidate, rng: Range
) -> list[Range] | None:
    """``X tweeted that M. was "disgusting"``: a short quotation after a cue with
    words between them is part of a clause running from the cue to the end of
    the sentence."""
    after = max(c.cue[1] if c.cue else 0, c.speaker[1] if c.speaker else 0)
    if after > rng[0]:
        return None
    gap = text[after : rng[0]]
    if not gap.strip(" ,:\n\t") or "\n" in gap:
        return None
    sent = doc.char_span(rng[0], rng[1], alignment_mode="expand")
    end = max(rng[1], sent.sent.end_char if sent is not None else rng[1])
    start = after + len(gap) - len(gap.lstrip(" ,:"))
    content = text[start:end].rstrip(" .\n\t")
    return [(start, start + len(content))] if content else None


def _last_before(cands: list[Candidate], pos: int) -> Candidate | None:
    best = None
    for c in cands:
        if (
            c.speaker
            and c.parts[-1][1] <= pos + 1
            and (best is None or c.parts[-1][1] > best.parts[-1][1])
        ):
            best = c
    return best


def _starts_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _paragraph_gap(text: str, a: int, b: int) -> int:
    return text.count("\n\n", a, b) + (
        0 if "\n\n" in text[a:b] else text.count("\n", a, b)
    )


def _char_before(doc: Any, starts: list[int], pos: int) -> str:
    """The last non-space character before ``pos`` (Doc.text would rebuild
    the whole text)."""
    k = bisect.bisect_left(starts, pos) - 1
    while k >= 0:
        t = doc[k]
        piece = t.text_with_ws[: max(0, pos - t.idx)].rstrip()
        if piece:
            return piece[-1]
        pos, k = t.idx, k - 1
    return ""


def _speech_verb_near(
    doc: Any, starts: list[int], members: list[QuotedSpan], speech: frozenset[str]
) -> tuple[Any, Any] | None:
    """A speech verb with a subject in the sentence of the quotation, outside it."""
    first, last = members[0], members[-1]
    i = max(0, bisect.bisect_right(starts, last.end) - 1)
    j = max(0, bisect.bisect_right(starts, first.start) - 1)
    sents = {doc[i].sent.start: doc[i].sent, doc[j].sent.start: doc[j].sent}
    lead = doc[j].sent.start - 1
    if lead >= 0 and _char_before(doc, starts, first.start) == ":":
        sents[doc[lead].sent.start] = doc[lead].sent
    # '"Who do they think they are?" Trump said.': the parser ended the
    # sentence at the question mark; a short sentence right after belongs to it
    nxt = doc[i].sent.end
    k = max(bisect.bisect_left(starts, last.end) - 1, 0)
    gap = "".join(t.text_with_ws for t in doc[k:nxt])  # text[doc[k].idx : nxt]
    if nxt < len(doc) and "\n" not in gap[last.end - doc[k].idx :]:
        after = doc[nxt].sent
        if len(after) <= 12:
            sents[after.start] = after
    ranges = [(q.start, q.end) for q in members]
    best = None
    for sent in sents.values():
        for tok in sent:
            if tok.lemma_.lower() not in speech or not tok.tag_.startswith("VB"):
                continue
            if any(a <= tok.idx < b for a, b in ranges):
                continue
            subj = (
                next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ in ("nsubj", "nsubjpass")
                        and not any(a <= c.idx < b for a, b in ranges)
                    ),
                    None,
                )
                or subject_of(tok)
                or _name_between(doc, last.end, tok)
            )
            if subj is None or any(a <= subj.idx < b for a, b in ranges):
                continue
            dist = min(abs(tok.idx - last.end), abs(tok.idx - first.start))
            if best is None or dist < best[0]:
                best = (dist, tok, subj)
    return (best[1], best[2]) if best else None


def _name_between(doc: Any, start: int, verb: Any) -> Any | None:
    """``"...," Brent Bozell III, founder of X, tells Y``: the parser gave the
    verb no subject; take the first name between the quotation and the verb."""
    if verb.idx < start:
        return None
    for tok in doc[sent_of(verb).start : verb.i]:
        if tok.idx >= start and tok.pos_ in ("PROPN", "NOUN", "PRON"):
            return tok
    return None
