"""Character ranges of spaCy tokens and phrases: speakers, clauses, objects.

Helpers shared by the attribution and event rules; every range is trimmed of edge
punctuation and whitespace so that spans never start or end on a comma.
"""

from __future__ import annotations

import threading
from typing import Any

Range = tuple[int, int]

_LAST = threading.local()  # the facts of the last documents asked about
_KEPT = 2  # an article and its separately parsed headline


class _Facts:
    """What spaCy rebuilds on every read, listed once for one document: its
    tokens (``Doc.__iter__`` makes each anew), their character offsets, its
    sentences with the sentence of each token, and its entities."""

    __slots__ = ("at", "doc", "ents", "memo", "sents", "starts", "text", "tokens")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.tokens = list(doc)
        self.starts = doc.to_array("IDX").tolist()  # no Token per offset
        self.sents = list(doc.sents)
        self.at = [0] * len(doc)
        for n, s in enumerate(self.sents):
            self.at[s.start : s.end] = [n] * (s.end - s.start)
        self.ents = list(doc.ents)
        self.text = doc.text
        self.memo: dict[Any, Any] = {}


def _facts(doc: Any) -> _Facts:
    """The facts of ``doc``, kept for the last documents asked about (the
    extractors of one article ask many times, then never again)."""
    kept: list[_Facts] = getattr(_LAST, "value", None) or []
    for f in kept:
        if f.doc is doc and len(f.tokens) == len(doc):
            return f
    f = _Facts(doc)
    _LAST.value = [f, *kept[: _KEPT - 1]]
    return f


def tokens(doc: Any) -> list[Any]:
    """``list(doc)``, made once per document: read it, never change it."""
    return _facts(doc).tokens


def token_starts(doc: Any) -> list[int]:
    """``[t.idx for t in doc]``, made once per document: read it, never change it."""
    return _facts(doc).starts


def memo(doc: Any) -> dict[Any, Any]:
    """A dict that lives as long as the document's facts: a place for an
    extractor to keep what it reads once per sentence (key by its own name)."""
    return _facts(doc).memo


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per document (spaCy joins every token per read)."""
    return _facts(doc).text


def sent_of(tok: Any) -> Any:
    """``tok.sent``, from sentences listed once per document: spaCy's
    ``Token.sent`` walks the document's sentences on every call."""
    facts = _facts(tok.doc)
    return facts.sents[facts.at[tok.i]]


def ents_in(span: Any) -> list[Any]:
    """``span.ents``, from entities listed once per document: spaCy's
    ``Span.ents`` rebuilds every entity of the document on each call. The
    same walk: entities from the span's start, up to the first that ends
    past it."""
    out = []
    for ent in _facts(span.doc).ents:
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


NP_LEFT = {
    "det",
    "amod",
    "compound",
    "poss",
    "nmod",
    "nummod",
    "quantmod",
    "case",
    "predet",
    "advmod",
    "npadvmod",
    "neg",
}


NP_RIGHT_COMMON = {"prep", "cc", "conj", "compound", "case", "nummod"}


NP_RIGHT_PROPER = {"cc", "conj", "compound", "case", "flat"}


def tok_range(tok: Any) -> Range:
    return tok.idx, tok.idx + len(tok.text)


