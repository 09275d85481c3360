"""Events: PLOVER 2.0 type (and mode) plus CAMEO root, from verbs and nouns.

``events(doc, article)`` yields one :class:`Event` per trigger (a verb or an
event noun listed in ``lexicons/events.toml``) with its actors, recipients,
quantities and the clause as evidence. ``classify(doc, source=, target=)``
types a sentence, or the relation between two marked character ranges, for
the benchmarks.

Four later steps, each versioned and run as its own extractor, complete the
events: ``_claims`` (claimant and modality, from the attributions),
``_actors`` (participants resolved to actors with country and sector),
``_places`` (location and date) and ``_merge`` (one record per happening).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract._spans import span_range
from reportedly.extract.events import _actors, _claims, _merge, _places
from reportedly.extract.events._actors import PRONOUNS
from reportedly.extract.events._args import (
    arg_ranges,
    noun_args,
    quantities,
    verb_args,
)
from reportedly.extract.events._decide import decided
from reportedly.extract.events._frames import cameo_reading, read
from reportedly.extract.events._lexicon import STATEMENT, Trigger, tables
from reportedly.extract.events._sides import place_actors, without_towns
from reportedly.model import Event, EventArg, Quantity, Span, stable_id

__all__ = [
    "CLAIMS",
    "EVENTS",
    "EVENT_ACTORS",
    "EVENT_MERGE",
    "EVENT_PLACES",
    "PRONOUNS",
    "VERSION",
    "classify",
    "events",
]

VERSION = "events.v2"

CLAUSE_STOP = frozenset(["conj", "parataxis", "advcl", "ccomp"])


def _clause(tok: Any) -> tuple[int, int]:
    """Token range of the clause a trigger stands in, cut before conjoined
    clauses that have their own subject."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr"):
            verb = verb.head
        else:
            break
    if verb.pos_ not in ("VERB", "AUX"):
        verb = tok
    lo, hi = verb.left_edge.i, verb.right_edge.i
    for c in verb.children:
        if c.dep_ in CLAUSE_STOP and c.i > verb.i:
            own = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            if own or (c.dep_ == "conj" and c.pos_ == "VERB"):
                hi = min(hi, c.left_edge.i - 1)
        elif c.dep_ in CLAUSE_STOP and c.i < verb.i:
            lo = max(lo, c.right_edge.i + 1)
    doc = tok.doc
    while hi > lo and (doc[hi].dep_ in ("cc", "punct") or doc[hi].is_space):
        hi -= 1
    return lo, max(lo, hi)


def _args(text: str, ranges: list[tuple[int, int]]) -> tuple[EventArg, ...]:
    return tuple(EventArg(span=Span.of(text, a, b)) for a, b in ranges)


def events(doc: Any, article: Any) -> Iterator[Event]:
    """Yield every event found in ``doc`` (the parse of ``article.text``):
    the candidates that no rule rules out and the relevance model keeps."""
    tab = tables()
    text = article.text
    seen: set[tuple[str, int, int]] = set()
    counted: dict[tuple[int, int], tuple] = {}  # quantities of a clause
    for tok, trig, p in decided(doc, tab):
        is_verb = tok.pos_ in ("VERB", "AUX")
        actor, rec = verb_args(tok) if is_verb else noun_args(tok)
        lo, hi = _clause(tok)
        ev = span_range(doc, lo, hi) or (tok.idx, tok.idx + len(tok.text))
        key = (trig.type, ev[0], ev[1])
        if key in seen:
            continue
        seen.add(key)
        if (lo, hi) not in counted:
            counted[(lo, hi)] = tuple(
                Quantity(value=v, unit=u, text=text[a:b], start=a, end=b)
                for v, u, a, b in quantities(doc, lo, hi)
            )
        yield Event(
            id=stable_id(article.id, trig.type, ev[0], ev[1]),
            type=trig.type,
            cameo=trig.cameo,
            mode=trig.mode,
            evidence=Span.of(text, ev[0], ev[1]),
            trigger=Span.of(text, tok.idx, tok.idx + len(tok.text)),
            actors=_args(text, arg_ranges(actor)),
            recipients=_args(text, arg_ranges(rec)),
            quantities=counted[(lo, hi)],
            confidence=round(min(max(p, 0.01), 0.99), 2),
        )


def _head_of(doc: Any, rng: tuple[int, int]) -> Any | None:
    """The syntactic head of the tokens overlapping a character range."""
    toks = [t for t in doc if t.idx < rng[1] and t.idx + len(t.text) > rng[0]]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _chain(tok: Any) -> list[Any]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _best(cands: list[tuple[Any, Trigger]]) -> tuple[Any, Trigger] | None:
    """The highest non-statement trigger of a path (governing verbs decide:
    ``agreed to lift`` is AGREE), else the highest statement."""
    events_ = [c for c in cands if c[1].type != STATEMENT]
    if events_:
        return events_[-1]
    return cands[-1] if cands else None


