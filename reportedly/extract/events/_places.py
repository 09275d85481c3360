"""Give each event its place and its date.

Place (``_where``): the place its own clause names (``struck northern
Homs``, ``in Homs``), else the place of a clause that governs it (``detained
when holidaying in Turkey``), and for a statement the place it was made when
the text says so (``told reporters in Geneva that ...``, ``speaking in
Ankara``): ``location_source`` ``clause``, ``sentence`` or ``statement``.
A place in another clause of the sentence is not the event's (``warned that
troops would advance from Afrin``). Else the article's focus (its most
mentioned place, source ``article``) only when it is unambiguous (see
``focus_of``); else no location, and ``location_source`` says why:
``ambiguous`` (the article names places of several countries or no leading
one) or ``no_place``. A participant that is only a place (``struck northern
Homs`` has no actor ``northern Homs``) moves from the recipients to the
location. Precision comes from the place (``point`` for a town, ``admin1``
for a province, ``country``); a direction or a relation (``northern Homs``,
``east of Palmyra``) widens a point to the area around it, ``admin1``.

Date (``_when``): the date phrase of its clause, else of a clause governing
it, when plausible; else the publication date for news of the day
(``date_source: published``), or null with ``before_published`` /
``after_published`` when the text places it earlier or later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reportedly.extract._spans import doc_text
from reportedly.extract.events import _where
from reportedly.extract.events._focus import (
    PlaceMentionLike,
    dateline_end,
    focus,
    focus_of,
)
from reportedly.extract.events._lexicon import tables
from reportedly.extract.events._previous import from_previous
from reportedly.extract.events._when import DateMentionLike, date_event
from reportedly.model import Event, EventPlace, Span, replace

__all__ = ["VERSION", "event_places", "focus", "focus_of"]

VERSION = "event_places.v4"


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _nearest(items: list[Any], pos: int) -> Any | None:
    """The mention closest to ``pos``; after it wins a tie (``struck X``)."""
    if not items:
        return None
    return min(items, key=lambda m: (abs(m.span.start - pos), m.span.start < pos))


def _full(m: PlaceMentionLike) -> Span:
    return m.hint_span or m.span


def _precision(m: PlaceMentionLike) -> str:
    if m.hint and m.precision == "point":
        return "admin1"
    return m.precision


def _role(doc: Any, span: Span) -> str:
    """``loc`` after a locative preposition, ``obj`` as an object, else ``other``
    (a subject or a modifier: ``USA officials``, ``the USA had concerns``)."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None:
        return "other"
    return _where.role(found.root)


class _Sentences:
    def __init__(self, doc: Any) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]

    def of(self, pos: int) -> tuple[int, int]:
        for lo, hi in self.bounds:
            if lo <= pos < hi:
                return lo, hi
        return pos, pos


@functools.cache
def _quads() -> dict[str, str]:
    """Event type -> its class (``verbal_conflict`` ...), from events.toml."""
    trig = tables()
    return {t.type: t.quad for d in (trig.verbs, trig.nouns) for t in d.values()}


def _token(doc: Any, span: Span) -> Any | None:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return None if found is None else found.root


def _own_place(
    doc: Any, ev: Event, at: dict[int, Any], roles: dict[int, str]
) -> tuple[PlaceMentionLike | None, str]:
    """The place the event's own clause or a clause governing it names;
    ``at`` maps root tokens to the resolved places."""
    trig = _token(doc, ev.trigger or ev.evidence)
    if trig is None:
        return None, "clause"
    pos = (ev.trigger or ev.evidence).start
    ante = _where.antecedent(trig)
    if ante is not None and ante.i in at:
        return at[ante.i], "clause"
    statement = _where.is_statement(_quads().get(ev.type))
    actors = [(a.span.start, a.span.end, a.span.text) for a in ev.actors]
    for head, skip, source, setting in _where.levels(trig, statement):
        if source == "statement" and not _where.speaker_own(head, actors):
            return None, "clause"  # inside another actor's quoted content
        lo, hi = head.left_edge.i, head.right_edge.i
        if not any(lo <= i <= hi for i in at):
            continue  # own() walks only head's subtree: no place there
        here = [
            at[t.i]
            for t, how in _where.own(head, skip, setting)
            if t.i in at and (how == "said" or roles[at[t.i].span.start] != "other")
        ]
        if here:
            return _nearest(here, pos), source
    return None, "clause"


def _bare(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I).lower()


def _target(ev: Event, every: Sequence[PlaceMentionLike]) -> PlaceMentionLike | None:
    """``an assault on Afrin``: a recipient that is nothing but a place, even
    one that also names an actor, is where an assault or coercion happened."""
    if not _where.is_target(ev.type):
        return None
    for r in ev.recipients:
        for m in every:
            # the overlap first: an article has many mentions, a recipient few
            if not (m.place_id and _overlaps(m.span, r.span)):
                continue
            if _bare(r.span.text) in (_bare(m.span.text), _bare(_full(m).text)):
                return m
    return None


