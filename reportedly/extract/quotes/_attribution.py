"""Dependency-parse rules that find attribution candidates in a spaCy Doc.

Each rule yields a ``Candidate``: character ranges for the speaker, the cue
and the content parts. ``quotes()`` merges them with quotation marks and
turns them into records. Lemma lists come from ``lexicons/cues.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportedly.extract._spans import (
    Range,
    clause_range,
    noun_phrase,
    right_range,
    span_range,
    subject_of,
    subtree_range,
    tok_range,
    tokens,
)
from reportedly.lexicons import load_toml, word_set

EXPLETIVE = {"it", "there", "this", "that", "what", "which"}


@dataclass(slots=True)
class Candidate:
    """A found attribution before it becomes a Quote record."""

    speaker: Range | None
    cue: Range | None
    parts: list[Range]
    pattern: str
    confidence: float
    cue_token: int = -1
    speaker_token: int = -1


def cue_lemma(tok: Any, known: frozenset[str]) -> str:
    """The lemma, or the word less a verb ending when the lemmatiser slipped
    (``hopes`` -> ``hop``)."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    low = tok.lower_
    for suffix in ("s", "es", "d", "ed", "ing"):
        if low.endswith(suffix) and low[: -len(suffix)] in known:
            return low[: -len(suffix)]
    return lemma


def cues(frame: str) -> frozenset[str]:
    """Return the lemmas of one frame of ``cues.toml``."""
    return word_set("cues.toml", frame)


NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON"}


def misattached_clause(addressee: Any) -> Any | None:
    """``telling a radio programme that the government had ...``: the parser
    hung the that-clause on the addressee; it is what was told."""
    for c in addressee.children:
        own_subject = any(s.dep_ == "nsubj" and s.lower_ != "that" for s in c.children)
        if c.dep_ in ("acl", "relcl") and c.left_edge.lower_ == "that" and own_subject:
            return c
    return None


def is_passive(verb: Any) -> bool:
    """``was told to``, ``asked by X``, headline ``Mayor told to resign``."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def preceding_nominal(verb: Any) -> tuple[Any, Range] | None:
    """The noun phrase right before a speech verb the parser left without a
    subject (``A French diplomat said ...`` parsed as a fragment)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "AUX":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    j = i
    while j - 1 >= 0 and doc[j - 1].pos_ in NOMINAL and not doc[j - 1].is_space:
        j -= 1
    before = doc[j - 1] if j > 0 else None
    if before is not None and not (
        before.is_space
        or before.is_sent_end
        or before.text in {",", ";", "and"}
        or doc[j].is_sent_start
    ):
        return None
    r = span_range(doc, j, i)
    return (doc[i], r) if r else None


def verb_candidates(doc: Any) -> Iterator[Candidate]:
    """Yield attributions cued by verbs: speech, belief, intention, evaluation."""
    speech = cues("speech")
    prep_objects = load_toml("cues.toml").get("prep_objects", {})
    known = (
        speech
        | cues("belief")
        | cues("intention")
        | cues("evaluation")
        | frozenset(prep_objects)
    )
    for tok in tokens(doc):
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
            continue
        lemma = cue_lemma(tok, known)
        if lemma not in known:
            continue  # every pattern of _content needs a cue lemma: skip the rest
        if lemma in speech and demanded_speech(tok):
            continue
        deps = _deps(tok)
        found = _subject(tok, lemma, speech)
        if found is None:
            continue
        subj, speaker = found
        if deps.comp is None and deps.obj is not None and lemma in cues("addressee"):
            deps.comp = misattached_clause(deps.obj)
        parts, pattern, conf = _content(tok, lemma, deps, prep_objects)
        if not parts:
            continue
        yield Candidate(
            speaker=speaker or noun_phrase(subj),
            cue=cue_range(tok),
            parts=parts,
            pattern=pattern,
            confidence=conf,
            cue_token=tok.i,
            speaker_token=subj.i,
        )


def demanded_speech(verb: Any) -> bool:
    """``Russia needed to state clearly who the enemy was``, ``must explain``,
    ``called on X to say``: speaking that is demanded is no statement."""
    modal = word_set("cues.toml", "modality", "obligation_modals")
    if any(c.dep_ == "aux" and c.lower_ in modal for c in verb.children):
        return True
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("xcomp", "advcl", "ccomp"):
        return False
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return False
    heads = word_set("cues.toml", "modality", "obligation_heads") | word_set(
        "cues.toml", "modality", "demand_heads"
    )
    return head.lemma_.lower() in heads


