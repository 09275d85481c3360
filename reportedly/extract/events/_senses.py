"""The sense a trigger takes from its arguments, as data in the frames of
``lexicons/events.toml`` (THREAT, DISMISSAL, IRONY, INSISTENCE,
EXTRADITION, LEGISLATION, UNDERTAKING, DEMAND; the senses of violence are
in ``_violence``):

- a promise of harm threatens (``vowed to crush the militia``);
- dismissing something *as* something denounces it; praise said mockingly
  criticises; insisting that something is so rejects a charge;
- sending people to stand trial cooperates;
- a promise to ban a practice, or a deal agreed to do something, agrees;
- an action someone must do is a demand (``must act to stop it``).
"""

from __future__ import annotations

from typing import Any

from reportedly.extract.events._lexicon import STATEMENT, Tables, Trigger, trigger_of
from reportedly.extract.events._objects import (
    ACCUSE,
    AGREE,
    ASSAULT,
    COOPERATE,
    DEMAND,
    OBJECTS,
    REJECT,
    THREATEN,
    object_trigger,
)
from reportedly.extract.events._violence import (
    besieges,
    by_force,
    commits_harm,
    crowd,
    frees_place,
    repels,
    verbal,
)

NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def key(trig: Trigger) -> set[str]:
    """How a frame names a trigger: ``assault`` or ``coerce.arrest``."""
    return {trig.type.lower(), f"{trig.type}.{trig.mode}".lower()}


def _infinitives(tok: Any) -> list[Any]:
    """Clauses ``to`` + verb a word governs (``vowed to strike``, ``a vow
    to retake``, ``made a vow to retake``, ``send them to stand trial``)."""
    heads = [tok]
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.i != tok.i:
        heads.append(tok.head)
    heads += [c for c in tok.children if c.dep_ in OBJECTS]
    return [
        c
        for h in heads
        for c in h.children
        if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
        and c.i > tok.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _content(verb: Any, tab: Tables) -> Trigger | None:
    trig = trigger_of(verb, tab)
    if verb.lemma_.lower() in tab.frames["LIGHT.verbs"]:
        trig = object_trigger(verb, tab) or trig
    return trig


def _threat(tok: Any, tab: Tables) -> bool:
    """``vowed to crush``, ``a vow to retake``, ``swore revenge``."""
    f = tab.frames
    nouns = f["THREAT.nouns"]
    if any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in tok.children):
        return True
    for c in _infinitives(tok):
        parts = [c.lemma_.lower()] + [p.lower_ for p in c.children if p.dep_ == "prt"]
        if " ".join(parts) in f["THREAT.harms"] or parts[0] in f["THREAT.harms"]:
            return True
        trig = _content(c, tab)
        if trig is not None and key(trig) & f["THREAT.types"]:
            return True
    return False


