"""Give each event its place and its date.

Place: the place its own clause names (``struck northern Homs``), else the
nearest place of its sentence, else the article's focus (the resolved place
mentioned most often; the first on a tie). A participant that is only a
place (``struck northern Homs`` has no actor ``northern Homs``) moves from the
recipients to the location. Precision comes from the place (``point`` for a
town, ``admin1`` for a province, ``country``); a direction or a relation
(``northern Homs``, ``east of Palmyra``) widens a point to the area around
it, ``admin1``.

Date (``_when``): the date phrase of its clause, else of a clause governing
it, when plausible; else the publication date for news of the day
(``date_source: published``), or null with ``before_published`` /
``after_published`` when the text places it earlier or later.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from reportedly.extract.events._when import date_event
from reportedly.model import Event, EventPlace, Span

VERSION = "event_places.v2"
# "in Homs", "near Palmyra": the prepositions that say where something happens
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "around",
        "over",
        "into",
        "on",
        "throughout",
        "from",
        "within",
        "off",
    ]
)


class PlaceMentionLike(Protocol):
    """A place mention (``places.PlaceMention``), read-only."""

    @property
    def span(self) -> Span: ...
    @property
    def place_id(self) -> str | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def hint(self) -> str | None: ...
    @property
    def hint_span(self) -> Span | None: ...


class DateMentionLike(Protocol):
    """A date mention (``dates.DateMention``), read-only."""

    @property
    def span(self) -> Span: ...
    @property
    def value(self) -> str | None: ...
    @property
    def precision(self) -> str: ...


def _inside(s: Span, lo: int, hi: int) -> bool:
    return lo <= s.start and s.end <= hi


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
    root = found.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return "loc"
    if root.dep_ in ("dobj", "appos", "conj") or root.head.i == root.i:
        return "obj" if root.dep_ != "conj" else _conj_role(root)
    return "other"


def _conj_role(tok: Any) -> str:
    """``in Homs and Hama``: a conjunct takes its first conjunct's role."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
        return "loc"
    return "obj" if tok.dep_ == "dobj" else "other"


class _Sentences:
    def __init__(self, doc: Any) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]

    def of(self, pos: int) -> tuple[int, int]:
        for lo, hi in self.bounds:
            if lo <= pos < hi:
                return lo, hi
        return pos, pos


def focus(places: Sequence[PlaceMentionLike]) -> PlaceMentionLike | None:
    """The article's focus: its most mentioned resolved place."""
    resolved = [m for m in places if m.place_id]
    if not resolved:
        return None
    counts = Counter(m.place_id for m in resolved)
    best = max(counts.values())
    return next(m for m in resolved if counts[m.place_id] == best)


def _locate(
    ev: Event,
    places: Sequence[PlaceMentionLike],
    sent: tuple[int, int],
    top: Any,
    roles: dict[int, str],
) -> Event:
    resolved = [m for m in places if m.place_id]
    pos = (ev.trigger or ev.evidence).start
    # a recipient that is nothing but a place is where, not whom
    keep, moved = [], None
    for r in ev.recipients:
        hit = next((m for m in resolved if _overlaps(_full(m), r.span)), None)
        if hit is not None and r.actor_id is None and moved is None:
            moved = hit
        else:
            keep.append(r)
    ev = dataclasses.replace(ev, recipients=tuple(keep))
    lo, hi = ev.evidence.start, ev.evidence.end
    where, source = moved, "clause"
    if where is None:  # the clause's own place: "struck Homs", "in Homs"
        here = [m for m in resolved if _inside(m.span, lo, hi)]
        where = _nearest([m for m in here if roles[m.span.start] != "other"], pos)
    if where is None:  # the sentence's: "in Homs", "struck Homs", not "USA officials"
        there = [m for m in resolved if _inside(m.span, *sent)]
        where = _nearest([m for m in there if roles[m.span.start] != "other"], pos)
        source = "sentence"
    if where is None and top is not None:
        where, source = top, "article"
    if where is None:
        return ev
    return dataclasses.replace(
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
) -> list[Event]:
    """Return ``events`` with location, date and their precision and source.

    ``actors`` are the spans that name actors (``Russia's strikes``, ``Paris
    would support``, ``USA officials``): a place named there acts, it is not
    where anything happens."""
    places = [m for m in places if not any(_overlaps(m.span, a) for a in actors)]
    sentences = _Sentences(doc)
    top = focus(places)
    roles = {m.span.start: _role(doc, m.span) for m in places}
    out = []
    for ev in events:
        sent = sentences.of((ev.trigger or ev.evidence).start)
        ev = _locate(ev, places, sent, top, roles)
        out.append(date_event(doc, ev, dates, sent, published))
    return out
