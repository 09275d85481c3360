"""Does a candidate report an event? Rules first, then a learned score.

A trigger word is only a candidate: ``needs to be exploded`` (of a myth),
``aid official``, ``in charge``, ``a March 21 phone call`` hold trigger words
and report no event. Two steps decide:

- rules, as data in the ``NONEVENT`` section of ``lexicons/events.toml``:
  month names and date words are never triggers; a noun that only modifies
  another noun (``aid official``, ``bomb attacks``) or sits inside a name
  (``Audit Commission``, ``the Vietnam War``) is not an event of its own;
  background nouns (``war``) are events only with an occasion; idioms
  (``in charge``) are not events;
- a logistic model over hashed cheap features (``_features``) whose weights
  ship in ``lexicons/event_relevance.json``, trained by
  ``python -m bench.train_events`` on the shared event sets. Its probability
  is the candidate's score; a record needs at least the model's threshold,
  and the probability becomes the record's ``confidence``.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from reportedly.extract.events._features import DIM, features, hashed
from reportedly.extract.events._lexicon import Tables, Trigger, trigger_of
from reportedly.extract.events._objects import object_trigger
from reportedly.extract.events._violence import besieges, committed

MODEL_FILE = "event_relevance.json"
NAMES = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
PARTIES = frozenset({"ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of the relevance model, by feature bucket."""

    weights: dict[int, float]
    bias: float
    threshold: float


@functools.cache
def model() -> Model | None:
    """The shipped model, or None when the package has none (then every
    candidate that passes the rules is kept)."""
    ref = resources.files("reportedly.lexicons").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    if data.get("dim") != DIM:
        return None  # trained for other features: ignore rather than misread
    weights = {int(k): float(v) for k, v in data["weights"].items()}
    return Model(weights, float(data["bias"]), float(data["threshold"]))


