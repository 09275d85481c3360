"""Dependency-parse rules that find attribution candidates in a spaCy Doc.

Each rule yields a ``Candidate``: character ranges for the speaker, the cue
and the content parts. ``quotes.py`` merges them with quotation marks and
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
    speech, belief = cues("speech"), cues("belief")
    intention, evaluation = cues("intention"), cues("evaluation")
    quote_only = cues("quote_only")
    prep_objects = load_toml("cues.toml").get("prep_objects", {})
    known = speech | belief | intention | evaluation | frozenset(prep_objects)
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
            continue
        lemma = cue_lemma(tok, known)
        comp = obj = xcomp = oprd = prep = question = None
        for c in tok.children:
            if c.dep_ == "ccomp" and comp is None:
                comp = c
            elif c.dep_ == "dobj" and obj is None:
                obj = c
            elif c.dep_ == "xcomp" and xcomp is None:
                xcomp = c
            elif c.dep_ == "oprd" and oprd is None:
                oprd = c
            elif c.dep_ == "prep" and prep is None and c.i > tok.i:
                prep = c
            elif c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether"):
                question = c
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
            continue
        if comp is None and obj is not None and lemma in cues("addressee"):
            comp = misattached_clause(obj)
        parts: list[Range] = []
        pattern, conf = "", 0.0
        if comp is not None and lemma in speech and lemma not in quote_only:
            parts, pattern, conf = clause_range(comp, speech), "speech", 0.9
        elif comp is not None and lemma in belief:
            parts, pattern, conf = clause_range(comp, speech), "belief", 0.8
        elif tok.dep_ == "parataxis" and lemma in speech:
            parts = subtree_range(tok.head, exclude=tok)
            pattern, conf = "parenthetical", 0.85
        elif (
            xcomp is not None
            and lemma in intention
            and xcomp.tag_ == "VB"
            and not (lemma in cues("addressee") and obj is None)
        ):
            # "Residents told to boil water": tell needs an addressee; without
            # one it is a headline passive, and the subject was told
            parts, pattern, conf = right_range(tok, xcomp), "intention", 0.6
        elif (
            xcomp is not None
            and lemma in speech
            and lemma not in quote_only
            and xcomp.tag_ == "VBG"
        ):
            parts, pattern, conf = right_range(tok, xcomp), "speech", 0.6
        elif question is not None and lemma in speech:
            parts, pattern, conf = subtree_range(question), "speech", 0.7
        elif obj is not None and oprd is not None and lemma in evaluation:
            r = span_range(doc, obj.left_edge.i, oprd.right_edge.i)
            parts, pattern, conf = ([r] if r else []), "evaluation", 0.6
        elif obj is not None and lemma in evaluation:
            parts, pattern, conf = right_range(tok, obj), "evaluation", 0.5
        elif prep is not None and prep.lower_ in prep_objects.get(lemma, ()):
            r = span_range(doc, prep.i + 1, prep.right_edge.i)
            parts, pattern, conf = ([r] if r else []), "evaluation", 0.6
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


def cue_range(tok: Any) -> Range:
    """The cue verb with its particle (``pointed out``)."""
    start, end = tok_range(tok)
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c.text)
    return start, end
