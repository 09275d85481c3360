"""Who claims each event, and how: the claimant is the speaker of the
innermost attribution whose content holds the event (the outlet when there is
none); the modality comes from ``_modality`` (negation, modals, conditionals,
plans, demands, hedges) and from the cue of that attribution.

Not every attribution record makes a claimant:

- a vote or a decision (``parliament voted to give Putin authorization for
  the airstrikes``) attributes no words: the outlet claims what it names;
- a stance (``welcomed the report``, ``condemned the strikes``) holds a view
  of its object, it does not report it: events in the object are claimed by
  whoever claims the stance (an enclosing attribution, else the outlet).
  Accusations (``accused X of Y``, ``blamed X for Y``) do report Y: Y is
  claimed by the accuser, alleged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from reportedly.extract.events._modality import modality_of, words
from reportedly.model import Claimant, Event, Quote, replace

__all__ = ["VERSION", "claimant_of", "claims", "modality_of"]

VERSION = "claims.v2"
STANCES = {"intention", "evaluation"}


def _contains(q: Quote, pos: int) -> bool:
    parts = q.parts or (q.content,)
    return any(p.start <= pos < p.end for p in parts)


def _claims_words(q: Quote, lemma: str | None) -> bool:
    """Does attribution ``q`` (cue lemma ``lemma``) report what its content says?"""
    if lemma in words("not_claims"):
        return False
    return not (q.pattern == "evaluation" and lemma in words("stance_only"))


def claimant_of(
    pos: int,
    quotes: Sequence[Quote],
    lemma_of: Callable[[Quote], str | None] = lambda q: None,
) -> tuple[Quote, tuple[str, ...]] | None:
    """The innermost attribution whose content holds ``pos``, and its chain of
    reporting attributions, outermost first. ``lemma_of`` gives a quote's cue
    lemma (votes and stances make no claimant)."""
    inside = [
        q
        for q in quotes
        if q.speaker is not None and _contains(q, pos) and _claims_words(q, lemma_of(q))
    ]
    if not inside:
        return None
    # a wish or stance inside someone's statement ("X said Y wants to ...") is
    # part of what X says: the statement's speaker claims the event
    said = [q for q in inside if q.pattern not in STANCES]
    inside = said or inside
    inner = min(inside, key=lambda q: q.content.end - q.content.start)
    by_id = {q.id: q for q in quotes}
    chain = [inner.id]
    seen = {inner.id}
    cur = inner
    while cur.parent_id and cur.parent_id in by_id and cur.parent_id not in seen:
        cur = by_id[cur.parent_id]
        chain.append(cur.id)
        seen.add(cur.id)
    return inner, tuple(reversed(chain))


def _token_at(doc: Any, pos: int) -> Any | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _rejection(ev: Event, tok: Any) -> bool:
    """``will not accept``: a REJECT made by negating a cooperative trigger."""
    if ev.type != "REJECT" or tok.lemma_.lower() in words("rejection_verbs"):
        return False
    head = tok.head if tok.dep_ in ("dobj", "xcomp") else tok
    return any(
        c.dep_ == "neg" or c.lower_ == "never" for c in (*tok.children, *head.children)
    )


def claims(
    doc: Any, events: Iterable[Event], quotes: Sequence[Quote]
) -> Iterator[Event]:
    """Yield each event with its claimant and modality set."""
    lemmas: dict[str, str | None] = {}
    for q in quotes:
        cue_tok = _token_at(doc, q.cue.start) if q.cue else None
        lemmas[q.id] = cue_tok.lemma_.lower() if cue_tok is not None else None
    for ev in events:
        pos = (ev.trigger or ev.evidence).start
        found = claimant_of(pos, quotes, lambda q: lemmas.get(q.id))
        claimant = None
        cue_lemma = None
        if found is not None:
            q, chain = found
            assert q.speaker is not None
            claimant = Claimant(
                span=q.speaker.span,
                actor_id=q.speaker.actor_id,
                quote_id=q.id,
                chain=chain,
            )
            cue_lemma = lemmas.get(q.id)
        tok = _token_at(doc, pos)
        modality = (
            modality_of(tok, cue_lemma, rejection=_rejection(ev, tok))
            if tok is not None
            else ev.modality
        )
        yield replace(ev, claimant=claimant, modality=modality)