_Own = tuple[Event, PlaceMentionLike | None, str]


def _own(
    doc: Any,
    ev: Event,
    resolved: list[PlaceMentionLike],
    at: dict[int, Any],
    roles: dict[int, str],
    every: Sequence[PlaceMentionLike],
    towns: frozenset[str] = frozenset(),
) -> _Own:
    """``(event, place, source)``: the event without a recipient that is
    only a place (or a town named as an actor), and the place its own
    clauses give it (or None)."""
    keep, moved = [], None
    for r in ev.recipients:
        hit = next((m for m in resolved if _overlaps(_full(m), r.span)), None)
        if hit is not None and r.actor_id in (None, *towns) and moved is None:
            moved = hit
        else:
            keep.append(r)
    if moved is not None:  # else the same recipients: no copy to make
        ev = replace(ev, recipients=tuple(keep))
    where, source = moved or _target(ev, every), "clause"
    if where is None:
        where, source = _own_place(doc, ev, at, roles)
    return ev, where, source


def _locate(
    doc: Any,
    own: _Own,
    top: tuple[PlaceMentionLike | None, str],
    sentence: tuple[PlaceMentionLike | None, set[str]] = (None, set()),
) -> Event:
    """The event of ``own`` (see ``_own``) with its location: its own place,
    else the sentence's only place, else ``top``, the article's focus."""
    ev, where, source = own
    only, claimed = sentence
    if where is None and only is not None and only.place_id not in claimed:
        trig, tok = _token(doc, ev.trigger or ev.evidence), _token(doc, only.span)
        if trig is not None and tok is not None and _where.free(tok, trig):
            where, source = only, "sentence"
    if where is None:
        where, source = top
    if where is None:  # why there is no place: no_place | ambiguous
        return replace(ev, location_source=source)
    return replace(
        ev,
        location=EventPlace(span=_full(where), place_id=where.place_id),
        location_precision=_precision(where),
        location_source=source,
    )


def event_places(
    doc: Any,
    events: Iterable[Event],
    places: Sequence[PlaceMentionLike],
    dates: Sequence[DateMentionLike],
    *,
    published: str | None = None,
    actors: Sequence[Span] = (),
    countries: Mapping[str, str | None] | None = None,
    towns: frozenset[str] = frozenset(),
) -> list[Event]:
    """Return ``events`` with location, date and their precision and source.

    ``actors`` are the spans that name actors (``Russia's strikes``, ``Paris
    would support``, ``USA officials``): a place named there acts, it is not
    where anything happens. ``countries`` maps a place id to its country, to
    tell whether the article's focus is unambiguous."""
    every = list(places)
    # whether each mention sits in an actor's span, asked twice: found once
    acting = [any(_overlaps(m.span, a) for a in actors) for m in every]
    places = [m for m, x in zip(every, acting, strict=True) if not x]
    # a place after a locative preposition inside a participant's name says
    # where its own clause happened ("partnering with the group in Syria"),
    # though it is no sentence's or article's place; a participant that is
    # the place itself stays a participant ("called on the US")
    inner = [
        m
        for m, x in zip(every, acting, strict=True)
        if m.place_id
        and x
        and not any(_bare(a.text) == _bare(m.span.text) for a in actors)
        and _role(doc, m.span) == "loc"
    ]
    sentences = _Sentences(doc)
    dateline = dateline_end(doc_text(doc))
    top = focus_of(places, countries, after=dateline)
    roles = {m.span.start: _role(doc, m.span) for m in (*places, *inner)}
    events = list(events)
    sents = [sentences.of((ev.trigger or ev.evidence).start) for ev in events]
    # what an event's own clauses say does not depend on the pass: read once
    resolved = [m for m in places if m.place_id]
    at: dict[int, Any] = {}  # the resolved places by root token, the first wins
    for m in (*resolved, *inner):
        if (tok := _token(doc, m.span)) is not None:
            at.setdefault(tok.i, m)
    owns = [_own(doc, ev, resolved, at, roles, every, towns) for ev in events]
    # first pass: the places events take from their own clauses
    claimed: dict[tuple[int, int], set[str]] = {}
    for (_, where, _), sent in zip(owns, sents, strict=True):
        if where is not None and where.place_id:
            claimed.setdefault(sent, set()).add(where.place_id)
    out = []
    for own, sent in zip(owns, sents, strict=True):
        only = None
        if _where.lex()["sentence"]["enabled"]:
            only = _where.sentence_place(places, sent, roles, dateline)
        ev = _locate(doc, own, top, (only, claimed.get(sent, set())))
        out.append(date_event(doc, ev, dates, sent, published))
    return from_previous(doc, out)
