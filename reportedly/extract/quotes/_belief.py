"""Beliefs held by an adjective: ``USA officials are concerned that Russia is
targeting other militants``, ``Aid groups are worried that ...``. The
subject of the copula holds the clause; the adjective is the cue. Like a
belief verb (``X fear ...``), the clause is claimed by the subject."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._spans import clause_range, noun_phrase, tok_range, tokens
from reportedly.extract.quotes._attribution import EXPLETIVE, Candidate, cues


def belief_candidates(doc: Any) -> Iterator[Candidate]:
    """Yield ``X is concerned that ...`` attributions of a parsed Doc."""
    adjectives = cues("belief_adjectives")
    speech = cues("speech")
    for tok in tokens(doc):
        if tok.pos_ != "ADJ" or tok.lower_ not in adjectives:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        head = tok.head
        if comp is None or tok.dep_ != "acomp" or head.i == tok.i:
            continue
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in EXPLETIVE:
            continue
        parts = clause_range(comp, speech)
        if not parts:
            continue
        yield Candidate(
            speaker=noun_phrase(subj),
            cue=tok_range(tok),
            parts=parts,
            pattern="belief",
            confidence=0.7,
            cue_token=tok.i,
            speaker_token=subj.i,
        )
