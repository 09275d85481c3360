"""The data model of reportedly: frozen records and their dict form.

Every span is a character range into ``Article.text`` and must satisfy
``article.text[span.start:span.end] == span.text``. This module imports
nothing else from the package.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short hex digest of ``parts``, the same on every run and machine."""
    h = hashlib.sha1()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A character range of ``Article.text`` with its text."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``."""
        return cls(text=text[start:end], start=start, end=end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One input document as read, before cleaning.

    ``content`` is text; ``content_type`` is ``"text"`` or ``"html"``.
    """

    source: str
    content: str
    content_type: str = "text"
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """A stretch of input text that cleaning dropped, with the reason."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the text every span indexes."""

    id: str
    text: str
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = "en"
    removed: tuple[Removed, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A person, organisation or group named in the article."""

    id: str
    name: str
    kind: str  # person | organization | group | media | country | unknown
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place named in the article, resolved to GeoNames where possible."""

    id: str
    name: str
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    mentions: tuple[Span, ...] = ()
    admin1: str | None = None  # GeoNames admin1 code within ``country``
    population: int | None = None
    confidence: float | None = None  # 0..1, how sure the resolution is

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "geonames_id": self.geonames_id,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "admin1": self.admin1,
            "population": self.population,
            "confidence": self.confidence,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """The span naming who speaks, linked to an actor when resolved."""

    span: Span
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.span.to_dict(), "actor_id": self.actor_id}


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """An attribution: who (speaker) said what (content), signalled by a cue.

    ``kind`` is ``direct``, ``indirect`` or ``mixed``; ``pattern`` names the
    rule that found it (e.g. ``said``, ``according_to``, ``headline``);
    ``parent_id`` links a nested attribution to the one that reports it.
    """

    id: str
    kind: str
    content: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    parts: tuple[Span, ...] = ()
    pattern: str = ""
    parent_id: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "parts": [p.to_dict() for p in self.parts],
            "pattern": self.pattern,
            "parent_id": self.parent_id,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EventArg:
    """An event participant or place as written, linked to an actor or place."""

    span: Span
    actor_id: str | None = None
    place_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.span.to_dict()
        if self.place_id is not None:
            out["place_id"] = self.place_id
        else:
            out["actor_id"] = self.actor_id
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number tied to an event: ``36 innocent people killed`` -> 36, people."""

    value: float
    unit: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Claimant:
    """Who asserts an event: the speaker of the attribution it sits in."""

    span: Span
    actor_id: str | None = None
    quote_id: str | None = None
    chain: tuple[str, ...] = ()  # quote ids, outermost first, for nesting

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.span.to_dict(),
            "actor_id": self.actor_id,
            "quote_id": self.quote_id,
            "chain": list(self.chain),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A coded event: PLOVER type (and mode), CAMEO root, who did what to whom.

    ``actors``/``recipients`` hold every participant (compound actors);
    ``actor``/``recipient`` are the first of each, as the contract names them.
    """

    id: str
    type: str
    cameo: str | None
    evidence: Span
    trigger: Span | None = None  # the verb or noun that names the event
    mode: str | None = None
    actors: tuple[EventArg, ...] = ()
    recipients: tuple[EventArg, ...] = ()
    location: EventArg | None = None
    location_precision: str | None = None  # point | admin2 | admin1 | country
    location_source: str | None = None  # clause | sentence | article
    date: str | None = None
    date_text: Span | None = None
    date_precision: str | None = None  # day | week | month | year
    date_source: str | None = None  # clause | sentence | published
    quantities: tuple[Quantity, ...] = ()
    modality: str = "asserted"
    claimant: Claimant | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "actor": self.actors[0].to_dict() if self.actors else None,
            "recipient": self.recipients[0].to_dict() if self.recipients else None,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "location_precision": self.location_precision,
            "location_source": self.location_source,
            "date": self.date,
            "date_text": self.date_text.to_dict() if self.date_text else None,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "quantities": [q.to_dict() for q in self.quantities],
            "modality": self.modality,
            "claimant": self.claimant.to_dict() if self.claimant else None,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal:
    """A sourcing or text-quality observation about the article."""

    kind: str
    message: str
    span: Span | None = None
    related: tuple[Span, ...] = ()  # other spans the signal points at

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "span": self.span.to_dict() if self.span else None,
            "related": [s.to_dict() for s in self.related],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """Everything extracted from one article: the output contract."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    signals: tuple[Signal, ...] = ()
    extractors: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "removed": [r.to_dict() for r in self.article.removed],
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "signals": [s.to_dict() for s in self.signals],
            "extractors": dict(self.extractors),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ErrorRecord:
    """A document that could not be analysed, and why."""

    source: str
    error: str  # a short machine-readable kind, e.g. "empty", "encoding"
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.error, "message": self.message}


def field_names(cls: type) -> list[str]:
    """Return the field names of a record class, in order."""
    return [f.name for f in fields(cls)]
