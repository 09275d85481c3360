"""Arguments of an event trigger on the parse: actors and recipients.

Actors are the trigger's subject, or who controls it (``_control``: ``urged
X to``, ``accused X of``, ``Before invading ..., X``, a participle on a
noun, a passive raising verb), a passive's ``by``-agent (also one hung on
the verb's complement: ``forced to undergo checks by X``; an event agent
gives way to its own actor); recipients the object or prepositional object
(also the complement's: ``threatened to use force on them``; an abstract
object gives way to the entity it carries, ``_nouns.carrier``), a passive's
subject (``_control.patient_of``). Event nouns are read in ``_nouns``. A
coordination (``X and Y``) gives one argument per conjunct, but one name
stays whole (``Trinidad and Tobago``, ``Lashkar-e-Taiba``); ``several of
X`` is X; ``talks between X and Y``: X, then Y. A relative pronoun stands
for the noun its clause hangs on (``the Taliban, who refused``); a subject
that is an event (``the army's attack on the village killed``) gives way to
that event's actor; a dateline (``HANOI (AP) --``) is no subject;
``claimed responsibility for shooting down`` is done by the claimer. Dates,
times and weekday or month names are never arguments; ``it`` only as the
subject of an act. Quantities are in ``_quantities``.
"""

from __future__ import annotations

from typing import Any

from reportedly.extract._spans import Range, ents_in, noun_phrase, sent_of
from reportedly.extract.actors._words import never, words
from reportedly.extract.events._control import (
    actor_of,
    gap_object,
    passive,
    patient_of,
    reduced_passive,
    stative,
)
from reportedly.extract.events._frames import read
from reportedly.extract.events._lexicon import tables
from reportedly.extract.events._nouns import (
    RECIPIENT_PREPS,
    agent,
    carrier,
    entityish,
    in_event,
    noun_args,
    prep_object,
    shared_object,
)
from reportedly.extract.events._quantities import _number_value, quantities
from reportedly.extract.events._roles import (
    event_subject,
    from_dateline,
    hyphen_range,
    relation_name,
    relative_head,
    responsible,
    skip_arg,
)

OBJECTS = frozenset(["dobj", "dative", "attr", "oprd"])
NOMINAL_POS = frozenset(["NOUN", "PROPN", "PRON", "NUM", "X"])
PRONOUNS_SKIP = frozenset(["it", "that", "which", "this", "there", "what"])

EXPLETIVE_HEADS = frozenset(["be", "seem", "appear", "happen", "take", "look"])

__all__ = ["_number_value", "arg_ranges", "noun_args", "quantities", "verb_args"]


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


def phrase(tok: Any) -> Range:
    """The phrase of one conjunct, without the conjuncts that follow it."""
    lo, hi = hyphen_range(tok, noun_phrase(tok))
    for c in tok.children:
        if c.dep_ in ("cc", "conj") and c.i > tok.i:
            hi = min(hi, c.left_edge.idx)
        elif (
            c.dep_ == "prep"
            and c.i > tok.i
            and any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in c.children)
        ):
            hi = min(hi, c.idx)  # "accused the chancellor of lying"
    # trim trailing commas and semicolons token by token: Doc.text would
    # rebuild the whole text on every call
    doc, j = tok.doc, tok.right_edge.i
    while j > tok.i and (doc[j].idx >= hi or doc[j].text in (",", ";")):
        j -= 1
    end = min(hi, doc[j].idx + len(doc[j].text))
    return (lo, end) if end > lo else (tok.idx, tok.idx + len(tok.text))


def _referring_it(tok: Any) -> bool:
    """``it`` as the subject of an act refers to something (``it overturned
    the sentences``); as an object, the subject of a passive, or before an
    extraposed clause (``it is wrong to suggest``), it names no actor."""
    head = tok.head
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.dep_ == "nsubjpass" and not stative(head):
        return False  # "it would be provided": a thing
    if head.lemma_.lower() not in EXPLETIVE_HEADS:
        return True
    late = [c for c in head.children if c.i > head.i]
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in late)
    return not clause and head.lemma_.lower() == "be"