def classify(
    doc: Any,
    *,
    source: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
    reported: bool = False,
) -> tuple[str, str, float]:
    """Return (PLOVER type or STATEMENT, CAMEO root, confidence) of a sentence,
    or of the relation between a marked source and target char range.

    With ``reported``, a sentence whose main verb is a statement (``X said Y
    was detained``) is a STATEMENT, as CAMEO coders code it; otherwise the
    reported event is typed."""
    tab = tables()
    found = {t.i: trig for t in doc if (trig := read(t, tab)) is not None}
    if reported and not (source or target):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None and root.i in found and found[root.i].type == STATEMENT:
            return STATEMENT, found[root.i].cameo, 0.5
    pick = None
    conf = 0.7
    heads = [h for r in (target, source) if r and (h := _head_of(doc, r))]
    if heads:
        paths = [_chain(h) for h in heads]
        common = {t.i for t in paths[-1]}
        path = paths[0]
        if len(paths) == 2:
            cut = next((k for k, t in enumerate(path) if t.i in common), len(path))
            path = path[: cut + 1]
            other = paths[1]
            path += [t for t in other[: other.index(path[-1])] if t not in path]
        path = sorted(path, key=lambda t: len(_chain(t)) * -1)
        pick = _best([(t, found[t.i]) for t in path if t.i in found])
    if pick is None or pick[1].type == STATEMENT:
        conf = 0.5
        roots = sorted(found, key=lambda i: len(_chain(doc[i])), reverse=True)
        pick = _best([(doc[i], found[i]) for i in roots]) or pick
    if pick is None:
        return STATEMENT, "01", 0.2
    trig = cameo_reading(pick[0], pick[1], tab)
    if trig.type == STATEMENT:
        conf = 0.4
    if _expresses(doc, found):
        # "claimed responsibility for the attack", "expressed condolences
        # after the bombing": CAMEO codes the statement (015, 018, 012 ...);
        # PLOVER, which has no statements, keeps the event it is about
        return trig.type, "01", conf
    return trig.type, trig.cameo, conf


def _expresses(doc: Any, found: dict[int, Trigger]) -> bool:
    """Is the main verb a statement whose object is an expression noun
    (``expressed concern``, ``claimed responsibility``)?"""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.i not in found or found[root.i].type != STATEMENT:
        return False
    return any(
        c.dep_ == "dobj" and c.i in found and found[c.i].type == STATEMENT
        for c in root.children
    )


def _run(draft: Draft) -> None:
    draft.events = list(events(draft.doc, draft.article))


def _run_claims(draft: Draft) -> None:
    """The claimant and modality of each event, from the attributions it sits in."""
    draft.events = list(_claims.claims(draft.doc, draft.events, draft.quotes))


def _run_event_actors(draft: Draft) -> None:
    """Participants resolved to actors; new actors for coded participants."""
    draft.events, draft.actors = _actors.event_actors(
        draft.events, draft.actors, draft.article, draft.doc
    )


def _run_event_places(draft: Draft) -> None:
    """Where and when, from resolved place mentions outside actor names."""
    known = {p.id for p in draft.places if p.geonames_id is not None}
    # a demonym or a place inside an organisation's name says whose, not where
    located = [
        m for m in draft.place_mentions if m.place_id in known and m.kind == "name"
    ]
    # a participant named only by a town's or region's name is that place
    # ("the siege of Aleppo", "any Idlib offensive"): where, not who
    towns = place_actors(draft.actors, located)
    draft.events = [without_towns(e, towns) for e in draft.events]
    taken = [m for a in draft.actors if a.id not in towns for m in a.mentions]
    taken += [
        x.span
        for e in draft.events
        for x in (*e.actors, *e.recipients)
        if x.actor_id and x.actor_id not in towns
    ]
    published = draft.article.published
    countries = {p.id: p.country for p in draft.places}
    draft.events = _places.event_places(
        draft.doc,
        draft.events,
        located,
        draft.dates,
        published=published,
        actors=taken,
        countries=countries,
        towns=towns,
    )


EVENTS = Extractor("events", VERSION, _run)
CLAIMS = Extractor("claims", _claims.VERSION, _run_claims)
EVENT_ACTORS = Extractor("event_actors", _actors.VERSION, _run_event_actors)
EVENT_PLACES = Extractor("event_places", _places.VERSION, _run_event_places)
EVENT_MERGE = Extractor(
    "event_merge",
    _merge.VERSION,
    lambda d: setattr(d, "events", _merge.merge(d.doc, d.events, d.actors, d.places)),
)
