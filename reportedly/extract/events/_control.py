"""Who does a verb that has no subject of its own, and whom a passive is
done to when it has no subject (used by ``_args``).

``actor_of`` reads control: the object of ``urged X to push back`` does the
pushing, the subject of a passive ``was asked to choose`` does the choosing,
``accused China of intimidating`` makes China the one intimidating, and
``Before invading Afrin, Erdogan told`` makes Erdogan the invader. A
participle on a noun is done by that noun (``fighters battling Isis``); in
``with the Tories pledging higher pensions`` the Tories pledge. A passive
raising verb hands on its subject (``the men they are alleged to have
killed``: they killed). ``patient_of`` finds the one a passive is done to:
its subject, the subject of the passive it is coordinated with (``held
hostage and tortured``), of the verb it hangs on (``gave statements before
being beheaded``), an inverted one (``Also arrested were X``) or the noun a
participle qualifies (``five hospitals bombed``).
"""

from __future__ import annotations

from typing import Any

from reportedly.extract.actors._words import never, words

SUBJ = frozenset(["nsubj", "csubj"])
PASSIVE_SUBJ = frozenset(["nsubjpass"])
NSUBJ = frozenset(["nsubj"])
CLIMB = frozenset(["conj", "advcl", "xcomp", "acomp", "dep"])
OBJECT_PREPS = frozenset(["of", "for"])  # "accused China of bullying"
VERBAL = frozenset(["VERB", "AUX"])
NOMINAL = frozenset(["NOUN", "PROPN", "PRON"])
DEPTH = 5
AGENT = frozenset(["agent"])


def _child(tok: Any, deps: frozenset[str]) -> Any | None:
    """The first child of these relations; of two subjects, a name after a
    description of it (``A longstanding ally, Turkey is opposed``)."""
    found = [c for c in tok.children if c.dep_ in deps]
    if len(found) > 1 and _name(found[-1]) and not _name(found[0]):
        return found[-1]
    return found[0] if found else None


def _name(tok: Any) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def passive(verb: Any) -> bool:
    """A passive verb (``was shot``, ``held hostage and tortured``), not a
    stative one (``was committed to``)."""
    kids = {c.dep_ for c in verb.children}
    if stative(verb):
        return False
    if kids & {"nsubjpass", "auxpass"} or (verb.tag_ == "VBN" and "agent" in kids):
        return True
    head = verbal_head(verb)
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not kids & {"aux", "nsubj", "dobj"}
        and head is not None
        and passive(head)
    )


def verbal_head(verb: Any) -> Any | None:
    """The verb a conjunct is coordinated with, also across a complement
    the parser coordinated it with (``held hostage and tortured``)."""
    head = verb.head
    for _ in range(2):
        if head.pos_ in VERBAL:
            return head
        if head.dep_ not in ("oprd", "attr", "acomp", "dobj") or head.head.i == head.i:
            return None
        head = head.head
    return head if head.pos_ in VERBAL else None


def stative(verb: Any) -> bool:
    """``was committed to``, ``is opposed to``, ``were prepared to``."""
    if verb.lower_ not in words("stative") or _child(verb, AGENT) is not None:
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp"
        for c in verb.children
    )


def reduced_passive(verb: Any) -> bool:
    """``five hospitals bombed``: a participle with a subject and no
    auxiliary; also one with a by-agent the tagger took for a past tense
    (``the council rendered impotent by vetoes``)."""
    kids = {c.dep_ for c in verb.children}
    if "nsubj" not in kids or kids & {"aux", "auxpass"} or stative(verb):
        return False
    return "agent" in kids or (verb.tag_ == "VBN" and "dobj" not in kids)


