"""Arguments of an event trigger on the parse: actors, recipients, quantities.

Actors are the trigger's subject (a passive's ``by``-agent, also one hung on
the verb's complement: ``forced to undergo checks by X``), recipients its
object or prepositional object (also the complement's: ``threatened to use
force on them``); a coordination (``X and Y``) gives one argument per
conjunct. A relative pronoun stands for the noun its clause hangs on (``the
Taliban, who refused``); a subject that is an event (``the army's attack on
the village killed``) gives way to that event's actor; a dateline (``HANOI
(AP) --``) is no subject; ``claimed responsibility for shooting down`` is
done by the claimer. Names joined by hyphens stay whole (``Lashkar-e-Taiba``).
Dates, times and weekday or month names are never arguments. Quantities are
numbers modifying a noun in the event clause (``eight IS targets`` -> 8
targets), number words included.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import Range, noun_phrase, subject_of
from reportedly.extract.events._roles import (
    event_subject,
    from_dateline,
    hyphen_range,
    relation_name,
    relative_head,
    responsible,
    skip_arg,
)

RECIPIENT_PREPS = frozenset(
    ["on", "against", "with", "to", "at", "into", "toward", "towards", "upon"]
)
NOUN_ACTOR_PREPS = frozenset(["by", "from"])
OBJECTS = frozenset(["dobj", "dative", "attr", "oprd"])
NOMINAL_POS = frozenset(["NOUN", "PROPN", "PRON", "NUM", "X"])
PRONOUNS_SKIP = frozenset(["it", "that", "which", "this", "there", "what"])

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
SCALES_APPROX = {"dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000}


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the tokens coordinated with it (``X, Y and Z``)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in NOMINAL_POS:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _np(tok: Any) -> Range:
    """The phrase of one conjunct, without the conjuncts that follow it."""
    lo, hi = hyphen_range(tok, noun_phrase(tok))
    for c in tok.children:
        if c.dep_ in ("cc", "conj") and c.i > tok.i:
            hi = min(hi, c.left_edge.idx)
    # trim trailing commas and semicolons token by token: Doc.text would
    # rebuild the whole text on every call
    doc, j = tok.doc, tok.right_edge.i
    while j > tok.i and (doc[j].idx >= hi or doc[j].text in (",", ";")):
        j -= 1
    end = min(hi, doc[j].idx + len(doc[j].text))
    return (lo, end) if end > lo else (tok.idx, tok.idx + len(tok.text))


def arg_ranges(tok: Any | None) -> list[Range]:
    """One range per conjunct of an argument head (hyphenated names whole)."""
    if tok is not None:
        tok = relative_head(tok)
    if tok is not None:
        tok = relation_name(tok)
    if tok is None or tok.lower_ in PRONOUNS_SKIP:
        return []
    ranges = sorted(_np(t) for t in conjuncts(tok) if not skip_arg(t) and t.is_alpha)
    out: list[Range] = []
    for r in ranges:
        if out and r[0] <= out[-1][1]:  # a conjunct inside a hyphenated name
            out[-1] = (out[-1][0], max(out[-1][1], r[1]))
        else:
            out.append(r)
    return out


def _passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _prep_object(tok: Any, preps: frozenset[str]) -> Any | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _complement(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ == "xcomp"), None)


def _deep_agent(verb: Any) -> Any | None:
    """``forced to undergo security checks by X``: a by-agent on the complement."""
    comp = _complement(verb)
    if comp is None:
        return None
    found = _agent(comp)
    for c in comp.children if found is None else ():
        if c.dep_ == "dobj":
            found = found or _agent(c)
    return found


def verb_args(verb: Any) -> tuple[Any | None, Any | None]:
    """Return the (actor, recipient) heads of a verb trigger."""
    if _passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")):
        actor = _agent(verb) or _deep_agent(verb)
        rec = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if rec is None and verb.dep_ in ("acl", "amod"):
            rec = verb.head  # "36 people killed"
        return actor, rec
    actor = responsible(verb) or subject_of(verb)
    if actor is not None:
        actor = from_dateline(actor, verb)
    if actor is not None:
        actor = event_subject(actor, noun_args)
    rec = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if rec is None:
        rec = _prep_object(verb, RECIPIENT_PREPS)
    comp = _complement(verb)
    if rec is None and comp is not None:
        rec = _prep_object(comp, RECIPIENT_PREPS)  # "threatened to use X on them"
    return actor, rec


def noun_args(noun: Any) -> tuple[Any | None, Any | None]:
    """Return the (actor, recipient) heads of an event noun trigger."""
    actor = None
    for c in noun.children:
        if c.i < noun.i and (
            c.dep_ == "poss"
            or (
                c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
            )
        ):
            actor = c
    actor = actor or _agent(noun) or _prep_object(noun, NOUN_ACTOR_PREPS)
    actor = actor or responsible(noun)  # "claimed responsibility for the attack"
    rec = _prep_object(noun, RECIPIENT_PREPS | {"between", "among", "against"})
    head = noun.head
    if actor is None and noun.dep_ in ("dobj", "attr") and head.pos_ == "VERB":
        actor = subject_of(head)  # "Russia launched airstrikes", "held talks"
        rec = rec or _prep_object(head, RECIPIENT_PREPS)
    return actor, rec


def _number_value(toks: list[Any]) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for t in toks:
        w = t.lower_.replace(",", "")
        try:
            current += float(w)
            seen = True
            continue
        except ValueError:
            pass
        if w in UNITS:
            current += UNITS[w]
            seen = seen or w not in ("a", "an")
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            total, current, seen = total + current, 0.0, True
        elif w in SCALES_APPROX:
            current = max(current, 1) * SCALES_APPROX[w]
            seen = True
        elif w in ("and", "-"):
            continue
        else:
            return None
    return total + current if seen else None


def _numeric(t: Any) -> bool:
    w = t.lower_
    return t.like_num or w in UNITS or w in SCALES or w in SCALES_APPROX


def quantities(doc: Any, lo: int, hi: int) -> Iterator[tuple[float, str, int, int]]:
    """Yield (value, unit, start_char, end_char) for counted nouns in tokens lo..hi."""
    seen: set[int] = set()
    covered: set[int] = set()
    for t in doc[lo : hi + 1]:
        if t.dep_ != "nummod" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = t.head
        if head.i < t.i:
            continue
        a = b = t.i  # the contiguous number words around t ("two hundred and fifty")
        while a > 0 and (
            _numeric(doc[a - 1])
            or (doc[a - 1].lower_ in ("and", "-") and a > 1 and _numeric(doc[a - 2]))
        ):
            a -= 1
        while b + 1 < head.i and (
            _numeric(doc[b + 1])
            or (doc[b + 1].lower_ in ("and", "-") and _numeric(doc[b + 2]))
        ):
            b += 1
        if any(
            doc[k].dep_ == "nummod" and doc[k].head.i == head.i
            for k in range(b + 1, head.i)
        ):
            continue
        value = _number_value(list(doc[a : b + 1]))
        if value is None:
            continue
        first = min(doc[a], t.left_edge, key=lambda x: x.i)
        if first.i in seen:
            continue
        seen.add(first.i)
        covered.update(range(first.i, head.i + 1))
        yield value, head.lower_, first.idx, head.idx + len(head.text)
    # "eight IS targets": the parser read "IS" as a verb and lost the nummod
    for t in doc[lo : hi + 1]:
        if t.i in covered or not _numeric(t) or t.dep_ == "nummod":
            continue
        if t.i > 0 and _numeric(doc[t.i - 1]):
            continue
        for k in range(t.i + 1, min(t.i + 4, hi + 1)):
            nxt = doc[k]
            if nxt.is_punct or nxt.is_space or _numeric(nxt):
                break
            if nxt.tag_ == "NNS":
                value = _number_value([t])
                if value is not None:
                    covered.add(t.i)
                    yield value, nxt.lower_, t.idx, nxt.idx + len(nxt.text)
                break