def _as_what(tok: Any, tab: Tables) -> bool:
    """``dismissed the budget as a gimmick`` (not ``the claims as false``)."""
    if not any(c.dep_ in ("prep", "oprd") and c.lower_ == "as" for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ in OBJECTS:
            hit = trigger_of(c, tab)
            if c.lemma_.lower() in tab.frames["DISMISSAL.claims"] or (
                hit is not None and hit.type == "ACCUSE"
            ):
                return False
    return True


def _holds(tok: Any, tab: Tables) -> bool:
    """``insists it is a joke``: a clause that states, not one that asks."""
    modals = tab.frames["DEMAND.auxiliaries"] | {"shall"}
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i:
            asks = c.tag_ == "VB" or any(
                a.dep_ == "aux" and a.lower_ in modals for a in c.children
            )
            return not asks
    return False


def _captive(tok: Any, tab: Tables) -> bool:
    """Is what ``tok`` captures a person (``captured one of the commanders``,
    ``seized two soldiers``, ``were captured``), not a place?"""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs and tok.tag_ == "VBN":  # "two soldiers were captured"
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    for o in objs:
        if o.lower_ == "one":  # "one of the principals"
            o = next((g for c in o.children if c.lower_ == "of" for g in c.children), o)
        people = o.ent_type_ == "PERSON" or o.lower_ in ("him", "her", "them")
        if people or o.lemma_.lower() in tab.frames["CAPTURE.people"]:
            return True
    return False


def _to_trial(tok: Any, tab: Tables) -> bool:
    """``sent two men to stand trial``, ``handed over to be tried``."""
    f = tab.frames
    for c in _infinitives(tok):
        objs = [o.lemma_.lower() for o in c.children if o.dep_ == "dobj"]
        if any(f"{c.lemma_.lower()} {o}" in f["EXTRADITION.purposes"] for o in objs):
            return True
        passive = any(a.dep_ == "auxpass" for a in c.children)
        if passive and c.lemma_.lower() in f["EXTRADITION.passive"]:
            return True
    return False


def _intended(verb: Any, tab: Tables) -> bool:
    """``would outlaw``, ``pledged to ban``, ``plans to ban``."""
    f = tab.frames
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & f["INTENT.auxiliaries"]:
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (
        head.lemma_.lower() in f["INTENT.verbs"] | f["THREAT.promises"]
    )


def _policy(tok: Any, tab: Tables) -> bool:
    """A ban promised on a practice, not on a party or a person."""
    if not _intended(tok, tab):
        return False
    for c in tok.children:
        if c.dep_ in OBJECTS and (
            c.ent_type_ in NAMED
            or c.lemma_.lower() in tab.frames["NONEVENT.parties"]
            or c.lower_ in ("him", "her", "them")
        ):
            return False
    return True


def _undertaking(tok: Any, tab: Tables) -> bool:
    """``agreed a deal to take over the club``: a deal to do something."""
    f = tab.frames
    noun, verb = tok, tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on"):
        verb = tok.head.head
    if tok.pos_ == "VERB":
        verb = tok
        noun = next((c for c in tok.children if c.dep_ == "dobj"), tok)
    if noun.lemma_.lower() not in f["UNDERTAKING.nouns"]:
        return False
    if verb.lemma_.lower() not in f["UNDERTAKING.verbs"]:
        return False
    return bool(_infinitives(noun) or _infinitives(verb))


def demanded(tok: Any, tab: Tables) -> bool:
    """An action someone *must* do: ``must withdraw``, ``must act to stop it``
    (the modal on the verb, on the verb a noun is the object of, or on the
    non-event verb a purpose clause serves); not ``must have known``."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    modals = tab.frames["DEMAND.obligations"]

    def must(v: Any) -> bool:
        aux = [c.lower_ for c in v.children if c.dep_ == "aux"]
        return bool(set(aux) & modals) and "have" not in aux

    if must(verb):
        return True
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
        and head.i != verb.i
        and trigger_of(head, tab) is None
        and must(head)
    )


def _asks(noun: Any, tab: Tables) -> bool:
    """``calls for a ceasefire``, ``a call on Israel to stop``, ``calls to
    end the siege``: an appeal, not a phone call (``a call on Sunday``)."""
    if any(c.dep_ == "compound" for c in noun.children):
        return False  # "a phone call"
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass"):  # "renewed their calls for"
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.i > noun.i]
    for c in preps:
        obj = next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.lower_ not in tab.frames["APPEAL.preps"] or obj is None:
            continue
        if obj.ent_type_ in ("DATE", "TIME"):
            continue  # "a call on Sunday", "for an hour"
        if c.lower_ == "for" or _infinitive(obj, c.head, noun.head):
            return True  # "calls for talks", "a call on Israel to stop"
    return _infinitive(noun)


def _infinitive(*toks: Any) -> bool:
    clauses = ("acl", "xcomp", "advcl")
    return any(
        t.dep_ in clauses and any(a.lower_ == "to" for a in t.children)
        for tok in toks
        for t in tok.children
    )


def sense(tok: Any, trig: Trigger, lemma: str, tab: Tables) -> Trigger:
    """The reading of ``trig`` that its arguments select (see the module)."""
    f = tab.frames
    kind = trig.type
    if kind == "SUPPORT" and any(
        c.dep_ == "advmod" and c.lower_ in f["IRONY.adverbs"] for c in tok.children
    ):
        return ACCUSE
    if kind == "AGREE" and lemma in f["THREAT.promises"] and _threat(tok, tab):
        return THREATEN
    if kind == "REJECT" and repels(tok, lemma, tab):
        return ASSAULT
    if trig.mode == "phone" and lemma in f["APPEAL.nouns"] and _asks(tok, tab):
        return tab.nouns["request"]
    if kind == "ASSAULT" and verbal(tok, lemma, tab):
        return ACCUSE
    if kind == "ASSAULT" and lemma in f["RIOT.triggers"] and crowd(tok, tab):
        return tab.nouns["riot"]
    if commits_harm(tok, lemma, tab):
        return ASSAULT
    if besieges(tok, tab):
        return tab.verbs["blockade"]
    if lemma in f["DISMISSAL.verbs"] and _as_what(tok, tab):
        return ACCUSE
    if lemma in f["CAPTURE.verbs"] and _captive(tok, tab):
        return tab.verbs["detain"]
    if lemma in f["INSISTENCE.verbs"] and _holds(tok, tab):
        return REJECT
    if lemma in f["EXTRADITION.verbs"] and _to_trial(tok, tab):
        return COOPERATE
    if lemma in f["RESCUE.verbs"] and (by_force(tok, tab) or frees_place(tok, tab)):
        return ASSAULT
    if kind == "COERCE" and lemma in f["LEGISLATION.verbs"] and _policy(tok, tab):
        return AGREE
    if kind == "SUPPORT" and _undertaking(tok, tab):
        return AGREE
    if kind not in ("REQUEST", STATEMENT) and demanded(tok, tab):
        return DEMAND
    return trig
