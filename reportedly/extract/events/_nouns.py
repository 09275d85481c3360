"""Participants of an event noun, and of nouns that only carry an entity
(used by ``_args``).

An event noun's actor is its possessor or a named modifier (``Russia's
airstrikes``, ``the IRA bomb attacks``, ``a regime offensive``), its
``by``/``from`` phrase, or the subject of the verb it is the object of
(``Russia launched airstrikes``, ``agreed to a ceasefire``); the agent of a
passive it is the subject of (``the airstrikes are carried out by X``); the
owner of the noun it stands in apposition to (``Tillerson's first stop - a
visit to Egypt``). Of a noun of something done to someone (``their
arrests``, ``the release of the hostages``) the possessor and the ``of``
phrase are the recipient. ``negotiations between X and Y``: X and Y. The
subject of ``received``, ``faced``, ``drew`` receives the event; the
subject of ``died in an airstrike`` is its victim, and of ``killed in
clashes with Y`` the one Y fought.
"""

from __future__ import annotations

from typing import Any

from reportedly.extract.actors import code_actor
from reportedly.extract.actors._words import never, words
from reportedly.extract.events._control import actor_of, passive, patient_of
from reportedly.extract.events._frames import read
from reportedly.extract.events._lexicon import tables
from reportedly.extract.events._roles import other_event, responsible, stray_against

RECIPIENT_PREPS = frozenset(
    ["on", "against", "with", "to", "at", "into", "toward", "towards", "upon"]
)
NOUN_ACTOR_PREPS = frozenset(["by", "from"])
NAMED = frozenset(["NORP", "GPE", "ORG", "PERSON"])
CARRIER_PREPS = ("by", "of", "against", "on", "for", "with")
GOAL_PREPS = frozenset(["to", "for", "on"])  # "agreed to a ceasefire"


def agent(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def deep_by(verb: Any) -> Any | None:
    """The agent of a passive, also one the parser hung on a phrase of the
    verb: ``carried out with impunity by X``."""
    found = agent(verb)
    for c in verb.children if found is None else ():
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj":
                    found = found or prep_object(p, {"by"})
    return found


def prep_object(tok: Any, preps: frozenset[str] | set[str]) -> Any | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i:
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _named(tok: Any) -> bool:
    """A modifier that names an actor: an entity or an actor word (``regime``)."""
    if tok.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    if tok.pos_ == "PROPN":
        return code_actor(tok.text) is not None  # "IRA bomb attacks"
    return tok.pos_ == "NOUN" and tok.lower_ in words("actor_modifiers")


def _modifier(noun: Any) -> Any | None:
    """The possessor or named modifier before a noun, one compound deep:
    ``the IRA bomb attacks`` -> IRA."""
    found = None
    for c in noun.children:
        if c.i > noun.i:
            continue
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and _named(c)):
            found = c
        elif c.dep_ == "compound" and found is None:
            found = next(
                (g for g in c.children if g.dep_ == "compound" and _named(g)), None
            )
    return found


def _lemma_in(noun: Any, section: str) -> bool:
    found = words(section)
    return noun.lemma_.lower() in found or noun.lower_ in found


def _patient(noun: Any) -> bool:
    return _lemma_in(noun, "patient_nouns")


def _of_object(noun: Any) -> Any | None:
    return prep_object(noun, {"of"})


def _between(noun: Any) -> tuple[Any | None, Any | None]:
    """``negotiations between X and Y``: X and Y."""
    first = prep_object(noun, {"between"})
    if first is None:
        return None, None
    other = next((c for c in first.children if c.dep_ == "conj"), None)
    return first, other


def _own(noun: Any) -> tuple[Any | None, Any | None]:
    """What the noun phrase itself says: modifiers and prepositions."""
    actor, rec = _modifier(noun), None
    of = _of_object(noun)
    if actor is not None and actor.dep_ == "poss" and of is None and _patient(noun):
        actor, rec = None, actor  # "their arrests"
    if of is not None and (_patient(noun) or _lemma_in(noun, "transitive_nouns")):
        rec = rec or of  # "the release of the hostages", "invasion of Iraq"
    actor = actor or agent(noun) or prep_object(noun, NOUN_ACTOR_PREPS)
    actor = actor or responsible(noun)  # "claimed responsibility for the attack"
    if actor is None and rec is not of and of is not None and of.ent_type_ in NAMED:
        actor = of  # "with the cooperation of the UK"
    elif rec is None and of is not None and actor is not None and actor.dep_ == "poss":
        rec = of if of.ent_type_ in NAMED else carrier(of)  # "Russia's backing of X"
    if actor is None:
        actor, rec2 = _between(noun)
        rec = rec or rec2
    got = prep_object(noun, preps := RECIPIENT_PREPS | {"among", "between"})
    if got is not None and got.head.lower_ == "with" and not entityish(got):
        got = prep_object(noun, preps - {"with"})  # "with Seoul", not "with anger"
    rec = rec or got
    benefit = prep_object(noun, {"for"})  # "support for the YPG", not "for propaganda"
    if rec is None and benefit is not None and entityish(benefit):
        rec = benefit
    return actor, rec


def _by_head(noun: Any, actor: Any, rec: Any) -> tuple[Any | None, Any | None]:
    """What the verb a noun depends on says of it."""
    head = noun.head
    if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
        return actor, rec
    if noun.dep_ in ("dobj", "attr") and actor is None:
        if head.lemma_.lower() in words("receiving"):
            return None, rec or actor_of(head)  # "drew criticism"
        if passive(head):
            return deep_by(head), rec or patient_of(head)  # "was given a sentence"
        if head.lemma_.lower() not in words("stance_verbs") and not other_event(
            noun, head
        ):
            actor = actor_of(head)  # "Russia launched airstrikes", "held talks"
        rec = rec or prep_object(head, RECIPIENT_PREPS) or shared_object(head)
        rec = rec or stray_against(noun, head)
    elif noun.dep_ in ("nsubj", "nsubjpass") and actor is None and passive(head):
        actor = deep_by(head)  # "the airstrikes are carried out by X"
    return actor, rec


