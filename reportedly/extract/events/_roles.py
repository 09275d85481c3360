"""Who the grammar says the participants are, where the plain subject and
object mislead: relative pronouns, datelines, events as subjects, claims of
responsibility, hyphenated names, dates (used by ``_args``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportedly.extract._spans import Range, sent_of, subject_of
from reportedly.extract.actors._words import (
    pronoun_class,
    relations,
    responsibility,
    times,
)
from reportedly.extract.events._frames import read
from reportedly.extract.events._lexicon import tables

NOT_ARGS = frozenset(["DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"])
NAMED = frozenset(["PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"])
DASHES = frozenset(["—", "–", "--", "-"])
NOMINAL = frozenset(["NOUN", "PROPN"])
DATELINE_WORDS = 12  # a dateline ends with a dash within this many tokens


def relative_head(tok: Any) -> Any | None:
    """``the Taliban, who refused``: a relative pronoun stands for the noun
    its clause hangs on; one that hangs on nothing is no argument."""
    if pronoun_class(tok.lower_) != "r":
        return tok
    verb = tok.head
    for _ in range(3):
        if verb.dep_ == "relcl":
            head = verb.head
            return head if head.pos_ in NOMINAL or head.pos_ == "PRON" else None
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def relation_name(tok: Any) -> Any:
    """``Mr Conlon's father Giuseppe``: the relative's own name, when given."""
    if tok.lemma_.lower() not in relations():
        return tok
    for c in tok.children:
        if c.i > tok.i and c.ent_type_ == "PERSON" and c.dep_ in ("appos", "npadvmod"):
            return c
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.ent_type_ == "PERSON" and tok.dep_ == "compound":
        return tok.head
    return tok


def skip_arg(tok: Any) -> bool:
    """Dates, times, money and weekday or month names are never participants."""
    if tok.ent_type_ in NOT_ARGS:
        return not tok.lower_.endswith("old")  # "the 56-year-old" is a person
    return (
        tok.lower_ in times() and tok.ent_type_ not in NAMED and tok.text[:1].isupper()
    )


def hyphen_range(tok: Any, rng: Range) -> Range:
    """Widen a phrase over words glued to it by hyphens (``Lashkar-e-Taiba``)."""
    doc = tok.doc
    a = next((t.i for t in doc[tok.left_edge.i : tok.i + 1] if t.idx >= rng[0]), tok.i)
    b = tok.i
    while b + 1 < len(doc) and doc[b + 1].idx < rng[1]:
        b += 1

    def glued(i: int) -> bool:  # tokens i and i + 1 touch
        return not doc[i].whitespace_ and i + 1 < len(doc)

    while a >= 2 and doc[a - 1].text == "-" and glued(a - 2) and glued(a - 1):
        a -= 2
    while b + 2 < len(doc) and doc[b + 1].text == "-" and glued(b) and glued(b + 1):
        b += 2
    lo = min(rng[0], doc[a].idx)
    hi = max(rng[1], doc[b].idx + len(doc[b].text))
    return lo, hi


def from_dateline(actor: Any, verb: Any) -> Any | None:
    """``HANOI, Vietnam (AP) -- U.S. Defense Secretary Mark Esper accused``:
    the place of a dateline is no subject; the name after the dash is."""
    doc = verb.doc
    start = sent_of(verb).start
    dash = next(
        (
            t.i
            for t in doc[start : min(verb.i, start + DATELINE_WORDS)]
            if t.text in DASHES and t.whitespace_
        ),
        None,
    )
    if dash is None or actor.i > dash:
        return actor
    words = [t for t in doc[start:dash] if t.is_alpha]
    if not any(t.text.isupper() and len(t.text) > 2 for t in words):
        return actor
    ents = [e for e in doc.ents if dash < e.start and e.end <= verb.i]
    ents = [e for e in ents if e.label_ in NAMED]
    people = [e for e in ents if e.label_ == "PERSON"]
    pick = people[-1] if people else (ents[-1] if ents else None)
    return pick.root if pick is not None else None


def responsible(tok: Any) -> Any | None:
    """``the Taliban claimed responsibility for shooting down``: the claimer."""
    prep = tok.head
    if prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    noun = prep.head
    if noun.lemma_.lower() not in responsibility() or noun.head.pos_ != "VERB":
        return None
    return subject_of(noun.head)


def event_subject(
    tok: Any, noun_args: Callable[[Any], tuple[Any | None, Any | None]]
) -> Any | None:
    """``the army's attack on the village killed``: the event's own actor; a
    singular event noun without one (``the blast killed``) is no actor."""
    if tok.pos_ != "NOUN" or read(tok, tables()) is None:
        return tok
    actor = noun_args(tok)[0]
    if actor is not None:
        return actor
    return None if tok.tag_ == "NN" else tok


def other_event(noun: Any, verb: Any) -> bool:
    """``police dispersed protests``: the verb is an event of another type
    done to the noun's event, so its subject is not the noun's actor."""
    tab = tables()
    own, outer = read(noun, tab), read(verb, tab)
    if own is not None and verb.lemma_.lower() in tab.frames["ROLES.done_to_verbs"]:
        return True  # "to crush the protests": no trigger, but done to them
    return (
        own is not None
        and outer is not None
        and outer.type != own.type
        and outer.type.lower() in tab.frames["ROLES.done_to_events"]
    )


def stray_against(noun: Any, verb: Any) -> Any | None:
    """``staged a protest outside the stadium against the regime``: an
    ``against`` phrase the parser hung on a place after the event noun."""
    for t in verb.subtree:
        if t.i > noun.i and t.lower_ == "against" and t.dep_ == "prep":
            if t.head.i != verb.i and read(t.head, tables()) is None:
                return next((p for p in t.children if p.dep_ == "pobj"), None)
            return None
    return None