def tokens_range(toks: list[Any]) -> Range | None:
    toks = [t for t in toks if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in "“\"'‘«(":
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"'’»)":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def span_range(doc: Any, lo: int, hi: int) -> Range | None:
    """Character range of tokens ``lo..hi`` (inclusive), trimmed of edge punctuation.

    The same as ``tokens_range(list(doc[lo : hi + 1]))``, looking only at the
    edges (a clause can be long, and events ask for many)."""
    a, b = max(lo, 0), min(hi, len(doc) - 1)
    while a <= b and (
        doc[a].is_space or (doc[a].is_punct and doc[a].text not in "“\"'‘«(")
    ):
        a += 1
    while b >= a and (
        doc[b].is_space or (doc[b].is_punct and doc[b].text not in "”\"'’»)")
    ):
        b -= 1
    if a > b:
        return None
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def noun_phrase(tok: Any) -> Range:
    """Return the speaker phrase headed by ``tok``: modifiers, no appositions."""
    proper = tok.pos_ == "PROPN"
    right = NP_RIGHT_PROPER if proper else NP_RIGHT_COMMON
    lo = hi = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in NP_LEFT:
            lo = min(lo, c.left_edge.i)
        elif c.i > tok.i and c.dep_ in right:
            hi = max(hi, c.right_edge.i)
    # stop at a comma or bracket inside the phrase (an apposition slipped in)
    doc = tok.doc
    for i in range(tok.i + 1, hi + 1):
        if doc[i].text in {",", "(", "—", "–", ";"}:
            hi = i - 1
            break
    for i in range(tok.i - 1, lo - 1, -1):
        if doc[i].text in {",", ")", "—", "–", ";", "\n"} or doc[i].is_space:
            lo = i + 1
            break
    r = span_range(doc, lo, hi)
    return r if r else tok_range(tok)


def subtree_range(tok: Any, exclude: Any | None = None) -> list[Range]:
    """Character ranges of ``tok``'s subtree, split around an excluded subtree."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if exclude is None or not (lo <= exclude.i <= hi):
        r = span_range(doc, lo, hi)
        return [r] if r else []
    out = []
    elo, ehi = exclude.left_edge.i, exclude.right_edge.i
    for a, b in ((lo, elo - 1), (ehi + 1, hi)):
        if b >= a:
            r = span_range(doc, a, b)
            if r and content_words(doc, a, b) >= 2:
                out.append(r)
    return out


REPORTING_CONJ_STOP = {"cc", "conj", "punct", "parataxis"}


def clause_range(comp: Any, speech: frozenset[str]) -> list[Range]:
    """The content clause ``comp``, cut before a conjoined or participial speech
    verb (``said he would X and warned Y``; ``..., adding that Z``): those
    belong to the reporting clause."""
    doc = comp.doc
    hi = comp.right_edge.i
    for c in comp.children:
        if c.i <= comp.i or c.pos_ not in ("VERB", "AUX"):
            continue
        lemma = c.lemma_.lower()
        if (c.dep_ == "conj" and lemma in speech and not _has_subject(c)) or (
            c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and lemma in speech
        ):
            hi = min(hi, c.left_edge.i - 1)
    while hi > comp.i and (doc[hi].dep_ in ("cc", "punct") or doc[hi].is_space):
        hi -= 1
    r = span_range(doc, comp.left_edge.i, hi)
    return [r] if r else []


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def right_range(verb: Any, first: Any) -> list[Range]:
    """What a verb says of its object: from ``first`` (its object or infinitive)
    to the end of the verb's right-hand complements, not its conjuncts."""
    doc = verb.doc
    hi = first.right_edge.i
    for c in verb.children:
        if (
            c.i > first.i
            and c.dep_ not in REPORTING_CONJ_STOP
            and c.dep_ not in ("advcl", "ccomp", "npadvmod", "advmod")
        ):
            hi = max(hi, c.right_edge.i)
        elif c.i > first.i and c.dep_ in REPORTING_CONJ_STOP:
            break
    r = span_range(doc, first.left_edge.i, hi)
    return [r] if r else []


def content_words(doc: Any, a: int, b: int) -> int:
    """Count the tokens of ``a..b`` that are neither punctuation nor space."""
    return sum(1 for t in doc[a : b + 1] if not (t.is_punct or t.is_space))


def overlap(a: Range, b: Range) -> int:
    """Number of characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    """Find who does ``verb``: its subject, or a governing verb's for participles."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            # a relative pronoun ("X, who said ...") is the speaker as written;
            # the actors package resolves it to the noun it refers to
            return c
    for c in verb.children:  # passive with a by-agent: "was told by X"
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if depth > 3:
        return None
    if (
        verb.dep_ == "conj"
        or (
            verb.dep_ in ("advcl", "xcomp", "acl", "dep") and verb.tag_ in ("VBG", "VB")
        )
        or (verb.dep_ == "xcomp")
    ):
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None
