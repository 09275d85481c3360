"""Event candidates: every trigger token with its reading in context.

A candidate is a word that *may* report an event: a verb or event noun of
``lexicons/events.toml`` read in its frame (light verbs, reversals,
negation). Whether it does is decided after, by rules and the relevance
model (``_relevance``); the candidates are also what that model is trained
on (``bench/train_events.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import tokens
from reportedly.extract.events._frames import is_light, read, undone
from reportedly.extract.events._lexicon import STATEMENT, Tables, Trigger, tables


def _governed_by_same(
    tok: Any, own: Trigger, tab: Tables, reads: list[Trigger | None], hops: int = 3
) -> bool:
    """Is an event noun the object of a verb that already says its event?
    A noun that adds a mode (``attacked with airstrikes``) stays, and so
    does a clash that is the subject (``the clashes killed ten soldiers``:
    a fight of two sides, and its toll)."""
    if tok.dep_ == "nsubj" and tok.lemma_.lower() in tab.frames["RIOT.triggers"]:
        return False
    head = tok
    for _ in range(hops):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.pos_ == "VERB" and not is_light(head, tab):
            trig = reads[head.i]
            if trig is not None and trig.type == own.type:
                return own.mode is None or own.mode == trig.mode
    return False


def candidates(doc: Any, tab: Tables | None = None) -> Iterator[tuple[Any, Trigger]]:
    """Yield ``(token, trigger)`` for every event candidate of ``doc``."""
    tab = tab or tables()
    toks = tokens(doc)
    reads = [read(t, tab) for t in toks]  # each token read once
    for tok in toks:
        trig = reads[tok.i]
        if trig is None or trig.type == STATEMENT or is_light(tok, tab):
            continue  # a light verb's event is read off its noun
        if undone(tok, tab):
            continue  # "aid" in "suspended aid": the suspension is the event
        is_verb = tok.pos_ in ("VERB", "AUX")
        if not is_verb and _governed_by_same(tok, trig, tab, reads):
            continue  # "voted to give authorization": one AGREE, the vote
        yield tok, trig
