"""Who claims each event, and how: claimant from the attribution it sits in,
modality from negation, modals, conditionals, cue verbs and request frames.

Modalities (each with an example):

- ``asserted``: "Russian jets struck Homs." (the default)
- ``negated``: "The army did not shell the town."
- ``denied``: "The ministry denied that its jets struck the hospital."
- ``alleged``: "Activists claimed the regime used chlorine." / "reportedly struck"
- ``hypothetical``: "The strikes could push rebels into IS camps."
- ``conditional``: "Paris would support the plan if Russia stops the bombing."
- ``future``: "Russia will send more jets." / "plans to open talks"
- ``demanded``: "The UN called on Russia to stop the airstrikes."
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reportedly.lexicons import load_toml
from reportedly.model import Claimant, Event, Quote

VERSION = "claims.v1"
STANCES = {"intention", "evaluation"}


def _words(key: str) -> frozenset[str]:
    return frozenset(load_toml("cues.toml").get("modality", {}).get(key, []))


def _contains(q: Quote, pos: int) -> bool:
    parts = q.parts or (q.content,)
    return any(p.start <= pos < p.end for p in parts)


def claimant_of(
    pos: int, quotes: Sequence[Quote]
) -> tuple[Quote, tuple[str, ...]] | None:
    """The innermost attribution whose content holds ``pos``, and its chain of
    reporting attributions, outermost first."""
    inside = [q for q in quotes if q.speaker is not None and _contains(q, pos)]
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


def modality_of(tok: Any, cue_lemma: str | None) -> str:
    """Return the modality of the event named by token ``tok``."""
    if cue_lemma in _words("denied"):
        return "denied"
    kids = {c.lower_ for c in tok.children}
    if any(c.dep_ == "neg" for c in tok.children) or kids & {"never", "no"}:
        return "negated"
    head = tok
    for _ in range(4):  # the event's own clause and the ones governing it
        if any(
            c.dep_ == "mark" and c.lower_ in _words("conditional_marks")
            for c in head.children
        ):
            return "conditional"
        if head.dep_ in ("xcomp", "ccomp") and head.head.lemma_.lower() in _words(
            "demand_heads"
        ):
            return "demanded"
        if head.head.i == head.i or head.dep_ not in ("xcomp", "conj", "ccomp"):
            break
        head = head.head
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if any(
        c.dep_ == "advcl"
        and any(
            m.dep_ == "mark" and m.lower_ in _words("conditional_marks")
            for m in c.children
        )
        for c in tok.children
    ) and aux & _words("hypothetical_modals"):
        return "conditional"
    if aux & _words("future_modals"):
        return "future"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _words("future_heads"):
        return "future"
    if aux & _words("hypothetical_modals"):
        return "hypothetical"
    if kids & _words("alleged_adverbs") or cue_lemma in _words("alleged"):
        return "alleged"
    return "asserted"


def claims(
    doc: Any, events: Iterable[Event], quotes: Sequence[Quote]
) -> Iterator[Event]:
    """Yield each event with its claimant and modality set."""
    for ev in events:
        pos = (ev.trigger or ev.evidence).start
        found = claimant_of(pos, quotes)
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
            cue_tok = _token_at(doc, q.cue.start) if q.cue else None
            cue_lemma = cue_tok.lemma_.lower() if cue_tok is not None else None
        tok = _token_at(doc, pos)
        modality = modality_of(tok, cue_lemma) if tok is not None else ev.modality
        yield dataclasses.replace(ev, claimant=claimant, modality=modality)
