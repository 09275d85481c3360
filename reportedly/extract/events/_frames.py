"""Read a trigger in its context: light verbs, reversals, negation, intent.

The frames are word lists in ``lexicons/events.toml`` (sections LIGHT,
REVERSAL, NEGATORS, INTENT):

- a light verb takes the type of the event noun it governs (``imposed
  sanctions`` is SANCTION, ``launched an attack`` ASSAULT);
- a reversal verb undoes its object (``lifted sanctions`` concedes,
  ``suspended aid`` sanctions, ``cancelled the visit`` rejects);
- a negated cooperative trigger is a rejection (``failed to reach a deal``);
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

CONFLICT = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"}
)
MATERIAL_COOP = frozenset({"COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
REJECT = Trigger("REJECT", "12", None, "verbal_conflict")
COOPERATE = Trigger("COOPERATE", "06", None, "material_coop")
ASSAULT = Trigger("ASSAULT", "18", None, "material_conflict")
ACCUSE = Trigger("ACCUSE", "11", None, "verbal_conflict")
DEMAND = Trigger("REQUEST", "10", None, "verbal_conflict")
CONCEDE = Trigger("CONCEDE", "08", None, "verbal_coop")
SANCTION = Trigger("SANCTION", "16", None, "material_conflict")
AGREE = Trigger("AGREE", "03", None, "verbal_coop")
THREATEN = Trigger("THREATEN", "13", None, "verbal_conflict")
AID = Trigger("AID", "07", None, "material_coop")
# clauses of their own, not part of what a deployment sends
OWN_CLAUSE = frozenset({"ccomp", "conj", "advcl", "parataxis", "relcl"})
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
                of = _of_object(c)
                undo = of is not None and _undo(trigger_of(of, tab), c.lemma_, tab)
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


def _of_object(tok: Any) -> Any | None:
    """``suspension of aid`` -> aid; ``aid suspension`` -> aid."""
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _purpose(tok: Any, tab: Tables) -> Trigger | None:
    for c in tok.children:
        if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > tok.i and c.tag_ in VB:
            trig = trigger_of(c, tab)
            if c.lemma_.lower() in tab.frames["LIGHT.verbs"]:
                # "sent a team to launch an audit"
                trig = object_trigger(c, tab) or trig
            if trig is not None and trig.type != STATEMENT:
                return trig
    return None


def _grants(tok: Any, tab: Tables) -> Trigger | None:
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


def _undo(obj: Trigger | None, lemma: str, tab: Tables) -> Trigger | None:
    if obj is None or obj.type == STATEMENT:
        return None
    if obj.type in CONFLICT:
        return CONCEDE
    if obj.type == "CONSULT" and lemma in tab.frames["REVERSAL.refusals"]:
        return REJECT
    if obj.type in COOPERATIVE:
        return SANCTION
    return None


def is_light(tok: Any, tab: Tables) -> bool:
    """A verb whose object noun or purpose clause carries the event
    (``held talks``, ``sent experts to investigate``)."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if (
        lemma in tab.frames["LIGHT.verbs"]
        and object_trigger(tok, tab, statements=True) is not None
    ):
        return lemma not in tab.frames["REVERSAL.verbs"]
    return lemma in tab.frames["PURPOSE.verbs"] and _purpose(tok, tab) is not None


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


def read(tok: Any, tab: Tables) -> Trigger | None:
    """The trigger meaning of ``tok`` in context (light verbs, reversals,
    negation), or None when it is no trigger."""
    trig = trigger_of(tok, tab)
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        if lemma in tab.frames["REVERSAL.verbs"]:
            trig = _undo(object_trigger(tok, tab), lemma, tab) or trig
        elif lemma in tab.frames["LIGHT.verbs"]:
            obj = object_trigger(tok, tab, statements=True)
            trig = _grants(tok, tab) or obj or trig
        if lemma in tab.frames["PURPOSE.verbs"] and not (
            lemma in tab.frames["LIGHT.verbs"]
            and object_trigger(tok, tab, statements=True) is not None
        ):  # "sent experts to investigate": the purpose is the event
            trig = _purpose(tok, tab) or trig
        elif lemma in tab.frames["PURPOSE.coercive"]:
            ordered = _purpose(tok, tab)
            if ordered is not None and ordered.type in MATERIAL_CONFLICT:
                trig = ordered
    elif lemma in tab.frames["REVERSAL.nouns"]:
        obj = _of_object(tok)
        undo = _undo(trigger_of(obj, tab), lemma, tab) if obj is not None else None
        trig = undo or trig
    if trig is not None:
        trig = _twists(tok, trig, lemma, tab)
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
            if hit and (
                hit.type.lower() in tab.frames["DISAPPROVAL.objects"]
                or f"{hit.type}.{hit.mode}".lower() in tab.frames["DISAPPROVAL.objects"]
            ):
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
