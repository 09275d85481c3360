"""Which candidates are events: the lexicon rules, the relevance model's
threshold, and one record per happening (``_relevance`` scores, this module
decides)."""

from __future__ import annotations

from typing import Any

from reportedly.extract._spans import sent_of
from reportedly.extract.events import _relevance
from reportedly.extract.events._candidates import candidates
from reportedly.extract.events._lexicon import Tables, Trigger, trigger_of


def _bare(tok: Any) -> bool:
    """A noun trigger with no party of its own (``the release``)."""
    return tok.pos_ not in ("VERB", "AUX") and not any(
        c.dep_ in ("prep", "poss", "compound", "nummod")
        or (c.dep_ == "amod" and c.ent_type_)
        for c in tok.children
    )


def _purpose(noun: Any, verb: Any) -> bool:
    """``an offensive to retake the town``: the verb is the noun's aim, not
    a second telling of it."""
    return (
        verb.head.i == noun.i
        and verb.dep_ in ("acl", "advcl", "relcl", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
    )


def _linked(a: Any, b: Any) -> bool:
    """One governs the other, or they share a stem (``released ... release``)."""
    if _purpose(b, a):
        return False
    return (
        a.is_ancestor(b)
        or b.is_ancestor(a)
        or a.lemma_.lower()[:5] == b.lemma_.lower()[:5]
    )


def _second_telling(tok: Any, trig: Trigger, found: list[tuple[Any, Trigger]]) -> bool:
    """Is a bare noun trigger a second telling of an event its sentence
    already reports (``were released in a release brokered by``)? One
    record: the verb's, or the first noun's."""
    if not _bare(tok):
        return False
    sent = sent_of(tok)
    return any(
        o.i != tok.i
        and sent.start <= o.i < sent.end
        and t.type == trig.type
        and (not _bare(o) or o.i < tok.i)
        and _linked(o, tok)
        for o, t in found
    )


def affirmed(tok: Any, trig: Trigger, tab: Tables) -> bool:
    """A noun told twice as its type by the grammar: the object of a verb
    of its own type done by a subject (``the charity delivered aid``,
    ``Norway sent assistance``). The model's doubt does not drop it."""
    head = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or head.pos_ != "VERB":
        return False
    own = trigger_of(head, tab)
    return (
        own is not None
        and own.type == trig.type
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in head.children)
    )


def decided(doc: Any, tab: Tables) -> list[tuple[Any, Trigger, float]]:
    """The candidates that report an event, with the model's probability."""
    m = _relevance.model()
    found = []
    for tok, trig in candidates(doc, tab):
        if _relevance.ruled_out(tok, trig, tab):
            continue
        p = _relevance.probability(tok, trig, m)
        if m is None or p >= m.threshold:
            found.append((tok, trig, p))
        elif affirmed(tok, trig, tab):
            found.append((tok, trig, m.threshold))
    pairs = [(t, g) for t, g, _ in found]
    return [
        (t, _moded(t, g, tab), p)
        for t, g, p in found
        if not _second_telling(t, g, pairs)
    ]


def _moded(tok: Any, trig: Trigger, tab: Tables) -> Trigger:
    """``car bomb attacks``: the modifier is no record of its own, but its
    mode (explosives) is the head's."""
    if trig.mode is not None:
        return trig
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            sub = trigger_of(c, tab)
            if sub is not None and sub.type == trig.type and sub.mode is not None:
                return sub
    return trig
