"""The registry: every extractor, in the order they run.

Each extractor reads the records of the ones before it from the draft:
actors need the quotes; signals the actors; claims the quotes and events;
places the actors' countries; event places the places, dates and actors;
event merge the placed and dated events (one record per happening);
contradictions the finished events; confidence, last, every record. A new
extractor goes into its package and here.
"""

from __future__ import annotations

from reportedly.extract import (
    actors,
    confidence,
    dates,
    events,
    places,
    quotes,
    signals,
)
from reportedly.extract._draft import Extractor

REGISTRY: tuple[Extractor, ...] = (
    quotes.QUOTES,
    actors.ACTORS,
    signals.SIGNALS,
    events.EVENTS,
    events.CLAIMS,
    events.EVENT_ACTORS,
    places.PLACES,
    dates.DATES,
    events.EVENT_PLACES,
    events.EVENT_MERGE,
    signals.CONTRADICTIONS,
    confidence.CONFIDENCE,
)
