"""The records of one article while the extractors run, and the extractor record.

A :class:`Draft` starts with the parse (and the re-parsed headline) and is
filled in by every extractor of the registry in turn: each reads what the
ones before it left and sets its own fields. ``extract()`` turns the finished
draft into an :class:`~reportedly.model.Analysis`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportedly.model import Actor, Article, Event, Place, Quote, Signal

if TYPE_CHECKING:
    from reportedly.extract.dates import DateMention
    from reportedly.extract.places import PlaceMention


@dataclass(slots=True)
class Draft:
    """The records of one article, mutable while the extractors run.

    ``headline`` is ``(start, doc)``: a separate parse of the headline (a
    sentence-case copy of a Title Case one) starting at ``start``, or None.
    """

    doc: Any
    article: Article
    headline: tuple[int, Any] | None = None
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Extractor:
    """One versioned extractor: ``run(draft)`` sets its fields of the draft.

    ``version`` changes whenever the records it produces change, and is
    saved with every analysis (``Analysis.extractors``).
    """

    name: str
    version: str
    run: Callable[[Draft], None]
