"""Read a trigger in its context: light verbs, reversals, negation, intent.

The frames are word lists in ``lexicons/events.toml`` (sections LIGHT,
REVERSAL, NEGATORS, INTENT):

- a light verb takes the type of the event noun it governs (``imposed
  sanctions`` is SANCTION, ``launched an attack`` ASSAULT);
- a reversal verb undoes its object (``lifted sanctions`` concedes,
  ``suspended aid`` sanctions, ``cancelled the visit`` rejects);
- a negated cooperative trigger is a rejection (``failed to reach a deal``);
- the arguments select a sense (``_senses``: ``vowed to crush`` threatens,
  ``crimes committed`` attack, ``must act to stop it`` demands);
- for CAMEO-style coding only (:func:`cameo_reading`), a material action in
  the future or governed by an intent word is an intent: cooperation becomes
  AGREE (CAMEO 03), conflict THREATEN (CAMEO 13). Event records keep the
  action's own type; modality says it is future.
"""

from __future__ import annotations

from typing import Any

from reportedly.extract.events._lexicon import (
    COOPERATIVE,
    STATEMENT,
    Tables,
    Trigger,
    trigger_of,
)
from reportedly.extract.events._objects import (
    ACCUSE,
    AGREE,
    AID,
    ASSAULT,
    DEMAND,
    REJECT,
    THREATEN,
    gives_up,
    grants,
    object_trigger,
    of_object,
    purpose,
    supplies_arms,
    undo_of,
)
from reportedly.extract.events._senses import key, sense
from reportedly.extract.events._violence import OWN_CLAUSE, committed

