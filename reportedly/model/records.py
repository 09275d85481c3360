"""The analysis records: frozen dataclasses whose dict form is the output contract.

Every span is a character range into ``Article.text`` and must satisfy
``article.text[span.start:span.end] == span.text``. Field order is the order of
the JSON keys; ``to_dict``/``from_dict`` come from ``Record``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import ClassVar

from reportedly.model._serial import FLATTEN, SKIP, Record


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short hex digest of ``parts``, the same on every run and machine."""
    h = hashlib.sha1()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span(Record):
    """A character range of ``Article.text`` with its text."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``."""
        return cls(text=text[start:end], start=start, end=end)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument(Record):
    """One input document as read, before cleaning.

    ``content`` is text; ``content_type`` is ``"text"`` or ``"html"``.
    ``published`` is the date the record or page gives; ``fetched`` when the
    page was crawled (a WARC-Date), used only when the page gives no date.
    """

    source: str
    content: str
    content_type: str = "text"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    fetched: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed(Record):
    """A stretch of input text that cleaning dropped, with the reason."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article(Record):
    """A cleaned article: the text every span indexes.

    ``removed`` is written at the top of the analysis record, not here.
    """

    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "en"
    source: str = ""
    text: str
    removed: tuple[Removed, ...] = field(default=(), metadata=SKIP)


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Record):
    """A person, organisation or group named in the article."""

    id: str
    name: str
    kind: str  # person | organization | group | media | country | unknown
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Record):
    """A place named in the article, resolved to GeoNames where possible."""

    id: str
    name: str
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    admin1: str | None = None  # GeoNames admin1 code within ``country``
    population: int | None = None
    confidence: float | None = None  # 0..1, how sure the resolution is
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker(Record):
    """The span naming who speaks, linked to an actor when resolved."""

    span: Span = field(metadata=FLATTEN)
    actor_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Record):
    """An attribution: who (speaker) said what (content), signalled by a cue.

    ``kind`` is ``direct``, ``indirect`` or ``mixed``; ``pattern`` names the
    rule that found it (e.g. ``said``, ``according_to``, ``headline``);
    ``parent_id`` links a nested attribution to the one that reports it.
    """

    id: str
    kind: str
    speaker: Speaker | None = None
    cue: Span | None = None
    content: Span
    parts: tuple[Span, ...] = ()
    pattern: str = ""
    parent_id: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class EventArg(Record):
    """An event participant as written, linked to an actor when resolved."""

    span: Span = field(metadata=FLATTEN)
    actor_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPlace(Record):
    """Where an event happened, as written, linked to a place record."""

    span: Span = field(metadata=FLATTEN)
    place_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(Record):
    """A number tied to an event: ``36 innocent people killed`` -> 36, people."""

    value: float
    unit: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Claimant(Record):
    """Who asserts an event: the speaker of the attribution it sits in."""

    span: Span = field(metadata=FLATTEN)
    actor_id: str | None = None
    quote_id: str | None = None
    chain: tuple[str, ...] = ()  # quote ids, outermost first, for nesting


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Record):
    """A coded event: PLOVER type (and mode), CAMEO root, who did what to whom.

    ``actors``/``recipients`` hold every participant (compound actors);
    ``actor``/``recipient`` are the first of each, as the contract names them.
    ``mentions`` are the other evidence spans of the article that tell the same
    happening (a headline and its body sentence, ``the release`` told again),
    merged into this one record by ``event_merge``.
    """

    _DERIVED: ClassVar[dict[str, tuple[str, ...]]] = {"cameo": ("actor", "recipient")}

    id: str
    type: str
    mode: str | None = None
    cameo: str | None
    actors: tuple[EventArg, ...] = ()
    recipients: tuple[EventArg, ...] = ()
    location: EventPlace | None = None
    location_precision: str | None = None  # point | admin2 | admin1 | country
    # clause | sentence | statement | previous | article; with no location, why:
    # ambiguous (the article's focus is) | no_place
    location_source: str | None = None
    date: str | None = None
    date_text: Span | None = None
    date_precision: str | None = None  # day | week | month | year
    # clause | sentence | published; with no date: before_published |
    # after_published (the text places the event earlier or later)
    date_source: str | None = None
    quantities: tuple[Quantity, ...] = ()
    modality: str = "asserted"
    claimant: Claimant | None = None
    evidence: Span
    trigger: Span | None = None  # the verb or noun that names the event
    mentions: tuple[Span, ...] = ()  # other spans telling the same happening
    confidence: float = 0.5  # calibrated: how likely the record is usable
    detection: float | None = None  # how sure detection is that this is an event

    @property
    def actor(self) -> EventArg | None:
        """The first actor, or None."""
        return self.actors[0] if self.actors else None

    @property
    def recipient(self) -> EventArg | None:
        """The first recipient, or None."""
        return self.recipients[0] if self.recipients else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal(Record):
    """A sourcing or text-quality observation about the article."""

    kind: str
    message: str
    span: Span | None = None
    related: tuple[Span, ...] = ()  # other spans the signal points at


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis(Record):
    """Everything extracted from one article: the output contract."""

    _DERIVED: ClassVar[dict[str, tuple[str, ...]]] = {"article": ("removed",)}

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    signals: tuple[Signal, ...] = ()
    extractors: dict[str, str] = field(default_factory=dict)

    @property
    def removed(self) -> tuple[Removed, ...]:
        """What cleaning dropped from the article."""
        return self.article.removed

    @classmethod
    def _incoming(cls, data: dict) -> dict:
        article = {**data.get("article", {}), "removed": data.get("removed", [])}
        return {**data, "article": article}


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorRecord(Record):
    """A document that could not be analysed, and why."""

    source: str
    error: str  # a short machine-readable kind, e.g. "empty", "encoding"
    message: str