def _agent(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return _child(c, frozenset(["pobj"]))
    return None


def _absolute(verb: Any) -> Any | None:
    """``with both the Tories and Lib Dems pledging``: the noun after ``with``."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    prev = verb.doc[verb.left_edge.i - 1]
    while prev.dep_ == "conj" and prev.head.i < prev.i:
        prev = prev.head
    if prev.dep_ == "pobj" and prev.head.lower_ == "with" and prev.pos_ in NOMINAL:
        return prev
    return None


def _controller(head: Any, verb: Any, depth: int) -> Any | None:
    """Who does ``verb``, an infinitive or gerund that hangs on ``head``."""
    obj = _child(head, frozenset(["dobj"]))
    if obj is not None and (obj.pos_ not in NOMINAL or obj.lemma_.lower() in never()):
        obj = None  # "would see fit to send", "using coercion to impose"
    own = head.lemma_.lower() in words("subject_control")
    by_object = verb.dep_ == "xcomp" or (
        verb.dep_ == "pcomp" and verb.head.lower_ in OBJECT_PREPS
    )
    if obj is not None and not own and by_object:
        return obj  # "urged Vietnam to push back", "accused China of bullying"
    if passive(head):
        return _child(head, PASSIVE_SUBJ)  # "was asked to choose"
    return actor_of(head, depth + 1)


def actor_of(verb: Any, depth: int = 0) -> Any | None:
    """The subject of ``verb``, or of the verb or noun that controls it."""
    found = _child(verb, SUBJ)
    if found is not None:
        return found
    if passive(verb) or reduced_passive(verb):
        return _agent(verb)
    if _child(verb, PASSIVE_SUBJ) is not None:  # stative "was committed to"
        return _child(verb, PASSIVE_SUBJ)
    if depth > DEPTH:
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    found = _absolute(verb)
    if found is not None:
        return found
    if verb.dep_ == "csubj" and verb.tag_ == "VBG":
        return _child(head, NSUBJ)  # "Congratulating his hosts, Tillerson made"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERBAL:
        return _controller(head.head, verb, depth)  # "before invading", "of bullying"
    if verb.dep_ in ("acl", "relcl") and head.pos_ in NOMINAL:
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return head  # "YPG fighters battling Isis"
        if verb.dep_ == "relcl":
            return head  # "the Taliban, who": the noun its clause hangs on
        return None
    if verb.dep_ in CLIMB and head.pos_ in VERBAL:
        if verb.dep_ == "conj" and passive(head):
            return _child(head, PASSIVE_SUBJ)  # "was arrested and confessed"
        if verb.dep_ == "conj":
            return actor_of(head, depth + 1)
        found = _controller(head, verb, depth)
        reported = head.dep_ == "ccomp" and head.head.pos_ in VERBAL
        if verb.dep_ == "advcl" and reported and _no_doer(found):
            return actor_of(head.head, depth + 1)  # "X said ..., branding Y"
        return found
    return None


def _no_doer(tok: Any | None) -> bool:
    """A subject that can do nothing: none, or an abstract noun."""
    return tok is None or (tok.pos_ == "NOUN" and tok.lemma_.lower() in never())


def patient_of(verb: Any, depth: int = 0) -> Any | None:
    """The one a passive ``verb`` is done to."""
    found = _child(verb, PASSIVE_SUBJ)
    if found is None and reduced_passive(verb):
        found = _child(verb, frozenset(["nsubj"]))
    if found is not None:
        return found
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if aux is not None:
        attr = _child(aux, frozenset(["attr", "nsubj"]))
        if attr is not None and attr.i > aux.i:
            return attr  # "Also arrested were Anne Maguire and ..."
    head = verb.head
    if depth > DEPTH or head.i == verb.i:
        return None
    if verb.dep_ in ("acl", "amod") and head.pos_ in NOMINAL:
        return head  # "36 people killed"
    coordinated = verbal_head(verb) if verb.dep_ == "conj" else None
    if coordinated is not None and passive(coordinated):
        return patient_of(coordinated, depth + 1)  # "held hostage and tortured"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERBAL:
        return actor_of(head.head)  # "gave statements before being beheaded"
    if verb.dep_ in ("xcomp", "advcl") and head.pos_ in VERBAL:
        return actor_of(head)
    return None


def gap_object(verb: Any) -> Any | None:
    """``the men they are alleged to have killed``: a relative clause with no
    relative pronoun leaves its noun as the object of its verb."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    tok = verb
    for _ in range(3):
        if tok.dep_ == "relcl":
            break
        if tok.dep_ != "xcomp":
            return None
        tok = tok.head
    else:
        return None
    rel = [c for c in tok.subtree if c.tag_ in ("WDT", "WP", "WP$") and c.i < verb.i]
    if rel or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    subj = _child(tok, SUBJ | PASSIVE_SUBJ)
    return tok.head if subj is not None and subj.i > tok.head.i else None
