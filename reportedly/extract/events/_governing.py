"""What the clauses governing an event say of it: subordinating marks
(``if``, ``whether``, ``as happened``) and governing verbs (``called on X to``,
``needed to``, ``is considering``, ``plans to``, ``are believed to``).

Word lists live in ``lexicons/cues.toml`` under ``[modality]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import sent_of
from reportedly.lexicons import load_toml

CLIMB = ("xcomp", "conj", "ccomp", "advcl")


def words(key: str) -> frozenset[str]:
    """One ``[modality]`` list of cues.toml, lower case."""
    return frozenset(
        w.lower() for w in load_toml("cues.toml").get("modality", {}).get(key, [])
    )


def is_a(tok: Any, key: str) -> bool:
    w = words(key)
    return tok.lemma_.lower() in w or tok.lower_ in w


def _realised(clause: Any) -> bool:
    """``If X forces a shutdown, as happened this weekend``: it happened."""
    for c in clause.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and "as" in marks and is_a(c, "realised_verbs"):
            return True
    doc = clause.doc
    i = clause.right_edge.i + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    nxt = doc[i : i + 4]
    return (
        len(nxt) >= 2
        and nxt[0].lower_ == "as"
        and any(is_a(t, "realised_verbs") for t in nxt[1:])
    )


def mark_of(h: Any) -> str | None:
    """The modality a subordinating mark of clause ``h`` gives, if any."""
    for m in h.children:
        if m.dep_ != "mark":
            continue
        if m.lower_ == "whether":
            return "hypothetical"
        if m.lower_ in words("conditional_marks"):
            if _asked(h, m):
                return "hypothetical"  # "asked if ...": a question
            return None if _realised(h) else "conditional"
    return None


def _asked(h: Any, mark: Any) -> bool:
    """Is the ``if`` clause ``h`` a question (``asked directly if ...``)?"""
    if h.head.i != h.i and is_a(h.head, "question_heads"):
        return True
    before = [t for t in h.doc[max(0, mark.i - 3) : mark.i] if t.pos_ != "ADV"]
    return bool(before) and is_a(before[-1], "question_heads")


def _subjunctive(h: Any) -> bool:
    """``that he be handed over``, ``that Russia stop``, ``that it should go``."""
    aux = [c for c in h.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in words("obligation_modals") for c in aux):
        return True
    if h.tag_ == "VB" and not aux:
        return True
    return len(aux) == 1 and aux[0].lower_ == "be" and aux[0].tag_ == "VB"


def _head_frame(h: Any) -> str | None:
    """The modality the verb governing clause ``h`` gives it."""
    head = h.head
    infinitive = h.dep_ == "xcomp" or (
        h.dep_ in ("ccomp", "advcl") and any(c.lower_ == "to" for c in h.children)
    )
    if infinitive:
        own_subject = any(c.dep_ == "nsubj" for c in h.children)
        if own_subject and is_a(head, "wish_heads"):
            return "demanded"  # "wants Moscow to stop the strikes"
        for key, mod in (
            ("demand_heads", "demanded"),
            ("obligation_heads", "demanded"),
            ("deliberation_heads", "hypothetical"),
            ("likely_heads", "hypothetical"),
            ("future_heads", "future"),
        ):
            if is_a(head, key):
                return mod
        if is_a(head, "alleged_heads") and head.tag_ == "VBN":
            return "alleged"  # "are believed to have seized"
    if h.dep_ == "ccomp" and is_a(head, "subjunctive_heads") and _subjunctive(h):
        return "demanded"  # "demanded that he be handed over"
    if h.dep_ in ("acl", "ccomp", "appos") and is_a(head, "hearsay_nouns"):
        return "alleged"  # "unconfirmed reports that ... were killed"
    if any(c.dep_ == "advmod" and is_a(c, "alleged_adverbs") for c in h.children):
        return "alleged"  # "have reportedly led Riyadh to renege"
    return None


def _clauses(verb: Any) -> Iterator[Any]:
    """``verb`` and the clauses governing it, innermost first (at most 5)."""
    h = verb
    for _ in range(5):
        yield h
        if h.head.i == h.i or h.dep_ not in CLIMB:
            return
        h = h.head


def frames(verb: Any) -> str | None:
    """Marks and governing verbs of the event's clause and those above it."""
    for h in _clauses(verb):
        found = mark_of(h) or _head_frame(h)
        if found is not None:
            return found
    return _shared_infinitive(verb)


def _shared_infinitive(verb: Any) -> str | None:
    """``needed to state ..., push Assad ...``: a bare verb with neither
    subject nor auxiliary continues the infinitive before it in its sentence."""
    bare = verb.tag_ == "VB" and verb.dep_ in ("ccomp", "conj", "dep")
    if not bare or any(c.dep_ in ("nsubj", "aux", "mark") for c in verb.children):
        return None
    for t in reversed(verb.doc[sent_of(verb).start : verb.i]):
        if t.tag_ == "VB" and any(c.lower_ == "to" for c in t.children):
            return _head_frame(t)
    return None