def counted(tok: Any) -> Any:
    """``several, and maybe dozens, of Russian nationals``: the group counted;
    ``a convoy of pro-regime forces``: the group gathered."""
    for t in conjuncts(tok):
        if t.lower_ in words("quantifiers") or (
            t.pos_ == "NOUN" and t.lemma_.lower() in words("collectives")
        ):
            found = prep_object(t, {"of"})
            if found is not None and found.pos_ in ("NOUN", "PROPN"):
                return found
    return tok


def arg_ranges(tok: Any | None) -> list[Range]:
    """One range per conjunct of an argument head (hyphenated names whole)."""
    if tok is not None:
        tok = relative_head(tok)
    if tok is not None:
        tok = relation_name(tok)
    if tok is not None:
        tok = counted(tok)
    if tok is None or (tok.lower_ in PRONOUNS_SKIP and not _referring_it(tok)):
        return []
    sides = [tok] if tok.dep_ == "pobj" and tok.head.lower_ == "between" else None
    toks = sides or conjuncts(tok)  # "talks between X and Y": X, then Y
    ranges = sorted(phrase(t) for t in toks if not skip_arg(t) and t.is_alpha)
    names = [(e.start_char, e.end_char) for e in ents_in(sent_of(tok))]
    out: list[Range] = []
    for r in ranges:
        # a conjunct inside a hyphenated name, or one name ("Trinidad and Tobago")
        if out and (r[0] <= out[-1][1] or _one_name(names, out[-1], r)):
            out[-1] = (out[-1][0], max(out[-1][1], r[1]))
        else:
            out.append(r)
    return out


def _one_name(names: list[Range], a: Range, b: Range) -> bool:
    return any(lo <= a[0] < hi and lo < b[0] < hi for lo, hi in names)


def _complement(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ == "xcomp"), None)


def _deep_agent(verb: Any) -> Any | None:
    """``forced to undergo security checks by X``: a by-agent on the complement."""
    comp = _complement(verb)
    if comp is None:
        return None
    found = agent(comp)
    for c in comp.children if found is None else ():
        if c.dep_ == "dobj":
            found = found or agent(c)
    return found


def _passive_args(verb: Any) -> tuple[Any | None, Any | None]:
    """``X was shot by Y``: the agent acts (an event agent gives way to its own
    actor: ``killed by a drone strike``); ``killed in clashes with Y``: Y."""
    actor = agent(verb) or _deep_agent(verb)
    if actor is not None:
        actor = event_subject(actor, noun_args)
    if actor is None:
        actor = in_event(verb)
    return actor, patient_of(verb)


def verb_args(verb: Any) -> tuple[Any | None, Any | None]:
    """Return the (actor, recipient) heads of a verb trigger."""
    if (
        passive(verb)
        or reduced_passive(verb)
        or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))
    ):
        return _passive_args(verb)
    actor = responsible(verb) or actor_of(verb)
    if actor is not None:
        actor = from_dateline(actor, verb)
    if actor is not None:
        actor = relative_head(actor)  # "the bombs which killed": the bombs
    if actor is not None:
        actor = event_subject(actor, noun_args)
    if actor is None and verb.dep_ == "acl" and read(verb.head, tables()) is not None:
        actor = noun_args(verb.head)[0]  # "a Russian threat to attack": Russia
    rec = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if rec is None:
        rec = prep_object(verb, RECIPIENT_PREPS)
    comp = _complement(verb)
    if rec is None and comp is not None:
        rec = prep_object(comp, RECIPIENT_PREPS)  # "threatened to use X on them"
        # "vowed to punish the attackers", not "agreed to cut its output"
        rec = rec or next(
            (c for c in comp.children if c.dep_ == "dobj" and entityish(c)), None
        )
    rec = rec or gap_object(verb)  # "the town they attacked"
    if rec is None or read(rec, tables()) is not None:
        rec = shared_object(verb) or rec  # "accused X ... and delivered an ultimatum"
    carried = carrier(rec)
    if carried is rec and rec is not None and rec.lemma_.lower() in never():
        # "overturned the sentences on the Maguire Seven"
        carried = prep_object(verb, RECIPIENT_PREPS) or rec
    return actor, carried
