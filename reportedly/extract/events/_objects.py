"""What a verb's object, purpose clause or granted request says: the event
noun a light verb governs (``imposed sanctions``), the purpose a sending
serves (``sent experts to investigate``), what an acceptance grants
(``accepted the demands``). Used by ``_frames`` and ``_senses``."""

from __future__ import annotations

from typing import Any

from reportedly.extract.events._lexicon import (
    COOPERATIVE,
    STATEMENT,
    Tables,
    Trigger,
    trigger_of,
)

COOPERATE = Trigger("COOPERATE", "06", None, "material_coop")
AID = Trigger("AID", "07", None, "material_coop")
CONCEDE = Trigger("CONCEDE", "08", None, "verbal_coop")
RETREAT = Trigger("RETREAT", "08", None, "material_coop")
AGREE = Trigger("AGREE", "03", None, "verbal_coop")
REJECT = Trigger("REJECT", "12", None, "verbal_conflict")
ACCUSE = Trigger("ACCUSE", "11", None, "verbal_conflict")
DEMAND = Trigger("REQUEST", "10", None, "verbal_conflict")
THREATEN = Trigger("THREATEN", "13", None, "verbal_conflict")
SANCTION = Trigger("SANCTION", "16", None, "material_conflict")
ASSAULT = Trigger("ASSAULT", "18", None, "material_conflict")
OBJECTS = ("dobj", "nsubjpass")
VB = ("VB", "VBN")


def object_trigger(tok: Any, tab: Tables, statements: bool = False) -> Trigger | None:
    """The meaning of the event noun a verb governs (``imposed sanctions``)."""
    for c in tok.children:
        if c.dep_ in OBJECTS:
            if c.lemma_.lower() in tab.frames["REVERSAL.cooperative_objects"]:
                return COOPERATE
            if c.lemma_.lower() in tab.frames["REVERSAL.nouns"]:
                # "announced a suspension of aid" sanctions
                of = of_object(c)
                undo = of is not None and undo_of(trigger_of(of, tab), c.lemma_, tab)
                if undo:
                    return undo
            mods = [m for m in c.children if m.dep_ == "compound"]
            mods += [  # "part of a military aid program"
                p
                for m in c.children
                if m.dep_ == "prep" and m.lower_ == "of"
                for p in m.children
            ]
            for t in (c, *mods):
                trig = trigger_of(t, tab)
                if trig is not None and (statements or trig.type != STATEMENT):
                    return trig
    for c in tok.children:  # "agreed to a trade deal"
        if c.dep_ == "prep" and c.lower_ in ("to", "on") and c.i > tok.i:
            for p in c.children:
                trig = trigger_of(p, tab) if p.dep_ == "pobj" else None
                if trig is not None and trig.type != STATEMENT:
                    return trig
    return None


def supplies_arms(tok: Any, tab: Tables) -> bool:
    """``delivering missiles``: a supply verb whose object is a weapon (goods,
    not an attack)."""
    if tok.lemma_.lower() not in tab.frames["SUPPLY.verbs"]:
        return False
    munitions = tab.frames["SUPPLY.munitions"]
    return any(c.dep_ in OBJECTS and c.lower_ in munitions for c in tok.children)


def of_object(tok: Any) -> Any | None:
    """``suspension of aid`` -> aid; ``aid suspension`` -> aid."""
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def gives_up(tok: Any, tab: Tables) -> Trigger | None:
    """``abandoned the fight``: a reversal of a struggle retreats."""
    given = tab.frames["REVERSAL.retreat_objects"]
    if any(c.dep_ in OBJECTS and c.lower_ in given for c in tok.children):
        return RETREAT
    return None


def undo_of(obj: Trigger | None, lemma: str, tab: Tables) -> Trigger | None:
    """What undoing ``obj`` does: ending a fight retreats (CAMEO 087),
    lifting a restriction or dropping a charge concedes, cancelling talks
    or wrecking a deal rejects, suspending aid sanctions."""
    if obj is None or obj.type == STATEMENT:
        return None
    kind = obj.type.lower()
    if lemma in tab.frames["REVERSAL.bombing"] and kind == "assault":
        return tab.nouns["bombing"]  # "dropped barrel bombs"
    if kind in tab.frames["REVERSAL.retreat_from"]:
        return RETREAT
    if kind in tab.frames["REVERSAL.concede_from"]:
        return CONCEDE
    if lemma in tab.frames["REVERSAL.wrecks"] and obj.type in COOPERATIVE:
        return REJECT
    if obj.type == "CONSULT" and lemma in tab.frames["REVERSAL.refusals"]:
        return REJECT
    if obj.type in COOPERATIVE:
        return SANCTION
    return None


def purpose(tok: Any, tab: Tables) -> Trigger | None:
    """The event a purpose clause names: ``sent experts to investigate``."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > tok.i and c.tag_ in VB:
            trig = trigger_of(c, tab)
            if c.lemma_.lower() in tab.frames["LIGHT.verbs"]:
                # "sent a team to launch an audit"
                trig = object_trigger(c, tab) or trig
            if trig is not None and trig.type != STATEMENT:
                return trig
    return None


def grants(tok: Any, tab: Tables) -> Trigger | None:
    """``accepted the demands`` concedes, ``accepted an invitation`` agrees,
    ``accepted refugees`` aids: the verb grants what its object asks for."""
    if tok.lemma_.lower() not in tab.frames["ACCEPTANCE.verbs"]:
        return None
    objs = [c for c in tok.children if c.dep_ in OBJECTS]
    objs += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    lemmas = {o.lemma_.lower() for o in objs}
    if lemmas & tab.frames["ACCEPTANCE.objects"]:
        return CONCEDE
    if lemmas & tab.frames["ACCEPTANCE.invitations"]:
        return AGREE
    if lemmas & tab.frames["ACCEPTANCE.people"]:
        return AID
    return None