def probability(tok: Any, trig: Trigger, m: Model | None = None) -> float:
    """The model's probability that ``tok`` read as ``trig`` is an event."""
    m = m or model()
    if m is None:
        return 1.0
    w = m.weights
    z = m.bias + sum(w.get(h, 0.0) for h in hashed(features(tok, trig.type, trig.mode)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _in_name(tok: Any) -> bool:
    """``Audit Commission``, ``Court of Appeal``, ``the Vietnam War``."""
    if tok.ent_type_ not in NAMES:
        return False
    return tok.pos_ == "PROPN" or (tok.is_title and not tok.is_sent_start)


def _idiom(tok: Any, tab: Tables) -> bool:
    """``in charge``, ``giving rise to``: listed as two words, the trigger
    first or second."""
    doc = tok.doc
    lem = tok.lemma_.lower()
    idioms = tab.frames["NONEVENT.idioms"]
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return f"{before} {lem}" in idioms or f"{lem} {after}" in idioms


def _modifier(tok: Any, tab: Tables) -> bool:
    """A noun that modifies another noun names a kind of thing (``aid
    official``) or is part of its head's event (``bomb attacks``)."""
    if tok.pos_ not in NOUN_POS or tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    return tok.head.lemma_.lower() not in tab.frames["NONEVENT.carrier_heads"]


def _background(tok: Any, tab: Tables) -> bool:
    """``after seven years of war``: a background noun is an event only when
    an occasion is named (a light verb or an ``on``/``against`` party)."""
    if tok.lemma_.lower() not in tab.frames["NONEVENT.background"]:
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return tok.head.lemma_.lower() not in tab.frames["LIGHT.verbs"]
    return not any(
        c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children
    )


def _state(tok: Any, tab: Tables) -> bool:
    """``ties to Iran``, ``the settlements``, ``the death penalty``: a noun
    that names a standing state is an event only as what a light verb does
    (``established ties``, ``reached a settlement``, ``given a sentence``)."""
    if (
        tok.pos_ not in NOUN_POS
        or tok.lemma_.lower() not in tab.frames["NONEVENT.state"]
    ):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    light = tab.frames["LIGHT.verbs"] - {"have"}
    return not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in light)


def _hedge(tok: Any, tab: Tables) -> bool:
    """``are alleged to have killed``: a passive verb of saying that only
    hedges the event it governs (the event is the governed verb's)."""
    return (
        tok.lemma_.lower() in tab.frames["NONEVENT.hedges"]
        and any(c.dep_ == "auxpass" for c in tok.children)
        and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
    )


def _other_sense(tok: Any, tab: Tables) -> bool:
    """A verb in another sense, told by its arguments: ``the evidence
    demonstrates that``, ``cut waiting times`` (no event object),
    ``committed suicide`` (a wrong that is no PLOVER event), ``released
    two videos`` (a thing, not a person), ``the plague killed`` (no actor),
    ``has long refused`` (a standing position, not an occasion)."""
    if tok.pos_ != "VERB":
        return False
    f = tab.frames
    lem = tok.lemma_.lower()
    kids = list(tok.children)
    if lem in f["NONEVENT.clausal_sense"] and any(
        c.dep_ in ("ccomp", "dobj", "xcomp")
        or (c.dep_ == "nsubj" and trigger_of(c, tab) is not None)
        for c in kids
    ):  # "the evidence demonstrates that", "as the clashes demonstrated"
        return True
    if (
        lem in f["NONEVENT.needs_event_object"]
        and object_trigger(tok, tab) is None
        and not besieges(tok, tab)
    ):
        return True
    if lem in f["COMMIT.verbs"] and any(  # "committed suicide"
        c.lemma_.lower() in f["COMMIT.wrongs"] for c in committed(tok)
    ):
        return True
    objs = [c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    if lem in f["NONEVENT.release_verbs"] and set(objs) & f["NONEVENT.released_things"]:
        return True
    subj = [c for c in kids if c.dep_ == "nsubj"]
    if not subj and tok.dep_ in ("xcomp", "advcl", "conj"):  # "ended up killing"
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if tok.dep_ == "relcl" and subj and subj[0].lower_ in ("that", "which"):
        subj = [tok.head]  # "a conflict that has killed"
    lems = {c.lemma_.lower() for c in subj}
    if lems & (f["NONEVENT.natural_causes"] | f["NONEVENT.market_subjects"]):
        return True  # "the plague killed", "shares closed higher"
    if lems & f["NONEVENT.toll_subjects"] and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in kids
    ):
        return True  # "the war has killed 100,000": a toll, not an occasion
    return any(c.dep_ == "advmod" and c.lower_ in f["NONEVENT.habitual"] for c in kids)


def _political(t: Any, tab: Tables) -> bool:
    return t.ent_type_ in PARTIES or t.lemma_.lower() in tab.frames["NONEVENT.parties"]


def _weak(tok: Any, tab: Tables) -> bool:
    """An everyday verb (``work``, ``help``, ``give``, ``join``, ``travel``)
    reports an event only when a political party does it or has it done to
    them: ``Turkey will work with Russia``, not ``I've worked on my bike``."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in tab.frames["NONEVENT.weak"]:
        return False
    args = [
        c
        for c in tok.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "dative", "prep")
    ]
    args += [p for c in args if c.dep_ in ("prep", "agent") for p in c.children]
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "urged Vietnam to push back": the controller is the head's
        args += [c for c in tok.head.children if c.dep_ in ("nsubj", "dobj")]
    return not any(_political(t, tab) for t in args)


def _no_occasion(tok: Any, trig: Trigger, tab: Tables) -> bool:
    """``at the end of the war`` (a date), ``delivering missiles`` (goods),
    ``the investigation closes in on him`` (no armed force closing in)."""
    f = tab.frames
    lem = tok.lemma_.lower()
    head = tok.head
    if tok.pos_ in NOUN_POS:
        if tok.dep_ == "pobj" and lem in f["NONEVENT.temporal_nouns"]:
            return head.lower_ in f["NONEVENT.temporal_preps"]
        return (
            tok.dep_ in ("dobj", "nsubjpass")
            and tok.lower_ in f["SUPPLY.munitions"]
            and head.lemma_.lower() in f["SUPPLY.verbs"]
        )
    if lem in f["RIOT.closing"] and trig.type == "ASSAULT":
        subj = [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
        return not any(
            t.lower_ in f["RIOT.armed"] or t.ent_type_ == "ORG" or t.pos_ == "PRON"
            for t in subj
        )
    return False


def ruled_out(tok: Any, trig: Trigger, tab: Tables) -> bool:
    """Is the candidate no event by a rule of the lexicon?"""
    if tok.lower_ in tab.frames["NONEVENT.months"] and tok.is_title:
        return True
    if tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN":
        return True
    if tok.pos_ in NOUN_POS and _in_name(tok):
        return True
    if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
        return True  # "a banned militia", "US-backed forces", "hard-working"
    if trig.mode == "visit" and any(
        c.dep_ in ("compound", "amod")
        and c.lower_ in tab.frames["NONEVENT.private_trips"]
        for c in tok.children
    ):
        return True  # "a hunting trip"
    return (
        _modifier(tok, tab)
        or _idiom(tok, tab)
        or _background(tok, tab)
        or _state(tok, tab)
        or _hedge(tok, tab)
        or _other_sense(tok, tab)
        or _weak(tok, tab)
        or _no_occasion(tok, trig, tab)
    )