@dataclass(slots=True)
class _Deps:
    """The children of a cue verb that may hold what is attributed."""

    comp: Any = None
    obj: Any = None
    xcomp: Any = None
    oprd: Any = None
    prep: Any = None
    question: Any = None


def _deps(tok: Any) -> _Deps:
    """The first clausal complement, object, xcomp, oprd and later preposition
    of ``tok``, and its last ``if``/``whether`` clause."""
    d = _Deps()
    for c in tok.children:
        if c.dep_ == "ccomp" and d.comp is None:
            d.comp = c
        elif c.dep_ == "dobj" and d.obj is None:
            d.obj = c
        elif c.dep_ == "xcomp" and d.xcomp is None:
            d.xcomp = c
        elif c.dep_ == "oprd" and d.oprd is None:
            d.oprd = c
        elif c.dep_ == "prep" and d.prep is None and c.i > tok.i:
            d.prep = c
        elif c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether"):
            d.question = c
    return d


def _subject(
    tok: Any, lemma: str, speech: frozenset[str]
) -> tuple[Any, Range | None] | None:
    """Return the subject token of a cue verb and, when it was found before a
    fragment, its range; None without one (or with an expletive subject)."""
    subj = subject_of(tok)
    speaker = None
    if subj is None and lemma in speech and not is_passive(tok):
        found = preceding_nominal(tok)
        if found is not None:
            subj, speaker = found
    if (
        subj is None
        or subj.dep_ == "expl"
        or subj.lower_ in EXPLETIVE
        and (lemma not in speech)
    ):
        return None
    return subj, speaker


def _content(
    tok: Any, lemma: str, d: _Deps, prep_objects: dict[str, Any]
) -> tuple[list[Range], str, float]:
    """Return what the cue verb ``tok`` attributes: parts, pattern, confidence
    (no parts when it attributes nothing)."""
    doc = tok.doc
    speech, belief = cues("speech"), cues("belief")
    intention, evaluation = cues("intention"), cues("evaluation")
    quote_only = cues("quote_only")
    if d.comp is not None and lemma in speech and lemma not in quote_only:
        return clause_range(d.comp, speech), "speech", 0.9
    if d.comp is not None and lemma in belief:
        return clause_range(d.comp, speech), "belief", 0.8
    if tok.dep_ == "parataxis" and lemma in speech:
        return subtree_range(tok.head, exclude=tok), "parenthetical", 0.85
    if (
        d.xcomp is not None
        and lemma in intention
        and d.xcomp.tag_ == "VB"
        and not (lemma in cues("addressee") and d.obj is None)
    ):
        # "Residents told to boil water": tell needs an addressee; without
        # one it is a headline passive, and the subject was told
        return right_range(tok, d.xcomp), "intention", 0.6
    if (
        d.xcomp is not None
        and lemma in speech
        and lemma not in quote_only
        and d.xcomp.tag_ == "VBG"
    ):
        return right_range(tok, d.xcomp), "speech", 0.6
    if d.question is not None and lemma in speech:
        return subtree_range(d.question), "speech", 0.7
    if d.obj is not None and d.oprd is not None and lemma in evaluation:
        r = span_range(doc, d.obj.left_edge.i, d.oprd.right_edge.i)
        return ([r] if r else []), "evaluation", 0.6
    if d.obj is not None and lemma in evaluation:
        if lemma in word_set("cues.toml", "modality", "stance_only"):
            # a stance holds its object only: "welcomed the report on Monday"
            r = span_range(doc, d.obj.left_edge.i, d.obj.right_edge.i)
            return ([r] if r else []), "evaluation", 0.5
        return right_range(tok, d.obj), "evaluation", 0.5
    if d.prep is not None and d.prep.lower_ in prep_objects.get(lemma, ()):
        r = span_range(doc, d.prep.i + 1, d.prep.right_edge.i)
        return ([r] if r else []), "evaluation", 0.6
    return [], "", 0.0


def cue_range(tok: Any) -> Range:
    """The cue verb with its particle (``pointed out``)."""
    start, end = tok_range(tok)
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c.text)
    return start, end
