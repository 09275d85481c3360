"""Attributions in a headline: ``X does Y`` lines and cue words after a name.

Headlines are mostly ``Trump demands ...``: the main verb attributes the rest
of the line to its subject. ``quotes()`` runs these rules on the headline of
the main parse or on the separate parse of a sentence-case copy made by
``annotate.headline`` (offsets are the same).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import (
    Range,
    content_words,
    noun_phrase,
    subject_of,
    tok_range,
    tokens_range,
)
from reportedly.extract.quotes._attribution import (
    Candidate,
    cue_lemma,
    cue_range,
    cues,
)


def headline_candidates(tokens: Any) -> Iterator[Candidate]:
    """Headlines are mostly ``X does Y``: a main verb with a subject attributes
    the rest of the line, up to a conjoined verb, to the subject. When the
    parser found no verb, a cue word after a name is taken as the verb
    (``Trump demands ...`` tagged as a noun). ``tokens`` is a Doc or a Span."""
    found = False
    last = None
    for tok in tokens:
        second = (  # "X declares Y, ignores Z": a verb the parser left unattached
            (tok.tag_ in ("VBZ", "VBD") or _verb_like(tok))
            and tok.i > tokens[0].i
            and tok.doc[tok.i - 1].text in (",", "and")
        )
        verb = tok.pos_ in ("VERB", "AUX")
        if not second and (not verb or tok.dep_ not in ("ROOT", "conj", "advcl")):
            continue
        if tok.lemma_.lower() in cues("no_clause") or _addressed(tok):
            continue
        subj = subject_of(tok)
        if (subj is None or subj.i > tok.i) and second and last is not None:
            subj = last  # the second verb shares the first one's subject
        if subj is None or subj.i > tok.i:
            continue
        cand = _headline_rest(tokens, tok, noun_phrase(subj), subj.i)
        if cand is not None:
            found, last = True, subj
            yield cand
    if not found:
        yield from _nominal_cue(tokens)


def _addressed(verb: Any) -> bool:
    """The subject is addressed, not speaking: passives and ``X told to``."""
    if verb.lemma_.lower() in cues("addressee") and not any(
        c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children
    ):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


FINITE_OR_GERUND = {"VBZ", "VBD", "VBP", "VBG"}


def _verb_like(tok: Any) -> bool:
    """A verb, or a cue word the tagger took for a plural noun (``denounces``)."""
    if tok.tag_ in FINITE_OR_GERUND:
        return True
    return tok.tag_ == "NNS" and cue_lemma(tok, _cue_words()) in _cue_words()


def _cue_words() -> frozenset[str]:
    return cues("speech") | cues("evaluation") | cues("intention") | cues("belief")


def _headline_rest(
    tokens: Any, tok: Any, speaker: Range, subj_i: int
) -> Candidate | None:
    doc = tok.doc
    cue = cue_range(tok)
    last = min(tok.right_edge.i, tokens[-1].i)
    for c in tok.children:  # stop before "... and denounces Y"
        stops = c.dep_ == "cc" or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        if c.i > tok.i and c.i <= last and stops:
            last = min(last, c.i - 1)
    rest = [t for t in doc[tok.i + 1 : last + 1] if t.idx >= cue[1]]
    for k in range(1, len(rest)):  # "declares X, ignores Y"; "backs X and denounces Y"
        if _verb_like(rest[k]) and rest[k - 1].text in (",", "and"):
            rest = rest[: k - 1]
            break
    r = tokens_range(rest)
    if r is None or content_words(doc, rest[0].i, rest[-1].i) < 1:
        return None
    return Candidate(
        speaker=speaker,
        cue=cue,
        parts=[r],
        pattern="headline",
        confidence=0.55,
        cue_token=tok.i,
        speaker_token=subj_i,
    )


def _nominal_cue(tokens: Any) -> Iterator[Candidate]:
    lexicon = cues("speech") | cues("evaluation") | cues("intention") | cues("belief")
    toks = list(tokens)
    for k, tok in enumerate(toks[1:], 1):
        prev = toks[k - 1]
        if tok.lemma_.lower() not in lexicon or not tok.lower_.endswith("s"):
            continue
        if prev.pos_ not in ("PROPN", "NOUN") or tok.is_title and not prev.is_title:
            continue
        j = k - 1
        while j > 0 and toks[j - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            j -= 1
        speaker = tokens_range(toks[j:k])
        rest = tokens_range(toks[k + 1 :])
        if speaker and rest:
            yield Candidate(
                speaker=speaker,
                cue=tok_range(tok),
                parts=[rest],
                pattern="headline",
                confidence=0.5,
                cue_token=tok.i,
                speaker_token=prev.i,
            )
        return
