"""Senses of violence, read off a trigger's arguments (frames RIOT, COMMIT,
SIEGE, REPEL, RESCUE of ``lexicons/events.toml``; used by ``_senses``):
a clash with a crowd in it is a riot; committing crimes, cutting off food,
pushing back fighters and freeing hostages by force are attacks."""

from __future__ import annotations

from typing import Any

from reportedly.extract.events._lexicon import Tables
from reportedly.extract.events._objects import OBJECTS

# clauses of their own, not part of what a trigger's arguments say
OWN_CLAUSE = frozenset({"ccomp", "conj", "advcl", "parataxis", "relcl"})


def repels(tok: Any, lemma: str, tab: Tables) -> bool:
    """``pushed back the rebels``: a repelling verb with an object."""
    prt = [c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")]
    phrasal = {f"{lemma} {p}" for p in prt}
    return bool(phrasal & tab.frames["REPEL.verbs"]) and any(
        c.dep_ in OBJECTS for c in tok.children
    )


def crowd(tok: Any, tab: Tables) -> bool:
    """Does a crowd take part in the clash (or police, with no armed side)?"""
    f = tab.frames
    toks = [t for c in tok.children if c.dep_ not in OWN_CLAUSE for t in c.subtree]
    if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "protesters were hurt in clashes with police"
        for c in tok.head.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                toks += list(c.subtree)
    words = {t.lower_ for t in toks} | {tok.lower_}
    if words & f["RIOT.crowds"]:
        return True
    return bool(words & f["RIOT.police"]) and not words & f["RIOT.armed"]


def committed(tok: Any) -> list[Any]:
    """What a ``commit`` verb commits: its object, or the nouns of the
    clauses it hangs in (``the murders they are alleged to have committed``)."""
    found = [c for c in tok.children if c.dep_ in OBJECTS]
    head = tok
    for _ in range(3):
        if found and head is tok or head.dep_ not in ("xcomp", "relcl", "acl", "ccomp"):
            break
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            found.append(head)
        else:
            found += [c for c in head.children if c.dep_ in (*OBJECTS, "nsubj")]
    return found


def commits_harm(tok: Any, lemma: str, tab: Tables) -> bool:
    """``crimes committed by the militia``."""
    f = tab.frames
    if lemma not in f["COMMIT.verbs"] or tok.pos_ != "VERB":
        return False
    return any(c.lemma_.lower() in f["COMMIT.harms"] for c in committed(tok))


def _siege(tok: Any, tab: Tables) -> bool:
    """``food supplies have been cut off``: what a population lives on."""
    f = tab.frames
    objs = [c for c in tok.children if c.dep_ in OBJECTS]
    objs += [x for o in objs for x in o.conjuncts]
    for o in objs:
        lem = o.lemma_.lower()
        if lem in f["SIEGE.goods"]:
            return True
        if lem in f["SIEGE.carriers"] and any(
            m.dep_ in ("compound", "amod") and m.lemma_.lower() in f["SIEGE.goods"]
            for m in o.children
        ):
            return True
    return False


def besieges(tok: Any, tab: Tables) -> bool:
    """Is ``tok`` a verb that cuts off what a population lives on?"""
    return tok.lemma_.lower() in tab.frames["SIEGE.verbs"] and _siege(tok, tab)


def by_force(tok: Any, tab: Tables) -> bool:
    """``commandos freed the hostages``, ``hostages were freed in a raid``."""
    f = tab.frames
    kids = list(tok.children)
    if not any(
        c.dep_ in OBJECTS and c.lemma_.lower() in f["RESCUE.captives"] for c in kids
    ):
        return False
    if tok.lemma_.lower() in f["RESCUE.forcible"]:
        return True
    doers = [t for c in kids if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    if any(t.lower_ in f["RESCUE.forces"] for t in doers):
        return True
    return any(
        p.lemma_.lower() in f["RESCUE.operations"]
        for c in kids
        if c.dep_ == "prep"
        for p in c.subtree
    )


def frees_place(tok: Any, tab: Tables) -> bool:
    """``to free Raqqa``, ``liberated the city``: the object is a place, and
    no captive is named after the verb (a headline parsed as "freed US,
    Australian hostages" frees people)."""
    places, captives = tab.frames["RESCUE.places"], tab.frames["RESCUE.captives"]
    if any(t.lemma_.lower() in captives for t in tok.doc[tok.i : tok.sent.end]):
        return False
    return any(
        c.dep_ in OBJECTS
        and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in places)
        for c in tok.children
    )


def verbal(tok: Any, lemma: str, tab: Tables) -> bool:
    """An attack in words (frame VERBAL): a person or party attacking a
    person, party or policy, over or for something, or in a speech; never
    with an armed side or a place as the target."""
    f = tab.frames
    if lemma not in f["VERBAL.verbs"] or tok.pos_ != "VERB":
        return False
    kids = [c for c in tok.children if c.dep_ not in OWN_CLAUSE]
    toks = [t for c in kids for t in c.subtree]
    if {t.lower_ for t in toks} & f["RIOT.armed"] or any(
        t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ == "dobj" for t in toks
    ):
        return False
    subj = [c for c in kids if c.dep_ == "nsubj"]
    objs = [c for c in kids if c.dep_ == "dobj"]
    said_by = any(
        c.ent_type_ in ("PERSON", "NORP") or c.lower_ in f["VERBAL.speakers"]
        for c in subj
    )
    at = any(
        c.ent_type_ in ("PERSON", "NORP")
        or c.lemma_.lower() in f["VERBAL.targets"]
        or c.lower_ in f["VERBAL.targets"]
        for c in objs
    )
    preps = {c.lower_: c for c in kids if c.dep_ == "prep"}
    grounds = bool(set(preps) & f["VERBAL.grounds"])
    channel = any(
        g.lower_ in f["VERBAL.channels"]
        for p in ("in", "on", "during")
        if p in preps
        for g in preps[p].children
    )
    if any(c.lemma_.lower() in f["VERBAL.topics"] for c in objs):
        return True  # "attacked Labour's plans"
    if lemma == "clash" and not objs:
        return said_by and (grounds or "with" not in preps)
    return (said_by and (at or grounds or channel)) or (at and (grounds or channel))