MATERIAL_COOP = frozenset({"COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


def is_light(tok: Any, tab: Tables) -> bool:
    """A verb whose object noun or purpose clause carries the event
    (``held talks``, ``sent experts to investigate``, ``atrocities
    committed by``)."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma in tab.frames["COMMIT.verbs"]:
        harms = tab.frames["COMMIT.harms"]
        return any(
            c.lemma_.lower() in harms and trigger_of(c, tab) is not None
            for c in committed(tok)
        )
    if (
        lemma in tab.frames["LIGHT.verbs"]
        and object_trigger(tok, tab, statements=True) is not None
        and not supplies_arms(tok, tab)
    ):
        return lemma not in tab.frames["REVERSAL.verbs"]
    return lemma in tab.frames["PURPOSE.verbs"] and purpose(tok, tab) is not None


def undone(tok: Any, tab: Tables) -> bool:
    """Is ``tok`` the object of a reversal (``aid`` in ``suspended aid``)?"""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ not in ("dobj", "compound", "nsubjpass"):
        return False
    lemma = head.lemma_.lower()
    return (
        lemma in tab.frames["REVERSAL.verbs"] or lemma in tab.frames["REVERSAL.nouns"]
    ) and read(head, tab) is not trigger_of(head, tab)


# the parts of speech ``trigger_of`` and ``read`` give a meaning to; a word
# of another is a trigger only as a reversal noun
_READ_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})


def read(tok: Any, tab: Tables) -> Trigger | None:
    """The trigger meaning of ``tok`` in context (light verbs, reversals,
    negation), or None when it is no trigger."""
    reversal = tab.frames["REVERSAL.nouns"]
    pos, lemma = tok.pos_, tok.lemma_.lower()  # read once: every token comes here
    if pos not in _READ_POS and lemma not in reversal:
        return None  # trigger_of reads no other word; nor does what follows
    trig = trigger_of(tok, tab)
    if pos in ("VERB", "AUX"):
        if lemma in tab.frames["REVERSAL.verbs"]:
            obj = object_trigger(tok, tab)
            trig = undo_of(obj, lemma, tab) or gives_up(tok, tab) or trig
        elif lemma in tab.frames["LIGHT.verbs"] and not supplies_arms(tok, tab):
            obj = object_trigger(tok, tab, statements=True)
            trig = grants(tok, tab) or obj or trig
        if lemma in tab.frames["PURPOSE.verbs"] and not (
            lemma in tab.frames["LIGHT.verbs"]
            and object_trigger(tok, tab, statements=True) is not None
        ):  # "sent experts to investigate": the purpose is the event
            trig = purpose(tok, tab) or trig
        elif lemma in tab.frames["PURPOSE.coercive"]:
            ordered = purpose(tok, tab)
            if ordered is not None and ordered.type in MATERIAL_CONFLICT:
                trig = ordered
    elif lemma in tab.frames["REVERSAL.nouns"]:
        obj = of_object(tok)
        undo = undo_of(trigger_of(obj, tab), lemma, tab) if obj is not None else None
        trig = undo or trig
    if trig is not None:
        trig = sense(tok, _twists(tok, trig, lemma, tab), lemma, tab)
    if trig is not None and trig.type in COOPERATIVE and negated(tok, tab):
        return REJECT
    return trig


def _twists(tok: Any, trig: Trigger, lemma: str, tab: Tables) -> Trigger:
    """Violating a ceasefire attacks; calling for sanctions disapproves;
    deploying peacekeepers aids."""
    if lemma in tab.frames["VIOLATION.verbs"]:
        obj = object_trigger(tok, tab)
        if obj is not None and obj.mode == "ceasefire":
            return ASSAULT
    if trig.type == "REQUEST" and trig.cameo == "02":
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        objs += [p for c in tok.children if c.dep_ == "prep" for p in c.children]
        for o in objs:
            hit = trigger_of(o, tab)
            if hit and key(hit) & tab.frames["DISAPPROVAL.objects"]:
                return ACCUSE
    moves = trig.type == "MOBILIZE" or trig.mode == "visit"
    if moves and _peacekeeping(tok, tab):  # "peacekeepers arrived in Juba"
        return AID
    return trig


def _peacekeeping(tok: Any, tab: Tables) -> bool:
    """Does the deployment send peacekeepers or observers?"""
    words = tab.frames["PEACEKEEPING.words"]
    return any(
        t.lower_ in words
        for c in tok.children
        if c.dep_ not in OWN_CLAUSE
        for t in c.subtree
    )


def negated(tok: Any, tab: Tables) -> bool:
    """``not agree``, ``failed to agree``, ``refused to hold talks``."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("xcomp", "dobj") and head.i != tok.i:
        if head.lemma_.lower() in tab.frames["NEGATORS.verbs"]:
            return True
        if tok.dep_ == "dobj" and any(c.dep_ == "neg" for c in head.children):
            return True
    return False


def _intent(tok: Any, tab: Tables) -> bool:
    verb = tok.head if tok.dep_ == "dobj" else tok
    if any(
        c.dep_ == "aux" and c.lower_ in tab.frames["INTENT.auxiliaries"]
        for c in verb.children
    ):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        return (
            head.lemma_.lower() in tab.frames["INTENT.verbs"]
            or head.lower_ in tab.frames["INTENT.adjectives"]
        )
    return False


def _denies(tok: Any, tab: Tables) -> bool:
    """``denied the charges``, ``rejected accusations``, ``declined to
    comment``: CAMEO 016 deny responsibility and 011 decline comment."""
    for c in tok.children:
        if c.dep_ == "dobj":
            if c.lemma_.lower() in tab.frames["DENIAL.objects"]:
                return True
            hit = trigger_of(c, tab)
            if hit is not None and hit.type == "ACCUSE" and hit.mode is None:
                return True
        if c.dep_ == "xcomp" and c.i > tok.i:
            hit = trigger_of(c, tab)
            if hit is not None and hit.type == STATEMENT:
                return True
    return False


def cameo_reading(tok: Any, trig: Trigger, tab: Tables) -> Trigger:
    """CAMEO's view of a trigger: intended actions are intents (03 / 13),
    actions someone must do are demands (10), denying charges or declining
    to comment are statements (016, 011: root 01, PLOVER type kept)."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    if trig.type == "REJECT" and _denies(tok, tab):
        return Trigger("REJECT", "01", None, trig.quad)
    modals = tab.frames["DEMAND.auxiliaries"]
    if trig.type not in ("REQUEST", STATEMENT) and any(
        c.dep_ == "aux" and c.lower_ in modals for c in verb.children
    ):
        return DEMAND
    if trig.type in MATERIAL_COOP | MATERIAL_CONFLICT and _intent(tok, tab):
        return AGREE if trig.type in MATERIAL_COOP else THREATEN
    return trig
