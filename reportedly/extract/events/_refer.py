"""What a pronoun participant refers to (used by ``_actors``).

``they`` and ``we`` in a claim are its claimant (``Russian officials say
they bombed``). Otherwise the nearest earlier candidate of the right kind
and number wins, subjects first (``actors._anaphora``): a person of the
right gender for ``he``/``she``; for ``they``, a group, a plural name or a
party, or people named together (``Robinson and Rojkan ... when they were
detained`` -> both); for ``it``/``its``, a singular organisation or country,
also a named one no participant mentioned yet, but not a place where
something happens (``in Syria``).
"""

from __future__ import annotations

from typing import Any, Protocol

from reportedly.extract.actors import Coded
from reportedly.extract.actors._anaphora import KINDS, PLURAL_TAGS, Antecedents
from reportedly.extract.actors._words import FILE
from reportedly.extract.events._args import phrase
from reportedly.lexicons import word_set
from reportedly.model import Actor, Span

NOMINAL = frozenset(["NOUN", "PROPN"])
STATE = frozenset(["GOV", "MIL", "COP", "LEG", "JUD", "SPY"])


class Linker(Protocol):
    text: str
    ante: Antecedents | None
    actors: dict[str, Actor]

    def mention_of(self, s: Span) -> str | None: ...

    def coded(self, span: Span) -> tuple[Span, Coded | None]: ...

    def add(self, span: Span, coded: Coded, contextual: bool) -> str: ...


def _phrase_actor(lk: Linker, tok: Any) -> tuple[str | None, Coded | None]:
    """The actor a noun token's phrase mentions, or codes as (added)."""
    span = Span.of(lk.text, *phrase(tok))
    aid = lk.mention_of(span)
    if aid is not None:
        return aid, None
    core, coded = lk.coded(span)
    if coded is None:
        return surname(lk, tok), None
    return lk.mention_of(core) or lk.add(core, coded, False), coded


def surname(lk: Linker, tok: Any) -> str | None:
    """``Rojkan`` (which the tagger took for a place): the one person of the
    article with that surname."""
    if tok.pos_ != "PROPN" or not tok.is_title:
        return None
    found = [
        a.id
        for a in lk.actors.values()
        if a.kind == "person" and len(a.name.split()) > 1
        if a.name.split()[-1] == tok.text
    ]
    return found[0] if len(found) == 1 else None


def _together(lk: Linker, tok: Any) -> list[str]:
    """``Robinson and Rojkan``: the actors of a coordination, when every
    conjunct names one."""
    conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ in NOMINAL]
    if not conj:
        return []
    out: list[str] = []
    for t in [tok, *conj]:
        aid, _ = _phrase_actor(lk, t)
        if aid is None:
            return []
        out.append(aid)
    return list(dict.fromkeys(out)) if len(set(out)) > 1 else []


def _token(lk: Linker, tok: Any, cls: str) -> list[str]:
    if cls == "p":
        found = _together(lk, tok)
        if found:
            return found
    if lk.ante is None or tok.pos_ not in NOMINAL:
        return []
    plural = tok.tag_ in PLURAL_TAGS
    if cls == "n" and plural:
        return []
    aid, coded = _phrase_actor(lk, tok)
    if aid is None:
        return []
    if coded is not None and coded.kind not in KINDS[cls]:
        return []
    return [aid] if lk.ante.fits(aid, cls, True, plural) else []


def referents(lk: Linker, start: int, cls: str, done_to: bool = False) -> list[str]:
    """The actors a pronoun of class ``cls`` at ``start`` refers to;
    ``done_to``: the pronoun is the one arrested or sentenced, who is not a
    body of the state (``Armed police swooped ... Their arrests``)."""
    ante = lk.ante
    if ante is None or cls not in ("m", "f", "p", "n"):
        return []
    passes = (True, False) if cls in ("m", "f") else (True,)
    for strict in passes:
        for kind, x in ante.candidates(start, cls):
            if kind == "t":
                found = _token(lk, x, cls)
            elif ante.fits(x[2], cls, strict, ante.plural(x[0], x[1])):
                found = [x[2]]
            else:
                found = _together(lk, ante.head(x[0], x[1])) if cls == "p" else []
            if found and not (done_to and _state(lk, found)):
                return found
    return _one_person(lk, start, cls) if cls in ("m", "f") else []


def _state(lk: Linker, found: list[str]) -> bool:
    """Bodies of the state (police, army, courts, government), not people."""
    actors = [lk.actors[a] for a in found if a in lk.actors]
    return any(a.kind != "person" and a.sector in STATE for a in actors)


def named_together(lk: Linker, start: int) -> list[str]:
    """``these men``: the people last named together before ``start``."""
    if lk.ante is None:
        return []
    for kind, x in lk.ante.candidates(start, "p"):
        tok = x if kind == "t" else lk.ante.head(x[0], x[1])
        found = _together(lk, tok)
        if found and all(lk.actors[a].kind == "person" for a in found):
            return found
    return []


def _one_person(lk: Linker, start: int, cls: str) -> list[str]:
    """``A former soldier was jailed after he was convicted``: no named
    person fits, so a phrase of one person before it in its sentence."""
    ante = lk.ante
    assert ante is not None
    n = ante.sentence(start)
    nouns = word_set(FILE, "person_nouns", "any") | word_set(FILE, "person_nouns", cls)
    for a, b, aid in sorted(ante.mentions, key=lambda m: -m[0]):
        if b > start or ante.sentence(a) != n or ante.quoted(a) != ante.quoted(start):
            continue
        head = ante.head(a, b)
        if head.tag_ == "NN" and head.lemma_.lower() in nouns:
            return [aid]
    return []
