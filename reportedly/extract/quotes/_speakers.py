"""Speakers that cannot speak, and documents that speak for someone.

A speaker is a person or a body. Page furniture (``SEE MORE``), things
(``gunshot wounds``, ``Hong Kong chaos``, ``the latest speculation``) and
bare anonymous ``Reports`` are no speakers: their attribution is dropped. A
document or a recording speaks for its owner when the sentence names one: ``a
report in the Argus Leader`` -> the Argus Leader, ``the video, posted by
Twitter users,`` -> Twitter users; else the document stays the speaker. A
cue word inside a Title Case name (``the group North East Says No``) is no
cue. Word lists: ``cues.toml`` ``[not_speakers]`` and ``[documents]``.
"""

from __future__ import annotations

from typing import Any

from reportedly.extract._spans import noun_phrase
from reportedly.extract.quotes._attribution import Candidate, cues

OWNER_PREPS = ("in", "by", "from", "of")


def _root(doc: Any, r: tuple[int, int]) -> Any | None:
    span = doc.char_span(r[0], r[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _owner(head: Any) -> Any | None:
    """Who a document belongs to: ``the ministry's report``, ``a report in
    the Argus Leader``, ``the video, posted by Twitter users``."""
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
        if c.dep_ == "acl" and c.lemma_.lower() in cues("authorship"):
            for a in c.children:
                if a.dep_ == "agent":
                    obj = next((o for o in a.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def _owner_phrase(owner: Any) -> tuple[int, int]:
    """The owner's name: ``the ministry`` (not ``the ministry's``), ``the
    Harbour Gazette`` (a name the parser split)."""
    start, end = noun_phrase(owner)
    doc, i = owner.doc, owner.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].idx >= end:
        end, i = doc[i].idx + len(doc[i].text), i + 1
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) > 1 and span[-1].dep_ == "case":
        end = span[-2].idx + len(span[-2].text)  # "the ministry's" -> "the ministry"
    return start, end


def _in_name(cue: Any) -> bool:
    """``North East Says No``: a capitalised cue between capitalised words."""
    doc = cue.doc
    if not cue.text[:1].isupper() or cue.is_sent_start or cue.i + 1 >= len(doc):
        return False
    before, after = doc[cue.i - 1], doc[cue.i + 1]
    return before.text[:1].isupper() and after.text[:1].isupper() and not after.is_punct


def _whole_name(doc: Any, r: tuple[int, int]) -> tuple[int, int]:
    """``North East Says No said``: a speaker cut out of a Title Case name
    by a cue word inside it takes the whole name."""
    span = doc.char_span(r[0], r[1], alignment_mode="expand")
    if span is None or not len(span) or span.start < 2:
        return r
    i = span.start
    if not (doc[i - 1].text[:1].isupper() and _in_name(doc[i - 1])):
        return r
    while i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_sent_start:
        i -= 1
    return doc[i].idx, r[1]


def checked(
    doc: Any, cands: list[Candidate], headline: tuple[int, int] = (0, 0)
) -> list[Candidate]:
    """Return ``cands`` without impossible speakers, documents re-pointed.
    In the ``headline`` range (Title Case throughout) names are not read."""
    never = cues("not_speakers")
    documents = cues("documents")
    out = []
    owners: dict[str, tuple[tuple[int, int], int]] = {}  # document -> its owner
    for c in sorted(cands, key=lambda c: c.speaker or (-1, -1)):
        titled = c.cue is not None and headline[0] <= c.cue[0] < headline[1]
        cue = _root(doc, c.cue) if c.cue and not titled else None
        if cue is not None and _in_name(cue):
            continue
        head = _root(doc, c.speaker) if c.speaker else None
        if head is not None and _relative(head):
            head = head.head.head  # "a witness that said": the witness
            c.speaker, c.speaker_token = noun_phrase(head), head.i
        if head is None:
            out.append(c)
            continue
        lemma = head.lemma_.lower()
        if head.tag_ in ("NNS", "NNPS") and lemma == head.lower_:
            lemma = lemma.removesuffix("s")  # "Reports" tagged a proper noun
        if lemma in never or head.lower_ in never:
            continue
        if not titled and c.speaker is not None:
            c.speaker = _whole_name(doc, c.speaker)
        if lemma in documents:
            owner = _owner(head)
            if owner is not None:
                c.speaker, c.speaker_token = _owner_phrase(owner), owner.i
                owners[lemma] = (c.speaker, owner.i)
            elif _definite(head) and lemma in owners:
                # "a report in the Argus Leader ... The report says": the same one
                c.speaker, c.speaker_token = owners[lemma]
            elif (
                lemma in cues("hearsay")
                and head.tag_ in ("NNS", "NNPS")
                and not any(
                    k.dep_ in ("det", "poss", "amod", "compound") for k in head.children
                )
            ):
                continue  # "Reports said ...": no one
        out.append(c)
    return out


def _relative(head: Any) -> bool:
    """``a witness that said``: a relative pronoun speaks for its noun
    (``who`` stays as written: the actors step resolves it)."""
    rel = head.head
    return (
        head.lower_ in ("that", "which")
        and head.dep_ in ("nsubj", "nsubjpass")
        and rel.dep_ == "relcl"
        and rel.head.pos_ in ("NOUN", "PROPN")
    )


def _definite(head: Any) -> bool:
    return any(
        k.dep_ == "det" and k.lower_ in ("the", "this", "that") for k in head.children
    )