def shared_object(verb: Any) -> Any | None:
    """``accused the US of bad faith and delivered an ultimatum``: a verb
    coordinated with one whose object is a named entity, with no subject or
    object of its own, is done to that entity too."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dative") for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ in NAMED):
        return None
    return obj


def noun_args(noun: Any) -> tuple[Any | None, Any | None]:
    """Return the (actor, recipient) heads of an event noun trigger."""
    actor, rec = _own(noun)
    actor, rec = _by_head(noun, actor, rec)
    head = noun.head
    if actor is None and noun.dep_ == "appos":
        actor = next((c for c in head.children if c.dep_ == "poss"), None)
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        verb = head.head
        if verb.pos_ in ("VERB", "AUX"):
            actor, rec = _in_verb(noun, head, verb, actor, rec)
    if rec is None:
        rec = _relative_victims(noun)  # "the bombs which killed seven people"
    if _dated(rec) and noun.dep_ == "nsubj" and not passive(head):
        rec = _victims_of(head) or rec  # "air strikes on Tuesday killed 39 people"
    return actor, rec


def _dated(tok: Any | None) -> bool:
    """No recipient yet, or only a date (``strikes on Tuesday``)."""
    return tok is None or tok.ent_type_ in ("DATE", "TIME")


def _victims_of(verb: Any) -> Any | None:
    if verb.lemma_.lower() not in words("victim_verbs"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _in_verb(
    noun: Any, prep: Any, verb: Any, actor: Any, rec: Any
) -> tuple[Any | None, Any | None]:
    """A noun in a verb's prepositional phrase: ``agreed to a ceasefire``,
    ``killed by a drone strike``, ``died in an airstrike``."""
    low = prep.lower_
    if prep.dep_ == "agent" or (low == "by" and passive(verb)):
        return actor, rec or patient_of(verb)  # "was killed by a drone strike"
    if low == "in" and verb.lemma_.lower() in words("victim_verbs"):
        victims = patient_of(verb) if passive(verb) else actor_of(verb)
        if actor is None and noun.lemma_.lower() in words("reciprocal"):
            return victims, rec  # "killed in clashes with US forces"
        return actor, rec or victims  # "died in an American airstrike"
    goal = low in GOAL_PREPS and not other_event(noun, verb)  # not "cracked down on"
    if actor is None and goal and not passive(verb):
        actor = actor_of(verb)  # "agreed to a ceasefire", "called for talks"
    if actor is None and not passive(verb) and _takes_part(noun, low, verb):
        actor = actor_of(verb)  # "Blair is at a summit", "responded with strikes"
    return actor, rec


def _takes_part(noun: Any, prep: str, verb: Any) -> bool:
    """The verb's subject does the noun's event: it attends a meeting
    (``is at a summit``, ``flew to the talks``) or answers with an act
    (``responded with air strikes``)."""
    lem = verb.lemma_.lower()
    if prep == "with":
        return lem in words("with_verbs")
    found = read(noun, tables())
    meeting = found is not None and found.type == "CONSULT"
    return meeting and prep in ("at", "to", "for", "in") and lem in words("attendance")


def _relative_victims(noun: Any) -> Any | None:
    for c in noun.children:
        if c.dep_ == "relcl" and (victims := _victims_of(c)) is not None:
            return victims
    return None


def in_event(verb: Any) -> Any | None:
    """``killed in clashes with US forces``: the other side of the event
    noun a passive verb happened in, or that event's own actor."""
    if verb.lemma_.lower() not in words("victim_verbs"):
        return None
    noun = prep_object(verb, {"in", "during"})
    if noun is None or read(noun, tables()) is None:
        return None
    own = _modifier(noun) or agent(noun) or prep_object(noun, NOUN_ACTOR_PREPS)
    return own or prep_object(noun, {"with"})


def _plain(tok: Any) -> bool:
    """A common noun that is neither abstract nor an event."""
    lemma = tok.lemma_.lower()
    if lemma in never() or tok.lower_ in never():
        return False
    return read(tok, tables()) is None


def entityish(tok: Any) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAMED or _group(tok)


def _group(tok: Any) -> bool:
    return tok.tag_ == "NNS" or code_actor(tok.lower_) is not None


def carrier(tok: Any | None, depth: int = 0) -> Any | None:
    """A recipient that is an abstract or event noun gives way to the entity
    it carries: ``quashed the sentences of X``, ``dismissed X's Budget``,
    ``an insurgency against the state``, ``violations of the law by X``."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return tok
    if tok.pos_ == "PROPN" and tok.lemma_.lower() not in never():
        return tok
    if _plain(tok):
        return tok
    for c in tok.children:
        if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ in NAMED):
            return c
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i and c.ent_type_ in NAMED:
            return c  # "hit back at the Tory proposals"
    for prep in CARRIER_PREPS:
        p = prep_object(tok, {prep})
        if p is not None and (p.pos_ == "PROPN" or p.ent_type_ in NAMED):
            return p
        if p is not None and p.pos_ == "NOUN" and _plain(p) and _group(p):
            return p  # "against the Turkish state"
        if p is not None and depth == 0 and prep in ("of", "on"):
            inner = carrier(p, 1)  # "violations of the treaty by Iran"
            if inner is not p and inner is not None:
                return inner
    return tok
